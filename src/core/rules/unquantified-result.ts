import type { Rule } from './rule';
import { hasQuantity } from './lang';

/** The Result needs a number. */
export const unquantifiedResult: Rule = {
  id: 'unquantified-result',
  description: 'The Result holds a quantity: a metric, a percentage, an amount, a multiplier or a number word.',
  defaultSeverity: 'error',
  graded: true,
  check(ctx) {
    const section = ctx.content('result');
    if (!section) return [];
    const text = ctx.sentences('result').map((s) => s.prose).join(' ');
    // Numbers inside quotes still count as numbers the writer states.
    const raw = ctx.doc.text.slice(section.bodyStart, section.bodyEnd).replace(/<!--[\s\S]*?-->/g, ' ');
    if (hasQuantity(text) || hasQuantity(raw)) return [];
    return [{
      start: section.headingStart,
      end: section.headingEnd,
      section: 'result',
      message: 'The Result has no number: give the metric before and after ("errors fell from 2% to 0.1%"), an amount, or a count, so the interviewer can weigh the impact.',
    }];
  },
};
