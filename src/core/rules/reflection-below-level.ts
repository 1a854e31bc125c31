import type { Rule } from './rule';
import { LANG, clauses, has, phrases } from './lang';

const PLATITUDE_RE = phrases(LANG.platitudes);
// An organizational process named with a qualifier: "the triage process", "our release processes".
const PROCESS_RE = /(?<![\p{L}])(?:the|our|a|no|their|any|team['’]s)\s+(?:[\p{L}-]+\s+)?process(?:es)?(?![\p{L}])/giu;
const TECHNICAL_RE = /(?<![\p{L}])(?:standard\s+(?:library|libraries|output|input|error|deviation)|file\s+ownership|ownership\s+(?:on|of)\s+the\s+(?:file|files|directory|folder)|process\s+(?:count|id|memory)|child\s+process|worker\s+process)(?![\p{L}])/giu;

const SYSTEMIC_RE = phrases(LANG.systemic);

/** A senior reflection names a systemic or organizational cause. */
export const reflectionBelowLevel: Rule = {
  id: 'reflection-below-level',
  description: 'At senior level, the Reflection names a systemic or organizational cause.',
  defaultSeverity: 'info',
  graded: true,
  check(ctx) {
    if (ctx.level !== 'senior') return [];
    const section = ctx.content('reflection');
    if (!section) return [];
    // A systemic word inside a platitude ("collaboration across teams is important") names no cause, and the
    // technical senses ("the standard library", "file ownership") are not organizational.
    const text = ctx.sentences('reflection')
      .flatMap((s) => clauses(s.prose))
      .filter((c) => !has(PLATITUDE_RE, c.text))
      .map((c) => c.text.replace(TECHNICAL_RE, ' '))
      .join(' ');
    if (has(SYSTEMIC_RE, text) || has(PROCESS_RE, text)) return [];
    return [{
      start: section.headingStart,
      end: section.headingEnd,
      section: 'reflection',
      message: 'A senior Reflection goes past the technical lesson: name the systemic cause (ownership gaps, incentives, missing standards or visibility across teams) and what you changed about it.',
    }];
  },
};
