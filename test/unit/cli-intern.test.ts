// What a command-line check keeps of each judged 1:1 shares one string for
// each repeated value (src/cli/intern.ts): the same values field for field,
// fewer strings.
import assert from 'node:assert/strict';
import { keptOfNote } from '../../src/cli/parallel';
import { Interner } from '../../src/cli/intern';
import { Dataset } from '../../src/core/index';
import type { OneOnOneDoc } from '../../src/core/model';
import { note, TODAY } from './helpers';

/** Two notes of Sam's parsed apart, as two chunks (or a worker and the main thread) would: equal values, separate strings. */
function twoNotes() {
  const read = (path: string, text: string) => {
    const ds = new Dataset({ today: TODAY });
    const doc = ds.setFile(path, text) as OneOnOneDoc;
    return { doc, summary: ds.summary(path)! };
  };
  const a = read('1on1s/sam/2026-11-02.md', note('sam', '2026-11-02', '- [ ] draft it @sam due:2026-11-30', '- [ ] review it @alex due:2026-11-30'));
  const b = read('1on1s/sam/2026-11-09.md', note('sam', '2026-11-09', '- [ ] ship it @sam due:2026-11-30', '- [x] done @alex due:2026-11-01'));
  return { a, b };
}

describe('Interner (one string for each value the kept 1:1s repeat)', () => {
  it('gives each value back, and undefined as undefined', () => {
    const i = new Interner();
    for (const s of ['sam', '2026-11-30', '', 'Inês', '😀', 'sam']) assert.equal(i.of(s), s);
    assert.equal(i.of(undefined), undefined);
  });

  it('a summary and a kept note come back equal, field for field', () => {
    const { a, b } = twoNotes();
    const i = new Interner();
    const [sa, sb] = [i.summary(a.summary), i.summary(b.summary)];
    assert.deepEqual(sa, a.summary);
    assert.deepEqual(sb, b.summary);
    assert.deepEqual(Object.keys(sa).sort(), Object.keys(a.summary).sort(), 'every field of the summary');
    assert.ok(sa.refs.length >= 2 && sb.refs.includes('sam'), 'the notes repeat values');
    const [ka, kb] = [keptOfNote(a.doc, i), keptOfNote(b.doc, i)];
    assert.deepEqual(ka, keptOfNote(a.doc));
    assert.deepEqual(kb, keptOfNote(b.doc));
    assert.deepEqual(ka.report!.range, a.doc.report!.range, 'the report keeps its range (a cross-file rule reports there)');
  });

  it('an empty list is one frozen list', () => {
    const i = new Interner();
    const e = i.all([]);
    assert.equal(e, i.all([]));
    assert.ok(Object.isFrozen(e));
    assert.deepEqual(i.all(['a', 'b']), ['a', 'b']);
  });
});
