import * as assert from 'node:assert/strict';
import { findings, story } from '../helpers';

const words = (n: number): string => Array.from({ length: n }, () => 'I fixed the ledger.').join(' ').split(' ').slice(0, n).join(' ');
describe('story-over-time', () => {
  const long = story({ action: words(300) }, { frontMatter: 'question: q\nprinciples: [Ownership]\nlevel: sde1' });
  it('fires when the steps exceed the level length (sde1 120 s)', () => {
    const [f] = findings(long, 'story-over-time');
    assert.equal(f.section, null);
  });
  it('allows more at senior level', () => {
    assert.deepEqual(findings(long.replace('level: sde1', 'level: senior'), 'story-over-time'), []);
  });
  it('does not count the Follow-ups', () => {
    const text = story({}, { frontMatter: 'question: q\nprinciples: [Ownership]\nlevel: sde1', followups: '### Why?\n' + words(400) });
    assert.deepEqual(findings(text, 'story-over-time'), []);
  });
});
