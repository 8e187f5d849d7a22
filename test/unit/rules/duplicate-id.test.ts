import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, checkCode, lines, makeDataset, objective, okr, personFile, row, rowsOf, kr } from '../helpers';

const CODE = 'duplicate-id';
// personFile('id: x'): `id:` is on line 3.

describe(CODE, () => {
  it('two people with the same id: the id line of the second in path order, as an error', () => {
    const files = { 'people/b.md': personFile('id: alex'), 'people/a.md': personFile('id: alex') };
    assert.deepEqual(checkCode(CODE, files), [row('people/b.md', 3, 'error', CODE)]);
  });

  it('ids compare case-insensitively', () => {
    const files = { 'people/a.md': personFile('id: Alex'), 'people/b.md': personFile('name: X', 'id: ALEX') };
    assert.deepEqual(checkCode(CODE, files), [row('people/b.md', 4, 'error', CODE)]);
  });

  it('path order is plain code-point order: "alex-kim.md" < "alex.md", "Z.md" < "a.md"', () => {
    // '-' (U+002D) < '.' (U+002E); 'Z' (U+005A) < 'a' (U+0061) — a locale-aware sort would say otherwise.
    assert.deepEqual(checkCode(CODE, { 'people/alex.md': personFile('id: alex'), 'people/alex-kim.md': personFile('id: Alex') }), [row('people/alex.md', 3, 'error', CODE)]);
    assert.deepEqual(checkCode(CODE, { 'people/a.md': personFile('id: x'), 'people/Z.md': personFile('id: X') }), [row('people/a.md', 3, 'error', CODE)]);
  });

  it('every one after the first is reported', () => {
    const files = { 'people/c.md': personFile('id: p'), 'people/a.md': personFile('id: p'), 'people/b.md': personFile('id: P') };
    assert.deepEqual(checkCode(CODE, files), [row('people/b.md', 3, 'error', CODE), row('people/c.md', 3, 'error', CODE)]);
  });

  it('an id taken from the file name clashes too (reported on line 1: there is no id line)', () => {
    const files = { 'people/alex.md': personFile(), 'team/alex.md': personFile() };
    // 'people/…' < 'team/…': team/alex.md (type: person outside the globs) is the second.
    assert.deepEqual(checkCode(CODE, files), [row('team/alex.md', 1, 'error', CODE)]);
  });

  it('follows path order whatever order the files arrive in, and after the first is deleted', () => {
    const ds = makeDataset({});
    ds.setFile('people/b.md', personFile('id: p'));
    assert.deepEqual(rowsOf(ds), []);
    ds.setFile('people/a.md', personFile('id: p'));
    assert.deepEqual(rowsOf(ds), [row('people/b.md', 3, 'error', CODE)]);
    ds.deleteFile('people/a.md');
    assert.deepEqual(rowsOf(ds), []);
  });

  it('objectives within a set, on the id line of each later one', () => {
    const text = okr(...objective('O1'), ...objective('o1'), ...objective('O2'), ...objective('O1'));
    // Each objective() with two kr() is 14 lines: O1 4, o1 18, O2 32, O1 46.
    assert.deepEqual(checkCode(CODE, { 'okrs/q.okr.yaml': text }), [row('okrs/q.okr.yaml', 18, 'error', CODE), row('okrs/q.okr.yaml', 46, 'error', CODE)]);
  });

  it('an id line that is not the first line of the object', () => {
    const text = okr(...objective('O1'), '  - title: Second', '    owner: alex', '    id: o1');
    // Second objective starts on line 18; its id is on line 20.
    assert.deepEqual(checkCode(CODE, { 'okrs/q.okr.yaml': text }), [row('okrs/q.okr.yaml', 20, 'error', CODE)]);
  });

  it('key results within an objective; the same KR id in two objectives is fine', () => {
    const text = okr(...objective('O1', kr('KR1'), kr('kr1')), ...objective('O2'));
    // O1's KRs: KR1 on line 8, kr1 on line 13. O2 (line 18) has KR1 and KR2 of its own.
    assert.deepEqual(checkCode(CODE, { 'okrs/q.okr.yaml': text }), [row('okrs/q.okr.yaml', 13, 'error', CODE)]);
  });

  it('the same objective id in two sets is fine', () => {
    assert.deepEqual(checkCode(CODE, { 'okrs/a.okr.yaml': okr(...objective('O1')), 'okrs/b.okr.yaml': okr(...objective('O1')) }), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'error', { 'people/b.md': personFile('id: alex'), 'people/a.md': personFile('id: alex') });
  });

  describe('fixes', () => {
    it('renames a later objective to a free id', () => {
      const before = okr(...objective('O1'), ...objective('o1'));
      const after = before.replace('  - id: o1\n', '  - id: O3\n');
      assert.notEqual(after, before);
      assertFix({ 'okrs/q.okr.yaml': before }, 'okrs/q.okr.yaml', CODE, /^Rename to /, after);
    });

    it('renames a later key result to a free id', () => {
      const before = okr(...objective('O1', kr('KR1'), kr('KR1')));
      // The second `      - id: KR1` (line 13) becomes KR3 (ids 1 and 2 are taken by count: the suggestion is n+1).
      const at = before.lastIndexOf('      - id: KR1\n');
      const after = before.slice(0, at) + '      - id: KR3\n' + before.slice(at + '      - id: KR1\n'.length);
      assertFix({ 'okrs/q.okr.yaml': before }, 'okrs/q.okr.yaml', CODE, /^Rename to /, after);
    });

    it("renames a later person's id", () => {
      const files = { 'people/a.md': personFile('id: alex'), 'people/b.md': lines('---', 'type: person', 'id: alex', 'name: Alex B', '---') };
      assertFix(files, 'people/b.md', CODE, 'Rename to alex-2', lines('---', 'type: person', 'id: alex-2', 'name: Alex B', '---'));
    });
  });
});
