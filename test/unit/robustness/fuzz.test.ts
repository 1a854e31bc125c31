/**
 * Property-based robustness of the core: random Markdown-shaped text (headings with step names and their
 * variants, front matter fragments, lists, quotes, code fences, HTML comments, disable comments, CRLF,
 * surrogate pairs, emoji, zero-width and right-to-left characters, random bytes decoded as UTF-8) must never
 * make the engine throw, every range must lie inside the document, findings must be deterministic, and
 * applying the fixes must not create a new error of the same rule.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyFixes, lint } from '../../../src/core';
import type { Finding, Range } from '../../../src/core';

/** Lines of a text, split the way an editor splits them (CRLF, LF and lone CR all end a line). */
function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Asserts that `range` is a well-formed range inside `lines`; `what` names it in the failure message. */
function assertInside(range: Range, lines: string[], what: string): void {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: ${name} is not integral: ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: ${name}.line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: ${name}.character ${p.character} past line ${p.line} (length ${lines[p.line].length})`);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: start after end: ${JSON.stringify(range)}`);
}

/** Asserts every finding range, fix edit range and step heading range of one analysis lies inside the text. */
function assertRangesInside(text: string): Finding[] {
  const lines = editorLines(text);
  const a = analyze(text);
  for (const f of a.findings) {
    assert.ok(!/internal error/i.test(f.message), `a rule threw: ${f.message}`);
    assertInside(f.range, lines, `${f.ruleId} finding`);
    for (const e of f.fix?.edits ?? []) assertInside(e.range, lines, `${f.ruleId} fix edit`);
  }
  for (const s of a.steps) if (s.headingRange) assertInside(s.headingRange, lines, `${s.step} heading`);
  for (const v of [a.totalSeconds, ...a.steps.map((s) => s.seconds)]) assert.ok(Number.isFinite(v) && v >= 0, `bad spoken time ${v}`);
  return a.findings;
}

function errorCounts(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: pieces of story-shaped Markdown.

const STEP_WORDS = [
  'Situation', 'situation', 'SITUATION', 'Task', 'Action', 'action', 'Result', 'Results', 'Reflection', 'Learnings',
  'Lessons', 'Follow-ups', 'Follow ups', 'Followups', 'S — Situation', 'T: Task', 'A: Action', '(R) Result',
  '1. Situation', 'Situation: the queue backed up', 'Result — what changed', 'Action!', 'Task.', 'Background', '',
];
const heading = fc
  .tuple(fc.constantFrom('#', '##', '##', '##', '###', '####', ' ##', '   ##', '####### '), fc.constantFrom(' ', '\t', '  ', ''), fc.constantFrom(...STEP_WORDS), fc.constantFrom('', ' ##', ':', ' —', '?'))
  .map(([hashes, gap, word, tail]) => `${hashes}${gap}${word}${tail}`);

const frontMatterLine = fc.constantFrom(
  '---', '---', '...', 'question: Tell me about a time you owned a mess', 'question: 42', 'question:',
  'principles: [Ownership, Dive Deep]', 'principles: [Ownrship, Custmer Obsesion]', 'principles: Ownership',
  'principles: [[nested], {a: 1}]', 'principle: Deliver Reslts', 'level: senior', 'level: SDE1', 'level: principal',
  'level: [sde2]', 'walkthrough: raised-quality-bar', 'walkthrough: {}', 'tags: [a, b]', 'company: "unterminated',
  'a: &x [1, 2]', 'b: *x', 'c: *missing', '  - Ownership', '- Dive Deep', 'question: |', '  folded text', 'key: value: other',
  '\tindented: tab', 'question: "quoted: colon"', '? complex key', ': orphan value', '%YAML 1.2', '!!binary x',
);

const PROSE = [
  'I fixed the retry loop.', 'We fixed it together.', 'The team and I shipped it.', 'Our fix went out on Friday.',
  'Our customers noticed.', 'My manager asked me to look into it.', 'I was assigned the ticket.', 'I think it was kind of slow.',
  'Maybe it probably helped a bit.', 'The logs were analyzed.', 'A fix got deployed.', 'I sent them a Slack message.',
  'I escalated it and waited for them.', 'Things got better and the team was happy.', 'Errors fell from 0.3% to 0.', 'We saved $40k a month.',
  'It cut pages in half.', 'Other teams adopted the runbook.', 'I learned communication is important.', 'Nobody asked me; it was not my team.',
  'The incentives and ownership process were the systemic cause.', 'He said "we did it ourselves" and left.', 'Use `we` sparingly.', 'e.g. this one.',
  'I reproduced it, wrote a test, and verified the fix in staging', 'forty nine hundred customers', 'Dr. Smith vs. Mr. Jones at 3 p.m. Then I left!',
];
const prose = fc.constantFrom(...PROSE);
const listItem = fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '12) ', '  - ', '    * ', '- - '), prose).map(([m, p]) => m + p);
const quote = fc.tuple(fc.constantFrom('> ', '>', '> > ', '>>> '), prose).map(([m, p]) => m + p);
const fence = fc.constantFrom('```', '```ts', '~~~', '````', '   ```', '``` `inline` ```', 'const we = 1; // we did it');
const comment = fc.constantFrom(
  '<!--', '-->', '<!-- a comment -->', '<!-- star-lint-disable we-language -->', '<!-- star-lint-disable-next-line -->',
  '<!-- star-lint-disable -->', '<!-- star-lint-disable-next-line hedging, we-language -->', '<!-- star-lint-enable -->', 'text <!-- open',
  'close --> We did it.',
);
const table = fc.constantFrom('| step | what |', '|---|---|', '| Action | we fixed it |', '|', '| | |');
const special = fc.constantFrom(
  '\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066', '\ufeff', '\u00a0', '😀', '👩‍💻', '🇺🇸', '\ud83d', '\ude00', '\udc00\ud800',
  'مرحبا نحن أصلحنا', 'שלום', '我们修复了它。', 'ｗｅ', 'e\u0301', '\u0000', '\t', '\u2028', '\u2029', '\u0085', '\f', '\v',
);
const bytesAsUtf8 = fc.uint8Array({ maxLength: 40 }).map((b) => new TextDecoder('utf-8', { fatal: false }).decode(b));
const randomChars = fc.string({ unit: 'binary', maxLength: 30 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 20 });

/** One line: mostly Markdown structure and prose, sometimes noise, sometimes pieces glued together. */
const piece = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 2, arbitrary: frontMatterLine },
  { weight: 6, arbitrary: prose },
  { weight: 2, arbitrary: listItem },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: comment },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: special },
  { weight: 1, arbitrary: bytesAsUtf8 },
  { weight: 1, arbitrary: randomChars },
  { weight: 1, arbitrary: graphemes },
  { weight: 2, arbitrary: fc.constant('') },
);
const line = fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.array(piece, { minLength: 2, maxLength: 3 }).map((p) => p.join(' ')) });
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A whole document: optional front matter, then lines joined by a mix of line breaks. */
const storyText = fc
  .tuple(
    fc.option(fc.array(frontMatterLine, { maxLength: 6 }).map((l) => ['---', ...l, '---']), { freq: 2 }),
    fc.array(fc.tuple(line, eol), { maxLength: 50 }),
    fc.boolean(),
  )
  .map(([fm, body, finalEol]) => {
    let text = fm ? fm.join('\n') + '\n' : '';
    body.forEach(([l, e], i) => (text += l + (i < body.length - 1 || finalEol ? e : '')));
    return text;
  });

/** A story built on a well-formed skeleton, with random pieces spliced into its steps. */
const skeletonText = fc
  .tuple(fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), line), { maxLength: 12 }), eol, fc.boolean())
  .map(([inserts, e, shuffle]) => {
    const lines = [
      '---', 'question: Tell me about a time you fixed something nobody owned', 'principles: [Ownership]', 'level: sde2', '---',
      '## Situation', 'Checkout timed out for one in fifty buyers.', '## Task', 'It was not my team and nobody asked.',
      '## Action', 'I profiled it. I found the lock. I fixed it.', '## Result', 'Timeouts fell to 0.1%, saving $9k a week.',
      '## Reflection', 'Shared locks need an owner and an SLO, or nobody watches them until customers do.',
    ];
    for (const [at, l] of inserts) lines.splice(Math.min(at, lines.length), 0, l);
    if (shuffle) lines.reverse();
    return lines.join(e);
  });

const anyText = fc.oneof(storyText, skeletonText, bytesAsUtf8.map((s) => s.repeat(3)), randomChars);

// A fixed seed keeps the suite reproducible; STAR_FUZZ_SEED=<n> STAR_FUZZ_RUNS=20000 for a long local soak
// (fast-check prints the seed and the shrunk counterexample of any failure).
const RUNS = Number(process.env.STAR_FUZZ_RUNS) || 500;
const SEED = Number(process.env.STAR_FUZZ_SEED) || 20240607;

describe('robustness: random Markdown-shaped input', function () {
  this.timeout(20000);

  it('never throws and keeps every range inside the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assertRangesInside(text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('gives the same findings for the same input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = JSON.stringify(lint(text));
        const b = JSON.stringify(lint(text));
        assert.equal(b, a);
        // A copy of the string (not the same object) gives the same answer too.
        assert.equal(JSON.stringify(lint((' ' + text).slice(1))), a);
      }),
      { numRuns: RUNS / 2, seed: SEED + 1 },
    );
  });

  it('applying the fixes (up to 3 passes) creates no new error of the same rule', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let current = text;
        let findings = assertRangesInside(current);
        for (let pass = 0; pass < 3; pass++) {
          const fixable = findings.filter((f) => f.fix);
          if (fixable.length === 0) break;
          const fixedRules = new Set(fixable.map((f) => f.ruleId));
          const before = errorCounts(findings);
          const next = applyFixes(current, fixable);
          assert.equal(typeof next, 'string');
          const after = errorCounts((findings = assertRangesInside(next)));
          for (const rule of fixedRules) {
            assert.ok(
              (after.get(rule) ?? 0) <= (before.get(rule) ?? 0),
              `pass ${pass + 1}: fixing ${rule} raised its errors from ${before.get(rule) ?? 0} to ${after.get(rule) ?? 0}\n--- before ---\n${JSON.stringify(current)}\n--- after ---\n${JSON.stringify(next)}`,
            );
          }
          current = next;
        }
      }),
      { numRuns: RUNS / 2, seed: SEED + 1 },
    );
  });

  it('applyFixes with no findings returns the text unchanged', () => {
    fc.assert(fc.property(anyText, (text) => applyFixes(text, []) === text), { numRuns: 50, seed: SEED + 2 });
  });
});
