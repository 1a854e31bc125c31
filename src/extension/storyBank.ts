/**
 * The STAR Stories tree view (`starStories.bank`): every `*.star.md` in the workspace grouped by Leadership
 * Principle, under a Coverage group that names the principles with no story or only stories with errors and
 * the walkthrough questions no story answers yet. Plus `star.coverageReport`, which opens the same facts as a
 * printable Markdown report in an untitled editor.
 *
 * Kept current without rescanning: a per-file cache keyed by URI and document version (open files) or
 * modification time (files on disk); a file watcher for `**\/*.star.md`; a debounced re-analysis of only
 * the document being edited. All STAR logic lives in the core; this file reads files and shows results.
 */
import * as vscode from 'vscode';
import {
  NO_PRINCIPLE,
  StoryCache,
  analyze,
  computeCoverage,
  formatCoverageReport,
  formatSeconds,
  answeredQuestion,
  groupByPrinciple,
  loadWalkthroughs,
  summarizeStory,
} from '../core';
import type { Coverage, PrincipleGroup, StarConfig, StorySummary, Walkthrough, WalkthroughFile, WalkthroughRef } from '../core';

/** The view id declared in package.json. */
export const STORY_BANK_VIEW = 'starStories.bank';
/** Files the bank lists. */
export const STORY_GLOB = '**/*.star.md';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';
/** Delay after the last keystroke before the edited story is analyzed again. */
const EDIT_DEBOUNCE_MS = 300;
/** Delay that batches many file events into one repaint of the tree. */
const RENDER_DEBOUNCE_MS = 50;

/**
 * An internal command for the integration tests: the tree as plain data. It is not contributed in
 * package.json and its leading underscore keeps it out of the Command Palette and of
 * `getCommands(true)`, VS Code's convention for internal commands. Optional argument `{ after: n }`:
 * answer only once the tree has been repainted after the snapshot whose `renders` was `n`.
 */
export const STORY_BANK_SNAPSHOT_COMMAND = '_star.storyBankSnapshot';

/** One row of the tree as plain data (see STORY_BANK_SNAPSHOT_COMMAND). */
export interface StoryBankSnapshotNode {
  id?: string;
  label: string;
  description?: string;
  /** The story file a story row opens. */
  uri?: string;
  children: StoryBankSnapshotNode[];
}

/** The whole tree as plain data, and how many times it has been repainted so far. */
export interface StoryBankSnapshot {
  renders: number;
  roots: StoryBankSnapshotNode[];
}

/** The extension's shared configuration (ConfigStore fits this shape). */
export interface StoryBankConfig {
  current(): StarConfig;
  readonly onDidChange: vscode.Event<void>;
  walkthroughsFolder(): vscode.Uri | undefined;
}

/** Collaborators handed in by activate(). */
export interface StoryBankDeps {
  /** The extension's configuration store: settings, `.starlint.yaml` and their changes. */
  config: StoryBankConfig;
}

/** Registers the STAR Stories tree view, its commands and its watchers. */
export function registerStoryBank(context: vscode.ExtensionContext, deps: StoryBankDeps): void {
  const bank = new StoryBank(context.extensionUri, deps.config);
  const view = vscode.window.createTreeView(STORY_BANK_VIEW, { treeDataProvider: bank, showCollapseAll: true });
  bank.onDidRender((c) => {
    view.badge = c.storiesWithErrors > 0 ? { value: c.storiesWithErrors, tooltip: `${c.storiesWithErrors} ${c.storiesWithErrors === 1 ? 'story has' : 'stories have'} errors` } : undefined;
  });
  context.subscriptions.push(
    bank,
    view,
    vscode.commands.registerCommand('star.refreshStoryBank', () => bank.rescan()),
    vscode.commands.registerCommand('star.coverageReport', () => bank.openReport()),
    vscode.commands.registerCommand(STORY_BANK_SNAPSHOT_COMMAND, (options?: { after?: unknown }) => bank.treeSnapshot(options?.after)),
  );
  void bank.rescan();
}

// ---------------------------------------------------------------------------------------------
// Tree nodes

type CoverageList = 'missing' | 'errors-only' | 'unanswered' | 'unknown';

type Node =
  | { kind: 'coverage' }
  | { kind: 'coverage-list'; list: CoverageList }
  | { kind: 'coverage-principle'; list: CoverageList; principle: string }
  | { kind: 'coverage-question'; walkthrough: WalkthroughRef }
  | { kind: 'group'; group: PrincipleGroup }
  | { kind: 'story'; story: StorySummary; groupKey: string };

const LIST_LABELS: Record<CoverageList, string> = {
  missing: 'No story yet',
  'errors-only': 'Only stories with errors',
  unanswered: 'Questions no story answers yet',
  unknown: 'Unknown principle names',
};

/** What the tree shows, computed once per repaint. */
interface Snapshot {
  stories: StorySummary[];
  groups: PrincipleGroup[];
  coverage: Coverage;
}

class StoryBank implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly cache = new StoryCache();
  private readonly changeEmitter = new vscode.EventEmitter<Node | undefined>();
  private readonly renderEmitter = new vscode.EventEmitter<Coverage>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: Snapshot | undefined;
  private walkthroughs: Walkthrough[] = [];
  private scanning: Promise<void> | undefined;
  private generation = 0;
  /** How many times the tree has been repainted (for STORY_BANK_SNAPSHOT_COMMAND). */
  private renders = 0;

  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** Fires after the tree was recomputed, with the new coverage. */
  readonly onDidRender = this.renderEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sharedConfig: StoryBankConfig,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(STORY_GLOB);
    this.disposables.push(
      this.changeEmitter,
      this.renderEmitter,
      watcher,
      watcher.onDidCreate((uri) => void this.fromDisk(uri)),
      watcher.onDidChange((uri) => void this.fromDisk(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isStory(e.document.uri)) this.scheduleEdit(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (this.isStory(doc.uri) && !this.cache.has(doc.uri.toString())) this.fromDocument(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Unsaved edits were discarded: the file on disk is the truth again.
        if (this.isStory(doc.uri) && doc.uri.scheme !== 'untitled') void this.fromDisk(doc.uri, true);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
    this.disposables.push(sharedConfig.onDidChange(() => void this.rescan()));
  }

  dispose(): void {
    for (const t of this.editTimers.values()) clearTimeout(t);
    this.editTimers.clear();
    if (this.renderTimer) clearTimeout(this.renderTimer);
    for (const d of this.disposables) d.dispose();
  }

  // ---- scanning and the cache ------------------------------------------------------------------

  /** Re-reads configuration and walkthroughs, forgets every cached story and reads them all again. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    const scan = (async () => {
      this.walkthroughs = await this.loadWalkthroughs();
      const uris = await vscode.workspace.findFiles(STORY_GLOB, EXCLUDE_GLOB);
      if (generation !== this.generation) return;
      this.cache.clear();
      const open = new Map(vscode.workspace.textDocuments.filter((d) => this.isStory(d.uri)).map((d) => [d.uri.toString(), d]));
      const queue = uris.filter((u) => !open.has(u.toString()));
      for (const doc of open.values()) this.fromDocument(doc, false);
      // A few reads at a time keeps a big workspace from flooding the file system.
      const workers = Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let uri = queue.shift(); uri; uri = queue.shift()) {
          if (generation !== this.generation) return;
          await this.fromDisk(uri, true, false);
        }
      });
      await Promise.all(workers);
      if (generation === this.generation) this.render(true);
    })().catch((e) => {
      void vscode.window.showWarningMessage(`STAR Stories: could not read the story bank: ${e instanceof Error ? e.message : String(e)}`);
    });
    this.scanning = scan;
    return scan;
  }

  /** Analyzes an open document (its current text), unless this version is already cached. */
  private fromDocument(doc: vscode.TextDocument, render = true): void {
    const key = doc.uri.toString();
    this.cache.update(key, `v${doc.version}`, () => this.summarize(key, doc.getText()));
    if (render) this.render();
  }

  /**
   * Reads a story from disk, unless it is open in an editor (the editor's text wins while it is open; pass
   * `force` when the editor just closed) or this modification time is already cached.
   */
  private async fromDisk(uri: vscode.Uri, force = false, render = true): Promise<void> {
    if (!this.isStory(uri)) return;
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open && !open.isClosed && !force) {
      // The editor's text is what the writer sees; a save only confirms it.
      if (!this.cache.has(key)) this.fromDocument(open, render);
      return;
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return;
      const version = `m${stat.mtime}:${stat.size}`;
      if (this.cache.has(key, version)) return;
      const bytes = await vscode.workspace.fs.readFile(uri);
      const text = new TextDecoder('utf-8').decode(bytes);
      this.cache.update(key, version, () => this.summarize(key, text));
    } catch {
      // Gone or unreadable: it is not in the bank.
      this.cache.delete(key);
    }
    if (render) this.render();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    if (open?.isDirty) return; // unsaved text in an editor: it stays in the bank until saved or closed
    if (this.cache.delete(key)) this.render();
  }

  private scheduleEdit(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.editTimers.get(key);
    if (pending) clearTimeout(pending);
    this.editTimers.set(
      key,
      setTimeout(() => {
        this.editTimers.delete(key);
        if (!doc.isClosed) this.fromDocument(doc);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** Analyzes now the documents whose debounced re-analysis is still pending. */
  private flushEdits(): void {
    if (this.editTimers.size === 0) return;
    for (const [key, timer] of this.editTimers) {
      clearTimeout(timer);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc && !doc.isClosed) this.fromDocument(doc, false);
    }
    this.editTimers.clear();
    this.render(true);
  }

  private summarize(key: string, text: string): StorySummary {
    const analysis = analyze(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { config: this.config() });
    return summarizeStory(key, analysis);
  }

  private config(): StarConfig {
    return this.sharedConfig.current();
  }

  private isStory(uri: vscode.Uri): boolean {
    return uri.path.toLowerCase().endsWith('.star.md') && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  /**
   * The built-in walkthroughs and the user's folder (`star.walkthroughsFolder`), validated by the core loader;
   * a user file replaces a built-in one with its id. Bad files are left out here (the panel reports them).
   */
  private async loadWalkthroughs(): Promise<Walkthrough[]> {
    const folders: Array<{ uri: vscode.Uri; source: 'builtin' | 'user' }> = [{ uri: vscode.Uri.joinPath(this.extensionUri, 'walkthroughs'), source: 'builtin' }];
    const user = this.sharedConfig.walkthroughsFolder();
    if (user) folders.push({ uri: user, source: 'user' });
    const files: WalkthroughFile[] = [];
    for (const { uri, source } of folders) {
      let entries: [string, vscode.FileType][] = [];
      try {
        entries = await vscode.workspace.fs.readDirectory(uri);
      } catch {
        continue;
      }
      for (const [name, type] of entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        if (!(type & vscode.FileType.File) || !/\.ya?ml$/i.test(name)) continue;
        try {
          const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, name)));
          files.push({ name: source === 'user' ? vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, name)) : `walkthroughs/${name}`, text, source });
        } catch {
          // Unreadable: left out.
        }
      }
    }
    return loadWalkthroughs(files).walkthroughs;
  }

  // ---- the tree --------------------------------------------------------------------------------

  /** Recomputes the snapshot and repaints, batched. */
  private render(now = false): void {
    this.snapshot = undefined;
    if (this.renderTimer) clearTimeout(this.renderTimer);
    const fire = (): void => {
      this.renderTimer = undefined;
      const snap = this.current();
      this.renders++;
      this.changeEmitter.fire(undefined);
      this.renderEmitter.fire(snap.coverage);
    };
    if (now) fire();
    else this.renderTimer = setTimeout(fire, RENDER_DEBOUNCE_MS);
  }

  private current(): Snapshot {
    if (!this.snapshot) {
      const stories = this.cache.summaries();
      const walkthroughs = this.walkthroughs;
      this.snapshot = {
        stories,
        groups: groupByPrinciple(stories),
        coverage: computeCoverage(stories, walkthroughs, (s) => answeredQuestion(s, walkthroughs)),
      };
    }
    return this.snapshot;
  }

  getChildren(node?: Node): Node[] {
    const snap = this.current();
    if (!node) {
      // No stories: an empty tree, so the view's welcome content (if declared) shows instead.
      if (snap.stories.length === 0) return [];
      return [{ kind: 'coverage' }, ...snap.groups.map((group): Node => ({ kind: 'group', group }))];
    }
    const c = snap.coverage;
    switch (node.kind) {
      case 'coverage': {
        const lists: CoverageList[] = ['missing', 'errors-only'];
        if (c.questions.length) lists.push('unanswered');
        if (c.unknownPrinciples.length) lists.push('unknown');
        return lists.map((list): Node => ({ kind: 'coverage-list', list }));
      }
      case 'coverage-list':
        if (node.list === 'unanswered') return c.unanswered.map((walkthrough): Node => ({ kind: 'coverage-question', walkthrough }));
        return this.listNames(node.list, c).map((principle): Node => ({ kind: 'coverage-principle', list: node.list, principle }));
      case 'coverage-principle': {
        // Errors-only and unknown principles open onto their stories.
        const group = snap.groups.find((g) => g.principle === node.principle);
        return node.list === 'missing' || !group ? [] : group.stories.map((story): Node => ({ kind: 'story', story, groupKey: `cov:${node.list}:${node.principle}` }));
      }
      case 'group':
        return node.group.stories.map((story): Node => ({ kind: 'story', story, groupKey: `${node.group.kind}:${node.group.principle}` }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const snap = this.current();
    const c = snap.coverage;
    switch (node.kind) {
      case 'coverage': {
        const covered = c.principles.filter((p) => p.status === 'covered').length;
        const item = new vscode.TreeItem('Coverage', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'coverage';
        item.description = `${covered} of ${c.principles.length} principles covered · ${plural(c.storyCount, 'story', 'stories')}`;
        item.tooltip = `${covered} of ${c.principles.length} Leadership Principles have a story without errors. ${c.storiesWithErrors} of ${plural(c.storyCount, 'story', 'stories')} have errors.`;
        item.iconPath = new vscode.ThemeIcon('graph');
        item.contextValue = 'starCoverage';
        return item;
      }
      case 'coverage-list': {
        const count = node.list === 'unanswered' ? c.unanswered.length : this.listNames(node.list, c).length;
        const item = new vscode.TreeItem(LIST_LABELS[node.list], count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `coverage:${node.list}`;
        item.description = node.list === 'unanswered' ? `${count} of ${c.questions.length}` : String(count);
        item.iconPath = new vscode.ThemeIcon(
          count === 0 ? 'pass' : node.list === 'errors-only' ? 'error' : node.list === 'unknown' ? 'question' : 'circle-large-outline',
          count === 0 ? new vscode.ThemeColor('testing.iconPassed') : node.list === 'errors-only' ? new vscode.ThemeColor('list.errorForeground') : undefined,
        );
        return item;
      }
      case 'coverage-principle': {
        const group = snap.groups.find((g) => g.principle === node.principle);
        const expandable = node.list !== 'missing' && !!group?.stories.length;
        const item = new vscode.TreeItem(node.principle, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `coverage:${node.list}:${node.principle}`;
        if (group) item.description = plural(group.stories.length, 'story', 'stories');
        item.tooltip =
          node.list === 'missing'
            ? `No story names ${node.principle} yet.`
            : node.list === 'errors-only'
              ? `Every story for ${node.principle} still has an error finding.`
              : `"${node.principle}" is not one of Amazon's Leadership Principles.`;
        return item;
      }
      case 'coverage-question': {
        const w = node.walkthrough;
        const item = new vscode.TreeItem(w.question);
        item.id = `coverage:question:${w.id}`;
        item.description = w.principles.join(', ');
        item.tooltip = new vscode.MarkdownString().appendText(`${w.question}\n\nPrinciples: ${w.principles.join(', ') || 'none'}\nWalkthrough: ${w.id}`);
        item.iconPath = new vscode.ThemeIcon('comment-discussion');
        return item;
      }
      case 'group': {
        const g = node.group;
        const item = new vscode.TreeItem(g.principle, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${g.kind}:${g.principle}`;
        const errors = g.stories.filter((s) => s.errors > 0).length;
        item.description = [g.kind === 'unknown' ? 'unknown principle' : undefined, plural(g.stories.length, 'story', 'stories'), errors ? `${errors} with errors` : undefined]
          .filter(Boolean)
          .join(' · ');
        item.iconPath =
          g.kind === 'unknown'
            ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
            : g.kind === 'none'
              ? new vscode.ThemeIcon('circle-slash')
              : new vscode.ThemeIcon('star-empty');
        item.tooltip =
          g.kind === 'unknown'
            ? `"${g.principle}" is not one of Amazon's sixteen Leadership Principles; check the spelling in these stories' front matter.`
            : g.kind === 'none'
              ? 'Stories whose front matter names no principle. Add `principles: [...]` so the right lens applies.'
              : undefined;
        item.contextValue = g.kind === 'none' ? 'starNoPrinciple' : g.kind === 'unknown' ? 'starUnknownPrinciple' : 'starPrinciple';
        return item;
      }
      case 'story':
        return storyItem(node.story, `${node.groupKey}|${node.story.file}`);
    }
  }

  private listNames(list: Exclude<CoverageList, 'unanswered'>, c: Coverage): string[] {
    return list === 'missing' ? c.missing : list === 'errors-only' ? c.errorsOnly : c.unknownPrinciples;
  }

  // ---- the test seam ---------------------------------------------------------------------------

  /**
   * The tree as plain data, read through getChildren and getTreeItem as VS Code reads it, once the first
   * scan is done; with `after`, once the tree has been repainted more than `after` times.
   */
  async treeSnapshot(after?: unknown): Promise<StoryBankSnapshot> {
    if (this.scanning) await this.scanning;
    if (typeof after === 'number' && this.renders <= after) {
      await new Promise<void>((resolve) => {
        const sub = this.renderEmitter.event(() => {
          if (this.renders > after) {
            sub.dispose();
            resolve();
          }
        });
      });
    }
    const plain = (node: Node): StoryBankSnapshotNode => {
      const item = this.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return {
        ...(item.id ? { id: item.id } : {}),
        label,
        ...(typeof item.description === 'string' ? { description: item.description } : {}),
        ...(item.resourceUri ? { uri: item.resourceUri.toString() } : {}),
        children: this.getChildren(node).map(plain),
      };
    };
    return { renders: this.renders, roots: this.getChildren().map(plain) };
  }

  // ---- the report ------------------------------------------------------------------------------

  /** Opens the coverage report as an untitled Markdown document (nothing is written to the workspace). */
  async openReport(): Promise<void> {
    if (this.scanning) await this.scanning;
    this.flushEdits();
    const snap = this.current();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const date = new Date().toISOString().slice(0, 10);
    const content = formatCoverageReport(snap.stories, snap.coverage, {
      title: 'STAR story bank: coverage report',
      subtitle: `${folder ? `Workspace ${folder.name}, ` : ''}${date}.`,
      label: (file) => {
        try {
          return vscode.workspace.asRelativePath(vscode.Uri.parse(file));
        } catch {
          return file;
        }
      },
    });
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc, { preview: false });
  }
}

/** The tree item of one story: level, spoken time against the level's length, error and warning counts; opens the file. */
function storyItem(s: StorySummary, id: string): vscode.TreeItem {
  const uri = vscode.Uri.parse(s.file);
  const item = new vscode.TreeItem(s.title, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.resourceUri = uri;
  const time = `${formatSeconds(s.totalSeconds)} / ${formatSeconds(s.levelSeconds)}`;
  const counts = s.errors || s.warnings ? [s.errors ? plural(s.errors, 'error', 'errors') : '', s.warnings ? plural(s.warnings, 'warning', 'warnings') : ''].filter(Boolean).join(', ') : 'no errors or warnings';
  item.description = `${s.level} · ${time} · ${counts}`;
  const over = s.totalSeconds > s.levelSeconds;
  item.iconPath =
    s.errors > 0
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : s.warnings > 0
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown('**').appendText(s.title).appendMarkdown('**\n\n');
  if (s.question) tip.appendText(s.question).appendMarkdown('\n\n');
  tip.appendText(`Level ${s.level}. Spoken time ${time}${over ? ' (over the level\'s length)' : ''}.\n`);
  tip.appendText(`${counts[0].toUpperCase()}${counts.slice(1)}.\n`);
  tip.appendText(`Principles: ${s.principles.map((p) => (s.unknownPrinciples.includes(p) ? `${p} (unknown)` : p)).join(', ') || NO_PRINCIPLE.toLowerCase()}.\n`);
  tip.appendText(vscode.workspace.asRelativePath(uri));
  item.tooltip = tip;
  item.command = { command: 'vscode.open', title: 'Open Story', arguments: [uri] };
  item.contextValue = 'starStory';
  return item;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
