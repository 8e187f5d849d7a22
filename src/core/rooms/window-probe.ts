// The first judgement's probe (leak-index.ts, `build('partial')`): the
// windows of each private file's text counted as its words come, keeping
// only those that stand in some shared text.

import type { RoomSink } from './profile';
import type { WindowTable } from './window-table';
import { CUT, cut, mixA, mixB, P1, P1_7, P2, P2_7, WINDOW, type WordDictionary } from './words';

/**
 * Counts the windows of one file's private text into the private table as
 * its words come (privateWordsOf), keeping only the windows that stand in
 * some shared text: the hash rolls along each run, no stream is kept.
 */
export class WindowProbe implements RoomSink {
  line = 0;
  lineStart = 0;
  date = 0;
  /**
   * The last 8 words' numbers, lines and dates (rings), then how many words
   * the run has so far, then the two rolling hashes: int32s, never boxed.
   */
  private readonly st = new Int32Array(3 * WINDOW + 3);
  private file = 0;
  private pass = 0;
  /**
   * Per slot, a window already held by three files: boilerplate, whatever
   * more files hold it, so it is not counted further (a first judgement's
   * counts only grow). A byte a slot: it stays in the processor's cache,
   * where the private table would not.
   */
  private readonly done: Uint8Array;

  constructor(
    private readonly priv: WindowTable,
    private readonly shared: WindowTable,
  ) {
    this.done = new Uint8Array(shared.capacity);
  }

  start(file: number): void {
    this.file = file;
    this.pass = this.priv.pass();
    this.brk();
  }

  words(text: string, start: number, end: number, dict: WordDictionary): void {
    const n = cut(text, start, end, dict);
    const ids = CUT.ids;
    for (let k = 0; k < n; k++) this.word(ids[k]);
  }

  private word(id: number): void {
    const st = this.st;
    const N = 3 * WINDOW;
    const n = st[N];
    const k = n & (WINDOW - 1);
    if (n >= WINDOW) {
      const out = st[k];
      st[N + 1] = (Math.imul((st[N + 1] - Math.imul(out, P1_7)) | 0, P1) + id) | 0;
      st[N + 2] = (Math.imul((st[N + 2] - Math.imul(out, P2_7)) | 0, P2) + id) | 0;
    } else {
      st[N + 1] = (Math.imul(st[N + 1], P1) + id) | 0;
      st[N + 2] = (Math.imul(st[N + 2], P2) + id) | 0;
    }
    st[k] = id;
    st[WINDOW + k] = this.line;
    st[2 * WINDOW + k] = this.date;
    st[N] = n + 1;
    if (n + 1 < WINDOW) return;
    // The private table has the shared table's windows at the same slots (sameKeys).
    const slot = this.shared.find(mixA(st[N + 1]), mixB(st[N + 2]));
    if (slot === -1 || this.done[slot]) return;
    if (this.priv.visit(slot, this.pass)) {
      this.priv.addAt(slot, this.file);
      if (this.priv.countAt(slot) >= 3) this.done[slot] = 1;
    }
    // The window's first word is the oldest in the rings.
    const o = (k + 1) & (WINDOW - 1);
    this.priv.place(slot, this.file, st[WINDOW + o], this.line, st[2 * WINDOW + o]);
  }

  brk(): void {
    this.st[3 * WINDOW] = 0;
    this.st[3 * WINDOW + 1] = 0;
    this.st[3 * WINDOW + 2] = 0;
  }
}

