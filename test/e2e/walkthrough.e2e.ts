// The walkthrough panel from the command palette, and VS Code's Get Started walkthrough for the extension.
import * as assert from 'assert';
import { Workbench, commandTitle } from './harness';

describe('walkthroughs', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.open();
    await wb.quickOpen('search-latency.star.md');
  });
  afterEach(async function () {
    await wb?.captureFailure(this.currentTest);
  });
  after(async () => wb?.close());

  it('opens the walkthrough panel from the palette and shows the coaching for the story', async () => {
    await wb.runCommand(commandTitle('star.openWalkthrough'));
    const panel = wb.webview();
    const question = panel.locator('h1.question');
    await question.waitFor();
    assert.ok((await question.innerText()).trim().length > 10, 'the panel should show the walkthrough question');
    // The steps of the answer, each with its coaching.
    for (const step of ['Situation', 'Task', 'Action', 'Result']) {
      await panel.locator('body', { hasText: step }).waitFor();
    }
    // The story's own findings are listed in the panel too.
    await panel.locator('body', { hasText: 'group the actor' }).waitFor();
    await wb.page.locator('.tab', { hasText: 'Walkthrough: ' }).first().waitFor();
    await wb.screenshot('walkthrough-panel');
  });

  it('opens the Get Started walkthrough', async () => {
    // Full width, so its steps and their pictures show as a person first sees them.
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Welcome: Open Walkthrough...', true);
    const input = wb.page.locator('.quick-input-widget input');
    await input.fill('STAR Stories');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with STAR Stories' }).first().waitFor();
    await wb.page.keyboard.press('Enter');
    const page = wb.page.locator('.gettingStartedContainer');
    await page.waitFor();
    await page.locator('.getting-started-step', { hasText: 'Create your first story' }).first().waitFor();
    // The first step's Markdown media, with its picture loaded.
    const media = wb.webview('');
    await media.locator('h1', { hasText: 'Create your first story' }).waitFor();
    const picture = media.locator('img').first();
    await picture.waitFor();
    const width = await picture.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.naturalWidth;
    });
    assert.ok(width > 0, 'the step picture should load');
    await wb.screenshot('get-started');
  });
});
