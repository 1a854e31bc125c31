import * as assert from 'node:assert/strict';
import { applyFixes } from '../../../src/core';
import { covered, findings, story } from '../helpers';

describe('hedging', () => {
  it('flags hedges and drops them with the fix', () => {
    const text = story({ action: 'I think the retry was the cause. I probably spent a day on it. I wrote the fix. I verified it.' });
    const found = findings(text, 'hedging');
    assert.deepEqual(found.map((f) => covered(text, f)), ['I think', 'probably']);
    const fixed = applyFixes(text, found);
    assert.match(fixed, /The retry was the cause\. I spent a day on it\./);
    assert.deepEqual(findings(fixed, 'hedging'), []);
  });
  it('flags "tried to" without a fix (the verb must change)', () => {
    const [f] = findings(story({ action: 'I tried to reproduce it. I wrote the fix. I added a test. I verified it.' }), 'hedging');
    assert.equal(f.fix, undefined);
  });
  it('ignores "this kind of bug" and quoted hedges', () => {
    assert.deepEqual(findings(story({ action: 'I had seen this kind of bug before. Their lead said "maybe later". I wrote the fix. I verified it.' }), 'hedging'), []);
  });
});
