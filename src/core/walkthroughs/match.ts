/**
 * Matching a story to a walkthrough: by its `walkthrough` id, else by its question (close wording and
 * paraphrase: normalized, stemmed, synonyms from data/walkthrough-matching.yaml, IDF-weighted cosine
 * against the question and aliases), else by its principles. The same text matcher pairs a story's
 * follow-up headings with a walkthrough's probes.
 */
import { DATA } from '../data.generated';
import { canonicalPrinciple } from '../vocabulary';
import type { Walkthrough } from './types';

const M = DATA['walkthrough-matching'];

/** Similarity (0 to 1) a story's question needs to match a walkthrough by question. */
export const QUESTION_THRESHOLD: number = M.questionThreshold;
/** Similarity a one-term question needs (its single term must be rare among the walkthroughs). */
export const SINGLE_TERM_THRESHOLD: number = M.singleTermThreshold;
/** Similarity (0 to 1) a story's follow-up heading needs to match a walkthrough's probe. */
export const PROBE_THRESHOLD: number = M.probeThreshold;

// Normalizing ------------------------------------------------------------------------------------

const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(M.irregular as Record<string, string>));
const UNDOUBLE = /([bdgkmnprt])\1$/;

/** A crude English stemmer: enough to make "raised" and "raise", "pushing" and "push" one word. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  const irregular = IRREGULAR.get(w);
  if (irregular) w = irregular;
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/ied$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/ing$/.test(w) && w.length >= 6) w = w.slice(0, -3).replace(UNDOUBLE, '$1');
  else if (/ed$/.test(w) && w.length >= 5) w = w.slice(0, -2).replace(UNDOUBLE, '$1');
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w) && !/is$/.test(w)) w = w.slice(0, -1);
  if (/ly$/.test(w) && w.length >= 6) w = w.slice(0, -2);
  if (/e$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** Lower case, straight quotes, contractions expanded, punctuation to spaces. */
function normalize(text: string): string {
  return ` ${text.toLowerCase()} `
    .replace(/[’‘`´]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bshan't\b/g, 'shall not')
    .replace(/n't\b/g, ' not')
    .replace(/'re\b/g, ' are')
    .replace(/'ve\b/g, ' have')
    .replace(/'ll\b/g, ' will')
    .replace(/'d\b/g, ' would')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const OPENERS: readonly string[] = [...(M.openers as readonly string[])].map(normalize).sort((a, b) => b.length - a.length);

/** Removes the openings that carry no meaning ("tell me about a time you", "describe a situation where you"). */
function stripOpeners(normalized: string): string {
  let s = normalized;
  for (let round = 0; round < 3; round++) {
    const hit = OPENERS.find((o) => s === o || s.startsWith(o + ' '));
    if (!hit) break;
    s = s.slice(hit.length).trim();
  }
  return s;
}

const STOP: ReadonlySet<string> = new Set(M.stopwords as readonly string[]);

interface Phrase {
  stems: string[];
  concept: string;
}

const PHRASES: Phrase[] = [];
const WORD_CONCEPT = new Map<string, string>();
for (const group of M.synonyms as readonly (readonly string[])[]) {
  const concept = `~${normalize(group[0])}`;
  for (const entry of group) {
    const stems = normalize(entry).split(' ').filter(Boolean).map(stem);
    if (stems.length === 0) continue;
    if (stems.length === 1) {
      if (!WORD_CONCEPT.has(stems[0])) WORD_CONCEPT.set(stems[0], concept);
    } else PHRASES.push({ stems, concept });
  }
}
PHRASES.sort((a, b) => b.stems.length - a.stems.length);
/** Phrases by their first stem, longest first. */
const PHRASES_BY_FIRST = new Map<string, Phrase[]>();
for (const p of PHRASES) PHRASES_BY_FIRST.set(p.stems[0], [...(PHRASES_BY_FIRST.get(p.stems[0]) ?? []), p]);
const MAX_GAP = 2;
/** Longest text read from a question or heading. */
const MAX_CHARS = 600;

/** The terms of a question or probe: concepts (synonym groups) and stems, each with a word to show. */
export type Terms = Map<string, string>;

/** Turns a question into its terms: openers dropped, words stemmed, synonyms folded into concepts, filler dropped. */
export function questionTerms(text: string): Terms {
  const words = stripOpeners(normalize(text.slice(0, MAX_CHARS))).split(' ').filter(Boolean);
  const stems = words.map(stem);
  const used = new Array<boolean>(words.length).fill(false);
  const terms: Terms = new Map();
  // Phrases first (at each word, the longest that starts there), allowing up to two extra words between their words.
  for (let i = 0; i < stems.length; i++) {
    for (const p of PHRASES_BY_FIRST.get(stems[i]) ?? []) {
      if (used[i]) break;
      const at = [i];
      let j = i;
      // Two-word phrases must be contiguous ("not yours" is not "not up to your").
      const gap = p.stems.length > 2 ? MAX_GAP : 0;
      for (let k = 1; k < p.stems.length; k++) {
        let found = -1;
        for (let g = j + 1; g <= Math.min(stems.length - 1, j + 1 + gap); g++) {
          if (!used[g] && stems[g] === p.stems[k]) {
            found = g;
            break;
          }
        }
        if (found < 0) break;
        at.push(found);
        j = found;
      }
      if (at.length !== p.stems.length) continue;
      for (const a of at) used[a] = true;
      if (!terms.has(p.concept)) terms.set(p.concept, p.concept.slice(1));
    }
  }
  for (let i = 0; i < stems.length; i++) {
    if (used[i] || STOP.has(words[i]) || stems[i].length < 2) continue;
    const concept = WORD_CONCEPT.get(stems[i]);
    if (concept) {
      if (!terms.has(concept)) terms.set(concept, concept.slice(1));
    } else if (!terms.has(stems[i])) terms.set(stems[i], words[i]);
  }
  return terms;
}

// Scoring ----------------------------------------------------------------------------------------

interface Index {
  idf: Map<string, number>;
  unseen: number;
  entries: Array<{ walkthrough: Walkthrough; strings: Array<{ text: string; terms: Terms; alias: boolean }> }>;
  probeTerms: Map<string, Terms[]>;
}

const indexCache = new WeakMap<readonly Walkthrough[], Index>();

/** Term weights over the loaded walkthroughs: a term many walkthroughs share weighs little. */
function indexFor(walkthroughs: readonly Walkthrough[]): Index {
  const cached = indexCache.get(walkthroughs);
  if (cached) return cached;
  const df = new Map<string, number>();
  const entries: Index['entries'] = [];
  const probeTerms = new Map<string, Terms[]>();
  for (const w of walkthroughs) {
    const strings = [{ text: w.question, terms: questionTerms(w.question), alias: false }, ...w.aliases.map((a) => ({ text: a, terms: questionTerms(a), alias: true }))];
    const probes = w.followUps.map((f) => questionTerms(f.probe));
    entries.push({ walkthrough: w, strings });
    probeTerms.set(w.id, probes);
    const all = new Set<string>();
    for (const s of strings) for (const t of s.terms.keys()) all.add(t);
    for (const p of probes) for (const t of p.keys()) all.add(t);
    for (const t of all) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, walkthroughs.length);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + n / d));
  const index: Index = { idf, unseen: Math.log(1 + n), entries, probeTerms };
  indexCache.set(walkthroughs, index);
  return index;
}

/** IDF-weighted cosine of two term sets, with the shared terms (shown to the user). */
function cosine(a: Terms, b: Terms, index: Index): { score: number; shared: string[] } {
  const w = (t: string): number => index.idf.get(t) ?? index.unseen;
  let dot = 0;
  let na = 0;
  let nb = 0;
  const shared: string[] = [];
  for (const t of a.keys()) {
    const x = w(t) ** 2;
    na += x;
    if (b.has(t)) {
      dot += x;
      shared.push(a.get(t) ?? t);
    }
  }
  for (const t of b.keys()) nb += w(t) ** 2;
  if (na === 0 || nb === 0) return { score: 0, shared: [] };
  return { score: Math.min(1, dot / Math.sqrt(na * nb)), shared };
}

/** How close two questions are (0 to 1), weighted over the given walkthroughs. */
export function questionSimilarity(a: string, b: string, walkthroughs: readonly Walkthrough[] = []): number {
  const ta = questionTerms(a);
  const tb = questionTerms(b);
  if (normalize(a) === normalize(b) && normalize(a)) return 1;
  return cosine(ta, tb, indexFor(walkthroughs)).score;
}

// Matching ---------------------------------------------------------------------------------------

/** What a story tells the matcher. */
export interface StoryKeys {
  /** The front matter's `walkthrough` id. */
  walkthrough?: string;
  /** The front matter's `question`. */
  question?: string;
  /** The front matter's principles (canonical or as written). */
  principles: readonly string[];
  /** A walkthrough id the user picked for this story; it wins over everything else. */
  pinned?: string;
}

/** Why a walkthrough was chosen. */
export type MatchReason = 'id' | 'question' | 'principles' | 'none';

/** A walkthrough with how well, and why, it fits a story. */
export interface WalkthroughMatch {
  walkthrough: Walkthrough;
  reason: MatchReason;
  /** 0 to 1: 1 for an id, the question similarity, or the share of the story's principles covered. */
  score: number;
  /** One sentence for the panel: why this walkthrough. */
  explanation: string;
}

const REASON_RANK: Record<MatchReason, number> = { id: 0, question: 1, principles: 2, none: 3 };

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const listOf = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** Every walkthrough ranked for a story (best first): id, then question similarity, then principles. */
export function rankWalkthroughs(story: StoryKeys, walkthroughs: readonly Walkthrough[]): WalkthroughMatch[] {
  const index = indexFor(walkthroughs);
  const principles = story.principles.map((p) => canonicalPrinciple(p) ?? p);
  const question = story.question?.trim() ? story.question.trim() : undefined;
  const qTerms = question ? questionTerms(question) : undefined;
  const wanted = story.pinned ?? story.walkthrough;
  const idKnown = wanted !== undefined && walkthroughs.some((w) => w.id === wanted);
  const unknownId = story.walkthrough && !walkthroughs.some((w) => w.id === story.walkthrough) ? story.walkthrough : undefined;
  const prefix = unknownId ? `No walkthrough has the id "${unknownId}". ` : '';

  const rows = index.entries.map(({ walkthrough: w, strings }) => {
    let best = { score: 0, shared: [] as string[], text: w.question, alias: false, exact: false };
    if (qTerms && question) {
      for (const s of strings) {
        const exact = normalize(s.text) === normalize(question);
        const c = exact ? { score: 1, shared: [...qTerms.values()] } : cosine(qTerms, s.terms, index);
        if (c.score > best.score || (exact && !best.exact)) best = { ...c, text: s.text, alias: s.alias, exact };
      }
    }
    const overlap = principles.filter((p) => w.principles.includes(p));
    const firstMatch = principles.length > 0 && w.principles[0] === principles[0];
    let reason: MatchReason;
    let score: number;
    let explanation: string;
    if (idKnown && w.id === wanted) {
      reason = 'id';
      score = 1;
      explanation = story.pinned === w.id ? 'You picked this walkthrough for this story.' : `The story's front matter names it (walkthrough: ${w.id}).`;
    } else if (best.score >= QUESTION_THRESHOLD && (best.exact || best.shared.length >= 2 || (qTerms?.size === 1 && best.score >= SINGLE_TERM_THRESHOLD))) {
      // One shared word ("work", "team") is not a paraphrase: a question match needs two, unless the
      // story's question has a single word that counts and it is a strong one ("a tight budget").
      reason = 'question';
      score = best.score;
      const which = best.alias ? `one of its wordings, "${best.text}"` : `its question, "${best.text}"`;
      explanation = best.exact
        ? `${prefix}The story's question is ${best.alias ? `one of its wordings, "${best.text}"` : 'its question'}.`
        : `${prefix}The story's question is close to ${which} (${pct(best.score)} similar; shared: ${listOf(best.shared)}).`;
    } else if (overlap.length > 0) {
      reason = 'principles';
      score = overlap.length / Math.max(1, principles.length);
      const why = question ? 'no walkthrough question is close to the story\'s question' : 'the story has no question';
      explanation = `${prefix}Matched by principles: it covers ${listOf(overlap)}, and ${why}.`;
    } else {
      reason = 'none';
      score = best.score;
      explanation = 'It shares neither the question nor a principle with the story.';
    }
    return { match: { walkthrough: w, reason, score, explanation }, overlap: overlap.length, firstMatch, q: best.score };
  });

  rows.sort((a, b) => {
    const ra = REASON_RANK[a.match.reason];
    const rb = REASON_RANK[b.match.reason];
    if (ra !== rb) return ra - rb;
    if (a.match.reason === 'question' && a.q !== b.q) return b.q - a.q;
    if (a.overlap !== b.overlap) return b.overlap - a.overlap;
    if (a.match.reason === 'principles' && a.firstMatch !== b.firstMatch) return a.firstMatch ? -1 : 1;
    if (a.match.reason === 'none' && a.q !== b.q) return b.q - a.q;
    return a.match.walkthrough.id < b.match.walkthrough.id ? -1 : a.match.walkthrough.id > b.match.walkthrough.id ? 1 : 0;
  });
  return rows.map((r) => r.match);
}

/** The walkthrough for a story: by id, else by question, else by principles; undefined when none fits. */
export function matchWalkthrough(story: StoryKeys, walkthroughs: readonly Walkthrough[]): WalkthroughMatch | undefined {
  const best = rankWalkthroughs(story, walkthroughs)[0];
  return best && best.reason !== 'none' ? best : undefined;
}

/** Most follow-up headings of a story compared with the probes. */
const MAX_HEADINGS = 60;

/**
 * Pairs a story's follow-up headings with a walkthrough's probes by the same matcher: returns, per
 * probe of the walkthrough, the index of the story heading that asks it, or -1. Each heading answers
 * at most one probe (best pairs first).
 */
export function matchProbes(headings: readonly string[], w: Walkthrough, walkthroughs: readonly Walkthrough[] = [w]): number[] {
  const list = walkthroughs.includes(w) ? walkthroughs : [...walkthroughs, w];
  const index = indexFor(list);
  const probeTerms = index.probeTerms.get(w.id) ?? w.followUps.map((f) => questionTerms(f.probe));
  const headingTerms = headings.slice(0, MAX_HEADINGS).map(questionTerms);
  const pairs: Array<{ p: number; h: number; score: number }> = [];
  probeTerms.forEach((pt, p) => {
    headingTerms.forEach((ht, h) => {
      const exact = normalize(headings[h]) === normalize(w.followUps[p].probe);
      const score = exact ? 1 : cosine(ht, pt, index).score;
      if (score >= PROBE_THRESHOLD) pairs.push({ p, h, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.h - b.h);
  const out = new Array<number>(w.followUps.length).fill(-1);
  const taken = new Set<number>();
  for (const { p, h } of pairs) {
    if (out[p] >= 0 || taken.has(h)) continue;
    out[p] = h;
    taken.add(h);
  }
  return out;
}
