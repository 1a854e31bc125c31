/**
 * The walkthrough page in a real browser (headless chromium through playwright-core): a harness that
 * mimics the webview (the same CSP, an `acquireVsCodeApi` stub that records messages and state, the
 * theme's --vscode-* variables) loads media/panel.css and the page bundle, then gets `update` messages.
 * Checks the rendering, the messages the page sends, that hostile text never runs, and takes the
 * screenshots in docs/screenshots/. Skips (not fails) when chromium is not installed.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadWalkthroughs, panelForStory } from '../../src/core';
import type { PanelViewModel } from '../../src/core';

const ROOT = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env.STAR_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'http://panel.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0';
const CSP = `default-src 'none'; style-src ${ORIGIN}; img-src ${ORIGIN}; script-src 'nonce-${NONCE}';`;

/** The fixture story's view model, built by the core from the shipped walkthroughs. */
function fixtureModel(): PanelViewModel {
  const dir = join(ROOT, 'walkthroughs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ name: `walkthroughs/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const { walkthroughs } = loadWalkthroughs(files);
  const p = panelForStory(readFileSync(join(ROOT, 'test', 'webview', 'fixture.star.md'), 'utf8'), walkthroughs);
  assert.ok(p.model, p.reason);
  return p.model;
}

function harness(theme: string, csp: boolean): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${CSP}">` : ''}
<link rel="stylesheet" href="${ORIGIN}/theme-${theme}.css">
<link rel="stylesheet" href="${ORIGIN}/media/panel.css">
<title>harness</title></head>
<body class="vscode-${theme === 'hc' ? 'high-contrast' : theme}"><main id="root"></main>
<script nonce="${NONCE}" src="${ORIGIN}/dist/webview/main.js"></script>
</body></html>`;
}

// Runs in the page before its scripts: the VS Code API stub, and a record of CSP violations.
const STUB = `
window.__messages = [];
window.__state = undefined;
window.__violations = [];
window.acquireVsCodeApi = function () {
  return {
    postMessage: function (m) { window.__messages.push(JSON.parse(JSON.stringify(m))); },
    getState: function () { return window.__state; },
    setState: function (s) { window.__state = JSON.parse(JSON.stringify(s)); },
  };
};
document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });
`;

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">click</a>',
  '</style><style>body{display:none}</style>',
  '"><svg onload="window.__pwned=1">',
].join(' ');

/** The fixture model with hostile text in every string the page shows. */
function hostileModel(base: PanelViewModel): PanelViewModel {
  const m: PanelViewModel = JSON.parse(JSON.stringify(base));
  m.question = `Q ${HOSTILE}`;
  m.leadWith = HOSTILE;
  m.principles = [HOSTILE];
  m.match.explanation = HOSTILE;
  m.walkthroughId = 'javascript:window.__pwned=1';
  m.alternatives = [{ id: 'x', question: HOSTILE }];
  for (const s of m.steps) {
    s.coaching = HOSTILE;
    s.mistake = HOSTILE;
    s.example = HOSTILE;
    s.label = HOSTILE;
    s.signals = s.signals.map((sig) => ({ ...sig, text: HOSTILE }));
    s.findings = [{ ruleId: HOSTILE, severity: 'error', message: HOSTILE, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
  }
  for (const f of m.followUps) Object.assign(f, { probe: HOSTILE, probes: HOSTILE, weak: HOSTILE, weakWhy: HOSTILE, strong: `${HOSTILE} key`, keyPhrase: '<img src=x onerror="window.__pwned=1">' });
  for (const l of m.lenses) Object.assign(l, { principle: HOSTILE, leadWith: HOSTILE, emphasize: HOSTILE, playDown: HOSTILE });
  Object.assign(m.level, { focus: HOSTILE, bar: HOSTILE, label: HOSTILE });
  for (const q of m.quiz) Object.assign(q, { question: HOSTILE, options: q.options.map(() => HOSTILE), why: HOSTILE });
  return m;
}

describe('webview page (headless chromium)', function () {
  this.timeout(30000);
  let browser: Browser | undefined;
  let context: BrowserContext;
  let bundle = '';
  let model: PanelViewModel;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.warn(`      (skipped: no chromium at ${CHROMIUM}; install it or set STAR_CHROMIUM to run the webview page tests)`);
      this.skip();
    }
    model = fixtureModel();
    // The same options as esbuild.mjs, built from source so the test never runs a stale dist/.
    const out = await build({ entryPoints: [join(ROOT, 'src', 'webview', 'page', 'main.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
    bundle = out.outputFiles[0].text;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext();
    await serve(context);
  });

  after(async () => {
    await browser?.close();
  });

  /** Serves the harness pages (`/<theme>.html`, `/<theme>-nocsp.html`), the stylesheets and the bundle. */
  async function serve(ctx: BrowserContext): Promise<void> {
    const css = readFileSync(join(ROOT, 'media', 'panel.css'), 'utf8');
    await ctx.addInitScript(STUB);
    await ctx.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const page = /^\/(dark|light|hc)(-nocsp)?\.html$/.exec(path);
      const theme = /^\/theme-(dark|light|hc)\.css$/.exec(path);
      if (page) await route.fulfill({ status: 200, contentType: 'text/html', body: harness(page[1], !page[2]) });
      else if (theme) await route.fulfill({ status: 200, contentType: 'text/css', body: readFileSync(join(ROOT, 'test', 'webview', `theme-${theme[1]}.css`), 'utf8') });
      else if (path === '/media/panel.css') await route.fulfill({ status: 200, contentType: 'text/css', body: css });
      else if (path === '/dist/webview/main.js') await route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle });
      else await route.fulfill({ status: 404, body: '' });
    });
  }

  /** A fresh page with the harness; resolves once the page script has sent `ready`. */
  async function open(theme = 'dark', csp = true, width = 900, height = 1400): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${ORIGIN}/${theme}${csp ? '' : '-nocsp'}.html`);
    await page.waitForFunction(() => (window as unknown as { __messages: unknown[] }).__messages.length > 0);
    return page;
  }

  const messages = (page: Page): Promise<Array<Record<string, unknown>>> => page.evaluate(() => (window as unknown as { __messages: Array<Record<string, unknown>> }).__messages);
  const send = (page: Page, msg: unknown): Promise<void> => page.evaluate((m) => window.postMessage(m, '*'), msg);

  async function showModel(page: Page, m: PanelViewModel): Promise<void> {
    await send(page, { type: 'update', model: m, documentUri: 'file:///stories/resizer.star.md' });
    await page.waitForSelector('h1.question');
  }

  it('sends ready first, then renders the model as text', async () => {
    const page = await open();
    assert.deepEqual(await messages(page), [{ type: 'ready' }]);
    await showModel(page, model);
    assert.equal(await page.textContent('h1.question'), model.question);
    assert.equal(await page.locator('.step-card').count(), 5);
    assert.deepEqual(await page.locator('.step-card h3').allTextContents(), ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
    const result = page.locator('.step-card[data-step="result"]');
    assert.match((await result.locator('.findings').textContent()) ?? '', /unquantified-result/);
    assert.equal(await result.locator('.signal.shown').count(), 0);
    assert.ok((await page.locator('.step-card[data-step="task"] .signal.shown').count()) >= 1);
    assert.equal(await page.locator('details.followup').count(), model.followUps.length);
    assert.match((await page.locator('details.followup').first().locator('summary').textContent()) ?? '', /Answered in your story/);
    assert.equal(await page.locator('.lens').count(), model.lenses.length);
    assert.match((await page.textContent('.section.level h2')) ?? '', /Level: Senior/);
    assert.equal(await page.locator('.quiz-item').count(), model.quiz.length);
    assert.match((await page.textContent('.why-matched')) ?? '', /\d+% similar; shared: push back/);
    const state = await page.evaluate(() => (window as unknown as { __state: { documentUri?: string } }).__state);
    assert.equal(state.documentUri, 'file:///stories/resizer.star.md');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), [], 'no CSP violation');
    await page.close();
  });

  it('clicking a finding, a step or a follow-up answer asks the host to reveal its range', async () => {
    const page = await open();
    await showModel(page, model);
    const finding = model.steps.find((s) => s.step === 'result')!.findings[0];
    await page.locator('.step-card[data-step="result"] .finding').first().click();
    assert.deepEqual((await messages(page)).at(-1), { type: 'reveal', range: finding.range });
    await page.locator('.step-card[data-step="action"] .step-head button').click();
    assert.deepEqual((await messages(page)).at(-1), { type: 'reveal', range: model.steps[2].headingRange });
    await page.locator('details.followup').first().locator('summary').click();
    await page.locator('details.followup').first().getByText('Go to your answer').click();
    assert.deepEqual((await messages(page)).at(-1), { type: 'reveal', range: model.followUps[0].storyHeading!.range });
    await page.close();
  });

  it('is keyboard reachable: Tab reaches the buttons and Enter activates a finding', async () => {
    const page = await open();
    await showModel(page, model);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Pick another walkthrough');
    await page.keyboard.press('Enter');
    assert.deepEqual((await messages(page)).at(-1), { type: 'pickWalkthrough' });
    await page.locator('.step-card[data-step="result"] .finding').first().focus();
    await page.keyboard.press('Enter');
    assert.equal((await messages(page)).at(-1)?.type, 'reveal');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused button shows a focus ring');
    await page.close();
  });

  it('offers the picker and the close alternatives', async () => {
    const page = await open();
    await showModel(page, model);
    await page.getByText('Pick another walkthrough').click();
    assert.deepEqual((await messages(page)).at(-1), { type: 'pickWalkthrough' });
    await page.locator('.actions button.secondary').first().click();
    assert.deepEqual((await messages(page)).at(-1), { type: 'pickWalkthrough', id: model.alternatives[0].id });
    await page.close();
  });

  it('quiz: shows right or wrong and why, remembers the answer in state, tells the host', async () => {
    const page = await open();
    await showModel(page, model);
    const q = model.quiz[0];
    const wrong = q.answer === 0 ? 1 : 0;
    const item = page.locator('.quiz-item').first();
    await item.locator('.quiz-option').nth(wrong).click();
    assert.match((await item.locator('.quiz-feedback').textContent()) ?? '', /Not quite\./);
    assert.match((await item.locator('.quiz-feedback').textContent()) ?? '', new RegExp(q.why.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await item.locator('.quiz-option.right').count(), 1);
    assert.deepEqual((await messages(page)).at(-1), { type: 'quizAnswer', walkthroughId: model.walkthroughId, question: 0, choice: wrong });
    await item.locator('.quiz-option').nth(q.answer).click();
    assert.match((await page.locator('.quiz-item').first().locator('.quiz-feedback').textContent()) ?? '', /Right\./);
    const state = await page.evaluate(() => (window as unknown as { __state: { quiz: Record<string, Record<string, number>> } }).__state);
    assert.equal(state.quiz[model.walkthroughId]['0'], q.answer);
    // A new model (the story changed) keeps the answer shown.
    await showModel(page, { ...model });
    assert.match((await page.locator('.quiz-item').first().locator('.quiz-feedback').textContent()) ?? '', /Right\./);
    await page.close();
  });

  it('remembers which sections are open across updates', async () => {
    const page = await open();
    await showModel(page, model);
    await page.locator('.step-card[data-step="task"] details.example-box summary').click();
    await page.waitForFunction(() => Object.values((window as unknown as { __state: { open?: Record<string, boolean> } }).__state.open ?? {}).some(Boolean));
    await showModel(page, model);
    assert.equal(await page.locator('.step-card[data-step="task"] details.example-box').evaluate((d) => (d as HTMLDetailsElement).open), true);
    assert.equal(await page.locator('.step-card[data-step="action"] details.example-box').evaluate((d) => (d as HTMLDetailsElement).open), false);
    await page.close();
  });

  it('shows the empty state with a picker when asked', async () => {
    const page = await open();
    await send(page, { type: 'empty', reason: 'No walkthrough matches this story yet.', canPick: true });
    await page.waitForSelector('.empty button');
    assert.equal(await page.textContent('.empty p'), 'No walkthrough matches this story yet.');
    await page.click('.empty button');
    assert.deepEqual((await messages(page)).at(-1), { type: 'pickWalkthrough' });
    await page.close();
  });

  it('ignores malformed messages', async () => {
    const page = await open();
    await showModel(page, model);
    for (const junk of [null, 'update', { type: 'update' }, { type: 'update', model: 'x' }, { type: 'eval', code: 'window.__pwned=1' }, { type: 'empty' }]) await send(page, junk);
    await send(page, { type: 'empty', reason: 'sentinel' });
    await page.waitForSelector('.empty');
    assert.equal(await page.textContent('.empty p'), 'sentinel');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.close();
  });

  for (const csp of [true, false]) {
    it(`never runs or loads anything from hostile text (${csp ? 'with' : 'without'} the CSP)`, async () => {
      const page = await open('dark', csp);
      const bad = hostileModel(model);
      await showModel(page, bad);
      // Open everything so every string is in the DOM and visible.
      for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      await page.locator('.quiz-option').first().click();
      await page.waitForSelector('.quiz-feedback');
      const report = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        imgs: document.querySelectorAll('img').length,
        svgs: document.querySelectorAll('svg').length,
        scripts: document.querySelectorAll('script').length,
        styles: document.querySelectorAll('style').length,
        links: document.querySelectorAll('a').length,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).map((a) => a.name)).filter((n) => /^on/i.test(n)),
        bodyShown: getComputedStyle(document.body).display !== 'none',
        text: document.body.textContent ?? '',
      }));
      assert.equal(report.pwned, undefined);
      assert.equal(report.imgs, 0);
      assert.equal(report.svgs, 0);
      assert.equal(report.scripts, 1, 'only the page script itself');
      assert.equal(report.styles, 0);
      assert.equal(report.links, 0);
      assert.deepEqual(report.handlers, []);
      assert.ok(report.bodyShown);
      assert.ok(report.text.includes('<script>window.__pwned=1</script>'), 'hostile text is shown as text');
      assert.ok(report.text.includes('<img src=x onerror="window.__pwned=1">'));
      await page.locator('.finding').first().click();
      assert.equal((await messages(page)).at(-1)?.type, 'reveal');
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      await page.close();
    });
  }

  it('takes the screenshots for docs/screenshots (dark, light, high contrast)', async () => {
    mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
    for (const [theme, file] of [['dark', 'panel-dark.png'], ['light', 'panel-light.png'], ['hc', 'panel-high-contrast.png']]) {
      const page = await open(theme, true, 820, 1500);
      await showModel(page, model);
      // A finding list, an open example, an open follow-up and an answered quiz question, as a user would see them.
      await page.locator('.step-card[data-step="task"] details.example-box summary').click();
      await page.locator('details.followup').first().locator('summary').click();
      await page.locator('.quiz-item').first().locator('.quiz-option').nth(model.quiz[0].answer).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', file), fullPage: false });
      assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
      await page.close();
    }
    assert.ok(existsSync(join(ROOT, 'docs', 'screenshots', 'panel-dark.png')));
    assert.ok(existsSync(join(ROOT, 'docs', 'screenshots', 'panel-light.png')));
  });
});

describe('webview page: source rules', () => {
  // The code without its comments (which may name what it avoids).
  const page = readFileSync(join(ROOT, 'src', 'webview', 'page', 'main.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const panel = readFileSync(join(ROOT, 'src', 'webview', 'panel.ts'), 'utf8');

  it('the page never builds HTML from strings, evaluates code or sets URLs', () => {
    for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', '.href', '.src =', 'setAttribute(\'style']) {
      assert.ok(!page.includes(banned), `main.ts uses ${banned}`);
    }
  });

  it('the panel sets the strict CSP with a nonce, two resource roots and no retained context', () => {
    assert.ok(panel.includes("default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${n}';"));
    assert.ok(panel.includes('randomBytes('));
    assert.ok(panel.includes("localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')]"));
    assert.ok(!/retainContextWhenHidden/.test(panel));
    assert.ok(panel.includes('isFromWebview(raw)'));
  });
});
