import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRINCIPLES, STEPS, analyze, parseStory } from '../../../src/core';

const ROOT = join(__dirname, '..', '..', '..', '..');
const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'star.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;
const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));

/** Expands a snippet the way accepting every default does: placeholders keep their text, choices their first option. */
function expand(body: string[], choice = 0): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/g, (_, list: string) => {
      const options = list.split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
      return options[Math.min(choice, options.length - 1)];
    })
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '');
}

/** The options of the principles choice. */
function principleChoices(body: string[]): string[] {
  const m = /principles: \[\$\{\d+\|((?:[^|\\]|\\.)*)\|\}\]/.exec(body.join('\n'));
  assert.ok(m, 'the principles line offers a choice');
  return m[1].split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
}

describe('extension: snippets', () => {
  it('has the story, each step, probe and frontmatter prefixes', () => {
    for (const p of ['story', ...STEPS, 'probe', 'frontmatter']) assert.ok(byPrefix.has(p), `no snippet with prefix ${p}`);
  });

  it('story expands to a skeleton with no structure finding, for every principle choice', () => {
    const story = byPrefix.get('story');
    assert.ok(story);
    const choices = principleChoices(story.body);
    for (let i = 0; i < choices.length; i++) {
      const a = analyze(expand(story.body, i));
      const structure = a.findings.filter((f) => ['missing-section', 'empty-section', 'section-order', 'invalid-front-matter'].includes(f.ruleId));
      assert.deepEqual(structure, [], `choice ${choices[i]}`);
      assert.deepEqual(a.doc.sections.map((s) => s.kind), [...STEPS, 'followups']);
      assert.equal(a.doc.step('followups')?.probes.length, 1);
    }
  });

  it('offers every Leadership Principle by its canonical name, YAML-quoted where needed', () => {
    const choices = principleChoices(byPrefix.get('story')?.body ?? []).map((c) => c.replace(/^"(.*)"$/, '$1'));
    assert.deepEqual([...choices].sort(), PRINCIPLES.map((p) => p.name).sort());
  });

  it('each step snippet is that step’s heading with a one-line hint under it', () => {
    for (const step of STEPS) {
      const s = byPrefix.get(step);
      assert.ok(s);
      const doc = parseStory(expand(s.body));
      assert.equal(doc.sections.length, 1);
      assert.equal(doc.sections[0].kind, step);
      assert.equal(s.body.length, 3, `${step}: heading, hint, cursor`);
      assert.match(s.body[1], /^\$\{1:.{20,}\}$/, `${step} has a placeholder hint`);
    }
  });

  it('frontmatter and probe expand to what the parser reads', () => {
    const fm = parseStory(expand(byPrefix.get('frontmatter')?.body ?? [], 1)).frontMatter;
    assert.ok(fm);
    assert.deepEqual(fm.problems, []);
    assert.equal(fm.level, 'sde1');
    assert.equal(fm.principles.length, 1);
    const probe = parseStory(`## Follow-ups\n${expand(byPrefix.get('probe')?.body ?? [])}\n`).sections[0];
    assert.equal(probe.probes.length, 1);
  });
});
