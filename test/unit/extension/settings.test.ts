import * as assert from 'node:assert/strict';
import { analyze, parseConfig, resolveConfig, rules } from '../../../src/core';
import type { Inspected } from '../../../src/extension/settings';
import { explicitSettings } from '../../../src/extension/settings';

/** An `inspect` over a table of key → scopes, as `WorkspaceConfiguration.inspect('star')` would answer. */
function inspector(table: Record<string, Inspected<unknown> & { defaultValue?: unknown }>) {
  return <T>(key: string): Inspected<T> | undefined => table[key] as Inspected<T> | undefined;
}

describe('extension: settings', () => {
  it('takes nothing from the manifest defaults, so .starlint.yaml is not overridden by them', () => {
    const layer = explicitSettings(
      inspector({
        level: { defaultValue: 'sde2' },
        wordsPerMinute: { defaultValue: 150 },
        rules: { defaultValue: {} },
      }),
    );
    assert.deepEqual(layer, {});
    const file = parseConfig('level: senior\nwordsPerMinute: 120\nrules:\n  hedging: off\n').config;
    assert.deepEqual(resolveConfig(file, layer), { level: 'senior', wordsPerMinute: 120, rules: { hedging: 'off' } });
  });

  it('folder beats workspace beats user for single values', () => {
    assert.equal(explicitSettings(inspector({ level: { globalValue: 'sde1' } })).level, 'sde1');
    assert.equal(explicitSettings(inspector({ level: { globalValue: 'sde1', workspaceValue: 'senior' } })).level, 'senior');
    assert.equal(explicitSettings(inspector({ level: { globalValue: 'sde1', workspaceValue: 'senior', workspaceFolderValue: 'sde2' } })).level, 'sde2');
    assert.equal(explicitSettings(inspector({ wordsPerMinute: { globalValue: 130, workspaceValue: 170 } })).wordsPerMinute, 170);
  });

  it('merges rule severities per rule across scopes', () => {
    const layer = explicitSettings(
      inspector({
        rules: {
          globalValue: { hedging: 'off', 'we-language': 'error' },
          workspaceValue: { 'we-language': 'info', 'passive-voice': 'hint' },
        },
      }),
    );
    assert.deepEqual(layer.rules, { hedging: 'off', 'we-language': 'info', 'passive-voice': 'hint' });
  });

  it('skips values a hand-edited settings.json got wrong instead of failing', () => {
    const layer = explicitSettings(
      inspector({
        level: { globalValue: 'principal' },
        wordsPerMinute: { globalValue: 'fast' },
        rules: { globalValue: { hedging: 'loud', 'we-language': 3, 'passive-voice': 'ERROR' } },
      }),
    );
    assert.deepEqual(layer, { rules: { 'passive-voice': 'error' } });
    assert.deepEqual(explicitSettings(inspector({ rules: { globalValue: ['hedging'] } })), {});
  });

  it('editor settings win over .starlint.yaml, and the front matter level wins over both', () => {
    const file = parseConfig('level: sde1\nrules:\n  we-language: off\n', rules.map((r) => r.id)).config;
    const editor = explicitSettings(inspector({ level: { globalValue: 'senior' }, rules: { workspaceValue: { 'we-language': 'error' } } }));
    const config = resolveConfig(file, editor);
    assert.equal(config.level, 'senior');
    assert.equal(config.rules['we-language'], 'error');
    const story = '---\nlevel: sde1\n---\n## Situation\nA thing broke.\n## Task\nWe owned it.\n## Action\nI fixed it.\n## Result\nTwo.\n## Reflection\nA lesson.\n';
    const a = analyze(story, { config });
    assert.equal(a.level, 'sde1');
    assert.ok(a.findings.some((f) => f.ruleId === 'we-language' && f.severity === 'error'));
  });
});
