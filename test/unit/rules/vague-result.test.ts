import { cases } from './_table';

const NUM = 'Late points fell from 4% to 0.1% for members. ';
describe('vague-result', () => {
  cases('vague-result', [
    { name: 'the team was happy', steps: { result: NUM + 'The support team was really happy with it.' }, fires: true, covers: 'was really happy', section: 'result' },
    { name: 'things got much better', steps: { result: NUM + 'Mondays got much better for everyone.' }, fires: true },
    { name: 'a success', steps: { result: NUM + 'The launch was considered a big success by leadership.' }, fires: true },
    { name: 'improved a lot', steps: { result: NUM + 'Member trust improved a lot afterwards.' }, fires: true },
    { name: 'a great outcome with positive feedback', steps: { result: NUM + 'Overall it was a great outcome and the feedback was very positive.' }, fires: true },
    { name: 'an observable outcome without a number', steps: { result: NUM + 'Members stopped writing in about missing points.' }, fires: false },
    { name: 'a feeling attached to a number', steps: { result: 'Members were happier: complaints fell from 300 to 12 a month, and the gift-card team adopted my test.' }, fires: false },
    { name: 'a quoted compliment', steps: { result: NUM + 'Their lead wrote "this was a huge win" in the review, and the gift-card team adopted my test.' }, fires: false },
  ]);
});
