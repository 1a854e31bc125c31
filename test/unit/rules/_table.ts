/**
 * A table-driven helper for rule tests: each case replaces one step of the clean story and says whether the rule fires.
 */
import * as assert from 'node:assert/strict';
import type { StepName } from '../../../src/core';
import { covered, findings, story } from '../helpers';

/** One phrasing and what the rule should do with it. */
export interface Case {
  name: string;
  steps?: Partial<Record<StepName, string | null>>;
  frontMatter?: string;
  followups?: string;
  /** Expected number of findings (default: at least one for `fires`, zero otherwise). */
  fires: boolean;
  /** Words the first finding's range must cover. */
  covers?: string;
  /** The step the finding belongs to. */
  section?: string | null;
}

/** Registers one mocha test per case. */
export function cases(ruleId: string, list: Case[]): void {
  for (const c of list) {
    it(`${c.fires ? 'fires on' : 'stays quiet on'} ${c.name}`, () => {
      const text = story(c.steps ?? {}, { frontMatter: c.frontMatter, followups: c.followups });
      const found = findings(text, ruleId);
      if (!c.fires) {
        assert.deepEqual(found.map((f) => `${covered(text, f)} — ${f.message}`), []);
        return;
      }
      assert.ok(found.length > 0, `expected ${ruleId} to fire`);
      if (c.covers !== undefined) assert.equal(covered(text, found[0]), c.covers);
      if (c.section !== undefined) assert.equal(found[0].section, c.section);
    });
  }
}
