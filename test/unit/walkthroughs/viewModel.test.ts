/**
 * The panel's view model for a fixture story: signals shown or not (by the linter's detectors and by
 * cues), follow-ups answered, findings per step, lenses, level, quiz; and user targets.
 */
import * as assert from 'node:assert/strict';
import { analyze, buildViewModel, loadWalkthroughs, matchWalkthrough, panelForStory, parseStory, questionLine, storyKeys, validateWalkthrough } from '../../../src/core';
import type { PanelViewModel, ViewStep, Walkthrough } from '../../../src/core';
import { VALID, builtinFiles } from './fixture';

const FIXTURE = validateWalkthrough(VALID, 'fixed-flaky-suite.yaml').walkthrough!;
const ALL: Walkthrough[] = [...loadWalkthroughs(builtinFiles()).walkthroughs, FIXTURE];

const STORY = `---
question: Tell me about a time you fixed a flaky test suite nobody owned
principles: [Dive Deep]
level: senior
---
# Flaky checkout suite

## Situation
Our checkout suite failed on one build in four with no code change, and engineers had learned to press retry.

## Task
The suite belonged to no team, and nobody had asked me to touch it.

## Action
I traced every red build from two weeks back to the test that broke it. I reran each suspect test two hundred times on an idle machine. I found that three tests shared one database and raced on cleanup. I gave each test its own schema and deleted the shared fixture.

## Result
Things got better and the team was happy.

## Reflection
Nobody owned the suite, so no process ever removed a flaky test; now I propose an owner for shared test infrastructure before it grows.

## Follow-ups
### How did you know the failures came from the tests and not from the code?
I compared failure rates on an idle machine against the build farm.

### What would you do differently?
<!-- answer later -->
`;

function model(text = STORY, quizAnswers?: Record<number, number>): PanelViewModel {
  const analysis = analyze(text);
  const match = matchWalkthrough(storyKeys(analysis), ALL);
  assert.ok(match, 'the fixture story matches a walkthrough');
  return buildViewModel(analysis, match, ALL, { quizAnswers });
}

/** The 0-based line of the first line of the story starting with `prefix`. */
const line0 = (prefix: string): number => STORY.split('\n').findIndex((l) => l.startsWith(prefix));

const step = (m: PanelViewModel, name: string): ViewStep => m.steps.find((s) => s.step === name)!;

describe('walkthroughs: buildViewModel', () => {
  const m = model();

  it('is the matched walkthrough, with why it matched', () => {
    assert.equal(m.walkthroughId, 'fixed-flaky-suite');
    assert.equal(m.match.reason, 'question');
    assert.equal(m.match.score, 1);
    assert.match(m.match.explanation, /is its question/);
    assert.equal(m.question, FIXTURE.question);
    assert.deepEqual(m.principles, ['Ownership', 'Dive Deep']);
    assert.equal(m.story.title, 'Flaky checkout suite');
    assert.deepEqual(m.story.principles, ['Dive Deep']);
  });

  it('is plain JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
  });

  it('has the five steps in order with target and draft seconds and the heading range', () => {
    assert.deepEqual(m.steps.map((s) => s.label), ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
    const action = step(m, 'action');
    assert.equal(action.targetSeconds, 90);
    assert.ok(action.draftSeconds > 10 && action.draftSeconds < 40, String(action.draftSeconds));
    assert.equal(action.overTime, false);
    assert.deepEqual(action.headingRange, { start: { line: line0('## Action'), character: 0 }, end: { line: line0('## Action'), character: 9 } });
    assert.equal(action.coaching, FIXTURE.steps.action.coaching);
    assert.equal(action.example, FIXTURE.steps.action.example);
  });

  it('decides check signals with the linter\'s detectors', () => {
    assert.deepEqual(step(m, 'task').signals[0], { text: 'First thing a strong answer shows', shown: true, method: 'check' }); // scope-boundary
    assert.equal(step(m, 'action').signals[0].shown, true); // i-statements: four "I" sentences
    assert.equal(step(m, 'result').signals[0].shown, false); // metric: "things got better"
    assert.equal(step(m, 'reflection').signals[0].shown, true); // systemic-cause: process, owner
  });

  it('decides cue signals by a cue in the step\'s prose', () => {
    assert.deepEqual(step(m, 'situation').signals[0], { text: 'First thing a strong answer shows', shown: true, method: 'cues' }); // "failed"
    assert.equal(step(m, 'situation').signals[1].shown, false); // "another cue" is nowhere
  });

  it('a cue must be a whole word and in the same step', () => {
    const moved = STORY.replace('Our checkout suite failed on one build', 'Our checkout suite broke on one build').replace('## Task\n', '## Task\nIt failed often.\n');
    const mm = model(moved);
    assert.equal(step(mm, 'situation').signals[0].shown, false);
    const partial = STORY.replace('failed', 'unfailedness');
    assert.equal(step(model(partial), 'situation').signals[0].shown, false);
  });

  it('lists the findings per step with their ranges, and the rest apart', () => {
    const result = step(m, 'result');
    const ids = result.findings.map((f) => f.ruleId);
    assert.ok(ids.includes('unquantified-result'), ids.join(', '));
    assert.ok(ids.includes('vague-result'), ids.join(', '));
    for (const f of result.findings) {
      assert.ok(f.range.start.line >= line0('## Result') && f.range.start.line <= line0('Things got better'), JSON.stringify(f.range));
      assert.ok(f.message.length > 0);
    }
    assert.deepEqual(step(m, 'action').findings.map((f) => f.ruleId), []);
    const all = analyze(STORY).findings.length;
    assert.equal(m.steps.reduce((n, s) => n + s.findings.length, 0) + m.otherFindings.length, all);
  });

  it('marks a follow-up answered only when the story asks it and answers it', () => {
    const [how, who, differently] = m.followUps;
    assert.equal(how.answered, true);
    assert.equal(how.storyHeading?.text, 'How did you know the failures came from the tests and not from the code?');
    assert.equal(how.storyHeading?.range.start.line, line0('### How did you know'));
    assert.equal(who.answered, false);
    assert.equal(who.storyHeading, undefined);
    assert.equal(differently.answered, false, 'a comment is not an answer');
    assert.equal(differently.storyHeading?.text, 'What would you do differently?');
    assert.equal(how.keyPhrase, FIXTURE.followUps[0].keyPhrase);
  });

  it('shows the lenses of the story\'s principles, else all of the walkthrough\'s', () => {
    assert.deepEqual(m.lenses.map((l) => [l.principle, l.inStory]), [['Dive Deep', true]]);
    const none = model(STORY.replace('principles: [Dive Deep]\n', ''));
    assert.deepEqual(none.lenses.map((l) => [l.principle, l.inStory]), [['Ownership', false], ['Dive Deep', false]]);
  });

  it('shows the bar for the story\'s level', () => {
    assert.equal(m.level.level, 'senior');
    assert.equal(m.level.label, 'Senior');
    assert.equal(m.level.lengthSeconds, 180);
    assert.equal(m.level.focus, FIXTURE.levels.senior.focus);
    assert.equal(m.level.overTime, false);
    assert.equal(model(STORY.replace('level: senior', 'level: sde1')).level.lengthSeconds, 120);
  });

  it('carries the quiz with remembered answers (valid ones only)', () => {
    assert.equal(m.quiz.length, 2);
    assert.equal(m.quiz[0].chosen, undefined);
    const answered = model(STORY, { 0: 1, 1: 7 });
    assert.equal(answered.quiz[0].chosen, 1);
    assert.equal(answered.quiz[1].chosen, undefined);
  });

  it('offers close alternatives for a quick switch, not the current one', () => {
    assert.ok(m.alternatives.length <= 3);
    assert.ok(m.alternatives.every((a) => a.id !== m.walkthroughId));
  });
});

describe('walkthroughs: panelForStory', () => {
  it('builds the model, or says why there is none', () => {
    const ok = panelForStory(STORY, ALL);
    assert.equal(ok.model?.walkthroughId, 'fixed-flaky-suite');
    const none = panelForStory('# Just a title\n\n## Situation\nSomething happened.\n', ALL);
    assert.equal(none.model, undefined);
    assert.match(none.reason!, /No walkthrough matches/);
    assert.match(panelForStory(STORY, []).reason!, /No walkthroughs are loaded/);
  });

  it('lints with a user walkthrough\'s own targets, and with the built-in ones otherwise', () => {
    const userText = VALID.replace('  situation:\n    targetSeconds: 30', '  situation:\n    targetSeconds: 4');
    const user = validateWalkthrough(userText, 'mine/fixed-flaky-suite.yaml', 'user').walkthrough!;
    const builtinLike = validateWalkthrough(userText, 'walkthroughs/fixed-flaky-suite.yaml', 'builtin').walkthrough!;
    const over = (p: ReturnType<typeof panelForStory>) => p.model!.steps[0].findings.filter((f) => f.ruleId === 'section-over-time').length;
    const withUser = panelForStory(STORY, [user]);
    assert.equal(withUser.model!.steps[0].targetSeconds, 4);
    assert.equal(over(withUser), 1);
    const withBuiltin = panelForStory(STORY, [builtinLike]);
    assert.equal(withBuiltin.model!.steps[0].targetSeconds, 30);
    assert.equal(over(withBuiltin), 0);
  });

  it('a pinned walkthrough wins', () => {
    const p = panelForStory(STORY, ALL, { pinned: 'frugality' });
    assert.equal(p.model?.walkthroughId, 'frugality');
    assert.match(p.model!.match.explanation, /You picked/);
  });

  it('passes on the remembered quiz answers of the matched walkthrough only', () => {
    const p = panelForStory(STORY, ALL, { quizAnswers: { 'fixed-flaky-suite': { 0: 0 }, frugality: { 0: 1 } } });
    assert.deepEqual(p.model!.quiz.map((q) => q.chosen), [0, undefined]);
  });

  it('survives hostile and odd stories without throwing', () => {
    const odd = ['', '\u0000\u0001', '---\nquestion: [1, 2\n---\n', `---\nquestion: ${'x '.repeat(50000)}\n---\n`, '## Follow-ups\n### \n\n### ?\n'];
    for (const text of odd) assert.doesNotThrow(() => panelForStory(text, ALL));
  });

  it('stays fast on a story with thousands of long follow-up headings', () => {
    const heading = 'How did the team react when you pushed back on the quality of the work and would not ship it '.repeat(30);
    const text = `${STORY}\n${Array.from({ length: 3000 }, (_, i) => `### ${heading} ${i}\nAn answer.\n`).join('\n')}`;
    const started = Date.now();
    const p = panelForStory(text, ALL);
    assert.ok(p.model);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });
});

describe('walkthroughs: questionLine', () => {
  it('finds the front matter question line for the code lens', () => {
    assert.equal(questionLine(parseStory(STORY)), 1);
    assert.equal(questionLine(parseStory('---\nlevel: sde1\nwalkthrough: ownership\n---\n')), 2);
    assert.equal(questionLine(parseStory('# No front matter\n')), undefined);
  });
});
