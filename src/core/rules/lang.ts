/**
 * Small language mechanisms the rules share: phrase matching on prose, clauses, negation, actors and
 * quantities. Each works on a sentence's `prose` (quotes and code blanked out), so offsets stay exact.
 */
import { DATA } from '../data.generated';
import type { Sentence } from '../parse';

/** Vocabulary from data/language.yaml. */
export const LANG = DATA.language;

/** Escapes a phrase for a regular expression; spaces and hyphens match any run of spaces or hyphens. */
function phraseSource(p: string): string {
  return p
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]")
    .replace(/[\s-]+/g, '[\\s-]+');
}

/** A case-insensitive regex matching any of the phrases as whole words. */
export function phrases(list: readonly string[], flags = 'giu'): RegExp {
  const sorted = [...list].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** A match with offsets relative to the sentence. */
export interface Hit {
  start: number;
  end: number;
  text: string;
}

/** All matches of `re` in `text` (re must be global). */
export function findAll(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** True when `re` matches `text` anywhere. */
export function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const r = re.test(text);
  re.lastIndex = 0;
  return r;
}

/** A clause of a sentence: offsets relative to the sentence's text. */
export interface Clause {
  start: number;
  end: number;
  text: string;
}

const CLAUSE_BREAK =
  /(?:[;:—–]|\s-\s|,\s*(?=(?:and|but|so|while|whereas|which|then|because|although|though|until|once|yet|since)\b)|,?\s+(?=(?:and|but|so|then|because|until|after|before|once|while|whereas|although)\s+(?:then\s+)?(?:i|we|they|he|she|it|the|their|our|my|his|her|nobody|no one|someone|everyone|[a-z]+ team)\b))/giu;

/** Splits a sentence's prose into clauses at conjunctions that start a new subject, semicolons and dashes. */
export function clauses(prose: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(prose))) {
    const end = m.index;
    if (end > start) out.push({ start, end, text: prose.slice(start, end) });
    start = m.index + m[0].length;
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
  }
  if (prose.length > start) out.push({ start, end: prose.length, text: prose.slice(start) });
  return out.filter((c) => /[\p{L}\p{N}]/u.test(c.text));
}

/** True when the clause text before `index` holds a negation. */
export function negatedBefore(clauseText: string, index: number): boolean {
  // The first negator of the clause, found once per clause: testing each prefix again was quadratic.
  if (clauseText !== lastClause) {
    lastClause = clauseText;
    const m = NEG_ANY_G.exec(clauseText);
    NEG_ANY_G.lastIndex = 0;
    firstNegatorEnd = m ? m.index + m[0].length : Infinity;
  }
  return firstNegatorEnd <= index;
}
// A negator from the data, or a contraction ending in n't (didn't, wasn't).
const NEG_ANY_G = new RegExp(`n['’]t(?![\\p{L}])|${phrases(LANG.negators).source}`, 'giu');
let lastClause: string | undefined;
let firstNegatorEnd = Infinity;

// "I" (and a lower-case "i" from casual writers), not the "i" of "i.e.".
const FIRST_PERSON_RE = /(?<![\p{L}'’.])[Ii](?:['’](?:d|ve|m|ll))?(?![\p{L}.])/u;
const SUBJECT_RE = /^(?:[\s"“(]*)(?:(?:then|next|first|finally|also|so|and|but|later|afterwards|meanwhile|eventually|once|after\s+that|to\s+\w+\s+\w+|in\s+\w+(?:\s+\w+)?|over\s+\w+(?:\s+\w+)?|within\s+\w+(?:\s+\w+)?|on\s+\w+(?:\s+\w+)?|by\s+\w+(?:\s+\w+)?|for\s+\w+(?:\s+\w+)?),?\s+)*/iu;

// A pair that includes the writer: "<someone> and I", "I and <someone>".
const PAIR_WITH_I_RE = /(?<![\p{L}])[\p{L}'’-]+\s+and\s+[Ii](?![\p{L}'’])|(?<![\p{L}])I\s+and\s+[\p{L}'’-]+/gu;

// Past-tense verbs that do not end in -ed, for subjectless bullets ("Wrote the fix", "Ran the test").
const IRREGULAR_PAST = new Set(
  'wrote built ran found made took led drove set sent brought began chose got gave kept met put read saw shipped split cut dug fought held hid hit knew laid left lent lost meant paid proved quit rebuilt redid rewrote reran rode rose said sought sold shot shut sped spent spun stood stuck swept taught told thought threw tore understood undid upheld went won withdrew wound broke caught drew fed felt fled flew forgot froze grew hung heard'.split(' '),
);
const PRESENT_VERB_START = /^(?:add|analy[sz]e|audit|build|check|compare|create|debug|deploy|design|document|drive|find|fix|implement|investigate|lead|measure|migrate|monitor|own|profile|propose|prototype|rebuild|refactor|remove|replace|reproduce|review|rewrite|roll|run|set|ship|test|trace|verify|write)s?$/i;

/** True when `word` reads as a past-tense verb ("traced", "wrote"). */
export function isPastVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PAST.has(w)) return true;
  return /^[a-z]{2,}ed$/.test(w) && !/^(?:need|seed|speed|feed|bed|red|shed|hundred|proceed|indeed|embed|bred|fled|led)$/.test(w);
}

/**
 * True when the writer is the actor of the sentence: an explicit "I" (I, I'd, I've, I'm, I'll, "my teammate and I"
 * excluded when a group is the subject), or a subjectless clause that starts with a verb ("Profiled the job ...").
 */
export function writerActs(s: Sentence): boolean {
  // "The team and I rewrote it" has the group as its actor, not the writer alone.
  if (FIRST_PERSON_RE.test(s.prose.replace(PAIR_WITH_I_RE, ' '))) return true;
  const lead = s.prose.replace(SUBJECT_RE, '');
  const first = /^[\p{L}]+/u.exec(lead)?.[0] ?? '';
  if (!first) return false;
  return isPastVerb(first) || (s.listItem && PRESENT_VERB_START.test(first));
}

// Quantities -----------------------------------------------------------------------------------

const UNIT_SET = new Set(LANG.units.map((u) => u.toLowerCase()));
const NUMBER_WORD_RE = phrases(LANG.numberWords.filter((w) => w !== 'none'));
const ONE_RE = /(?<![\p{L}'’-])(?:one|a|an)\s+(?:third|quarter|fifth|half|dozen|hundred|thousand|million|billion)(?![\p{L}])|(?<![\p{L}'’-])one(?![\p{L}-])(?!\s+(?:of|another|day|way|more|by|thing|time|point|place|side|hand|reason|after)\b)/giu;
const NUMBER_TOKEN_RE = /(?<![\p{L}\p{N}_])([$€£¥₹]\s?)?(\d[\d,.]*)(\s?[%×x]|[a-z%+]+)?(?![\p{L}\p{N}])/giu;
const YEAR_CONTEXT_RE = /(?:in|since|by|during|of|early|late|mid|until|through|before|after|from|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4]|fy|summer|winter|spring|autumn|fall),?\s*$/i;

/** Quantities in a text: digits (with units, currency, ranges), multipliers and number words, not years or names like p99. */
export function quantities(text: string): Hit[] {
  const out: Hit[] = [];
  NUMBER_TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_TOKEN_RE.exec(text))) {
    const suffix = (m[3] ?? '').trim().toLowerCase();
    const digits = m[2].replace(/[.,]+$/, '');
    if (suffix && !UNIT_SET.has(suffix) && !/^\d/.test(suffix)) continue; // 2FA, 4G, 5xx are names, not amounts
    const n = Number(digits.replace(/,/g, ''));
    if (!m[1] && !suffix && /^\d{4}$/.test(digits) && n >= 1900 && n <= 2100 && YEAR_CONTEXT_RE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // "double-checked", "triple-tapped": compound verbs, not amounts.
  for (const h of findAll(NUMBER_WORD_RE, text)) if (!(/^(?:double|triple)$/i.test(h.text) && /^-\p{L}/u.test(text.slice(h.end, h.end + 2)))) out.push(h);
  for (const h of findAll(ONE_RE, text)) out.push(h);
  return out.sort((a, b) => a.start - b.start);
}

/** True when the text states a quantity. */
export function hasQuantity(text: string): boolean {
  return quantities(text).length > 0;
}

/** Lower-cased word stems (first five letters) of the content words of a text, minus generic words. */
export function contentStems(text: string, generic: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (w.length < 4 || generic.has(w) || STOP.has(w)) continue;
    out.add(w.slice(0, 5));
  }
  return out;
}

const STOP = new Set(
  'that this with from have been were they them their there then than what when where which while will would could should about after before again into over under only just even much many more most some such very well also because since until unless other others those these your yours mine ours here each both every something anything everything nothing someone anyone everyone nobody itself myself ourselves yourself themselves does doing done being having make made like need needed want wanted sure able across within without still already often usually really actually finally first last next time times year years week weeks month months today later soon'.split(' '),
);

/** The words as found, on one line, for quoting in a message. */
export function quoteWords(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
