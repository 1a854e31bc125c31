/**
 * Matching a story to a walkthrough: by id, by question (exact, close wording, paraphrase), by
 * principles, or none; and the picker's ranking.
 */
import * as assert from 'node:assert/strict';
import { QUESTION_THRESHOLD, loadWalkthroughs, matchProbes, matchWalkthrough, questionSimilarity, rankWalkthroughs, stem, validateWalkthrough } from '../../../src/core';
import type { Walkthrough } from '../../../src/core';
import { VALID, builtinFiles } from './fixture';

const { walkthroughs: BUILTIN } = loadWalkthroughs(builtinFiles());
const byId = (id: string): Walkthrough => {
  const w = BUILTIN.find((x) => x.id === id);
  assert.ok(w, `no built-in walkthrough ${id}`);
  return w;
};

describe('walkthroughs: matchWalkthrough', () => {
  it('by id: the front matter names the walkthrough, whatever the question says', () => {
    const m = matchWalkthrough({ walkthrough: 'raised-quality-bar', question: byId('frugality').question, principles: ['Frugality'] }, BUILTIN);
    assert.equal(m?.walkthrough.id, 'raised-quality-bar');
    assert.equal(m?.reason, 'id');
    assert.equal(m?.score, 1);
    assert.match(m!.explanation, /walkthrough: raised-quality-bar/);
  });

  it('a pinned choice wins over the front matter', () => {
    const m = matchWalkthrough({ walkthrough: 'raised-quality-bar', pinned: 'frugality', principles: [] }, BUILTIN);
    assert.equal(m?.walkthrough.id, 'frugality');
    assert.equal(m?.reason, 'id');
    assert.match(m!.explanation, /You picked/);
  });

  it('an unknown id falls back to the question, and says so', () => {
    const m = matchWalkthrough({ walkthrough: 'no-such-walkthrough', question: byId('dive-deep').question, principles: [] }, BUILTIN);
    assert.equal(m?.walkthrough.id, 'dive-deep');
    assert.equal(m?.reason, 'question');
    assert.match(m!.explanation, /^No walkthrough has the id "no-such-walkthrough"\./);
  });

  it('by exact question, and by an alias, whatever the case and punctuation', () => {
    for (const w of BUILTIN) {
      const m = matchWalkthrough({ question: w.question.toUpperCase().replace(/[.?!]*$/, '?!'), principles: [] }, BUILTIN);
      assert.equal(m?.walkthrough.id, w.id, w.question);
      assert.equal(m?.reason, 'question');
      assert.equal(m?.score, 1);
      for (const a of w.aliases) {
        const ma = matchWalkthrough({ question: a, principles: [] }, BUILTIN);
        assert.equal(ma?.walkthrough.id, w.id, a);
      }
    }
  });

  // Close wording and paraphrase: other openers, other verbs, synonyms, contractions.
  const paraphrases: Array<[string, string]> = [
    ['Describe a situation where you challenged sloppy work from a colleague', 'pushed-back-low-quality'],
    ["Describe a time you refused to ship something that wasn't up to your standards", 'refused-to-ship-below-standards'],
    ["Tell me about a time you held back a launch because it wasn't ready", 'refused-to-ship-below-standards'],
    ['Tell me about a time you stood up to your boss about a bad call', 'pushed-back-on-decision'],
    ['When did you spot a serious bug that nobody else had noticed?', 'caught-critical-issue'],
    ["Tell me about a time you fixed something that wasn't your job", 'ownership'],
    ["What's the hardest bug you've tracked down?", 'dive-deep'],
    ['Give me an example of a time you went above and beyond for a client', 'customer-obsession'],
    ['Tell me about a time you did more with a tight budget', 'frugality'],
    ['Tell me about a time you had to quickly pick up an unfamiliar tech stack', 'learn-and-be-curious'],
    ['Tell me about a time you mentored a new hire', 'hire-and-develop'],
    ['Tell me about a time you convinced a doubtful stakeholder', 'earn-trust'],
    ['Walk me through a time you improved engineering standards across your team', 'raised-quality-bar'],
  ];
  for (const [question, id] of paraphrases) {
    it(`by paraphrase: "${question}" → ${id}`, () => {
      const m = matchWalkthrough({ question, principles: [] }, BUILTIN);
      assert.equal(m?.walkthrough.id, id, m?.explanation);
      assert.equal(m?.reason, 'question');
      assert.ok(m!.score >= QUESTION_THRESHOLD && m!.score <= 1);
      assert.match(m!.explanation, /close to|is its question|one of its wordings/);
    });
  }

  it('a question about something else does not match by question', () => {
    for (const q of ['What is your favourite programming language?', 'Why do you want to work here?', 'Tell me about yourself']) {
      const m = matchWalkthrough({ question: q, principles: [] }, BUILTIN);
      assert.equal(m, undefined, `${q} → ${m?.walkthrough.id}: ${m?.explanation}`);
    }
  });

  it('by principles when the question matches nothing: most overlap, then the first principle, then the id', () => {
    const own = matchWalkthrough({ question: 'Why do you want to work here?', principles: ['Ownership'] }, BUILTIN);
    assert.equal(own?.reason, 'principles');
    // Several walkthroughs list Ownership; the one that lists it first wins.
    assert.equal(own?.walkthrough.principles[0], 'Ownership');
    assert.match(own!.explanation, /Matched by principles: it covers Ownership, and no walkthrough question is close/);

    const two = matchWalkthrough({ principles: ['Insist on the Highest Standards', 'Ownership'] }, BUILTIN);
    assert.equal(two?.reason, 'principles');
    assert.deepEqual([...two!.walkthrough.principles].sort(), ['Insist on the Highest Standards', 'Ownership']);
    assert.equal(two?.score, 1);
    assert.match(two!.explanation, /the story has no question/);
  });

  it('principle tie-breaks are deterministic: first principle, then id', () => {
    const mk = (id: string, principles: string): Walkthrough => {
      const text = VALID.replace('id: fixed-flaky-suite', `id: ${id}`)
        .replace('principles: [Ownership, Dive Deep]', `principles: [${principles}]`)
        .replace('question: Tell me about a time you fixed a flaky test suite nobody owned', `question: Question ${id}`)
        .replace(/aliases:\n[^\n]*\n/, '');
      const r = validateWalkthrough(text, `${id}.yaml`);
      assert.deepEqual(r.problems, []);
      return r.walkthrough!;
    };
    const set = [mk('zeta', 'Ownership, Dive Deep'), mk('beta', 'Dive Deep, Ownership'), mk('alpha', 'Dive Deep, Ownership')];
    assert.equal(matchWalkthrough({ principles: ['Ownership'] }, set)?.walkthrough.id, 'zeta');
    assert.equal(matchWalkthrough({ principles: ['Dive Deep'] }, set)?.walkthrough.id, 'alpha');
    assert.equal(matchWalkthrough({ principles: ['Dive Deep', 'Ownership'] }, set)?.walkthrough.id, 'alpha');
  });

  it('accepts principle aliases and ignores unknown principles', () => {
    assert.equal(matchWalkthrough({ principles: ['Have Backbone'] }, BUILTIN)?.walkthrough.principles[0], 'Have Backbone; Disagree and Commit');
    assert.equal(matchWalkthrough({ principles: ['Be Nice'] }, BUILTIN), undefined);
  });

  it('none: nothing to go on', () => {
    assert.equal(matchWalkthrough({ principles: [] }, BUILTIN), undefined);
    assert.equal(matchWalkthrough({ question: 'Tell me about a time you mentored a new hire', principles: [] }, []), undefined);
  });
});

describe('walkthroughs: rankWalkthroughs', () => {
  it('lists every walkthrough, best first, with a reason for each', () => {
    const ranked = rankWalkthroughs({ question: 'Describe a situation where you challenged sloppy work from a colleague', principles: ['Ownership'] }, BUILTIN);
    assert.equal(ranked.length, BUILTIN.length);
    assert.equal(ranked[0].walkthrough.id, 'pushed-back-low-quality');
    const order = { id: 0, question: 1, principles: 2, none: 3 };
    for (let i = 1; i < ranked.length; i++) assert.ok(order[ranked[i - 1].reason] <= order[ranked[i].reason]);
    assert.ok(ranked.some((m) => m.reason === 'principles'));
    assert.ok(ranked.some((m) => m.reason === 'none'));
  });
});

describe('walkthroughs: the text matcher', () => {
  it('stems word forms to one', () => {
    assert.equal(stem('raised'), stem('raise'));
    assert.equal(stem('pushing'), stem('push'));
    assert.equal(stem('issues'), stem('issue'));
    assert.equal(stem('caught'), stem('catch'));
    assert.equal(stem('committed'), stem('commit'));
  });

  it('scores the same question 1 and an unrelated one 0', () => {
    assert.equal(questionSimilarity('Tell me about a time you shipped late', 'tell me about a time you shipped late!', BUILTIN), 1);
    assert.equal(questionSimilarity('Tell me about a time you shipped late', 'What is your favourite food?', BUILTIN), 0);
  });

  it('pairs story follow-up headings with probes by the same matcher', () => {
    const w = byId('pushed-back-low-quality');
    const headings = [
      'What would you do differently?',
      'How did the other team react to your pushback?',
      'What did you have for lunch?',
    ];
    const paired = matchProbes(headings, w, BUILTIN);
    assert.equal(paired.length, w.followUps.length);
    const reactIdx = w.followUps.findIndex((f) => /react/i.test(f.probe));
    const differentlyIdx = w.followUps.findIndex((f) => /differently/i.test(f.probe));
    assert.equal(paired[reactIdx], 1);
    assert.equal(paired[differentlyIdx], 0);
    assert.ok(!paired.includes(2));
  });
});
