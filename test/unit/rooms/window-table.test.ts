// The window table the private-leak rule counts in (SPEC §15): its three
// kinds, growth, and two tables sharing one keys array (sameKeys).
import assert from 'node:assert/strict';
import { createRng } from '../../../bench/generate';
import { WindowTable } from '../../../src/core/rooms/window-table';

/** `n` distinct windows' hash pairs, none 0, 0 (the empty key). */
function windows(n: number, seed: number): [number, number][] {
  const r = createRng(seed);
  const seen = new Set<string>();
  const out: [number, number][] = [];
  while (out.length < n) {
    const a = (r() * 0x100000000) | 0;
    const b = (r() * 0x100000000) | 0;
    if ((a === 0 && b === 0) || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    out.push([a, b]);
  }
  return out;
}

describe('rooms: the window table', () => {
  it('a keys table holds every window through many growths, and finds no other', () => {
    const t = new WindowTable('keys');
    const ws = windows(5000, 1);
    for (const [a, b] of ws) {
      t.reserve(1);
      assert.notEqual(t.slot(a, b), -1);
    }
    // Inserting again finds the same slot (a set, not a multiset).
    for (const [a, b] of ws) assert.equal(t.slot(a, b), t.find(a, b));
    const slots = new Set(ws.map(([a, b]) => t.find(a, b)));
    assert.equal(slots.size, ws.length);
    assert.ok(!slots.has(-1));
    for (const [a, b] of windows(2000, 2)) if (!ws.some(([x, y]) => x === a && y === b)) assert.equal(t.find(a, b), -1);
    // 8 bytes a slot: no counts, no files.
    assert.equal(t.bytes, t.capacity * 8);
    assert.ok(t.capacity * 3 >= ws.length * 4, 'at most 3/4 full');
  });

  it('a counts table drops windows no file holds when it grows, and keeps the others with their files', () => {
    const t = new WindowTable('counts');
    const ws = windows(3000, 3);
    t.reserve(ws.length);
    ws.forEach(([a, b], i) => t.addAt(t.slot(a, b), i % 2 ? 7 : 9));
    // Every other window counted out again: gone after the next growth.
    ws.forEach(([a, b], i) => {
      if (i % 3 === 0) t.removeAt(t.find(a, b), i % 2 ? 7 : 9);
    });
    const cap = t.capacity;
    t.reserve(cap);
    assert.ok(t.capacity > cap);
    ws.forEach(([a, b], i) => {
      const s = t.find(a, b);
      if (i % 3 === 0) assert.equal(s, -1, `window ${i} no file holds is dropped`);
      else {
        assert.equal(t.countAt(s), 1);
        assert.deepEqual(t.known(s), [i % 2 ? 7 : 9]);
      }
    });
  });

  it('an exact table knows every holder, beyond the two kept in the slot, across a growth', () => {
    const t = new WindowTable('exact');
    const [[a, b]] = windows(1, 4);
    t.reserve(1);
    for (const f of [1, 2, 3, 4, 5]) t.addAt(t.slot(a, b), f);
    t.removeAt(t.find(a, b), 2);
    t.reserve(10_000);
    const s = t.find(a, b);
    assert.equal(t.countAt(s), 4);
    assert.ok(t.complete(s));
    assert.deepEqual([...t.known(s)].sort(), [1, 3, 4, 5]);
  });

  describe('sameKeys: two tables on one keys array', () => {
    it('has every window at the same slot, counts 0, and shares the keys (no copy)', () => {
      const keys = new WindowTable('keys');
      const ws = windows(1000, 5);
      keys.reserve(ws.length);
      for (const [a, b] of ws) keys.slot(a, b);
      const before = keys.bytes;
      const priv = keys.sameKeys(true);
      for (const [a, b] of ws) {
        const s = keys.find(a, b);
        assert.equal(priv.find(a, b), s);
        assert.equal(priv.slot(a, b), s, 'slot of a window already there is allowed');
        assert.equal(priv.countAt(s), 0);
        assert.deepEqual(priv.known(s), [], 'no file in any slot of a new table');
      }
      priv.addAt(priv.find(...ws[0]), 3);
      assert.equal(priv.countAt(priv.find(...ws[0])), 1);
      // The shared keys array is counted at half in each table: a counts
      // table of the same size less half its keys (8 bytes a slot).
      assert.equal(keys.bytes, before / 2);
      const alone = new WindowTable('counts');
      alone.reserve(ws.length);
      assert.equal(alone.capacity, keys.capacity);
      assert.equal(keys.sameKeys().bytes, alone.bytes - keys.capacity * 4);
    });

    it('refuses a new window and a growth in either table (the other would lose its slots)', () => {
      const keys = new WindowTable('keys');
      const ws = windows(100, 6);
      keys.reserve(ws.length);
      for (const [a, b] of ws) keys.slot(a, b);
      const priv = keys.sameKeys();
      const [[x, y]] = windows(1, 7);
      assert.throws(() => priv.slot(x, y), /shares its windows/);
      assert.throws(() => keys.slot(x, y), /shares its windows/);
      assert.throws(() => priv.reserve(priv.capacity), /shares its windows/);
      assert.throws(() => keys.reserve(keys.capacity), /shares its windows/);
      // Nothing was added: the unknown window is still unknown to both.
      assert.equal(keys.find(x, y), -1);
      assert.equal(priv.find(x, y), -1);
      // A reserve that fits is fine.
      keys.reserve(1);
      priv.reserve(1);
    });
  });
});
