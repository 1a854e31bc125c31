/**
 * A small, valid walkthrough (our own scenario) that the tests break in one place at a time,
 * and a loader for the shipped walkthroughs/*.yaml.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WalkthroughFile } from '../../../src/core';

/** The repository root (tests run from out/test/unit/walkthroughs). */
export const ROOT = join(__dirname, '..', '..', '..', '..');

/** The shipped walkthrough files, as the extension hands them to the core. */
export function builtinFiles(): WalkthroughFile[] {
  const dir = join(ROOT, 'walkthroughs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `walkthroughs/${f}`, text: readFileSync(join(dir, f), 'utf8'), source: 'builtin' as const }));
}

const step = (secs: number, check: string | null, cue: string) => `    targetSeconds: ${secs}
    coaching: >-
      Say what the bar wants here for this question, in a sentence or two.
    mistake: >-
      The usual slip at this step, and why it costs the candidate.
    signals:
      - text: First thing a strong answer shows${check ? `\n        check: ${check}` : ''}
        cues: [${cue}]
      - text: Second thing a strong answer shows
        cues: [another cue]
    example: >-
      A short example of this step told in the fixture's own scenario.`;

/** A valid walkthrough; the file must be called `fixed-flaky-suite.yaml`. */
export const VALID = `id: fixed-flaky-suite
question: Tell me about a time you fixed a flaky test suite nobody owned
aliases:
  - Describe a time you made an unreliable build trustworthy again
principles: [Ownership, Dive Deep]
leadWith: >-
  Open with how often the suite failed for no reason and what that cost the team each week.
steps:
  situation:
${step(30, null, 'failed')}
  task:
${step(20, 'scope-boundary', 'nobody owned')}
  action:
${step(90, 'i-statements', 'I traced')}
  result:
${step(20, 'metric', 'dropped')}
  reflection:
${step(15, 'systemic-cause', 'now I')}
followUps:
  - probe: How did you know the failures were the tests and not the code?
    probes: Whether you separated signal from noise
    weak: I just had a feeling about it.
    weakWhy: A hunch is not evidence.
    strong: I reran each failing test two hundred times on an idle machine and compared the failure rates.
    keyPhrase: reran each failing test two hundred times
  - probe: Who else did you involve?
    probes: Whether you brought the owners along
    weak: Nobody, I just fixed it.
    weakWhy: It skips the people who had to trust the fix.
    strong: I showed the release captain the before and after rates and she made the quarantine rule part of the release checklist.
    keyPhrase: showed the release captain the before and after rates
  - probe: What would you do differently?
    probes: Self-awareness
    weak: Nothing really.
    weakWhy: No reflection at all.
    strong: I would have measured the flake rate on day one instead of after a month of reruns.
    keyPhrase: measured the flake rate on day one
lenses:
  - principle: Ownership
    leadWith: Lead with the suite being nobody's job.
    emphasize: That you fixed it end to end.
    playDown: Who wrote the flaky tests.
  - principle: Dive Deep
    leadWith: Lead with the measurement that found the cause.
    emphasize: The reruns and the timing data.
    playDown: The tooling details.
levels:
  sde1:
    focus: Your own team's suite.
    bar: A measured before and after.
    lengthSeconds: 120
  sde2:
    focus: A suite several teams share.
    bar: A measured result and a rule others follow.
    lengthSeconds: 150
  senior:
    focus: Test reliability across the organization.
    bar: A systemic cause and a mechanism others adopted.
    lengthSeconds: 180
quiz:
  - question: Which Result line is strongest?
    options:
      - The build got a lot better.
      - Red builds with no code cause dropped from one in four to one in fifty.
    answer: 1
    why: It has a number.
  - question: Which Task line draws the boundary?
    options:
      - My manager asked me to fix the suite.
      - The suite belonged to no team, and nobody had asked me to touch it.
      - I started investigating.
    answer: 1
    why: It says nobody owned it and nobody asked.
`;

/** The 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`fixture has no line with ${needle}`);
  return i + 1;
}
