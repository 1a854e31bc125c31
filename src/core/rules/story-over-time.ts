import { STEPS } from '../model';
import type { Rule } from './rule';
import { LEVEL_LENGTH } from '../vocabulary';

/** The whole answer runs past the level's length. */
export const storyOverTime: Rule = {
  id: 'story-over-time',
  description: "The five steps together fit the level's length (sde1 2 min, sde2 2.5 min, senior 3 min).",
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const total = STEPS.reduce((a, s) => a + ctx.seconds(s), 0);
    const limit = LEVEL_LENGTH[ctx.level];
    if (total <= limit) return [];
    const title = ctx.doc.sections[0] ?? undefined;
    const start = title ? title.headingStart : 0;
    const end = title ? title.headingEnd : 0;
    const cut = Math.ceil(((total - limit) / 60) * ctx.config.wordsPerMinute);
    return [{
      start,
      end,
      section: null,
      message: `The story takes about ${Math.round(total)} s to tell; a ${ctx.level} answer should fit in ${limit} s. Cut about ${cut} words, starting with background in the Situation.`,
    }];
  },
};
