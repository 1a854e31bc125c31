/**
 * The fixture runner: every test/fixtures/*.star.md states its expected findings inline with
 * `<!-- expect: rule-id[, rule-id] -->` on the offending line. The runner compares (rule, line) pairs,
 * then applies all fixes and lints again to confirm the fixed findings are gone.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyFixes } from '../../src/core';

const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures');
const OPTIONAL = new Set(['passive-voice', 'hedging']);

function expected(text: string): Set<string> {
  const out = new Set<string>();
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect:\s*([^>]*?)\s*-->/g)) for (const id of m[1].split(/[\s,]+/).filter(Boolean)) out.add(`${id}@${i + 1}`);
  });
  return out;
}

describe('fixtures', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.star.md')).sort()) {
    it(name, () => {
      let text = readFileSync(join(DIR, name), 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const want = expected(text);
      const mentioned = new Set([...want].map((w) => w.split('@')[0]));
      const found = analyze(text).findings.filter((f) => !OPTIONAL.has(f.ruleId) || mentioned.has(f.ruleId));
      const got = new Set(found.map((f) => `${f.ruleId}@${f.range.start.line + 1}`));
      assert.deepEqual([...got].sort(), [...want].sort());
      // Every range lies on its line.
      const lines = text.split(/\r\n|\n|\r/);
      for (const f of found) assert.ok(f.range.end.character <= lines[f.range.end.line].length, `${f.ruleId} range past the line end`);
      // Fixes apply and the fixed findings are gone.
      const fixable = found.filter((f) => f.fix);
      if (fixable.length) {
        const after = analyze(applyFixes(text, fixable)).findings;
        for (const f of fixable) {
          assert.ok(!after.some((g) => g.ruleId === f.ruleId && g.message === f.message), `fix for ${f.ruleId} did not take`);
        }
      }
    });
  }
});
