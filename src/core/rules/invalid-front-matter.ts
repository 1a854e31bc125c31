import type { Rule, RawFinding } from './rule';
import { PRINCIPLES, canonicalPrinciple, foldPrinciple } from '../vocabulary';

/** The front matter parses, keys have the right types, the level is known, and principle names are real. */
export const invalidFrontMatter: Rule = {
  id: 'invalid-front-matter',
  description: 'The front matter is valid YAML with known keys, a known level and real principle names.',
  defaultSeverity: 'error',
  graded: true,
  check({ doc }) {
    const out: RawFinding[] = [];
    if (doc.fenceProblem) out.push({ ...doc.fenceProblem, section: 'frontmatter' });
    const fm = doc.frontMatter;
    if (!fm) return out;
    for (const p of fm.problems) out.push({ start: p.start, end: p.end, message: p.message, section: 'frontmatter' });
    fm.principles.forEach((name, i) => {
      if (canonicalPrinciple(name)) return;
      const span = fm.principleSpans[i];
      const nearest = nearestPrinciple(name);
      out.push({
        start: span.start,
        end: span.end,
        section: 'frontmatter',
        severity: 'warning',
        message: nearest
          ? `"${name}" is not a Leadership Principle; did you mean "${nearest}"?`
          : `"${name}" is not a Leadership Principle: name one of Amazon's sixteen so the right lens applies.`,
        ...(nearest ? { fix: { title: `Change to "${nearest}"`, edits: [{ range: doc.range(span.start, span.end), newText: nearest }] } } : {}),
      });
    });
    return out;
  },
};

/** The principle whose name (or alias) is closest to `name`, when it is close enough to be a typo. */
export function nearestPrinciple(name: string): string | undefined {
  const folded = foldPrinciple(name);
  let best: { name: string; d: number } | undefined;
  for (const p of PRINCIPLES) {
    for (const candidate of [p.name, ...p.aliases]) {
      const c = foldPrinciple(candidate);
      let d = editDistance(folded, c);
      // A name that is the start of a principle ("Customer Obsess") is close too.
      if (c.startsWith(folded) && folded.length >= 6) d = Math.min(d, 1);
      if (!best || d < best.d) best = { name: p.name, d };
    }
  }
  if (!best) return undefined;
  return best.d <= Math.max(2, Math.floor(folded.length / 4)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 12) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
