/**
 * The same mistakes said in other words, and strong stories that must stay quiet: one table per batch of
 * phrasings written while hardening the rules (see also the per-rule tables).
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core';
import { story } from '../helpers';

const SENIOR = 'question: q\nprinciples: [Ownership]\nlevel: senior';
const probes: Array<[string, string, Record<string, string>, string?]> = [
  ['we-language', '+', { action: 'Me and my teammate dug into the logs. I wrote the fix. I added a test. I verified it.' }],
  ['we-language', '+', { action: 'Along with two colleagues I traced the bug. I wrote the fix. I added a test. I verified it.' }],
  ['we-language', '+', { result: 'As a team we cut late points from 4% to 0.1% for members; the gift team adopted it.' }],
  ['we-language', '-', { result: 'Late points for our members fell from 4% to 0.1%; the gift team adopted it.' }],
  ['we-language', '-', { action: 'I asked "are we sure?" in the review. I wrote the fix. I added a test. I verified it.' }],
  ['few-i-statements', '+', { action: 'Logs got pulled. The bug was found in the dedupe key. A fix went out Tuesday. Tests were added.' }],
  ['few-i-statements', '-', { action: 'First, I pulled logs. Second, I found the dedupe bug.\n\nThird, I wrote a fix; I also added tests.' }],
  ['missing-scope-boundary', '-', { task: 'This was strictly the payments team\'s area and no one requested my help.' }],
  ['missing-scope-boundary', '-', { task: 'Nobody had it on their roadmap, and it was not my team that built the ledger.' }],
  ['missing-scope-boundary', '-', { task: 'It was not part of my job description, but I decided to take it.' }],
  ['missing-scope-boundary', '-', { task: 'No one was assigned to it.' }],
  ['missing-scope-boundary', '-', { task: 'The ledger is maintained by a different org. I took it on without being asked.' }],
  ['missing-scope-boundary', '+', { task: 'I was responsible for the ledger, so I had to find the cause quickly.' }],
  ['missing-scope-boundary', '+', { task: 'It was on my team\'s backlog and I picked it up.' }],
  ['manager-directed', '+', { task: 'My EM wanted me to own the fix even though the ledger was not mine.' }],
  ['manager-directed', '+', { task: 'It wasn\'t mine; I got pulled into it by my skip-level.' }],
  ['manager-directed', '+', { task: 'Not my team; my boss gave me the ticket on Monday.' }],
  ['manager-directed', '+', { task: 'Not my team; I was handed the ticket by my lead.' }],
  ['manager-directed', '+', { task: 'Not my team; my tech lead suggested I take a look.' }],
  ['manager-directed', '-', { task: 'Not my team; nobody assigned it. I told my lead I would take it.' }],
  ['manager-directed', '-', { action: 'I pulled the logs. My manager asked me for an update, and I sent one. I wrote the fix. I verified it.' }],
  ['routing-not-ownership', '+', { action: 'I pulled logs. I found the bug. I dropped a note in their Slack channel and left it with them. I checked later.' }],
  ['routing-not-ownership', '+', { action: 'I pulled logs. I found the bug. I raised a Jira for the payments team. I checked later.' }],
  ['routing-not-ownership', '+', { action: 'I pulled logs. I found the bug. I let their on-call know and they sorted it. I checked later.' }],
  ['routing-not-ownership', '+', { action: 'I pulled logs. I found the bug. I handed it over to the ledger owners. I checked later.' }],
  ['routing-not-ownership', '-', { action: 'I pulled logs. I found the bug. I emailed their lead the patch I had written and a test. I checked later.' }],
  ['routing-not-ownership', '-', { action: 'I pulled logs. I found the bug. I told the on-call engineer what I had found while I wrote the fix. I checked later.' }],
  ['unquantified-result', '+', { result: 'Members got their points on time again and support was relieved. The gift team adopted my test.' }],
  ['unquantified-result', '-', { result: 'Late points dropped from roughly four in a hundred orders to nearly none.' }],
  ['unquantified-result', '-', { result: 'Tickets dropped by two thirds and the gift team adopted my test.' }],
  ['unquantified-result', '-', { result: 'Latency went down 40 per cent for members.' }],
  ['vague-result', '+', { result: 'Members got points on time. Overall it was a great outcome and the feedback was very positive.' }],
  ['vague-result', '+', { result: 'Members got points on time. Stakeholders were delighted with the result.' }],
  ['vague-result', '+', { result: 'Members got points on time. The whole process became a lot smoother.' }],
  ['vague-result', '-', { result: 'Complaints dropped by 90%, and members were happy: the app rating rose from 3.9 to 4.4.' }],
  ['generic-reflection', '+', { reflection: 'I realised how important it is to collaborate with other teams and to communicate early and often.' }],
  ['generic-reflection', '+', { reflection: 'This experience taught me to always be proactive and to never give up when things get hard.' }],
  ['generic-reflection', '+', { reflection: 'I learned a lot from this project about working under pressure and managing my time well.' }],
  ['generic-reflection', '-', { reflection: 'Retries looked like fraud to the ledger because the id meant two things, so I now name what an id identifies in every API I design.' }],
  ['result-missing-business-impact', '+', { result: 'Dedupe misses went from 4% to 0.1% and the code is simpler. The gift team adopted my test.' }],
  ['result-missing-second-order-effect', '-', { result: 'Late points fell from 4% to 0.1%. My replay tool is now used by three other squads.' }],
  ['result-missing-second-order-effect', '-', { result: 'Late points fell from 4% to 0.1%. Other teams now use my replay tool before each release.' }],
  ['result-missing-second-order-effect', '+', { result: 'Late points fell from 4% to 0.1% for members, saving $3k a month.' }],

  ['missing-scope-boundary', '-', { task: 'It was the SRE team\'s problem really, but the pages were waking my team up.' }],
  ['missing-scope-boundary', '-', { task: 'The code was someone else\'s and I had no obligation to touch it.' }],
  ['missing-scope-boundary', '-', { task: 'This fell outside what I was hired to do, and no one expected it from me.' }],
  ['missing-scope-boundary', '-', { task: 'I volunteered to dig in, since the ledger had no owner after the reorg.' }],
  ['missing-scope-boundary', '-', { task: 'Nobody told me to, and the payments people had other priorities.' }],
  ['missing-scope-boundary', '-', { task: 'The bug was not in my component and was never ticketed.' }],
  ['missing-scope-boundary', '-', { task: 'Technically the ledger team should fix it, not me.' }],
  ['missing-scope-boundary', '+', { task: 'I had never owned a migration before, so I read the runbook first.' }],
  ['missing-scope-boundary', '+', { task: 'As the on-call engineer that week, I needed to stop the pages.' }],
  ['missing-scope-boundary', '+', { task: 'I didn\'t know the ledger code, so I asked a colleague for a tour.' }],
  ['unquantified-result', '+', { result: 'Deploys went from hours to minutes and members were served faster. The gift team adopted the test.' }],
  ['unquantified-result', '-', { result: 'Deploys went from three hours to twenty minutes for the member app. The gift team adopted the test.' }],
  ['unquantified-result', '-', { result: 'Late points went down by ninety-five percent for members.' }],
  ['unquantified-result', '-', { result: '- Late points: 4% → 0.1%\n- Tickets: −300/month\n- Adopted by the gift team' }],
  ['vague-result', '+', { result: 'Late points stopped. Members were very satisfied and the team felt proud.' }],
  ['vague-result', '+', { result: 'Late points stopped. The situation improved significantly for members.' }],
  ['vague-result', '-', { result: 'Late points stopped. Members who had complained got a note and a 500-point credit.' }],
  ['generic-reflection', '+', { reflection: 'I learned that it is important to keep all stakeholders aligned and informed throughout a project.' }],
  ['generic-reflection', '+', { reflection: 'My key learning was to trust the process and to believe in my own ideas more often.' }],
  ['generic-reflection', '+', { reflection: 'Going forward I will communicate more proactively with other teams and escalate risks earlier.' }],
  ['generic-reflection', '-', { reflection: 'Dedupe keys are contracts: the request id was never meant to survive a retry, so I now check what a key means before I reuse it.' }],
  ['generic-reflection', '-', { reflection: 'I had assumed the ledger logged retries; it did not, so I now read the write path before I trust a duplicate count.' }],
  ['reflection-below-level', '+', { reflection: 'A retry that changes its id is a new request to the server, so I now test retries with a slow network in every client I touch.' }, SENIOR],
  ['reflection-below-level', '-', { reflection: 'The ledger and app teams each assumed the other handled retries, because no one owned the interface; I now set an owner for every cross-team contract.' }, SENIOR],
  ['reflection-below-level', '-', { reflection: 'Our incentives rewarded shipping features over fixing shared plumbing, so I pushed for a quarterly reliability budget.' }, SENIOR],
  ['few-i-statements', '+', { action: 'Ana and Raj pulled the logs. Then the payments team ran a replay. I reviewed their findings. The fix shipped on Friday.' }],
  ['few-i-statements', '-', { action: 'Pulled a week of logs; grouped them by channel. Found the retry being dropped. Wrote the dedupe fix plus a test. Checked the backlog cleared.' }],
  ['we-language', '-', { action: 'I pulled logs. I found the retry drop — the kind of bug that hurts us all. I wrote the fix. I verified it.' }],
  ['routing-not-ownership', '+', { action: 'I pulled logs. I found the retry drop. I wrote up the issue and passed it to the ledger team to fix. I verified it later.' }],
  ['routing-not-ownership', '+', { action: 'I pulled logs. I found the retry drop. After I reported it, the ledger engineers patched it. I verified it later.' }],
  ['routing-not-ownership', '-', { action: 'I pulled logs. I found the retry drop. I reported my findings in the postmortem, along with the fix I had merged. I verified it later.' }],
  ['manager-directed', '+', { task: 'The ledger was not mine. During planning my lead assigned me the late points bug.' }],
  ['manager-directed', '+', { task: 'The ledger was not mine, but I was requested by my director to investigate.' }],
  ['manager-directed', '-', { task: 'The ledger was not mine and no manager had assigned it; I chose to take it.' }],
  ['we-language', '-', { action: 'I got everyone together in one room. I wrote the fix. I added a test. I verified it.' }],
  ['routing-not-ownership', '-', { action: 'I pulled logs. I found the retry drop. I informed their lead before merging my fix. I verified it later.' }],
  ['generic-reflection', '+', { reflection: 'From this I learned that communicate early with every stakeholder is very important for any project.' }],
  ['generic-reflection', '-', { reflection: 'The retry id is critical to the ledger, so I now check what a dedupe key identifies before I trust a duplicate count.' }],
  ['we-language', '-', { task: 'The ledger was not mine and nobody asked, but I wanted a ledger we could trust again.' }],
  ['we-language', '+', { task: 'The ledger was not mine and nobody asked, so we could finally fix the retries.' }],

  ['manager-directed', '+', { task: 'The ledger was not mine. Fixing it landed on my plate from my EM during planning.' }],
  ['manager-directed', '+', { task: 'The ledger was not mine. The work came to me from my tech lead.' }],
  ['manager-directed', '+', { task: 'The ledger was not mine. I got the ledger work from my manager in March.' }],
  ['manager-directed', '+', { task: 'The ledger was not mine. It was my task for the sprint, set by my EM.' }],
  ['manager-directed', '+', { task: 'The ledger was not mine. My skip-level wanted late points under 1%, so I took it.' }],
  ['manager-directed', '-', { task: 'The ledger was not mine and nobody asked. I got feedback from my manager on my plan.' }],
  ['manager-directed', '-', { action: 'I pulled logs. I found the retry drop. I got approval from my manager to deploy on Friday. I verified it.' }],
  ['manager-directed', '-', { task: 'The ledger was not mine and nobody asked; my manager wanted it left alone, but I took it on anyway.' }],
  ['generic-reflection', '+', { reflection: 'From this late ledger points problem I learned that communication is very important and that teamwork between teams makes everything faster.' }],
  ['generic-reflection', '+', { reflection: 'With the ledger retries, I learned that communication is important above everything else in any project.' }],
  ['generic-reflection', '+', { reflection: 'The key takeaway from the ledger points work was the importance of collaboration across teams for me.' }],
  ['generic-reflection', '-', { reflection: 'Communication mattered less than I thought: the ledger treated each retry as new, so I now check what a dedupe key identifies.' }],
];

describe('phrasings', () => {
  for (const [rule, sign, steps, fm] of probes) {
    const text = Object.values(steps)[0];
    it(`${rule} ${sign === '+' ? 'fires on' : 'stays quiet on'}: ${text.slice(0, 70)}`, () => {
      const found = analyze(story(steps, { frontMatter: fm })).findings.filter((x) => x.ruleId === rule);
      if (sign === '+') assert.ok(found.length > 0, 'expected a finding');
      else assert.deepEqual(found.map((f) => f.message), []);
    });
  }
});
