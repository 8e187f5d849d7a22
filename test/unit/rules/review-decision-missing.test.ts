import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, checkCode, fixesFor, lines, makeDataset, okr, row } from '../helpers';

const CODE = 'review-decision-missing';
const R = 'okr-reviews/q4-mid.md';
const SET = 'okrs/2026-Q4.okr.yaml';
const set = okr('  - id: O1', '    title: Finish the migration', '  - id: O2', '    title: Calm on-call', '  - id: o3', '    title: Grow the team');
const review = (date: string, ...body: string[]) => lines('---', 'type: okr-review', `date: ${date}`, 'okrs: 2026-Q4', '---', ...body);
const TODAY = '2026-11-30';

describe(CODE, () => {
  it('a held review: each objective section without a Decision: line, on its heading', () => {
    const r = review('2026-11-16', '## O1 Finish the migration', 'Decision: continue', '', '## O2 Calm on-call', 'Pages dropped.', '', '## O3 Grow', '**Decision:** re-scope — one hire', '', '## Notes', 'Nothing.');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: r }, { today: TODAY }), [row(R, 9, 'warning', CODE)]);
  });

  it('objective ids compare case-insensitively; the first word may carry emphasis or a colon', () => {
    const r = review('2026-11-16', '## o1: Finish', 'x', '## **O2** Calm', 'y', '## O3. Grow', 'z');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: r }, { today: TODAY }).map((x) => x.line), [6, 8, 10]);
  });

  it('only `##` headings whose first word is an objective of the reviewed set are sections', () => {
    const r = review('2026-11-16', '# O1 Finish', 'x', '### O2 Calm', 'y', '## O9 Not in the set', 'z', '## Objective O1', 'w');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: r }, { today: TODAY }), []);
  });

  it('a section runs to the next `##` or `#` heading: a decision under a `###` counts, one after the next `##` does not', () => {
    const ok = review('2026-11-16', '## O1 Finish', '### Discussion', 'Decision: cut', '## O2 Calm', 'Decision: continue', '## O3', 'Decision: escalate');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: ok }, { today: TODAY }), []);
    const split = review('2026-11-16', '## O1 Finish', '# Appendix', 'Decision: cut', '## O2', 'Decision: cut', '## O3', 'Decision: cut');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: split }, { today: TODAY }), [row(R, 6, 'warning', CODE)]);
  });

  it('a Decision: line with a value that is not one of the four still holds a decision (out-of-range says the rest)', () => {
    const r = review('2026-11-16', '## O1', 'Decision: postpone', '## O2', '- Decision: cut', '## O3', 'Decision: continue');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: r }, { today: TODAY }), []);
  });

  it('a Decision: line as people write it counts: any case, emphasis, an ordered list or a quote, punctuation after the value (decision-lines.test.ts has every form)', () => {
    const r = review('2026-11-16', '## O1', '**Decision**: continue', '## O2', '1. decision: cut, then revisit in Q1', '## O3', '> DECISION: Re-scope.');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: r }, { today: TODAY }), []);
    assert.deepEqual(checkCode('out-of-range', { [SET]: set, [R]: r }, { today: TODAY }), []);
  });

  it('`Decisions:`, `Decision-maker:`, a task item or a heading is not a Decision: line', () => {
    const r = review('2026-11-16', '## O1', 'Decisions: cut', '## O2', 'Decision-maker: alex', '## O3', '- [ ] Decision: cut', '### Decision: cut');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: r }, { today: TODAY }).map((x) => x.line), [6, 8, 10]);
  });

  it('a Decision: line inside a code block does not count', () => {
    const r = review('2026-11-16', '## O1', '```', 'Decision: continue', '```', '## O2', 'Decision: cut', '## O3', 'Decision: cut');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: r }, { today: TODAY }), [row(R, 6, 'warning', CODE)]);
  });

  it('only reviews dated today or earlier; an upcoming or undated one is not held yet', () => {
    const body = ['## O1 Finish', 'Notes.'];
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: review(TODAY, ...body) }, { today: TODAY }), [row(R, 6, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: review('2026-12-01', ...body) }, { today: TODAY }), []);
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: review('2026-02-30', ...body) }, { today: TODAY }), []);
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: lines('---', 'type: okr-review', 'okrs: 2026-Q4', '---', ...body) }, { today: TODAY }), []);
  });

  it('when the reviewed set is not found, a review has no objective sections', () => {
    assert.deepEqual(checkCode(CODE, { [R]: review('2026-11-16', '## O1 Finish', 'x') }, { today: TODAY }), []);
    const other = lines('---', 'type: okr-review', 'date: 2026-11-16', 'okrs: 2027-Q1', '---', '## O1 Finish', 'x');
    assert.deepEqual(checkCode(CODE, { [SET]: set, [R]: other }, { today: TODAY }), []);
  });

  it('the set is found by its `id:` too, case-insensitively', () => {
    const withId = lines('type: okr', 'id: Platform-Q4', 'period: 2026-Q4', 'objectives:', '  - id: O1', '    title: A');
    const r = lines('---', 'type: okr-review', 'date: 2026-11-16', 'okrs: platform-q4', '---', '## O1', 'x');
    assert.deepEqual(checkCode(CODE, { 'okrs/x.okr.yaml': withId, [R]: r }, { today: TODAY }), [row(R, 6, 'warning', CODE)]);
  });

  it('re-judged when the set changes: an objective added or removed there', () => {
    const r = review('2026-11-16', '## O4 New', 'x');
    const ds = makeDataset({ [SET]: set, [R]: r }, { today: TODAY });
    assert.deepEqual(ds.diagnostics(R).filter((d) => d.code === CODE), []);
    const seen: string[][] = [];
    ds.onDidChange((e) => seen.push([...e.paths]));
    ds.setFile(SET, set + '  - id: O4\n    title: New\n');
    assert.ok(seen.some((p) => p.includes(R)), 'the review was named by the change');
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 1);
    ds.deleteFile(SET);
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 0);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', { [SET]: set, [R]: review('2026-11-16', '## O1', 'x') }, { today: TODAY });
  });

  describe('fixes: the four decisions, each a line under the heading', () => {
    const before = review('2026-11-16', '## O1 Finish', 'Notes.', '## O2', 'Decision: cut', '## O3', 'Decision: cut');
    it('offers continue, cut, re-scope, escalate', () => {
      const { fixes } = fixesFor({ [SET]: set, [R]: before }, R, CODE, { today: TODAY });
      assert.deepEqual(fixes.map((f) => f.title), ['Decision: continue', 'Decision: cut', 'Decision: re-scope', 'Decision: escalate']);
      for (const f of fixes) assert.equal(f.edits.length, 1);
    });
    for (const v of ['continue', 'cut', 're-scope', 'escalate']) {
      it(`Decision: ${v}`, () => {
        const after = review('2026-11-16', '## O1 Finish', `Decision: ${v}`, 'Notes.', '## O2', 'Decision: cut', '## O3', 'Decision: cut');
        assertFix({ [SET]: set, [R]: before }, R, CODE, `Decision: ${v}`, after, { today: TODAY });
      });
    }
  });
});
