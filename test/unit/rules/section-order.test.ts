import * as assert from 'node:assert/strict';
import { applyFixes } from '../../../src/core';
import { CLEAN } from '../helpers';
import { findings } from '../helpers';

const block = (name: string, body: string): string => `## ${name}\n${body}\n\n`;
describe('section-order', () => {
  it('reports only the one step moved out of place', () => {
    const text = '# T\n\n' + block('Situation', CLEAN.situation) + block('Action', CLEAN.action) + block('Result', CLEAN.result) + block('Reflection', CLEAN.reflection) + block('Task', CLEAN.task);
    const found = findings(text, 'section-order');
    assert.deepEqual(found.map((f) => f.section), ['task']);
  });
  it('is quiet when the steps are in order', () => {
    const text = '# T\n\n' + block('Situation', 'a') + block('Task', 'b') + block('Action', 'c') + block('Result', 'd') + block('Reflection', 'e');
    assert.deepEqual(findings(text, 'section-order'), []);
  });
  it('reorders the steps, keeping each body and the Follow-ups after them', () => {
    const text = '# T\n\n' + block('Result', 'R body') + block('Situation', 'S body') + block('Task', 'T body') + block('Action', 'A body') + block('Reflection', 'X body') + '## Follow-ups\n### Why?\nBecause.\n';
    const fixed = applyFixes(text, findings(text, 'section-order'));
    assert.deepEqual(findings(fixed, 'section-order'), []);
    const order = ['S body', 'T body', 'A body', 'R body', 'X body', '### Why?'].map((s) => fixed.indexOf(s));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(order.every((i) => i >= 0));
  });
});
