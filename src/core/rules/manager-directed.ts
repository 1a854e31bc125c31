import type { StepName } from '../model';
import { STEPS } from '../model';
import type { RawFinding, Rule } from './rule';
import { MAX_FINDINGS_PER_RULE } from './rule';
import { LANG, clauses, negatedBefore, quoteWords } from './lang';

const words = (list: readonly string[]): string => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
// A boss: "my manager", "our tech lead", "the head of platform", "leadership".
const BOSS = String.raw`(?:(?:my|our|the|his|her|their)\s+(?:\S+\s+)?(?:${words(LANG.bosses)})(?:\s+of\s+\S+)?|leadership|management)`;
// Someone above the writer hands them the work: "my manager asked me to", "my lead had me look into it".
const DIRECTED_RE = new RegExp(
  String.raw`(?<![\p{L}])${BOSS}\s+(?:\S+\s+){0,2}?(?:${words(LANG.directingVerbs)})\s+(?:me|it\s+to\s+me|(?:the|this|that)\s+\S+\s+(?:to|over\s+to)\s+me|that\s+I|I|(?:it|this|that|the\s+\S+)\s+my\s+(?:top\s+|first\s+|main\s+|number[\s-]one\s+)?(?:priority|job|task|problem|responsibility|project)|(?:\S+\s+){0,3}?(?:on|onto|to|in)\s+my\s+(?:plate|list|desk|backlog|queue|board|lap))(?![\p{L}])(?!\s+(?:why|how|what|whether|about|for\s+(?:feedback|my\s+opinion|input)))`,
  'giu',
);
// The work arrives from a boss: "it landed on my plate from my EM", "the work came to me from my lead",
// "I got the ticket from my manager", "a goal set by my skip-level", "assigned by my director".
const RECEIVED_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:landed|dropped|fell)\s+(?:on|onto|in)\s+(?:my\s+(?:plate|desk|lap|queue|board)|me)|came\s+(?:to\s+me|my\s+way|down)|(?:request|ask|assignment|task|ticket|direction|instruction|order|orders)\s+(?:came|come|arrived)|(?:got|received|inherited|took\s+over|picked\s+up)\s+(?:the|this|that|a|an)\s+(?:\S+\s+){0,2}?(?:work|task|ticket|project|bug|job|assignment|request|problem|issue)|(?:set|assigned|given|handed|delegated|passed|forwarded|routed|requested|prioriti[sz]ed|chosen|picked)(?:\s+(?:to|over\s+to)\s+me)?)\s+(?:\S+\s+){0,4}?(?:from|by|via)\s+${BOSS}(?![\p{L}])(?!['’]s)`,
  'giu',
);
// A boss's wish that the writer then carries out: "my skip-level wanted the build under ten minutes, so I took it".
const WISH_RE = new RegExp(
  String.raw`(?<![\p{L}])(${BOSS}\s+(?:\S+\s+){0,2}?(?:wanted|asked\s+for|requested|needed|expected|demanded|set\s+(?:a|the)\s+(?:goal|target|deadline)))\s+[^.;]*?,?\s+(?:so|and)\s+I(?![\p{L}])`,
  'giu',
);
// The writer as the one acted upon: "I was asked to", "I got assigned", "I was put on", "it was assigned to me".
const PASSIVE_DIRECTED_RE = /(?<![\p{L}])(?:I\s+(?:was|got|had\s+been|have\s+been|am)\s+(?:\S+ly\s+)?(?:asked\s+(?:to|by|if)|requested\s+(?:to|by)|told\s+to|assigned|tasked|instructed|directed|given\s+(?:the|this|a|an)\s+(?:task|ticket|job|project|assignment|work|problem|bug)|put\s+on|put\s+in\s+charge|pulled\s+(?:in|into|onto)|handed|brought\s+in|drafted|nominated|volunteered|picked|chosen|selected|appointed|voluntold)|(?:it|this|the\s+\S+(?:\s+\S+)?)\s+(?:was|got)\s+(?:assigned|handed|given|delegated|passed)\s+(?:over\s+)?to\s+me|(?:assigned|handed|given|delegated)\s+to\s+me|(?:ticket|task|work|project|bug|migration|job)\s+(?:\S+\s+){0,2}?(?:landed|was\s+dropped|fell)\s+on\s+(?:me|my\s+(?:plate|desk|lap))|(?:was|became)\s+my\s+(?:assignment|assigned\s+\S+)|(?:at|on|was|by)\s+(?:my|the|our)\s+(?:\S+\s+)?(?:manager|lead|boss|director|vp|em|tl|skip-level|cto)['’]s?\s+(?:request|ask|direction|suggestion|behest|instruction|orders))(?![\p{L}])/giu;

/** Work framed as directed by someone else. */
export const managerDirected: Rule = {
  id: 'manager-directed',
  description: 'The work is framed as your own decision, not as something a manager directed.',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const out: RawFinding[] = [];
    const steps: Array<StepName | 'followups'> = [...STEPS, 'followups'];
    for (const step of steps) {
      for (const s of ctx.sentences(step)) {
        if (out.length >= MAX_FINDINGS_PER_RULE) break;
        // Most patterns read one clause; a wish and what the writer did about it span two, so it reads the sentence.
        const units = [...clauses(s.prose).map((c) => ({ c, res: [DIRECTED_RE, PASSIVE_DIRECTED_RE, RECEIVED_RE] })), { c: { start: 0, text: s.prose }, res: [WISH_RE] }];
        for (const { c, res } of units) {
          for (const re of res) {
            re.lastIndex = 0;
            let m: RegExpExecArray | null;
            while ((m = re.exec(c.text))) {
              if (negatedBefore(c.text, m.index) || /^\S*\s+(?:not|never|n't)\b/i.test(m[0])) continue;
              // Asking or telling directs work only with what to do: "asked me to", "asked if I could" (not "asked me for an update").
              if (re === DIRECTED_RE && /(?:asked|told|wanted|needed|expected|instructed|directed|nudged|pushed|encouraged|urged|steered)\s+me$/i.test(m[0]) && !/^\s*(?:to|if\s+I|whether\s+I|with|on)\b/i.test(c.text.slice(m.index + m[0].length))) continue;
              // For a wish, the range is the boss and the wish ("my skip-level wanted"), not the rest of the sentence.
              const text = re === WISH_RE ? m[1] : m[0];
              out.push({
                start: s.start + c.start + m.index,
                end: s.start + c.start + m.index + text.length,
                section: step,
                message: `"${quoteWords(text)}" makes the work sound assigned: say why you took it on yourself (what you noticed, what was at stake), and leave who approved it for a follow-up.`,
              });
            }
          }
        }
      }
    }
    return out;
  },
};
