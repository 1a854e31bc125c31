import { cases } from './_table';

describe('result-missing-second-order-effect', () => {
  cases('result-missing-second-order-effect', [
    { name: 'a Result that stops at the fix', steps: { result: 'Late points fell from 4% to 0.1%, and support tickets dropped by 300 a month.' }, fires: true, section: 'result' },
    { name: 'a Result about my own team only', steps: { result: 'Late points fell from 4% to 0.1% for members, and my team kept the dashboard.' }, fires: true },
    { name: 'money alone', steps: { result: 'Late points fell to 0.1%, saving $5,000 a month in member credits.' }, fires: true },
    { name: 'another team adopted it', steps: { result: 'Late points fell from 4% to 0.1% for members. The gift-card team picked up my retry test for their own writer.' }, fires: false },
    { name: 'it became the default', steps: { result: 'Late points fell from 4% to 0.1% for members, and the retry test became the default in the ledger template.' }, fires: false },
    { name: 'rolled out to other services', steps: { result: 'Late points fell from 4% to 0.1% for members, and I rolled the dedupe key out across the other 6 services.' }, fires: false },
    { name: 'a runbook changed', steps: { result: 'Late points fell from 4% to 0.1% for members, and the on-call runbook now starts with my replay script.' }, fires: false },
  ]);
});
