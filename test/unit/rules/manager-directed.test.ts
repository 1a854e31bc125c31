import { cases } from './_table';

describe('manager-directed', () => {
  cases('manager-directed', [
    { name: '"my manager asked me to"', steps: { task: 'My manager asked me to find out why points were late, though the ledger was not mine.' }, fires: true, section: 'task' },
    { name: '"my lead had me look into it"', steps: { task: 'The ledger was not my team\'s, but my lead had me look into it.' }, fires: true, covers: 'my lead had me' },
    { name: '"I was assigned"', steps: { task: 'The ledger was not mine; I was assigned the late-points ticket in sprint planning.' }, fires: true },
    { name: '"my director put me on it"', steps: { task: 'No ticket existed until my director put me on it after the complaints.' }, fires: true },
    { name: '"I was told to"', steps: { action: 'I was told to pull the logs first. I found the dedupe bug. I wrote the fix. I verified the backlog.' }, fires: true, section: 'action' },
    { name: '"nobody asked me to"', steps: { task: 'Nobody asked me to look at the ledger, and it was not my team\'s.' }, fires: false },
    { name: '"I told my manager" (the writer acts)', steps: { action: 'I pulled the logs. I found the dedupe bug. I wrote the fix and told my manager once it shipped. I verified the backlog.' }, fires: false },
    { name: 'a manager asking a question', steps: { action: 'I pulled the logs. My manager asked me why it took a week, and I showed her the replay. I wrote the fix. I verified the backlog.' }, fires: false },
    { name: 'a manager asking for an update', steps: { action: 'I pulled the logs. My manager asked me for an update, and I sent one. I wrote the fix. I verified the backlog.' }, fires: false },
    { name: 'a quote from the manager', steps: { task: 'The ledger was not mine. My manager only said, "Let me know what you find."' }, fires: false },
  ]);
});
