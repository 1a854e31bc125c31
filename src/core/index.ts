/**
 * The public face of the core: everything the CLI, the editor and the panel may use.
 * The core takes strings and returns plain data; hosts do all I/O.
 */
export * from './model';
export { parseStory } from './parse';
export type { StarDocument, Section, Probe, FrontMatter, Sentence, Word } from './parse';
export { analyze, lint, applyFixes, DEFAULT_CONFIG, DEFAULT_TARGETS, LEVEL_SECONDS, resolveConfig } from './engine';
export type { AnalyzeOptions, Analysis, StepReport } from './engine';
export { parseConfig } from './config';
export type { ConfigProblem, ParsedConfig } from './config';
export { rules, ruleById } from './rules';
export type { Rule, RuleContext } from './rules/rule';
export { disableEdit } from './disable';
export { fixAllText, minimalEdit, FIX_ALL_PASSES } from './fixes';
export { STEP_GUIDANCE, PRINCIPLES, stepLabel } from './vocabulary';
export * from './coverage';
export { storyTemplate, storyFileName, STORY_TITLE_PLACEHOLDER, type StoryTemplateOptions } from './story-template';
export * from './walkthroughs';
