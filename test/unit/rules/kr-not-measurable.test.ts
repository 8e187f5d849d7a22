import assert from 'node:assert/strict';
import { assertSeverityConfigurable, checkCode, okr, row } from '../helpers';

const CODE = 'kr-not-measurable';
const P = 'okrs/2026-Q4.okr.yaml';

const head = ['  - id: O1', '    title: Objective O1', '    owner: sam', '    key_results:']; // lines 4–7
/** One key result on line 8 with id, title, owner, due (lines 8–11) and `extra` after. */
const set = (...extra: string[]) => ({ [P]: okr(...head, '      - id: KR1', '        title: T', '        owner: alex', '        due: 2026-12-31', ...extra.map((e) => `        ${e}`)) });

describe(CODE, () => {
  it("fires on the key result's first line when target is absent, as a warning", () => {
    assert.deepEqual(checkCode(CODE, set('current: 3')), [row(P, 8, 'warning', CODE)]);
  });

  it('a quoted "99.9%" is not a number', () => {
    assert.deepEqual(checkCode(CODE, set('target: "99.9%"')), [row(P, 8, 'warning', CODE)]);
  });

  it('nor an unquoted 99.9% (a YAML string), nor a quoted "10", nor a null target', () => {
    assert.deepEqual(checkCode(CODE, set('target: 99.9%')), [row(P, 8, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, set("target: '10'")), [row(P, 8, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, set('target:')), [row(P, 8, 'warning', CODE)]);
  });

  it('a YAML number target is measurable, with or without start (start defaults to 0)', () => {
    assert.deepEqual(checkCode(CODE, set('target: 99.9')), []);
    assert.deepEqual(checkCode(CODE, set('target: 0')), []);
    assert.deepEqual(checkCode(CODE, set('start: 10', 'target: 3')), []);
    assert.deepEqual(checkCode(CODE, set('target: -5')), []);
  });

  it('applies to a cut key result too (SPEC exempts cut ones only from owner and due)', () => {
    assert.deepEqual(checkCode(CODE, set('status: cut')), [row(P, 8, 'warning', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', set('target: "99.9%"'));
  });
});
