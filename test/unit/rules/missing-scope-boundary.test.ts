import { cases } from './_table';

const ASSIGNED = 'I started looking into the ledger because points were late.';

describe('missing-scope-boundary', () => {
  cases('missing-scope-boundary', [
    { name: 'a Task that jumps to investigating', steps: { task: ASSIGNED }, fires: true, section: 'task' },
    { name: 'a Task that restates the goal', steps: { task: 'My goal was to get points to members on time before the holiday promotion.' }, fires: true },
    { name: 'no Task: reported on the Situation', steps: { task: null, situation: 'Reward points for mobile orders arrived two days late for 4% of members.' }, fires: true, section: 'situation' },
    { name: 'no principles named', frontMatter: 'question: Tell me about a bug you fixed', steps: { task: ASSIGNED }, fires: true },
    { name: '"wasn\'t on my team\'s plate"', steps: { task: "The ledger wasn't on my team's plate. I wanted points on time." }, fires: false },
    { name: 'belonged to another team', steps: { task: 'The ledger belonged to the payments group. I wanted points on time.' }, fires: false },
    { name: 'no ticket', steps: { task: 'There was no ticket for the late points, so I picked them up.' }, fires: false },
    { name: 'nobody had asked', steps: { task: 'No one had asked me to look at the ledger, but the tickets bothered me.' }, fires: false },
    { name: 'own initiative', steps: { task: 'I took it on, on my own initiative, because the Monday tickets kept growing.' }, fires: false },
    { name: 'outside my remit', steps: { task: 'The ledger sat outside my remit as a loyalty engineer. I wanted points on time.' }, fires: false },
    { name: 'a principle outside the ownership family', frontMatter: 'question: Tell me about a time you learned fast\nprinciples: [Learn and Be Curious]', steps: { task: ASSIGNED }, fires: false },
    { name: 'an unknown principle name (still named)', frontMatter: 'question: q\nprinciples: [Curiosity]', steps: { task: ASSIGNED }, fires: false },
  ]);
});
