// Opening, editing and closing a story: the language, and diagnostics with the right rule, range and
// severity, refreshed as the text changes and cleared when the story closes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activate,
  diagnosticsWhen,
  diagnosticsWith,
  diagnosticsWithout,
  fixture,
  lineOf,
  only,
  openInEditor,
  replaceText,
  revertAndClose,
  ruleOf,
  scratchCopy,
} from './helpers';

describe('diagnostics', () => {
  before(activate);

  it('gives a flawed story the star language and findings with codes, ranges and severities', async () => {
    const uri = fixture('flawed.star.md');
    const editor = await openInEditor(uri);
    const doc = editor.document;
    assert.strictEqual(doc.languageId, 'star');
    const ds = await diagnosticsWhen(uri, (all) => ['we-language', 'hedging', 'unquantified-result'].every((id) => all.some((d) => ruleOf(d) === id)), 'the first lint');

    for (const d of ds) {
      assert.strictEqual(d.source, 'star');
      assert.ok(typeof d.code === 'object' && d.code !== null, `${ruleOf(d)}: code should be { value, target }`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.ok(target instanceof vscode.Uri, `${ruleOf(d)}: code.target should be a Uri`);
      assert.ok(target.path.endsWith(`/docs/rules/${ruleOf(d)}.md`), `${ruleOf(d)}: code.target ${target.toString()} should be its rule page`);
    }

    const we = only(ds, 'we-language');
    assert.strictEqual(we.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(we.range.start.line, lineOf(doc, 'Then we merged'));
    assert.strictEqual(doc.getText(we.range), 'we');

    const hedge = only(ds, 'hedging');
    assert.strictEqual(hedge.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(doc.getText(hedge.range), 'I think');

    const result = only(ds, 'unquantified-result');
    assert.strictEqual(result.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(result.range.start.line >= lineOf(doc, '## Result'), 'unquantified-result should sit in the Result');

    const principle = only(ds, 'invalid-front-matter');
    assert.strictEqual(principle.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(doc.getText(principle.range), 'Ownershp');

    const missing = only(ds, 'missing-section');
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Warning, 'a missing Reflection is a warning');
    assert.match(missing.message, /Reflection/);
  });

  it('updates the diagnostics as the story is edited', async () => {
    const uri = await scratchCopy('flawed.star.md');
    const { document } = await openInEditor(uri);
    await diagnosticsWith(uri, 'we-language');

    await replaceText(document, 'Then we merged it', 'Then I merged it');
    await diagnosticsWithout(uri, 'we-language');

    await replaceText(document, 'I changed the step', 'Together we changed the step');
    const ds = await diagnosticsWith(uri, 'we-language');
    const found = ds.filter((d) => ruleOf(d) === 'we-language');
    assert.ok(
      found.every((d) => d.range.start.line === lineOf(document, 'Together we changed')),
      `we-language should now point at the new sentence only:\n  ${found.map((d) => d.range.start.line).join(', ')}`,
    );
    await revertAndClose(uri);
  });

  it('clears the diagnostics when the story is closed', async () => {
    const uri = await scratchCopy('flawed.star.md');
    await openInEditor(uri);
    await diagnosticsWith(uri, 'unquantified-result');
    const cleared = diagnosticsWhen(uri, (ds) => ds.length === 0, 'the diagnostics to be cleared');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await cleared;
  });

  it('does not lint a plain Markdown file', async () => {
    const uri = vscode.Uri.joinPath(fixture('.'), 'notes.md');
    const editor = await openInEditor(uri);
    assert.strictEqual(editor.document.languageId, 'markdown');
    // Stories are linted as they open, in order: once a story opened after it has findings, the Markdown
    // file would have had its own by then.
    const story = await scratchCopy('flawed.star.md');
    await openInEditor(story);
    await diagnosticsWith(story, 'we-language');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'star'), []);
  });
});
