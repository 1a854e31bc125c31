import type { Rule } from './rule';
import type { Sentence } from '../parse';
import { clauses, negatedBefore } from './lang';

/** The principles whose stories must show the scope boundary. */
export const SCOPE_PRINCIPLES = [
  'Ownership', 'Insist on the Highest Standards', 'Bias for Action', 'Have Backbone; Disagree and Commit', 'Deliver Results', 'Dive Deep',
];

// Things that were the writer's to own or to be asked for; negated, they draw the boundary.
// "not my team", "wasn't on my team's plate", "nobody asked me", "no ticket", "not assigned to anyone".
const OWNED_OR_ASKED =
  /(?<![\p{L}])(?:ask(?:ed|s)?|request(?:ed)?|assign(?:ed|ment)?|task(?:ed)?|ticket(?:s|ed)?|told|prompt(?:ed)?|expect(?:ed)?|plann?(?:ed)?|scheduled|prioriti[sz]ed|staffed|mine|my\s+(?:own\s+)?(?:thing|headache|baby|circus|monkeys|turf|territory|patch|kras?|kpis?|okrs?|mandate|wheelhouse|team|team['’]s|job|area|responsibilit\w*|scope|remit|role|service|services|code|codebase|system|project|problem|plate|backlog|roadmap|sprint|radar|charter|domain|lane|business|call|concern|component|repo|repository|work|module|app|product|squad|group|org|department|task|ticket|queue|on-?call)|(?:anyone|anybody|everyone)['’]s\s+(?:job|problem|responsibility|plate|backlog|priority|priorities|list|radar|roadmap|plan|board|queue)|(?:any|a|the|our)\s+(?:team['’]s\s+)?(?:roadmap|backlog|sprint|plan|okrs?|ticket|queue|board)|obligat\w*|duty|mandate|remit|maintain(?:ed|s)?|own(?:ed|s|er|ership)?|part\s+of\s+my|on\s+my\s+(?:plate|list|radar|roadmap|backlog))(?![\p{L}])/giu;

// Positive statements that the work lay with someone else, or was the writer's own initiative.
const ELSEWHERE =
  /(?<![\p{L}])(?:(?:belong(?:ed|s|ing)?|fell|falls|assigned|sat\s+with|lived\s+with|rested\s+with|lay\s+with)\s+(?:(?:to|under)\s+)?(?!(?:my|our|me|us)\b)(?:\S+\s+){0,4}?|(?:owned|run|maintained|managed|operated|built|controlled)\s+by\s+(?!(?:my|our|me|us)\b)(?:\S+\s+){0,4}?|came\s+from\s+(?!(?:my|our)\b)(?:\S+\s+){0,3}?|(?:another|a\s+different|other|the\s+other|someone\s+else['’]s|somebody\s+else['’]s)\s+(?:\S+\s+){0,2}?)(?:team|teams|group|org|organi[sz]ation|department|squad|company|vendor|partner|service|library|repo|repository|codebase|system|platform|manager|lead|owner|owners|pm|director|architect|designer|analysts?|maintainers?)\b|(?<![\p{L}])(?:outside\s+(?:of\s+)?(?:my|our)\s+(?:team['’]s\s+)?(?:scope|remit|area|responsibilit\w*|lane|ownership|charter|role|job|team|domain|org|job\s+description|wheelhouse|kras?|kpis?|okrs?|mandate|brief|job\s+spec|patch|turf)|(?:on|of)\s+my\s+own\s+(?:initiative|accord|time|volition)|on\s+my\s+own(?=\s*[.,;:!?)]|\s+(?:and|initiative|steam|dime|time)\b)|off\s+my\s+own\s+bat|unprompted|unasked|uninvited|unassigned|unowned|(?<=I\s+(?:(?:also|then|quickly|simply|just|immediately)\s+)?)volunteered(?!\s+me)|self-?assigned|self-?directed|(?:nobody|no\s+one|no-one)['’]s\s+(?:job|problem|responsibility|area|code|service)|no\s+(?:clear\s+|real\s+|active\s+)?(?:owner|owners|maintainer|maintainers|steward|home|owning\s+team)|orphan(?:ed)?|side\s+project|spare\s+time|beyond\s+my\s+(?:role|scope|remit|job)|their\s+(?:service|library|code|codebase|repo|repository|system|pipeline|team|backlog|roadmap|component|platform|module|tool|stack|sdk|api))(?![\p{L}])|(?<![\p{L}])(?!(?:my|our)\b)[\p{L}-]+\s+team['’]s\s+(?:service|library|code|codebase|repo|repository|system|pipeline|backlog|roadmap|component|platform|module|tool|stack|sdk|api|board|plate|queue|domain|area|problem|issue|job|responsibility|call|concern|bug|work|ticket|thing|project)(?![\p{L}])|(?<![\p{L}])(?:someone|somebody)\s+else['’]s(?![\p{L}])|(?<![\p{L}])(?:was|were|is|are)\s+(?:all\s+|entirely\s+|really\s+|clearly\s+|always\s+)?theirs(?![\p{L}])|(?<![\p{L}])(?!(?:my|our|his|her|its)\b)[\p{L}-]+['’]s\s+(?:problem|turf|area|baby|headache|domain|territory|responsibility)(?![\p{L}])|(?<![\p{L}])(?:nobody|no\s+one|no-one)['’]s\s+(?:backlog|roadmap|list|plate|radar|priority|queue|board|sprint)(?![\p{L}])|(?<![\p{L}])fell\s+between\s+(?:the\s+)?(?:two|both|several|\S+\s+(?:teams|groups))(?![\p{L}])|(?<![\p{L}])(?!(?:my|our)\b)[\p{L}-]+\s+(?:team|group|squad|folks|org|people|guys)(?:['’]s|s?['’])(?=\s*[.,;:!?)]|\s+(?:really|actually|though|anyway|baby|thing|headache|turf|territory)\b)|(?:,|\s)not\s+(?:to\s+|with\s+|for\s+)?(?:me|mine|us|ours|my\s+team|my\s+team['’]s|my\s+job)(?![\p{L}])/giu;

/** True when the sentence states the scope boundary (outside my remit, or nobody asked). */
export function statesBoundary(s: Sentence): boolean {
  const p = s.prose;
  ELSEWHERE.lastIndex = 0;
  if (ELSEWHERE.test(p)) {
    // "the problem did not belong to another team" reverses it; rare, accept.
    return true;
  }
  for (const c of clauses(p)) {
    OWNED_OR_ASKED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = OWNED_OR_ASKED.exec(c.text))) {
      if (!negatedBefore(c.text, m.index)) continue;
      // "I had never owned a migration before" is about experience, not about whose work this was.
      if (/^own/i.test(m[0]) && /(?<![\p{L}])(?:before|previously|ever|until\s+then|in\s+my\s+career)(?![\p{L}])/iu.test(c.text)) continue;
      return true;
    }
  }
  return false;
}

/** The Task (or Situation) must say the work was not yours or that nobody asked for it. */
export const missingScopeBoundary: Rule = {
  id: 'missing-scope-boundary',
  description: 'For ownership-type principles, the Task says the work lay outside your remit or that nobody asked for it.',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const applies = ctx.principles.length === 0 || ctx.principles.some((p) => SCOPE_PRINCIPLES.includes(p));
    if (!applies) return [];
    const task = ctx.content('task');
    const situation = ctx.content('situation');
    const target = task ?? situation;
    if (!target) return [];
    const sentences = [...ctx.sentences('situation'), ...ctx.sentences('task')];
    if (sentences.some(statesBoundary)) return [];
    return [{
      start: target.headingStart,
      end: target.headingEnd,
      section: task ? 'task' : 'situation',
      message: `No scope boundary: say whose problem this was and that nobody asked you ("it belonged to the platform team, and there was no ticket"), or the interviewer assumes it was assigned to you.`,
    }];
  },
};
