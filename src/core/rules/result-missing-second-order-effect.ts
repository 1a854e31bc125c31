import type { Rule } from './rule';
import { hasSecondOrder } from './result-text';

/** The Result shows an effect beyond the fix itself. */
export const resultMissingSecondOrderEffect: Rule = {
  id: 'result-missing-second-order-effect',
  description: 'The Result shows an effect beyond the fix: others adopted it, it became a standard, policy or runbook.',
  defaultSeverity: 'info',
  graded: true,
  check(ctx) {
    const section = ctx.content('result');
    if (!section) return [];
    const text = ctx.sentences('result').map((s) => s.raw).join(' ');
    if (hasSecondOrder(text)) return [];
    return [{
      start: section.headingStart,
      end: section.headingEnd,
      section: 'result',
      message: 'The Result ends at the fix: add what happened beyond it (another team adopted it, it became the default, a runbook or policy changed) to show reach.',
    }];
  },
};
