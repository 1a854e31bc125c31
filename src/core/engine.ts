/**
 * The engine: runs every enabled rule over a parsed story, applies severities and disable comments,
 * computes spoken time per step, and applies fixes. Pure functions over strings.
 */
import type { Finding, Level, Range, StarConfig, StepName, StepTargets, TextEdit } from './model';
import { STEPS } from './model';
import { hasContent, parseStory, spokenWords } from './parse';
import type { StarDocument } from './parse';
import { rules } from './rules';
import type { RuleContext } from './rules/rule';
import { MAX_FINDINGS_PER_RULE } from './rules/rule';
import { LineIndex } from './text';
import { BUILTIN_DEFAULTS, BUILTIN_TARGETS, LEVEL_LENGTH, canonicalPrinciple } from './vocabulary';

/** The configuration used when nothing else sets a value. */
export const DEFAULT_CONFIG: Readonly<StarConfig> = Object.freeze({ ...BUILTIN_DEFAULTS, rules: {} });

/** Built-in spoken-time targets per step, in seconds. */
export const DEFAULT_TARGETS: Readonly<StepTargets> = BUILTIN_TARGETS;

/** The length of the whole answer per level, in seconds. */
export const LEVEL_SECONDS: Readonly<Record<Level, number>> = LEVEL_LENGTH;

export { MAX_FINDINGS_PER_RULE };

/** Options for one lint run. */
export interface AnalyzeOptions {
  /** Settings layered over the defaults (later hosts' layers already merged in). */
  config?: Partial<StarConfig>;
  /** Spoken-time targets from the matched walkthrough, when it sets its own. */
  targets?: Partial<StepTargets>;
}

/** Spoken time of one step. */
export interface StepReport {
  step: StepName;
  present: boolean;
  /** The heading's range, when present. */
  headingRange?: Range;
  words: number;
  seconds: number;
  targetSeconds: number;
  /** The step runs past its target by more than the allowed margin. */
  overTime: boolean;
}

/** Everything one lint run produces. */
export interface Analysis {
  doc: StarDocument;
  findings: Finding[];
  level: Level;
  /** The principles named in the front matter, canonical where known. */
  principles: string[];
  steps: StepReport[];
  /** Spoken seconds of the five steps together. */
  totalSeconds: number;
  /** The level's length, in seconds. */
  levelSeconds: number;
}

/** Merges config layers, later layers winning; rule severities merge per rule. */
export function resolveConfig(...layers: Array<Partial<StarConfig> | undefined>): StarConfig {
  const out: StarConfig = { ...DEFAULT_CONFIG, rules: {} };
  for (const l of layers) {
    if (!l) continue;
    if (l.level) out.level = l.level;
    if (typeof l.wordsPerMinute === 'number' && l.wordsPerMinute > 0) out.wordsPerMinute = l.wordsPerMinute;
    if (l.rules) Object.assign(out.rules, l.rules);
  }
  return out;
}

/** Parses and lints a story, returning findings, spoken times and the parsed document. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const doc = parseStory(text);
  const config = resolveConfig(options.config);
  const fm = doc.frontMatter;
  const level: Level = fm?.level ?? config.level;
  const principles = (fm?.principles ?? []).map((p) => canonicalPrinciple(p) ?? p);
  const targets: StepTargets = { ...DEFAULT_TARGETS, ...(options.targets ?? {}) };
  const wpm = config.wordsPerMinute > 0 ? config.wordsPerMinute : DEFAULT_CONFIG.wordsPerMinute;

  const secondsCache = new Map<StepName, number>();
  const seconds = (step: StepName): number => {
    let v = secondsCache.get(step);
    if (v === undefined) {
      const s = doc.step(step);
      v = s ? (spokenWords(doc, s.bodyStart, s.bodyEnd) * 60) / wpm : 0;
      secondsCache.set(step, v);
    }
    return v;
  };
  const ctx: RuleContext = {
    doc,
    config,
    level,
    principles,
    targets,
    content: (step) => {
      const s = doc.step(step);
      return s && hasContent(doc, s) ? s : undefined;
    },
    sentences: (step) => {
      const s = ctx.content(step);
      return s ? doc.sectionSentences(s) : [];
    },
    seconds,
  };

  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = config.rules[rule.id];
    if (configured === 'off') continue;
    let raw;
    try {
      raw = rule.check(ctx);
    } catch (e) {
      // A rule bug must never take the editor down: report it as a finding on the whole file.
      raw = [{ start: 0, end: 0, section: null, message: `Internal error in rule ${rule.id}: ${e instanceof Error ? e.message : String(e)}. Please report it.` }];
    }
    let kept = 0;
    for (const r of raw) {
      if (kept >= MAX_FINDINGS_PER_RULE) break;
      const range = doc.range(r.start, r.end);
      if (doc.isDisabled(rule.id, range.start.line)) continue;
      findings.push({
        ruleId: rule.id,
        severity: configured ?? r.severity ?? rule.defaultSeverity,
        message: r.message,
        range,
        section: r.section,
        ...(r.fix ? { fix: r.fix } : {}),
      });
      kept++;
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  const steps: StepReport[] = STEPS.map((step) => {
    const s = doc.step(step);
    const secs = seconds(step);
    return {
      step,
      present: !!s,
      ...(s ? { headingRange: doc.range(s.headingStart, s.headingEnd) } : {}),
      words: s ? spokenWords(doc, s.bodyStart, s.bodyEnd) : 0,
      seconds: secs,
      targetSeconds: targets[step],
      overTime: secs > targets[step] * 1.5,
    };
  });
  const totalSeconds = steps.reduce((a, s) => a + s.seconds, 0);
  return { doc, findings, level, principles, steps, totalSeconds, levelSeconds: LEVEL_LENGTH[level] };
}

/** Lints a story and returns its findings. */
export function lint(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, options).findings;
}

/**
 * Applies the fixes of the given findings to the text and returns the new text. Overlapping edits are
 * skipped (the first one wins), so the result is always well-formed; run again to apply the rest.
 * Inserts at the same point all go in, in the order of the findings.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const lines = new LineIndex(text);
  const edits: Array<{ start: number; end: number; newText: string; order: number }> = [];
  let order = 0;
  for (const f of findings) {
    if (!f.fix) continue;
    const group = f.fix.edits.map((e: TextEdit) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, order: order++ }));
    // A fix's edits go in together or not at all.
    const clashes = group.some((g) => edits.some((e) => overlaps(e, g)));
    if (!clashes) edits.push(...group);
  }
  edits.sort((a, b) => b.start - a.start || b.order - a.order);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  // Two inserts at the same point do not clash: both go in, in the order the findings came.
  if (a.start === a.end && b.start === b.end) return false;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}
