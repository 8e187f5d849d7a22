import assert from 'node:assert/strict';
import { assertSeverityConfigurable, check, checkCode, lines, row } from '../helpers';

const CODE = 'rating-gap';
const N = '1on1s/sam/2026-11-06.md';
/** `performance:` is on line 5. */
const perf = (...p: string[]) => lines('---', 'type: 1on1', 'report: sam', 'date: 2026-11-06', ...p, '---', '- [ ] x @sam due:2026-12-01');

describe(CODE, () => {
  it('fires on the performance: line when the ratings differ by 2 or more, as info', () => {
    assert.deepEqual(checkCode(CODE, { [N]: perf('performance:', '  manager: 2', '  report: 4') }), [row(N, 5, 'info', CODE)]);
    assert.deepEqual(checkCode(CODE, { [N]: perf('performance:', '  manager: 5', '  report: 1') }), [row(N, 5, 'info', CODE)]);
  });

  it('in flow style too', () => {
    assert.deepEqual(checkCode(CODE, { [N]: perf('performance: { manager: 1, report: 3 }') }), [row(N, 5, 'info', CODE)]);
  });

  it('not for a gap of 0 or 1', () => {
    assert.deepEqual(checkCode(CODE, { [N]: perf('performance:', '  manager: 3', '  report: 4') }), []);
    assert.deepEqual(checkCode(CODE, { [N]: perf('performance:', '  manager: 4', '  report: 4') }), []);
  });

  it('not with only one rating', () => {
    assert.deepEqual(checkCode(CODE, { [N]: perf('performance:', '  manager: 1') }), []);
  });

  it('not when a rating is out of range (that one is out-of-range only)', () => {
    assert.deepEqual(check({ [N]: perf('performance:', '  manager: 1', '  report: 9') }, { codes: [CODE, 'out-of-range'] }), [row(N, 7, 'error', 'out-of-range')]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [N]: perf('performance:', '  manager: 2', '  report: 4') });
  });
});
