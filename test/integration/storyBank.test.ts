// The STAR Stories tree view (starStories.bank): every story in the workspace under each principle it
// names, unknown names and "No principle" as groups of their own, a Coverage group on top; and the tree
// follows the files as they change, appear and disappear. The tree is read through the extension's internal
// `_star.storyBankSnapshot` command, which walks getChildren/getTreeItem the way VS Code does; every wait
// is for the tree's next repaint, never a sleep.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { GUARD_MS, activate, fixture, openInEditor, replaceText, revertAndClose, workspaceRoot } from './helpers';

/** The internal command of src/extension/storyBank.ts (STORY_BANK_SNAPSHOT_COMMAND). */
const SNAPSHOT = '_star.storyBankSnapshot';

/** One row of the tree, as the command returns it. */
interface BankNode {
  id?: string;
  label: string;
  description?: string;
  uri?: string;
  children: BankNode[];
}

interface BankSnapshot {
  renders: number;
  roots: BankNode[];
}

/** The tree now (once the first scan is done), or after the repaint that follows `after`. */
function snapshot(after?: number): Thenable<BankSnapshot> {
  return vscode.commands.executeCommand<BankSnapshot>(SNAPSHOT, after === undefined ? undefined : { after });
}

/** The tree as indented text, for failure messages. */
function render(nodes: readonly BankNode[], depth = 0): string {
  return nodes
    .map((n) => `${'  '.repeat(depth + 1)}${n.label}${n.description ? ` (${n.description})` : ''}\n${render(n.children, depth + 1)}`)
    .join('');
}

/**
 * Waits until the tree satisfies `ready`: checked now, then after each repaint of the tree. Fails after
 * GUARD_MS with the tree as it then was.
 */
async function bankWhen(ready: (s: BankSnapshot) => boolean, what: string): Promise<BankSnapshot> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void snapshot().then((s) => reject(new Error(`timed out after ${GUARD_MS} ms waiting for ${what}; the tree now:\n${render(s.roots)}`)));
    }, GUARD_MS);
  });
  try {
    let snap = await Promise.race([snapshot(), guard]);
    while (!ready(snap)) snap = await Promise.race([snapshot(snap.renders), guard]);
    return snap;
  } finally {
    clearTimeout(timer);
  }
}

/** The top-level group of a principle (not the Coverage group). */
function group(snap: BankSnapshot, label: string): BankNode | undefined {
  return snap.roots.find((n) => n.label === label && n.label !== 'Coverage');
}

/** True when the group of `principle` lists the story file `uri`. */
function lists(snap: BankSnapshot, principle: string, uri: vscode.Uri): boolean {
  return !!group(snap, principle)?.children.some((c) => c.uri === uri.toString());
}

/** Every story row of the principle groups (not of Coverage) that opens `uri`. */
function rowsOf(snap: BankSnapshot, uri: vscode.Uri): Array<{ group: string; row: BankNode }> {
  return snap.roots
    .filter((g) => g.label !== 'Coverage')
    .flatMap((g) => g.children.filter((c) => c.uri === uri.toString()).map((row) => ({ group: g.label, row })));
}

/** The names of the groups listing `uri`. */
function groupsOf(snap: BankSnapshot, uri: vscode.Uri): string[] {
  return rowsOf(snap, uri).map((r) => r.group);
}

/** A story written by the tests (our own words), with the given principles and title. */
function liveStory(title: string, principles: string[]): Uint8Array {
  const text = [
    '---',
    'question: Tell me about a time you fixed a process nobody owned',
    ...(principles.length ? [`principles: [${principles.join(', ')}]`] : []),
    'level: sde2',
    '---',
    '',
    `# ${title}`,
    '',
    '## Situation',
    'Release notes for our mobile app were written by whoever shipped last, and twice a month they missed a change.',
    '',
    '## Task',
    'Nobody owned the notes, and nobody had asked me to fix them.',
    '',
    '## Action',
    'I collected six months of missed entries and traced each one to a merge without a label.',
    'I added a check that asked for a release-note label on every merge request.',
    'I wrote a script that drafted the notes from those labels on the morning of each release.',
    '',
    '## Result',
    'Missed entries fell from two a month to 0 over the next quarter, and support answered 30% fewer questions about surprise changes.',
    '',
    '## Reflection',
    'A chore with no owner fails quietly, so I now look for a check that makes the missing step impossible to skip.',
    '',
  ].join('\n');
  return new TextEncoder().encode(text);
}

describe('story bank view', () => {
  const twoPrinciples = (): vscode.Uri => fixture('bank-two-principles.star.md');
  const unknownPrinciple = (): vscode.Uri => fixture('bank-unknown-principle.star.md');
  const noPrinciple = (): vscode.Uri => fixture('bank-no-principle.star.md');
  const liveFolder = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'bank-live');

  before(async () => {
    await activate();
  });

  after(async () => {
    await vscode.workspace.fs.delete(liveFolder(), { recursive: true, useTrash: false }).then(
      () => undefined,
      () => undefined,
    );
  });

  it('lists each story under every principle it names, unknown names and "No principle" as groups', async () => {
    const snap = await bankWhen(
      (s) => lists(s, 'Frugality', twoPrinciples()) && lists(s, 'Radical Candour', unknownPrinciple()) && lists(s, 'No principle', noPrinciple()),
      'the fixture stories in their groups',
    );
    const tree = `\n${render(snap.roots)}`;

    // Coverage comes first, then the principle groups.
    assert.strictEqual(snap.roots[0]?.label, 'Coverage', tree);

    // A story naming two principles appears under both, by its title, and opens its file.
    assert.deepStrictEqual(groupsOf(snap, twoPrinciples()).sort(), ['Frugality', 'Invent and Simplify'], tree);
    for (const { row } of rowsOf(snap, twoPrinciples())) {
      assert.strictEqual(row.label, 'The test fleet that shrank by half');
      assert.match(row.description ?? '', /^sde2 · /, 'the row names the level and the spoken time');
    }

    // An unknown name is a group of its own, marked as such, beside the known principle of the same story.
    assert.deepStrictEqual(groupsOf(snap, unknownPrinciple()).sort(), ['Earn Trust', 'Radical Candour'], tree);
    assert.match(group(snap, 'Radical Candour')?.description ?? '', /unknown principle/);
    assert.doesNotMatch(group(snap, 'Earn Trust')?.description ?? '', /unknown/);

    // A story naming no principle is listed under "No principle", and nowhere else.
    assert.deepStrictEqual(groupsOf(snap, noPrinciple()), ['No principle'], tree);
    assert.strictEqual(snap.roots[snap.roots.length - 1].label, 'No principle', '"No principle" is the last group');

    // A story that names a principle is not under "No principle"; a plain Markdown file is nowhere.
    assert.ok(!lists(snap, 'No principle', twoPrinciples()), tree);
    assert.strictEqual(rowsOf(snap, fixture('notes.md')).length, 0, `notes.md is not a story:${tree}`);

    // Coverage names the unknown principle and the principles no story covers.
    const coverage = snap.roots[0];
    const unknown = coverage.children.find((c) => c.label === 'Unknown principle names');
    assert.ok(unknown, `Coverage has no "Unknown principle names" list:${tree}`);
    assert.ok(unknown.children.some((c) => c.label === 'Radical Candour'), tree);
    const missing = coverage.children.find((c) => c.label === 'No story yet');
    assert.ok(missing, tree);
    assert.ok(!missing.children.some((c) => c.label === 'Frugality'), 'Frugality has a story');
    assert.match(coverage.description ?? '', /of 16 principles covered/);
  });

  it('adds a story when its file is created, moves it when the file changes, drops it when the file is deleted', async () => {
    const uri = vscode.Uri.joinPath(liveFolder(), 'release-notes.star.md');
    await bankWhen((s) => rowsOf(s, uri).length === 0 && !group(s, 'Bias for Action'), 'a tree without the live story');

    // Created on disk (not opened in an editor): the file watcher brings it in.
    await vscode.workspace.fs.writeFile(uri, liveStory('The release notes nobody wrote', ['Bias for Action']));
    let snap = await bankWhen((s) => lists(s, 'Bias for Action', uri), 'the new story under Bias for Action');
    assert.deepStrictEqual(groupsOf(snap, uri), ['Bias for Action']);
    assert.strictEqual(rowsOf(snap, uri)[0].row.label, 'The release notes nobody wrote');

    // Changed on disk: another principle and another title; the old group goes with its only story.
    await vscode.workspace.fs.writeFile(uri, liveStory('Release notes that write themselves', ['Hire and Develop the Best', 'Deliver Results']));
    snap = await bankWhen((s) => lists(s, 'Hire and Develop the Best', uri) && !group(s, 'Bias for Action'), 'the changed story under its new principles');
    assert.deepStrictEqual(groupsOf(snap, uri).sort(), ['Deliver Results', 'Hire and Develop the Best']);
    for (const { row } of rowsOf(snap, uri)) assert.strictEqual(row.label, 'Release notes that write themselves');

    // Changed again to name no principle: it moves to "No principle".
    await vscode.workspace.fs.writeFile(uri, liveStory('Release notes that write themselves', []));
    snap = await bankWhen((s) => lists(s, 'No principle', uri), 'the story under "No principle"');
    assert.deepStrictEqual(groupsOf(snap, uri), ['No principle']);
    assert.ok(!group(snap, 'Hire and Develop the Best'), `the emptied group should be gone:\n${render(snap.roots)}`);

    // Deleted: it is nowhere in the tree, the other stories stay.
    await vscode.workspace.fs.delete(uri, { useTrash: false });
    snap = await bankWhen((s) => rowsOf(s, uri).length === 0, 'the deleted story to leave the tree');
    assert.ok(lists(snap, 'No principle', noPrinciple()), 'the other stories stay');
    assert.ok(lists(snap, 'Frugality', twoPrinciples()), 'the other stories stay');
  });

  it('shows the unsaved text of a story open in an editor, and the file again once the edit is reverted', async () => {
    const uri = twoPrinciples();
    const editor = await openInEditor(uri);
    try {
      await replaceText(editor.document, 'principles: [Frugality, Invent and Simplify]', 'principles: [Think Big]');
      await replaceText(editor.document, '# The test fleet that shrank by half', '# The fleet that learned to sleep');
      const snap = await bankWhen(
        (s) => rowsOf(s, uri).some((r) => r.group === 'Think Big' && r.row.label === 'The fleet that learned to sleep'),
        'the edited story under Think Big, by its new title',
      );
      assert.deepStrictEqual(groupsOf(snap, uri), ['Think Big']);
      assert.strictEqual(rowsOf(snap, uri)[0].row.label, 'The fleet that learned to sleep');
    } finally {
      await revertAndClose(uri);
    }
    const snap = await bankWhen((s) => lists(s, 'Frugality', uri) && !lists(s, 'Think Big', uri), 'the story as saved on disk again');
    assert.deepStrictEqual(groupsOf(snap, uri).sort(), ['Frugality', 'Invent and Simplify']);
    assert.strictEqual(rowsOf(snap, uri)[0].row.label, 'The test fleet that shrank by half');
  });
});
