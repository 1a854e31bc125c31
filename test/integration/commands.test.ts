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
  starDiagnostics,
  waitFor,
  workspaceRoot,
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

/** What star.newStory accepts instead of asking (NewStoryOptions in src/extension/commands.ts). */
interface NewStoryOptions {
  question?: string;
  principles?: string[];
  level?: 'sde1' | 'sde2' | 'senior';
  uri?: string;
}

let newStories = 0;

/** A URI in the workspace where no file is yet, for a story star.newStory writes. */
function freshStoryUri(): vscode.Uri {
  newStories += 1;
  return vscode.Uri.joinPath(workspaceRoot(), 'scratch', `new-${newStories}.star.md`);
}

/** Runs star.newStory with arguments; every prompt is covered, so none opens. */
function newStory(options: NewStoryOptions): Thenable<vscode.Uri | undefined> {
  return vscode.commands.executeCommand<vscode.Uri | undefined>('star.newStory', options);
}

/** Closes the story New Story opened and deletes its file, so the workspace is as before. */
async function discard(uri: vscode.Uri | undefined): Promise<void> {
  if (!uri) return;
  await revertAndClose(uri);
  if (uri.scheme !== 'untitled') await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
}

/** Records the rule ids of every set of STAR diagnostics published for `uri` until disposed. */
function recordDiagnostics(uri: vscode.Uri): { sets: string[][]; dispose(): void } {
  const sets: string[][] = [];
  const key = uri.toString();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === key)) sets.push(starDiagnostics(uri).map((d) => ruleOf(d) ?? '?'));
  });
  return { sets, dispose: () => sub.dispose() };
}

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
    'star.newStory': async () => discard(await newStory({ question: '', principles: [], level: 'sde2', uri: freshStoryUri().toString() })),
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

  it('star.newStory writes the story it is given to the file it is given and opens it, skeleton and all at once', async () => {
    const target = freshStoryUri();
    const recorded = recordDiagnostics(target);
    let uri: vscode.Uri | undefined;
    try {
      uri = await newStory({ question: 'Tell me about a time you simplified a release process', principles: ['Invent and Simplify', 'Ownership'], level: 'senior', uri: target.toString() });
      assert.ok(uri instanceof vscode.Uri, 'star.newStory should return the new story URI');
      assert.strictEqual(uri.toString(), target.toString());
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor?.document.uri.toString(), uri.toString(), 'the new story should be the active editor');
      const doc = editor.document;
      assert.strictEqual(doc.languageId, 'star');
      assert.strictEqual(doc.isDirty, false, 'the story is written, then opened');
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), doc.getText());
      const text = doc.getText();
      assert.match(text, /^question: Tell me about a time you simplified a release process$/m);
      assert.match(text, /^principles: \[Invent and Simplify, Ownership\]$/m);
      assert.match(text, /^level: senior$/m);
      for (const step of ['Situation', 'Task', 'Action', 'Result', 'Reflection']) {
        assert.match(text, new RegExp(`^## ${step}\\b`, 'm'), `the skeleton should have ## ${step}`);
      }
      // The skeleton's content findings (no number in the Result yet) and never a structure finding: the
      // document never existed without its headings, so no lint ever saw it empty.
      const ds = await diagnosticsWhen(uri, (all) => all.some((d) => ruleOf(d) === 'unquantified-result'), 'the lint of the skeleton');
      assert.ok(!ds.some((d) => STRUCTURE_RULES.includes(ruleOf(d) ?? '')), `structure findings in a fresh skeleton: ${ds.map(ruleOf).join(', ')}`);
      const withStructure = recorded.sets.filter((set) => set.some((r) => STRUCTURE_RULES.includes(r)));
      assert.deepStrictEqual(withStructure, [], `published for the new story: ${JSON.stringify(recorded.sets)}`);
    } finally {
      recorded.dispose();
      await discard(uri);
    }
  });

  it('star.newStory names the file after the question when it is given no place', async () => {
    const expected = vscode.Uri.joinPath(workspaceRoot(), 'untangled-a-shared-build-cache.star.md');
    let uri: vscode.Uri | undefined;
    try {
      uri = await newStory({ question: 'Tell me about a time you untangled a shared build cache', principles: [], level: 'sde1' });
      assert.ok(uri instanceof vscode.Uri, 'star.newStory should return the new story URI');
      assert.strictEqual(uri.toString(), expected.toString());
      await vscode.workspace.fs.stat(uri); // written: throws when it is not
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.match(text, /^level: sde1$/m);
      assert.doesNotMatch(text, /^principles:/m, 'an empty list names no principle');
    } finally {
      await discard(uri);
    }
  });

  it('star.newStory leaves an existing file alone', async () => {
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(story));
    const uri = await newStory({ question: '', principles: [], level: 'sde2', uri: story.toString() });
    assert.strictEqual(uri, undefined);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(story)), before);
  });

  it('star.newStory asks for what it is not given (the prompts, accepted as offered)', async () => {
    const uri = await acceptPrompts(vscode.commands.executeCommand<vscode.Uri | undefined>('star.newStory'));
    try {
      assert.ok(uri instanceof vscode.Uri, 'star.newStory should return the new story URI');
      assert.ok(/\/story(-\d+)?\.star\.md$/.test(uri.path), `an empty question gives story.star.md: ${uri.path}`);
      const doc = vscode.window.activeTextEditor?.document;
      assert.strictEqual(doc?.uri.toString(), uri.toString(), 'the new story should be the active editor');
      // The offered answers: no question, no principle, the level of the settings first.
      const level = vscode.workspace.getConfiguration('star').get<string>('level');
      assert.match(doc.getText(), new RegExp(`^level: ${level}$`, 'm'));
      assert.doesNotMatch(doc.getText(), /^(question|principles):/m);
      const ds = await diagnosticsWhen(uri, (all) => all.length > 0, 'the lint of the skeleton');
      assert.ok(!ds.some((d) => STRUCTURE_RULES.includes(ruleOf(d) ?? '')), `structure findings in a fresh skeleton: ${ds.map(ruleOf).join(', ')}`);
    } finally {
      await discard(uri);
    }
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
