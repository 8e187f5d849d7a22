import assert from 'node:assert/strict';
import { assertSeverityConfigurable, checkCode, diagnosticOf, lines, makeDataset, row } from '../helpers';

const CODE = 'pre-read-late';
const R = 'okr-reviews/q4-end.md';
const TODAY = '2026-11-30';
const review = (...fm: string[]) => lines('---', 'type: okr-review', 'okrs: 2026-Q4', ...fm, '---', '## O1', 'Decision: continue');

describe(CODE, () => {
  it('an upcoming review without `pre-read:`: on the `date:` line', () => {
    assert.deepEqual(checkCode(CODE, { [R]: review('date: 2026-12-14') }, { today: TODAY }), [row(R, 4, 'info', CODE)]);
  });

  it('a pre-read later than 7 days before the review: on the `pre-read:` line', () => {
    assert.deepEqual(checkCode(CODE, { [R]: review('date: 2026-12-03', 'pre-read: 2026-11-29') }, { today: TODAY }), [row(R, 5, 'info', CODE)]);
    assert.deepEqual(checkCode(CODE, { [R]: review('pre-read: 2026-12-08', 'date: 2026-12-14') }, { today: TODAY }), [row(R, 4, 'info', CODE)]);
  });

  it('exactly 7 days before, or earlier, is on time', () => {
    assert.deepEqual(checkCode(CODE, { [R]: review('date: 2026-12-14', 'pre-read: 2026-12-07') }, { today: TODAY }), []);
    assert.deepEqual(checkCode(CODE, { [R]: review('date: 2026-12-14', 'pre-read: 2026-11-20') }, { today: TODAY }), []);
  });

  it('a review dated today counts as upcoming; a past one is not checked', () => {
    assert.deepEqual(checkCode(CODE, { [R]: review(`date: ${TODAY}`) }, { today: TODAY }), [row(R, 4, 'info', CODE)]);
    assert.deepEqual(checkCode(CODE, { [R]: review('date: 2026-11-29') }, { today: TODAY }), []);
  });

  it('a `pre-read:` that is not a real date is absent: reported on its line (besides invalid-date)', () => {
    const files = { [R]: review('date: 2026-12-14', 'pre-read: 2026-12-32') };
    assert.deepEqual(checkCode(CODE, files, { today: TODAY }), [row(R, 5, 'info', CODE)]);
    assert.deepEqual(checkCode('invalid-date', files, { today: TODAY }), [row(R, 5, 'error', 'invalid-date')]);
  });

  it('a `pre-read:` written but empty, null or a list: on its own line, and says what to write', () => {
    for (const value of ['', ' ~', ' null', ' ""', " ''", ' []']) {
      const files = { [R]: review('date: 2026-12-14', `pre-read:${value}`) };
      assert.deepEqual(checkCode(CODE, files, { today: TODAY }), [row(R, 5, 'info', CODE)], `pre-read:${value}`);
    }
    for (const value of ['', ' ~', ' ""']) {
      const ds = makeDataset({ [R]: review('date: 2026-12-14', `pre-read:${value}`) }, { today: TODAY });
      diagnosticOf(ds, R, CODE, 5, /^No pre-read for the review on 2026-12-14 — send one by 2026-12-07/);
    }
    diagnosticOf(makeDataset({ [R]: review('date: 2026-12-14', 'pre-read: soon') }, { today: TODAY }), R, CODE, 5, /not a real date/);
  });

  it('no valid `date:`: nothing to be late for', () => {
    assert.deepEqual(checkCode(CODE, { [R]: review() }, { today: TODAY }), []);
    assert.deepEqual(checkCode(CODE, { [R]: review('date: 2026-13-01') }, { today: TODAY }), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [R]: review('date: 2026-12-14') }, { today: TODAY });
  });
});
