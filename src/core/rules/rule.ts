/**
 * The shape of a rule and what the engine hands it.
 */
import type { Fix, Level, SectionName, Severity, StarConfig, StepName, StepTargets } from '../model';
import type { Section, Sentence, StarDocument } from '../parse';

/** What a rule reports: offsets into the text, turned into ranges by the engine. */
export interface RawFinding {
  start: number;
  end: number;
  message: string;
  section: SectionName | null;
  /** A severity for this finding when the rule's default depends on the case (e.g. reflection is a warning). */
  severity?: Severity;
  fix?: Fix;
}

/** Everything a rule may read. */
export interface RuleContext {
  doc: StarDocument;
  config: StarConfig;
  /** The story's level, or the configured default. */
  level: Level;
  /** The principles the writer named, canonicalized where known (unknown names kept as written). */
  principles: string[];
  /** Spoken-time targets for this story's steps, in seconds. */
  targets: StepTargets;
  /** The section of a step when it is present and has content; undefined otherwise (other rules report that). */
  content(step: StepName | 'followups'): Section | undefined;
  /** The prose sentences of a step with content, or [] (Follow-ups: answers only). */
  sentences(step: StepName | 'followups'): Sentence[];
  /** Spoken seconds of a step's body (0 when absent). */
  seconds(step: StepName): number;
}

/** A rule: an id, a default severity, and a check over the parsed story. */
export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** True for rules scored by the accuracy corpus (all but passive-voice and hedging). */
  graded: boolean;
  check(ctx: RuleContext): RawFinding[];
}

/** No rule reports more than this many findings in one file: past that, more help nobody and cost memory. */
export const MAX_FINDINGS_PER_RULE = 1000;
