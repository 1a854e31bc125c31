import { cases } from './_table';

describe('generic-reflection', () => {
  cases('generic-reflection', [
    { name: 'communication is important', steps: { reflection: 'I learned that communication is important and that I should keep everyone informed in future projects.' }, fires: true, section: 'reflection' },
    { name: 'a short slogan', steps: { reflection: 'Always test retries.' }, fires: true },
    { name: 'teamwork', steps: { reflection: 'The biggest lesson for me was the value of teamwork and asking for help when I am stuck on something hard.' }, fires: true },
    { name: 'staying in the loop', steps: { reflection: 'Next time I would keep stakeholders in the loop earlier, since that matters more than the technical detail.' }, fires: true },
    { name: 'a story-specific insight', steps: { reflection: 'A dedupe key that includes the request id treats every retry as new, so I now check what a key identifies before I trust a dedupe.' }, fires: false },
    { name: 'communication tied to this story', steps: { reflection: 'The ledger and the app never wrote down who owns a retry, so I now put retry semantics in the contract before two services share an id.' }, fires: false },
  ]);
});
