/**
 * Folding for stories: the front matter, each `##` section and each Follow-ups `###` probe, from the
 * ranges core's parser already computed. (A `*.star.md` file is not the `markdown` language, so Markdown's
 * own folding does not apply.)
 */
import * as vscode from 'vscode';
import type { AnalysisCache } from './diagnostics';

/** Folds front matter, sections and probes. */
export class StoryFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const { doc } = this.cache.get(document);
    const out: vscode.FoldingRange[] = [];
    const lineOf = (offset: number): number => doc.lines.positionAt(offset).line;
    /** The last line of a block ending at `end`, not counting trailing blank lines. */
    const lastLine = (start: number, end: number): number => {
      let line = lineOf(Math.max(start, end - 1));
      while (line > lineOf(start) && document.lineAt(line).isEmptyOrWhitespace) line--;
      return line;
    };
    const fm = doc.frontMatter;
    if (fm) out.push(new vscode.FoldingRange(lineOf(fm.start), lineOf(Math.max(fm.start, fm.end - 1))));
    for (const s of doc.sections) {
      const first = lineOf(s.headingStart);
      const last = lastLine(s.headingStart, s.bodyEnd);
      if (last > first) out.push(new vscode.FoldingRange(first, last));
      for (const p of s.probes) {
        const pf = lineOf(p.headingStart);
        const pl = lastLine(p.headingStart, p.answerEnd);
        if (pl > pf) out.push(new vscode.FoldingRange(pf, pl));
      }
    }
    return out;
  }
}
