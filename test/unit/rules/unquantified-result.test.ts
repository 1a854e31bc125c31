import { cases } from './_table';

const ADOPT = ' The payments team adopted my retry test.';
describe('unquantified-result', () => {
  cases('unquantified-result', [
    { name: 'a Result with no number', steps: { result: 'Late points stopped, members stopped writing in, and support had a quieter Monday.' + ADOPT }, fires: true, section: 'result' },
    { name: 'a p99 name without an amount', steps: { result: 'The p99 latency of the ledger improved and members got points on time.' + ADOPT }, fires: true },
    { name: 'a year is not a quantity', steps: { result: 'Since 2023 points have arrived on time for members.' + ADOPT }, fires: true },
    { name: '"cut the error rate in half"', steps: { result: 'The fix cut the late-points rate in half for members.' + ADOPT }, fires: false },
    { name: 'numbers in words', steps: { result: 'Late points went from forty a day to none, and members stopped calling.' + ADOPT }, fires: false },
    { name: 'a multiplier', steps: { result: 'The ledger now handles 3x the retries, and members get points on time.' + ADOPT }, fires: false },
    { name: 'money', steps: { result: 'Support saved about $2k a month on member calls.' + ADOPT }, fires: false },
    { name: '"a third"', steps: { result: 'Member complaints fell by a third in the first month.' + ADOPT }, fires: false },
  ]);
});
