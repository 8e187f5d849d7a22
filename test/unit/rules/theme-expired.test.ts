import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, check, checkCode, lines, row } from '../helpers';

const CODE = 'theme-expired';
const P = 'people/alex.md';
const person = (until1: string, until2 = '2027-01-31') =>
  lines(
    '---', //                                  1
    'type: person', //                         2
    'themes:', //                              3
    '  - title: Clearer communication', //     4
    '    since: 2026-09-01', //                5
    `    until: ${until1}`, //                 6
    '  - title: Delegation', //                7
    '    since: 2026-10-01', //                8
    `    until: ${until2}`, //                 9
    '---',
  );

describe(CODE, () => {
  it("a theme whose until is before today: the until: line, as info", () => {
    assert.deepEqual(checkCode(CODE, { [P]: person('2026-11-10') }), [row(P, 6, 'info', CODE)]);
    assert.deepEqual(checkCode(CODE, { [P]: person('2026-11-21', '2026-01-01') }), [row(P, 6, 'info', CODE), row(P, 9, 'info', CODE)]);
  });

  it('not when until is today or later, or absent', () => {
    assert.deepEqual(checkCode(CODE, { [P]: person('2026-11-22') }), []);
    assert.deepEqual(checkCode(CODE, { [P]: lines('---', 'type: person', 'themes:', '  - title: Open-ended', '    since: 2020-01-01', '---') }), []);
  });

  it('in flow style', () => {
    assert.deepEqual(checkCode(CODE, { [P]: lines('---', 'type: person', 'themes:', '  - { title: A, since: 2026-01-01, until: 2026-03-01 }', '---') }), [row(P, 4, 'info', CODE)]);
  });

  it('an invalid until is invalid-date only', () => {
    assert.deepEqual(check({ [P]: person('2026-02-30') }, { codes: [CODE, 'invalid-date'] }), [row(P, 6, 'error', 'invalid-date')]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [P]: person('2026-11-10') });
  });

  describe('fixes', () => {
    it('extends by two months from until', () => {
      assertFix({ [P]: person('2026-11-10') }, P, CODE, 'Extend two months (until 2027-01-10)', person('2027-01-10'));
    });

    it('extends by two months from today when until + 2 months is still past', () => {
      assertFix({ [P]: person('2026-01-31') }, P, CODE, 'Extend two months (until 2027-01-22)', person('2027-01-22'));
    });

    it('clamps to the end of a shorter month (2026-10-31 → 2026-12-31; 2026-12-31 → 2027-02-28)', () => {
      assertFix({ [P]: person('2026-10-31') }, P, CODE, 'Extend two months (until 2026-12-31)', person('2026-12-31'));
      assertFix({ [P]: person('2026-12-31') }, P, CODE, 'Extend two months (until 2027-02-28)', person('2027-02-28'), { today: '2027-01-05' });
    });
  });
});
