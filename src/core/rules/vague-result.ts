import type { RawFinding, Rule } from './rule';
import { MAX_FINDINGS_PER_RULE } from './rule';
import { LANG, findAll, hasQuantity, phrases, quoteWords } from './lang';

const FEELING_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:was|were|is|are|felt|feel|feels|seemed|seem|looked|got|became|left|kept|made\s+\S+|be|been)\s+(?:\S+\s+){0,2}?(?:${LANG.vague.feelings.join('|')})(?![\p{L}])`,
  'giu',
);
const INTENSE_IMPROVE_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${LANG.vague.intensifiers.map((w) => w.replace(/\s+/g, '\\s+')).join('|')})\s+(?:more\s+)?(?:${LANG.vague.improvements.map((w) => w.replace(/\s+/g, '\\s+')).join('|')})(?![\p{L}])|(?<![\p{L}])(?:improved|helped|sped\s+up|boosted|reduced|increased|changed|better)\s+(?:\S+\s+){0,3}?(?:a\s+lot|greatly|dramatically|significantly|massively|tremendously|considerably|hugely|enormously|substantially|noticeably|drastically|immensely)(?![\p{L}])`,
  'giu',
);
const SUCCESS_RE = phrases(LANG.vague.success);

/** A Result sentence that claims impact through feelings or generic improvement, with no number. */
export const vagueResult: Rule = {
  id: 'vague-result',
  description: 'Result sentences state what changed, not how people felt or that things got better.',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.sentences('result')) {
      if (out.length >= MAX_FINDINGS_PER_RULE) break;
      if (hasQuantity(s.raw)) continue;
      const hit = [...findAll(FEELING_RE, s.prose), ...findAll(INTENSE_IMPROVE_RE, s.prose), ...findAll(SUCCESS_RE, s.prose)].sort((a, b) => a.start - b.start)[0];
      if (!hit) continue;
      out.push({
        start: s.start + hit.start,
        end: s.start + hit.end,
        section: 'result',
        message: `"${quoteWords(hit.text)}" claims impact without showing it: replace it with what changed and by how much (a metric before and after, customers or money affected).`,
      });
    }
    return out;
  },
};
