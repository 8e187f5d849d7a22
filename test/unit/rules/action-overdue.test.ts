import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, check, checkCode, fixesFor, lines, note, personFile, row } from '../helpers';

const CODE = 'action-overdue';
const P = '1on1s/alex/2026-11-20.md';
// note(): lines 1–5 front matter, 6 `## Action items`, body from line 7. Today is 2026-11-22.
const one = (...body: string[]) => ({ [P]: note('alex', '2026-11-20', ...body) });

describe(CODE, () => {
  it('fires on an open item due before today, on the task line, as a warning', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] Draft @alex due:2026-11-21')), [row(P, 7, 'warning', CODE)]);
  });

  it('reads the due date in all three spellings', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] A @alex due:2026-11-01', '- [ ] B @alex 📅 2026-11-01', '- [ ] C [owner:: alex] [due:: 2026-11-01]')), [
      row(P, 7, 'warning', CODE),
      row(P, 8, 'warning', CODE),
      row(P, 9, 'warning', CODE),
    ]);
  });

  it('not when due today or later', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] A @alex due:2026-11-22', '- [ ] B @alex due:2026-11-23')), []);
  });

  it('not for done, cancelled or forwarded items', () => {
    assert.deepEqual(checkCode(CODE, one('- [x] A @alex due:2026-11-01', '- [X] B @alex due:2026-11-01', '- [-] C @alex due:2026-11-01', '- [>] D @alex due:2026-11-01')), []);
  });

  it('not for an invalid due date (that is invalid-date only)', () => {
    assert.deepEqual(check(one('- [ ] A @alex due:2026-02-30'), { codes: [CODE, 'invalid-date'] }), [row(P, 7, 'error', 'invalid-date')]);
  });

  it('follows "today"', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] A @alex due:2026-11-21'), { today: '2026-11-21' }), []);
  });

  it('not for task lines in a ~~~ fence', () => {
    assert.deepEqual(checkCode(CODE, one('~~~', '- [ ] A @alex due:2026-11-01', '~~~')), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', one('- [ ] A @alex due:2026-11-01'));
  });

  describe('fixes', () => {
    // alex: cadence 14, last 1:1 2026-11-20 → next 1:1 2026-12-04.
    const people = { 'people/alex.md': personFile('cadence: 14') };

    it('"Mark done today" (preferred) ticks the box and appends done:', () => {
      const { fixes } = fixesFor({ ...people, ...one('- [ ] Draft @alex due:2026-11-01') }, P, CODE);
      assert.equal(fixes[0].preferred, true);
      assertFix({ ...people, ...one('- [ ] Draft @alex due:2026-11-01') }, P, CODE, /^Mark done today/, note('alex', '2026-11-20', '- [x] Draft @alex due:2026-11-01 done:2026-11-22'));
    });

    it('"Mark done today" keeps an Obsidian Tasks line in Tasks spelling', () => {
      assertFix({ ...people, ...one('- [ ] Draft @alex 📅 2026-11-01') }, P, CODE, /^Mark done today/, note('alex', '2026-11-20', '- [x] Draft @alex 📅 2026-11-01 ✅ 2026-11-22'));
    });

    it('"Mark done today" keeps a Dataview line in Dataview spelling', () => {
      assertFix(
        { ...people, ...one('- [ ] Draft [owner:: alex] [due:: 2026-11-01]') },
        P,
        CODE,
        /^Mark done today/,
        note('alex', '2026-11-20', '- [x] Draft [owner:: alex] [due:: 2026-11-01] [completion:: 2026-11-22]'),
      );
    });

    it('"Mark done today" replaces an existing done date instead of adding a second', () => {
      assertFix({ ...people, ...one('- [ ] Draft @alex due:2026-11-01 done:2026-11-05') }, P, CODE, /^Mark done today/, note('alex', '2026-11-20', '- [x] Draft @alex due:2026-11-01 done:2026-11-22'));
    });

    it('"Move to the next 1:1" replaces the due date', () => {
      assertFix({ ...people, ...one('- [ ] Draft @alex due:2026-11-01') }, P, CODE, 'Move to the next 1:1 (2026-12-04)', note('alex', '2026-11-20', '- [ ] Draft @alex due:2026-12-04'));
    });

    it('an OKR review has no "next 1:1" to move to', () => {
      const R = 'okr-reviews/q4.md';
      const text = lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '- [ ] Follow up @alex due:2026-11-20');
      const { fixes } = fixesFor({ [R]: text }, R, CODE);
      assert.ok(!fixes.some((f) => /next 1:1/.test(f.title)));
      assertFix({ [R]: text }, R, CODE, /^Mark done today/, lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '- [x] Follow up @alex due:2026-11-20 done:2026-11-22'));
    });
  });
});
