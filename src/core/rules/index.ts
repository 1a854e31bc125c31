/**
 * The registry: every rule, in the order findings are reported. The only list of rules.
 */
import type { Rule } from './rule';
import { missingSection } from './missing-section';
import { emptySection } from './empty-section';
import { sectionOrder } from './section-order';
import { invalidFrontMatter } from './invalid-front-matter';
import { weLanguage } from './we-language';
import { fewIStatements } from './few-i-statements';
import { passiveVoice } from './passive-voice';
import { hedging } from './hedging';
import { missingScopeBoundary } from './missing-scope-boundary';
import { managerDirected } from './manager-directed';
import { routingNotOwnership } from './routing-not-ownership';
import { unquantifiedResult } from './unquantified-result';
import { resultMissingBusinessImpact } from './result-missing-business-impact';
import { resultMissingSecondOrderEffect } from './result-missing-second-order-effect';
import { vagueResult } from './vague-result';
import { genericReflection } from './generic-reflection';
import { reflectionBelowLevel } from './reflection-below-level';
import { sectionOverTime } from './section-over-time';
import { storyOverTime } from './story-over-time';

/** Every rule, in report order. */
export const rules: readonly Rule[] = [
  missingSection,
  emptySection,
  sectionOrder,
  invalidFrontMatter,
  weLanguage,
  fewIStatements,
  passiveVoice,
  hedging,
  missingScopeBoundary,
  managerDirected,
  routingNotOwnership,
  unquantifiedResult,
  resultMissingBusinessImpact,
  resultMissingSecondOrderEffect,
  vagueResult,
  genericReflection,
  reflectionBelowLevel,
  sectionOverTime,
  storyOverTime,
];

/** The rule with this id, if any. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
