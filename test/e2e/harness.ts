// Helpers for the user-level checks: a person's view of VS Code (code-server in chromium), driven with the
// keyboard and read from the DOM. scripts/test-vscode.mjs starts the server and the browser, then calls
// setContext() before mocha loads the *.e2e.js files. Every wait is for something to appear, never a sleep.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';

/** What the runner hands the checks: the browser it owns and where things are. */
export interface E2eContext {
  browser: Browser;
  /** The workbench URL: the e2e fixtures folder with our extension in development mode. */
  url: string;
  /** The workspace folder on disk (a temp copy of test/e2e/fixtures). */
  workspace: string;
  repoRoot: string;
  /** Where screenshots for the README go (docs/screenshots). */
  screenshots: string;
  temp: string;
}

let current: E2eContext | undefined;
const open = new Set<Workbench>();

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

/** A modifier-free way to write "the editor group's active tab". */
const ACTIVE_TAB = '.editor-group-container.active .tab.active';

/** One browser tab showing the workbench, with the actions a person takes. */
export class Workbench {
  /** Dialogs (alert, confirm, prompt) any frame tried to open: a hostile story must cause none. */
  readonly dialogs: string[] = [];

  private constructor(
    readonly browserContext: BrowserContext,
    readonly page: Page,
  ) {}

  /** Opens the workbench on the e2e workspace and waits until the explorer lists its files. */
  static async open(): Promise<Workbench> {
    const ctx = context();
    const browserContext = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await browserContext.newPage();
    const wb = new Workbench(browserContext, page);
    open.add(wb);
    page.on('dialog', (dialog) => {
      wb.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    await page.goto(ctx.url);
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

  /** Runs a command from the palette (F1) by the title a person sees, e.g. "STAR: Open Walkthrough". */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
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

  /** The content document of the webview titled `title` (inside iframe.webview, then iframe#active-frame). */
  webview(title?: string): FrameLocator {
    const outer = title
      ? this.page.locator(`iframe.webview[title="${title}"]`).first()
      : this.page.locator('iframe.webview.ready').first();
    return outer.contentFrame().frameLocator('iframe#active-frame');
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

  /** Saves a screenshot of the whole window to docs/screenshots/<name>.png. */
  async screenshot(name: string): Promise<string> {
    const dir = context().screenshots;
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
