// The harness itself: the fixtures folder is the workspace and STAR Stories is the extension under development.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('opens the fixtures folder as the workspace', async () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1, 'expected exactly one workspace folder');
    const stories = await vscode.workspace.findFiles('**/*.star.md');
    assert.ok(stories.length > 0, 'the workspace holds no *.star.md fixture');
  });

  it('loads STAR Stories and activates it', async () => {
    const extension = await activate();
    assert.strictEqual(extension.id.toLowerCase(), EXTENSION_ID);
    assert.strictEqual(extension.isActive, true);
  });
});
