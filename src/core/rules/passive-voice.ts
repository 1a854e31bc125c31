import type { RawFinding, Rule } from './rule';
import { MAX_FINDINGS_PER_RULE } from './rule';
import { findAll, quoteWords } from './lang';

const IRREGULAR = 'written|done|made|built|found|run|taken|given|sent|shown|known|seen|held|kept|led|left|lost|put|set|shut|split|spent|told|thought|brought|bought|caught|chosen|drawn|driven|eaten|fallen|forgotten|frozen|gotten|hidden|hit|hurt|laid|meant|paid|read|rebuilt|rewritten|rerun|said|sold|shot|spun|stolen|struck|swept|taught|thrown|torn|understood|undone|withdrawn|won|broken|begun|shaken|overlooked|upheld';
// be / get + past participle, with up to one adverb between ("was quickly rolled back").
const PASSIVE_RE = new RegExp(
  `(?<![\\p{L}])(?:was|were|is|are|been|being|be|got|gets|get|getting)\\s+(?:\\p{L}+ly\\s+)?(?:(?!(?:need|feed|seed|speed|bed|red|shed|hundred|interested|supposed|used|based|located|excited|tired|worried|concerned|pleased|surprised|scared|bored|prepared|involved|required|qualified|experienced|focused|dedicated|determined|motivated|married|detailed|complicated|sophisticated|limited|tasked|assigned|asked|told)\\b)\\p{L}{3,}ed|${IRREGULAR})(?![\\p{L}])`,
  'giu',
);

/** A passive that hides who acted ("the logs were analyzed"). */
export const passiveVoice: Rule = {
  id: 'passive-voice',
  description: 'A passive verb in the Action hides who did the work.',
  defaultSeverity: 'info',
  graded: false,
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.sentences('action')) {
      if (out.length >= MAX_FINDINGS_PER_RULE) break;
      for (const h of findAll(PASSIVE_RE, s.prose)) {
        // "was fixed by me" names the actor; a "by" phrase right after is fine.
        if (/^\s+by\s/i.test(s.prose.slice(h.end))) continue;
        out.push({
          start: s.start + h.start,
          end: s.start + h.end,
          section: 'action',
          message: `"${quoteWords(h.text)}" hides who acted: if it was you, say "I …"; if someone else, name them.`,
        });
      }
    }
    return out;
  },
};
