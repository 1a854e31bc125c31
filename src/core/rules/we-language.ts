import type { StepName } from '../model';
import type { RawFinding, Rule } from './rule';
import { MAX_FINDINGS_PER_RULE } from './rule';
import { findAll, quoteWords } from './lang';
import { stepLabel } from '../vocabulary';

// The group as the actor: we and its forms, "the team and I", a count of "us" as the subject, "together" as joint action.
const WE_RE = /(?<![\p{L}'’])(?:we|we['’](?:re|ve|d|ll)|ourselves|ours)(?![\p{L}'’])|(?<![\p{L}])(?<!(?:by|to|with|from|for|of|at|on|in|between|than|or|and|under|into|onto)\s+)(?:(?:the|my|our)\s+(?:\S+\s+)?(?:team|squad|group|crew|colleagues|teammates|peers)\s+and\s+I|I\s+and\s+(?:the|my)\s+(?:\S+\s+)?(?:team|squad|group|colleagues|teammates)|I\s+and\s+(?:two|three|four|a\s+few|several|some|the\s+other)\s+(?:others|colleagues|teammates|engineers|people))(?![\p{L}])|(?<![\p{L}])(?:the\s+(?:two|three|four|five|few)|all|both|each|several|some|a\s+few|two|three|four|five|many|most)\s+of\s+us(?![\p{L}])|(?<![\p{L}])(?:let['’]s|between\s+us)(?![\p{L}])|(?<![\p{L}])(?:(?:my|a|another|one)\s+(?:\S+\s+)?(?:teammate|colleague|coworker|co-worker|peer|partner|pair|buddy|friend|mentor|manager|lead)\s+and\s+I|(?:along|together)\s+with\s+(?:my|the|our|two|three|four|several|a\s+few|some)\s+(?:\S+\s+)?(?:team|teammates|colleagues|coworkers|co-workers|peers|squad|group|engineers))(?![\p{L}])/giu;
// "our" claiming the work: our fix, our investigation, our approach ... (not our customers, our company, our goals).
const OUR_WORK_RE = /(?<![\p{L}])our\s+(?:(?:own|joint|combined|collective|shared|team['’]s|quick|final|first|new|main|proposed|initial)\s+)?(?:fix|fixes|investigation|investigations|solution|solutions|approach|analysis|work|patch|patches|change|changes|plan|design|effort|efforts|implementation|rollout|migration|debugging|root[\s-]cause\s+analysis|proposal|decision|idea|ideas|findings|finding|diagnosis|refactor|rewrite|prototype|experiment|experiments|workaround|mitigation|response|remediation|redesign|strategy|hypothesis|research|testing|tests|review|build|code|script|tool|dashboard|pull\s+request|pr|commit|release|launch|deployment|deploy)(?![\p{L}])/giu;
// Joint action with a person: "together with the on-call engineer", "a joint effort with Raj", "as a team"
// (not "together with my patch", which means "along with", nor "stitched the logs together").
const JOINT_RE =
  /(?<![\p{L}])(?:(?:[Tt]ogether|TOGETHER|Alongside|[Hh]and\s+in\s+hand)\s+(?:with\s+)?(?:(?:[Mm]y|[Tt]he|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Oo]ne\s+of)\s+)?(?:[\p{L}-]+\s+)?(?:team|teammates?|colleagues?|co-?workers?|engineers?|developers?|lead|manager|on-?call|squad|group|peers?|partner|folks|people|dba|sre|designer|pm|analyst|intern|mentor|him|her|them)|(?:[Aa]|[Oo]ur|[Tt]he)\s+(?:real\s+|true\s+|big\s+)?(?:joint|team|group|collective|shared)\s+effort|[Aa]s\s+a\s+(?:team|squad|group))(?![\p{L}])|(?<![\p{L}])(?:[Tt]ogether|Alongside)\s+(?:with\s+)?\p{Lu}\p{Ll}+(?![\p{L}])/gu;

// A state, feeling or possession after "we": context, not a claim about who did the work.
const STATE_AFTER_RE = /^\s+(?:(?:can|could|would|might|should|will|did|do|does)(?:n['’]t|\s+not)?\s+)?(?:still\s+|all\s+|finally\s+|again\s+)?(?:trust|rely|know|knew|believe|feel|felt|understand|depend|depended|hoped|hope|wish|worried|care|cared|lose|lost|had\s+no|have\s+no|get\s+paged|got\s+paged)(?![\p{L}])/iu;

// "<someone> and I" as the subject at the start of a clause: "her team and I added", "she and I rewrote",
// "Priya and I traced" (not "I fixed the parser and I added", where the pair is not the subject).
const PAIR_SUBJECT_RE =
  /(?:^|[,;:—–(]\s*|(?:[Aa]nd|[Bb]ut|[Tt]hen|[Ss]o|[Ll]ater|[Tt]ogether|[Ff]irst|[Nn]ext|[Ff]inally|[Aa]fterwards|[Ww]hen|[Oo]nce|[Aa]fter\s+that),?\s+)((?:(?:[Mm]y|[Tt]he|[Hh]er|[Hh]is|[Tt]heir|[Oo]ur|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+|[Ss]he|[Hh]e|[Tt]hey|\p{Lu}[\p{L}-]+)\s+and\s+(?:I|me|myself)|(?:[Mm]e|[Mm]yself)\s+and\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)(?![\p{L}'’])/gu;

const STEPS_READ: Array<StepName | 'followups'> = ['task', 'action', 'result', 'followups'];

/** First-person plural that hides who did the work. */
export const weLanguage: Rule = {
  id: 'we-language',
  description: "First-person plural ('we', 'our fix', 'the team and I') hides what you did.",
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const out: RawFinding[] = [];
    for (const step of STEPS_READ) {
      for (const s of ctx.sentences(step)) {
        if (out.length >= MAX_FINDINGS_PER_RULE) break;
        const hits = [...findAll(WE_RE, s.prose), ...findAll(OUR_WORK_RE, s.prose)];
        PAIR_SUBJECT_RE.lastIndex = 0;
        for (let m = PAIR_SUBJECT_RE.exec(s.prose); m; m = PAIR_SUBJECT_RE.exec(s.prose)) {
          const start = m.index + m[0].length - m[1].length;
          if (!hits.some((h) => h.start <= start && start < h.end)) hits.push({ start, end: start + m[1].length, text: m[1] });
        }
        for (const t of findAll(JOINT_RE, s.prose)) if (!hits.some((h) => h.start <= t.start && t.start < h.end)) hits.push(t);
        for (const h of hits.sort((a, b) => a.start - b.start)) {
          // "we" as the subject of a state, not of work ("so we could trust the build", "we had no owner").
          if (/^we$/i.test(h.text) && STATE_AFTER_RE.test(s.prose.slice(h.end, h.end + 40))) continue;
          out.push({
            start: s.start + h.start,
            end: s.start + h.end,
            section: step,
            message: `"${quoteWords(h.text)}" in the ${stepLabel(step)} makes the group the actor: say what you did yourself ("I traced …", "I wrote …"), and name others by role where they helped.`,
          });
        }
      }
    }
    return out;
  },
};
