import type { Rule } from './rule';
import { writerActs } from './lang';

/** The Action must be told with the writer as the actor. */
export const fewIStatements: Rule = {
  id: 'few-i-statements',
  description: 'Most Action sentences have "I" as the actor (at least 3, and at least half).',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const section = ctx.content('action');
    if (!section) return [];
    const sentences = ctx.sentences('action');
    if (sentences.length === 0) return [];
    const mine = sentences.filter(writerActs).length;
    if (mine >= 3 && mine * 2 >= sentences.length) return [];
    return [{
      start: section.headingStart,
      end: section.headingEnd,
      section: 'action',
      message: mine * 2 >= sentences.length
        ? `Only ${mine} Action sentence${mine === 1 ? '' : 's'} with you as the actor: the bar wants at least three concrete steps, each "I + verb" (I traced, I wrote, I verified).`
        : `Only ${mine} of ${sentences.length} Action sentences have you as the actor: tell each step as "I + verb" (I traced, I wrote, I verified) so the interviewer can credit you.`,
    }];
  },
};
