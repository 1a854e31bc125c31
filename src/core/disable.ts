/**
 * Edits that insert `star-lint-disable` comments, so every host writes the same comment.
 */
import type { TextEdit } from './model';
import { LineIndex } from './text';

/**
 * The edit that turns `ruleId` off for one line (`scope: 'line'`, a comment on the line before) or for
 * the rest of the file (`scope: 'file'`, a comment after the front matter).
 */
export function disableEdit(text: string, line: number, ruleId: string, scope: 'line' | 'file'): TextEdit {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  // A comment inside the front matter would break its YAML: turn the rule off for the file instead.
  if (scope === 'line' && !insideFrontMatter(lines, line)) {
    const l = Math.max(0, Math.min(line, lines.lineCount - 1));
    const indent = /^[ \t>]*/.exec(lines.lineText(l))?.[0] ?? '';
    const pos = { line: l, character: 0 };
    return { range: { start: pos, end: pos }, newText: `${indent}<!-- star-lint-disable-next-line ${ruleId} -->${eol}` };
  }
  // After the front matter, if any, else at the top.
  let at = 0;
  if (/^\uFEFF?---[ \t]*$/.test(lines.lineText(0))) {
    for (let l = 1; l < lines.lineCount; l++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lines.lineText(l))) {
        at = l + 1;
        break;
      }
    }
  }
  if (at >= lines.lineCount) {
    const end = { line: lines.lineCount - 1, character: lines.lineText(lines.lineCount - 1).length };
    return { range: { start: end, end }, newText: `${eol}<!-- star-lint-disable ${ruleId} -->` };
  }
  const pos = { line: at, character: 0 };
  return { range: { start: pos, end: pos }, newText: `<!-- star-lint-disable ${ruleId} -->${eol}` };
}

function insideFrontMatter(lines: LineIndex, line: number): boolean {
  if (!/^\uFEFF?---[ \t]*$/.test(lines.lineText(0))) return false;
  for (let l = 1; l < lines.lineCount; l++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines.lineText(l))) return line <= l;
  }
  return false;
}
