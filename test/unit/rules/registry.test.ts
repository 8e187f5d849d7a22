// The registry against SPEC §8's table: every code, its default severity, and a test file of its own.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, RULES_BY_CODE } from '../../../src/core/index';

// SPEC §8, column by column.
const SPEC_TABLE: Record<string, string> = {
  'yaml-syntax': 'error',
  'missing-field': 'error',
  'invalid-date': 'error',
  'out-of-range': 'error',
  'duplicate-id': 'error',
  'action-missing-owner': 'warning',
  'action-missing-due': 'warning',
  'action-overdue': 'warning',
  'objective-missing-owner': 'warning',
  'kr-missing-owner': 'warning',
  'kr-missing-due': 'warning',
  'kr-not-measurable': 'warning',
  'cadence-lapsed': 'warning',
  'no-action-items': 'info',
  'unknown-person': 'info',
  'okr-objective-count': 'info',
  'okr-kr-count': 'info',
  'rating-gap': 'info',
  'development-focus-count': 'info',
  'theme-expired': 'info',
  // SPEC §17
  'talking-point-open': 'info',
  'private-leak': 'error',
  'no-recent-feedback': 'info',
  // SPEC §19
  'review-decision-missing': 'warning',
  'pre-read-late': 'info',
  // SPEC §17
  'merge-conflict': 'error',
  // SPEC §10's "say so with one info diagnostic" where a structure is beyond what Cadence reads.
  'beyond-limits': 'info',
};

describe('rule registry (SPEC §8)', () => {
  it('has exactly the codes of the SPEC tables (§8, §17, §19) that are built, each with its default severity', () => {
    assert.deepEqual(Object.fromEntries(RULES.map((r) => [r.code, r.severity])), SPEC_TABLE);
    assert.equal(RULES_BY_CODE.size, Object.keys(SPEC_TABLE).length);
  });

  it('every rule has a description and a test file of its own', () => {
    for (const r of RULES) {
      assert.ok(r.description.length > 10, r.code);
      assert.ok(existsSync(join(__dirname, `${r.code}.test.ts`)), `test/unit/rules/${r.code}.test.ts`);
    }
  });
});
