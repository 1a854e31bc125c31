/**
 * `--format summary`: the story bank at a glance. The coverage table of the sixteen Leadership Principles,
 * the walkthrough questions no story answers yet, and one row per story (level, spoken time, errors,
 * warnings). Markdown with padded columns, so it reads in a terminal and renders in a CI job summary.
 */
import { answeredQuestion, computeCoverage, formatCoverageReport, loadWalkthroughs } from '../core';
import type { StorySummary, Walkthrough, WalkthroughFile, WalkthroughSource } from '../core';

/** The file I/O the loader needs (a subset of the CLI's). */
export interface WalkthroughIo {
  readFile(path: string): string;
  readDir?(path: string): string[];
  stat?(path: string): 'file' | 'dir' | 'missing' | 'other';
}

/** Walkthroughs that loaded, and `file:line: key: problem` lines for those that did not. */
export interface LoadedWalkthroughs {
  walkthroughs: Walkthrough[];
  problems: string[];
}

/**
 * Reads and validates the `*.yaml` walkthroughs of each folder (built-in first, then the user's); a later
 * folder's walkthrough replaces an earlier one with the same id. A folder that does not exist is skipped.
 */
export function loadWalkthroughFolders(io: WalkthroughIo, folders: ReadonlyArray<{ dir: string; source: WalkthroughSource }>): LoadedWalkthroughs {
  const files: WalkthroughFile[] = [];
  const problems: string[] = [];
  for (const { dir, source } of folders) {
    if (!io.readDir || (io.stat && io.stat(dir) !== 'dir')) continue;
    let names: string[];
    try {
      names = io.readDir(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
    } catch {
      problems.push(`${dir}: cannot read the folder`);
      continue;
    }
    for (const name of names) {
      const file = dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
      try {
        files.push({ name: file, text: io.readFile(file), source });
      } catch {
        problems.push(`${file}: cannot read the file`);
      }
    }
  }
  const loaded = loadWalkthroughs(files);
  return { walkthroughs: loaded.walkthroughs, problems: [...problems, ...loaded.problems.map((p) => p.message)] };
}

/** The summary report for the stories linted. */
export function formatSummary(stories: readonly StorySummary[], walkthroughs: readonly Walkthrough[]): string {
  const coverage = computeCoverage(stories, walkthroughs, (s) => answeredQuestion(s, walkthroughs));
  return formatCoverageReport(stories, coverage, { title: 'STAR story bank' });
}
