import type { Rule } from './rule';
import { LANG, phrases } from './lang';

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
    const text = ctx.sentences('reflection').map((s) => s.prose).join(' ');
    SYSTEMIC_RE.lastIndex = 0;
    if (SYSTEMIC_RE.test(text)) return [];
    return [{
      start: section.headingStart,
      end: section.headingEnd,
      section: 'reflection',
      message: 'A senior Reflection goes past the technical lesson: name the systemic cause (ownership gaps, incentives, missing standards or visibility across teams) and what you changed about it.',
    }];
  },
};
