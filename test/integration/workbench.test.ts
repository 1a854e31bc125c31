// The harness itself: the workspace of fixtures is open and our extension is the one under development.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'star-stories.star-stories';

describe('workbench', () => {
  it('opens the fixtures folder as the workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'expected exactly one workspace folder');
    const stories = await vscode.workspace.findFiles('**/*.star.md');
    assert.ok(stories.length > 0, 'the workspace holds no *.star.md fixture');
  });

  it('loads STAR Stories and activates it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });
});
