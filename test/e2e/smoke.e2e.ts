import * as assert from 'assert';
import { Workbench } from './harness';

describe('smoke', function () {
  let wb: Workbench;
  before(async () => {
    wb = await Workbench.open();
  });
  after(async () => wb?.close());
  it('opens a story', async () => {
    await wb.quickOpen('cache-stampede.star.md');
    const text = await wb.editor().locator('.view-lines').innerText();
    assert.match(text, /cache/);
    await wb.screenshot('smoke');
  });
});
