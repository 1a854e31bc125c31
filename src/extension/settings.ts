/**
 * The effective configuration: built-in defaults < `.starlint.yaml` at the first workspace folder's root <
 * the `star.*` settings the user actually set. (The story's front matter then sets the level, in core.)
 * Imports `vscode` for types only; the runtime namespace is handed in.
 */
import type * as vscode from 'vscode';
import { LEVELS, parseConfig, resolveConfig, rules } from '../core';
import type { Level, SeveritySetting, StarConfig } from '../core';

/** The settings file read at the workspace root. */
export const CONFIG_FILE = '.starlint.yaml';

/** When diagnostics refresh: as you type (debounced) or on save. */
export type LintOn = 'type' | 'save';

/** The scopes of `WorkspaceConfiguration.inspect` that count as "set by the user". */
export interface Inspected<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/**
 * The layer of `star.*` settings the user explicitly set (user, workspace or folder; defaults from the
 * manifest are not a layer, so `.starlint.yaml` is not overridden by them). Invalid values are skipped.
 */
export function explicitSettings(inspect: <T>(key: string) => Inspected<T> | undefined): Partial<StarConfig> {
  const out: Partial<StarConfig> = {};
  const pick = <T>(key: string): T | undefined => {
    const i = inspect<T>(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  const level = pick<unknown>('level');
  if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level.toLowerCase())) out.level = level.toLowerCase() as Level;
  const wpm = pick<unknown>('wordsPerMinute');
  if (typeof wpm === 'number' && Number.isFinite(wpm) && wpm > 0) out.wordsPerMinute = wpm;
  // Rule severities merge per rule across scopes: user < workspace < folder.
  const r = inspect<unknown>('rules');
  const merged: Record<string, SeveritySetting> = {};
  let anyRule = false;
  for (const layer of [r?.globalValue, r?.workspaceValue, r?.workspaceFolderValue]) {
    if (!layer || typeof layer !== 'object' || Array.isArray(layer)) continue;
    for (const [id, sev] of Object.entries(layer as Record<string, unknown>)) {
      const s = typeof sev === 'string' ? sev.toLowerCase() : sev === false ? 'off' : undefined;
      if (s && (SEVERITIES as readonly string[]).includes(s)) {
        merged[id] = s as SeveritySetting;
        anyRule = true;
      }
    }
  }
  if (anyRule) out.rules = merged;
  return out;
}

/** The parts of the `vscode` namespace the store uses. */
export type SettingsApi = Pick<typeof vscode, 'workspace' | 'window' | 'EventEmitter' | 'RelativePattern' | 'Uri' | 'FileSystemError'>;

/**
 * Holds the effective configuration and keeps it current: re-reads `.starlint.yaml` when it changes and the
 * settings when `star.*` changes, then fires `onDidChange`. A broken file is reported (one warning and the
 * output channel) and ignored, never thrown.
 */
export class ConfigStore {
  private fileLayer: Partial<StarConfig> = {};
  private editorLayer: Partial<StarConfig> = {};
  private resolved: StarConfig = resolveConfig();
  private lastReported = '';
  private watcher: vscode.Disposable | undefined;
  private readonly emitter: vscode.EventEmitter<void>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after the effective configuration (or `star.lintOn`) may have changed. */
  readonly onDidChange: vscode.Event<void>;

  constructor(
    private readonly api: SettingsApi,
    private readonly output: vscode.OutputChannel,
  ) {
    this.emitter = new api.EventEmitter<void>();
    this.onDidChange = this.emitter.event;
    this.editorLayer = this.readSettings();
    this.resolve();
    this.disposables.push(
      this.emitter,
      api.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('star')) return;
        this.editorLayer = this.readSettings();
        this.resolve();
        this.emitter.fire();
      }),
      api.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        void this.reloadFile();
      }),
    );
    this.watch();
  }

  /** The effective configuration for linting. */
  current(): StarConfig {
    return this.resolved;
  }

  /** `star.lintOn`: `type` (default) or `save`. */
  lintOn(): LintOn {
    return this.api.workspace.getConfiguration('star').get<string>('lintOn') === 'save' ? 'save' : 'type';
  }

  /** `star.walkthroughsFolder` as a URI (relative to the first workspace folder, or absolute), or undefined when unset. */
  walkthroughsFolder(): vscode.Uri | undefined {
    const value = (this.api.workspace.getConfiguration('star').get<string>('walkthroughsFolder') ?? '').trim();
    if (!value) return undefined;
    if (/^(?:\/|[A-Za-z]:[\\/])/.test(value)) return this.api.Uri.file(value);
    const root = this.api.workspace.workspaceFolders?.[0]?.uri;
    return root ? this.api.Uri.joinPath(root, ...value.split(/[\\/]+/).filter(Boolean)) : undefined;
  }

  /** Reads `.starlint.yaml` again (missing file: no layer) and fires `onDidChange` unless `notify` is false. */
  async reloadFile(notify = true): Promise<void> {
    const root = this.api.workspace.workspaceFolders?.[0]?.uri;
    let layer: Partial<StarConfig> = {};
    let problems: string[] = [];
    if (root) {
      const uri = this.api.Uri.joinPath(root, CONFIG_FILE);
      let text: string | undefined;
      try {
        text = new TextDecoder('utf-8').decode(await this.api.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
      } catch (e) {
        const notFound = e instanceof this.api.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound');
        if (!notFound) problems = [`${CONFIG_FILE}: cannot be read (${e instanceof Error ? e.message : String(e)})`];
      }
      if (text !== undefined) {
        const parsed = parseConfig(text, rules.map((r) => r.id));
        layer = parsed.config;
        problems = parsed.problems.map((p) => `${CONFIG_FILE}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      }
    }
    this.fileLayer = layer;
    this.report(problems);
    this.resolve();
    if (notify) this.emitter.fire();
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private readSettings(): Partial<StarConfig> {
    const config = this.api.workspace.getConfiguration('star');
    return explicitSettings((key) => config.inspect(key));
  }

  private resolve(): void {
    this.resolved = resolveConfig(this.fileLayer, this.editorLayer);
  }

  private watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    const folder = this.api.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const w = this.api.workspace.createFileSystemWatcher(new this.api.RelativePattern(folder, CONFIG_FILE));
    const reload = (): void => void this.reloadFile();
    const subs = [w.onDidCreate(reload), w.onDidChange(reload), w.onDidDelete(reload)];
    this.watcher = { dispose: () => [...subs, w].forEach((d) => d.dispose()) };
  }

  /** Shows problems once per distinct set: every line in the output channel, one warning message. */
  private report(problems: string[]): void {
    const key = problems.join('\n');
    if (key === this.lastReported) return;
    this.lastReported = key;
    if (!problems.length) return;
    for (const p of problems) this.output.appendLine(p);
    const msg = `STAR Stories: ${CONFIG_FILE} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; ${problems.length === 1 ? 'that setting is' : 'those settings are'} ignored. ${problems[0]}`;
    void this.api.window.showWarningMessage(msg, 'Show Output').then((pick) => {
      if (pick) this.output.show(true);
    });
  }
}
