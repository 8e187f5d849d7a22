import assert from 'node:assert/strict';
import { assertSeverityConfigurable, checkCode, lines, row } from '../helpers';

const CODE = 'development-focus-count';
const P = 'people/sam.md';
/** `development:` on line 4. */
const person = (...dev: string[]) => lines('---', 'type: person', 'name: Sam', ...dev, '---');

describe(CODE, () => {
  it('more than 3 focus areas: the development: line, as info', () => {
    assert.deepEqual(checkCode(CODE, { [P]: person('development:', '  - a', '  - b', '  - c', '  - d') }), [row(P, 4, 'info', CODE)]);
    assert.deepEqual(checkCode(CODE, { [P]: person('development: [a, b, c, d, e]') }), [row(P, 4, 'info', CODE)]);
  });

  it('not for 3 or fewer', () => {
    assert.deepEqual(checkCode(CODE, { [P]: person('development:', '  - a', '  - b', '  - c') }), []);
    assert.deepEqual(checkCode(CODE, { [P]: person('development: []') }), []);
    assert.deepEqual(checkCode(CODE, { [P]: person('development:') }), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [P]: person('development: [a, b, c, d]') });
  });
});
