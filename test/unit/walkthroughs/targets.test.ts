import * as assert from 'node:assert/strict';
import { analyzeWithWalkthroughs, loadWalkthroughs } from '../../../src/core';
import { story } from '../helpers';
import { VALID, builtinFiles } from './fixture';

describe('walkthroughs: step targets in linting', () => {
  // 90 words of Situation: about 36 s, inside the built-in 30 s + half, past a 20 s target + half.
  const situation = Array.from({ length: 90 }, (_, i) => (i % 15 === 14 ? 'points.' : 'ledger')).join(' ');
  const text = story({ situation }, { frontMatter: 'question: q\nprinciples: [Ownership]\nwalkthrough: fixed-flaky-suite' });
  const overTime = (source: 'user' | 'builtin'): number => {
    const user = VALID.replace(/targetSeconds: 30\b/, 'targetSeconds: 20');
    const { walkthroughs } = loadWalkthroughs([...builtinFiles(), { name: 'mine/fixed-flaky-suite.yaml', text: user, source }]);
    return analyzeWithWalkthroughs(text, {}, walkthroughs).findings.filter((f) => f.ruleId === 'section-over-time').length;
  };
  it("times a story against the matched user walkthrough's own targets", () => {
    assert.equal(overTime('user'), 1);
  });
  it('keeps the built-in targets for built-in walkthroughs', () => {
    assert.equal(overTime('builtin'), 0);
  });
});
