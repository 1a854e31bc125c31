/**
 * The text of a new story: front matter and the five step headings, each with a one-line hint of what the
 * bar wants. Every host that creates a story (the editor's New Story command, future CLI `init`) uses this,
 * so a fresh skeleton never starts with a structure finding.
 */
import type { Level } from './model';
import { STEPS } from './model';
import { STEP_SKELETON, canonicalPrinciple, stepLabel } from './vocabulary';

/** What a new story starts from; every field is optional. */
export interface StoryTemplateOptions {
  /** The interview question the story answers. */
  question?: string;
  /** Leadership Principle names (canonical names are written as such; unknown names are kept). */
  principles?: readonly string[];
  /** The level the story is told at; written to the front matter when given. */
  level?: Level;
  /** The level-1 title; a placeholder when absent. */
  title?: string;
  /** Line ending; `\n` by default. */
  eol?: string;
}

/** The placeholder title of a story whose writer gave none. */
export const STORY_TITLE_PLACEHOLDER = 'A short title you will recognise in your story bank';

/** Builds the text of a new story: front matter, a title and the five steps with their hints. */
export function storyTemplate(options: StoryTemplateOptions = {}): string {
  const eol = options.eol ?? '\n';
  const lines: string[] = [];
  const question = oneLine(options.question ?? '');
  const principles = (options.principles ?? []).map((p) => oneLine(p)).filter((p) => p.length > 0).map((p) => canonicalPrinciple(p) ?? p);
  const frontMatter: string[] = [];
  if (question) frontMatter.push(`question: ${yamlScalar(question, false)}`);
  if (principles.length) frontMatter.push(`principles: [${principles.map((p) => yamlScalar(p, true)).join(', ')}]`);
  if (options.level) frontMatter.push(`level: ${options.level}`);
  if (frontMatter.length) lines.push('---', ...frontMatter, '---', '');
  lines.push(`# ${oneLine(options.title ?? '') || STORY_TITLE_PLACEHOLDER}`, '');
  for (const step of STEPS) lines.push(`## ${stepLabel(step)}`, STEP_SKELETON[step], '');
  return lines.join(eol);
}

/**
 * A file name for a new story, from its question: the words after "Tell me about a time (when) you", in
 * kebab case, at most six of them, ending in `.star.md`. `story.star.md` when nothing usable is left.
 */
export function storyFileName(question: string): string {
  const rest = oneLine(question)
    .toLowerCase()
    .replace(/^(?:tell me about|describe|give me an example of|walk me through)\s+(?:(?:a|an|the)\s+)?(?:(?:time|situation|moment|occasion)\s+)?(?:(?:when|where|that)\s+)?(?:you\s+(?:had\s+to\s+)?)?/u, '');
  const words = rest
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 6);
  return `${words.join('-') || 'story'}.star.md`;
}

/** Collapses whitespace (newlines included) to single spaces and trims. */
function oneLine(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** Writes a string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
function yamlScalar(s: string, inFlow: boolean): string {
  const safe = inFlow ? /^[\p{L}\p{N}][\p{L}\p{N} .'’;&/()-]*$/u : /^[\p{L}\p{N}][\p{L}\p{N} .,'’;&/()?!-]*$/u;
  const reserved = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i.test(s) || /^[-+.\d]/.test(s);
  if (safe.test(s) && !reserved && !/\s$/.test(s)) return s;
  // JSON strings are valid YAML double-quoted scalars.
  return JSON.stringify(s);
}
