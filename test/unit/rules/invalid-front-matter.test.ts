import * as assert from 'node:assert/strict';
import { analyze, applyFixes } from '../../../src/core';
import { findings, story } from '../helpers';

describe('invalid-front-matter', () => {
  it('fires on YAML that does not parse, and the story still lints', () => {
    const text = story({}, { frontMatter: 'question: q\nprinciples: [Ownership, Dive Deep' });
    const a = analyze(text);
    assert.ok(a.findings.some((f) => f.ruleId === 'invalid-front-matter' && f.severity === 'error'));
    assert.deepEqual(a.principles, []);
    assert.equal(a.level, 'sde2');
  });
  it('fires on an unknown level and falls back to the default', () => {
    const text = story({}, { frontMatter: 'question: q\nprinciples: [Ownership]\nlevel: staff' });
    assert.equal(findings(text, 'invalid-front-matter').length, 1);
    assert.equal(analyze(text).level, 'sde2');
  });
  it('fires on a key of the wrong type, and the value counts as absent', () => {
    assert.equal(findings(story({}, { frontMatter: 'question: [a, b]\nprinciples: Ownership' }), 'invalid-front-matter').length, 2);
    // `principles` given as a plain string is unreadable: no principles, so the scope rule applies.
    const text = story({ task: 'I started on the ledger because points were late.' }, { frontMatter: 'question: q\nprinciples: Customer Obsession' });
    assert.deepEqual(analyze(text).principles, []);
    assert.equal(findings(text, 'missing-scope-boundary').length, 1);
    assert.equal(findings(story({}, { frontMatter: 'question: q\nprinciple: [Ownership, Dive Deep]' }), 'invalid-front-matter').length, 1);
  });
  it('warns on a misspelled principle and fixes it to the nearest name', () => {
    const text = story({}, { frontMatter: 'question: q\nprinciples: [Customer Obsesion, Ownership]' });
    const [f] = findings(text, 'invalid-front-matter');
    assert.equal(f.severity, 'warning');
    const fixed = applyFixes(text, [f]);
    assert.match(fixed, /principles: \[Customer Obsession, Ownership\]/);
    assert.deepEqual(findings(fixed, 'invalid-front-matter'), []);
  });
  it('accepts one principle under `principle`, extra keys, and an unclosed fence as a clear finding', () => {
    assert.deepEqual(findings(story({}, { frontMatter: 'question: q\nprinciple: Frugality\ncompany: Acme\ntags: [a]' }), 'invalid-front-matter'), []);
    const open = '---\nquestion: q\n\n## Situation\nx\n';
    assert.match(findings(open, 'invalid-front-matter')[0].message, /never closed/);
  });
  it('does not expand YAML alias bombs', () => {
    const bomb = 'question: q\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]';
    assert.ok(findings(story({}, { frontMatter: bomb }), 'invalid-front-matter').length >= 1);
  });
});
