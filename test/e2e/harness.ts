// Helpers for the user-level checks: a person's view of VS Code (code-server in chromium), driven with the
// keyboard and read from the DOM. scripts/test-vscode.mjs starts the server and the browser, then calls
// setContext() before mocha loads the *.e2e.js files. Every wait is for something to appear, never a sleep.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';

/** What the runner hands the checks: the browser it owns and where things are. */
export interface E2eContext {
  browser: Browser;
  /** The workbench URL that opens `folder` with our extension in development mode. */
  urlFor(folder: string): string;
  /** The fixtures every workbench starts from (test/e2e/fixtures). */
  fixtures: string;
  repoRoot: string;
  /** Where screenshots for the README go (docs/screenshots). */
  screenshots: string;
  /** A temp folder of this run; each workbench gets a fresh copy of the fixtures under it. */
  temp: string;
}

let current: E2eContext | undefined;
const open = new Set<Workbench>();
let workspaces = 0;

/** Called by the runner before the checks load. */
export function setContext(context: E2eContext): void {
  current = context;
}

/** The runner's context; throws when the checks were started some other way. */
export function context(): E2eContext {
  if (!current) {
    throw new Error('test/e2e runs under scripts/test-vscode.mjs (npm run test:vscode), which provides the browser.');
  }
  return current;
}

/** Closes every workbench still open; the runner calls it when the checks are done. */
export async function closeAll(): Promise<void> {
  await Promise.all([...open].map((wb) => wb.close()));
}

/** The palette title of a contributed command (`Category: Title`), read from package.json. */
export function commandTitle(id: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(context().repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { commands?: { command: string; title: string; category?: string }[] };
  };
  const command = manifest.contributes?.commands?.find((c) => c.command === id);
  if (!command) throw new Error(`${id} is not in contributes.commands`);
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** The active tab of the active editor group. */
const ACTIVE_TAB = '.editor-group-container.active .tab.active';

/** One browser tab showing the workbench, with the actions a person takes. */
export class Workbench {
  /** Dialogs (alert, confirm, prompt) any frame tried to open: a hostile story must cause none. */
  readonly dialogs: string[] = [];

  private constructor(
    readonly browserContext: BrowserContext,
    readonly page: Page,
    /** This workbench's own workspace folder on disk, a fresh copy of the fixtures. */
    readonly workspace: string,
  ) {}

  /**
   * Opens a workbench on a fresh copy of the fixtures (so no edit or editor state of another check leaks
   * in) and waits until the explorer lists its files.
   */
  static async open(): Promise<Workbench> {
    const ctx = context();
    workspaces += 1;
    const workspace = path.join(ctx.temp, `ws-e2e-${workspaces}`);
    fs.cpSync(ctx.fixtures, workspace, { recursive: true });
    const browserContext = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await browserContext.newPage();
    const wb = new Workbench(browserContext, page, workspace);
    open.add(wb);
    page.on('dialog', (dialog) => {
      wb.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    await page.goto(ctx.urlFor(workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return wb;
  }

  /** Closes this tab's browser context. */
  async close(): Promise<void> {
    open.delete(this);
    await this.browserContext.close().catch(() => undefined);
  }

  /** Quick Open (Ctrl+P): types the file name and opens it; waits for its tab to be the active one. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(fileName);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(ACTIVE_TAB, { hasText: fileName }).waitFor();
    await this.editor().locator('.view-line').first().waitFor();
  }

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * Runs a command from the palette (F1) by the title a person sees, e.g. "STAR: Open Walkthrough". Unless
   * the command opens a picker of its own (`opensPicker`), waits for the palette to close.
   */
  async runCommand(title: string, opensPicker = false): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await this.page.keyboard.press('Enter');
    if (!opensPicker) await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns its rows once at least one is shown. */
  async problems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await panel.waitFor();
    const rows = panel.locator('.monaco-list-row');
    await rows.first().waitFor();
    return rows;
  }

  /**
   * The content document of a webview (inside iframe.webview, then iframe#active-frame): by default the
   * one our extension owns; pass another extension id for e.g. the built-in Markdown preview, or '' for
   * the workbench's own (the Get Started media).
   */
  webview(extensionId = 'star-stories.star-stories'): FrameLocator {
    return this.page
      .locator(`iframe.webview[src*="extensionId=${extensionId}&"]`)
      .first()
      .contentFrame()
      .frameLocator('iframe#active-frame');
  }

  /** Moves the editor cursor to a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Clicks the light bulb of a 1-based line once VS Code shows it there (in the gutter in VS Code 1.100,
   * or the older floating widget), which opens the Quick Fix menu.
   */
  async clickLightBulb(line: number): Promise<void> {
    const handle = await this.page.waitForFunction((wanted) => {
      const group = document.querySelector('.editor-group-container.active');
      if (!group) return null;
      const number = Array.from(group.querySelectorAll('.line-numbers')).find((e) => e.textContent?.trim() === String(wanted));
      if (!number) return null;
      const r = number.getBoundingClientRect();
      const middle = r.top + r.height / 2;
      const bulbs = Array.from(group.querySelectorAll('[class*="codicon-gutter-lightbulb"], .lightBulbWidget'));
      return bulbs.find((b) => {
        const br = b.getBoundingClientRect();
        return br.height > 0 && br.top <= middle && br.bottom >= middle;
      }) ?? null;
    }, line);
    const bulb = handle.asElement();
    if (!bulb) throw new Error(`no light bulb on line ${line}`);
    await bulb.click();
  }

  /** After a failed test, saves what the window showed to out/vscode-e2e/failures/<test>.png. */
  async captureFailure(test: { state?: string; fullTitle(): string } | undefined): Promise<void> {
    if (!test || test.state !== 'failed') return;
    const dir = path.join(context().repoRoot, 'out', 'vscode-e2e', 'failures');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${test.fullTitle().replace(/[^\w.-]+/g, '-').slice(0, 100)}.png`);
    await this.page.screenshot({ path: file }).catch(() => undefined);
    console.log(`      (screenshot of the failure: ${path.relative(context().repoRoot, file)})`);
  }

  /** Saves a screenshot of the whole window to docs/screenshots/<name>.png. */
  async screenshot(name: string): Promise<string> {
    const dir = context().screenshots;
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
