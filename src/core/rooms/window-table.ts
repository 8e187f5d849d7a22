// An open-addressing hash table from a window (its two 32-bit hashes) to
// the number of files whose text holds it, and which files. Typed arrays,
// 24 bytes a window: the private text of a 10k-note workspace has ~0.7M
// distinct windows.
//
// Two files are kept per window in the table itself. An `exact` table keeps
// the others too (in lists beside the table): every holder is known. A
// `counts` table (the private text, where a boilerplate window stands in
// thousands of files) keeps only the two slots, exact while at most two
// files hold the window, which is when the rule needs to know them (three or
// more is boilerplate); a window that fell from three files to two may not
// know its two any more (`complete` says so), and the caller finds them by a
// scan. A `keys` table holds the windows only (8 bytes a slot): a set, for
// `find` and `sameKeys`.
//
// Callers work on slots: find or insert a window's slot, then count a file in
// or out there. Slots move only when the table grows; `reserve` first, and a
// batch of slots stays valid. The keys lie in an array of their own (8 bytes
// a slot), which a probe reads, and the counts and files in another.

/** What a table keeps per window (see above). */
export type WindowTableKind = 'keys' | 'counts' | 'exact';

const NONE = -1;
const MIN_CAPACITY = 256;
/** Fields of a slot's record in `meta`: */
const COUNT = 0; // files holding it
const S0 = 1; // a file holding it, or NONE
const S1 = 2; // another
const MARK = 3; // the last pass that visited the slot (see `pass`)
const STRIDE = 4;

/** A key pair is never (0, 0): that marks an empty slot. */
const keyB = (a: number, b: number): number => (a === 0 && b === 0 ? 1 : b);

export class WindowTable {
  private cap = MIN_CAPACITY;
  /** Per slot: the window's two hashes (as int32), or 0, 0 when empty. */
  private keys = new Int32Array(MIN_CAPACITY * 2);
  /** Per slot, STRIDE int32s (none in a `keys` table). */
  private meta: Int32Array;
  /** Slots holding a key (live or with a count of 0). */
  private used = 0;
  /** With `exact`: the holders beyond the two slots, by slot. */
  private more: Map<number, number[]> | undefined;
  /**
   * With `places` (sameKeys): per slot, for each of its two files, where the
   * window stands there: first line, last line, date (see PrivateStream's
   * dates); the place with the smallest date (0 first) is kept.
   */
  private places: Int32Array | undefined;
  private passNo = 0;
  /**
   * The keys array is another table's too (sameKeys): no window may be added
   * and the table may not grow, or the other table's slots would be wrong.
   */
  private sharesKeys = false;

  constructor(private readonly kind: WindowTableKind = 'counts') {
    if (kind === 'exact') this.more = new Map();
    this.meta = this.emptyMeta(MIN_CAPACITY);
  }

  private emptyMeta(cap: number): Int32Array {
    if (this.kind === 'keys') return new Int32Array(0);
    // One empty record, then copied over the rest by doubling: a few native
    // copies, not a loop over every slot.
    const d = new Int32Array(cap * STRIDE);
    d[S0] = NONE;
    d[S1] = NONE;
    for (let n = STRIDE; n < d.length; n *= 2) d.copyWithin(n, 0, Math.min(n, d.length - n));
    return d;
  }

  private home(a: number, b: number): number {
    return (a ^ Math.imul(b, 0x9e3779b1)) & (this.cap - 1);
  }

  /**
   * An empty `counts` table with this one's windows at the same slots (counts
   * 0): a window found here at slot k is at slot k there, with no second
   * probe. The two tables share one keys array (no copy), so from then on
   * neither takes a new window nor grows: `slot` of a window not there and a
   * `reserve` that must grow throw.
   */
  sameKeys(places = false): WindowTable {
    const t = new WindowTable('counts');
    if (places) t.places = new Int32Array(this.cap * 6).fill(-1);
    t.cap = this.cap;
    t.used = this.used;
    t.keys = this.keys;
    t.meta = t.emptyMeta(this.cap);
    t.sharesKeys = this.sharesKeys = true;
    return t;
  }

  private fixed(): never {
    throw new Error('WindowTable: this table shares its windows with another (sameKeys): it can take no new one');
  }

  /** The slot of a window, or -1. */
  find(a: number, b: number): number {
    const k = this.keys;
    const mask = this.cap - 1;
    const x = a | 0;
    const y = keyB(x, b | 0);
    for (let i = this.home(x, y); ; i = (i + 1) & mask) {
      const ka = k[i * 2];
      const kb = k[i * 2 + 1];
      if (ka === x && kb === y) return i;
      if (ka === 0 && kb === 0) return -1;
    }
  }

  /** Room for `n` more windows without growing (slots found after this stay valid for them). */
  reserve(n: number): void {
    if ((this.used + n) * 4 > this.cap * 3) {
      if (this.sharesKeys) this.fixed();
      this.rehash(n);
    }
  }

  /** The slot of a window, made (with a count of 0) when new. Call reserve first. */
  slot(a: number, b: number): number {
    const k = this.keys;
    const mask = this.cap - 1;
    const x = a | 0;
    const y = keyB(x, b | 0);
    for (let i = this.home(x, y); ; i = (i + 1) & mask) {
      const ka = k[i * 2];
      const kb = k[i * 2 + 1];
      if (ka === x && kb === y) return i;
      if (ka === 0 && kb === 0) {
        if (this.sharesKeys) this.fixed();
        k[i * 2] = x;
        k[i * 2 + 1] = y;
        this.used++;
        return i;
      }
    }
  }

  /** The number of slots (every slot index is below it). */
  get capacity(): number {
    return this.cap;
  }

  /** A new pass: `visit` tells the first visit of each slot in it (a file's distinct windows). */
  pass(): number {
    return ++this.passNo;
  }

  /** Marks the slot visited in pass `p`; false when it already was. */
  visit(slot: number, p: number): boolean {
    const o = slot * STRIDE + MARK;
    if (this.meta[o] === p) return false;
    this.meta[o] = p;
    return true;
  }

  countAt(slot: number): number {
    return this.meta[slot * STRIDE + COUNT];
  }

  keyAAt(slot: number): number {
    return this.keys[slot * 2] >>> 0;
  }

  keyBAt(slot: number): number {
    return this.keys[slot * 2 + 1] >>> 0;
  }

  /** One more file holds the window at `slot` (once per file). */
  addAt(slot: number, file: number): void {
    const d = this.meta;
    const o = slot * STRIDE;
    d[o + COUNT]++;
    if (d[o + S0] === NONE) d[o + S0] = file;
    else if (d[o + S1] === NONE) d[o + S1] = file;
    else if (this.more) {
      const list = this.more.get(slot);
      if (list) list.push(file);
      else this.more.set(slot, [file]);
    }
  }

  /**
   * Notes a place where `file` (counted in at `slot`) holds the window; kept
   * when it is the first, or has a smaller date (0 smallest). With `places` only.
   */
  place(slot: number, file: number, first: number, last: number, date: number): void {
    const d = this.meta;
    const o = slot * STRIDE;
    const i = d[o + S0] === file ? 0 : d[o + S1] === file ? 1 : -1;
    if (i === -1 || !this.places) return;
    const p = slot * 6 + i * 3;
    const had = this.places[p + 2];
    if (had !== -1 && had <= date) return;
    this.places[p] = first;
    this.places[p + 1] = last;
    this.places[p + 2] = date;
  }

  /** The place noted for `file` at `slot`: [first line, last line, date], or undefined. */
  placeOf(slot: number, file: number): [number, number, number] | undefined {
    const d = this.meta;
    const o = slot * STRIDE;
    const i = d[o + S0] === file ? 0 : d[o + S1] === file ? 1 : -1;
    if (i === -1 || !this.places) return undefined;
    const p = slot * 6 + i * 3;
    return this.places[p + 2] === -1 ? undefined : [this.places[p], this.places[p + 1], this.places[p + 2]];
  }

  /** The file no longer holds the window at `slot`. */
  removeAt(slot: number, file: number): void {
    const d = this.meta;
    const o = slot * STRIDE;
    if (d[o + COUNT] <= 0) return;
    d[o + COUNT]--;
    const list = this.more?.get(slot);
    if (d[o + S0] === file) d[o + S0] = list?.pop() ?? NONE;
    else if (d[o + S1] === file) d[o + S1] = list?.pop() ?? NONE;
    else if (list) {
      const i = list.indexOf(file);
      if (i !== -1) list.splice(i, 1);
    }
    if (list && !list.length) this.more!.delete(slot);
  }

  /** The files known to hold the window at `slot` (all of them with `exact`). */
  known(slot: number): number[] {
    const d = this.meta;
    const o = slot * STRIDE;
    const out: number[] = [];
    if (d[o + S0] !== NONE) out.push(d[o + S0]);
    if (d[o + S1] !== NONE) out.push(d[o + S1]);
    const list = this.more?.get(slot);
    if (list) out.push(...list);
    return out;
  }

  /** Does the slot know every file of a window held by at most two? */
  complete(slot: number): boolean {
    const d = this.meta;
    const o = slot * STRIDE;
    return (d[o + S0] !== NONE ? 1 : 0) + (d[o + S1] !== NONE ? 1 : 0) >= Math.min(2, d[o + COUNT]);
  }

  /** After a scan: the (at most two) files that hold the window at `slot`. */
  setKnown(slot: number, files: readonly number[]): void {
    this.meta[slot * STRIDE + S0] = files[0] ?? NONE;
    this.meta[slot * STRIDE + S1] = files[1] ?? NONE;
  }

  /** Bytes held by the table (not the `exact` lists), for the benchmark. */
  get bytes(): number {
    return (this.sharesKeys ? this.keys.byteLength / 2 : this.keys.byteLength) + this.meta.byteLength + (this.places?.byteLength ?? 0);
  }

  /** Grows so that `n` more fit at 3/4 full, to 7/10 or less now (dropping windows no file holds, in a table that counts). */
  private rehash(n: number): void {
    const oldKeys = this.keys;
    const oldMeta = this.meta;
    const oldCap = this.cap;
    const counts = this.kind !== 'keys';
    let live = counts ? 0 : this.used;
    if (counts) for (let i = 0; i < oldCap; i++) if (oldMeta[i * STRIDE + COUNT] > 0) live++;
    let cap = MIN_CAPACITY;
    while (cap * 7 < (live + n + 1) * 10) cap *= 2;
    const more = this.more;
    this.cap = cap;
    this.keys = new Int32Array(cap * 2);
    this.meta = this.emptyMeta(cap);
    this.used = 0;
    if (more) this.more = new Map();
    const k = this.keys;
    const mask = cap - 1;
    for (let j = 0; j < oldCap; j++) {
      const a = oldKeys[j * 2];
      const b = oldKeys[j * 2 + 1];
      if (counts ? oldMeta[j * STRIDE + COUNT] <= 0 : a === 0 && b === 0) continue;
      let i = this.home(a, b);
      while (k[i * 2] !== 0 || k[i * 2 + 1] !== 0) i = (i + 1) & mask;
      k[i * 2] = a;
      k[i * 2 + 1] = b;
      this.used++;
      if (!counts) continue;
      this.meta.set(oldMeta.subarray(j * STRIDE, j * STRIDE + STRIDE), i * STRIDE);
      this.meta[i * STRIDE + MARK] = 0;
      const list = more?.get(j);
      if (list) this.more!.set(i, list);
    }
  }
}
