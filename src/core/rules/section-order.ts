import type { StepName } from '../model';
import { STEPS } from '../model';
import type { Section } from '../parse';
import { parseStory } from '../parse';
import type { Rule } from './rule';
import { stepLabel } from '../vocabulary';

/** Steps in the order Situation, Task, Action, Result, Reflection. */
export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Steps follow the order Situation, Task, Action, Result, Reflection.',
  defaultSeverity: 'warning',
  graded: true,
  check({ doc }) {
    const seen = new Set<string>();
    const steps: Section[] = [];
    for (const s of doc.sections) {
      if (s.kind && s.kind !== 'followups' && !seen.has(s.kind)) {
        seen.add(s.kind);
        steps.push(s);
      }
    }
    const idx = steps.map((s) => STEPS.indexOf(s.kind as StepName));
    const keep = longestIncreasing(idx);
    if (keep.size === steps.length) return [];
    const fix = reorderFix(doc, steps);
    // Offer the fix only when the reordered text parses back to every step, in order (an unclosed
    // comment or fence inside a moved step would otherwise swallow the steps after it).
    const after = parseStory(applyEdit(doc.text, doc.lines.offsetAt(fix.edits[0].range.start), doc.lines.offsetAt(fix.edits[0].range.end), fix.edits[0].newText));
    const kinds = after.sections.filter((s) => s.kind && s.kind !== 'followups').map((s) => s.kind as StepName);
    const sound = kinds.length >= steps.length && kinds.every((k, i) => i === 0 || STEPS.indexOf(kinds[i - 1]) <= STEPS.indexOf(k));
    return steps
      .filter((_, i) => !keep.has(i))
      .map((s) => ({
        start: s.headingStart,
        end: s.headingEnd,
        section: s.kind as StepName,
        message: `${stepLabel(s.kind as StepName)} is out of place: tell the steps in the order Situation, Task, Action, Result, Reflection so the interviewer can follow.`,
        ...(sound ? { fix } : {}),
      }));
  },
};

/** Indices of one longest strictly increasing subsequence (ties broken toward the earliest). */
function longestIncreasing(a: number[]): Set<number> {
  const len = a.map(() => 1);
  const prev = a.map(() => -1);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < i; j++) {
      if (a[j] < a[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < a.length; i++) if (len[i] > len[best]) best = i;
  const out = new Set<number>();
  for (let i = a.length ? best : -1; i >= 0; i = prev[i]) out.add(i);
  return out;
}

/** One edit that rewrites the span of the steps in the expected order; other sections keep their order after them. */
function reorderFix(doc: import('../parse').StarDocument, steps: Section[]) {
  const start = Math.min(...steps.map((s) => s.headingStart));
  const end = Math.max(...steps.map((s) => s.bodyEnd));
  const inSpan = doc.sections.filter((s) => s.headingStart >= start && s.bodyEnd <= end);
  const eol = doc.lines.eol;
  const piece = (s: Section): string => {
    const t = doc.text.slice(s.headingStart, s.bodyEnd).replace(/\s+$/, '');
    return t + eol + eol;
  };
  const ordered = [
    ...[...steps].sort((a, b) => STEPS.indexOf(a.kind as StepName) - STEPS.indexOf(b.kind as StepName)),
    ...inSpan.filter((s) => !steps.includes(s)),
  ];
  const trailing = /\s*$/.exec(doc.text.slice(start, end))?.[0] ?? '';
  let newText = ordered.map(piece).join('').replace(/\s+$/, '');
  newText += trailing.length ? trailing : '';
  return { title: 'Put the steps in STAR order', edits: [{ range: doc.range(start, end), newText }] };
}

function applyEdit(text: string, start: number, end: number, newText: string): string {
  return text.slice(0, start) + newText + text.slice(end);
}
