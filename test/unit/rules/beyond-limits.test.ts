import assert from 'node:assert/strict';
import { assertSeverityConfigurable, check, checkCode, lines, row } from '../helpers';

const CODE = 'beyond-limits';
const O = 'okrs/2026-Q4.okr.yaml';

/** An alias bomb: each level lists the one before ten times. */
function bomb(levels: number): string {
  const out = ['type: okr', 'period: 2026-Q4', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= levels; i++) out.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  out.push(`objectives: *a${levels}`);
  return lines(...out);
}

describe(CODE, () => {
  it('an alias that would expand past the budget: one info on the alias line, the rest read', () => {
    const rows = check({ [O]: bomb(8) });
    assert.equal(rows.filter((r) => r.code === CODE).length, 1);
    assert.ok(rows.some((r) => r.code === 'okr-objective-count'), 'the rest of the file is read');
    assert.ok(rows.every((r) => r.code !== 'yaml-syntax'));
  });

  it('not for ordinary aliases', () => {
    assert.deepEqual(checkCode(CODE, { [O]: bomb(2) }), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [O]: bomb(8) });
  });

  it('is reported on the line where the limit is met', () => {
    const rows = checkCode(CODE, { [O]: bomb(8) });
    assert.ok(rows[0].line >= 4 && rows[0].line <= 12, JSON.stringify(rows));
    assert.deepEqual(rows.map((r) => ({ ...r, line: 0 })), [row(O, 0, 'info', CODE)]);
  });
});
