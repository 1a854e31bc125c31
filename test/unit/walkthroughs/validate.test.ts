/**
 * Walkthrough files: the shipped ones are valid and cover every principle; each kind of bad file gives
 * a message naming the file, the line and the key, and the other files still load.
 */
import * as assert from 'node:assert/strict';
import { PRINCIPLES, loadWalkthroughs, validateWalkthrough, MAX_WALKTHROUGH_CHARS } from '../../../src/core';
import { VALID, builtinFiles, lineOf } from './fixture';

const FILE = 'my-walkthroughs/fixed-flaky-suite.yaml';

/** Validates a broken copy and returns its single most relevant problem. */
function problemsOf(text: string, file = FILE) {
  const r = validateWalkthrough(text, file, 'user');
  assert.equal(r.walkthrough, undefined, 'a file with a problem gives no walkthrough');
  assert.ok(r.problems.length > 0, 'a broken file reports at least one problem');
  for (const p of r.problems) {
    assert.equal(p.file, file);
    assert.match(p.message, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\S+: .+`), p.message);
    assert.ok(p.message.startsWith(`${p.file}:${p.line}: ${p.key}: `), p.message);
  }
  return r.problems;
}

describe('walkthroughs: the shipped files', () => {
  const files = builtinFiles();

  it('has walkthrough files to check', () => {
    assert.ok(files.length >= 16, `only ${files.length} files in walkthroughs/`);
  });

  for (const f of files) {
    it(`${f.name} validates with no problem`, () => {
      const r = validateWalkthrough(f.text, f.name);
      assert.deepEqual(r.problems.map((p) => p.message), []);
      assert.ok(r.walkthrough);
      assert.equal(r.walkthrough.source, 'builtin');
    });
  }

  it('covers every one of the sixteen principles at least once', () => {
    const { walkthroughs, problems } = loadWalkthroughs(files);
    assert.deepEqual(problems, []);
    const covered = new Set(walkthroughs.flatMap((w) => w.principles));
    const missing = PRINCIPLES.map((p) => p.name).filter((p) => !covered.has(p));
    assert.equal(PRINCIPLES.length, 16);
    assert.deepEqual(missing, [], `no walkthrough for: ${missing.join(', ')}`);
  });

  it('keeps the built-in spoken-time targets (Situation 30, Task 20, Action 90, Result 20, Reflection 15)', () => {
    const { walkthroughs } = loadWalkthroughs(files);
    for (const w of walkthroughs) {
      assert.deepEqual(
        [w.steps.situation, w.steps.task, w.steps.action, w.steps.result, w.steps.reflection].map((s) => s.targetSeconds),
        [30, 20, 90, 20, 15],
        w.id,
      );
    }
  });
});

describe('walkthroughs: validateWalkthrough', () => {
  it('reads a valid file into a typed walkthrough', () => {
    const r = validateWalkthrough(VALID, FILE, 'user');
    assert.deepEqual(r.problems, []);
    const w = r.walkthrough!;
    assert.equal(w.id, 'fixed-flaky-suite');
    assert.deepEqual(w.principles, ['Ownership', 'Dive Deep']);
    assert.equal(w.steps.task.signals[0].check, 'scope-boundary');
    assert.deepEqual(w.steps.task.signals[0].cues, ['nobody owned']);
    assert.equal(w.steps.situation.signals[0].check, undefined);
    assert.equal(w.quiz[1].answer, 1);
    assert.equal(w.source, 'user');
    assert.equal(w.file, FILE);
    assert.deepEqual(JSON.parse(JSON.stringify(w)), w, 'plain JSON');
  });

  it('bad YAML: names the line and the key where the parser stopped', () => {
    const text = VALID.replace('leadWith: >-\n  Open with', 'leadWith: "Open with');
    const [p] = problemsOf(text);
    assert.equal(p.line, lineOf(text, 'leadWith: "Open with'));
    assert.equal(p.key, 'leadWith');
    assert.match(p.message, /not valid YAML/);
  });

  it('bad YAML: a duplicate key', () => {
    const text = VALID.replace('principles: [Ownership, Dive Deep]', 'principles: [Ownership, Dive Deep]\nprinciples: [Ownership]');
    const [p] = problemsOf(text);
    assert.equal(p.line, lineOf(text, 'principles: [Ownership]'));
    assert.equal(p.key, 'principles');
    assert.match(p.message, /unique/i);
  });

  it('missing key: names the key path', () => {
    const text = VALID.replace(/leadWith: >-\n {2}Open with[^\n]*\n/, '');
    const ps = problemsOf(text);
    assert.deepEqual(ps.map((p) => [p.key, p.line]), [['leadWith', 1]]);
    assert.match(ps[0].message, /^my-walkthroughs\/fixed-flaky-suite\.yaml:1: leadWith: missing \(required\)$/);
  });

  it('missing key inside a step: the step\'s line and the full path', () => {
    const text = VALID.replace(/( {2}task:\n {4}targetSeconds: 20\n {4}coaching: >-\n[^\n]*\n)/, '  task:\n    targetSeconds: 20\n');
    const ps = problemsOf(text);
    const p = ps.find((x) => x.key === 'steps.task.coaching');
    assert.ok(p, ps.map((x) => x.message).join('\n'));
    assert.equal(p.line, lineOf(text, '  task:') + 1);
  });

  it('wrong type: a whole number expected', () => {
    const text = VALID.replace('    targetSeconds: 20\n', '    targetSeconds: twenty\n');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'steps.task.targetSeconds');
    assert.equal(p.line, lineOf(text, 'targetSeconds: twenty'));
    assert.match(p.message, /expected a whole number of seconds/);
  });

  it('wrong type: text expected, a list found', () => {
    const text = VALID.replace('question: Tell me about a time you fixed a flaky test suite nobody owned', 'question: [one, two]');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'question');
    assert.equal(p.line, 2);
    assert.match(p.message, /expected text, found a list/);
  });

  it('wrong type: an empty string', () => {
    const text = VALID.replace('    probes: Self-awareness', '    probes: ""');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'followUps[2].probes');
    assert.equal(p.line, lineOf(text, 'probes: ""'));
  });

  it('unknown key: a typo is caught with a suggestion', () => {
    const text = VALID.replace('followUps:', 'folowUps:');
    const ps = problemsOf(text);
    const typo = ps.find((p) => p.key === 'folowUps');
    assert.ok(typo);
    assert.equal(typo.line, lineOf(text, 'folowUps:'));
    assert.match(typo.message, /unknown key \(did you mean `followUps`\?\)/);
    assert.ok(ps.some((p) => p.key === 'followUps' && /missing/.test(p.message)));
  });

  it('unknown key: deep inside a signal', () => {
    const text = VALID.replace('        cues: [I traced]', '        cues: [I traced]\n        weight: 3');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'steps.action.signals[0].weight');
    assert.equal(p.line, lineOf(text, 'weight: 3'));
  });

  it('unknown principle: with the nearest name', () => {
    const text = VALID.replace('principles: [Ownership, Dive Deep]', 'principles: [Ownershp, Dive Deep]');
    const ps = problemsOf(text);
    assert.equal(ps[0].key, 'principles[0]');
    assert.equal(ps[0].line, lineOf(text, 'principles: [Ownershp'));
    assert.match(ps[0].message, /unknown principle "Ownershp" \(did you mean "Ownership"\?\)/);
  });

  it('one lens per principle', () => {
    const missingLens = VALID.replace(/ {2}- principle: Dive Deep\n(?: {4}[^\n]*\n){3}/, '');
    const [p] = problemsOf(missingLens);
    assert.equal(p.key, 'lenses');
    assert.match(p.message, /no lens for "Dive Deep"/);

    const extra = VALID.replace('  - principle: Dive Deep', '  - principle: Frugality');
    const ps = problemsOf(extra);
    assert.ok(ps.some((x) => x.key === 'lenses[1].principle' && /not in this walkthrough's principles/.test(x.message)));
  });

  it('answer out of range', () => {
    const text = VALID.replace('    answer: 1\n    why: It has a number.', '    answer: 2\n    why: It has a number.');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'quiz[0].answer');
    assert.equal(p.line, lineOf(text, 'answer: 2'));
    assert.match(p.message, /out of range: options has 2 items/);
  });

  it('an unknown signal check', () => {
    const text = VALID.replace('check: metric', 'check: metrics');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'steps.result.signals[0].check');
    assert.match(p.message, /did you mean "metric"/);
  });

  it('too few items in a list', () => {
    const text = VALID.replace(/ {2}- question: Which Task line[\s\S]*$/, '');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'quiz');
    assert.match(p.message, /expected 2 to 4 quiz questions, found 1/);
  });

  it('id: kebab-case and equal to the file name', () => {
    assert.match(problemsOf(VALID, 'x/other-name.yaml')[0].message, /^x\/other-name\.yaml:1: id: "fixed-flaky-suite" must equal the file name/);
    const camel = VALID.replace('id: fixed-flaky-suite', 'id: FixedFlakySuite');
    assert.match(problemsOf(camel, 'FixedFlakySuite.yaml')[0].message, /not kebab-case/);
  });

  it('a key phrase that is not in the strong answer', () => {
    const text = VALID.replace('keyPhrase: measured the flake rate on day one', 'keyPhrase: measured everything');
    const [p] = problemsOf(text);
    assert.equal(p.key, 'followUps[2].keyPhrase');
  });

  it('never throws: empty, binary, huge, non-map, anchor bombs', () => {
    assert.match(problemsOf('')[0].message, /:1: \(file\): the file is empty/);
    assert.match(problemsOf('\u0000\u0001PNG')[0].message, /binary/);
    assert.match(problemsOf('x'.repeat(MAX_WALKTHROUGH_CHARS + 1))[0].message, /KB/);
    assert.match(problemsOf('- just\n- a list\n')[0].message, /\(file\): expected a walkthrough/);
    assert.match(problemsOf('just a sentence')[0].message, /expected a walkthrough/);
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      laughs.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const started = Date.now();
    const bomb = problemsOf(`${laughs.join('\n')}\n`);
    assert.ok(Date.now() - started < 1000, 'an anchor bomb is refused quickly');
    assert.ok(bomb.some((p) => /alias/.test(p.message)), bomb.map((p) => p.message).join('\n'));
    // The same bomb next to a valid walkthrough.
    const inside = problemsOf(`${laughs.join('\n')}\n${VALID}`);
    assert.ok(inside.some((p) => /alias/.test(p.message)), inside.map((p) => p.message).join('\n'));
  });

  it('accepts shared text through an anchor and an alias', () => {
    const text = VALID
      .replace('    weakWhy: A hunch is not evidence.', '    weakWhy: &nohunch A hunch is not evidence.')
      .replace('    weakWhy: No reflection at all.', '    weakWhy: *nohunch');
    const r = validateWalkthrough(text, FILE);
    assert.deepEqual(r.problems, []);
    assert.equal(r.walkthrough!.followUps[2].weakWhy, 'A hunch is not evidence.');
  });
});

describe('walkthroughs: loadWalkthroughs', () => {
  it('one bad file does not stop the others', () => {
    const good = builtinFiles();
    const bad = [
      { name: 'mine/broken-yaml.yaml', text: 'id: broken-yaml\nquestion: "oops\n', source: 'user' as const },
      { name: 'mine/fixed-flaky-suite.yaml', text: VALID.replace('answer: 1', 'answer: 9'), source: 'user' as const },
    ];
    const r = loadWalkthroughs([...good, ...bad]);
    assert.equal(r.walkthroughs.length, good.length);
    assert.equal(new Set(r.problems.map((p) => p.file)).size, 2);
    assert.ok(r.problems.every((p) => p.file.startsWith('mine/')));
  });

  it('a user walkthrough with a built-in id replaces it, with a note', () => {
    const builtin = { name: 'walkthroughs/fixed-flaky-suite.yaml', text: VALID, source: 'builtin' as const };
    const user = { name: 'mine/fixed-flaky-suite.yaml', text: VALID.replace('Tell me about a time you fixed a flaky test suite nobody owned', 'Tell me about the flaky suite'), source: 'user' as const };
    const r = loadWalkthroughs([builtin, user]);
    assert.equal(r.walkthroughs.length, 1);
    assert.equal(r.walkthroughs[0].source, 'user');
    assert.equal(r.walkthroughs[0].question, 'Tell me about the flaky suite');
    assert.equal(r.notes.length, 1);
    assert.match(r.notes[0], /mine\/fixed-flaky-suite\.yaml: walkthrough "fixed-flaky-suite" replaces the one in walkthroughs\/fixed-flaky-suite\.yaml/);
    assert.deepEqual(r.problems, []);
  });
});
