/**
 * Fix-all as a pure function: every fix the rules offer, applied in rounds until the text stops changing,
 * and the smallest single edit between two texts (so an editor replaces only what changed).
 */
import { analyze, applyFixes } from './engine';
import type { StarConfig, TextEdit } from './model';
import { LineIndex } from './text';

/** At most this many rounds of fixes: one fix (an inserted step) can make a finding another round fixes. */
export const FIX_ALL_PASSES = 3;

/**
 * Applies every fix the core offers, up to `maxPasses` rounds, until the text stops changing; returns the new
 * text and how many fixes went in.
 */
export function fixAllText(text: string, config: Partial<StarConfig>, maxPasses = FIX_ALL_PASSES): { text: string; fixes: number } {
  let current = text;
  let fixes = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixable = analyze(current, { config }).findings.filter((f) => f.fix);
    if (!fixable.length) break;
    const next = applyFixes(current, fixable);
    if (next === current) break;
    fixes += fixable.length;
    current = next;
  }
  return { text: current, fixes };
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept), or undefined when equal. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a CRLF pair or a surrogate pair.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  while (endB < before.length && (isLowSurrogate(before.charCodeAt(endB)) || (before[endB] === '\n' && before[endB - 1] === '\r'))) {
    endB++;
    endA++;
  }
  const lines = new LineIndex(before);
  return { range: lines.range(start, endB), newText: after.slice(start, endA) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
