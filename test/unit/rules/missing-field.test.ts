import assert from 'node:assert/strict';
import { withAnswer } from '../../../src/core/fixes';
import { assertFix, assertSeverityConfigurable, check, checkCode, fixesFor, kr, lines, okr, row } from '../helpers';

const CODE = 'missing-field';
const U = '1on1s/alex/notes.md'; // no date in the file name
const O = 'okrs/2026-Q4.okr.yaml';
const TASK = '- [ ] x @alex due:2026-12-01';
const REPORT = /`report:`/;
const DATE = /`date:`/;

describe(CODE, () => {
  describe('1:1 notes', () => {
    it('no report: line 1, as an error', () => {
      assert.deepEqual(checkCode(CODE, { [U]: lines('---', 'type: 1on1', 'date: 2026-11-20', '---', TASK) }), [row(U, 1, 'error', CODE)]);
    });

    it('an empty report: is no report', () => {
      assert.deepEqual(checkCode(CODE, { [U]: lines('---', 'type: 1on1', 'report:', 'date: 2026-11-20', '---', TASK) }), [row(U, 1, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [U]: lines('---', 'type: 1on1', 'report: ""', 'date: 2026-11-20', '---', TASK) }), [row(U, 1, 'error', CODE)]);
    });

    it('the report is never taken from the folder', () => {
      assert.deepEqual(checkCode(CODE, { '1on1s/alex/2026-11-20.md': lines('---', 'type: 1on1', '---', TASK) }), [row('1on1s/alex/2026-11-20.md', 1, 'error', CODE)]);
    });

    it('no date and no date in the file name: line 1', () => {
      assert.deepEqual(checkCode(CODE, { [U]: lines('---', 'type: 1on1', 'report: alex', '---', TASK) }), [row(U, 1, 'error', CODE)]);
    });

    it('the date may come from a YYYY-MM-DD file name', () => {
      assert.deepEqual(checkCode(CODE, { '1on1s/alex/2026-11-20.md': lines('---', 'type: 1on1', 'report: alex', '---', TASK) }), []);
      assert.deepEqual(checkCode(CODE, { '1on1s/alex/2026-11-20-kickoff.md': lines('---', 'type: 1on1', 'report: alex', '---', TASK) }), []);
      // An empty date: is absent, so the file name's date applies.
      assert.deepEqual(checkCode(CODE, { '1on1s/alex/2026-11-20.md': lines('---', 'type: 1on1', 'report: alex', 'date:', '---', TASK) }), []);
    });

    it('a file name with a date that is not real does not supply one', () => {
      assert.deepEqual(checkCode(CODE, { '1on1s/alex/2026-02-30.md': lines('---', 'type: 1on1', 'report: alex', '---', TASK) }), [
        row('1on1s/alex/2026-02-30.md', 1, 'error', CODE),
      ]);
    });

    it('an invalid date is invalid-date only (on its line), not also missing — even with a dated file name', () => {
      const text = lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-31', '---', TASK);
      assert.deepEqual(check({ [U]: text }, { codes: [CODE, 'invalid-date'] }), [row(U, 4, 'error', 'invalid-date')]);
      assert.deepEqual(check({ '1on1s/alex/2026-11-20.md': text }, { codes: [CODE, 'invalid-date'] }), [row('1on1s/alex/2026-11-20.md', 4, 'error', 'invalid-date')]);
    });

    it('a note with no front matter at all lacks both (two on line 1)', () => {
      assert.deepEqual(checkCode(CODE, { [U]: lines('# Notes', TASK) }), [row(U, 1, 'error', CODE), row(U, 1, 'error', CODE)]);
    });

    it('not when the front matter does not parse (yaml-syntax alone)', () => {
      assert.deepEqual(checkCode(CODE, { [U]: lines('---', 'type: 1on1', 'report: [alex', '---', TASK) }), []);
    });
  });

  describe('OKR sets', () => {
    it('no period and no start/end: line 1', () => {
      assert.deepEqual(checkCode(CODE, { [O]: lines('type: okr', 'team: x', 'objectives: []') }), [row(O, 1, 'error', CODE)]);
    });

    it('line 1 even when line 1 is a comment', () => {
      assert.deepEqual(checkCode(CODE, { [O]: lines('# Q4', 'type: okr', 'objectives: []') }), [row(O, 1, 'error', CODE)]);
    });

    it('start alone or end alone is not enough; start and end are; a null period is absent', () => {
      assert.deepEqual(checkCode(CODE, { [O]: lines('type: okr', 'start: 2026-10-01', 'objectives: []') }), [row(O, 1, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [O]: lines('type: okr', 'end: 2026-12-31', 'objectives: []') }), [row(O, 1, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [O]: lines('type: okr', 'start: 2026-10-01', 'end: 2026-12-31', 'objectives: []') }), []);
      assert.deepEqual(checkCode(CODE, { [O]: lines('type: okr', 'period:', 'objectives: []') }), [row(O, 1, 'error', CODE)]);
    });

    it('an invalid start is invalid-date only, not also a missing period', () => {
      const text = lines('type: okr', 'start: 2026-02-30', 'end: 2026-12-31', 'objectives: []');
      assert.deepEqual(check({ [O]: text }, { codes: [CODE, 'invalid-date'] }), [row(O, 2, 'error', 'invalid-date')]);
    });

    it("an objective without title: the objective's first line", () => {
      const text = okr('  - id: O1', '    owner: alex', '    key_results:', ...kr('KR1'), ...kr('KR2'));
      assert.deepEqual(checkCode(CODE, { [O]: text }), [row(O, 4, 'error', CODE)]);
    });

    it("a key result without title: the key result's first line", () => {
      const text = okr('  - id: O1', '    title: T', '    owner: alex', '    key_results:', ...kr('KR1'), '      - owner: alex', '        target: 3');
      // kr('KR1') is lines 8–12; the untitled key result starts on line 13.
      assert.deepEqual(checkCode(CODE, { [O]: text }), [row(O, 13, 'error', CODE)]);
    });

    it('an empty title is no title', () => {
      const text = okr('  - id: O1', '    title:', '    owner: alex', '    key_results: []');
      assert.deepEqual(checkCode(CODE, { [O]: text }), [row(O, 4, 'error', CODE)]);
    });
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'error', { [U]: lines('---', 'type: 1on1', 'date: 2026-11-20', '---', TASK) });
  });

  describe('fixes', () => {
    it('adds date: (today) before the closing ---, offered but not safe: an old note dated today would hide a lapsed cadence', () => {
      const text = lines('---', 'type: 1on1', 'report: alex', '---', TASK);
      const { fixes } = fixesFor({ [U]: text }, U, CODE);
      assert.equal(fixes[0].safe, false);
      assert.equal(fixes[0].preferred, true);
      assertFix({ [U]: text }, U, CODE, 'Add date: 2026-11-22', lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-22', '---', TASK));
    });

    it('adds report: with the person asked for', () => {
      const text = lines('---', 'type: 1on1', 'date: 2026-11-20', '---', TASK);
      const { fixes } = fixesFor({ [U]: text }, U, CODE);
      assert.equal(fixes[0].ask?.kind, 'person');
      assertFix({ [U]: text }, U, CODE, /report/, lines('---', 'type: 1on1', 'date: 2026-11-20', 'report: alex', '---', TASK), { value: 'alex' });
    });

    it('adds front matter to a note that has none', () => {
      const text = lines('# Notes', TASK);
      assertFix({ [U]: text }, U, CODE, /report/, lines('---', 'type: 1on1', 'report: alex', '---', '# Notes', TASK), { value: 'alex', message: REPORT });
      assertFix({ [U]: text }, U, CODE, /date/, lines('---', 'type: 1on1', 'date: 2026-11-22', '---', '# Notes', TASK), { message: DATE });
    });

    it("adds the current quarter as the OKR set's period", () => {
      const text = lines('type: okr', 'team: x', 'objectives: []');
      assertFix({ [O]: text }, O, CODE, 'Add period: 2026-Q4', lines('period: 2026-Q4', 'type: okr', 'team: x', 'objectives: []'));
      assertFix({ [O]: text }, O, CODE, 'Add period: 2027-Q1', lines('period: 2027-Q1', 'type: okr', 'team: x', 'objectives: []'), { today: '2027-03-31' });
    });

    it('adds period: after a leading --- document marker, not before it', () => {
      const text = lines('---', 'type: okr', 'team: x', 'objectives: []');
      const expected = lines('---', 'period: 2026-Q4', 'type: okr', 'team: x', 'objectives: []');
      assertFix({ [O]: text }, O, CODE, 'Add period: 2026-Q4', expected);
    });

    it('adds period: before the first key, after a leading comment', () => {
      const text = lines('# Platform OKRs', 'type: okr', 'objectives: []');
      assertFix({ [O]: text }, O, CODE, 'Add period: 2026-Q4', lines('# Platform OKRs', 'period: 2026-Q4', 'type: okr', 'objectives: []'));
    });

    it('adds an objective title (asked) after its first line', () => {
      const text = okr('  - id: O1', '    owner: alex', '    key_results: []');
      assertFix({ [O]: text }, O, CODE, /title/, okr('  - id: O1', '    title: Grow the team', '    owner: alex', '    key_results: []'), { value: 'Grow the team' });
    });

    it('adds the title after a nested list or block scalar that opens the object, not inside it', () => {
      const text = okr('  - key_results:', '      - id: KR1', '        title: k', '    owner: x');
      assertFix({ [O]: text }, O, CODE, /title/, okr('  - key_results:', '      - id: KR1', '        title: k', '    title: Grow', '    owner: x'), { value: 'Grow', line: 4 });
      const head = ['  - id: O1', '    title: T', '    owner: alex', '    key_results:'];
      const block = okr(...head, '      - note: |', '          why it matters', '        owner: x');
      assertFix({ [O]: block }, O, CODE, /title/, okr(...head, '      - note: |', '          why it matters', '        title: Ship', '        owner: x'), { value: 'Ship' });
    });

    it('adds a key result title inside a flow map', () => {
      const head = ['  - id: O1', '    title: T', '    owner: alex', '    key_results:'];
      const text = okr(...head, '      - { id: KR1, owner: alex, due: 2026-12-31, target: 1 }');
      assertFix({ [O]: text }, O, CODE, /title/, okr(...head, '      - { id: KR1, owner: alex, due: 2026-12-31, target: 1, title: Ship }'), { value: 'Ship' });
    });
  });
});

describe('missing-field: an answer typed into YAML', () => {
  it('is quoted when it would not read back as typed', () => {
    const fix = { title: 'Add a title…', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'title: ${value}' }], ask: { kind: 'text' as const, prompt: 'Title', yaml: true } };
    assert.equal(withAnswer(fix, 'Ship: the thing')[0].newText, 'title: "Ship: the thing"');
    assert.equal(withAnswer(fix, 'Ship it')[0].newText, 'title: Ship it');
    assert.equal(withAnswer({ ...fix, ask: { ...fix.ask, yaml: false } }, 'a: b')[0].newText, 'title: a: b');
  });
});

describe('missing-field: "Add period" on a file that is only a `---` line', () => {
  it('inserts a new line instead of editing past the end of the file (found by the fuzzer)', () => {
    const { fixes } = fixesFor({ 'okrs/x.okr.yaml': '---' }, 'okrs/x.okr.yaml', 'missing-field');
    const edit = fixes[0].edits[0];
    assert.deepEqual(edit.range.start, { line: 0, character: 3 });
    assert.equal(edit.newText, '\nperiod: 2026-Q4');
  });
});
