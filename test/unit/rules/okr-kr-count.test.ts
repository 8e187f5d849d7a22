import assert from 'node:assert/strict';
import { assertSeverityConfigurable, checkCode, kr, objective, okr, row } from '../helpers';

const CODE = 'okr-kr-count';
const P = 'okrs/2026-Q4.okr.yaml';
const krs = (n: number, ...extra: string[]) => Array.from({ length: n }, (_, i) => kr(`KR${i + 1}`, ...extra));
const cut = (id: string) => kr(id, 'status: cut');

// okr() puts the objective on line 4; objective() puts `key_results:` 3 lines below, on line 7.
describe(CODE, () => {
  it('fires on the key_results: line with fewer than 2, as info', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1', ...krs(1))) }), [row(P, 7, 'info', CODE)]);
  });

  it('fires with more than 4', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1', ...krs(5))) }), [row(P, 7, 'info', CODE)]);
  });

  it('not with 2, 3 or 4', () => {
    for (const n of [2, 3, 4]) assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1', ...krs(n))) }), [], `${n} key results`);
  });

  it('cut key results are not counted', () => {
    // 1 live + 1 cut = 1 → fires; 2 live + 1 cut = 2 → fine; 4 live + 1 cut = 4 → fine.
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1', kr('KR1'), cut('KR2'))) }), [row(P, 7, 'info', CODE)]);
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1', kr('KR1'), kr('KR2'), cut('KR3'))) }), []);
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1', ...krs(4), cut('KR5'))) }), []);
    // all cut: 0
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1', cut('KR1'), cut('KR2'))) }), [row(P, 7, 'info', CODE)]);
  });

  it("no key_results: key — reported on the objective's first line", () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr('  - id: O1', '    title: T', '    owner: alex') }), [row(P, 4, 'info', CODE)]);
  });

  it('an empty key_results: [] is reported on that line', () => {
    assert.deepEqual(checkCode(CODE, { [P]: okr('  - id: O1', '    title: T', '    owner: alex', '    key_results: []') }), [row(P, 7, 'info', CODE)]);
  });

  it('each objective is judged on its own', () => {
    // O1: lines 4–17 (2 KRs); O2 starts on line 18, its key_results: on line 21.
    assert.deepEqual(checkCode(CODE, { [P]: okr(...objective('O1'), ...objective('O2', ...krs(1))) }), [row(P, 21, 'info', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [P]: okr(...objective('O1', ...krs(1))) });
  });
});
