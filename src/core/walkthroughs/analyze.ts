/**
 * Linting with the walkthroughs in view: a walkthrough from the user's own folder may set its own step
 * targets for the stories matched to it (SPEC, section-over-time).
 */
import { analyze } from '../engine';
import type { Analysis, AnalyzeOptions } from '../engine';
import { walkthroughTargets } from './load';
import { matchWalkthrough } from './match';
import type { Walkthrough } from './types';
import { storyKeys } from './viewModel';

/**
 * Analyzes a story; when it matches a user walkthrough whose targets differ from the built-in ones, analyzes
 * it again with those targets. Built-in walkthroughs keep the built-in targets, so most stories are analyzed once.
 */
export function analyzeWithWalkthroughs(text: string, options: AnalyzeOptions, walkthroughs: readonly Walkthrough[]): Analysis {
  const first = analyze(text, options);
  if (!walkthroughs.some((w) => w.source === 'user')) return first;
  const targets = walkthroughTargets(matchWalkthrough(storyKeys(first), walkthroughs)?.walkthrough);
  return targets ? analyze(text, { ...options, targets: { ...options.targets, ...targets } }) : first;
}
