/**
 * Typed access to the rule data in data/*.yaml (compiled into data.generated.ts at build time).
 */
import { DATA } from './data.generated';
import type { Level, StepName, StepTargets } from './model';

type HeadingKind = StepName | 'followups';

/** Words a step heading may use, per step. */
export const HEADING_WORDS: Readonly<Record<HeadingKind, readonly string[]>> = DATA.sections.headings;

/** Built-in spoken-time targets per step, in seconds. */
export const BUILTIN_TARGETS: Readonly<StepTargets> = DATA.sections.targets;

/** How far past its target a step may run before it is over time (0.5 = half again). */
export const OVER_TIME_MARGIN: number = DATA.sections.overTimeMargin;

/** Length of the whole answer per level, in seconds. */
export const LEVEL_LENGTH: Readonly<Record<Level, number>> = DATA.sections.levelSeconds;

/** The level and speaking speed used when nothing else sets them. */
export const BUILTIN_DEFAULTS: { level: Level; wordsPerMinute: number } = {
  level: DATA.sections.defaults.level as Level,
  wordsPerMinute: DATA.sections.defaults.wordsPerMinute,
};

/** What the bar wants in each step, one short paragraph each (hover text). */
export const STEP_GUIDANCE: Readonly<Record<HeadingKind, string>> = DATA.sections.guidance;

/** The placeholder sentence a missing step's skeleton gets. */
export const STEP_SKELETON: Readonly<Record<StepName, string>> = DATA.sections.skeleton;

/** A Leadership Principle with the other spellings that mean it. */
export interface Principle {
  name: string;
  aliases: readonly string[];
}

/** Amazon's sixteen Leadership Principles. */
export const PRINCIPLES: readonly Principle[] = DATA.principles.principles.map((p) => ({
  name: p.name,
  aliases: 'aliases' in p ? (p.aliases as readonly string[]) : [],
}));

/** Folds a principle name for comparison: case, punctuation and spacing ignored. */
export function foldPrinciple(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

const principleIndex = new Map<string, string>();
for (const p of PRINCIPLES) {
  principleIndex.set(foldPrinciple(p.name), p.name);
  for (const a of p.aliases) principleIndex.set(foldPrinciple(a), p.name);
}

/** The canonical name of a principle, or undefined when the name matches none. */
export function canonicalPrinciple(name: string): string | undefined {
  return principleIndex.get(foldPrinciple(name));
}

/** The display label of a step ("Situation", "Follow-ups"). */
export function stepLabel(step: HeadingKind): string {
  return step === 'followups' ? 'Follow-ups' : step[0].toUpperCase() + step.slice(1);
}
