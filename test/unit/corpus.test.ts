/**
 * Our own labeled corpora (test/corpus/<set>/*.star.md + labels.yaml, written without looking at the rules'
 * word lists): every graded (rule, section) pair must match its label exactly, as the accuracy scorer counts them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyze, rules } from '../../src/core';

const ROOT = join(__dirname, '..', '..', '..', 'test', 'corpus');
const GRADED = new Set(rules.filter((r) => r.graded).map((r) => r.id));

describe('labeled corpora', () => {
  for (const set of existsSync(ROOT) ? readdirSync(ROOT).sort() : []) {
    const labels = parse(readFileSync(join(ROOT, set, 'labels.yaml'), 'utf8')) as Record<string, { flags?: Array<[string, string | null]> } | null>;
    describe(set, () => {
      for (const [file, entry] of Object.entries(labels)) {
        it(file, () => {
          let text = readFileSync(join(ROOT, set, file), 'utf8');
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          const got = new Set(analyze(text).findings.filter((f) => GRADED.has(f.ruleId)).map((f) => `${f.ruleId} @ ${f.section}`));
          const want = new Set((entry?.flags ?? []).map(([r, s]) => `${r} @ ${s}`));
          assert.deepEqual([...got].sort(), [...want].sort());
        });
      }
    });
  }
});
