/**
 * The core's data model: plain, serializable types shared by the rules, the CLI, the editor and the panel.
 * Ranges are 0-based and LSP-shaped (line, UTF-16 character), so converting them to editor types is a one-liner.
 */

/** A finding's severity, as the editor and the CLI show it. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity setting: a severity, or `off` to turn the rule off. */
export type SeveritySetting = Severity | 'off';

/** The five spoken steps of a STAR story, in their expected order. */
export type StepName = 'situation' | 'task' | 'action' | 'result' | 'reflection';

/** Where a finding belongs: a step, the Follow-ups, the front matter, or (null) the whole file. */
export type SectionName = StepName | 'followups' | 'frontmatter';

/** The seniority the story is told at; it changes the bar and the length. */
export type Level = 'sde1' | 'sde2' | 'senior';

/** The steps in order. */
export const STEPS: readonly StepName[] = ['situation', 'task', 'action', 'result', 'reflection'];

/** The levels in order. */
export const LEVELS: readonly Level[] = ['sde1', 'sde2', 'senior'];

/** A 0-based position: line and UTF-16 code unit within the line. */
export interface Position {
  line: number;
  character: number;
}

/** A 0-based, end-exclusive range. */
export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text in `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix a user can pick: a title for the menu and the edits that carry it out. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** One thing the coach noticed, as plain data. */
export interface Finding {
  /** The rule id, e.g. `we-language`. */
  ruleId: string;
  severity: Severity;
  /** What was found and what to write instead. */
  message: string;
  range: Range;
  /** The step the finding belongs to, or null for the whole file. */
  section: SectionName | null;
  /** A sound fix, where one exists. */
  fix?: Fix;
}

/** The settings every host shares (CLI flags, `.starlint.yaml`, editor settings). */
export interface StarConfig {
  /** The level used when the story's front matter names none. */
  level: Level;
  /** Speaking speed used for spoken-time estimates. */
  wordsPerMinute: number;
  /** Severity per rule id; a rule not named keeps its default. */
  rules: Record<string, SeveritySetting>;
}

/** Spoken-time targets for the steps, in seconds; a walkthrough may override them. */
export type StepTargets = Record<StepName, number>;
