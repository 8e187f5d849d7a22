import assert from 'node:assert/strict';
import { assertSeverityConfigurable, checkCode, lines, makeDataset, note, personFile, row, rowsOf } from '../helpers';

const CODE = 'cadence-lapsed';
const A = 'people/alex.md';
// Today is 2026-11-22. With cadence 14, lapsed means more than 21 days: last 1:1 on or before 2026-10-31.
const alex = (...extra: string[]) =>
  lines(
    '---', //            1
    'type: person', //   2
    'name: Alex Kim', // 3
    ...extra, //         4…
    '---',
  );
const oneOnOne = (date: string, report = 'alex') => ({ [`1on1s/${report}/${date}.md`]: note(report, date, '- [ ] x @me due:2026-12-30') });

describe(CODE, () => {
  it('fires on the cadence: line when the last 1:1 is more than 1.5 × cadence ago, as a warning', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14'), ...oneOnOne('2026-10-31') }), [row(A, 4, 'warning', CODE)]);
  });

  it('exactly 1.5 × cadence is not lapsed', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14'), ...oneOnOne('2026-11-01') }), []);
    // weekly: 10.5 days. 11 days lapsed, 10 not.
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: weekly'), ...oneOnOne('2026-11-11') }), [row(A, 4, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: weekly'), ...oneOnOne('2026-11-12') }), []);
  });

  it('uses the latest 1:1, whatever the order the notes arrive in', () => {
    assert.deepEqual(checkCode(CODE, { ...oneOnOne('2026-11-15'), [A]: alex('cadence: 14'), ...oneOnOne('2026-09-01') }), []);
  });

  it('with no 1:1 yet, falls back to since', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2026-10-31') }), [row(A, 4, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2026-11-01') }), []);
  });

  it('a 1:1 takes precedence over since', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2026-01-01'), ...oneOnOne('2026-11-20') }), []);
  });

  it('a person with neither a 1:1 nor since is not checked', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14') }), []);
  });

  it('the me: true person is not checked', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2020-01-01', 'me: true'), ...oneOnOne('2026-01-01') }), []);
  });

  it('no cadence: reported on line 1, with the default of 14', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex(), ...oneOnOne('2026-10-31') }), [row(A, 1, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [A]: alex(), ...oneOnOne('2026-11-01') }), []);
  });

  it('a `cadence:` written empty, null or ~: the default of 14, reported on that line (SPEC §8: the cadence: line, else line 1; found by a fresh tester)', () => {
    for (const value of ['', ' ~', ' null', ' ""']) {
      assert.deepEqual(checkCode(CODE, { [A]: alex(`cadence:${value}`), ...oneOnOne('2026-10-31') }), [row(A, 4, 'warning', CODE)], `cadence:${value}`);
      assert.deepEqual(checkCode(CODE, { [A]: alex(`cadence:${value}`), ...oneOnOne('2026-11-01') }), [], `cadence:${value}`);
      assert.deepEqual(checkCode('out-of-range', { [A]: alex(`cadence:${value}`) }), value === ' ""' ? [row(A, 4, 'error', 'out-of-range')] : [], `cadence:${value}`);
    }
  });

  it('the default comes from settings defaultCadenceDays', () => {
    // 30 → lapsed past 45 days: 2026-10-08 is 45 days (not lapsed), 2026-10-07 is 46.
    const settings = { defaultCadenceDays: 30 };
    assert.deepEqual(checkCode(CODE, { [A]: alex(), ...oneOnOne('2026-10-08') }, { settings }), []);
    assert.deepEqual(checkCode(CODE, { [A]: alex(), ...oneOnOne('2026-10-07') }, { settings }), [row(A, 1, 'warning', CODE)]);
  });

  it('an invalid cadence uses the default (and is reported on the cadence: line)', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: fortnightly'), ...oneOnOne('2026-10-31') }), [row(A, 4, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: fortnightly'), ...oneOnOne('2026-11-01') }), []);
    const settings = { defaultCadenceDays: 30 };
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 0'), ...oneOnOne('2026-10-08') }, { settings }), []);
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 0'), ...oneOnOne('2026-10-07') }, { settings }), [row(A, 4, 'warning', CODE)]);
  });

  it('reads cadence words and numbers: monthly = 30, biweekly = 14, "10" = 10', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: monthly'), ...oneOnOne('2026-10-08') }), []);
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: Monthly'), ...oneOnOne('2026-10-07') }), [row(A, 4, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: biweekly'), ...oneOnOne('2026-10-31') }), [row(A, 4, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: "10"'), ...oneOnOne('2026-11-07') }), []); // 15 days = 1.5 × 10
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: "10"'), ...oneOnOne('2026-11-06') }), [row(A, 4, 'warning', CODE)]);
  });

  it('1:1s match the person case-insensitively, by report only (not by folder)', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14'), '1on1s/x/2026-11-20.md': note('ALEX', '2026-11-20', '- [ ] x @me due:2026-12-30') }), []);
    // A note in alex's folder about someone else does not count for alex.
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2026-01-01'), '1on1s/alex/2026-11-20.md': note('sam', '2026-11-20', '- [ ] x @me due:2026-12-30') }), [
      row(A, 4, 'warning', CODE),
    ]);
  });

  it('a 1:1 whose date comes from its file name counts', () => {
    const undated = lines('---', 'type: 1on1', 'report: alex', '---', '- [ ] x @me due:2026-12-30');
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2026-01-01'), '1on1s/alex/2026-11-20.md': undated }), []);
  });

  it('a 1:1 with an invalid date does not count (and does not fall back to the file name)', () => {
    const bad = lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-31', '---', '- [ ] x @me due:2026-12-30');
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2026-01-01'), '1on1s/alex/2026-11-20.md': bad }), [row(A, 4, 'warning', CODE)]);
  });

  it('an invalid since is treated as absent', () => {
    assert.deepEqual(checkCode(CODE, { [A]: alex('cadence: 14', 'since: 2026-02-30') }), []);
  });

  it('adding a 1:1 through the Dataset clears it; deleting it brings it back', () => {
    const ds = makeDataset({ [A]: alex('cadence: 14', 'since: 2026-01-01') });
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), [row(A, 4, 'warning', CODE)]);
    ds.setFile('1on1s/alex/2026-11-20.md', note('alex', '2026-11-20', '- [ ] x @me due:2026-12-30'));
    assert.deepEqual(rowsOf(ds, [A]).filter((r) => r.code === CODE), []);
    ds.deleteFile('1on1s/alex/2026-11-20.md');
    assert.deepEqual(rowsOf(ds, [A]).filter((r) => r.code === CODE), [row(A, 4, 'warning', CODE)]);
  });

  it('moves with today', () => {
    const ds = makeDataset({ [A]: alex('cadence: 14'), ...oneOnOne('2026-11-01') });
    assert.deepEqual(rowsOf(ds, [A]).filter((r) => r.code === CODE), []);
    ds.setToday('2026-11-23');
    assert.deepEqual(rowsOf(ds, [A]).filter((r) => r.code === CODE), [row(A, 4, 'warning', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', { [A]: alex('cadence: 14'), ...oneOnOne('2026-10-01') });
  });

  it('a person file that is only front matter with nothing else is fine', () => {
    assert.deepEqual(checkCode(CODE, { [A]: personFile() }), []);
  });
});
