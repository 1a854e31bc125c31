import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { story } from './helpers';

describe('the clean base story', () => {
  it('has no finding at any level', () => {
    for (const level of ['sde1', 'sde2', 'senior']) {
      const text = story({}, { frontMatter: `question: Tell me about a time you fixed something outside your team\nprinciples: [Ownership]\nlevel: ${level}` });
      const found = analyze(text).findings.filter((f) => f.ruleId !== 'passive-voice' && f.ruleId !== 'hedging');
      assert.deepEqual(found.map((f) => `${f.ruleId}: ${f.message}`), [], level);
    }
  });
});
