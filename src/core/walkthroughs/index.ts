/**
 * Walkthroughs: load and validate walkthroughs/*.yaml, match a story to one, and build the panel's view model.
 */
export * from './types';
export { validateWalkthrough, formatProblem, idFromFileName, MAX_WALKTHROUGH_CHARS, MAX_WALKTHROUGH_ALIASES } from './validate';
export type { ValidationResult } from './validate';
export { loadWalkthroughs, walkthroughTargets } from './load';
export { analyzeWithWalkthroughs } from './analyze';
export type { WalkthroughFile, LoadResult } from './load';
export { matchWalkthrough, rankWalkthroughs, matchProbes, questionSimilarity, questionTerms, stem, QUESTION_THRESHOLD, PROBE_THRESHOLD } from './match';
export type { StoryKeys, MatchReason, WalkthroughMatch, Terms } from './match';
export { signalShown, runCheck, hasCue } from './signals';
export type { SignalMethod } from './signals';
export { buildViewModel, panelForStory, storyKeys, questionLine } from './viewModel';
export type {
  PanelViewModel, ViewStep, ViewFinding, ViewSignal, ViewFollowUp, ViewLens, ViewLevel, ViewQuizItem, ViewModelOptions,
  PanelOptions, StoryPanel,
} from './viewModel';
