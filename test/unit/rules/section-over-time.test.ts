import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core';
import { findings, story } from '../helpers';

const words = (n: number): string => Array.from({ length: n }, (_, i) => (i % 12 === 11 ? 'points.' : 'ledger')).join(' ');
describe('section-over-time', () => {
  it('fires when a step runs past half again its target', () => {
    // Situation target 30 s: 46 s at 150 wpm is 115 words.
    const [f] = findings(story({ situation: words(120) }), 'section-over-time');
    assert.equal(f.section, 'situation');
  });
  it('stays quiet just inside the margin', () => {
    assert.deepEqual(findings(story({ situation: words(110) }), 'section-over-time'), []);
  });
  it('follows the words-per-minute setting', () => {
    assert.equal(findings(story({ situation: words(110) }), 'section-over-time', { wordsPerMinute: 120 }).length, 1);
  });
  it('counts quotes and code as spoken, comments not', () => {
    const a = analyze(story({ situation: 'I said "one two three" and ran `four five`. <!-- six seven eight -->' }));
    assert.equal(a.steps[0].words, 9);
  });
  it('uses a walkthrough\'s own targets when given', () => {
    const text = story({ situation: words(90) });
    assert.deepEqual(findings(text, 'section-over-time'), []);
    assert.equal(analyze(text, { targets: { situation: 20 } }).findings.filter((f) => f.ruleId === 'section-over-time').length, 1);
  });
});
