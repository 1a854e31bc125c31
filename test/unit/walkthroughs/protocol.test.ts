/**
 * The webview protocol validator: the host acts only on messages whose every field has its type.
 */
import * as assert from 'node:assert/strict';
import { isFromWebview, isRange, isToWebview } from '../../../src/webview/protocol';

const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } };

describe('webview protocol: isFromWebview', () => {
  it('accepts each well-formed message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'reveal', range },
      { type: 'pickWalkthrough' },
      { type: 'pickWalkthrough', id: 'raised-quality-bar' },
      { type: 'quizAnswer', walkthroughId: 'raised-quality-bar', question: 1, choice: 2 },
    ]) assert.equal(isFromWebview(m), true, JSON.stringify(m));
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      null, undefined, 'ready', 42, [], {}, { type: 'nope' }, { type: 'ready', extra: 1 },
      { type: 'reveal' },
      { type: 'reveal', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
      { type: 'reveal', range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } } },
      { type: 'reveal', range: { start: { line: '1', character: 0 }, end: { line: 2, character: 0 } } },
      { type: 'reveal', range: { start: { line: 5, character: 0 }, end: { line: 2, character: 0 } } },
      { type: 'reveal', range: { start: { line: 1, character: 0, x: 1 }, end: { line: 2, character: 0 } } },
      { type: 'reveal', range: { start: { line: Infinity, character: 0 }, end: { line: Infinity, character: 0 } } },
      { type: 'pickWalkthrough', id: '../../etc/passwd' },
      { type: 'pickWalkthrough', id: '' },
      { type: 'pickWalkthrough', id: 7 },
      { type: 'quizAnswer', walkthroughId: 'x', question: 0 },
      { type: 'quizAnswer', walkthroughId: 'x', question: 0, choice: -1 },
      { type: 'quizAnswer', walkthroughId: 'x', question: '0', choice: 1 },
      { type: 'quizAnswer', walkthroughId: 'X Y', question: 0, choice: 1 },
    ];
    for (const m of bad) assert.equal(isFromWebview(m), false, JSON.stringify(m));
  });

  it('checks ranges on their own', () => {
    assert.equal(isRange(range), true);
    assert.equal(isRange({ start: range.start }), false);
  });
});

describe('webview protocol: isToWebview', () => {
  it('accepts the host messages and rejects strays', () => {
    assert.equal(isToWebview({ type: 'update', model: { steps: [] } }), true);
    assert.equal(isToWebview({ type: 'empty', reason: 'x', canPick: true }), true);
    assert.equal(isToWebview({ type: 'update', model: 'x' }), false);
    assert.equal(isToWebview({ type: 'empty' }), false);
    assert.equal(isToWebview({ type: 'other' }), false);
  });
});
