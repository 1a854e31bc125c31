/**
 * The only mapping between core data and VS Code types. It imports `vscode` for types only and is handed
 * the runtime namespace, so unit tests run it in plain node with a small fake.
 */
import type * as vscode from 'vscode';
import type { Finding, Position, Range, Severity, TextEdit } from '../core';

/** The parts of the `vscode` namespace the converter constructs. */
export type ConvertApi = Pick<typeof vscode, 'Position' | 'Range' | 'Diagnostic' | 'DiagnosticSeverity' | 'Uri' | 'TextEdit' | 'WorkspaceEdit'>;

/** The diagnostic `source` every STAR finding carries. */
export const DIAGNOSTIC_SOURCE = 'star';

/** Converts between core findings, ranges and edits and VS Code's types; remembers which finding made each diagnostic. */
export interface Converter {
  position(p: Position): vscode.Position;
  range(r: Range): vscode.Range;
  /** A VS Code range as a core range. */
  coreRange(r: vscode.Range): Range;
  severity(s: Severity): vscode.DiagnosticSeverity;
  /** The bundled page that explains a rule: `docs/rules/<id>.md` inside the extension. */
  ruleDocUri(ruleId: string): vscode.Uri;
  /** A diagnostic for a finding (source `star`, code = rule id with its doc as target). */
  diagnostic(finding: Finding): vscode.Diagnostic;
  /** The finding a diagnostic was made from, if this converter made it. */
  findingOf(diagnostic: vscode.Diagnostic): Finding | undefined;
  textEdit(edit: TextEdit): vscode.TextEdit;
  /** A workspace edit applying core edits to one document. */
  workspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit;
}

/** Creates the converter; `extensionUri` locates the bundled rule docs. */
export function createConverter(api: ConvertApi, extensionUri: vscode.Uri): Converter {
  const findings = new WeakMap<vscode.Diagnostic, Finding>();
  const severities: Record<Severity, vscode.DiagnosticSeverity> = {
    error: api.DiagnosticSeverity.Error,
    warning: api.DiagnosticSeverity.Warning,
    info: api.DiagnosticSeverity.Information,
    hint: api.DiagnosticSeverity.Hint,
  };
  const docUris = new Map<string, vscode.Uri>();
  const position = (p: Position): vscode.Position => new api.Position(p.line, p.character);
  const range = (r: Range): vscode.Range => new api.Range(position(r.start), position(r.end));
  const ruleDocUri = (ruleId: string): vscode.Uri => {
    let uri = docUris.get(ruleId);
    if (!uri) {
      uri = api.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
      docUris.set(ruleId, uri);
    }
    return uri;
  };
  const textEdit = (e: TextEdit): vscode.TextEdit => new api.TextEdit(range(e.range), e.newText);
  return {
    position,
    range,
    coreRange: (r) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } }),
    severity: (s) => severities[s] ?? api.DiagnosticSeverity.Warning,
    ruleDocUri,
    diagnostic(finding) {
      const d = new api.Diagnostic(range(finding.range), finding.message, severities[finding.severity] ?? api.DiagnosticSeverity.Warning);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = { value: finding.ruleId, target: ruleDocUri(finding.ruleId) };
      findings.set(d, finding);
      return d;
    },
    findingOf: (d) => findings.get(d),
    textEdit,
    workspaceEdit(uri, edits) {
      const we = new api.WorkspaceEdit();
      we.set(uri, edits.map(textEdit));
      return we;
    },
  };
}
