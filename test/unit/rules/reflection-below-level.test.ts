import { cases } from './_table';

const SENIOR = 'question: q\nprinciples: [Ownership]\nlevel: senior';
const TECH = 'A dedupe key that includes the request id treats every retry as new, so I now check what a key identifies before trusting it.';
describe('reflection-below-level', () => {
  cases('reflection-below-level', [
    { name: 'a senior story with a technical lesson only', frontMatter: SENIOR, steps: { reflection: TECH }, fires: true, section: 'reflection' },
    { name: 'a senior story with a personal habit only', frontMatter: SENIOR, steps: { reflection: 'I now read the retry path of any client before I touch a server that it calls, because the bug hid there.' }, fires: true },
    { name: 'a senior story blaming a person', frontMatter: SENIOR, steps: { reflection: 'The engineer who wrote the ledger missed the retry case, and I now review that kind of change more carefully.' }, fires: true },
    { name: 'an ownership gap', frontMatter: SENIOR, steps: { reflection: 'Nobody owned the contract between app and ledger, so I now name an owner for retry semantics before two services share an id.' }, fires: false },
    { name: 'incentives', frontMatter: SENIOR, steps: { reflection: 'Each team was rewarded for its own error rate, so nobody looked between services; I now add cross-team checks to our planning.' }, fires: false },
    { name: 'an sde2 story with a technical lesson', frontMatter: 'question: q\nprinciples: [Ownership]\nlevel: sde2', steps: { reflection: TECH }, fires: false },
  ]);
});
