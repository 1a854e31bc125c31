import type { StepName } from '../model';
import type { RawFinding, Rule } from './rule';
import { MAX_FINDINGS_PER_RULE } from './rule';
import { clauses, isPastVerb, negatedBefore, quoteWords } from './lang';

const OTHERS = String.raw`(?:them|him|her|the\s+(?:\S+\s+){0,2}?(?:team|owners?|folks|people|on-?call|engineers?|maintainers?|lead|manager|channel|group|squad|vendor|support)|their\s+(?:\S+\s+){0,1}?(?:team|lead|manager|on-?call|channel|owners?|tracker|queue|backlog|board|slack|inbox|engineers?)|(?:my|our)\s+(?:\S+\s+)?(?:manager|lead|director|boss|vp))`;
// The writer hands the problem to someone: messaged, pinged, escalated, reported, filed, told them, handed it off.
const HANDOFF_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:sent|send|sending|dropped)\s+(?:${OTHERS}\s+)?(?:a|an)\s+(?:\S+\s+)?(?:message|slack|email|e-mail|note|dm|ticket|bug\s+report|report|heads[\s-]up|ping|jira)|(?:wrote|posted|left)\s+${OTHERS}\s+(?:a|an)\s+(?:\S+\s+)?(?:message|slack|email|e-mail|dm|ticket|bug\s+report|heads[\s-]up|ping|jira)|(?:wrote|posted|left|dropped)\s+(?:a|an)\s+(?:\S+\s+)?(?:message|slack|email|e-mail|dm|ticket|bug\s+report|heads[\s-]up|ping|jira)\s+(?:to|for|in|on|with)\s+${OTHERS}|left\s+(?:it|this|that|the\s+\S+)\s+(?:with|to)\s+${OTHERS}|sent\s+(?:their|the\s+[\p{L}-]+\s+team['’]s)\s+(?:\S+\s+)?(?:on-?call|lead|team|owners?|engineers?)\s+(?:the|a|an)\s+|(?:put|added|dropped|filed|moved)\s+(?:it|this|that|the\s+\S+)\s+(?:on|in|into|onto)\s+(?:(?:the\s+)?[\p{L}-]+\s+team['’]s|their)\s+(?:board|backlog|queue|tracker|list)|(?:messaged|pinged|emailed|e-mailed|slacked|dm['’]?ed|paged|notified|alerted|informed|contacted|looped\s+in|cc['’]?ed)\s+${OTHERS}|(?:escalated|escalate|escalating)|(?:reported|flagged|raised|surfaced|mentioned|brought\s+up|passed|handed|forwarded|routed|punted|kicked|threw|tossed|reassigned|transferred)\s+(?:it|this|that|the\s+(?:\S+\s+){0,2}?(?:bug|issue|problem|finding|gap|error|risk|concern|leak|regression|ticket))(?:\s+(?:off|over|along|on|up))?\s*(?:to|with|in|into|on)(?=\s+(?!(?:my|the)\s+(?:own\s+)?(?:fix|patch|pull|pr)\b)\S)|(?:filed|opened|created|logged|raised|submitted|cut|wrote\s+up)\s+(?:a|an)\s+(?:\S+\s+){0,2}?(?:ticket|bug|issue|jira|report|request)\s+(?:in|on|with|for|against|to)\s+${OTHERS}|(?:told|asked|let)\s+${OTHERS}\s+(?:know|about|to\s+(?:fix|look|handle|take|investigate|prioriti[sz]e|patch|address|deal|schedule|pick))|waited\s+(?:(?:for|on|until)\s+(?:${OTHERS}|a\s+(?:reply|response|fix|decision|patch)|(?:their|her|his)\s+\S+)|to\s+hear))(?![\p{L}])`,
  'giu',
);
// Someone else does the work after the handoff: "they handled it", "the platform team took it from there".
const THEY_FIXED_RE =
  /(?<![\p{L}])(?:they|he|she|the\s+(?:\S+\s+){0,2}?(?:team|owners?|on-?call|engineers?|maintainers?)|(?:their|her|his)\s+(?:\S+\s+)?(?:team|on-?call|engineers?|lead))\s+(?:then\s+|quickly\s+|eventually\s+)?(?:handled|fixed|took\s+(?:it|over|care|it\s+from\s+there)|picked\s+(?:it|this|that)\s+up|resolved|patched|addressed|dealt\s+with|owned|shipped\s+(?:a|the)\s+(?:fix|patch)|(?:pushed|deployed)\s+(?:a|the)\s+(?:fix|patch)|rolled\s+(?:\S+\s+){0,2}?back|reverted|sorted\s+it|ran\s+with\s+it)(?![\p{L}])/giu;
// The writer's own fix in the same sentence makes a handoff a courtesy, not a routing.
const OWN_FIX_RE =
  /(?<![\p{L}])(?:(?:brought|bringing|attached|attaching|with|included|including|sent|sending|emailed|posted|messaged|opened|opening|wrote|writing|written|shipped|shipping|built|building|implemented|deployed|deploying|added|adding|prepared|drafted|coded|landed|landing|merged|merging|had|and|my|own)\s+(?:\S+\s+){0,3}?(?<!to\s)(?:fix|fixes|patch|patches|pull\s+request|pr|change|diff|commit|solution|prototype|proof\s+of\s+concept|poc|revert|rollback|roll-back|hotfix|workaround|mitigation|backfill|failover|restore)|myself|ready[\s-]to[\s-]merge|I\s+(?:\S+\s+)?(?:let|coached|mentored|guided|paired\s+with|shadowed|taught|stayed\s+(?:reachable|on\s+the\s+call|nearby|available)|pointed\s+(?:her|him|them))|I\s+(?:\S+\s+)?(?:fixed|patched|rewrote|reverted|rolled\s+back|repaired|replaced|restored|mitigated|recovered|failed\s+over|promoted|restarted|switched|drained|rebuilt|redeployed|resolved|stopped\s+the)|(?:fix|patch|pull\s+request|pr|diff|change)\s+(?:that\s+)?I\s+(?:had\s+)?\S+)(?![\p{L}])/iu;

// The writer passes something on (a light handoff that is fine on its own).
const PASSED_ON_RE = /(?<![\p{L}])I\s+(?:\S+\s+)?(?:posted|shared|handed|passed|brought|wrote\s+up|documented|looped\s+in|sent|showed|gave|forwarded|described|explained|mentioned|reported|raised|flagged|told)(?![\p{L}])/u;
// Another team as the subject of a past-tense verb: "their on-call purged", "the edge team shortened", "who rolled out".
const OTHER_ACTS_RE =
  /(?<![\p{L}])(?:they|their\s+(?:\S+\s+)?(?:team|on-?call|engineers?|lead|owners?|dba|sre)|the\s+(?:\S+\s+){0,2}?(?:team|on-?call|owners?|maintainers?|vendor)(?:['’]s\s+(?:on-?call|lead|engineers?))?(?:,?\s+(?:who|whose\s+(?:on-?call|team|lead|engineers?)))?)\s+(?:then\s+|quickly\s+|later\s+|eventually\s+|promptly\s+)?(\p{L}+)(?![\p{L}])/giu;
// The same, with the rest of its clause: what the other party did.
const OTHER_DID_RE = new RegExp(`${OTHER_ACTS_RE.source}[^,;.]*`, 'giu');
// Verbs of responding to the writer's work, not of doing the fix.
// Verbs of responding to or adopting the writer's work, not of doing the fix: "they stopped asking", "they switched to it".
const RESPONDING_VERBS = new Set('reviewed approved merged agreed confirmed thanked asked wanted needed decided replied said acknowledged liked loved accepted signed helped joined tested verified noticed saw read answered disagreed objected pushed argued worried complained stopped switched adopted trusted started began used relied moved kept continued preferred chose picked embraced requested celebrated praised cited copied reused followed expanded extended stayed returned came went felt seemed became got'.split(' '));

/** Handing the problem off instead of owning it. */
export const routingNotOwnership: Rule = {
  id: 'routing-not-ownership',
  description: 'The Action owns the problem instead of handing it to someone else.',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const out: RawFinding[] = [];
    const steps: Array<StepName | 'followups'> = ['action', 'followups'];
    for (const step of steps) {
      for (const s of ctx.sentences(step)) {
        if (out.length >= MAX_FINDINGS_PER_RULE) break;
        const hits: Array<{ start: number; end: number; text: string }> = [];
        for (const c of clauses(s.prose)) {
          for (const re of [HANDOFF_RE, THEY_FIXED_RE]) {
            re.lastIndex = 0;
            let m: RegExpExecArray | null;
            while ((m = re.exec(c.text))) {
              if (negatedBefore(c.text, m.index)) continue;
              hits.push({ start: c.start + m.index, end: c.start + m.index + m[0].length, text: m[0] });
            }
          }
        }
        // The writer passes the finding on and the other side makes the fix, in its own words:
        // "I posted the repro in their channel, and their on-call purged the paths".
        if (hits.length === 0 && PASSED_ON_RE.test(s.prose)) {
          OTHER_ACTS_RE.lastIndex = 0;
          for (let m = OTHER_ACTS_RE.exec(s.prose); m; m = OTHER_ACTS_RE.exec(s.prose)) {
            if (isPastVerb(m[1]) && !RESPONDING_VERBS.has(m[1].toLowerCase())) {
              hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
              break;
            }
          }
        }
        if (hits.length === 0) continue;
        // The writer's own fix anywhere in the sentence outside the handoff words.
        // What another party did ("who shipped the TTL change") is not the writer's fix: blank it out first.
        const writerText = s.prose.replace(OTHER_DID_RE, (m: string, verb: string) => (isPastVerb(verb) && !RESPONDING_VERBS.has(verb.toLowerCase()) ? ' '.repeat(m.length) : m));
        const segments: string[] = [];
        let from = 0;
        for (const h of [...hits].sort((a, b) => a.start - b.start)) {
          segments.push(writerText.slice(from, h.start));
          from = Math.max(from, h.end);
        }
        segments.push(writerText.slice(from));
        if (segments.some((seg) => OWN_FIX_RE.test(seg))) continue;
        const h = hits[0];
        out.push({
          start: s.start + h.start,
          end: s.start + h.end,
          section: step,
          message: `"${quoteWords(h.text)}" hands the problem to someone else: say what you did to solve it (you wrote the fix, you verified it), and mention the handoff only alongside your own fix.`,
        });
      }
    }
    return out;
  },
};
