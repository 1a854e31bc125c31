import type { StepName } from '../model';
import { STEPS } from '../model';
import type { RawFinding, Rule } from './rule';
import { MAX_FINDINGS_PER_RULE } from './rule';
import { LANG, findAll, phrases, quoteWords } from './lang';

const HEDGE_RE = phrases(LANG.hedges);
// "kind of" / "sort of" after a determiner name a type ("this kind of bug"), not a hedge.
const DETERMINER_BEFORE_RE = /(?:this|that|the|a|an|what|which|any|some|each|every|one|same|another|whatever|no|its|their|our|my|his|her)\s*$/i;
// Hedges a fix can drop without changing the sentence's grammar.
const DROPPABLE = /^(?:i think|i guess|i believe|i feel like|i suppose|kind of|sort of|kinda|sorta|maybe|probably|perhaps|somewhat|a bit|a little bit|hopefully|more or less|to some extent|possibly|arguably|i would say|in a way)$/i;

/** Hedges that soften what the writer did. */
export const hedging: Rule = {
  id: 'hedging',
  description: 'Hedges (I think, kind of, probably, tried to) soften what you did.',
  defaultSeverity: 'info',
  graded: false,
  check(ctx) {
    const out: RawFinding[] = [];
    const steps: Array<StepName | 'followups'> = [...STEPS, 'followups'];
    for (const step of steps) {
      for (const s of ctx.sentences(step)) {
        if (out.length >= MAX_FINDINGS_PER_RULE) break;
        for (const h of findAll(HEDGE_RE, s.prose)) {
          const lower = h.text.toLowerCase().replace(/\s+/g, ' ');
          if (/^(?:kind|sort) of$/.test(lower) && DETERMINER_BEFORE_RE.test(s.prose.slice(Math.max(0, h.start - 40), h.start))) continue;
          // "tried to" hedges only what the writer did ("I tried to fix it"), not what customers tried or a habit ("before I try to").
          if (/^(?:tried|try|trying|attempted) to$/.test(lower) && (lower.startsWith('try ') || !/(?<![\p{L}])I\s+(?:\S+\s+)?$/u.test(s.prose.slice(Math.max(0, h.start - 30), h.start)))) continue;
          const start = s.start + h.start;
          const end = s.start + h.end;
          const f: RawFinding = {
            start,
            end,
            section: step,
            message: `"${quoteWords(h.text)}" hedges: say what you did and what you know plainly${/^(?:tried|try|trying|attempted) to$/.test(lower) ? ' ("I fixed", or say what stopped you)' : ''}.`,
          };
          if (DROPPABLE.test(lower)) {
            // Drop the hedge with one neighbouring space (and a comma right after it), keeping sentence case.
            let dropEnd = end;
            while (ctx.doc.text[dropEnd] === ',') dropEnd++;
            let dropStart = start;
            if (/[ \t]/.test(ctx.doc.text[dropEnd] ?? '')) dropEnd++;
            else if (/[ \t]/.test(ctx.doc.text[start - 1] ?? '')) dropStart--;
            const atSentenceStart = start === s.start;
            const next = ctx.doc.text[dropEnd] ?? '';
            const edits = [{ range: ctx.doc.range(dropStart, dropEnd), newText: '' }];
            if (atSentenceStart && /\p{Ll}/u.test(next) && !/^i\b/.test(ctx.doc.text.slice(dropEnd, dropEnd + 2))) {
              edits[0] = { range: ctx.doc.range(dropStart, dropEnd + 1), newText: next.toUpperCase() };
            }
            f.fix = { title: `Drop "${quoteWords(h.text)}"`, edits };
          }
          out.push(f);
        }
      }
    }
    return out;
  },
};
