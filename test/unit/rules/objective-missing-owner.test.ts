import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, checkCode, fixesFor, kr, objective, okr, row } from '../helpers';

const CODE = 'objective-missing-owner';
const P = 'okrs/2026-Q4.okr.yaml';

// okr(): line 1 type, 2 period, 3 `objectives:`, the objectives from line 4.
const noOwner = [
  '  - id: O1', //                4
  '    title: Objective O1', //   5
  '    key_results:', //          6
  ...kr('KR1'), //                7–11
  ...kr('KR2'), //                12–16
];

describe(CODE, () => {
  it("fires on the objective's first line, as a warning", () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...noOwner, ...objective('O2'), ...objective('O3')) }), [row(P, 4, 'warning', CODE)]);
  });

  it('first line of an objective that does not start with id:', () => {
    const text = okr(...objective('O1'), '  - title: Second', '    key_results: []');
    // objective('O1') is 4 + 2×5 = 14 lines (4–17); the second objective starts on line 18.
    assert.deepEqual(checkCode(CODE, { [P]: text }), [row(P, 18, 'warning', CODE)]);
  });

  it('an empty owner is no owner', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr('  - id: O1', '    title: T', '    owner: ""', '    key_results: []') }), [row(P, 4, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, { [P]: okr('  - id: O1', '    title: T', '    owner:', '    key_results: []') }), [row(P, 4, 'warning', CODE)]);
  });

  it('not when the objective has an owner (any case, or me)', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1'), '  - id: O2', '    title: T', '    owner: Me', '    key_results: []') }), []);
  });

  it('not in a set whose YAML does not parse', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr('  - id: O1', '    title: "unterminated', '    key_results: []') }), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', { [P]: okr(...noOwner) });
  });

  describe('fixes', () => {
    it('adds owner: after the title line, at the map\'s indentation', () => {
      const { fixes } = fixesFor({ [P]: okr(...noOwner) }, P, CODE);
      assert.equal(fixes[fixes.length - 1].ask?.kind, 'person');
      const expected = okr('  - id: O1', '    title: Objective O1', '    owner: me', ...noOwner.slice(2));
      assertFix({ [P]: okr(...noOwner) }, P, CODE, 'Assign to @me', expected);
    });

    it('"Assign to…" asks and substitutes', () => {
      const expected = okr('  - id: O1', '    title: Objective O1', '    owner: priya', ...noOwner.slice(2));
      assertFix({ [P]: okr(...noOwner) }, P, CODE, 'Assign to…', expected, { value: 'priya' });
    });

    it('adds owner: right after a block-scalar title', () => {
      const text = okr('  - id: O1', '    title: |', '      Make onboarding', '      self-serve', '    key_results: []');
      const expected = okr('  - id: O1', '    title: |', '      Make onboarding', '      self-serve', '    owner: me', '    key_results: []');
      assertFix({ [P]: text }, P, CODE, 'Assign to @me', expected);
    });

    it('keeps a comment after the title on its line', () => {
      const text = okr('  - id: O1', '    title: Grow # the big one', '    key_results: []');
      assertFix({ [P]: text }, P, CODE, 'Assign to @me', okr('  - id: O1', '    title: Grow # the big one', '    owner: me', '    key_results: []'));
    });

    it('adds the key inside a flow map', () => {
      const text = okr('  - { id: O1, title: Flow, key_results: [] }');
      assertFix({ [P]: text }, P, CODE, 'Assign to @me', okr('  - { id: O1, title: Flow, key_results: [], owner: me }'));
    });
  });
});
