/**
 * The palette commands: one `handlers` map from command id to function, registered in a loop. Every id here
 * is contributed in package.json (the manifest test keeps the two in step). The story-bank commands
 * (`star.refreshStoryBank`, `star.coverageReport`) are registered by storyBank.ts.
 */
import * as vscode from 'vscode';
import { LEVELS, LEVEL_SECONDS, PRINCIPLES, analyze, disableEdit, rules, storyFileName, storyTemplate, fixAllText, minimalEdit } from '../core';
import type { Finding, Level } from '../core';
import { WalkthroughPanel } from '../webview/panel';
import type { Converter } from './convert';
import type { AnalysisCache, DiagnosticsController } from './diagnostics';
import { LANGUAGE_ID, isStory } from './diagnostics';
import { openPreview } from './preview';
import type { ConfigStore } from './settings';
import { formatClock } from './timeHints';

/** What the command handlers work with. */
export interface CommandDeps {
  context: vscode.ExtensionContext;
  config: ConfigStore;
  converter: Converter;
  diagnostics: DiagnosticsController;
  cache: AnalysisCache;
}

/** A command handler; VS Code passes the menu's arguments (e.g. the resource URI) when there are any. */
export type Handler = (...args: unknown[]) => unknown;

/** What `star.lintWorkspace` returns: how many stories it read and how many findings of each severity. */
export interface WorkspaceLintResult {
  files: number;
  errors: number;
  warnings: number;
  others: number;
}

/** Builds the map of command id → handler. */
export function createHandlers(deps: CommandDeps): Record<string, Handler> {
  const { context, config, converter, diagnostics, cache } = deps;

  /** The story the command is about: the URI argument's open document, else the active editor's. */
  const storyDocument = (arg: unknown): vscode.TextDocument | undefined => {
    if (arg instanceof vscode.Uri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString());
      if (open) return isStory(open) ? open : undefined;
    }
    const active = vscode.window.activeTextEditor?.document;
    return active && isStory(active) ? active : undefined;
  };

  const noStory = (): undefined => {
    void vscode.window.showInformationMessage('Open a .star.md story first.');
    return undefined;
  };

  return {
    /**
     * Opens a new story skeleton. Asks for the question, principles and level, except those given in the
     * optional argument (`NewStoryOptions`). The document is created with its text in one step, so the
     * first lint already sees the five step headings: in a workspace, the file is written to a free name
     * from the question (or to `uri`) and opened; without a folder, it is an untitled document.
     */
    'star.newStory': async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const given = newStoryOptions(arg);
      let question = given.question;
      if (question === undefined) {
        question = await vscode.window.showInputBox({
          title: 'New STAR Story (1/3): the question',
          prompt: 'The interview question this story answers (you can leave it empty and fill it in later)',
          placeHolder: 'Tell me about a time you …',
          ignoreFocusOut: true,
        });
        if (question === undefined) return undefined;
      }
      let principles = given.principles;
      if (principles === undefined) {
        const picked = await vscode.window.showQuickPick(
          PRINCIPLES.map((p) => ({ label: p.name })),
          { title: 'New STAR Story (2/3): Leadership Principles', placeHolder: 'Pick the principles the question tests (none is fine)', canPickMany: true, ignoreFocusOut: true },
        );
        if (picked === undefined) return undefined;
        principles = picked.map((p) => p.label);
      }
      let level = given.level;
      if (level === undefined) {
        const defaultLevel = config.current().level;
        const levelItems = [...LEVELS]
          .sort((a, b) => (a === defaultLevel ? -1 : b === defaultLevel ? 1 : 0))
          .map((l) => ({ label: l, description: `answer of about ${formatClock(LEVEL_SECONDS[l])}${l === defaultLevel ? ' · your default' : ''}` }));
        const picked = await vscode.window.showQuickPick(levelItems, { title: 'New STAR Story (3/3): level', placeHolder: 'The level you are interviewing for', ignoreFocusOut: true });
        if (!picked) return undefined;
        level = picked.label as Level;
      }
      const content = storyTemplate({ question, principles, level });
      const folder = vscode.workspace.workspaceFolders?.[0];
      const target = given.uri ?? (folder ? await freeStoryUri(folder.uri, storyFileName(question)) : undefined);
      let document: vscode.TextDocument | undefined;
      if (target) {
        if (await exists(target)) {
          void vscode.window.showWarningMessage(`STAR: ${vscode.workspace.asRelativePath(target)} already exists; New Story leaves it as it is.`);
          return undefined;
        }
        try {
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
          document = await vscode.workspace.openTextDocument(target);
        } catch (e) {
          // A read-only folder, say: fall back to an untitled story, which the user saves where they like.
          if (given.uri) throw e;
        }
      }
      document ??= await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
      if (document.languageId !== LANGUAGE_ID) document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      await vscode.window.showTextDocument(document);
      return document.uri;
    },

    /** Opens the walkthrough panel for the active story. */
    'star.openWalkthrough': (): void => {
      const active = vscode.window.activeTextEditor;
      const editor = active && isStory(active.document) ? active : vscode.window.visibleTextEditors.find((e) => isStory(e.document));
      WalkthroughPanel.createOrShow(context, editor);
    },

    /** Opens the Markdown preview of a story beside it. */
    'star.openPreview': (uri?: unknown): Promise<boolean> => openPreview(uri instanceof vscode.Uri ? uri : undefined),

    /** Lints every `*.star.md` in the workspace into the Problems panel; returns the counts. */
    'star.lintWorkspace': async (): Promise<WorkspaceLintResult> => {
      const result: WorkspaceLintResult = { files: 0, errors: 0, warnings: 0, others: 0 };
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'STAR: linting stories' }, async () => {
        const files = await vscode.workspace.findFiles('**/*.star.md', '**/{node_modules,.git}/**');
        const decoder = new TextDecoder('utf-8');
        for (const uri of files) {
          const isOpen = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && isStory(d));
          let findings: readonly Finding[];
          const open = isOpen();
          if (open) {
            diagnostics.lintNow(open);
            findings = cache.get(open).findings;
          } else {
            let text: string;
            try {
              text = decoder.decode(await vscode.workspace.fs.readFile(uri));
            } catch {
              continue;
            }
            findings = analyze(text, { config: config.current() }).findings;
            // Opened meanwhile: the open document's own lint is newer than the file on disk.
            if (!isOpen()) diagnostics.publish(uri, findings);
          }
          result.files++;
          for (const f of findings) {
            if (f.severity === 'error') result.errors++;
            else if (f.severity === 'warning') result.warnings++;
            else result.others++;
          }
        }
      });
      const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
      const stories = `${result.files} ${result.files === 1 ? 'story' : 'stories'}`;
      const summary = `STAR: linted ${stories}: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, ${plural(result.others, 'suggestion')}.`;
      void vscode.window.showInformationMessage(summary, 'Show Problems').then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return result;
    },

    /** Applies every automatic fix in the story (up to three rounds); returns how many fixes went in. */
    'star.fixAll': async (uri?: unknown): Promise<number> => {
      const document = storyDocument(uri);
      if (!document) return noStory() ?? 0;
      const before = document.getText();
      const { text, fixes } = fixAllText(before, config.current());
      const edit = minimalEdit(before, text);
      if (!edit) {
        void vscode.window.showInformationMessage('STAR: nothing to fix automatically in this story.');
        return 0;
      }
      const applied = await vscode.workspace.applyEdit(converter.workspaceEdit(document.uri, [edit]));
      if (!applied) return 0;
      diagnostics.lintNow(document);
      void vscode.window.setStatusBarMessage(`STAR: applied ${fixes} fix${fixes === 1 ? '' : 'es'}.`, 4000);
      return fixes;
    },

    /**
     * Turns a rule off with a disable comment. Arguments (all optional): the story's URI, the rule id, the
     * 0-based line and `'line' | 'file'`; whatever is missing is asked for.
     */
    'star.disableRule': async (uri?: unknown, ruleId?: unknown, line?: unknown, scope?: unknown): Promise<boolean> => {
      const document = storyDocument(uri);
      if (!document) return noStory() ?? false;
      let id = typeof ruleId === 'string' ? ruleId : undefined;
      if (!id) {
        const pick = await vscode.window.showQuickPick(
          rules.map((r) => ({ label: r.id, description: r.description })),
          { title: 'STAR: Disable Rule', placeHolder: 'The rule to turn off' },
        );
        if (!pick) return false;
        id = pick.label;
      }
      let where: 'line' | 'file' | undefined = scope === 'line' || scope === 'file' ? scope : undefined;
      if (!where) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'For this file', scope: 'file' as const },
            { label: 'For the line at the cursor', scope: 'line' as const },
          ],
          { title: `STAR: Disable ${id}` },
        );
        if (!pick) return false;
        where = pick.scope;
      }
      const editor = vscode.window.activeTextEditor;
      const at = typeof line === 'number' ? line : editor?.document === document ? editor.selection.active.line : 0;
      return vscode.workspace.applyEdit(converter.workspaceEdit(document.uri, [disableEdit(document.getText(), at, id, where)]));
    },
  };
}

/** Registers every handler as a command and keeps the registrations in `context.subscriptions`. */
export function registerCommands(context: vscode.ExtensionContext, handlers: Record<string, Handler>): void {
  for (const [id, handler] of Object.entries(handlers)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}

/** What `star.newStory` may be given instead of asking; each field that is present skips its prompt. */
export interface NewStoryOptions {
  /** The interview question (an empty string is a question left for later). */
  question?: string;
  /** Leadership Principle names (an empty list is a story naming none). */
  principles?: string[];
  level?: Level;
  /** Where to write the story (a `file:` or other writable URI, as a string or a Uri); it must not exist yet. */
  uri?: string | vscode.Uri;
}

/** The options `star.newStory` understands from its argument; fields of the wrong type are left out (and asked for). */
function newStoryOptions(arg: unknown): { question?: string; principles?: string[]; level?: Level; uri?: vscode.Uri } {
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri || Array.isArray(arg)) return {};
  const o = arg as Record<string, unknown>;
  const out: { question?: string; principles?: string[]; level?: Level; uri?: vscode.Uri } = {};
  if (typeof o.question === 'string') out.question = o.question;
  if (Array.isArray(o.principles) && o.principles.every((p) => typeof p === 'string')) out.principles = o.principles as string[];
  if (typeof o.level === 'string' && (LEVELS as readonly string[]).includes(o.level)) out.level = o.level as Level;
  if (o.uri instanceof vscode.Uri) out.uri = o.uri;
  // A string with a scheme is a URI; anything else (`/home/me/a.star.md`, `C:\stories\a.star.md`) a file path.
  else if (typeof o.uri === 'string' && o.uri) out.uri = /^[a-zA-Z][\w+.-]+:/.test(o.uri) ? vscode.Uri.parse(o.uri, true) : vscode.Uri.file(o.uri);
  return out;
}

/** True when a file or folder is at `uri`. */
function exists(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** A URI for a new story in the folder: `name`, or `name` with -2, -3 … when a file or open document has it. */
async function freeStoryUri(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const base = name.replace(/\.star\.md$/, '');
  for (let n = 1; n < 100; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? name : `${base}-${n}.star.md`);
    const taken = vscode.workspace.textDocuments.some((d) => d.uri.path === candidate.path) || (await exists(candidate));
    if (!taken) return candidate;
  }
  return vscode.Uri.joinPath(folder, `${base}-${Date.now()}.star.md`);
}
