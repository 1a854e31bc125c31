/**
 * Shared reading of a Result for the four result rules.
 */
import { LANG, findAll, phrases } from './lang';

const MONEY_RE = /[$€£¥₹]\s?\d|\d\s?(?:k|m|bn|b)?\s?(?:usd|eur|gbp|dollars|euros)\b/iu;
const BUSINESS_RE = phrases([...LANG.business.money, ...LANG.business.people, ...LANG.business.outcomes]);
const TIME_UNITS = LANG.business.timeUnits.join('|');
// Time a person spends (not latency): a before and after in minutes or longer counts as time given back.
const LONG_UNITS = 'minutes?|mins?|hours?|hrs?|days?|weeks?|months?|sprints?|person-days|engineer-hours';
// Time given back: "saving 30 minutes a day", "4 hours a week", "freed two days per sprint".
const TIME_SAVED_RE = new RegExp(
  String.raw`(?:from\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+)?\S+\s+(?:${LONG_UNITS})\s+(?:\S+\s+)?to|(?:${LONG_UNITS})\s+(?:\S+\s+){0,3}?instead\s+of|instead\s+of\s+(?:about\s+)?\S+\s+(?:${LONG_UNITS})|(?:sav(?:ed|ing|es)|free(?:d|ing|s)?|gave\s+(?:\S+\s+){0,3}back|giving\s+(?:\S+\s+){0,3}back|reclaim(?:ed|ing)?|cut|spared?)\s+(?:\S+\s+){0,5}?(?:${TIME_UNITS})|(?:${TIME_UNITS})\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year|sprint|release|deploy|build|engineer|developer|person|incident|on-?call))(?![\p{L}])`,
  'iu',
);

/** True when the text translates the result into business terms: money, customers, time saved, incidents. */
export function hasBusinessImpact(text: string): boolean {
  if (MONEY_RE.test(text) || TIME_SAVED_RE.test(text)) return true;
  // A business word that only names a team or a system ("the payments team", "the billing service") does not count.
  return findAll(BUSINESS_RE, text).some((h) => !NAMES_A_THING_RE.test(text.slice(h.end)));
}

const NAMES_A_THING_RE = /^(?:-[\p{L}]+)?[\s-]+(?:team|teams|group|squad|org|organi[sz]ation|service|services|library|libraries|database|db|table|api|pipeline|platform|system|repo|repository|module|engineers?|folks|channel|lead|on-?call|configuration|config|code|side|sdk|certificate|request|requests|timeout|timeouts|retries|cache|pool|id|ids|object|class|component|schema|field|model|process|binary|build)(?![\p{L}])/iu;

const INSTITUTION_RE = phrases(LANG.secondOrder.institutions);
const UPTAKE_RE = phrases(LANG.secondOrder.uptakeVerbs);
const REACH_RE = phrases(LANG.secondOrder.reach);
// Another team as an actor: "the payments team", "two other teams", "the iOS group", "their SRE org".
const OTHER_TEAM_RE = /(?<![\p{L}])(?:(?:the|two|three|four|five|several|many|other|another|both|all|every|each|sister|partner|neighbou?ring|adjacent|their|\d+)\s+(?:\S+\s+){0,2}?(?:teams?|groups?|squads?|orgs?|organi[sz]ations?|departments?|companies|customers?\s+teams?))(?![\p{L}])/giu;

// Spread beyond the original place: "across the other 4 repositories", "to every region", "in all 12 services".
const SPREAD_RE = /(?<![\p{L}])(?:across|to|into|in|for|throughout)\s+(?:the\s+)?(?:other|all|every|each|remaining|rest\s+of\s+the)\s+(?:\S+\s+){0,2}?(?:teams?|repositories|repos|services|products|apps|regions|platforms|squads|orgs?|organi[sz]ations?|codebases|pipelines|projects|modules|libraries|clients|sdks|languages|markets|countries|sites|stores|offices|departments|business\s+units)(?![\p{L}])/iu;

// Another team doing something with the writer's work: "turned the same check on", "copied my script".
const SAME_THING_RE = /(?<![\p{L}])(?:the\s+same\s+\S+|(?:my|this|that|the\s+new)\s+(?:\S+\s+){0,2}?(?:check|test|tests|script|tool|job|pattern|approach|fix|change|config|library|dashboard|alert|process|template|key|scheduler|setup|pipeline|runbook|playbook|linter|rule|guard|monitor|step))(?![\p{L}])/iu;

// The practice now runs everywhere: "every depot now checks …", "the check now runs at all twelve depots".
const EVERYWHERE_NOW_RE = /(?<![\p{L}])(?:(?:teams?|services?|apps?|products?|regions?|squads?|groups?|orgs?)\s+(?:\S+\s+){0,2}?now\s+(?:use|uses|run|runs|rely|relies|depend|depends|import|imports|call|calls|ship|ships)|is\s+now\s+how\s+(?:\S+\s+){1,4}?(?:every|all|each)|(?:spread|went\s+out|rolled\s+out|extended|expanded)\s+to\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:regions?|apps?|teams?|services?|products?|platforms?|markets?|countries|sites)|(?:every|each|all)\s+(?:\S+\s+){0,2}?\p{L}+\s+now\s+(?:runs?|uses?|checks?|has|have|gets?|follows?|ships?|includes?|requires?)|now\s+(?:runs?|applies|ships?|is\s+used|is\s+required)\s+(?:\S+\s+){0,3}?(?:at|in|across|on|for)\s+(?:all|every|each))(?![\p{L}])/iu;

const OTHER_PEOPLE_USED_RE = /(?<![\p{L}])(?:(?:two|three|four|five|six|several|many|other|\d+)\s+(?:other\s+)?(?:[\p{L}-]+\s+)?(?:engineers|developers|designers|analysts|people|colleagues|teammates|squads|teams|groups|managers|writers|testers)|(?:other|another)\s+(?:[\p{L}-]+\s+)?(?:engineers?|developers?|designers?|analysts?|people|colleagues?|teammates?))\s+(?:\S+\s+){0,2}?(?:used|followed|copied|reused|applied|borrowed|picked\s+up|adopted|started\s+using|(?:now\s+)?(?:use|uses|reuse|reuses|follow|follows|copy|apply|adopt|rely\s+on))\s+(?:my|the\s+same|this|that|our)(?![\p{L}])/iu;

/** True when the Result reaches beyond the fix: others adopted it, it became a standard, a policy or a runbook. */
export function hasSecondOrder(raw: string): boolean {
  // "used to" is a past habit, not uptake; "default" and "standard" count only as what something became.
  const text = raw.replace(/(?<![\p{L}])used\s+to(?![\p{L}])/giu, 'was').replace(/(?<![\p{L}])(?:the\s+|a\s+)?(?:default|standard)\s+(?:timeout|value|settings?|config(?:uration)?|deployment|library|behaviou?r|port|size|limit|retry|retries|option|font|output|way)(?![\p{L}])/giu, 'thing');
  INSTITUTION_RE.lastIndex = 0;
  REACH_RE.lastIndex = 0;
  if (INSTITUTION_RE.test(text) || REACH_RE.test(text) || SPREAD_RE.test(text) || EVERYWHERE_NOW_RE.test(text)) return true;
  // Uptake by someone else: a team (not "my team") adopting, reusing, copying or rolling it out.
  UPTAKE_RE.lastIndex = 0;
  OTHER_TEAM_RE.lastIndex = 0;
  // Other people picking up the writer's work: "two other engineers used my wiki page", "marketing started using the same layout".
  if (OTHER_PEOPLE_USED_RE.test(text)) return true;
  if (SAME_THING_RE.test(text) && /(?<![\p{L}])(?:started|began)\s+(?:using|to\s+use)(?![\p{L}])/iu.test(text) && !/(?<![\p{L}])I\s+(?:\S+\s+)?(?:started|began)(?![\p{L}])/u.test(text)) return true;
  const uptake = UPTAKE_RE.test(text) || SAME_THING_RE.test(text);
  if (!uptake) return false;
  OTHER_TEAM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OTHER_TEAM_RE.exec(text))) {
    if (!/^(?:my|our)\b/i.test(m[0])) return true;
  }
  return /(?<![\p{L}])(?:adopted|reused|copied|rolled\s+(?:it\s+)?out|replicated|standardi[sz]ed)(?![\p{L}])/iu.test(text);
}

