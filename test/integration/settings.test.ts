// Settings take effect at once, without a reload: a rule turned off, the level, the speaking speed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, diagnosticsWith, fixture, only, openInEditor, ruleOf, withSetting } from './helpers';

/** Removes a workspace setting a test set, so the next test starts from the defaults. */
async function reset(key: string): Promise<void> {
  await vscode.workspace.getConfiguration('star').update(key, undefined, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  before(activate);
  afterEach(async () => {
    for (const key of ['rules', 'level', 'wordsPerMinute']) await reset(key);
  });

  it('star.rules turns a rule off and back on', async () => {
    const uri = fixture('flawed.star.md');
    await openInEditor(uri);
    await diagnosticsWith(uri, 'hedging');
    const off = await withSetting('rules', { hedging: 'off' }, uri, (ds) => ds.length > 0 && !ds.some((d) => ruleOf(d) === 'hedging'), 'hedging to be turned off');
    assert.ok(off.some((d) => ruleOf(d) === 'we-language'), 'the other rules should stay on');
    const raised = await withSetting('rules', { hedging: 'error' }, uri, (ds) => ds.some((d) => ruleOf(d) === 'hedging'), 'hedging to come back');
    assert.strictEqual(only(raised, 'hedging').severity, vscode.DiagnosticSeverity.Error, 'the severity setting should apply');
  });

  it('star.level raises the bar for a story whose front matter names no level', async () => {
    const uri = fixture('no-level.star.md');
    const { document } = await openInEditor(uri);
    // At the default level the story is clean; the reflection-below-level check only applies to senior.
    assert.ok(!document.getText().includes('level:'), 'the fixture must not set its own level');
    const senior = await withSetting('level', 'senior', uri, (ds) => ds.some((d) => ruleOf(d) === 'reflection-below-level'), 'reflection-below-level at senior');
    assert.strictEqual(only(senior, 'reflection-below-level').severity, vscode.DiagnosticSeverity.Information);
    await withSetting('level', 'sde1', uri, (ds) => !ds.some((d) => ruleOf(d) === 'reflection-below-level'), 'reflection-below-level to go at sde1');
  });

  it('star.wordsPerMinute changes the spoken-time findings', async () => {
    const uri = fixture('no-level.star.md');
    await openInEditor(uri);
    const slow = await withSetting(
      'wordsPerMinute',
      50, // the slowest the setting allows: the Result and Reflection then run over their targets
      uri,
      (ds) => ds.some((d) => ruleOf(d) === 'section-over-time'),
      'section-over-time at 50 words per minute',
    );
    assert.ok(slow.filter((d) => ruleOf(d) === 'section-over-time').length >= 1);
    await withSetting('wordsPerMinute', 150, uri, (ds) => !ds.some((d) => ruleOf(d) === 'section-over-time'), 'section-over-time to go at 150 words per minute');
  });
});
