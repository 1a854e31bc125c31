/**
 * Test helpers: a clean base story whose steps a test can replace, and shortcuts to lint it.
 */
import { analyze } from '../../src/core';
import type { Finding, StarConfig, StepName } from '../../src/core';

/** The steps of a clean story, in our own words; a test swaps one step for the phrasing under test. */
export const CLEAN: Record<StepName, string> = {
  situation:
    'I was a backend engineer on the loyalty team at a coffee chain. Reward points for mobile orders arrived two days late for about 4% of members, and the support queue filled with angry messages every Monday.',
  task:
    'The points ledger belonged to the payments team, not to mine, and nobody had asked me to look at it. I wanted to find out why points arrived late.',
  action:
    'I pulled a week of late ledger entries and grouped them by order channel. I found that mobile orders retried on timeout and the ledger dropped the retry as a duplicate. I reproduced the drop in staging with a delayed response. I wrote a fix that keys the dedupe on the order id instead of the request id, and I added a test for the retry path. I walked their lead through the change and verified the backlog cleared after the deploy.',
  result:
    'Late points fell from 4% of mobile orders to 0.1% within two weeks, and support tickets about missing points dropped by 300 a month. The payments team adopted my retry test as the default for every new ledger writer.',
  reflection:
    'The ledger treated a retry as fraud because nobody owned the contract between the app and the ledger, so I now write down who owns retry semantics before two services share an id.',
};

/** Builds a story from the clean steps, with overrides; `null` leaves a step out. */
export function story(
  over: Partial<Record<StepName, string | null>> = {},
  opts: { frontMatter?: string; followups?: string; title?: string } = {},
): string {
  const fm = opts.frontMatter ?? 'question: Tell me about a time you fixed something outside your team\nprinciples: [Ownership]\nlevel: senior';
  const parts = [`---\n${fm}\n---\n`, `# ${opts.title ?? 'Late reward points'}\n`];
  for (const step of ['situation', 'task', 'action', 'result', 'reflection'] as StepName[]) {
    const body = step in over ? over[step] : CLEAN[step];
    if (body === null || body === undefined) continue;
    parts.push(`## ${step[0].toUpperCase()}${step.slice(1)}\n${body}\n`);
  }
  if (opts.followups) parts.push(`## Follow-ups\n${opts.followups}\n`);
  return parts.join('\n');
}

/** The findings of one rule. */
export function findings(text: string, ruleId: string, config?: Partial<StarConfig>): Finding[] {
  return analyze(text, { config }).findings.filter((f) => f.ruleId === ruleId);
}

/** The text a finding's range covers. */
export function covered(text: string, f: Finding): string {
  const lines = text.split(/\r\n|\n|\r/);
  if (f.range.start.line === f.range.end.line) return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  return [lines[f.range.start.line].slice(f.range.start.character), ...lines.slice(f.range.start.line + 1, f.range.end.line), lines[f.range.end.line].slice(0, f.range.end.character)].join('\n');
}
