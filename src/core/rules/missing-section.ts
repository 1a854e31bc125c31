import type { StepName } from '../model';
import { STEPS } from '../model';
import type { Rule } from './rule';
import { STEP_SKELETON, stepLabel } from '../vocabulary';

/** Every step of STAR plus Reflection needs its own level-2 heading. */
export const missingSection: Rule = {
  id: 'missing-section',
  description: 'Each step (Situation, Task, Action, Result, Reflection) has its own level-2 heading.',
  defaultSeverity: 'error',
  graded: true,
  check({ doc }) {
    const eol = doc.lines.eol;
    // Line feeds in the white space that ends the file (what /\n\s*$/ and /\n\s*\n\s*$/ asked, without their
    // backtracking, which was cubic in a long run of blank lines).
    const trailing = doc.text.slice(doc.text.trimEnd().length);
    const endBreaks = trailing.length - trailing.replaceAll('\n', '').length;
    return STEPS.filter((step) => !doc.step(step)).map((step) => {
      // The skeleton goes before the next step that is present, else after the last step, else at the end.
      const next = STEPS.slice(STEPS.indexOf(step) + 1).map((s) => doc.step(s)).find((s) => s);
      const followups = doc.step('followups');
      const before = next ?? followups;
      const at = before ? before.headingStart : doc.text.length;
      const atEnd = !before;
      const needsLead = atEnd && doc.text.length > 0 && endBreaks < 1 ? eol + eol : atEnd && doc.text.length > 0 && endBreaks < 2 ? eol : '';
      // Appending after an unclosed code fence would land inside the code: close it first.
      const closer = doc.unclosedFence ?? (doc.unclosedComment ? '-->' : undefined);
      const closeFence = atEnd && closer ? `${endBreaks >= 1 ? '' : eol}${closer}${eol}${eol}` : '';
      const newText = `${closeFence || needsLead}## ${stepLabel(step)}${eol}${STEP_SKELETON[step as StepName]}${eol}${atEnd ? '' : eol}`;
      const anchor = before ? { start: before.headingStart, end: before.headingEnd } : firstLine(doc.text);
      const pos = doc.lines.positionAt(at);
      return {
        start: anchor.start,
        end: anchor.end,
        section: step,
        severity: step === 'reflection' ? 'warning' : 'error',
        message: messageFor(step),
        fix: { title: `Add a ${stepLabel(step)} step`, edits: [{ range: { start: pos, end: pos }, newText }] },
      };
    });
  },
};

function firstLine(text: string): { start: number; end: number } {
  const nl = text.search(/\r?\n|\r/);
  return { start: 0, end: nl < 0 ? text.length : nl };
}

function messageFor(step: StepName): string {
  switch (step) {
    case 'situation':
      return 'No `## Situation`: open with the problem and why it mattered, in two or three sentences.';
    case 'task':
      return 'No `## Task`: say whose problem this was and that nobody asked you to take it on, or the interviewer assumes it was assigned.';
    case 'action':
      return 'No `## Action`: this is the heart of the answer; say what you did, one "I + verb" step per sentence.';
    case 'result':
      return 'No `## Result`: give the metric before and after, what it meant for customers or money, and who adopted it.';
    case 'reflection':
      return 'No `## Reflection`: end with what this story taught you that you now do differently.';
  }
}
