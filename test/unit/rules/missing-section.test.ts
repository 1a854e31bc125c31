import * as assert from 'node:assert/strict';
import { analyze, applyFixes } from '../../../src/core';
import { findings, story } from '../helpers';

describe('missing-section', () => {
  it('fires once per missing step, on that step', () => {
    const text = story({ task: null, result: null });
    const found = findings(text, 'missing-section');
    assert.deepEqual(found.map((f) => f.section), ['task', 'result']);
    assert.ok(found.every((f) => f.severity === 'error'));
  });
  it('is a warning for a missing Reflection', () => {
    const [f] = findings(story({ reflection: null }), 'missing-section');
    assert.equal(f.severity, 'warning');
  });
  it('accepts heading variants: step letters, case, punctuation, Learnings', () => {
    const text = '# T\n## S — Situation\nThe ledger dropped points.\n## t: task\nNot mine.\n## A) ACTION:\nI fixed it.\n## Result.\nPoints were on time.\n## Learnings\nRetries need owners.\n';
    assert.deepEqual(findings(text, 'missing-section'), []);
  });
  it('inserts a skeleton that makes the finding go away, in STAR order', () => {
    const text = story({ task: null });
    const fixed = applyFixes(text, findings(text, 'missing-section'));
    assert.deepEqual(findings(fixed, 'missing-section'), []);
    assert.deepEqual(findings(fixed, 'section-order'), []);
    assert.ok(fixed.indexOf('## Task') < fixed.indexOf('## Action') && fixed.indexOf('## Task') > fixed.indexOf('## Situation'));
  });
  it('reports every step of an empty file', () => {
    assert.equal(analyze('').findings.filter((f) => f.ruleId === 'missing-section').length, 5);
  });
});
