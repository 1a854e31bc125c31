/**
 * The walkthrough panel: a singleton webview beside the story that shows the core's view model for the
 * story's walkthrough. The host reads files and converts; the core matches and builds the model.
 * Strict CSP with a nonce, resources only from dist/webview and media, no retained context (the page
 * keeps its small UI state with setState), and a serializer so the panel comes back after a reload.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { loadWalkthroughs, panelForStory, parseStory, questionLine, rankWalkthroughs, analyze, storyKeys, matchWalkthrough } from '../core';
import type { LoadResult, Range as CoreRange, StarConfig, Walkthrough, WalkthroughFile } from '../core';
import { isFromWebview } from './protocol';
import type { FromWebview, PageState, ToWebview } from './protocol';

/** The webview panel type (also in `activationEvents` as `onWebviewPanel:star.walkthrough`). */
export const VIEW_TYPE = 'star.walkthrough';
const LANGUAGE_ID = 'star';
const PINS_KEY = 'star.walkthroughPins';
const QUIZ_KEY = 'star.quizAnswers';
const MAX_FILE_BYTES = 1024 * 1024;
const UPDATE_DELAY_MS = 200;

/** What the panel needs from the rest of the extension. */
export interface WalkthroughPanelOptions {
  /** Where load problems and notes are written. */
  output: vscode.OutputChannel;
  /** The effective lint configuration (the extension's shared ConfigStore). */
  getConfig: () => Partial<StarConfig> | Promise<Partial<StarConfig>>;
}

const isStory = (d: vscode.TextDocument): boolean => d.languageId === LANGUAGE_ID || d.uri.path.endsWith('.star.md');

const toRange = (r: CoreRange): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** A fresh nonce for the page's one script tag. */
function nonce(): string {
  return randomBytes(18).toString('base64');
}

/** The two folders the page may load from. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The page's HTML: no data in it, only the CSP, the stylesheet, an empty root and the nonce'd script. */
function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'main.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${n}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>STAR walkthrough</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="empty">Loading the walkthrough…</p></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

// The walkthrough library ------------------------------------------------------------------------

/** The loaded walkthroughs (built-in + the user's folder), reloaded when the folder or setting changes. */
class WalkthroughLibrary implements vscode.Disposable {
  private result: LoadResult = { walkthroughs: [], problems: [], notes: [] };
  private loading: Promise<void> | undefined;
  private lastReported = '';
  private watcher: vscode.Disposable | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after the walkthroughs were reloaded. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly output: vscode.OutputChannel) {}

  get walkthroughs(): LoadResult['walkthroughs'] {
    return this.result.walkthroughs;
  }

  /** Resolves once the first load is done. */
  ready(): Promise<void> {
    if (!this.loading) {
      this.loading = this.reload();
      this.watch();
    }
    return this.loading;
  }

  /** `star.walkthroughsFolder`, relative to the first workspace folder (or absolute). */
  userFolder(): vscode.Uri | undefined {
    const value = (vscode.workspace.getConfiguration('star').get<string>('walkthroughsFolder') ?? '').trim();
    if (!value) return undefined;
    if (/^(?:\/|[A-Za-z]:[\\/])/.test(value)) return vscode.Uri.file(value);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    return root ? vscode.Uri.joinPath(root, ...value.split(/[\\/]+/).filter(Boolean)) : undefined;
  }

  /** Reads every file again and reports problems (once per distinct set). */
  async reload(): Promise<void> {
    const files: WalkthroughFile[] = [];
    const readProblems: string[] = [];
    await this.readFolder(vscode.Uri.joinPath(this.extensionUri, 'walkthroughs'), 'builtin', files, readProblems);
    const user = this.userFolder();
    if (user) await this.readFolder(user, 'user', files, readProblems);
    this.result = loadWalkthroughs(files);
    this.report([...readProblems, ...this.result.problems.map((p) => p.message)], this.result.notes);
    this.emitter.fire();
  }

  private async readFolder(folder: vscode.Uri, source: 'builtin' | 'user', out: WalkthroughFile[], problems: string[]): Promise<void> {
    const label = source === 'user' ? vscode.workspace.asRelativePath(folder) : 'walkthroughs';
    let entries: Array<[string, vscode.FileType]>;
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch (e) {
      problems.push(`${label}: the walkthroughs folder cannot be read (${e instanceof Error ? e.message : String(e)}); check star.walkthroughsFolder.`);
      return;
    }
    const names = entries.filter(([n, t]) => (t & vscode.FileType.File) !== 0 && n.endsWith('.yaml')).map(([n]) => n).sort();
    for (const n of names) {
      const uri = vscode.Uri.joinPath(folder, n);
      const name = source === 'user' ? vscode.workspace.asRelativePath(uri) : `walkthroughs/${n}`;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_FILE_BYTES) {
          problems.push(`${name}:1: (file): the file is ${Math.round(stat.size / 1024)} KB, too large for a walkthrough; it is skipped.`);
          continue;
        }
        out.push({ name, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, ''), source });
      } catch (e) {
        problems.push(`${name}:1: (file): cannot be read (${e instanceof Error ? e.message : String(e)}).`);
      }
    }
  }

  /** Watches the user's folder; call again when the setting changes. */
  watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    const folder = this.userFolder();
    if (!folder) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*.yaml'));
    const later = (): void => {
      if (this.reloadTimer) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reload(), UPDATE_DELAY_MS);
    };
    const subs = [w.onDidCreate(later), w.onDidChange(later), w.onDidDelete(later)];
    this.watcher = { dispose: () => [...subs, w].forEach((d) => d.dispose()) };
  }

  private report(problems: string[], notes: string[]): void {
    const key = [...problems, ...notes].join('\n');
    if (key === this.lastReported) return;
    this.lastReported = key;
    for (const n of notes) this.output.appendLine(`[walkthroughs] ${n}`);
    for (const p of problems) this.output.appendLine(`[walkthroughs] ${p}`);
    if (problems.length === 0) return;
    const msg = `STAR Stories: ${problems.length === 1 ? 'a walkthrough file has a problem' : `${problems.length} walkthrough problems`}; the file is skipped, the others load. ${problems[0]}`;
    void vscode.window.showWarningMessage(msg, 'Show Output').then((pick) => {
      if (pick) this.output.show(true);
    });
  }

  dispose(): void {
    this.watcher?.dispose();
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.emitter.dispose();
  }
}

// Shared services --------------------------------------------------------------------------------

interface Services {
  context: vscode.ExtensionContext;
  library: WalkthroughLibrary;
  output: vscode.OutputChannel;
  getConfig: () => Partial<StarConfig> | Promise<Partial<StarConfig>>;
}

let services: Services | undefined;

function servicesFor(context: vscode.ExtensionContext, options?: WalkthroughPanelOptions): Services {
  if (services) return services;
  if (!options) throw new Error('registerWalkthroughPanel must run before the panel is used');
  const library = new WalkthroughLibrary(context.extensionUri, options.output);
  services = { context, library, output: options.output, getConfig: options.getConfig };
  context.subscriptions.push(library, { dispose: () => (services = undefined) });
  return services;
}

/**
 * The walkthroughs the panel has loaded (built-in, then the user's folder), for other parts of the
 * extension (e.g. diagnostics that lint with a user walkthrough's targets); empty before the first load.
 */
export function loadedWalkthroughs(): readonly Walkthrough[] {
  return services?.library.walkthroughs ?? [];
}

/** Fires after the walkthroughs were (re)loaded; a no-op subscription before `registerWalkthroughPanel`. */
export function onDidLoadWalkthroughs(listener: () => void): vscode.Disposable {
  return services ? services.library.onDidChange(listener) : new vscode.Disposable(() => undefined);
}

function pins(s: Services): Record<string, string> {
  return { ...(s.context.workspaceState.get<Record<string, string>>(PINS_KEY) ?? {}) };
}

// The panel --------------------------------------------------------------------------------------

/** The walkthrough panel beside the story: one at a time. */
export class WalkthroughPanel implements vscode.Disposable {
  private static current: WalkthroughPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly s: Services,
    private documentUri: vscode.Uri | undefined,
  ) {
    panel.webview.options = webviewOptions(s.context.extensionUri);
    panel.webview.html = pageHtml(panel.webview, s.context.extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        if (!isFromWebview(raw)) {
          s.output.appendLine('[walkthroughs] ignored a malformed message from the panel.');
          return;
        }
        void this.handle(raw);
      }),
      panel.onDidChangeViewState(() => {
        // The page is recreated when the panel becomes visible again (no retained context): it sends `ready`.
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /** Shows the panel for the editor's story beside it (without taking focus), creating it when needed. */
  static createOrShow(context: vscode.ExtensionContext, editor?: vscode.TextEditor): void {
    const s = servicesFor(context);
    void s.library.ready();
    const uri = editor && isStory(editor.document) ? editor.document.uri : vscode.window.visibleTextEditors.find((e) => isStory(e.document))?.document.uri;
    const existing = WalkthroughPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      if (uri) existing.show(uri);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'STAR Walkthrough',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(context.extensionUri), enableFindWidget: true },
    );
    WalkthroughPanel.current = new WalkthroughPanel(panel, s, uri);
  }

  /** Restores a panel after a reload, for the story it showed (from the page's saved state). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, state: unknown): void {
    const s = servicesFor(context);
    void s.library.ready();
    WalkthroughPanel.current?.dispose();
    let uri: vscode.Uri | undefined;
    const saved = (state ?? {}) as PageState;
    if (typeof saved.documentUri === 'string') {
      try {
        uri = vscode.Uri.parse(saved.documentUri, true);
      } catch {
        uri = undefined;
      }
    }
    uri ??= vscode.window.visibleTextEditors.find((e) => isStory(e.document))?.document.uri;
    WalkthroughPanel.current = new WalkthroughPanel(panel, s, uri);
  }

  /** The open panel, if any. */
  static get instance(): WalkthroughPanel | undefined {
    return WalkthroughPanel.current;
  }

  /** Follows another story. */
  show(uri: vscode.Uri): void {
    if (this.documentUri?.toString() === uri.toString()) return;
    this.documentUri = uri;
    void this.update();
  }

  /** True when the panel shows this document. */
  shows(uri: vscode.Uri): boolean {
    return this.documentUri?.toString() === uri.toString();
  }

  /** Sends the model again after a short quiet period (typing). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, UPDATE_DELAY_MS);
  }

  /** Computes and sends the view model for the current story (stale results are dropped). */
  async update(): Promise<void> {
    const generation = ++this.generation;
    if (!this.ready) return;
    await this.s.library.ready();
    const uri = this.documentUri;
    if (!uri) {
      this.post({ type: 'empty', reason: 'Open a story (a *.star.md file) to see the walkthrough for its question.', canPick: false });
      return;
    }
    let document: vscode.TextDocument;
    try {
      document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    } catch {
      this.post({ type: 'empty', reason: 'The story this panel showed is no longer available. Open a story to see its walkthrough.', canPick: false });
      return;
    }
    const config = await this.s.getConfig();
    if (generation !== this.generation) return;
    const result = panelForStory(document.getText(), this.s.library.walkthroughs, {
      config,
      pinned: pins(this.s)[uri.toString()],
      quizAnswers: this.s.context.globalState.get<Record<string, Record<number, number>>>(QUIZ_KEY) ?? {},
    });
    if (result.model) {
      this.panel.title = `Walkthrough: ${result.model.walkthroughId}`;
      this.post({ type: 'update', model: result.model, documentUri: uri.toString() });
    } else {
      this.panel.title = 'STAR Walkthrough';
      this.post({ type: 'empty', reason: result.reason ?? 'No walkthrough for this story.', canPick: this.s.library.walkthroughs.length > 0 });
    }
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.update();
        return;
      case 'reveal':
        await this.reveal(message.range);
        return;
      case 'pickWalkthrough':
        if (message.id) {
          if (this.s.library.walkthroughs.some((w) => w.id === message.id)) await this.pin(message.id);
        } else await this.pick();
        return;
      case 'quizAnswer': {
        const w = this.s.library.walkthroughs.find((x) => x.id === message.walkthroughId);
        const q = w?.quiz[message.question];
        if (!w || !q || message.choice >= q.options.length) return;
        const all = { ...(this.s.context.globalState.get<Record<string, Record<number, number>>>(QUIZ_KEY) ?? {}) };
        all[w.id] = { ...(all[w.id] ?? {}), [message.question]: message.choice };
        await this.s.context.globalState.update(QUIZ_KEY, all);
        return;
      }
    }
  }

  /** Selects and reveals a range of the story in its editor (the one beside the panel, if open). */
  private async reveal(range: CoreRange): Promise<void> {
    const uri = this.documentUri;
    if (!uri) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
    const target = document.validateRange(toRange(range));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false, selection: target });
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** A quick pick of every walkthrough, ranked for this story by the core; the choice is pinned for this document. */
  private async pick(): Promise<void> {
    const uri = this.documentUri;
    if (!uri) return;
    await this.s.library.ready();
    const walkthroughs = this.s.library.walkthroughs;
    let text = '';
    try {
      text = (vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri))).getText();
    } catch {
      return;
    }
    const pinned = pins(this.s)[uri.toString()];
    const ranked = rankWalkthroughs(storyKeys(analyze(text, { config: await this.s.getConfig() })), walkthroughs);
    type Item = vscode.QuickPickItem & { id?: string };
    const items: Item[] = [];
    if (pinned) items.push({ label: '$(discard) Match automatically', description: 'Forget the walkthrough picked for this story', id: '' });
    for (const m of ranked) {
      items.push({
        label: `${m.walkthrough.id === pinned ? '$(pinned) ' : ''}${m.walkthrough.question}`,
        description: `${m.walkthrough.id}${m.walkthrough.source === 'user' ? ' · your folder' : ''}`,
        detail: m.reason === 'none' ? m.walkthrough.principles.join(', ') : `${m.walkthrough.principles.join(', ')} — ${m.explanation}`,
        id: m.walkthrough.id,
      });
    }
    const choice = await vscode.window.showQuickPick(items, { placeHolder: 'Pick the walkthrough for this story', matchOnDescription: true, matchOnDetail: true });
    if (!choice || choice.id === undefined) return;
    await this.pin(choice.id || undefined);
  }

  private async pin(id: string | undefined): Promise<void> {
    const uri = this.documentUri;
    if (!uri) return;
    const all = pins(this.s);
    if (id) all[uri.toString()] = id;
    else delete all[uri.toString()];
    await this.s.context.workspaceState.update(PINS_KEY, all);
    await this.update();
  }

  dispose(): void {
    if (WalkthroughPanel.current === this) WalkthroughPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.panel.dispose();
  }
}

/** The "Open walkthrough" code lens on the front matter's `question:` line. */
class OpenWalkthroughLens implements vscode.CodeLensProvider {
  constructor(private readonly s: Services) {}

  readonly onDidChangeCodeLenses = (listener: () => void, thisArg?: unknown, disposables?: vscode.Disposable[]): vscode.Disposable =>
    this.s.library.onDidChange(() => listener.call(thisArg), undefined, disposables);

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const doc = parseStory(document.getText());
    const line = questionLine(doc);
    if (line === undefined) return [];
    await this.s.library.ready();
    const fm = doc.frontMatter;
    const match = matchWalkthrough({ walkthrough: fm?.walkthrough, question: fm?.question, principles: fm?.principles ?? [] }, this.s.library.walkthroughs);
    return [new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
      title: match ? `$(book) Open walkthrough: ${match.walkthrough.id}` : '$(book) Open walkthrough',
      tooltip: match ? match.explanation : 'Show the walkthrough for this question beside the story',
      command: 'star.openWalkthrough',
    })];
  }
}

/**
 * Registers the panel's serializer (restores it after a reload), the "Open walkthrough" code lens, and
 * the listeners: follow the active story, re-send on edits (debounced), reload when walkthroughs change.
 */
export function registerWalkthroughPanel(context: vscode.ExtensionContext, options: WalkthroughPanelOptions): void {
  const s = servicesFor(context, options);
  void s.library.ready();
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => WalkthroughPanel.revive(panel, context, state),
    }),
    vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, new OpenWalkthroughLens(s)),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isStory(editor.document)) WalkthroughPanel.instance?.show(editor.document.uri);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const panel = WalkthroughPanel.instance;
      if (panel && e.contentChanges.length > 0 && panel.shows(e.document.uri)) panel.schedule();
    }),
    s.library.onDidChange(() => void WalkthroughPanel.instance?.update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('star.walkthroughsFolder')) {
        s.library.watch();
        void s.library.reload();
      } else if (e.affectsConfiguration('star')) void WalkthroughPanel.instance?.update();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      s.library.watch();
      void s.library.reload();
    }),
    { dispose: () => WalkthroughPanel.instance?.dispose() },
  );
}
