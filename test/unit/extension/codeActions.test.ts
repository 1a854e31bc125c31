import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyFixes, resolveConfig } from '../../../src/core';
import type { Finding, TextEdit } from '../../../src/core';
import { StarCodeActionProvider, TITLES } from '../../../src/extension/codeActions';
import { FIX_ALL_PASSES, fixAllText, minimalEdit } from '../../../src/core';
import { createConverter } from '../../../src/extension/convert';
import { EXTENSION_URI, FakeCodeAction, FakeCodeActionKind, FakeDiagnostic, FakePosition, FakeRange, fakeDocument, fakeVscode } from './fakeVscode';
import type * as vscode from 'vscode';

/** A story with fixable findings: an unknown principle, a missing Task, steps out of order. */
const FLAWED = [
  '---',
  'question: Tell me about a time you fixed something nobody owned',
  'principles: [Ownrship]',
  '---',
  '',
  '# Stuck invoices',
  '',
  '## Situation',
  'Invoices for about 2% of our enterprise accounts stalled in a queue that no team watched.',
  '',
  '## Result',
  'Stalled invoices fell from 2% to 0.1% in a month, and finance stopped chasing 40 accounts a week.',
  '',
  '## Action',
  'I think we traced the stall to a retry loop. I traced the stall to a retry loop. I wrote a fix. I added an alert.',
  '',
  '## Reflection',
  'A queue without an owner turns every stall into a mystery, so I now name an owner for each queue I create.',
  '',
].join('\n');

/** Applies core edits to a text (non-overlapping), the way VS Code applies a workspace edit. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const f: Finding = { ruleId: 'x', severity: 'info', message: '', range: edits[0].range, section: null, fix: { title: '', edits: [...edits] } };
  return applyFixes(text, [f]);
}

type Action = FakeCodeAction & { edit?: { entries: Array<[unknown, Array<{ range: FakeRange; newText: string }>]> } };

/** The core edits inside a fake code action. */
function editsOf(action: Action): TextEdit[] {
  return (action.edit?.entries ?? []).flatMap(([, edits]) =>
    edits.map((e) => ({ range: { start: { line: e.range.start.line, character: e.range.start.character }, end: { line: e.range.end.line, character: e.range.end.character } }, newText: e.newText })),
  );
}

describe('extension: code actions', () => {
  const config = resolveConfig();
  const converter = createConverter(fakeVscode, EXTENSION_URI);
  const provider = new StarCodeActionProvider(fakeVscode, converter, () => config);
  const doc = fakeDocument(FLAWED);
  const findings = analyze(FLAWED, { config }).findings;
  const diagnostics = findings.map((f) => converter.diagnostic(f));
  const whole = new FakeRange(new FakePosition(0, 0), new FakePosition(99, 0)) as unknown as vscode.Range;
  const provide = (only: FakeCodeActionKind | undefined, diags: readonly vscode.Diagnostic[] = diagnostics): Action[] =>
    provider.provideCodeActions(doc, whole, { diagnostics: diags, only: only as unknown as vscode.CodeActionKind, triggerKind: 1 }) as unknown as Action[];

  it('declares quick fixes and source.fixAll.star', () => {
    const kinds = (provider.metadata.providedCodeActionKinds ?? []).map((k) => (k as unknown as FakeCodeActionKind).value);
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.star']);
  });

  it('with no `only` (the light bulb), returns quick fixes and no source action', () => {
    const actions = provide(undefined);
    assert.ok(actions.length > 0);
    assert.ok(actions.every((a) => a.kind?.value === 'quickfix'), actions.map((a) => a.kind?.value).join());
  });

  it('honours context.only', () => {
    const kinds = (only: FakeCodeActionKind): string[] => [...new Set(provide(only).map((a) => a.kind?.value ?? ''))].sort();
    assert.deepEqual(kinds(FakeCodeActionKind.QuickFix), ['quickfix']);
    assert.deepEqual(kinds(FakeCodeActionKind.SourceFixAll), ['source.fixAll.star']);
    assert.deepEqual(kinds(FakeCodeActionKind.SourceFixAll.append('star')), ['source.fixAll.star']);
    assert.deepEqual(kinds(FakeCodeActionKind.Source), ['source.fixAll.star']);
    assert.deepEqual(kinds(FakeCodeActionKind.Refactor), []);
    assert.deepEqual(kinds(FakeCodeActionKind.SourceOrganizeImports), []);
    assert.deepEqual(kinds(FakeCodeActionKind.SourceFixAll.append('eslint')), []);
  });

  it("offers each core fix as the preferred quick fix, carrying the fix's edits", () => {
    const fixable = findings.filter((f) => f.fix);
    assert.ok(fixable.length >= 3, 'the flawed story has several fixable findings');
    const actions = provide(FakeCodeActionKind.QuickFix);
    for (const f of fixable) {
      const action = actions.find((a) => a.title === f.fix?.title);
      assert.ok(action, `no action titled ${f.fix?.title}`);
      assert.equal(action.isPreferred, true);
      assert.deepEqual(editsOf(action), f.fix?.edits);
      assert.equal(converter.findingOf(action.diagnostics?.[0] as unknown as vscode.Diagnostic), f);
    }
    const disables = actions.filter((a) => a.title.startsWith('Disable'));
    assert.ok(disables.every((a) => !a.isPreferred), 'disabling a rule is never the preferred fix');
  });

  it('offers "disable for this line / file" once per rule and line, and the comment really silences it', () => {
    const weFindings = findings.filter((f) => f.ruleId === 'hedging');
    assert.ok(weFindings.length >= 1);
    const actions = provide(FakeCodeActionKind.QuickFix);
    const line = actions.filter((a) => a.title === TITLES.disableLine('hedging'));
    const file = actions.filter((a) => a.title === TITLES.disableFile('hedging'));
    assert.equal(line.length, new Set(weFindings.map((f) => f.range.start.line)).size);
    assert.equal(file.length, 1);
    for (const a of [...line, ...file]) {
      const after = applyEdits(FLAWED, editsOf(a));
      assert.deepEqual(analyze(after, { config }).findings.filter((f) => f.ruleId === 'hedging'), [], a.title);
    }
  });

  it('merges several diagnostics of one rule on one line into one disable action', () => {
    const text = FLAWED.replace('I think we traced', 'Maybe I think we traced');
    const d2 = analyze(text, { config }).findings.filter((f) => f.ruleId === 'hedging').map((f) => converter.diagnostic(f));
    assert.ok(d2.length >= 2);
    const actions = new StarCodeActionProvider(fakeVscode, converter, () => config).provideCodeActions(fakeDocument(text), whole, {
      diagnostics: d2,
      only: undefined,
      triggerKind: 1,
    }) as unknown as Action[];
    const line = actions.filter((a) => a.title === TITLES.disableLine('hedging'));
    assert.equal(line.length, 1);
    assert.equal(line[0].diagnostics?.length, d2.length);
  });

  it('does not offer a line comment inside the front matter, where it would break the YAML', () => {
    const principle = findings.find((f) => f.ruleId === 'invalid-front-matter');
    assert.ok(principle, 'the misspelt principle is reported in the front matter');
    const actions = provide(FakeCodeActionKind.QuickFix, [converter.diagnostic(principle)]);
    assert.deepEqual(actions.map((a) => a.title).sort(), [TITLES.disableFile('invalid-front-matter'), principle.fix?.title].sort());
    const after = applyEdits(FLAWED, editsOf(actions.find((a) => a.title === TITLES.disableFile('invalid-front-matter')) as Action));
    assert.equal(analyze(after).doc.frontMatter?.question, 'Tell me about a time you fixed something nobody owned');
  });

  it('ignores diagnostics from other sources and diagnostics it did not make', () => {
    const foreign = new FakeDiagnostic(new FakeRange(new FakePosition(8, 0), new FakePosition(8, 5)), 'spelling');
    foreign.source = 'cSpell';
    const orphan = new FakeDiagnostic(new FakeRange(new FakePosition(8, 0), new FakePosition(8, 5)), 'copied');
    orphan.source = 'star';
    assert.deepEqual(provide(undefined, [foreign, orphan] as unknown as vscode.Diagnostic[]), []);
  });

  it('source.fixAll.star applies every fix, over several passes, as one minimal edit', () => {
    const [action] = provide(FakeCodeActionKind.SourceFixAll);
    assert.ok(action);
    assert.equal(action.title, TITLES.fixAll);
    const edits = editsOf(action);
    assert.equal(edits.length, 1);
    const after = applyEdits(FLAWED, edits);
    assert.equal(after, fixAllText(FLAWED, config).text);
    const left = analyze(after, { config }).findings;
    assert.deepEqual(left.filter((f) => f.fix).map((f) => f.ruleId), [], 'no fixable finding is left');
    assert.deepEqual(left.filter((f) => ['missing-section', 'section-order', 'invalid-front-matter'].includes(f.ruleId)), []);
  });

  it('fixAllText needs more than one pass when a fix creates a finding, and stops at the cap', () => {
    const text = '## Result\nWe cut it by 3%.\n\n## Action\nI fixed it. I tested it. I shipped it.\n\n## Situation\nThings broke.\n';
    const one = fixAllText(text, config, 1).text;
    assert.ok(analyze(one, { config }).findings.some((f) => f.fix), 'one pass leaves a fixable finding behind');
    const all = fixAllText(text, config);
    assert.ok(FIX_ALL_PASSES >= 2);
    assert.deepEqual(analyze(all.text, { config }).findings.filter((f) => f.fix), []);
    assert.ok(all.fixes > 0);
    assert.deepEqual(fixAllText(all.text, config), { text: all.text, fixes: 0 }, 'a fixed story is a fixpoint');
  });

  it('source.fixAll.star offers nothing when no fix applies', () => {
    const clean = fixAllText(FLAWED, config).text;
    const p = new StarCodeActionProvider(fakeVscode, converter, () => config);
    assert.equal(p.fixAll(fakeDocument(clean)), undefined);
  });

  it('minimalEdit turns one text into the other, keeping CRLF pairs and surrogate pairs whole', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '😀', '#'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edit = minimalEdit(before, after);
        if (before === after) return edit === undefined;
        assert.ok(edit);
        assert.equal(applyEdits(before, [edit]), after);
        const lines = before.split(/\r\n|\n|\r/);
        for (const p of [edit.range.start, edit.range.end]) {
          assert.ok(p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, 'position inside the text');
          const ch = lines[p.line].charCodeAt(p.character);
          assert.ok(!(ch >= 0xdc00 && ch <= 0xdfff), 'not inside a surrogate pair');
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
