// Words as SPEC §15 cuts them: maximal runs of Unicode letters, marks and
// decimal digits, after NFC normalisation and lower-casing; everything else
// (punctuation, Markdown markup, line breaks) only separates words.
//
// Words are numbered (WordDictionary: a hash of the word) so that the rest of
// the rule works on integers: a file's text becomes a typed array of word
// numbers, a window of 8 words a pair of 32-bit hashes over them.

/** Letters, marks and decimal digits (SPEC §15's word characters). */
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;

/** Per BMP code point: 0 not looked up yet, 1 a word character, 2 a separator. */
const BMP = new Uint8Array(0x10000);

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let k = BMP[cp];
    if (k === 0) BMP[cp] = k = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    return k === 1;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** ASCII lower-casing of a word character, -1 for a separator. */
const LOWER = new Int32Array(128).fill(-1);
for (let c = 48; c < 58; c++) LOWER[c] = c;
for (let c = 97; c < 123; c++) LOWER[c] = c;
for (let c = 65; c < 91; c++) LOWER[c] = c + 32;

/** FNV-1a, over UTF-16 code units: the number of a (normalised) word. */
function fnv(word: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Numbers words: a word's number is a 32-bit hash of its normalised form
 * (NFC, lower case), so the same word has the same number in every file and
 * every run, and no table of words is kept. Two different words may share a
 * number (about one pair in a vocabulary of 90,000); for the rule that only
 * matters when eight words in a row match but for such a pair, which real
 * text never does.
 */
export class WordDictionary {
  /** The number of a normalised word. */
  id(word: string): number {
    return fnv(word);
  }

  /**
   * The number of the ASCII word text[s, e) lower-cased, whose hash the
   * word cutter computed on the way (`h`, as `id` would).
   */
  asciiId(_text: string, _s: number, _e: number, h: number): number {
    return h >>> 0;
  }
}

/** Receives each word of a piece of text: its number and its UTF-16 columns [start, end). */
export interface WordSink {
  word(id: number, start: number, end: number): void;
}

/**
 * The words of the last piece cut (see `cut`): number, start and end offset
 * of each, in order. Reused from one call to the next: read them before
 * cutting again.
 */
export const CUT = {
  ids: new Uint32Array(1024),
  starts: new Uint32Array(1024),
  ends: new Uint32Array(1024),
};

function growCut(): void {
  const n = CUT.ids.length * 2;
  const grow = (a: Uint32Array) => {
    const b = new Uint32Array(n);
    b.set(a);
    return b;
  };
  CUT.ids = grow(CUT.ids);
  CUT.starts = grow(CUT.starts);
  CUT.ends = grow(CUT.ends);
}

/**
 * Cuts `text[start, end)` into words (SPEC §15), into CUT; returns how many.
 * Linear in the length; an ASCII word takes no string operation at all (its
 * number is hashed on the way). The callers loop over CUT themselves: no
 * call a word.
 */
export function cut(text: string, start: number, end: number, dict: WordDictionary): number {
  let n = 0;
  // The buffers in locals (a property read a word otherwise); read again when they grow.
  let ids = CUT.ids;
  let starts = CUT.starts;
  let ends = CUT.ends;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (LOWER[c] < 0) {
        i++;
        continue;
      }
    } else {
      const cp = text.codePointAt(i)!;
      if (!isWordCodePoint(cp)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    const s = i;
    let h = 0x811c9dc5 | 0;
    let wide = false;
    while (i < end) {
      c = text.charCodeAt(i);
      if (c < 128) {
        const l = LOWER[c];
        if (l < 0) break;
        h = Math.imul(h ^ l, 0x01000193);
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      if (!isWordCodePoint(cp)) break;
      wide = true;
      i += cp > 0xffff ? 2 : 1;
    }
    // A surrogate pair is never cut by `end`: it is a line's end or a marker's start.
    const e = Math.min(i, end);
    if (n === ids.length) {
      growCut();
      ids = CUT.ids;
      starts = CUT.starts;
      ends = CUT.ends;
    }
    ids[n] = wide ? dict.id(text.slice(s, e).normalize('NFC').toLowerCase()) : dict.asciiId(text, s, e, h);
    starts[n] = s;
    ends[n++] = e;
  }
  return n;
}

/** Cuts `text[start, end)` into words (see `cut`) and hands each to `sink`, in order. */
export function eachWord(text: string, start: number, end: number, dict: WordDictionary, sink: WordSink): void {
  const n = cut(text, start, end, dict);
  const ids = CUT.ids.slice(0, n);
  const starts = CUT.starts.slice(0, n);
  const ends = CUT.ends.slice(0, n);
  for (let k = 0; k < n; k++) sink.word(ids[k], starts[k], ends[k]);
}

/** The words of a string as numbers (titles, tests). */
export function wordIds(text: string, dict: WordDictionary): number[] {
  const out: number[] = [];
  eachWord(text, 0, text.length, dict, { word: (id) => out.push(id) });
  return out;
}

/** Window length (SPEC §15): 8 consecutive words. */
export const WINDOW = 8;

export type WordIds = ArrayLike<number>;

// A window's hash is two independent 32-bit polynomial hashes of its word
// numbers, each mixed at the end: a polynomial rolls from one window to the
// next in constant time (WindowHashes), and the mix spreads it over the
// table. Equal hashes are checked word for word wherever it matters.
export const P1 = 0x01000193;
export const P2 = 0x5bd1e995 | 0;
const pow7 = (p: number): number => {
  let x = 1;
  for (let k = 0; k < WINDOW - 1; k++) x = Math.imul(x, p);
  return x;
};
export const P1_7 = pow7(P1);
export const P2_7 = pow7(P2);

export function mixA(h: number): number {
  h ^= 0x811c9dc5;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function mixB(h: number): number {
  h ^= 0x9747b28c;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

function rawA(ids: WordIds, at: number): number {
  let h = 0;
  for (let k = 0; k < WINDOW; k++) h = (Math.imul(h, P1) + ids[at + k]) | 0;
  return h;
}

function rawB(ids: WordIds, at: number): number {
  let h = 0;
  for (let k = 0; k < WINDOW; k++) h = (Math.imul(h, P2) + ids[at + k]) | 0;
  return h;
}

/** First half of the hash of the window of 8 words at `at`. */
export function hashA(ids: WordIds, at: number): number {
  return mixA(rawA(ids, at));
}

/** Second half. */
export function hashB(ids: WordIds, at: number): number {
  return mixB(rawB(ids, at));
}

/**
 * The hashes of every window of a stream of runs (hashA, hashB, and where
 * each starts), rolled along each run in constant time a window, into
 * buffers reused from one call to the next (one instance per caller that
 * may be running when another is).
 */
export class WindowHashes {
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  at = new Uint32Array(1024);

  /** Fills the buffers for `ids` cut at `runEnds`; returns how many windows there are. */
  of(ids: WordIds, runEnds: ArrayLike<number>): number {
    let n = 0;
    let start = 0;
    for (let r = 0; r < runEnds.length; r++) {
      const end = runEnds[r];
      if (end - start >= WINDOW) {
        const need = n + end - start - WINDOW + 1;
        if (need > this.a.length) this.grow(need);
        let x = rawA(ids, start);
        let y = rawB(ids, start);
        for (let i = start; ; i++) {
          this.a[n] = mixA(x);
          this.b[n] = mixB(y);
          this.at[n++] = i;
          if (i + WINDOW >= end) break;
          const out = ids[i];
          const inn = ids[i + WINDOW];
          x = (Math.imul((x - Math.imul(out, P1_7)) | 0, P1) + inn) | 0;
          y = (Math.imul((y - Math.imul(out, P2_7)) | 0, P2) + inn) | 0;
        }
      }
      start = end;
    }
    return n;
  }

  private grow(n: number): void {
    let cap = this.a.length;
    while (cap < n) cap *= 2;
    this.a = new Uint32Array(cap);
    this.b = new Uint32Array(cap);
    this.at = new Uint32Array(cap);
  }
}

/** One number for a window's two hashes (53 bits of them), for a Set or Map key. */
export function windowKey(a: number, b: number): number {
  return a * 0x200000 + (b & 0x1fffff);
}

/** Do the 8 words at `i` of `x` equal the 8 at `j` of `y`? */
export function sameWindow(x: WordIds, i: number, y: WordIds, j: number): boolean {
  for (let k = 0; k < WINDOW; k++) if (x[i + k] !== y[j + k]) return false;
  return true;
}
