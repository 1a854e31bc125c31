// Quick fixes, the disable comments and fix-all change the text, and the diagnostics follow.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, diagnosticsWith, diagnosticsWithout, lineOf, only, openInEditor, revertAndClose, ruleOf, scratchCopy } from './helpers';

/** The code actions VS Code gathers for a diagnostic's range, as the light bulb would show them. */
async function actionsFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    kind,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** Applies a code action's edit (and its command, if any). */
async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `"${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('code actions', () => {
  before(activate);

  it('offers the nearest principle as the preferred quick fix and applying it clears the finding', async () => {
    const uri = await scratchCopy('flawed.star.md');
    const { document } = await openInEditor(uri);
    const ds = await diagnosticsWith(uri, 'invalid-front-matter');
    const diagnostic = only(ds, 'invalid-front-matter');
    const actions = await actionsFor(uri, diagnostic, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `no preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, /Ownership/);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), 'the fix should be a quick fix');

    const gone = diagnosticsWithout(uri, 'invalid-front-matter');
    await apply(fix);
    assert.match(document.lineAt(lineOf(document, 'principles:')).text, /\[Ownership, Dive Deep\]/);
    await gone;
    await revertAndClose(uri);
  });

  it('silences one rule on one line with a disable comment', async () => {
    const uri = await scratchCopy('flawed.star.md');
    const { document } = await openInEditor(uri);
    const ds = await diagnosticsWith(uri, 'we-language');
    const we = only(ds, 'we-language');
    const weLine = we.range.start.line;
    const actions = await actionsFor(uri, we, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => /disable/i.test(a.title) && /\bwe-language\b/.test(a.title) && /line/i.test(a.title));
    assert.ok(disable, `no "disable for this line" action among: ${actions.map((a) => a.title).join(' | ')}`);

    const after = diagnosticsWithout(uri, 'we-language');
    await apply(disable);
    assert.match(document.lineAt(weLine).text, /<!--\s*star-lint-disable-next-line\s+we-language\s*-->/);
    assert.match(document.lineAt(weLine + 1).text, /Then we merged/);
    const remaining = await after;
    assert.ok(remaining.some((d) => ruleOf(d) === 'hedging'), 'only we-language should be silenced; hedging should stay');
    await revertAndClose(uri);
  });

  it('fixes everything fixable with STAR: Fix All and with the source.fixAll.star action', async () => {
    const uri = await scratchCopy('flawed.star.md');
    const { document } = await openInEditor(uri);
    await diagnosticsWith(uri, 'invalid-front-matter');
    const before = document.getText();

    const sourceActions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, document.lineCount, 0),
      'source.fixAll.star',
    );
    const fixAll = (sourceActions ?? []).find((a) => a.kind?.value === 'source.fixAll.star');
    assert.ok(fixAll?.edit, `no source.fixAll.star action with an edit: ${(sourceActions ?? []).map((a) => a.title).join(' | ')}`);

    const gone = diagnosticsWithout(uri, 'invalid-front-matter');
    const fixes = await vscode.commands.executeCommand<number>('star.fixAll', uri);
    assert.ok(typeof fixes === 'number' && fixes > 0, `star.fixAll should report the fixes it made, got ${fixes}`);
    assert.notStrictEqual(document.getText(), before, 'the text should have changed');
    assert.ok(!document.getText().includes('Ownershp'), 'the misspelt principle should be fixed');
    await gone;
    await revertAndClose(uri);
  });
});
