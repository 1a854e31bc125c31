import { cases } from './_table';

describe('routing-not-ownership', () => {
  cases('routing-not-ownership', [
    { name: '"pinged their channel and they took it from there"', steps: { action: 'I pulled the logs and found the dedupe bug. I pinged their channel and they took it from there. I checked the backlog later.' }, fires: true, section: 'action' },
    { name: '"escalated it and waited"', steps: { action: 'I pulled the logs. I found the dedupe bug. I escalated it to their director and waited for a decision. I checked the backlog later.' }, fires: true },
    { name: '"filed a ticket with the owning team"', steps: { action: 'I pulled the logs. I found the dedupe bug. I filed a ticket with the payments team. I checked the backlog a week later.' }, fires: true },
    { name: '"sent them a message"', steps: { action: 'I pulled the logs. I found the dedupe bug. I sent them a Slack message with the details. I checked the backlog later.' }, fires: true },
    { name: 'a routing answer in Follow-ups', followups: '### Did you fix it yourself?\nI reported it to their on-call, and they handled it.', fires: true, section: 'followups' },
    { name: 'a handoff with the writer\'s own fix in the same sentence', steps: { action: 'I pulled the logs. I found the dedupe bug. I flagged it to their lead and brought a ready-to-merge patch with a test. I verified the backlog.' }, fires: false },
    { name: 'emailing their lead a patch the writer wrote', steps: { action: 'I pulled the logs. I found the dedupe bug. I emailed their lead the patch I had written, with a test. I verified the backlog.' }, fires: false },
    { name: 'reviewing their fix with them', steps: { action: 'I pulled the logs. I found the dedupe bug. I wrote the fix and walked their lead through it. I verified the backlog.' }, fires: false },
    { name: '"waited for the canary" (not a person)', steps: { action: 'I pulled the logs. I found the dedupe bug. I wrote the fix and waited for the canary to finish. I verified the backlog.' }, fires: false },
  ]);
});
