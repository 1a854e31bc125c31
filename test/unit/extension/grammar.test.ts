import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStory, STEPS } from '../../../src/core';
import { HEADING_WORDS } from '../../../src/core/vocabulary';

const ROOT = join(__dirname, '..', '..', '..', '..');

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  include?: string;
  [key: string]: unknown;
}
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'star.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
  injections: Record<string, Rule>;
};

/** An Oniguruma pattern of this grammar as a JS RegExp (they are written to need only `(?i)` and `\\G` translated). */
function toRegExp(pattern: string): RegExp {
  const caseless = pattern.startsWith('(?i)');
  const body = (caseless ? pattern.slice(4) : pattern).replace(/^\\G/, '^');
  return new RegExp(body, caseless ? 'i' : '');
}

const kinds = [...STEPS, 'followups'] as const;
type Kind = (typeof kinds)[number];
const stepRules = grammar.repository['step-heading'].patterns ?? [];
const headingRegex: Record<Kind, RegExp> = Object.fromEntries([
  ...STEPS.map((step) => {
    const rule = stepRules.find((r) => r.captures?.['0']?.name?.includes(`markup.heading.step.${step}.star`));
    assert.ok(rule?.match, `no step-heading rule for ${step}`);
    return [step, toRegExp(rule.match)];
  }),
  ['followups', toRegExp(grammar.repository.followups.begin as string)],
]) as Record<Kind, RegExp>;

/** What the grammar calls a line: the step whose heading rule matches it, or null. */
function grammarKind(line: string): Kind | null {
  const hits = kinds.filter((k) => headingRegex[k].test(line));
  assert.ok(hits.length <= 1, `${JSON.stringify(line)} matches ${hits.join(' and ')}`);
  return hits[0] ?? null;
}

/** What the core parser calls the same line. */
function coreKind(line: string): Kind | null {
  return parseStory(`${line}\n`).sections[0]?.kind ?? null;
}

describe('extension: TextMate grammar', () => {
  it('is Markdown with STAR scopes, with YAML front matter', () => {
    assert.equal(grammar.scopeName, 'text.html.markdown.star');
    assert.ok(grammar.patterns.some((p) => p.include === 'text.html.markdown'));
    assert.equal(grammar.patterns.at(-1)?.include, 'text.html.markdown', 'the STAR rules come before Markdown’s own heading rules');
    assert.match(JSON.stringify(grammar.repository.frontmatter), /"include":"source\.yaml"/);
    const key = Object.entries(grammar.injections).find(([, r]) => r.patterns?.some((p) => p.include === '#frontmatter-key'));
    assert.ok(key, 'the front matter keys are injected into the YAML key scope');
    const keyRule = grammar.repository['frontmatter-key'];
    for (const k of ['question', 'principles', 'principle', 'level', 'walkthrough']) assert.ok(toRegExp(keyRule.match as string).test(k + ':'), k);
    assert.ok(!toRegExp(keyRule.match as string).test('company:'));
  });

  it('gives step headings, keys and probes scopes of their own ending in .star', () => {
    const names = JSON.stringify(grammar);
    for (const step of [...STEPS, 'followups']) assert.ok(names.includes(`markup.heading.step.${step}.star`), step);
    assert.ok(names.includes('markup.heading.probe.star'));
    assert.ok(names.includes('entity.name.tag.frontmatter.key.star'));
    const own = [...names.matchAll(/"name":"([^"]+)"/g)].flatMap((m) => m[1].split(' ')).filter((s) => s.includes('star'));
    for (const s of own) assert.match(s, /\.star$/, s);
  });

  it('recognises every heading word and variant the core parser does, and nothing else', () => {
    const lines: string[] = [];
    for (const kind of kinds) {
      for (const w of HEADING_WORDS[kind]) {
        const cap = w.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
        lines.push(
          `## ${w}`,
          `## ${cap}`,
          `## ${w.toUpperCase()}:`,
          `## ${cap}.`,
          `## ${cap}!`,
          `## S — ${cap}`,
          `## A: ${cap}`,
          `## 1. ${cap}`,
          `## (R) ${cap}`,
          `## ${cap} — what happened`,
          `## ${cap}: the pager storm`,
          `## **${cap}**`,
          `## ${cap} ##`,
          `   ## ${cap}`,
          `## ${cap}s and more`,
          `## ${cap} reading`,
          `### ${cap}`,
          `# ${cap}`,
          `##${cap}`,
          `    ## ${cap}`,
        );
      }
    }
    lines.push('## Notes', '## Actionable items', '## Tasks for later', '## Background reading', '## Results-driven', '## Follow', '##');
    const disagreements = lines.filter((l) => grammarKind(l) !== coreKind(l)).map((l) => `${JSON.stringify(l)}: grammar ${grammarKind(l)}, core ${coreKind(l)}`);
    assert.deepEqual(disagreements, []);
    // And the corpus really exercises both answers.
    assert.ok(lines.filter((l) => coreKind(l) !== null).length > 200);
    assert.ok(lines.filter((l) => coreKind(l) === null).length > 100);
  });

  it('matches probes only as ### headings', () => {
    const probe = toRegExp(grammar.repository.probe.match as string);
    assert.ok(probe.test('### How did you convince the other team?'));
    assert.ok(!probe.test('## How did you convince the other team?'));
    assert.ok(!probe.test('#### Deeper'));
  });
});
