import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, checkCode, fixesFor, kr, objective, okr, row } from '../helpers';

const CODE = 'kr-missing-owner';
const P = 'okrs/2026-Q4.okr.yaml';

const head = ['  - id: O1', '    title: Objective O1', '    owner: sam', '    key_results:']; // lines 4–7
const noOwner = [
  '      - id: KR1', //              8
  '        title: No owner', //      9
  '        due: 2026-12-31', //      10
  '        target: 10', //           11
];

describe(CODE, () => {
  it("fires on the key result's first line, as a warning", () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...head, ...noOwner, ...kr('KR2')) }), [row(P, 8, 'warning', CODE)]);
  });

  it('fires on the first line of a key result that does not start with id:', () => {
    const text = okr(...head, ...kr('KR1'), '      - title: Second', '        due: 2026-12-31', '        target: 3');
    // kr('KR1') is lines 8–12; the second key result starts on line 13.
    assert.deepEqual(checkCode(CODE, { [P]: text }), [row(P, 13, 'warning', CODE)]);
  });

  it('not for status: cut', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...head, ...noOwner, '        status: cut', ...kr('KR2')) }), []);
  });

  it('not when the key result has an owner', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1')) }), []);
  });

  it('each key result in each objective is judged', () => {
    const text = okr(...head, ...noOwner, ...objective('O2', noOwner.map((l) => l.replace('KR1', 'KR9'))));
    // O2 starts on line 12 (4 head lines: 12–15), its key result on line 16.
    assert.deepEqual(checkCode(CODE, { [P]: text }), [row(P, 8, 'warning', CODE), row(P, 16, 'warning', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', { [P]: okr(...head, ...noOwner) });
  });

  describe('fixes', () => {
    it("offers the objective's owner first (preferred) and adds owner: after the title", () => {
      const { fixes } = fixesFor({ [P]: okr(...head, ...noOwner) }, P, CODE);
      assert.equal(fixes[0].preferred, true);
      assert.equal(fixes[0].title, 'Assign to @sam (owns the objective)');
      const expected = okr(...head, '      - id: KR1', '        title: No owner', '        owner: sam', '        due: 2026-12-31', '        target: 10');
      assertFix({ [P]: okr(...head, ...noOwner) }, P, CODE, /^Assign to @sam/, expected);
    });

    it('adds owner: after a block-scalar title, not into the next key result', () => {
      const text = okr(...head, '      - id: KR1', '        due: 2026-12-31', '        target: 1', '        title: >', '          A long title', '          on two lines', ...kr('KR2'));
      const expected = okr(...head, '      - id: KR1', '        due: 2026-12-31', '        target: 1', '        title: >', '          A long title', '          on two lines', '        owner: sam', ...kr('KR2'));
      assertFix({ [P]: text }, P, CODE, /^Assign to @sam/, expected);
    });

    it('adds the key inside a flow map', () => {
      const text = okr(...head, '      - { id: KR1, title: Flow, due: 2026-12-31, target: 10 }');
      assertFix({ [P]: text }, P, CODE, /^Assign to @sam/, okr(...head, '      - { id: KR1, title: Flow, due: 2026-12-31, target: 10, owner: sam }'));
    });
  });
});
