import { STEPS } from '../model';
import { hasContent } from '../parse';
import type { Rule } from './rule';
import { stepLabel } from '../vocabulary';

/** A step heading with nothing under it. */
export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A step heading has prose under it.',
  defaultSeverity: 'error',
  graded: true,
  check({ doc }) {
    return STEPS.flatMap((step) => {
      const s = doc.step(step);
      if (!s || hasContent(doc, s)) return [];
      return [{
        start: s.headingStart,
        end: s.headingEnd,
        section: step,
        message: `The ${stepLabel(step)} heading has nothing under it: write the step, or the interviewer hears a gap in the story.`,
      }];
    });
  },
};
