// SPEC §6, §19 and §8: the `Decision:` line of an OKR review as people write it — case, emphasis, list and quote
// markers, punctuation glued to the value, a reason after it. Each form with the decision it is read as (or none)
// and what review-decision-missing and out-of-range say about it. The value's range is the word alone.
import assert from 'node:assert/strict';
import type { ReviewDoc } from '../../src/core/model';
import { assertFix, lines, makeDataset, okr, row, rowsOf } from './helpers';

const R = 'okr-reviews/q4-mid.md';
const SET = 'okrs/2026-Q4.okr.yaml';
const TODAY = '2026-11-30';
const set = okr('  - id: O1', '    title: Finish the migration');
/** A held review of the set: the objective's heading on line 6, the line under test on line 7. */
const review = (line: string) => lines('---', 'type: okr-review', 'date: 2026-11-16', 'okrs: 2026-Q4', '---', '## O1 Finish the migration', line, '- [ ] Move the last service @alex due:2026-12-01');
const CODES = ['review-decision-missing', 'out-of-range'];

function read(line: string) {
  const ds = makeDataset({ [SET]: set, [R]: review(line) }, { today: TODAY });
  const doc = ds.doc(R) as ReviewDoc;
  const rows = rowsOf(ds, [R]).filter((r) => CODES.includes(r.code));
  return { decisions: doc.decisions, rows };
}

/** Read as a decision of a known value: [line, the value word as written (the range's text)]. */
const ACCEPTED: [string, string][] = [
  ['Decision: continue', 'continue'],
  ['Decision: re-scope', 're-scope'],
  ['Decision:cut', 'cut'],
  ['Decision: re-scope.', 're-scope'],
  ['Decision: cut, then revisit in Q1', 'cut'],
  ['Decision: cut; revisit in Q1', 'cut'],
  ['Decision: escalate!', 'escalate'],
  ['Decision: re-scope: one hire this quarter', 're-scope'],
  ['Decision: re-scope. One hire this quarter', 're-scope'],
  ['Decision: re-scope — one hire this quarter', 're-scope'],
  ['Decision: re-scope—one hire this quarter', 're-scope'],
  ['Decision: re-scope (move to Q1)', 're-scope'],
  ['Decision: re-scope(move to Q1)', 're-scope'],
  ['Decision: re-scope       # continue | cut | re-scope | escalate', 're-scope'],
  ['Decision: continue <!-- was cut -->', 'continue'],
  ['decision: cut', 'cut'],
  ['DECISION: Re-scope', 'Re-scope'],
  ['Decision: CONTINUE.', 'CONTINUE'],
  ['Decision : cut', 'cut'],
  ['Decision:: escalate', 'escalate'],
  ['Decision:\tcut', 'cut'],
  ['**Decision**: continue', 'continue'],
  ['**Decision:** re-scope — one hire', 're-scope'],
  ['**Decision: cut**', 'cut'],
  ['__Decision__: cut', 'cut'],
  ['__Decision:__ cut', 'cut'],
  ['*Decision*: cut', 'cut'],
  ['_Decision_: cut', 'cut'],
  ['***Decision***: cut', 'cut'],
  ['Decision: **cut**', 'cut'],
  ['Decision: **cut**, then revisit', 'cut'],
  ['Decision: *re-scope*.', 're-scope'],
  ['Decision: `cut`', 'cut'],
  ['Decision: "cut"', 'cut'],
  ['Decision: [cut](https://example.com/o1)', 'cut'],
  ['- Decision: cut', 'cut'],
  ['* Decision: cut', 'cut'],
  ['+ Decision: cut', 'cut'],
  ['- **Decision:** escalate', 'escalate'],
  ['* *Decision*: escalate', 'escalate'],
  ['1. Decision: escalate', 'escalate'],
  ['2) Decision: escalate', 'escalate'],
  ['   Decision: cut', 'cut'],
  ['  - Decision: cut', 'cut'],
  ['> Decision: cut', 'cut'],
  ['>Decision: cut', 'cut'],
  ['> > Decision: cut', 'cut'],
  ['> - **Decision**: cut.', 'cut'],
];

/** Read as a decision whose value is not one of the four (out-of-range on the word): [line, the word]. */
const UNKNOWN: [string, string][] = [
  ['Decision: postpone', 'postpone'],
  ['Decision: postpone.', 'postpone'],
  ['Decision: **postpone**, for now', 'postpone'],
  ['Decision: rescope', 'rescope'],
  ['Decision: re scope', 're'],
  ['Decision: cut/continue', 'cut/continue'],
  ['Decision: continue|cut|re-scope|escalate', 'continue|cut|re-scope|escalate'],
  ['Decision: ~~cut~~ continue', '~~cut~~'],
  ['Decision: TBD?', 'TBD'],
  ['Decision:', ''],
  ['Decision: ...', ''],
  ['**Decision:**', ''],
];

/** Not a decision line: the objective is reported as without a decision, and nothing is out of range. */
const REJECTED: string[] = [
  'Decisions: cut',
  'Decision-maker: alex',
  'Decision maker: alex',
  'Decisional: cut',
  'Decision cut',
  'Decision — cut',
  'Decision = cut',
  'The decision: cut',
  'Final decision: cut',
  'No decision: cut was discussed',
  '`Decision: cut`',
  '-Decision: cut',
  '- [ ] Decision: cut',
  '- [x] Decision: cut',
  '### Decision: cut',
  '| Decision: cut |',
  'Decided: cut',
  '<!-- Decision: cut -->',
];

describe('Decision: lines as people write them (SPEC §6, §19)', () => {
  describe('read as a decision of one of the four values, no diagnostic', () => {
    for (const [line, word] of ACCEPTED) {
      it(JSON.stringify(line), () => {
        const { decisions, rows } = read(line);
        assert.equal(decisions.length, 1);
        const d = decisions[0];
        assert.equal(d.value, word.toLowerCase());
        assert.equal(d.raw, word);
        assert.equal(d.line, 6);
        assert.deepEqual([d.range.start.line, d.range.end.line], [6, 6]);
        assert.equal(line.slice(d.range.start.character, d.range.end.character), word, 'the range is the value word alone');
        assert.equal(d.heading?.text, 'O1 Finish the migration');
        assert.deepEqual(rows, []);
      });
    }
  });

  describe('read as a decision with an unknown value: out-of-range on the word, no review-decision-missing', () => {
    for (const [line, word] of UNKNOWN) {
      it(JSON.stringify(line), () => {
        const { decisions, rows } = read(line);
        assert.equal(decisions.length, 1);
        const d = decisions[0];
        assert.equal(d.value, undefined);
        assert.equal(d.raw, word);
        assert.equal(line.slice(d.range.start.character, d.range.end.character), word);
        assert.deepEqual(rows, [row(R, 7, 'error', 'out-of-range')]);
      });
    }
  });

  describe('not a decision line: review-decision-missing on the heading, nothing out of range', () => {
    for (const line of REJECTED) {
      it(JSON.stringify(line), () => {
        const { decisions, rows } = read(line);
        assert.deepEqual(decisions, []);
        assert.deepEqual(rows, [row(R, 6, 'warning', 'review-decision-missing')]);
      });
    }
  });

  it('an indented code block is not a decision line', () => {
    const text = lines('---', 'type: okr-review', 'date: 2026-11-16', 'okrs: 2026-Q4', '---', '## O1 Finish the migration', 'Notes.', '', '    Decision: cut', '');
    const ds = makeDataset({ [SET]: set, [R]: text }, { today: TODAY });
    assert.deepEqual((ds.doc(R) as ReviewDoc).decisions, []);
    assert.deepEqual(rowsOf(ds, [R]).filter((r) => r.code === 'review-decision-missing'), [row(R, 6, 'warning', 'review-decision-missing')]);
  });

  it("out-of-range's fix replaces the value word only, punctuation, emphasis and reason kept", () => {
    for (const [before, after] of [
      ['Decision: rescope. One hire', 'Decision: re-scope. One hire'],
      ['**Decision**: **rescope**, one hire', '**Decision**: **re-scope**, one hire'],
      ['1. decision: `contine`', '1. decision: `continue`'],
    ]) {
      assertFix({ [SET]: set, [R]: review(before) }, R, 'out-of-range', /re-scope|continue/, review(after), { today: TODAY });
    }
  });
});
