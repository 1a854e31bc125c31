import * as assert from 'node:assert/strict';
import { analyze, applyFixes, disableEdit, parseStory } from '../../src/core';
import { headingKind } from '../../src/core/parse';

describe('parser', () => {
  it('maps heading variants to steps', () => {
    const cases: Array<[string, string | null]> = [
      ['Situation', 'situation'], ['S — Situation', 'situation'], ['A: Action', 'action'], ['RESULT!', 'result'], ['Result:', 'result'],
      ['Lessons', 'reflection'], ['Learnings', 'reflection'], ['Follow ups', 'followups'], ['Followups', 'followups'], ['Follow-ups', 'followups'],
      ['**Task**', 'task'], ['Situation: the pager storm', 'situation'], ['Background noise', null], ['Actionable items', null],
    ];
    for (const [title, kind] of cases) assert.equal(headingKind(title), kind, title);
  });
  it('reads Follow-up probes and their answers', () => {
    const doc = parseStory('## Follow-ups\n### Why you?\nBecause I saw it.\n### What next?\nA runbook.\n');
    const fu = doc.step('followups')!;
    assert.deepEqual(fu.probes.map((p) => p.question), ['Why you?', 'What next?']);
    assert.equal(doc.text.slice(fu.probes[0].answerStart, fu.probes[0].answerEnd).trim(), 'Because I saw it.');
  });
  it('keeps quotes, code, comments and headings out of prose', () => {
    const doc = parseStory('## Action\nI said "we did it" and ran `we --all`. <!-- we --> Done.\n');
    const prose = doc.sectionSentences(doc.step('action')!).map((s) => s.prose).join(' ');
    assert.doesNotMatch(prose, /\bwe\b/);
  });
  it('ignores headings inside code fences and keeps an unclosed fence inside its step', () => {
    const doc = parseStory('## Action\n```\n## Result\n```\nI did it.\n## Result\nOK\n```\n## Reflection\n');
    assert.deepEqual(doc.sections.map((s) => s.kind), ['action', 'result']);
  });
  it('splits sentences at abbreviations and decimals correctly', () => {
    const doc = parseStory('## Action\nI cut p99 from 2.5 s to 0.8 s, e.g. on checkout. Then I wrote it up for Dr. Lee. I shipped it.\n');
    assert.equal(doc.sectionSentences(doc.step('action')!).length, 3);
  });
  it('keeps columns right with CRLF, tabs, emoji and non-Latin text', () => {
    const text = '---\r\nquestion: q\r\n---\r\n## Task\r\n\t😀 東京 — we shipped it.\r\n';
    const f = analyze(text).findings.find((x) => x.ruleId === 'we-language')!;
    const line = text.split('\r\n')[f.range.start.line];
    assert.equal(line.slice(f.range.start.character, f.range.end.character), 'we');
  });
  it('honours disable comments for a line and for the rest of the file', () => {
    const base = '## Task\n<!-- star-lint-disable-next-line we-language -->\nWe did it.\nWe did it again.\n';
    assert.equal(analyze(base).findings.filter((f) => f.ruleId === 'we-language').length, 1);
    const all = '<!-- star-lint-disable we-language -->\n' + base;
    assert.equal(analyze(all).findings.filter((f) => f.ruleId === 'we-language').length, 0);
  });
  it('survives bad input without throwing', () => {
    for (const t of ['', '\u0000\u0001\uFFFD', '---', '---\n: : :\n---', '#'.repeat(1000), '```', '<!--', '\r\r\r', '\uFEFF---\nquestion: q\n---\n']) {
      assert.doesNotThrow(() => analyze(t), JSON.stringify(t.slice(0, 10)));
    }
  });
});

describe('fixes and disable comments', () => {
  it('inserts several missing steps in one pass, in STAR order', () => {
    const a = analyze;
    const text = '# T\n\n## Situation\nThe ledger dropped points.\n\n## Reflection\nRetries need an owner before two services share an id, so I now write that down.\n';
    const fixed = applyFixes(text, a(text).findings.filter((f) => f.ruleId === 'missing-section'));
    assert.deepEqual(a(fixed).findings.filter((f) => f.ruleId === 'missing-section' || f.ruleId === 'section-order'), []);
    assert.ok(fixed.indexOf('## Task') < fixed.indexOf('## Action') && fixed.indexOf('## Action') < fixed.indexOf('## Result'));
  });
  it('turns a rule off for the file when asked to disable a front matter line', () => {

    const edit = disableEdit('---\nprinciples: [Ownershp]\n---\n## Task\n', 1, 'invalid-front-matter', 'line');
    assert.equal(edit.range.start.line, 3);
    assert.match(edit.newText, /star-lint-disable invalid-front-matter/);
  });
});
