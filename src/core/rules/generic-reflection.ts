import type { Rule } from './rule';
import { LANG, clauses, contentStems, findAll, has, phrases, quoteWords } from './lang';
import { STEPS } from '../model';

const PLATITUDE_RE = phrases(LANG.platitudes);
// "X is (very) important / crucial / key": a value statement with nothing of the story in it.
const VALUE_RE = /(?<![\p{L}])(?:is|are|was|were|becomes?)\s+(?:very\s+|so\s+|really\s+|extremely\s+|super\s+|truly\s+|always\s+)?(?:important|crucial|essential|key|vital|critical|necessary|valuable)(?![\p{L}])/giu;
const GENERIC = new Set<string>(LANG.genericWords);
const MIN_WORDS = 12;

/** A reflection that could end any story. */
export const genericReflection: Rule = {
  id: 'generic-reflection',
  description: 'The Reflection is specific to this story and at least 12 words long.',
  defaultSeverity: 'warning',
  graded: true,
  check(ctx) {
    const section = ctx.content('reflection');
    if (!section) return [];
    const sentences = ctx.sentences('reflection');
    const prose = sentences.map((s) => s.prose).join(' ');
    const words = sentences.reduce((a, s) => a + s.words.length, 0);
    const first = sentences[0];
    const range = first ? { start: first.start, end: sentences[sentences.length - 1].end } : { start: section.headingStart, end: section.headingEnd };
    if (words < MIN_WORDS) {
      return [{
        ...range,
        section: 'reflection',
        message: `The Reflection is ${words} word${words === 1 ? '' : 's'}: name the insight this story taught you and what you now do differently, in a sentence or two.`,
      }];
    }
    const platitudes = [...findAll(PLATITUDE_RE, prose), ...findAll(VALUE_RE, prose)].sort((a, b) => a.start - b.start);
    if (platitudes.length === 0) return [];
    // A platitude is fine when the reflection also makes a point of its own about this story: a clause with no
    // platitude in it that shares content words with the other steps ("so I now check the dedupe key before …").
    // Words in the platitude's own clause do not count: naming the project ("from the Brazil login problem I
    // learned that communication is important") does not make the lesson specific.
    const story = STEPS.filter((s) => s !== 'reflection').flatMap((s) => ctx.sentences(s)).map((s) => s.prose).join(' ');
    const storyStems = contentStems(story, GENERIC);
    const ownPoint = sentences
      .flatMap((sen) => clauses(sen.prose))
      .filter((c) => !has(PLATITUDE_RE, c.text) && !has(VALUE_RE, c.text))
      .map((c) => c.text)
      .join(' ');
    const anchors = [...contentStems(ownPoint, GENERIC)].filter((w) => storyStems.has(w));
    if (anchors.length >= 2) return [];
    return [{
      ...range,
      section: 'reflection',
      message: `"${quoteWords(platitudes[0].text)}" could end any story: name what this story taught you (the cause you found, the check you now run) and what you do differently because of it.`,
    }];
  },
};
