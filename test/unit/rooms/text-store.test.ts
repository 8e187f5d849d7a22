// The leak index keeps waiting texts packed as UTF-8 (rooms/text-store.ts):
// every text comes back the same, code unit for code unit, and a chunk is
// let go once none of its texts is kept.
import assert from 'node:assert/strict';
import { TextStore } from '../../../src/core/rooms/text-store';
import { findLeaks, type RoomsFile } from '../../../src/core/rooms/index';

describe('rooms: the text store', () => {
  // Every kind of UTF-16 content a note can hold.
  const kinds: [string, string][] = [
    ['empty', ''],
    ['ASCII', '# 1:1 with Alex\n- [ ] @alex send the doc 📅 2026-12-01\n'],
    ['Latin-1', 'Café, naïve, ½ done, «quoted»'],
    ['BMP beyond Latin-1 (a dash, curly quotes, CJK)', 'Alex — “ship it” — 进展顺利'],
    ['astral (emoji, a surrogate pair)', 'Mood 😀 and 🚀 launch 📅 2026-12-01'],
    ['a lone high surrogate', 'before \uD83D after'],
    ['a lone low surrogate', 'before \uDE00 after'],
    ['a lone high surrogate at the end', 'ends with \uD83D'],
    ['a lone low surrogate at the start', '\uDE00 starts it'],
    ['U+FEFF at the start (a second BOM kept as text)', '\uFEFFtext after a zero-width no-break space'],
    ['NUL and control characters', 'a\u0000b\u0007c\r\n'],
  ];
  for (const [what, text] of kinds) {
    it(`gives back ${what} as it was`, () => {
      const store = new TextStore();
      const before = store.put('x'.repeat(100));
      const ref = store.put(text);
      const after = store.put('y'.repeat(100));
      assert.equal(store.get(ref), text);
      assert.equal(store.get(before), 'x'.repeat(100));
      assert.equal(store.get(after), 'y'.repeat(100));
    });
  }

  it('keeps a text longer than a chunk, and many texts across chunks', () => {
    const store = new TextStore();
    const long = 'Weekly 1:1 — '.repeat(200_000); // ~2.6 MB of UTF-16 units, past one chunk even as UTF-8
    const refs = Array.from({ length: 3000 }, (_, i) => [store.put(`note ${i} — ${'é'.repeat(i % 700)}`), i] as const);
    const big = store.put(long);
    assert.equal(store.get(big), long);
    for (const [ref, i] of refs) assert.equal(store.get(ref), `note ${i} — ${'é'.repeat(i % 700)}`);
  });

  it('holds UTF-8, not UTF-16: a text outside Latin-1 takes about its UTF-8 length', () => {
    const store = new TextStore();
    const text = 'Alex — ' + 'a'.repeat(1000); // one dash: a JavaScript string would hold 2 bytes a unit
    for (let i = 0; i < 2000; i++) store.put(text);
    const utf8 = new TextEncoder().encode(text).byteLength * 2000;
    assert.ok(store.bytes < utf8 * 1.1, `${store.bytes} bytes for ${utf8} of UTF-8`);
  });

  it('lets a chunk go once none of its texts is kept, and refuses a dropped text', () => {
    const store = new TextStore();
    const refs = Array.from({ length: 2000 }, (_, i) => store.put(`${i} `.padEnd(1500, 'z')));
    const full = store.bytes;
    assert.ok(full >= 2000 * 1500);
    for (const r of refs.slice(0, 1500)) store.drop(r);
    assert.ok(store.bytes < full / 2, `${store.bytes} of ${full} bytes still held`);
    for (const r of refs.slice(1500)) assert.match(store.get(r), /^\d+ z+$/);
    assert.throws(() => store.get(refs[0]), /dropped/);
  });

  it('the leak index finds the same passages whatever characters the texts hold', () => {
    // The index packs the private texts it keeps: a passage's source line and range must not move.
    const secret = 'Alex — “is interviewing” with another company 😀 and may leave soon';
    const files: RoomsFile[] = [
      { path: '1on1s/alex/2026-11-20.md', text: `---\ndate: 2026-11-20\n---\n\uD83D lone\n- ${secret}\n`, format: 'markdown', room: 'private', date: '2026-11-20' },
      { path: 'okr-reviews/2026-11-28.md', text: `---\ndate: 2026-11-28\n---\nNotes: ${secret}\n`, format: 'markdown', room: 'shared', date: '2026-11-28' },
    ];
    const found = findLeaks(files, '2026-11-30').get('okr-reviews/2026-11-28.md');
    assert.ok(found?.length === 1, JSON.stringify(found));
    assert.deepEqual(found[0].source, { path: '1on1s/alex/2026-11-20.md', line: 4 });
    assert.deepEqual(found[0].range.start, { line: 3, character: 7 });
  });
});
