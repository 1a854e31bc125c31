import { STEPS } from '../model';
import type { Rule } from './rule';
import { OVER_TIME_MARGIN, stepLabel } from '../vocabulary';

/** A step that would take much longer to say than its target. */
export const sectionOverTime: Rule = {
  id: 'section-over-time',
  description: 'Each step fits its spoken-time target (with half again as margin).',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    return STEPS.flatMap((step) => {
      const s = ctx.content(step);
      if (!s) return [];
      const secs = ctx.seconds(step);
      const target = ctx.targets[step];
      if (secs <= target * (1 + OVER_TIME_MARGIN)) return [];
      const cut = Math.ceil(((secs - target) / 60) * ctx.config.wordsPerMinute);
      return [{
        start: s.headingStart,
        end: s.headingEnd,
        section: step,
        message: `${stepLabel(step)} takes about ${Math.round(secs)} s to say; its target is ${target} s. Cut about ${cut} words: keep what the interviewer needs for this step and drop the rest.`,
      }];
    });
  },
};
