import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, check, checkCode, fixesFor, lines, note, personFile, row } from '../helpers';

const CODE = 'action-missing-due';
const P = '1on1s/alex/2026-11-20.md';
// note(): lines 1–5 front matter, 6 `## Action items`, body from line 7.
const one = (...body: string[]) => ({ [P]: note('alex', '2026-11-20', ...body) });

describe(CODE, () => {
  it('fires on an open item with no due date, on the task line, as a warning', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] Draft the proposal @alex')), [row(P, 7, 'warning', CODE)]);
  });

  it('does not fire when the item has a due date in any of the three spellings', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] A @alex due:2026-12-01', '- [ ] B @alex 📅 2026-12-01', '- [ ] C [owner:: alex] [due:: 2026-12-01]')), []);
  });

  it('a done date is not a due date', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] A @alex done:2026-11-21')), [row(P, 7, 'warning', CODE)]);
  });

  it('only judges open items', () => {
    assert.deepEqual(checkCode(CODE, one('- [x] A @alex', '- [X] B @alex', '- [-] C @alex', '- [>] D @alex')), []);
  });

  it('an invalid due date is invalid-date only, not also missing', () => {
    assert.deepEqual(check(one('- [ ] A @alex due:2026-02-30'), { codes: [CODE, 'invalid-date'] }), [row(P, 7, 'error', 'invalid-date')]);
    assert.deepEqual(check(one('- [ ] A @alex 📅 2026-13-01'), { codes: [CODE, 'invalid-date'] }), [row(P, 7, 'error', 'invalid-date')]);
    assert.deepEqual(check(one('- [ ] A [owner:: alex] [due:: 2026-11-31]'), { codes: [CODE, 'invalid-date'] }), [row(P, 7, 'error', 'invalid-date')]);
  });

  it('not for task lines in a code fence', () => {
    assert.deepEqual(checkCode(CODE, one('```', '- [ ] A @alex', '```')), []);
  });

  it('applies to OKR reviews too', () => {
    const R = 'okr-reviews/q4.md';
    const text = lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '- [ ] Follow up @alex');
    assert.deepEqual(checkCode(CODE, { [R]: text }), [row(R, 5, 'warning', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', one('- [ ] Draft @alex'));
  });

  describe('fixes', () => {
    // alex: cadence 14, last 1:1 2026-11-20 (this note) → next 1:1 2026-12-04.
    const people = { 'people/alex.md': personFile('cadence: 14') };

    it('offers the next 1:1 with the report (preferred), a week, the quarter end, and "Due on…"', () => {
      const { fixes } = fixesFor({ ...people, ...one('- [ ] Draft @alex') }, P, CODE);
      assert.deepEqual(
        fixes.map((f) => [f.edits[0].newText, !!f.preferred, f.ask?.kind]),
        [
          [' due:2026-12-04', true, undefined],
          [' due:2026-11-29', false, undefined],
          [' due:2026-12-31', false, undefined],
          [' due:${value}', false, 'date'],
        ],
      );
    });

    it('appends due: at the end of the line (Cadence spelling)', () => {
      assertFix({ ...people, ...one('- [ ] Draft the proposal @alex') }, P, CODE, /next 1:1/, note('alex', '2026-11-20', '- [ ] Draft the proposal @alex due:2026-12-04'));
    });

    it('"Due on…" substitutes the answer', () => {
      assertFix({ ...people, ...one('- [ ] Draft @alex') }, P, CODE, 'Due on…', note('alex', '2026-11-20', '- [ ] Draft @alex due:2026-12-10'), { value: '2026-12-10' });
    });

    it('keeps a Dataview line in Dataview spelling', () => {
      assertFix({ ...people, ...one('- [ ] Draft [owner:: alex]') }, P, CODE, /in a week/, note('alex', '2026-11-20', '- [ ] Draft [owner:: alex] [due:: 2026-11-29]'));
    });

    it('keeps an Obsidian Tasks line in Tasks spelling', () => {
      assertFix(
        { ...people, ...one('- [ ] Draft @alex ✅ 2026-11-21') },
        P,
        CODE,
        /end of the quarter/,
        note('alex', '2026-11-20', '- [ ] Draft @alex ✅ 2026-11-21 📅 2026-12-31'),
      );
    });

    it('the day the item’s own words name comes first, preferred, titled with the words; the words stay; never fix-all', () => {
      // Today 2026-11-22 is a Sunday.
      const { fixes } = fixesFor({ ...people, ...one('- [ ] Send the agenda @alex by Friday') }, P, CODE);
      assert.equal(fixes[0].title, 'Due Friday, 2026-11-27');
      assert.deepEqual(fixes.map((f) => !!f.preferred), [true, false, false, false, false], 'one preferred fix');
      assert.ok(!fixes[0].safe, 'a reading of words is a guess: not for fix-all');
      assertFix({ ...people, ...one('- [ ] Send the agenda @alex by Friday') }, P, CODE, 'Due Friday, 2026-11-27', note('alex', '2026-11-20', '- [ ] Send the agenda @alex by Friday due:2026-11-27'));
    });

    it('writes the date in the line’s own spelling: Dataview, Obsidian Tasks', () => {
      assertFix({ ...people, ...one('- [ ] Draft [owner:: alex] in two weeks') }, P, CODE, 'Due in two weeks, 2026-12-06', note('alex', '2026-11-20', '- [ ] Draft [owner:: alex] in two weeks [due:: 2026-12-06]'));
      assertFix(
        { ...people, ...one('- [ ] Draft @alex ✅ 2026-11-21 ⏳ 2026-11-23 by end of month') },
        P,
        CODE,
        'Due end of month, 2026-11-30',
        note('alex', '2026-11-20', '- [ ] Draft @alex ✅ 2026-11-21 ⏳ 2026-11-23 by end of month 📅 2026-11-30'),
      );
    });

    it('words that name no day, or a past one, add no such fix (the scheduled date is not the words)', () => {
      for (const body of ['- [ ] Draft the March plan @alex', '- [ ] Send what we agreed yesterday @alex', '- [ ] Sat with Alex about it @alex', '- [ ] Draft @alex ⏳ 2026-11-23', '- [ ] Water the plants 🔁 every Friday @alex', '- [ ] Read `next week` notes [topic:: due tomorrow] @alex']) {
        const { fixes } = fixesFor({ ...people, ...one(body) }, P, CODE);
        assert.equal(fixes.length, 4, body);
        assert.match(fixes[0].title, /next 1:1/, body);
      }
    });

    it('in an OKR review (no report) a week from today is preferred', () => {
      const R = 'okr-reviews/q4.md';
      const text = lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '- [ ] Follow up @alex');
      const { fixes } = fixesFor({ [R]: text }, R, CODE);
      assert.equal(fixes.find((f) => f.preferred)?.edits[0].newText, ' due:2026-11-29');
      assertFix({ [R]: text }, R, CODE, /in a week/, lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '- [ ] Follow up @alex due:2026-11-29'));
    });
  });
});
