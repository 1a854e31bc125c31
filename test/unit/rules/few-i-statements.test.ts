import { cases } from './_table';

describe('few-i-statements', () => {
  cases('few-i-statements', [
    { name: 'an Action told in the passive', steps: { action: 'The logs were pulled for a week. A fix was written for the dedupe key. A test was added. The backlog was verified after the deploy.' }, fires: true, section: 'action' },
    { name: 'an Action about other people', steps: { action: 'Priya pulled the logs. The payments team found the dedupe bug. Their lead wrote the fix. I reviewed it.' }, fires: true },
    { name: 'only two steps with the writer as actor', steps: { action: 'I pulled the logs. I wrote the fix.' }, fires: true },
    { name: 'a terse bullet list of verbs', steps: { action: '- Pulled a week of late ledger entries\n- Reproduced the dropped retry in staging\n- Wrote the dedupe fix and a retry test\n- Verified the backlog cleared' }, fires: false },
    { name: 'I-statements with an introductory phrase', steps: { action: 'After the Monday spike, I pulled the logs. Within a day I found the dedupe bug. Then I wrote the fix and a test. Finally I verified the backlog.' }, fires: false },
    { name: 'mostly I with one sentence about a colleague', steps: { action: 'I pulled the logs. Priya shared the staging replay tool. I found the dedupe bug. I wrote the fix and a test.' }, fires: false },
  ]);
});
