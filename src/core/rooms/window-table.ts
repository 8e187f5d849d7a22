// An open-addressing hash table from a window (its two 32-bit hashes) to
// the number of files whose text holds it, and up to two of those files.
// Typed arrays, 20 bytes a window: the private text of a 10k-note workspace
// has ~0.7M distinct windows.
//
// The two files are kept exact while a window stands in at most two files,
// which is when the rule needs to know them (three or more is boilerplate).
// A window that fell from three files to two may not know its two any more
// (`complete` says so); the caller finds them by a scan (rare).

const EMPTY = -1;
const NONE = -1;
const MIN_CAPACITY = 256;

export class WindowTable {
  private cap = MIN_CAPACITY;
  private keyA = new Uint32Array(MIN_CAPACITY);
  private keyB = new Uint32Array(MIN_CAPACITY);
  /** Files holding the window; EMPTY for a slot never used. */
  private counts = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  private s0 = new Int32Array(MIN_CAPACITY).fill(NONE);
  private s1 = new Int32Array(MIN_CAPACITY).fill(NONE);
  /** Slots holding a key (live or with a count of 0). */
  private used = 0;

  /** The slot of a window, or -1. */
  find(a: number, b: number): number {
    const mask = this.cap - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const c = this.counts[i];
      if (c === EMPTY) return -1;
      if (this.keyA[i] === a && this.keyB[i] === b) return i;
      i = (i + 1) & mask;
    }
  }

  /** How many files hold the window (0 when none). */
  count(a: number, b: number): number {
    const i = this.find(a, b);
    return i === -1 ? 0 : this.counts[i];
  }

  countAt(slot: number): number {
    return this.counts[slot];
  }

  /** One more file holds the window (a file adds each of its windows once). Returns the count before. */
  add(a: number, b: number, file: number): number {
    if ((this.used + 1) * 4 > this.cap * 3) this.rehash();
    const mask = this.cap - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const c = this.counts[i];
      if (c === EMPTY) {
        this.keyA[i] = a;
        this.keyB[i] = b;
        this.counts[i] = 1;
        this.s0[i] = file;
        this.s1[i] = NONE;
        this.used++;
        return 0;
      }
      if (this.keyA[i] === a && this.keyB[i] === b) {
        this.counts[i] = c + 1;
        if (this.s0[i] === NONE) this.s0[i] = file;
        else if (this.s1[i] === NONE) this.s1[i] = file;
        return c;
      }
      i = (i + 1) & mask;
    }
  }

  /** A file no longer holds the window. Returns the count before (0 when it was not there). */
  remove(a: number, b: number, file: number): number {
    const i = this.find(a, b);
    if (i === -1 || this.counts[i] <= 0) return 0;
    const c = this.counts[i];
    this.counts[i] = c - 1;
    if (this.s0[i] === file) this.s0[i] = NONE;
    else if (this.s1[i] === file) this.s1[i] = NONE;
    return c;
  }

  /** The files known to hold the window at `slot` (at most two). */
  known(slot: number): number[] {
    const out: number[] = [];
    if (this.s0[slot] !== NONE) out.push(this.s0[slot]);
    if (this.s1[slot] !== NONE) out.push(this.s1[slot]);
    return out;
  }

  /** Does the slot know every file of a window held by at most two? */
  complete(slot: number): boolean {
    return this.known(slot).length >= Math.min(2, this.counts[slot]);
  }

  /** After a scan: the (at most two) files that hold the window at `slot`. */
  setKnown(slot: number, files: readonly number[]): void {
    this.s0[slot] = files[0] ?? NONE;
    this.s1[slot] = files[1] ?? NONE;
  }

  /** Bytes held, for the benchmark. */
  get bytes(): number {
    return this.cap * 20;
  }

  /** Grows at 3/4 full to 7/10 or less (or, when many windows left, only drops the dead ones). */
  private rehash(): void {
    let live = 0;
    for (let i = 0; i < this.cap; i++) if (this.counts[i] > 0) live++;
    let cap = MIN_CAPACITY;
    while (cap * 7 < (live + 1) * 10) cap *= 2;
    const { keyA, keyB, counts, s0, s1 } = this;
    const old = this.cap;
    this.cap = cap;
    this.keyA = new Uint32Array(cap);
    this.keyB = new Uint32Array(cap);
    this.counts = new Int32Array(cap).fill(EMPTY);
    this.s0 = new Int32Array(cap).fill(NONE);
    this.s1 = new Int32Array(cap).fill(NONE);
    this.used = 0;
    const mask = cap - 1;
    for (let j = 0; j < old; j++) {
      if (counts[j] <= 0) continue;
      const a = keyA[j];
      const b = keyB[j];
      let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while (this.counts[i] !== EMPTY) i = (i + 1) & mask;
      this.keyA[i] = a;
      this.keyB[i] = b;
      this.counts[i] = counts[j];
      this.s0[i] = s0[j];
      this.s1[i] = s1[j];
      this.used++;
    }
  }
}
