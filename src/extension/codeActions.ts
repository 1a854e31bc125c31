/**
 * Code actions for STAR diagnostics: each core fix as a quick fix, "Disable <rule> for this line / file"
 * (core's `disableEdit`), and `source.fixAll.star`. Imports `vscode` for types only; the runtime namespace
 * is handed in, so unit tests run the provider with a small fake.
 */
import type * as vscode from 'vscode';
import { disableEdit, fixAllText, minimalEdit, parseStory } from '../core';
import type { Finding, StarConfig } from '../core';
import type { Converter } from './convert';
import { DIAGNOSTIC_SOURCE } from './convert';

/** The parts of the `vscode` namespace the provider constructs. */
export type CodeActionApi = Pick<typeof vscode, 'CodeAction' | 'CodeActionKind'>;

/** Code action titles (user-facing wording of this layer). */
export const TITLES = {
  disableLine: (ruleId: string): string => `Disable ${ruleId} for this line`,
  disableFile: (ruleId: string): string => `Disable ${ruleId} for this file`,
  fixAll: 'Fix all auto-fixable STAR findings',
};

/** Serves STAR quick fixes and fix-all for `star` documents. */
export class StarCodeActionProvider implements vscode.CodeActionProvider {
  /** The kinds this provider returns, for `registerCodeActionsProvider`'s metadata. */
  readonly metadata: vscode.CodeActionProviderMetadata;
  /** `source.fixAll.star`. */
  readonly fixAllKind: vscode.CodeActionKind;

  constructor(
    private readonly api: CodeActionApi,
    private readonly converter: Converter,
    private readonly config: () => StarConfig,
  ) {
    this.fixAllKind = api.CodeActionKind.SourceFixAll.append('star');
    this.metadata = { providedCodeActionKinds: [api.CodeActionKind.QuickFix, this.fixAllKind] };
  }

  /** Quick fixes for the STAR diagnostics in range, and fix-all when `context.only` asks for it. */
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const only = context.only;
    if (!only || only.contains(this.api.CodeActionKind.QuickFix)) out.push(...this.quickFixes(document, context.diagnostics));
    // Fix-all is a source action: computed only when asked for (Source Action menu, codeActionsOnSave).
    if (only && only.contains(this.fixAllKind)) {
      const action = this.fixAll(document);
      if (action) out.push(action);
    }
    return out;
  }

  /** The `source.fixAll.star` action for a document, or undefined when no fix applies. */
  fixAll(document: vscode.TextDocument): vscode.CodeAction | undefined {
    const before = document.getText();
    const { text } = fixAllText(before, this.config());
    const edit = minimalEdit(before, text);
    if (!edit) return undefined;
    const action = new this.api.CodeAction(TITLES.fixAll, this.fixAllKind);
    action.edit = this.converter.workspaceEdit(document.uri, [edit]);
    return action;
  }

  private quickFixes(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const fixes: vscode.CodeAction[] = [];
    const disables = new Map<string, vscode.CodeAction>();
    let text: string | undefined;
    let frontMatter: { first: number; last: number } | null | undefined;
    const disable = (key: string, title: string, finding: Finding, scope: 'line' | 'file', diagnostic: vscode.Diagnostic): void => {
      const existing = disables.get(key);
      if (existing) {
        existing.diagnostics?.push(diagnostic);
        return;
      }
      const action = new this.api.CodeAction(title, this.api.CodeActionKind.QuickFix);
      action.edit = this.converter.workspaceEdit(document.uri, [disableEdit(text ?? '', finding.range.start.line, finding.ruleId, scope)]);
      action.diagnostics = [diagnostic];
      disables.set(key, action);
    };
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.converter.findingOf(diagnostic);
      if (!finding) continue;
      if (finding.fix && finding.fix.edits.length) {
        const action = new this.api.CodeAction(finding.fix.title, this.api.CodeActionKind.QuickFix);
        action.edit = this.converter.workspaceEdit(document.uri, finding.fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        fixes.push(action);
      }
      text ??= document.getText();
      if (frontMatter === undefined) frontMatter = frontMatterLines(text);
      const line = finding.range.start.line;
      // A comment inside the YAML front matter would break it: there, only the file-wide comment is offered.
      const inFrontMatter = frontMatter !== null && line >= frontMatter.first && line <= frontMatter.last;
      if (!inFrontMatter) disable(`${finding.ruleId}:line:${line}`, TITLES.disableLine(finding.ruleId), finding, 'line', diagnostic);
      disable(`${finding.ruleId}:file`, TITLES.disableFile(finding.ruleId), finding, 'file', diagnostic);
    }
    return [...fixes, ...disables.values()];
  }
}

/** The lines of the front matter block (fences included), as the core parser sees it, or null when there is none. */
function frontMatterLines(text: string): { first: number; last: number } | null {
  const doc = parseStory(text);
  const fm = doc.frontMatter ?? doc.fenceProblem;
  if (!fm) return null;
  return { first: doc.lines.positionAt(fm.start).line, last: doc.lines.positionAt(Math.max(fm.start, fm.end - 1)).line };
}
