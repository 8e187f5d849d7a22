import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, check, checkCode, fixesFor, lines, objective, okr, row } from '../helpers';

const CODE = 'kr-missing-due';
const P = 'okrs/2026-Q4.okr.yaml';

const head = ['  - id: O1', '    title: Objective O1', '    owner: sam', '    key_results:']; // lines 4–7
const noDue = [
  '      - id: KR1', //              8
  '        title: No due', //        9
  '        owner: alex', //          10
  '        target: 10', //           11
];
const withDue = (...krLines: string[]) => okr(...head, ...krLines);

describe(CODE, () => {
  it("fires on the key result's first line, as a warning", () => {
    assert.deepEqual(checkCode(CODE, { [P]: withDue(...noDue) }), [row(P, 8, 'warning', CODE)]);
  });

  it('not for status: cut', () => {
    assert.deepEqual(checkCode(CODE, { [P]: withDue(...noDue, '        status: cut') }), []);
  });

  it('not when due is present', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1')) }), []);
  });

  it('an invalid due is invalid-date only, on its value line', () => {
    assert.deepEqual(check({ [P]: withDue(...noDue, '        due: 2026-12-32') }, { codes: [CODE, 'invalid-date'] }), [row(P, 12, 'error', 'invalid-date')]);
  });

  it('a null due is absent', () => {
    assert.deepEqual(checkCode(CODE, { [P]: withDue(...noDue, '        due:') }), [row(P, 8, 'warning', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', { [P]: withDue(...noDue) });
  });

  describe('fixes', () => {
    const fixed = (date: string) => withDue('      - id: KR1', '        title: No due', '        owner: alex', `        due: ${date}`, '        target: 10');

    it('the end of the set (preferred) is added after the owner line', () => {
      const { fixes } = fixesFor({ [P]: withDue(...noDue) }, P, CODE);
      assert.equal(fixes[0].preferred, true);
      assertFix({ [P]: withDue(...noDue) }, P, CODE, 'Due at the end of 2026-Q4 (2026-12-31)', fixed('2026-12-31'));
    });

    it('the end of an H1 set is June 30, of a year set December 31, of a start/end set its end', () => {
      const h1 = withDue(...noDue).replace('period: 2026-Q4', 'period: 2026-H1');
      assertFix({ [P]: h1 }, P, CODE, /^Due at the end of 2026-H1 \(2026-06-30\)$/, fixed('2026-06-30').replace('period: 2026-Q4', 'period: 2026-H1'));
      const year = withDue(...noDue).replace('period: 2026-Q4', 'period: 2027');
      assertFix({ [P]: year }, P, CODE, /\(2027-12-31\)$/, fixed('2027-12-31').replace('period: 2026-Q4', 'period: 2027'));
      const se = withDue(...noDue).replace('period: 2026-Q4', 'start: 2026-10-15\nend: 2027-01-15');
      assertFix({ [P]: se }, P, CODE, /\(2027-01-15\)$/, fixed('2027-01-15').replace('period: 2026-Q4', 'start: 2026-10-15\nend: 2027-01-15'));
    });

    it('"Due on…" asks for a date', () => {
      assertFix({ [P]: withDue(...noDue) }, P, CODE, 'Due on…', fixed('2026-12-15'), { value: '2026-12-15' });
    });

    it('adds after the title when there is no owner line', () => {
      const text = withDue('      - id: KR1', '        title: No due', '        target: 10');
      assertFix({ [P]: text }, P, CODE, /^Due at the end of 2026-Q4/, withDue('      - id: KR1', '        title: No due', '        due: 2026-12-31', '        target: 10'));
    });

    it('adds due: after a block-scalar owner or title, not into the next key result', () => {
      const text = withDue('      - id: KR1', '        target: 1', '        title: >-', '          Folded', '          title', '      - id: KR2', '        title: b', '        owner: x', '        due: 2026-12-01', '        target: 1');
      const expected = withDue('      - id: KR1', '        target: 1', '        title: >-', '          Folded', '          title', '        due: 2026-12-31', '      - id: KR2', '        title: b', '        owner: x', '        due: 2026-12-01', '        target: 1');
      assertFix({ [P]: text }, P, CODE, /^Due at the end of 2026-Q4/, expected);
    });

    it('adds the key inside a flow map', () => {
      const text = lines('type: okr', 'period: 2026-Q4', 'objectives:', ...head, '      - { id: KR1, title: Flow, owner: alex, target: 10 }');
      assertFix({ [P]: text }, P, CODE, /^Due at the end of 2026-Q4/, okr(...head, '      - { id: KR1, title: Flow, owner: alex, target: 10, due: 2026-12-31 }'));
    });
  });
});
