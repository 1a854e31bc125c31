/**
 * Loads a set of walkthrough files (the host reads them; the core gets strings).
 */
import { DEFAULT_TARGETS } from '../engine';
import { STEPS } from '../model';
import type { StepTargets } from '../model';
import type { Walkthrough, WalkthroughProblem, WalkthroughSource } from './types';
import { validateWalkthrough } from './validate';

/** One file handed in by the host. */
export interface WalkthroughFile {
  /** The name shown in messages, e.g. `walkthroughs/ownership.yaml` or a workspace-relative path. */
  name: string;
  text: string;
  /** Built-in files first, then the user's folder; defaults to `builtin`. */
  source?: WalkthroughSource;
}

/** Every walkthrough that loaded, the problems of those that did not, and notes (overrides). */
export interface LoadResult {
  /** Sorted by id. */
  walkthroughs: Walkthrough[];
  problems: WalkthroughProblem[];
  /** Not problems: e.g. a user walkthrough that replaces a built-in one with the same id. */
  notes: string[];
}

/**
 * Validates every file; a bad file is reported and skipped, the others load. When two files share an
 * id, the later one wins (pass built-ins first, then the user's folder) and a note says so.
 */
export function loadWalkthroughs(files: readonly WalkthroughFile[]): LoadResult {
  const byId = new Map<string, Walkthrough>();
  const problems: WalkthroughProblem[] = [];
  const notes: string[] = [];
  for (const f of files) {
    const { walkthrough, problems: p } = validateWalkthrough(f.text, f.name, f.source ?? 'builtin');
    problems.push(...p);
    if (!walkthrough) continue;
    const earlier = byId.get(walkthrough.id);
    if (earlier) {
      notes.push(`${f.name}: walkthrough "${walkthrough.id}" replaces the one in ${earlier.file}.`);
    }
    byId.set(walkthrough.id, walkthrough);
  }
  const walkthroughs = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { walkthroughs, problems, notes };
}

/**
 * The spoken-time targets a story matched to this walkthrough is linted with, or undefined for the
 * built-in targets. Only walkthroughs from the user's folder may change them (built-ins keep the SPEC's).
 */
export function walkthroughTargets(w: Walkthrough | undefined): Partial<StepTargets> | undefined {
  if (!w || w.source !== 'user') return undefined;
  const out: Partial<StepTargets> = {};
  let differs = false;
  for (const s of STEPS) {
    out[s] = w.steps[s].targetSeconds;
    if (w.steps[s].targetSeconds !== DEFAULT_TARGETS[s]) differs = true;
  }
  return differs ? out : undefined;
}
