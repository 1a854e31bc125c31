// A story full of markup (script tags, event handlers, javascript: links, an iframe) is shown as text:
// nothing in it runs, in our panel or in the preview.
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import { Workbench, commandTitle } from './harness';

/** What a script from the story would have changed inside a webview, had any run. */
async function sideEffects(frame: FrameLocator): Promise<string[]> {
  return frame.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const win = doc.defaultView as (Window & { starPwned?: unknown }) | null;
    const found: string[] = [];
    if (win?.starPwned !== undefined) found.push(`window.starPwned = ${String(win.starPwned)}`);
    if (/pwned/i.test(doc.title)) found.push(`document.title = ${doc.title}`);
    return found;
  });
}

/** Markup from the story that became live elements (our panel must show it as text only). */
async function liveMarkup(frame: FrameLocator): Promise<string[]> {
  return frame.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const found: string[] = [];
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) found.push(`<${el.tagName.toLowerCase()} ${attr}>`);
      }
    }
    for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
      if (/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) found.push('a javascript: link');
    }
    for (const s of Array.from(doc.querySelectorAll('script'))) {
      if (/starPwned/.test(s.textContent ?? '')) found.push('a <script> from the story');
    }
    if (doc.querySelector('iframe, svg, img')) found.push('an iframe, svg or img element');
    return found;
  });
}

describe('a hostile story', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open();
    await wb.quickOpen('hostile.star.md');
  });
  afterEach(async function () {
    await wb?.captureFailure(this.currentTest);
  });
  after(async () => wb?.close());

  it('shows its markup as text in the walkthrough panel and runs none of it', async () => {
    await wb.runCommand(commandTitle('star.openWalkthrough'));
    const panel = wb.webview();
    // The story's question and an unknown principle (both full of markup) come back as visible text.
    await panel.locator('body', { hasText: "onerror=\"window.starPwned='question'" }).waitFor();
    await panel.locator('body', { hasText: "<svg onload=\"window.starPwned='principle'\">" }).waitFor();
    assert.deepStrictEqual(await sideEffects(panel), []);
    assert.deepStrictEqual(await liveMarkup(panel), [], 'story markup became elements in the panel');
    assert.doesNotMatch(await wb.page.title(), /pwned/i);
    assert.deepStrictEqual(wb.dialogs, [], 'no dialog should have opened');
  });

  it('runs none of it in the preview either, even when its javascript: link is clicked', async () => {
    await wb.quickOpen('hostile.star.md');
    await wb.runCommand(commandTitle('star.openPreview'));
    const preview = wb.webview('vscode.markdown-language-features');
    await preview.locator('body', { hasText: 'Rendering user text as markup' }).waitFor();
    // Markdown may render the javascript: link as plain text; if it is a link, a click must run nothing.
    const link = preview.locator('a', { hasText: 'harmless looking link' });
    if (await link.count()) {
      await link.first().click();
      await preview.locator('body', { hasText: 'Rendering user text as markup' }).waitFor();
    }
    // VS Code's own preview keeps some raw HTML and relies on its CSP: what matters is that nothing ran.
    assert.deepStrictEqual(await sideEffects(preview), []);
    assert.doesNotMatch(await wb.page.title(), /pwned/i);
    assert.deepStrictEqual(wb.dialogs, [], 'no dialog should have opened');
  });
});
