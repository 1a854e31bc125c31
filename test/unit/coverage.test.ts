/**
 * The story bank: per-story summaries, grouping by principle, coverage of the sixteen Leadership
 * Principles and of the walkthrough questions, the printable report and the per-file cache.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  NO_PRINCIPLE,
  PRINCIPLES,
  StoryCache,
  analyze,
  computeCoverage,
  formatCoverageReport,
  formatSeconds,
  answeredQuestion,
  groupByPrinciple,
  loadWalkthroughs,
  summarizeStory,
} from '../../src/core';
import type { StorySummary, WalkthroughRef } from '../../src/core';

/** Our own fixture stories, keyed by file name. */
export const BANK: Record<string, string> = {
  // Clean: two known principles, a question, a walkthrough id.
  'invoice-exports.star.md': `---
question: Tell me about a time you fixed a problem nobody had asked you to fix
principles: [Ownership, Dive Deep]
level: sde2
walkthrough: ownership
---

# Slow invoice exports

## Situation
I was a backend engineer on the billing team at a bookkeeping startup. Invoice exports for our largest accounts took eleven minutes, and three of those accounts had opened support tickets in one week.

## Task
The export worker belonged to the reporting team, not to mine, and there was no ticket for it. I decided to find the cause myself.

## Action
I traced one slow export and found that the worker loaded every invoice line twice. I reproduced the double load on a copy of the largest account. I wrote a change that batches the line query and added a benchmark to the worker's test suite. I reviewed the change with the reporting lead and watched the first week of exports after the deploy.

## Result
Exports for the largest accounts fell from eleven minutes to forty seconds, and the support tickets about exports stopped, saving about six hours of support time a week. The reporting team made my benchmark the default check for every new export.

## Reflection
The worker had no latency budget, so nobody noticed it creeping up; I now add a timing check whenever I touch a batch job that customers wait on.
`,
  // Errors (no Result, no Reflection): the only story for Customer Obsession; a second Ownership story.
  'missing-receipts.star.md': `---
question: Describe a time you went out of your way for a customer.
principles: [Customer Obsession, Ownership]
level: senior
---

# The missing receipts

## Situation
A dental clinic that used our booking app could not print receipts for two days.

## Task
Nobody had asked me to look at the receipt service, which the payments team owned.

## Action
I read the receipt logs and found that a font update broke the PDF step. I pinned the old font and wrote a test that renders one receipt per locale.
`,
  // An unknown principle (twice, in two spellings) next to a known one written in lower case; no errors.
  'build-farm.star.md': `---
principles: [Grit, frugality, grit]
---

# Cheaper nightly builds

## Situation
Our nightly build farm cost more than the whole staging environment.

## Task
The build farm was mine to run, and I wanted its bill down.

## Action
I measured which jobs ran longest and found that two suites rebuilt the same images. I moved both suites to a shared image cache and turned off the idle runners at night.

## Result
The monthly bill fell from 9,000 dollars to 3,500 dollars, and two other teams reused the cache setup.

## Reflection
Nobody looked at the bill because no one owned it, so I now put a cost line in every infrastructure review.
`,
  // No front matter and no # title: a draft.
  'draft notes.star.md': 'Some notes | to turn into a story later.\n\n## Situation\nThe search page timed out on Mondays.\n',
};

/** The summaries of the fixture bank, keyed by file name. */
export function bankSummaries(): Record<string, StorySummary> {
  const out: Record<string, StorySummary> = {};
  for (const [file, text] of Object.entries(BANK)) out[file] = summarizeStory(`stories/${file}`, analyze(text));
  return out;
}

/** Small stand-ins for walkthroughs, with a matcher by id or exact alias, to test the bookkeeping. */
const WALKTHROUGHS: WalkthroughRef[] = [
  { id: 'ownership', question: 'Tell me about a time you fixed something nobody asked you to fix', principles: ['Ownership'] },
  {
    id: 'customer-first',
    question: 'Tell me about a time you went above and beyond for a customer',
    principles: ['Customer Obsession'],
    aliases: ['Describe a time you went out of your way for a customer'],
  },
  { id: 'cut-costs', question: 'Tell me about a time you saved money without lowering quality', principles: ['Frugality'] },
];
const fold = (q: string) => q.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const byIdOrAlias = (story: StorySummary): string | undefined =>
  WALKTHROUGHS.find((w) => w.id === story.walkthrough || (story.question && (w.aliases ?? []).some((a) => fold(a) === fold(story.question!))))?.id;

/** The walkthroughs the project ships, loaded by the core loader. */
function shippedWalkthroughs() {
  const dir = join(__dirname, '..', '..', '..', 'walkthroughs');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: `walkthroughs/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  return loadWalkthroughs(files).walkthroughs;
}

describe('summarizeStory', () => {
  const s = bankSummaries();

  it('reads title, question, walkthrough id, level, time and finding counts', () => {
    const clean = s['invoice-exports.star.md'];
    assert.equal(clean.title, 'Slow invoice exports');
    assert.equal(clean.file, 'stories/invoice-exports.star.md');
    assert.equal(clean.walkthrough, 'ownership');
    assert.match(clean.question ?? '', /nobody had asked/);
    assert.equal(clean.level, 'sde2');
    assert.equal(clean.levelSeconds, 150);
    assert.ok(clean.totalSeconds > 40 && clean.totalSeconds < 150, String(clean.totalSeconds));
    assert.deepEqual([clean.errors, clean.warnings], [0, 0]);

    const broken = s['missing-receipts.star.md'];
    assert.equal(broken.level, 'senior');
    assert.equal(broken.levelSeconds, 180);
    assert.ok(broken.errors >= 1, 'a missing Result is an error');
  });

  it('keeps principles canonical, drops duplicates, and lists the unknown ones', () => {
    const b = s['build-farm.star.md'];
    assert.deepEqual(b.principles, ['Grit', 'Frugality']);
    assert.deepEqual(b.unknownPrinciples, ['Grit']);
    assert.equal(b.errors, 0);
    assert.ok(b.warnings >= 1, 'an unknown principle is a warning');
  });

  it('falls back to the file name when the story has no front matter and no title', () => {
    const d = s['draft notes.star.md'];
    assert.equal(d.title, 'draft notes');
    assert.deepEqual(d.principles, []);
    assert.equal(d.question, undefined);
    assert.equal(d.level, 'sde2');
    const encoded = summarizeStory('file:///bank/late%20pages.star.md', analyze(''));
    assert.equal(encoded.title, 'late pages');
  });
});

describe('groupByPrinciple', () => {
  const s = bankSummaries();
  const groups = groupByPrinciple(Object.values(s));
  const byName = new Map(groups.map((g) => [g.principle, g]));
  const titles = (name: string): string[] => (byName.get(name)?.stories ?? []).map((x) => x.title);

  it('orders known principles officially, then unknown names, then No principle', () => {
    assert.deepEqual(
      groups.map((g) => `${g.kind}:${g.principle}`),
      ['known:Customer Obsession', 'known:Ownership', 'known:Frugality', 'known:Dive Deep', 'unknown:Grit', `none:${NO_PRINCIPLE}`],
    );
  });

  it('puts a story with several principles under each of them, once', () => {
    assert.deepEqual(titles('Ownership'), ['Slow invoice exports', 'The missing receipts']);
    assert.deepEqual(titles('Dive Deep'), ['Slow invoice exports']);
    assert.deepEqual(titles('Customer Obsession'), ['The missing receipts']);
    assert.deepEqual(titles('Frugality'), ['Cheaper nightly builds']);
    assert.deepEqual(titles('Grit'), ['Cheaper nightly builds'], 'Grit and grit are one group, the story listed once');
  });

  it('lists stories with no principles under No principle', () => {
    assert.deepEqual(titles(NO_PRINCIPLE), ['draft notes']);
  });

  it('returns nothing for an empty bank', () => {
    assert.deepEqual(groupByPrinciple([]), []);
  });
});

describe('computeCoverage', () => {
  const s = bankSummaries();
  const stories = Object.values(s);
  const coverage = computeCoverage(stories, WALKTHROUGHS, byIdOrAlias);

  it('reports every principle, in order, with its status', () => {
    assert.deepEqual(coverage.principles.map((p) => p.principle), PRINCIPLES.map((p) => p.name));
    assert.equal(coverage.principles.length, 16);
    const of = (name: string) => coverage.principles.find((p) => p.principle === name);
    assert.deepEqual(of('Ownership'), { principle: 'Ownership', stories: 2, clean: 1, status: 'covered' });
    assert.deepEqual(of('Customer Obsession'), { principle: 'Customer Obsession', stories: 1, clean: 0, status: 'errors-only' });
    assert.deepEqual(of('Think Big'), { principle: 'Think Big', stories: 0, clean: 0, status: 'missing' });
  });

  it('names principles with no story and principles with only erroneous stories', () => {
    assert.deepEqual(coverage.errorsOnly, ['Customer Obsession']);
    assert.equal(coverage.missing.length, 12);
    for (const p of ['Customer Obsession', 'Ownership', 'Frugality', 'Dive Deep']) assert.ok(!coverage.missing.includes(p), p);
    assert.ok(coverage.missing.includes('Earn Trust'));
    assert.deepEqual(coverage.unknownPrinciples, ['Grit']);
    assert.equal(coverage.storyCount, 4);
    assert.equal(coverage.storiesWithErrors, 2);
  });

  it('finds the walkthrough questions no story answers', () => {
    assert.deepEqual(coverage.unanswered.map((w) => w.id), ['cut-costs']);
    const q = new Map(coverage.questions.map((x) => [x.walkthrough.id, x.stories]));
    assert.deepEqual(q.get('ownership'), ['stories/invoice-exports.star.md']);
    assert.deepEqual(q.get('customer-first'), ['stories/missing-receipts.star.md'], 'matched through an alias');
  });

  it('turns a principle to errors-only when its one clean story gains an error', () => {
    const broken = { ...s['invoice-exports.star.md'], errors: 2 };
    const c = computeCoverage([broken, s['missing-receipts.star.md']], [], () => undefined);
    assert.deepEqual(c.errorsOnly, ['Customer Obsession', 'Ownership', 'Dive Deep']);
    assert.deepEqual(c.principles.filter((p) => p.status === 'covered'), []);
  });

  it('takes any matcher, and survives one that throws', () => {
    const c = computeCoverage(stories, WALKTHROUGHS, (story) => {
      if (story.title === 'draft notes') throw new Error('boom');
      return story.principles.includes('Frugality') ? 'cut-costs' : undefined;
    });
    assert.deepEqual(c.unanswered.map((w) => w.id), ['ownership', 'customer-first']);
  });

  it('treats an empty bank as nothing covered', () => {
    const c = computeCoverage([], WALKTHROUGHS, () => undefined);
    assert.equal(c.missing.length, 16);
    assert.equal(c.unanswered.length, 3);
    assert.deepEqual(c.errorsOnly, []);
  });
});

describe('answeredQuestion (the panel\'s matcher)', () => {
  const walkthroughs = shippedWalkthroughs();
  const ids = new Set(walkthroughs.map((w) => w.id));

  it('answers by the walkthrough id, then by a question in other words', () => {
    assert.ok(ids.has('ownership') && ids.has('customer-obsession') && ids.has('frugality'));
    assert.equal(answeredQuestion({ walkthrough: 'ownership', principles: [] }, walkthroughs), 'ownership');
    assert.equal(answeredQuestion({ question: 'Describe a time you went out of your way for a customer.', principles: [] }, walkthroughs), 'customer-obsession');
  });

  it('answers nothing for shared principles alone, an unknown id or an unrelated question', () => {
    assert.equal(answeredQuestion({ principles: ['Frugality'] }, walkthroughs), undefined);
    assert.equal(answeredQuestion({ walkthrough: 'no-such-walkthrough', principles: ['Ownership'] }, walkthroughs), undefined);
    assert.equal(answeredQuestion({ question: 'What is your favourite colour?', principles: ['Dive Deep'] }, walkthroughs), undefined);
  });

  it('leaves every other shipped question unanswered for the fixture bank', () => {
    const stories = Object.values(bankSummaries());
    const c = computeCoverage(stories, walkthroughs, (st) => answeredQuestion(st, walkthroughs));
    const answered = c.questions.filter((q) => q.stories.length).map((q) => q.walkthrough.id);
    assert.deepEqual(answered.sort(), ['customer-obsession', 'ownership']);
    assert.equal(c.unanswered.length, walkthroughs.length - 2);
    assert.ok(c.unanswered.some((w) => w.id === 'frugality'), 'the Frugality story names no question, so it answers none');
  });
});

describe('formatCoverageReport', () => {
  const s = bankSummaries();
  const stories = Object.values(s);
  const coverage = computeCoverage(stories, WALKTHROUGHS, byIdOrAlias);
  const report = formatCoverageReport(stories, coverage, { title: 'My bank', label: (f) => f.replace(/^stories\//, ''), subtitle: 'Printed today' });
  const lines = report.split('\n');
  const row = (start: string) => lines.find((l) => l.startsWith(`| ${start}`)) ?? '';

  it('has a heading, the counts and a row per principle with its status', () => {
    assert.equal(lines[0], '# My bank');
    assert.ok(lines.includes('Printed today'));
    assert.match(report, /4 stories, 2 with errors\. 3 of 16 Leadership Principles have a story without errors\./);
    assert.match(row('Customer Obsession '), /\|\s+1 \|\s+0 \| only stories with errors\s+\|$/);
    assert.match(row('Ownership '), /\|\s+2 \|\s+1 \| covered\s+\|$/);
    assert.match(row('Think Big '), /\|\s+0 \|\s+0 \| no story\s+\|$/);
    assert.match(row('Grit (unknown principle)'), /\|\s+1 \|\s+1 \|/);
    assert.match(row('No principle'), /\|\s+1 \|\s+0 \|/);
  });

  it('lists the unanswered questions and a row per story', () => {
    assert.ok(lines.includes('## Questions no story answers yet (1 of 3)'));
    assert.ok(lines.includes('- Tell me about a time you saved money without lowering quality (Frugality)'));
    const story = row('Slow invoice exports');
    assert.match(story, /\| invoice-exports\.star\.md\s+\| sde2\s+\| 1:\d\d \/ 2:30 \|\s+0 \|\s+0 \| Ownership, Dive Deep\s+\|/);
    assert.match(row('Cheaper nightly builds'), /Grit \(unknown\), Frugality/);
    assert.match(row('draft notes'), /\| -\s+\|$/);
  });

  it('keeps table rows well formed: every row has the header\'s column count', () => {
    const tables = report.split('\n\n').filter((b) => b.startsWith('|'));
    assert.equal(tables.length, 2);
    for (const t of tables) {
      const rows = t.split('\n').filter(Boolean);
      const cols = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const r of rows) assert.equal(cols(r), cols(rows[0]), r);
      // Padded: every row of a table is as wide as its header.
      for (const r of rows) assert.equal(r.length, rows[0].length, r);
    }
  });

  it('escapes a title that would break the table', () => {
    const odd = { ...s['draft notes.star.md'], title: 'A | B <script>' };
    const out = formatCoverageReport([odd], computeCoverage([odd], [], () => undefined));
    assert.ok(out.includes('A \\| B \\<script\\>'));
    assert.ok(out.includes('No `*.star.md` files found.') === false);
    assert.ok(formatCoverageReport([], computeCoverage([], [], () => undefined)).includes('No `*.star.md` files found.'));
  });

  it('formats seconds as m:ss', () => {
    assert.equal(formatSeconds(0), '0:00');
    assert.equal(formatSeconds(59.6), '1:00');
    assert.equal(formatSeconds(150), '2:30');
    assert.equal(formatSeconds(-3), '0:00');
  });
});

describe('StoryCache', () => {
  it('computes once per version and again when the version changes', () => {
    const cache = new StoryCache();
    let calls = 0;
    const compute = (text: string, file = 'a.star.md') => () => {
      calls++;
      return summarizeStory(file, analyze(text));
    };
    const first = cache.update('a.star.md', 1, compute(BANK['build-farm.star.md']));
    const again = cache.update('a.star.md', 1, compute('ignored'));
    assert.equal(calls, 1);
    assert.equal(again, first);
    const next = cache.update('a.star.md', 2, compute(BANK['invoice-exports.star.md']));
    assert.equal(calls, 2);
    assert.equal(next.title, 'Slow invoice exports');
    assert.ok(cache.has('a.star.md', 2));
    assert.ok(!cache.has('a.star.md', 1));
    cache.update('b.star.md', 'mtime:5', compute('', 'b.star.md'));
    assert.deepEqual(cache.files().sort(), ['a.star.md', 'b.star.md']);
    assert.ok(cache.delete('a.star.md'));
    assert.ok(!cache.delete('a.star.md'));
    assert.deepEqual(cache.summaries().map((x) => x.file), ['b.star.md']);
    cache.clear();
    assert.deepEqual(cache.summaries(), []);
  });
});
