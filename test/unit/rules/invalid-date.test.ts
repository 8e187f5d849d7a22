import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, check, checkCode, fixesFor, lines, note, row } from '../helpers';

const CODE = 'invalid-date';

describe(CODE, () => {
  it('person: since and each theme since/until, on the value line, as an error', () => {
    const P = 'people/alex.md';
    const text = lines(
      '---', //                      1
      'type: person', //             2
      'since: 2026-02-29', //        3  (2026 is not a leap year)
      'themes:', //                  4
      '  - title: A', //             5
      '    since: 2026-13-01', //    6
      '    until: 2026-04-31', //    7
      '  - title: B', //             8
      '    since: 2028-02-29', //    9  (a real date: 2028 is a leap year)
      '    until: 2026-12-01', //    10
      '---',
    );
    assert.deepEqual(checkCode(CODE, { [P]: text }), [row(P, 3, 'error', CODE), row(P, 6, 'error', CODE), row(P, 7, 'error', CODE)]);
  });

  it('1:1: date, and action-item due and done dates in all three spellings', () => {
    const N = '1on1s/alex/x.md';
    const text = lines(
      '---', //                                                 1
      'type: 1on1', //                                          2
      'report: alex', //                                        3
      'date: 2026-11-31T10:00', //                              4 (a date-time reads as its date: not real)
      '---', //                                                 5
      '- [ ] a @alex due:2026-11-00', //                        6
      '- [x] b @alex due:2026-11-01 done:2026-1-5', //          7
      '- [ ] c @alex 📅 2026-06-31', //                         8
      '- [x] d @alex 📅 2026-11-01 ✅ 2026-11-31', //           9
      '- [ ] e [owner:: alex] [due:: 2026-09-31]', //           10
      '- [x] f [owner:: alex] [due:: 2026-11-01] [completion:: tomorrow]', // 11
      '- [ ] g @alex due:2026-12-01', //                        12 (fine)
    );
    assert.deepEqual(checkCode(CODE, { [N]: text }), [6, 4, 7, 8, 9, 10, 11].sort((a, b) => a - b).map((l) => row(N, l, 'error', CODE)));
  });

  it('OKR set: start, end, key result due and check-in dates (flow and block)', () => {
    const O = 'okrs/q.okr.yaml';
    const text = lines(
      'type: okr', //                                       1
      'start: 2026-10-32', //                               2
      'end: 2026-12-31', //                                 3
      'objectives:', //                                     4
      '  - id: O1', //                                      5
      '    title: T', //                                    6
      '    owner: alex', //                                 7
      '    key_results:', //                                8
      '      - id: KR1', //                                 9
      '        title: K', //                                10
      '        owner: alex', //                             11
      '        due: 2026-12-32', //                         12
      '        target: 3', //                               13
      '        checkins:', //                               14
      '          - { date: 2026-11-31, current: 1 }', //    15
      '          - date: 2026-02-29', //                    16
      '            current: 2', //                          17
      '          - { date: 2026-11-01, current: 2 }', //    18 (fine)
    );
    assert.deepEqual(checkCode(CODE, { [O]: text }), [row(O, 2, 'error', CODE), row(O, 12, 'error', CODE), row(O, 15, 'error', CODE), row(O, 16, 'error', CODE)]);
  });

  it('OKR review: date, pre-read and action items', () => {
    const R = 'okr-reviews/q4.md';
    const text = lines('---', 'type: okr-review', 'date: 2026-11-31', 'okrs: 2026-Q4', 'pre-read: 2026-11-8', '---', '- [ ] x @alex due:2026-11-31');
    assert.deepEqual(checkCode(CODE, { [R]: text }), [row(R, 3, 'error', CODE), row(R, 5, 'error', CODE), row(R, 7, 'error', CODE)]);
  });

  it('valid dates, quoted or not, and leap days of leap years are fine', () => {
    const N = '1on1s/alex/x.md';
    assert.deepEqual(checkCode(CODE, { [N]: lines('---', 'type: 1on1', 'report: alex', 'date: "2028-02-29"', '---', '- [ ] x @alex due:2024-02-29') }), []);
  });

  it('a quoted invalid date and a number are invalid too', () => {
    const N = '1on1s/alex/x.md';
    assert.deepEqual(checkCode(CODE, { [N]: lines('---', 'type: 1on1', 'report: alex', 'date: "2026-02-30"', '---', '- [ ] x @alex due:2026-12-01') }), [row(N, 4, 'error', CODE)]);
    assert.deepEqual(checkCode(CODE, { [N]: lines('---', 'type: 1on1', 'report: alex', 'date: 20261120', '---', '- [ ] x @alex due:2026-12-01') }), [row(N, 4, 'error', CODE)]);
  });

  it('an invalid date is treated as absent: an invalid 1:1 date does not fall back to the file name', () => {
    // With the date ignored, alex (since 2026-01-01) has had no 1:1: cadence-lapsed.
    const files = {
      'people/alex.md': lines('---', 'type: person', 'cadence: 14', 'since: 2026-01-01', '---'),
      '1on1s/alex/2026-11-20.md': lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-31', '---', '- [ ] x @alex due:2026-12-01'),
    };
    assert.deepEqual(check(files, { codes: [CODE, 'missing-field', 'cadence-lapsed'] }), [
      row('1on1s/alex/2026-11-20.md', 4, 'error', CODE),
      row('people/alex.md', 3, 'warning', 'cadence-lapsed'),
    ]);
  });

  it('an invalid theme until does not make the theme expire', () => {
    const P = 'people/alex.md';
    const text = lines('---', 'type: person', 'themes:', '  - title: A', '    until: 2020-02-30', '---');
    assert.deepEqual(check({ [P]: text }, { codes: [CODE, 'theme-expired'] }), [row(P, 5, 'error', CODE)]);
  });

  it('not in code fences', () => {
    assert.deepEqual(checkCode(CODE, { '1on1s/alex/2026-11-20.md': note('alex', '2026-11-20', '```', '- [ ] x @alex due:2026-02-30', '```', '- [ ] y @alex due:2026-12-01') }), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'error', { '1on1s/alex/2026-11-20.md': note('alex', '2026-11-20', '- [ ] x @alex due:2026-02-30') });
  });

  describe('fixes', () => {
    it('changes a YAML date to the nearest real one (safe, preferred)', () => {
      const N = '1on1s/alex/x.md';
      const text = lines('---', 'type: 1on1', 'report: alex', 'date: 2026-02-30', '---', '- [ ] x @alex due:2026-12-01');
      const { fixes } = fixesFor({ [N]: text }, N, CODE);
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0].safe, true);
      assert.equal(fixes[0].preferred, true);
      assertFix({ [N]: text }, N, CODE, 'Change to 2026-02-28', text.replace('2026-02-30', '2026-02-28'));
    });

    it('a quoted date loses its quotes; a month 13 becomes December; 2026-2-3 is padded', () => {
      const N = '1on1s/alex/x.md';
      const mk = (d: string) => lines('---', 'type: 1on1', 'report: alex', `date: ${d}`, '---', '- [ ] x @alex due:2026-12-01');
      assertFix({ [N]: mk('"2026-04-31"') }, N, CODE, 'Change to 2026-04-30', mk('2026-04-30'));
      assertFix({ [N]: mk('2026-13-01') }, N, CODE, 'Change to 2026-12-01', mk('2026-12-01'));
      assertFix({ [N]: mk('2026-2-3') }, N, CODE, 'Change to 2026-02-03', mk('2026-02-03'));
    });

    it('changes an action item date in its own spelling', () => {
      const N = '1on1s/alex/2026-11-20.md';
      assertFix({ [N]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-11-31') }, N, CODE, 'Change to 2026-11-30', note('alex', '2026-11-20', '- [ ] x @alex due:2026-11-30'));
      assertFix({ [N]: note('alex', '2026-11-20', '- [ ] x @alex 📅 2026-11-31') }, N, CODE, 'Change to 2026-11-30', note('alex', '2026-11-20', '- [ ] x @alex 📅 2026-11-30'));
      assertFix(
        { [N]: note('alex', '2026-11-20', '- [ ] x [owner:: alex] [due:: 2026-11-31]') },
        N,
        CODE,
        'Change to 2026-11-30',
        note('alex', '2026-11-20', '- [ ] x [owner:: alex] [due:: 2026-11-30]'),
      );
    });

    it('offers nothing for a value that is not date-shaped', () => {
      const N = '1on1s/alex/x.md';
      const text = lines('---', 'type: 1on1', 'report: alex', 'date: next tuesday', '---', '- [ ] x @alex due:2026-12-01');
      assert.deepEqual(fixesFor({ [N]: text }, N, CODE).fixes, []);
    });
  });
});
