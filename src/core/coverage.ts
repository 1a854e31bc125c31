/**
 * The story bank at a glance: per-story summaries, stories grouped by Leadership Principle, and the
 * coverage of the sixteen principles and of the walkthrough questions. Pure functions over plain data;
 * the editor and the command line read the files and hand the analyses in.
 */
import type { Analysis } from './engine';
import type { Level } from './model';
import { PRINCIPLES, canonicalPrinciple, foldPrinciple } from './vocabulary';
import { matchWalkthrough } from './walkthroughs';
import type { Walkthrough } from './walkthroughs';

/** What the bank needs to know about one story file. */
export interface StorySummary {
  /** The host's key for the file: a path (CLI) or a URI string (editor). */
  file: string;
  /** The story's `#` title, else the file name without `.star.md`. */
  title: string;
  /** The front matter's question, if any. */
  question?: string;
  /** The front matter's walkthrough id, if any. */
  walkthrough?: string;
  /** The principles named, canonical where known, as written otherwise; no duplicates. */
  principles: string[];
  /** Those of `principles` that are not Leadership Principles. */
  unknownPrinciples: string[];
  level: Level;
  /** Spoken seconds of the five steps together. */
  totalSeconds: number;
  /** The level's length, in seconds. */
  levelSeconds: number;
  errors: number;
  warnings: number;
}

/** A walkthrough question, as coverage needs it. */
export interface WalkthroughRef {
  id: string;
  question: string;
  principles: readonly string[];
  /** Other wordings of the question. */
  aliases?: readonly string[];
}

/** Stories under one heading of the bank. */
export interface PrincipleGroup {
  /** The canonical principle name, the unknown name as first written, or `No principle`. */
  principle: string;
  /** `known`: one of the sixteen; `unknown`: a name that matches none; `none`: stories naming no principle. */
  kind: 'known' | 'unknown' | 'none';
  stories: StorySummary[];
}

/** How well one Leadership Principle is covered. */
export interface PrincipleCoverage {
  principle: string;
  /** Stories naming it. */
  stories: number;
  /** Of those, stories with no error finding. */
  clean: number;
  /** `missing`: no story; `errors-only`: every story has an error; `covered`: at least one clean story. */
  status: 'missing' | 'errors-only' | 'covered';
}

/** A walkthrough question with the stories that answer it. */
export interface QuestionCoverage {
  walkthrough: WalkthroughRef;
  /** Files of the stories matched to it. */
  stories: string[];
}

/** The whole bank's coverage. */
export interface Coverage {
  /** Stories in the bank. */
  storyCount: number;
  /** Stories with at least one error finding. */
  storiesWithErrors: number;
  /** One entry per Leadership Principle, in the official order. */
  principles: PrincipleCoverage[];
  /** Principles no story names. */
  missing: string[];
  /** Principles whose every story has an error. */
  errorsOnly: string[];
  /** Principle names used by stories that match no Leadership Principle. */
  unknownPrinciples: string[];
  /** Every walkthrough question, with its stories. */
  questions: QuestionCoverage[];
  /** Walkthrough questions no story answers yet. */
  unanswered: WalkthroughRef[];
}

/** The heading of stories that name no principle. */
export const NO_PRINCIPLE = 'No principle';

/** Summarizes an analyzed story for the bank. */
export function summarizeStory(file: string, analysis: Analysis): StorySummary {
  const fm = analysis.doc.frontMatter;
  const principles: string[] = [];
  const seen = new Set<string>();
  for (const p of analysis.principles) {
    const name = p.trim();
    const key = foldPrinciple(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    principles.push(name);
  }
  let errors = 0;
  let warnings = 0;
  for (const f of analysis.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const title = analysis.doc.title?.trim() || fileStem(file);
  return {
    file,
    title,
    ...(fm?.question ? { question: fm.question } : {}),
    ...(fm?.walkthrough ? { walkthrough: fm.walkthrough } : {}),
    principles,
    unknownPrinciples: principles.filter((p) => !canonicalPrinciple(p)),
    level: analysis.level,
    totalSeconds: analysis.totalSeconds,
    levelSeconds: analysis.levelSeconds,
    errors,
    warnings,
  };
}

/**
 * Groups stories by principle: the known principles in the official order (only those with stories),
 * then unknown names alphabetically, then `No principle`. A story naming several principles appears under each.
 */
export function groupByPrinciple(stories: readonly StorySummary[]): PrincipleGroup[] {
  const known = new Map<string, StorySummary[]>();
  const unknown = new Map<string, { name: string; stories: StorySummary[] }>();
  const none: StorySummary[] = [];
  for (const s of sortStories(stories)) {
    if (s.principles.length === 0) none.push(s);
    for (const p of s.principles) {
      const canonical = canonicalPrinciple(p);
      if (canonical) {
        const list = known.get(canonical) ?? [];
        if (!list.includes(s)) list.push(s);
        known.set(canonical, list);
      } else {
        const key = foldPrinciple(p);
        const entry = unknown.get(key) ?? { name: p, stories: [] };
        if (!entry.stories.includes(s)) entry.stories.push(s);
        unknown.set(key, entry);
      }
    }
  }
  const groups: PrincipleGroup[] = [];
  for (const p of PRINCIPLES) {
    const list = known.get(p.name);
    if (list) groups.push({ principle: p.name, kind: 'known', stories: list });
  }
  for (const u of [...unknown.values()].sort((a, b) => compareText(a.name, b.name))) {
    groups.push({ principle: u.name, kind: 'unknown', stories: u.stories });
  }
  if (none.length) groups.push({ principle: NO_PRINCIPLE, kind: 'none', stories: none });
  return groups;
}

/**
 * Computes coverage: which principles have no story or only stories with errors, and which walkthrough
 * questions no story answers. `matches` names the walkthrough a story answers (or undefined).
 */
export function computeCoverage(
  stories: readonly StorySummary[],
  walkthroughs: readonly WalkthroughRef[],
  matches: (story: StorySummary) => string | undefined,
): Coverage {
  const groups = groupByPrinciple(stories);
  const byPrinciple = new Map(groups.filter((g) => g.kind === 'known').map((g) => [g.principle, g.stories]));
  const principles: PrincipleCoverage[] = PRINCIPLES.map(({ name }) => {
    const list = byPrinciple.get(name) ?? [];
    const clean = list.filter((s) => s.errors === 0).length;
    const status: PrincipleCoverage['status'] = list.length === 0 ? 'missing' : clean === 0 ? 'errors-only' : 'covered';
    return { principle: name, stories: list.length, clean, status };
  });

  const answeredBy = new Map<string, string[]>();
  for (const s of sortStories(stories)) {
    let id: string | undefined;
    try {
      id = matches(s);
    } catch {
      id = undefined;
    }
    if (id === undefined) continue;
    const list = answeredBy.get(id) ?? [];
    list.push(s.file);
    answeredBy.set(id, list);
  }
  const questions = walkthroughs.map((w) => ({ walkthrough: w, stories: answeredBy.get(w.id) ?? [] }));

  return {
    storyCount: stories.length,
    storiesWithErrors: stories.filter((s) => s.errors > 0).length,
    principles,
    missing: principles.filter((p) => p.status === 'missing').map((p) => p.principle),
    errorsOnly: principles.filter((p) => p.status === 'errors-only').map((p) => p.principle),
    unknownPrinciples: groups.filter((g) => g.kind === 'unknown').map((g) => g.principle),
    questions,
    unanswered: questions.filter((q) => q.stories.length === 0).map((q) => q.walkthrough),
  };
}

/**
 * The walkthrough question a story answers, by the panel's matcher: the walkthrough its front matter names,
 * else the one whose question (or an alias) its question matches. A story that only shares principles with
 * a walkthrough answers none: several questions share each principle, and the story has not said which.
 */
export function answeredQuestion(story: Pick<StorySummary, 'walkthrough' | 'question' | 'principles'>, walkthroughs: readonly Walkthrough[]): string | undefined {
  const match = matchWalkthrough({ walkthrough: story.walkthrough, question: story.question, principles: story.principles }, walkthroughs);
  return match && (match.reason === 'id' || match.reason === 'question') ? match.walkthrough.id : undefined;
}

/** `m:ss` for a number of seconds. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Options for the printable report. */
export interface CoverageReportOptions {
  /** The report's heading. */
  title?: string;
  /** How a story's file is shown (e.g. a path relative to the workspace). */
  label?: (file: string) => string;
  /** A line under the heading, such as the date. */
  subtitle?: string;
}

/**
 * The printable Markdown report: the principle table, the questions no story answers, and one row per story.
 * Table columns are padded so the text reads well in a terminal too.
 */
export function formatCoverageReport(stories: readonly StorySummary[], coverage: Coverage, options: CoverageReportOptions = {}): string {
  const label = options.label ?? ((f: string) => f);
  const out: string[] = [`# ${options.title ?? 'STAR story bank'}`, ''];
  if (options.subtitle) out.push(options.subtitle, '');
  const covered = coverage.principles.filter((p) => p.status === 'covered').length;
  out.push(
    `${plural(coverage.storyCount, 'story', 'stories')}, ${coverage.storiesWithErrors} with errors. ` +
      `${covered} of ${coverage.principles.length} Leadership Principles have a story without errors.`,
    '',
  );

  out.push('## Leadership Principles', '');
  const statusText: Record<PrincipleCoverage['status'], string> = {
    missing: 'no story',
    'errors-only': 'only stories with errors',
    covered: 'covered',
  };
  const rows: string[][] = coverage.principles.map((p) => [p.principle, String(p.stories), String(p.clean), statusText[p.status]]);
  const groups = groupByPrinciple(stories);
  for (const g of groups) {
    if (g.kind === 'known') continue;
    const clean = g.stories.filter((s) => s.errors === 0).length;
    rows.push([g.kind === 'unknown' ? `${g.principle} (unknown principle)` : NO_PRINCIPLE, String(g.stories.length), String(clean), '']);
  }
  out.push(...table(['Principle', 'Stories', 'Without errors', 'Status'], rows, [false, true, true, false]), '');

  if (coverage.questions.length) {
    out.push(`## Questions no story answers yet (${coverage.unanswered.length} of ${coverage.questions.length})`, '');
    if (coverage.unanswered.length === 0) out.push('Every walkthrough question has a story.');
    for (const w of coverage.unanswered) out.push(`- ${escapeInline(w.question)} (${w.principles.map(escapeInline).join(', ') || w.id})`);
    out.push('');
  }

  out.push('## Stories', '');
  if (stories.length === 0) {
    out.push('No `*.star.md` files found.', '');
  } else {
    const storyRows = sortStories(stories).map((s) => [
      escapeCell(s.title),
      escapeCell(label(s.file)),
      s.level,
      `${formatSeconds(s.totalSeconds)} / ${formatSeconds(s.levelSeconds)}`,
      String(s.errors),
      String(s.warnings),
      escapeCell(s.principles.map((p) => (canonicalPrinciple(p) ? p : `${p} (unknown)`)).join(', ') || '-'),
    ]);
    out.push(...table(['Story', 'File', 'Level', 'Time', 'Errors', 'Warnings', 'Principles'], storyRows, [false, false, false, true, true, true, false]), '');
  }
  return out.join('\n');
}

/** A per-file cache of summaries keyed by a version (document version or modification time). */
export class StoryCache {
  private readonly entries = new Map<string, { version: string; summary: StorySummary }>();

  /** The cached summary when `version` matches; otherwise computes, stores and returns a new one. */
  update(file: string, version: string | number, compute: () => StorySummary): StorySummary {
    const key = String(version);
    const hit = this.entries.get(file);
    if (hit && hit.version === key) return hit.summary;
    const summary = compute();
    this.entries.set(file, { version: key, summary });
    return summary;
  }

  /** True when the file is cached at this version. */
  has(file: string, version?: string | number): boolean {
    const hit = this.entries.get(file);
    return !!hit && (version === undefined || hit.version === String(version));
  }

  /** Forgets a file; returns true when it was cached. */
  delete(file: string): boolean {
    return this.entries.delete(file);
  }

  /** Forgets every file. */
  clear(): void {
    this.entries.clear();
  }

  /** The files cached. */
  files(): string[] {
    return [...this.entries.keys()];
  }

  /** Every cached summary. */
  summaries(): StorySummary[] {
    return [...this.entries.values()].map((e) => e.summary);
  }
}

// ---------------------------------------------------------------------------------------------

function sortStories(stories: readonly StorySummary[]): StorySummary[] {
  return [...stories].sort((a, b) => compareText(a.title, b.title) || compareText(a.file, b.file));
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function fileStem(file: string): string {
  const name = file.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? file;
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep as is
  }
  return decoded.replace(/\.star\.md$/i, '') || decoded;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Keeps text from breaking a table cell or a list item. */
function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

function escapeInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** A Markdown pipe table with padded columns; `right` aligns numeric columns to the right. */
function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)];
}
