/**
 * Diagnostics for `.star.md` documents: one `DiagnosticCollection('star')`, linted on open, debounced on
 * change (or on save, per `star.lintOn`), results dropped when the document moved on, cleared on close.
 * Also the shared cache of core analyses that the CodeLens, hover and status bar read.
 */
import * as vscode from 'vscode';
import { analyzeWithWalkthroughs } from '../core';
import type { Walkthrough } from '../core';
import type { Analysis, Finding } from '../core';
import type { Converter } from './convert';
import type { ConfigStore } from './settings';

/** The language id of STAR stories. */
export const LANGUAGE_ID = 'star';

/** The debounce between the last keystroke and a lint, in milliseconds. */
export const LINT_DELAY_MS = 300;

/** True for documents this extension lints. */
export function isStory(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/** Analyses of open documents, one per document version, computed on demand. */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();

  /**
   * @param walkthroughs the loaded walkthroughs: a story matched to one of the user's own is timed against
   * that walkthrough's targets.
   */
  constructor(
    private readonly config: ConfigStore,
    private readonly walkthroughs: () => readonly Walkthrough[] = () => [],
  ) {}

  /** The analysis of the document's current text (cached per version). */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version) return hit.analysis;
    const analysis = analyzeWithWalkthroughs(document.getText(), { config: this.config.current() }, this.walkthroughs());
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** Forgets one document, or all (after a configuration change). */
  forget(uri?: vscode.Uri): void {
    if (uri) this.entries.delete(uri.toString());
    else this.entries.clear();
  }
}

/** Owns the diagnostic collection and keeps it in step with open stories. */
export class DiagnosticsController implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly analyzed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were refreshed. */
  readonly onDidAnalyze = this.analyzed.event;

  constructor(
    readonly collection: vscode.DiagnosticCollection,
    private readonly converter: Converter,
    private readonly config: ConfigStore,
    private readonly cache: AnalysisCache,
  ) {
    this.disposables.push(
      this.analyzed,
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && isStory(e.document) && this.config.lintOn() === 'type') this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.config.lintOn() === 'save') this.lintNow(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri);
        this.cache.forget(d.uri);
        this.collection.delete(d.uri);
      }),
      this.config.onDidChange(() => {
        this.cache.forget();
        this.lintAllOpen();
      }),
    );
  }

  /** Lints every open story now. */
  lintAllOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.lintNow(d);
  }

  /** Lints a document after the debounce delay, replacing any pending lint of it. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancel(document.uri);
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // A newer change has its own timer; a closed document has no diagnostics.
        if (document.isClosed || document.version !== version) return;
        this.lintNow(document);
      }, LINT_DELAY_MS),
    );
  }

  /** Lints a story now and publishes its diagnostics, unless the document changed meanwhile. */
  lintNow(document: vscode.TextDocument): void {
    if (!isStory(document) || document.isClosed) return;
    this.cancel(document.uri);
    const version = document.version;
    let findings: Finding[];
    try {
      findings = this.cache.get(document).findings;
    } catch (e) {
      // The core never throws by contract; if it ever does, keep the editor alive and leave a trace.
      console.error('STAR Stories: lint failed', e);
      return;
    }
    if (document.isClosed || document.version !== version) return;
    this.collection.set(document.uri, findings.map((f) => this.converter.diagnostic(f)));
    this.analyzed.fire(document);
  }

  /** Publishes findings of a file that is not open (workspace lint). */
  publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.collection.set(uri, findings.map((f) => this.converter.diagnostic(f)));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
      this.timers.delete(key);
    }
  }
}
