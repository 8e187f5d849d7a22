// Words as SPEC §15 cuts them: maximal runs of Unicode letters, marks and
// decimal digits, after NFC normalisation and lower-casing; everything else
// (punctuation, Markdown markup, line breaks) only separates words.
//
// Words are numbered by a WordDictionary so that the rest of the rule works
// on small integers: a file's text becomes a typed array of word numbers, a
// window of 8 words a pair of 32-bit hashes over them. The numbers belong to
// one dictionary (one Dataset); they are never saved.

/** The largest word number a Uint16Array can hold. */
const U16_MAX = 0xffff;

/** Letters, marks and decimal digits (SPEC §15's word characters). */
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;

/** ASCII: 1 a word character that needs no lower-casing, 2 an upper-case letter, 0 a separator. */
const ASCII = new Uint8Array(128);
for (let c = 48; c < 58; c++) ASCII[c] = 1;
for (let c = 97; c < 123; c++) ASCII[c] = 1;
for (let c = 65; c < 91; c++) ASCII[c] = 2;

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

/**
 * Numbers words (already normalised: NFC, lower case) from 1 up; 0 is never
 * a word's number. Grows for as long as it lives; a workspace's vocabulary
 * is small (tens of thousands of words).
 */
export class WordDictionary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [''];

  get size(): number {
    return this.words.length - 1;
  }

  /** The word's number, given it one if it has none. */
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.push(word) - 1;
      this.ids.set(word, id);
    }
    return id;
  }

  /** The word's number, or 0 when the dictionary has never seen it. */
  known(word: string): number {
    return this.ids.get(word) ?? 0;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }
}

/** Receives each word of a piece of text: its number and its UTF-16 columns [start, end). */
export type WordSink = (id: number, start: number, end: number) => void;

/**
 * Cuts `text[start, end)` into words (SPEC §15) and hands each to `sink`
 * with its number in `dict`, in order. Linear in the length; most text is
 * ASCII and takes no string operation but the one slice per word.
 */
export function eachWord(text: string, start: number, end: number, dict: WordDictionary, sink: WordSink): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII[c] === 0) {
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
    let upper = false;
    let wide = false;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        const k = ASCII[d];
        if (k === 0) break;
        if (k === 2) upper = true;
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      if (!isWordCodePoint(cp)) break;
      wide = true;
      i += cp > 0xffff ? 2 : 1;
    }
    // A surrogate pair cut by `end` cannot happen: `end` is a line's end or a marker's start.
    let w = text.slice(s, Math.min(i, end));
    if (wide) w = w.normalize('NFC').toLowerCase();
    else if (upper) w = w.toLowerCase();
    sink(dict.id(w), s, Math.min(i, end));
  }
}

/** The words of a string as numbers (titles, tests). */
export function wordIds(text: string, dict: WordDictionary): number[] {
  const out: number[] = [];
  eachWord(text, 0, text.length, dict, (id) => out.push(id));
  return out;
}

/** A typed array just wide enough for these word numbers. */
export function packIds(ids: readonly number[]): Uint16Array | Uint32Array {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  return max <= U16_MAX ? Uint16Array.from(ids) : Uint32Array.from(ids);
}

/** Window length (SPEC §15): 8 consecutive words. */
export const WINDOW = 8;

export type WordIds = ArrayLike<number>;

/** First half of a window's 64-bit hash: FNV-1a over the word numbers, then a final mix. */
export function hashA(ids: WordIds, at: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < WINDOW; k++) h = Math.imul(h ^ ids[at + k], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Second half: a multiplicative hash with other constants, so the two halves are independent. */
export function hashB(ids: WordIds, at: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < WINDOW; k++) {
    h = Math.imul(h + ids[at + k], 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
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
