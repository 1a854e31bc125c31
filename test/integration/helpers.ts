// Shared helpers of the integration suite: open fixtures, wait for diagnostics by event, read rule ids.
// Every wait here listens for an event and has a timeout only as a guard that names what never came.
import * as assert from 'assert';
import * as vscode from 'vscode';

/** The extension under test, as `publisher.name` in package.json. */
export const EXTENSION_ID = 'star-stories.star-stories';

/** How long a guard waits before failing with a description of what never happened. */
export const GUARD_MS = 15_000;

/** The workspace folder the runner opened (a temp copy of test/integration/fixtures). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open; the runner opens test/integration/fixtures');
  return folder.uri;
}

/** The URI of a file in the workspace. */
export function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

/** Activates the extension and returns it. */
export async function activate(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return extension;
}

let copies = 0;

/**
 * Copies a fixture to a new file in the workspace (scratch/…), so a test may edit it without affecting the
 * others, and returns the copy's URI.
 */
export async function scratchCopy(name: string): Promise<vscode.Uri> {
  copies += 1;
  const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${copies}-${name}`);
  await vscode.workspace.fs.copy(fixture(name), target, { overwrite: true });
  return target;
}

/**
 * Opens a file the way a person does (through the workbench, `vscode.open`) and returns its document and
 * editor. Unlike `openTextDocument`, this leaves no extra reference to the model, so closing the editor
 * really closes the document.
 */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const key = uri.toString();
  const isTarget = (e: vscode.TextEditor | undefined): e is vscode.TextEditor => e?.document.uri.toString() === key;
  let sub: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const shown = new Promise<vscode.TextEditor>((resolve, reject) => {
    sub = vscode.window.onDidChangeActiveTextEditor((e) => {
      if (isTarget(e)) resolve(e);
    });
    timer = setTimeout(() => reject(new Error(`timed out after ${GUARD_MS} ms waiting for an editor for ${uri.path}`)), GUARD_MS);
  });
  try {
    await vscode.commands.executeCommand('vscode.open', uri);
    const active = vscode.window.activeTextEditor;
    return isTarget(active) ? active : await shown;
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

/** Reverts and closes the active editor (discarding a test's edits). */
export async function revertAndClose(uri: vscode.Uri): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (editor && vscode.window.activeTextEditor !== editor) {
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  }
  if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Resolves with the first event value that matches, or rejects after the guard time naming `what`. */
export function waitFor<T>(event: vscode.Event<T>, matches: (value: T) => boolean, what: string, ms = GUARD_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event((value) => {
      if (matches(value)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
      }
    });
  });
}

/** The rule id of a diagnostic (`code.value`), or undefined for a code-less one. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The diagnostics of a document that STAR Stories published. */
export function starDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'star');
}

/** A one-line-per-diagnostic description, for failure messages. */
export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (!diagnostics.length) return '(none)';
  return diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${vscode.DiagnosticSeverity[d.severity]} ${ruleOf(d)}: ${d.message}`)
    .join('\n  ');
}

/**
 * Waits until the STAR diagnostics of `uri` satisfy `ready` (checked now, then on each
 * `onDidChangeDiagnostics` for that URI) and returns them.
 */
export function diagnosticsWhen(uri: vscode.Uri, ready: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = GUARD_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let settled = false;
    const check = (): void => {
      if (settled) return;
      const ds = starDiagnostics(uri);
      if (ready(ds)) {
        settled = true;
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      }
    };
    const timer = setTimeout(() => {
      settled = true;
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what} in ${uri.path}; STAR diagnostics now:\n  ${describe(starDiagnostics(uri))}`));
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    check();
  });
}

/** Waits until a diagnostic of `ruleId` is present and returns all STAR diagnostics then. */
export function diagnosticsWith(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhen(uri, (ds) => ds.some((d) => ruleOf(d) === ruleId), `a ${ruleId} diagnostic`);
}

/** Waits until no diagnostic of `ruleId` is present (and at least one other is, so linting did happen). */
export function diagnosticsWithout(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic[]> {
  return diagnosticsWhen(uri, (ds) => ds.length > 0 && !ds.some((d) => ruleOf(d) === ruleId), `${ruleId} to go away`);
}

/** The single diagnostic of a rule, failing with the full list when there is not exactly one. */
export function only(ds: readonly vscode.Diagnostic[], ruleId: string, where?: (d: vscode.Diagnostic) => boolean): vscode.Diagnostic {
  const found = ds.filter((d) => ruleOf(d) === ruleId && (!where || where(d)));
  assert.strictEqual(found.length, 1, `expected one ${ruleId} diagnostic, found ${found.length}:\n  ${describe(ds)}`);
  return found[0];
}

/** Replaces the first occurrence of `from` in the document with `to`; fails when `from` is absent. */
export async function replaceText(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const offset = document.getText().indexOf(from);
  assert.ok(offset >= 0, `"${from}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/** The 0-based line of the first line that contains `text`. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) {
    if (document.lineAt(i).text.includes(text)) return i;
  }
  assert.fail(`no line of ${document.uri.path} contains "${text}"`);
}

/**
 * Sets a `star.*` setting in the workspace (undefined removes it) and resolves once the extension has
 * linted `uri` again with it, i.e. when `ready` holds for the new diagnostics.
 */
export async function withSetting(
  key: string,
  value: unknown,
  uri: vscode.Uri,
  ready: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  const after = diagnosticsWhen(uri, ready, what);
  await vscode.workspace.getConfiguration('star').update(key, value, vscode.ConfigurationTarget.Workspace);
  return after;
}

/**
 * Answers the prompts a command opens (input boxes and quick picks) by accepting what each offers, until the
 * command's promise settles. The quick-input UI raises no event the extension API can see, so this retries
 * the accept at a short interval; the command's own completion is what ends the loop.
 */
export async function acceptPrompts<T>(pending: Thenable<T>, ms = GUARD_MS): Promise<T> {
  let settled = false;
  const done = Promise.resolve(pending).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + ms;
  while (!settled && Date.now() < deadline) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([done.catch(() => undefined), new Promise((r) => setTimeout(r, 100))]);
  }
  if (!settled) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    throw new Error(`the command was still waiting for input after ${ms} ms`);
  }
  return done;
}
