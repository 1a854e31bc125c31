/**
 * Pathological input: huge, deep, broken or hostile text. Each case must finish (a generous 5 s guard catches
 * hangs and quadratic blow-ups; nothing else is timed), must not throw, must keep every range inside the
 * document, and must give a clear finding where one applies.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core';
import type { Analysis, Finding, Range } from '../../../src/core';

const GUARD_MS = 5000;

/** Analyzes `text` under the time guard and checks every range against the editor's view of the lines. */
function check(text: string): Analysis {
  const t0 = performance.now();
  const a = analyze(text);
  const ms = performance.now() - t0;
  assert.ok(ms < GUARD_MS, `analysis took ${(ms / 1000).toFixed(1)} s (guard ${GUARD_MS / 1000} s): a hang or a super-linear case`);
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (r: Range, what: string): void => {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside the ${lines.length} lines`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character ${p.character} past line ${p.line}`);
    }
    assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end`);
  };
  for (const f of a.findings) {
    assert.ok(!/internal error/i.test(f.message), `a rule threw: ${f.message}`);
    inside(f.range, f.ruleId);
    for (const e of f.fix?.edits ?? []) inside(e.range, `${f.ruleId} fix`);
  }
  return a;
}

const ids = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.ruleId))].sort();
const of = (a: Analysis, rule: string): Finding[] => a.findings.filter((f) => f.ruleId === rule);

/** A short, clean story around an Action body; the other steps keep the content rules quiet. */
function story(action: string): string {
  return [
    '---',
    'question: Tell me about a time you fixed something outside your team',
    'principles: [Ownership]',
    '---',
    '## Situation',
    'Refund emails went out twice for one order in forty, and support spent a day a week on apologies.',
    '## Task',
    'The mailer belonged to the payments team, not mine, and nobody had filed a ticket.',
    '## Action',
    action,
    '## Result',
    'Duplicate emails fell from 2.5% to zero, saving support about six hours a week; payments adopted my replay test.',
    '## Reflection',
    'Idempotency belongs in the contract between teams: I now ask every new queue consumer how it handles a replay.',
    '',
  ].join('\n');
}

/** Deterministic pseudo-random bytes (no Math.random: failures must reproduce). */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('robustness: pathological input', function () {
  this.timeout(30000);

  it('an empty file: one missing-section per step, at the top', () => {
    const a = check('');
    assert.deepEqual(ids(a.findings), ['missing-section']);
    assert.deepEqual(a.findings.map((f) => f.section).sort(), ['action', 'reflection', 'result', 'situation', 'task']);
    for (const f of a.findings) assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('100,000 headings: parsed, and the empty steps are named', () => {
    const kinds = ['## Situation', '## Task', '## Action', '## Result', '## Reflection', '### a sub-heading', '# A title'];
    const text = Array.from({ length: 100_000 }, (_, i) => kinds[i % kinds.length]).join('\n');
    const a = check(text);
    const level2 = Array.from({ length: 100_000 }, (_, i) => i % kinds.length).filter((k) => k < 5).length;
    assert.equal(a.doc.sections.length, level2);
    const empty = of(a, 'empty-section').map((f) => f.section).sort();
    assert.deepEqual(empty, ['action', 'reflection', 'result', 'situation', 'task']);
    assert.equal(of(a, 'missing-section').length, 0);
  });

  it('one 5 MB line: no headings, so every step is missing, and ranges stay on line 0', () => {
    const text = 'I rebuilt the cache warmer and we shipped it on a Friday. '.repeat(Math.ceil((5 * 1024 * 1024) / 58));
    const a = check(text);
    assert.equal(a.doc.lines.lineCount, 1);
    assert.equal(of(a, 'missing-section').length, 5);
    for (const f of a.findings) assert.equal(f.range.end.line, 0);
  });

  it('a list nested 10,000 levels deep still reads its words', () => {
    const a = check(story('- '.repeat(10_000) + 'we rolled the change back together.'));
    const we = of(a, 'we-language');
    assert.ok(we.length >= 1, 'the "we" at the bottom of the list is found');
    assert.equal(we[0].range.start.line, 9);
    assert.equal(we[0].range.start.character, 20_000);
  });

  it('a list indented over 1,000 lines (1 MB of indentation)', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- I checked shard ${i}.`);
    lines.push('- we merged it.');
    const a = check(story(lines.join('\n')));
    assert.equal(of(a, 'we-language').length, 1);
  });

  it('a block quote nested 10,000 levels deep still reads its words', () => {
    const a = check(story('>'.repeat(10_000) + ' we argued about it for a week.'));
    const we = of(a, 'we-language');
    assert.equal(we.length, 1);
    assert.equal(we[0].range.start.line, 9);
  });

  it('10,000 front matter keys: the real keys are still read', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `note${i}: an extra key the rules ignore`);
    const text = ['---', ...keys, 'principles: [Dive Deep]', 'level: senior', '---', '## Situation', 'x'].join('\n');
    const a = check(text);
    assert.equal(a.level, 'senior');
    assert.deepEqual(a.principles, ['Dive Deep']);
    assert.equal(of(a, 'invalid-front-matter').length, 0);
  });

  it('YAML "billion laughs" anchors give invalid-front-matter, not an expansion', () => {
    const rows = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      rows.push(`l${i}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    }
    const text = ['---', 'question: Tell me about a time you fixed a queue', ...rows, '---', '## Situation', 'x', ''].join('\n');
    const before = process.memoryUsage().heapUsed;
    const a = check(text);
    const fm = of(a, 'invalid-front-matter');
    assert.ok(fm.length >= 1, 'an invalid-front-matter finding');
    assert.ok(fm.every((f) => f.section === 'frontmatter' && f.range.start.line >= 1 && f.range.end.line <= rows.length + 2));
    assert.ok(fm.some((f) => f.severity === 'error'));
    assert.equal(a.doc.frontMatter?.question, 'Tell me about a time you fixed a queue', 'the other keys are still read');
    // 9^10 strings were never built.
    assert.ok(JSON.stringify(a.doc.frontMatter?.data ?? {}).length < 1_000_000);
    assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
  });

  it('4,000 aliases of one anchor finish quickly (alias resolution stays linear)', () => {
    const text = ['---', 'base: &base a shared value', ...Array.from({ length: 4000 }, (_, i) => `copy${i}: *base`), 'level: sde1', '---', '## Situation', 'x'].join('\n');
    const a = check(text);
    assert.equal(a.level, 'sde1');
  });

  it('a paragraph of 20,000 unclosed quotation marks finishes quickly', () => {
    // Each opener used to scan to the end of the paragraph for its closer. Curly and single marks take the same path.
    check(story(`I said ${'"maybe '.repeat(20_000)}and fixed it.`));
  });

  it('a run of 40,000 white-space characters inside a sentence finishes quickly', () => {
    // Code spans are blanked to spaces in the prose the rules read, so long runs come from code, too. Every
    // kind of white space a regex's \s matches: ASCII, no-break, em and ideographic spaces, form feed, line separator.
    for (const space of [' ', '\t', '\u00a0', '\u2003', '\u3000', '\f', '\u2028']) {
      check(story(`I found${space.repeat(40_000)}the leak and I fixed it, and we shipped it.`));
    }
  });

  it('a draft with 2,500 blank lines after its only step finishes quickly', () => {
    // A story being written from the top: the later steps are missing, so their skeletons go at the end.
    const a = check(`## Situation\nThe export job failed every night.\n${'\n'.repeat(2500)}More notes.\n`);
    assert.equal(of(a, 'missing-section').length, 4);
  });

  it('one long sentence with 30,000 hedges, "together"s or handoffs finishes quickly', () => {
    for (const phrase of ['kind of ', 'together ', 'I sent them a message and ']) {
      check(story(`I fixed it ${phrase.repeat(30_000)}in the end.`));
    }
  });

  it('an unclosed code fence: everything after it is code, so the later steps are reported missing', () => {
    const text = story(['I bisected the release.', '```sh', 'we ran it together', '## Result', 'we did it'].join('\n'));
    const a = check(text);
    assert.deepEqual(of(a, 'missing-section').map((f) => f.section).sort(), ['reflection', 'result']);
    assert.equal(of(a, 'we-language').length, 0, 'nothing inside the fence is prose');
    assert.deepEqual(a.doc.sections.map((s) => s.kind), ['situation', 'task', 'action']);
  });

  it('an unclosed HTML comment hides the rest of the file', () => {
    const text = story('I bisected the release. <!-- draft: we did it together').replace('## Result', 'we kept going\n## Result');
    const a = check(text);
    assert.equal(of(a, 'we-language').length, 0, 'nothing inside the comment is prose');
    assert.deepEqual(of(a, 'missing-section').map((f) => f.section).sort(), ['reflection', 'result']);
  });

  it('an unclosed front matter: invalid-front-matter on line 1, and the body is still read', () => {
    const text = ['---', 'question: Tell me about a time you fixed a flaky test', 'level: senior', '## Situation', 'x', '## Action', 'We fixed it.'].join('\n');
    const a = check(text);
    const fm = of(a, 'invalid-front-matter');
    assert.equal(fm.length, 1);
    assert.equal(fm[0].range.start.line, 0);
    assert.match(fm[0].message, /never closed/);
    assert.ok(a.doc.step('action'), 'the steps are still found');
  });

  it('binary bytes decoded as UTF-8 (NUL, replacement characters, lone surrogates)', () => {
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes(256 * 1024, 7));
    const a = check(decoded);
    assert.ok(a.findings.every((f) => typeof f.message === 'string' && f.message.length > 0));
    // Lone surrogates and NULs as JavaScript strings too.
    check('\u0000\ud800## Situation\udc00\n\uffff\ufffe'.repeat(10_000));
  });
});
