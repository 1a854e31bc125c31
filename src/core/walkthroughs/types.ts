/**
 * The walkthrough model: one interview question's coaching page, as read from walkthroughs/*.yaml.
 * Plain, serializable data; the schema is documented in docs/walkthroughs.md.
 */
import type { Level, StepName } from '../model';

/** A linter detector that decides whether a story shows a signal. */
export type SignalCheck = 'scope-boundary' | 'i-statements' | 'metric' | 'business-impact' | 'second-order' | 'systemic-cause';

/** The detector names a signal's `check` may use. */
export const SIGNAL_CHECKS: readonly SignalCheck[] = ['scope-boundary', 'i-statements', 'metric', 'business-impact', 'second-order', 'systemic-cause'];

/** Something a strong answer shows in one step. */
export interface WalkthroughSignal {
  text: string;
  /** The linter's own detector decides whether the story shows it. */
  check?: SignalCheck;
  /** Phrases whose presence in the step's prose shows it (used when there is no check). */
  cues: string[];
}

/** The coaching for one step of the answer. */
export interface WalkthroughStep {
  targetSeconds: number;
  coaching: string;
  mistake: string;
  signals: WalkthroughSignal[];
  example: string;
}

/** An interviewer's follow-up probe with a weak and a strong answer. */
export interface WalkthroughFollowUp {
  probe: string;
  probes: string;
  weak: string;
  weakWhy: string;
  strong: string;
  keyPhrase: string;
}

/** How the question reads through one Leadership Principle. */
export interface WalkthroughLens {
  principle: string;
  leadWith: string;
  emphasize: string;
  playDown: string;
}

/** What the answer should be at one level. */
export interface WalkthroughLevel {
  focus: string;
  bar: string;
  lengthSeconds: number;
}

/** A multiple-choice quiz question. */
export interface WalkthroughQuizItem {
  question: string;
  options: string[];
  /** 0-based index into options. */
  answer: number;
  why: string;
}

/** Where a walkthrough came from: shipped with the extension, or the user's own folder. */
export type WalkthroughSource = 'builtin' | 'user';

/** One validated walkthrough. */
export interface Walkthrough {
  id: string;
  question: string;
  aliases: string[];
  /** Canonical principle names. */
  principles: string[];
  leadWith: string;
  steps: Record<StepName, WalkthroughStep>;
  followUps: WalkthroughFollowUp[];
  lenses: WalkthroughLens[];
  levels: Record<Level, WalkthroughLevel>;
  quiz: WalkthroughQuizItem[];
  /** The file it was read from, as the host named it. */
  file: string;
  source: WalkthroughSource;
}

/** A problem in a walkthrough file, with the line (1-based) and the key path it concerns. */
export interface WalkthroughProblem {
  file: string;
  /** 1-based line. */
  line: number;
  /** Dotted key path (`steps.task.targetSeconds`, `followUps[2].weak`), or `(file)` for the whole file. */
  key: string;
  /** The full message: `<file>:<line>: <key>: <problem>`. */
  message: string;
}
