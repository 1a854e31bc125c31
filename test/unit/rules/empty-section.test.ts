import * as assert from 'node:assert/strict';
import { findings, story } from '../helpers';

describe('empty-section', () => {
  it('fires on a heading with nothing under it', () => {
    const [f] = findings(story({ situation: '' }), 'empty-section');
    assert.equal(f.section, 'situation');
  });
  it('counts HTML comments and blank lines as nothing', () => {
    assert.equal(findings(story({ result: '\n<!-- TODO: numbers -->\n\n' }), 'empty-section').length, 1);
  });
  it('counts a code block as content', () => {
    assert.deepEqual(findings(story({ result: '```\nerrors: 4% -> 0.1%\n```' }), 'empty-section'), []);
  });
  it('keeps the content rules quiet on the empty step', () => {
    const text = story({ result: '' });
    for (const id of ['unquantified-result', 'vague-result', 'result-missing-business-impact']) assert.deepEqual(findings(text, id), [], id);
  });
});
