import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core';
import type { Finding } from '../../../src/core';
import { DIAGNOSTIC_SOURCE, createConverter } from '../../../src/extension/convert';
import { EXTENSION_URI, FakeDiagnostic, FakeDiagnosticSeverity, FakeRange, FakePosition, FakeUri, fakeVscode } from './fakeVscode';
import type * as vscode from 'vscode';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'we-language',
  severity: 'warning',
  message: 'Say what you did.',
  range: { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } },
  section: 'action',
  ...over,
});

describe('extension: convert', () => {
  const convert = createConverter(fakeVscode, EXTENSION_URI);

  it('maps every core severity to its own diagnostic severity', () => {
    assert.equal(convert.severity('error'), FakeDiagnosticSeverity.Error);
    assert.equal(convert.severity('warning'), FakeDiagnosticSeverity.Warning);
    assert.equal(convert.severity('info'), FakeDiagnosticSeverity.Information);
    assert.equal(convert.severity('hint'), FakeDiagnosticSeverity.Hint);
    for (const s of ['error', 'warning', 'info', 'hint'] as const) {
      assert.equal(convert.diagnostic(finding({ severity: s })).severity, convert.severity(s));
    }
  });

  it('keeps 0-based ranges as they are, both ways', () => {
    const d = convert.diagnostic(finding({ range: { start: { line: 0, character: 0 }, end: { line: 12, character: 7 } } }));
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [0, 0, 12, 7]);
    const back = convert.coreRange(new FakeRange(new FakePosition(2, 5), new FakePosition(4, 1)) as unknown as vscode.Range);
    assert.deepEqual(back, { start: { line: 2, character: 5 }, end: { line: 4, character: 1 } });
  });

  it('sets source star and a code whose target is the bundled rule doc', () => {
    const d = convert.diagnostic(finding({ ruleId: 'unquantified-result', severity: 'error' }));
    assert.equal(d.source, DIAGNOSTIC_SOURCE);
    assert.equal(d.message, 'Say what you did.');
    const code = d.code as { value: string; target: FakeUri };
    assert.equal(code.value, 'unquantified-result');
    assert.equal(code.target.toString(), 'file:///ext/docs/rules/unquantified-result.md');
  });

  it('finds the finding behind a diagnostic it made, and nothing for a foreign diagnostic', () => {
    const f = finding({ fix: { title: 'Drop it', edits: [] } });
    const d = convert.diagnostic(f);
    assert.equal(convert.findingOf(d), f);
    const lookalike = new FakeDiagnostic(d.range as unknown as FakeRange, d.message, d.severity);
    lookalike.source = 'star';
    assert.equal(convert.findingOf(lookalike as unknown as vscode.Diagnostic), undefined);
    // Another converter (another activation) does not share the map.
    assert.equal(createConverter(fakeVscode, EXTENSION_URI).findingOf(d), undefined);
  });

  it('shows findings that belong to no step (section null) like any other', () => {
    const text = `# Long\n\n## Situation\n${'word '.repeat(900)}\n## Task\nNot mine, nobody asked.\n## Action\nI did it.\n## Result\nTwo.\n## Reflection\nA lesson.\n`;
    const whole = analyze(text).findings.filter((f) => f.section === null);
    assert.ok(whole.length > 0, 'the story-over-time finding has no section');
    for (const f of whole) assert.equal(convert.diagnostic(f).code && (convert.diagnostic(f).code as { value: string }).value, f.ruleId);
  });

  it('turns core edits into one workspace edit for the document', () => {
    const uri = FakeUri.file('/ws/a.star.md') as unknown as vscode.Uri;
    const we = convert.workspaceEdit(uri, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '## Task\n' },
      { range: { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } }, newText: '' },
    ]) as unknown as { entries: Array<[FakeUri, Array<{ range: FakeRange; newText: string }>]> };
    assert.equal(we.entries.length, 1);
    const [target, edits] = we.entries[0];
    assert.equal(target, uri);
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]), [
      [1, 0, 1, 0, '## Task\n'],
      [4, 2, 4, 9, ''],
    ]);
  });
});
