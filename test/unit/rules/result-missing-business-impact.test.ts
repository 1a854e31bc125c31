import { cases } from './_table';

describe('result-missing-business-impact', () => {
  cases('result-missing-business-impact', [
    { name: 'a purely technical delta', steps: { result: 'Duplicate drops in the ledger fell from 4% to 0.1%. The payments team adopted my retry test.' }, fires: true, section: 'result' },
    { name: 'memory and latency only', steps: { result: 'Heap usage fell from 900 MB to 200 MB and p99 from 2 s to 300 ms. The payments team adopted the check.' }, fires: true },
    { name: 'a count of code artefacts', steps: { result: 'Open dedupe bugs went from 12 to 0. Two other teams reused my retry test.' }, fires: true },
    { name: 'customers named', steps: { result: 'Late points fell from 4% to 0.1% for members. The payments team adopted my retry test.' }, fires: false },
    { name: 'money saved', steps: { result: 'Duplicate drops fell from 4% to 0.1%, saving about $8,000 a month in goodwill credits. The payments team adopted my retry test.' }, fires: false },
    { name: 'time given back', steps: { result: 'Duplicate drops fell from 4% to 0.1%, which gave the support rota back about 6 hours a week. The payments team adopted my retry test.' }, fires: false },
    { name: 'pages avoided', steps: { result: 'Duplicate drops fell from 4% to 0.1%, and the ledger paged nobody in the next quarter after 5 pages the quarter before. The payments team adopted my retry test.' }, fires: false },
  ]);
});
