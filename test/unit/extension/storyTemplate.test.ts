import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LEVELS, PRINCIPLES, STEPS, analyze, storyFileName, storyTemplate } from '../../../src/core';
import type { Level } from '../../../src/core';

/** Rules that say the skeleton's structure is wrong; a fresh skeleton must trigger none of them. */
const STRUCTURE = ['missing-section', 'empty-section', 'section-order', 'invalid-front-matter'];

describe('core: story template (New Story)', () => {
  it('has every step in order, with a hint under each, and no structure finding', () => {
    for (const level of LEVELS) {
      const text = storyTemplate({ question: 'Tell me about a time you fixed something nobody asked you to fix', principles: ['Ownership', 'Dive Deep'], level });
      const a = analyze(text);
      assert.deepEqual(a.findings.filter((f) => STRUCTURE.includes(f.ruleId)), [], level);
      assert.deepEqual(a.doc.sections.map((s) => s.kind), [...STEPS]);
      assert.equal(a.level, level);
      assert.deepEqual(a.principles, ['Ownership', 'Dive Deep']);
    }
  });

  it('writes canonical principle names and keeps unknown ones as written (reported as a warning only)', () => {
    const a = analyze(storyTemplate({ principles: ['ownership', 'dive deep', 'Are Right, A Lot', 'Making Coffee'] }));
    assert.deepEqual(a.doc.frontMatter?.principles, ['Ownership', 'Dive Deep', 'Are Right, A Lot', 'Making Coffee']);
    const fm = a.findings.filter((f) => f.ruleId === 'invalid-front-matter');
    assert.equal(fm.length, 1);
    assert.equal(fm[0].severity, 'warning');
  });

  it('reads back any question exactly, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...LEVELS), fc.subarray(PRINCIPLES.map((p) => p.name)), (question: string, level: Level, principles: string[]) => {
        const text = storyTemplate({ question, level, principles });
        const a = analyze(text);
        assert.deepEqual(a.findings.filter((f) => STRUCTURE.includes(f.ruleId)), [], JSON.stringify(question));
        const expected = question.replace(/\s+/gu, ' ').trim();
        assert.equal(a.doc.frontMatter?.question, expected || undefined);
        assert.deepEqual(a.principles, principles);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('honours CRLF line endings', () => {
    const text = storyTemplate({ question: 'Q?', level: 'sde1', eol: '\r\n' });
    assert.ok(!/[^\r]\n/.test(text));
    assert.deepEqual(analyze(text).findings.filter((f) => STRUCTURE.includes(f.ruleId)), []);
  });

  it('names the file after the question', () => {
    assert.equal(storyFileName('Tell me about a time you pushed back on your manager'), 'pushed-back-on-your-manager.star.md');
    assert.equal(storyFileName('Tell me about a time when you had to dive deep into a production outage at night'), 'dive-deep-into-a-production-outage.star.md');
    assert.equal(storyFileName('Describe a situation where you earned trust'), 'earned-trust.star.md');
    assert.equal(storyFileName('Café crème?'), 'cafe-creme.star.md');
    assert.equal(storyFileName(''), 'story.star.md');
    assert.equal(storyFileName('???'), 'story.star.md');
    assert.match(storyFileName('学习新技能'), /^[\p{L}\p{N}-]+\.star\.md$/u);
  });
});
