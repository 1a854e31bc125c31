import * as assert from 'node:assert/strict';
import { covered, findings, story } from '../helpers';

describe('passive-voice', () => {
  it('flags a passive that hides the actor', () => {
    const text = story({ action: 'The logs were analyzed over a week. I wrote the fix. I added a test. I verified it.' });
    const [f] = findings(text, 'passive-voice');
    assert.equal(covered(text, f), 'were analyzed');
    assert.equal(f.severity, 'info');
  });
  it('flags "got deployed" and irregular participles', () => {
    assert.equal(findings(story({ action: 'A fix got deployed. The patch was written quickly. I added a test. I verified it.' }), 'passive-voice').length, 2);
  });
  it('ignores adjectives and passives that name the actor', () => {
    assert.deepEqual(findings(story({ action: 'I was interested in the retries. The fix was reviewed by their lead. I added a test. I verified it.' }), 'passive-voice'), []);
  });
});
