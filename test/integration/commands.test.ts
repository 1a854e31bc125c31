// Every command the manifest contributes is registered and runs; New Story writes a sound skeleton; the
// walkthrough panel opens beside the story.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  GUARD_MS,
  acceptPrompts,
  activate,
  diagnosticsWhen,
  diagnosticsWith,
  openInEditor,
  revertAndClose,
  ruleOf,
  scratchCopy,
  waitFor,
} from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
}

/** The commands package.json contributes, read from the loaded extension's manifest. */
function contributedCommands(): ContributedCommand[] {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: { commands?: ContributedCommand[] } } | undefined;
  return manifest?.contributes?.commands ?? [];
}

/** True when a tab shows one of our webview panels (not VS Code's own Markdown preview). */
function isStarWebview(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputWebview && /star/i.test(tab.input.viewType);
}

/** Every tab in every group. */
function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

/** Structure rules a fresh skeleton must never trigger. */
const STRUCTURE_RULES = ['missing-section', 'section-order', 'invalid-front-matter'];

describe('commands', () => {
  let story: vscode.Uri;

  before(async () => {
    await activate();
    story = await scratchCopy('flawed.star.md');
  });

  beforeEach(async () => {
    // Each command runs with the story as the active editor, as from the palette.
    await openInEditor(story);
    await diagnosticsWith(story, 'we-language');
  });

  after(async () => {
    await revertAndClose(story);
  });

  it('the manifest contributes commands and every one is registered', async () => {
    const contributed = contributedCommands();
    assert.ok(contributed.length >= 5, `expected the star.* commands in contributes.commands, found ${contributed.length}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c.command)).map((c) => c.command);
    assert.deepStrictEqual(missing, [], 'contributed but not registered');
    for (const id of ['star.newStory', 'star.openWalkthrough', 'star.openPreview', 'star.lintWorkspace', 'star.fixAll']) {
      assert.ok(contributed.some((c) => c.command === id), `${id} is not contributed`);
    }
  });

  // How to run each command so that it does its work without a person: arguments, or prompts accepted.
  const runners: Record<string, () => Thenable<unknown>> = {
    'star.newStory': () => acceptPrompts(vscode.commands.executeCommand('star.newStory')),
    'star.disableRule': () => vscode.commands.executeCommand('star.disableRule', story, 'hedging', 0, 'file'),
    'star.fixAll': () => vscode.commands.executeCommand('star.fixAll', story),
    'star.openPreview': () => vscode.commands.executeCommand('star.openPreview', story),
  };

  for (const { command } of contributedCommands()) {
    it(`${command} runs without throwing`, async () => {
      const run = runners[command] ?? (() => vscode.commands.executeCommand(command));
      // A command that waits for input it was not given would hang: fail it by name instead.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const guard = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${command} did not finish within ${GUARD_MS} ms (waiting for input?)`)), GUARD_MS);
      });
      try {
        await Promise.race([run(), guard]);
      } finally {
        clearTimeout(timer);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
    });
  }

  it('star.lintWorkspace lints every story in the workspace', async () => {
    const stories = await vscode.workspace.findFiles('**/*.star.md');
    const result = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>('star.lintWorkspace');
    assert.ok(result, 'star.lintWorkspace should return its counts');
    assert.strictEqual(result.files, stories.length);
    assert.ok(result.errors >= 1, 'flawed.star.md has an error-level finding');
    // A story that is not open gets its diagnostics too.
    const closed = stories.find((u) => u.path.endsWith('/no-level.star.md'));
    assert.ok(closed);
  });

  it('star.newStory opens a skeleton with no structure findings', async () => {
    const uri = await acceptPrompts(vscode.commands.executeCommand<vscode.Uri | undefined>('star.newStory'));
    assert.ok(uri instanceof vscode.Uri, 'star.newStory should return the new story URI');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), uri.toString(), 'the new story should be the active editor');
    const doc = editor.document;
    assert.strictEqual(doc.languageId, 'star');
    assert.ok(uri.path.endsWith('.star.md'), `the suggested file name should end in .star.md: ${uri.path}`);
    for (const step of ['Situation', 'Task', 'Action', 'Result', 'Reflection']) {
      assert.match(doc.getText(), new RegExp(`^## ${step}\\b`, 'm'), `the skeleton should have ## ${step}`);
    }
    // The command opens an empty document and then inserts the skeleton, so the first lint may see the
    // empty text; wait for the lint of the skeleton (which has content findings, e.g. no number in the
    // Result) and check that it holds no structure finding.
    const ds = await diagnosticsWhen(
      uri,
      (all) => all.length > 0 && !all.some((d) => STRUCTURE_RULES.includes(ruleOf(d) ?? '')),
      'a lint of the skeleton without structure findings',
    );
    assert.ok(ds.some((d) => ruleOf(d) === 'unquantified-result'), 'the skeleton Result has no number yet, so the coach should say so');
    await revertAndClose(uri);
  });

  it('star.openWalkthrough opens the walkthrough panel beside the story', async () => {
    const opened = allTabs().some(isStarWebview)
      ? Promise.resolve()
      : waitFor(vscode.window.tabGroups.onDidChangeTabs, (e) => [...e.opened, ...e.changed].some(isStarWebview), 'the walkthrough panel tab');
    await vscode.commands.executeCommand('star.openWalkthrough');
    await opened;
    const tab = allTabs().find(isStarWebview);
    assert.ok(tab, 'no STAR webview tab is open');
    assert.ok(tab.label.length > 0);
  });

  it('star.openPreview shows the story rendered beside it', async () => {
    const isPreview = (t: vscode.Tab): boolean => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType);
    const opened = allTabs().some(isPreview)
      ? Promise.resolve()
      : waitFor(vscode.window.tabGroups.onDidChangeTabs, (e) => [...e.opened, ...e.changed].some(isPreview), 'the Markdown preview tab');
    assert.strictEqual(await vscode.commands.executeCommand('star.openPreview', story), true);
    await opened;
  });
});
