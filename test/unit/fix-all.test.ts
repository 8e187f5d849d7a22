// The core's fix-all: which fixes it chooses, and how their edits land in the
// file's own text (BOM, line endings) for `cadence check --fix`.
import assert from 'node:assert/strict';
import { applyToFileText, fixAllChoice } from '../../src/core/fix-all';
import type { Diagnostic, Fix, TextEdit } from '../../src/core/types';

const at = (line: number, s: number, e = s, endLine = line) => ({ start: { line, character: s }, end: { line: endLine, character: e } });
const edit = (line: number, s: number, e: number, newText: string): TextEdit => ({ range: at(line, s, e), newText });
const diag = (line: number, code = 'out-of-range'): Diagnostic => ({ code, severity: 'error', message: 'm', range: at(line, 0, 1) });

describe('fixAllChoice', () => {
  it('takes per diagnostic its preferred safe fix that asks nothing', () => {
    const safe: Fix = { title: 'A', edits: [edit(0, 0, 1, 'a')], safe: true };
    const preferred: Fix = { title: 'B', edits: [edit(0, 0, 1, 'b')], safe: true, preferred: true };
    const asks: Fix = { title: 'C', edits: [edit(1, 0, 1, '${value}')], safe: true, preferred: true, ask: { kind: 'text', prompt: 'p' } };
    const unsafe: Fix = { title: 'D', edits: [edit(2, 0, 1, 'd')], preferred: true };
    const c = fixAllChoice([
      { diagnostic: diag(0), fixes: [safe, preferred] },
      { diagnostic: diag(1), fixes: [asks] },
      { diagnostic: diag(2), fixes: [unsafe] },
    ]);
    assert.deepEqual(c.chosen.map((x) => x.fix.title), ['B']);
    assert.deepEqual(c.edits, [edit(0, 0, 1, 'b')]);
    assert.equal(c.skipped, 0);
  });

  it('skips (and counts) a fix overlapping one chosen; merges insertions at one point in order', () => {
    const c = fixAllChoice([
      { diagnostic: diag(0), fixes: [{ title: 'A', edits: [edit(0, 2, 6, 'x')], safe: true }] },
      { diagnostic: diag(0), fixes: [{ title: 'B', edits: [edit(0, 4, 8, 'y')], safe: true }] },
      { diagnostic: diag(3), fixes: [{ title: 'C', edits: [edit(3, 0, 0, 'one\n')], safe: true }] },
      { diagnostic: diag(3), fixes: [{ title: 'D', edits: [edit(3, 0, 0, 'two\n')], safe: true }] },
    ]);
    assert.deepEqual(c.chosen.map((x) => x.fix.title), ['A', 'C', 'D']);
    assert.equal(c.skipped, 1);
    assert.deepEqual(c.edits, [edit(0, 2, 6, 'x'), edit(3, 0, 0, 'one\ntwo\n')]);
  });
});

describe('applyToFileText', () => {
  it('keeps a BOM and each line’s own ending; inserted breaks take the file’s', () => {
    const raw = '\uFEFFa: 1\r\nb: 2\r\nc: 3\r\n';
    assert.equal(applyToFileText(raw, [edit(1, 3, 4, '9'), edit(2, 0, 0, 'x: 0\n')]), '\uFEFFa: 1\r\nb: 9\r\nx: 0\r\nc: 3\r\n');
  });

  it('mixed endings: the majority is the file’s ending, as VS Code decides a document’s', () => {
    assert.equal(applyToFileText('a\nb\nc\r\nd', [edit(3, 1, 1, '\ne')]), 'a\nb\nc\r\nd\ne');
    assert.equal(applyToFileText('a\r\nb\r\nc\nd', [edit(3, 1, 1, '\ne')]), 'a\r\nb\r\nc\nd\r\ne');
    assert.equal(applyToFileText('one line', [edit(0, 8, 8, '\ntwo')]), 'one line\ntwo');
  });

  it('replaces across lines at the right offsets', () => {
    assert.equal(applyToFileText('ab\r\ncd\r\nef', [{ range: at(0, 1, 1, 2), newText: 'X' }]), 'aXf');
  });

  it('refuses an edit outside the text or overlapping another, writing nothing', () => {
    assert.throws(() => applyToFileText('ab\ncd', [edit(2, 0, 0, 'x')]), RangeError);
    assert.throws(() => applyToFileText('ab\ncd', [edit(1, 0, 3, 'x')]), RangeError);
    assert.throws(() => applyToFileText('abcdef', [edit(0, 0, 3, 'x'), edit(0, 2, 4, 'y')]), /overlap/);
  });

  it('no edits: the very same string', () => {
    const raw = '\uFEFFx\r\n';
    assert.equal(applyToFileText(raw, []), raw);
  });
});
