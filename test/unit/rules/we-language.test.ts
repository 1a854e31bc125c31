import { cases } from './_table';

describe('we-language', () => {
  cases('we-language', [
    { name: '"we" as the actor in the Action', steps: { action: 'We dug through the ledger logs for a week. I wrote the fix. I added a test. I verified the backlog.' }, fires: true, covers: 'We', section: 'action' },
    { name: '"the team and I"', steps: { action: 'The team and I split the ledger work. I wrote the fix. I added a test. I verified the backlog.' }, fires: true, covers: 'The team and I' },
    { name: 'a count of "us" as the subject', steps: { action: 'The three of us paired on the replay tool. I wrote the fix. I added a test. I verified the backlog.' }, fires: true, covers: 'The three of us' },
    { name: '"our fix" claiming the work', steps: { result: 'Our fix cut late points from 4% to 0.1%, and support tickets fell by 300 a month; the payments team adopted the retry test.' }, fires: true, covers: 'Our fix', section: 'result' },
    { name: '"together" as joint action', steps: { action: 'I traced it together with the on-call engineer. I wrote the fix. I added a test. I verified the backlog.' }, fires: true, covers: 'together with the on-call engineer' },
    { name: "we'd / we've contractions", steps: { task: "The ledger wasn't mine, but we'd all seen the tickets and nobody had asked me to look." }, fires: true, covers: "we'd", section: 'task' },
    { name: 'answers under Follow-ups', followups: '### Who wrote the patch?\nWe wrote it over a weekend.', fires: true, section: 'followups' },
    { name: '"me and my teammate" as the subject', steps: { action: 'Me and my teammate split the replay work. I wrote the fix. I added a test. I verified the backlog.' }, fires: true },
    { name: '"along with two colleagues"', steps: { action: 'Along with two colleagues I traced the retries. I wrote the fix. I added a test. I verified the backlog.' }, fires: true },
    { name: '"our customers" and "our company"', steps: { result: 'Late points fell from 4% to 0.1% for our customers, which our company counted as 300 fewer tickets a month. The payments team adopted my retry test.' }, fires: false },
    { name: 'quoted dialogue', steps: { action: 'I asked their lead, "Can we ship this on Friday?" and she agreed. I wrote the fix. I added a test. I verified the backlog.' }, fires: false },
    { name: '"put together" a dashboard', steps: { action: 'I put together a dashboard of late entries. I wrote the fix. I added a test. I verified the backlog.' }, fires: false },
    { name: '"we" in the Situation (context, not credit)', steps: { situation: 'We ran a loyalty program for a coffee chain, and 4% of points arrived two days late.' }, fires: false },
    { name: '"we" inside inline code', steps: { action: 'I renamed the `we_retry` flag. I wrote the fix. I added a test. I verified the backlog.' }, fires: false },
  ]);
});
