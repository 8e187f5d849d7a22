import assert from 'node:assert/strict';
import { assertSeverityConfigurable, checkCode, lines, objective, okr, row } from '../helpers';

const CODE = 'okr-objective-count';
const P = 'okrs/2026-Q4.okr.yaml';
const objectives = (n: number) => Array.from({ length: n }, (_, i) => objective(`O${i + 1}`)).flat();

describe(CODE, () => {
  it('fires on the objectives: line with fewer than 3, as info', () => {
    // okr(): `objectives:` is line 3.
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objectives(2)) }), [row(P, 3, 'info', CODE)]);
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objectives(1)) }), [row(P, 3, 'info', CODE)]);
  });

  it('fires with more than 5', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objectives(6)) }), [row(P, 3, 'info', CODE)]);
  });

  it('not with 3, 4 or 5', () => {
    for (const n of [3, 4, 5]) assert.deepEqual(checkCode(CODE, { [P]: okr(...objectives(n)) }), [], `${n} objectives`);
  });

  it('an empty list is 0 objectives, on the objectives: line wherever it stands', () => {
    assert.deepEqual(checkCode(CODE, { [P]: lines('type: okr', '# comment', 'period: 2026-Q4', 'team: x', 'objectives: []') }), [row(P, 5, 'info', CODE)]);
  });

  it('no objectives: key at all is 0 objectives, reported on line 1 (SPEC names no line for this case)', () => {
    assert.deepEqual(checkCode(CODE, { [P]: lines('type: okr', 'period: 2026-Q4') }), [row(P, 1, 'info', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [P]: okr(...objectives(2)) });
  });
});
