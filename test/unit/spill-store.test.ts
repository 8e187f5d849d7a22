// The command-line check's store of texts in a temporary file (src/cli/spill-store.ts):
// every text comes back the same, the file leaves nothing behind, and a
// temporary folder that cannot take it loses nothing.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpillTextStore } from '../../src/cli/spill-store';
import { Dataset } from '../../src/core/index';
import type { TextRef } from '../../src/core/rooms/text-store';
import { note, settingsWith, TODAY } from './helpers';

/** Texts of every kind the store must give back byte for byte. */
function texts(): string[] {
  const out = [
    '',
    'plain ASCII\n',
    '\uFEFFa text that starts with a byte-order mark',
    'dashes — and “quotes”, accents é, CJK 漢字, Hangul 한국어',
    'astral: 😀 𝔘 (surrogate pairs)',
    'a lone high surrogate \uD800 in the middle',
    'a lone low surrogate at the end \uDC00',
    'x'.repeat(3 * 1024 * 1024 + 7), // longer than the 1 MB buffer: written on its own
    'é'.repeat(400 * 1024), // 800 KB of UTF-8: may not fit what is left of the buffer
  ];
  // Many small texts: several buffers' worth, so that reads come from the file, the buffer and both sides of a flush.
  for (let i = 0; i < 3000; i++) out.push(`note ${i}: ${'word '.repeat(i % 700)}— ${i % 7 === 0 ? '😀' : 'é'}\n`);
  return out;
}

describe('SpillTextStore (cadence check keeps the texts the private-leak index waits for in a temporary file)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadence-spill-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every text back the same, in any order, before and after it reaches the file, and holds at most its buffer in memory', () => {
    const store = new SpillTextStore(dir);
    const all = texts();
    const refs: TextRef[] = [];
    for (const t of all) {
      refs.push(store.put(t));
      // Read back at once: from the buffer, or from the file when it was written on its own.
      assert.equal(store.get(refs[refs.length - 1]), t);
    }
    for (let i = all.length - 1; i >= 0; i--) assert.equal(store.get(refs[i]), all[i], `text ${i}`);
    for (let i = 0; i < all.length; i += 3) store.drop(refs[i]);
    for (let i = 1; i < all.length; i += 3) assert.equal(store.get(refs[i]), all[i], `text ${i} after others were dropped`);
    // Lone surrogates, which UTF-8 cannot hold, are kept as they are; the rest went to the file.
    assert.ok('text' in refs[5] && 'text' in refs[6]);
    assert.ok(!('text' in refs[7]));
    assert.equal(store.bytes, 1 << 20);
    store.close();
  });

  it('leaves nothing in the temporary folder, while open or after', () => {
    const store = new SpillTextStore(dir);
    assert.deepEqual(readdirSync(dir), [], 'nothing is made before the first write');
    const big = 'y'.repeat(2 * 1024 * 1024);
    const ref = store.put(big);
    assert.equal(store.get(ref), big);
    if (process.platform !== 'win32') assert.deepEqual(readdirSync(dir), [], 'the file is unlinked as soon as it is open');
    store.close();
    assert.deepEqual(readdirSync(dir), []);
  });

  it('a temporary folder that cannot be written: every text stays in memory, nothing is lost', () => {
    const store = new SpillTextStore(join(dir, 'no', 'such', 'folder'));
    const all = texts();
    const refs = all.map((t) => store.put(t));
    for (let i = 0; i < all.length; i++) assert.equal(store.get(refs[i]), all[i], `text ${i}`);
    // What the first (failed) write gathered is kept as bytes; every later text as it is.
    assert.ok(refs.slice(-100).every((r) => 'text' in r));
  });

  it('a write that fails midway (a full disk): what reached the file stays readable, the rest stays in memory', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const real = fs.writeSync;
    let calls = 0;
    (fs as { writeSync: unknown }).writeSync = (...args: Parameters<typeof real>) => {
      if (++calls > 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => number)(...args);
    };
    try {
      const store = new SpillTextStore(dir);
      const all = texts();
      const refs = all.map((t) => store.put(t));
      assert.ok(calls > 2, 'the failing write was reached');
      for (let i = 0; i < all.length; i++) assert.equal(store.get(refs[i]), all[i], `text ${i}`);
      store.close();
    } finally {
      (fs as { writeSync: unknown }).writeSync = real;
    }
  });

  it('a text read back once the file is closed: an error that says what failed', () => {
    const store = new SpillTextStore(dir);
    const ref = store.put('z'.repeat(2 * 1024 * 1024));
    store.close();
    assert.throws(() => store.get(ref), /cannot read back the temporary file of texts/);
  });

  // The dataset makes a leak index (and so a store) anew when private-leak
  // is turned off or on, or when it is disposed: the one let go gives its
  // file back at once, not when the process ends. (The file is unlinked as
  // soon as it is made: what shows it is the process's open descriptors.)
  it('a dataset that lets its leak index go (private-leak off, on again, disposed) closes that index\'s file', () => {
    const stores: { store: SpillTextStore; closed: number }[] = [];
    const make = () => {
      const store = new SpillTextStore(dir);
      const rec = { store, closed: 0 };
      const close = store.close.bind(store);
      store.close = () => {
        rec.closed++;
        close();
      };
      stores.push(rec);
      return store;
    };
    const fds = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : undefined);
    const ds = new Dataset({ today: TODAY, texts: make });
    // A note longer than the store's buffer goes to its file at once.
    const big = note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01', `private words ${'lorem ipsum '.repeat(120_000)}`);
    const before = fds();
    ds.setFile('1on1s/alex/2026-11-20.md', big);
    assert.equal(fds(), before === undefined ? undefined : before + 1, 'the store opened its file');
    ds.setSettings(settingsWith({ rules: { 'private-leak': 'off' } }));
    assert.deepEqual(stores.map((s) => s.closed), [1, 0], 'private-leak off: the index let go closed its store');
    assert.equal(fds(), before, 'and its file');
    ds.setSettings(settingsWith({}));
    ds.provideText('1on1s/alex/2026-11-20.md', big);
    assert.equal(fds(), before === undefined ? undefined : before + 1, 'on again: the new index spills to a file of its own');
    ds.dispose();
    assert.deepEqual(stores.map((s) => s.closed), [1, 1, 1, 0], 'disposed: each index let go closed its store once');
    assert.equal(fds(), before);
  });
});
