/**
 * Hover on a step heading: what the bar wants in that step (core's STEP_GUIDANCE), with its spoken time.
 */
import * as vscode from 'vscode';
import { STEP_GUIDANCE, stepLabel } from '../core';
import type { AnalysisCache } from './diagnostics';
import { formatSeconds } from './timeHints';

/** Shows the guidance of the step whose heading is under the pointer. */
export class StepHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.cache.get(document);
    const { doc } = analysis;
    for (const section of doc.sections) {
      if (!section.kind) continue;
      const r = doc.range(section.headingStart, section.headingEnd);
      if (position.line !== r.start.line) continue;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${stepLabel(section.kind)}**`);
      const report = analysis.steps.find((s) => s.step === section.kind);
      if (report) md.appendMarkdown(` · ≈ ${formatSeconds(report.seconds)} spoken, target ${formatSeconds(report.targetSeconds)}`);
      md.appendMarkdown('\n\n');
      // appendText would turn every space into &nbsp; and stop the paragraph from wrapping.
      md.appendMarkdown(escapeMarkdown(STEP_GUIDANCE[section.kind]));
      return new vscode.Hover(md, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
    }
    return undefined;
  }
}

/** Escapes Markdown syntax so plain text shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
