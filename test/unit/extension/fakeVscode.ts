/**
 * A small stand-in for the parts of the `vscode` namespace that convert.ts and codeActions.ts construct, so
 * the conversion layer runs in plain mocha. Behaviour follows VS Code's own classes where the tests rely on it
 * (`CodeActionKind.contains`, `Uri.joinPath`).
 */
import type * as vscode from 'vscode';
import type { CodeActionApi } from '../../../src/extension/codeActions';
import type { ConvertApi } from '../../../src/extension/convert';

export class FakePosition {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class FakeRange {
  readonly start: FakePosition;
  readonly end: FakePosition;
  constructor(start: FakePosition, end: FakePosition) {
    this.start = start;
    this.end = end;
  }
}

export class FakeUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): FakeUri {
    return new FakeUri('file', path);
  }
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    return new FakeUri(base.scheme, [base.path.replace(/\/+$/, ''), ...parts].join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export const FakeDiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

export class FakeDiagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: FakeUri };
  constructor(
    readonly range: FakeRange,
    readonly message: string,
    readonly severity: number = FakeDiagnosticSeverity.Error,
  ) {}
}

export class FakeTextEdit {
  constructor(
    readonly range: FakeRange,
    readonly newText: string,
  ) {}
}

export class FakeWorkspaceEdit {
  readonly entries: Array<[FakeUri, FakeTextEdit[]]> = [];
  set(uri: FakeUri, edits: FakeTextEdit[]): void {
    this.entries.push([uri, edits]);
  }
}

export class FakeCodeActionKind {
  static readonly Empty = new FakeCodeActionKind('');
  static readonly QuickFix = new FakeCodeActionKind('quickfix');
  static readonly Refactor = new FakeCodeActionKind('refactor');
  static readonly Source = new FakeCodeActionKind('source');
  static readonly SourceFixAll = new FakeCodeActionKind('source.fixAll');
  static readonly SourceOrganizeImports = new FakeCodeActionKind('source.organizeImports');
  constructor(readonly value: string) {}
  append(part: string): FakeCodeActionKind {
    return new FakeCodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  /** As in VS Code: true when `other` is this kind or a sub-kind of it. */
  contains(other: FakeCodeActionKind): boolean {
    return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other: FakeCodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class FakeCodeAction {
  edit?: FakeWorkspaceEdit;
  diagnostics?: FakeDiagnostic[];
  isPreferred?: boolean;
  constructor(
    readonly title: string,
    readonly kind?: FakeCodeActionKind,
  ) {}
}

/** The fake namespace, typed as the slices of `vscode` the modules under test ask for. */
export const fakeVscode = {
  Position: FakePosition,
  Range: FakeRange,
  Uri: FakeUri,
  Diagnostic: FakeDiagnostic,
  DiagnosticSeverity: FakeDiagnosticSeverity,
  TextEdit: FakeTextEdit,
  WorkspaceEdit: FakeWorkspaceEdit,
  CodeAction: FakeCodeAction,
  CodeActionKind: FakeCodeActionKind,
} as unknown as ConvertApi & CodeActionApi;

/** A text document over a string, with the members the providers read. */
export function fakeDocument(text: string, path = '/ws/story.star.md'): vscode.TextDocument {
  return {
    uri: FakeUri.file(path),
    languageId: 'star',
    version: 1,
    getText: () => text,
  } as unknown as vscode.TextDocument;
}

/** The extension folder the fake converter points rule docs into. */
export const EXTENSION_URI = FakeUri.file('/ext') as unknown as vscode.Uri;
