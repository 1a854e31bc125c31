import type { Rule } from './rule';
import { hasBusinessImpact } from './result-text';

/** The Result says what the change meant for the business. */
export const resultMissingBusinessImpact: Rule = {
  id: 'result-missing-business-impact',
  description: 'The Result translates the change into business terms: money, customers, time saved, incidents.',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const section = ctx.content('result');
    if (!section) return [];
    const text = ctx.sentences('result').map((s) => s.raw).join(' ');
    if (hasBusinessImpact(text)) return [];
    return [{
      start: section.headingStart,
      end: section.headingEnd,
      section: 'result',
      message: 'The Result stops at the technical metric: say what it meant for the business (money saved or earned, customers or users affected, hours given back, incidents avoided).',
    }];
  },
};
