// A person writing a story: the coach underlines a finding, lists it in Problems, explains it on hover,
// fixes it from the light bulb, and shows the spoken time of each step.
import * as assert from 'assert';
import { Workbench } from './harness';

const STORY = 'cache-stampede.star.md';

describe('a story in the editor', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open();
    await wb.quickOpen(STORY);
  });
  afterEach(async function () {
    await wb?.captureFailure(this.currentTest);
  });
  after(async () => wb?.close());

  it('is a STAR Story, not plain Markdown', async () => {
    await wb.page.locator('.statusbar-item', { hasText: 'STAR Story' }).first().waitFor();
  });

  it('underlines a finding and lists it in the Problems panel', async () => {
    await wb.editor().locator('.squiggly-warning').first().waitFor();
    await wb.editor().locator('.squiggly-error').first().waitFor();
    const rows = await wb.problems();
    const we = rows.filter({ hasText: 'we-language' }).first();
    await we.waitFor();
    assert.match(await we.innerText(), /group the actor/);
    await rows.filter({ hasText: 'unquantified-result' }).first().waitFor();
  });

  it('explains the finding under the cursor on hover', async () => {
    await wb.goTo(20, 7); // "Then we rolled it out behind a flag."
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I');
    const hover = wb.page.locator('.monaco-hover', { hasText: 'we-language' }).first();
    await hover.waitFor();
    assert.match(await hover.innerText(), /say what you did yourself/);
    await wb.screenshot('diagnostics-hover');
    await wb.page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });
  });

  it('applies a quick fix from the light bulb', async () => {
    await wb.goTo(3, 15); // "principles: [Ownershp]"
    await wb.clickLightBulb(3);
    const menu = wb.page.locator('.action-widget');
    await menu.waitFor();
    const fix = menu.locator('.monaco-list-row', { hasText: 'Ownership' }).first();
    await fix.waitFor();
    await menu.locator('.monaco-list-row', { hasText: 'Disable' }).first().waitFor();
    await wb.screenshot('quick-fix-menu');
    // The menu sits under a pointer block, as for a person using the keyboard: move to the fix, press Enter.
    const rows = await menu.locator('.monaco-list-row').count();
    for (let i = 0; i < rows && !(await fix.evaluate((el) => el.classList.contains('focused'))); i++) {
      await wb.page.keyboard.press('ArrowDown');
    }
    await wb.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
    await wb.editor().locator('.view-line', { hasText: 'principles: [Ownership]' }).waitFor();
    const problems = await wb.problems();
    await problems.filter({ hasText: 'invalid-front-matter' }).first().waitFor({ state: 'detached' });
  });

  it('shows the spoken time of each step and of the whole story', async () => {
    const lens = wb.editor().locator('.codelens-decoration', { hasText: /target \d+ s/ });
    await lens.first().waitFor();
    assert.ok((await lens.count()) >= 5, 'one time hint per step heading');
    const total = wb.page.locator('.statusbar-item', { hasText: /\d+:\d\d \/ \d+:\d\d/ }).first();
    await total.waitFor();
    // Hide the Problems panel to show more of the story, then point at the total for its breakdown.
    await wb.page.keyboard.press('Control+J');
    await wb.page.locator('.markers-panel').waitFor({ state: 'hidden' });
    await wb.goTo(9, 1);
    await total.hover();
    const tip = wb.page.locator('.workbench-hover, .monaco-hover', { hasText: 'Spoken time' }).first();
    await tip.waitFor();
    assert.match(await tip.innerText(), /Situation/);
    await wb.screenshot('time-hints');
  });
});
