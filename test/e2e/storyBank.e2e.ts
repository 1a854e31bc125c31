// The story bank as a person sees it: the STAR Stories view in the Explorer groups the stories by
// Leadership Principle, shows a hostile principle name as plain text, follows the files on disk, and opens a
// story when its row is clicked. Takes docs/screenshots/story-bank.png for the README.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { Workbench, context } from './harness';

/** The stories of the integration suite's story-bank fixtures, added to this workbench's own copy. */
const BANK_FIXTURES = ['bank-two-principles.star.md', 'bank-unknown-principle.star.md', 'bank-no-principle.star.md'];

describe('the story bank in the Explorer', function () {
  let wb: Workbench;
  let view: Locator;

  /** A row of the tree: a group (level 1 under Coverage's siblings) or a story (level 2). */
  const row = (level: number, text: string): Locator => view.locator(`.monaco-list-row[aria-level="${level}"]`, { hasText: text }).first();

  before(async () => {
    wb = await Workbench.open();
    // The view is a pane of the Explorer, below the folder, titled by its name in package.json.
    const header = wb.page.locator('.pane-header', { hasText: 'STAR Stories' }).first();
    await header.waitFor();
    view = wb.page.locator('.pane', { has: header });
    // The folder's own pane collapsed, so the bank has the height of the side bar and every row is drawn.
    const folder = wb.page.locator('.pane-header', { hasText: path.basename(wb.workspace) }).first();
    if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
    await wb.page.locator('.explorer-folders-view').waitFor({ state: 'hidden' });
  });
  afterEach(async function () {
    await wb?.captureFailure(this.currentTest);
  });
  after(async () => wb?.close());

  it('expands to the stories grouped by principle, with a Coverage group on top', async () => {
    const header = view.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await row(1, 'Coverage').waitFor();
    // search-latency.star.md names Dive Deep and Ownership: it is a story row under each.
    await row(1, 'Dive Deep').waitFor();
    await row(1, 'Ownership').waitFor();
    const stories = view.locator('.monaco-list-row[aria-level="2"]', { hasText: 'The slow search page' });
    await stories.first().waitFor();
    assert.strictEqual(await stories.count(), 2, 'the story appears under both of its principles');
    // cache-stampede.star.md misspells Ownership: its name is a group of its own, marked unknown.
    assert.match(await row(1, 'Ownershp').innerText(), /unknown principle/);
  });

  it('shows a principle name made of markup as text, and runs none of it', async () => {
    // hostile.star.md names `<svg onload="window.starPwned='principle'">` as a principle.
    const hostile = row(1, '<svg onload=');
    await hostile.waitFor();
    assert.match(await hostile.innerText(), /<svg onload="window\.starPwned='principle'"><\/svg>/);
    assert.strictEqual(await wb.page.evaluate(() => (window as unknown as { starPwned?: string }).starPwned), undefined);
    assert.deepStrictEqual(wb.dialogs, []);
  });

  it('follows the files on disk: a deleted story leaves, new stories come in', async () => {
    fs.rmSync(path.join(wb.workspace, 'hostile.star.md'));
    await row(1, '<svg onload=').waitFor({ state: 'detached' });
    for (const name of BANK_FIXTURES) {
      fs.copyFileSync(path.join(context().repoRoot, 'test', 'integration', 'fixtures', name), path.join(wb.workspace, name));
    }
    await row(1, 'Frugality').waitFor();
    await row(1, 'Radical Candour').waitFor();
    await row(1, 'No principle').waitFor();
    await row(2, 'The on-call week in a new language').waitFor();
  });

  it('opens a story when its row is clicked', async () => {
    await row(2, 'The test fleet that shrank by half').click();
    await wb.page.locator('.editor-group-container.active .tab.active', { hasText: 'bank-two-principles.star.md' }).waitFor();
    await wb.editor().locator('.view-line', { hasText: 'The test fleet that shrank by half' }).first().waitFor();
    // Widen the side bar by its sash, as a person would, so the rows' level, time and counts show in full.
    const sidebar = wb.page.locator('#workbench\\.parts\\.sidebar');
    const box = await sidebar.boundingBox();
    assert.ok(box, 'the side bar is shown');
    const edge = box.x + box.width;
    await wb.page.mouse.move(edge - 1, box.y + box.height / 2);
    await wb.page.mouse.down();
    await wb.page.mouse.move(edge + 200, box.y + box.height / 2, { steps: 5 });
    await wb.page.mouse.up();
    await wb.page.waitForFunction(
      (before) => (document.getElementById('workbench.parts.sidebar')?.getBoundingClientRect().width ?? 0) > before + 100,
      box.width,
    );
    // The pointer off the sash, so the picture shows no drag highlight.
    await wb.page.mouse.move(box.x + box.width + 400, box.y + box.height - 40);
    await wb.page.locator('.monaco-sash.hover, .monaco-sash.active').first().waitFor({ state: 'detached' });
    await row(1, 'Coverage').waitFor();
    await row(2, 'The slow search page').waitFor();
    await wb.screenshot('story-bank');
  });
});
