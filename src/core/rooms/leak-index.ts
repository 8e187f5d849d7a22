// The private-leak rule's cross-file index (SPEC §15), kept up to date one
// file at a time like the dataset's other indexes.
//
// It holds every file's profile (profile.ts) and two window tables: the
// windows of all private text (how many files hold each, and which when at
// most two do) and the windows of all shared text (which shared files hold
// each). A changed file returns the shared files whose passages may have
// changed, and only those:
//   - a shared file's own text: that file;
//   - a file's private text: the shared files holding one of the windows it
//     gained or lost, or moved, when that window stands in at most two files
//     before or after (at three or more it is boilerplate either way);
//   - an OKR set's titles: the shared files holding a window of a title that
//     came or went, and those with a window in one or two files (a private
//     line holding a title is not private text).
//
// passages() judges one shared file: each window of 8 words of its shared
// text is looked up among the private windows; one held by one or two files
// is checked word for word in those files, where each place it stands is a
// source unless it touches a line holding a title, and counts unless it is
// a 1:1 note's or meeting's text dated after the shared text. Leaked windows
// that overlap or touch make one passage.

import { comparePaths } from '../paths';
import type { Range } from '../types';
import { dateNumber, lineWords, valueAt, type PrivateStream, type RoomsProfile, type SharedStream } from './profile';
import { WindowTable } from './window-table';
import { hashA, hashB, sameWindow, WINDOW, windowKey, wordIds, WordDictionary, type WordIds } from './words';

/** A passage of a shared file that repeats private text. */
export interface LeakPassage {
  /** From its first word's start to its last word's end, in the shared file (0-based). */
  readonly range: Range;
  /** How many words it spans. */
  readonly words: number;
  /** A private file holding the passage's first window, and the (0-based) line it starts on there. */
  readonly source: { readonly path: string; readonly line: number };
}

interface FileRec {
  readonly id: number;
  readonly path: string;
  profile: RoomsProfile | undefined;
}

interface Stream {
  readonly ids: WordIds;
  readonly runEnds: Uint32Array;
}

/** Calls `fn(at)` for the start of every window of the stream. */
function eachWindow(s: Stream, fn: (at: number) => void): void {
  let start = 0;
  for (let r = 0; r < s.runEnds.length; r++) {
    const end = s.runEnds[r];
    for (let i = start; i + WINDOW <= end; i++) fn(i);
    start = end;
  }
}

/** The stream's distinct windows, as [a, b] hash pairs. */
function distinctWindows(s: Stream): { a: number[]; b: number[] } {
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  eachWindow(s, (i) => {
    const x = hashA(s.ids, i);
    const y = hashB(s.ids, i);
    const k = windowKey(x, y);
    if (seen.has(k)) return;
    seen.add(k);
    a.push(x);
    b.push(y);
  });
  return { a, b };
}

interface Title {
  readonly ids: number[];
  refs: number;
}

export class LeakIndex {
  readonly dict: WordDictionary;
  private readonly files = new Map<string, FileRec>();
  private readonly byId: (FileRec | undefined)[] = [];
  private readonly freeIds: number[] = [];
  private readonly priv = new WindowTable();
  private readonly shared = new WindowTable();
  /** Titles of objectives and key results per OKR set path, as word numbers. */
  private readonly titlesOf = new Map<string, number[][]>();
  /** Every distinct title, by its words joined. */
  private readonly titles = new Map<string, Title>();
  /** Titles by their first word, for "does this line hold a full title". */
  private titlesByFirst: Map<number, number[][]> | undefined;
  /** Windows inside a title (titles of 8 words or more), with how many titles hold each. */
  private readonly titleWindows = new Map<number, number>();
  /** Shared files whose last judgement met a window held by one or two files. */
  private readonly candidates = new Set<string>();

  constructor(dict: WordDictionary = new WordDictionary()) {
    this.dict = dict;
  }

  has(path: string): boolean {
    return this.files.get(path)?.profile !== undefined;
  }

  profile(path: string): RoomsProfile | undefined {
    return this.files.get(path)?.profile;
  }

  /** Bytes held by the two window tables (for the benchmark). */
  get tableBytes(): number {
    return this.priv.bytes + this.shared.bytes;
  }

  /**
   * Sets a file's profile (undefined: the file has no text for this rule, or
   * is gone). Adds to `into` (and returns) the shared files whose passages
   * may differ now.
   */
  set(path: string, profile: RoomsProfile | undefined, into: Set<string> = new Set()): Set<string> {
    let rec = this.files.get(path);
    if (!rec) {
      if (!profile) return into;
      const id = this.freeIds.pop() ?? this.byId.length;
      rec = { id, path, profile: undefined };
      this.files.set(path, rec);
      this.byId[id] = rec;
    }
    const old = rec.profile;
    // Private windows: count down the old ones, up the new ones, and note each one's counts.
    const moved = new Map<number, { a: number; b: number; before: number; after: number }>();
    if (old?.private) {
      const w = distinctWindows(old.private);
      for (let i = 0; i < w.a.length; i++) {
        const before = this.priv.remove(w.a[i], w.b[i], rec.id);
        moved.set(windowKey(w.a[i], w.b[i]), { a: w.a[i], b: w.b[i], before, after: before - 1 });
      }
    }
    if (old?.shared) {
      const w = distinctWindows(old.shared);
      for (let i = 0; i < w.a.length; i++) this.shared.remove(w.a[i], w.b[i], rec.id);
    }
    rec.profile = profile;
    if (profile?.private) {
      const w = distinctWindows(profile.private);
      for (let i = 0; i < w.a.length; i++) {
        const before = this.priv.add(w.a[i], w.b[i], rec.id);
        const k = windowKey(w.a[i], w.b[i]);
        const m = moved.get(k);
        if (m) m.after = before + 1;
        else moved.set(k, { a: w.a[i], b: w.b[i], before, after: before + 1 });
      }
    }
    if (profile?.shared) {
      const w = distinctWindows(profile.shared);
      for (let i = 0; i < w.a.length; i++) this.shared.add(w.a[i], w.b[i], rec.id);
    }
    if (old?.shared || profile?.shared) into.add(path);
    const look: { a: number; b: number }[] = [];
    for (const m of moved.values()) if (Math.min(m.before, m.after) <= 2) look.push(m);
    this.sharedHolders(look, into);
    if (!profile) {
      this.files.delete(path);
      this.byId[rec.id] = undefined;
      this.freeIds.push(rec.id);
      this.candidates.delete(path);
    }
    return into;
  }

  /**
   * Sets the titles of one OKR set's objectives and key results (SPEC §15's
   * exceptions); `[]` when the set is gone. Adds to `into` the shared files
   * whose passages may differ now.
   */
  setTitles(path: string, titles: readonly string[], into: Set<string> = new Set()): Set<string> {
    const next = titles.map((t) => wordIds(t, this.dict)).filter((ids) => ids.length > 0);
    const prev = this.titlesOf.get(path) ?? [];
    const keyOf = (ids: number[]): string => ids.join(',');
    const prevKeys = new Set(prev.map(keyOf));
    const nextKeys = new Set(next.map(keyOf));
    const changed: number[][] = [];
    for (const t of prev) if (!nextKeys.has(keyOf(t))) changed.push(t);
    for (const t of next) if (!prevKeys.has(keyOf(t))) changed.push(t);
    if (!changed.length && prev.length === next.length) return into;
    for (const t of prev) this.unrefTitle(t);
    for (const t of next) this.refTitle(t);
    if (next.length) this.titlesOf.set(path, next);
    else this.titlesOf.delete(path);
    this.titlesByFirst = undefined;
    if (!changed.length) return into;
    // Lines holding a title are not private text: any judged window may change.
    for (const p of this.candidates) into.add(p);
    const look: { a: number; b: number }[] = [];
    for (const t of changed) for (let i = 0; i + WINDOW <= t.length; i++) look.push({ a: hashA(t, i), b: hashB(t, i) });
    this.sharedHolders(look, into);
    return into;
  }

  private refTitle(ids: number[]): void {
    const k = ids.join(',');
    const t = this.titles.get(k);
    if (t) {
      t.refs++;
      return;
    }
    this.titles.set(k, { ids, refs: 1 });
    for (let i = 0; i + WINDOW <= ids.length; i++) {
      const w = windowKey(hashA(ids, i), hashB(ids, i));
      this.titleWindows.set(w, (this.titleWindows.get(w) ?? 0) + 1);
    }
  }

  private unrefTitle(ids: number[]): void {
    const k = ids.join(',');
    const t = this.titles.get(k);
    if (!t || --t.refs > 0) return;
    this.titles.delete(k);
    for (let i = 0; i + WINDOW <= ids.length; i++) {
      const w = windowKey(hashA(ids, i), hashB(ids, i));
      const n = (this.titleWindows.get(w) ?? 1) - 1;
      if (n > 0) this.titleWindows.set(w, n);
      else this.titleWindows.delete(w);
    }
  }

  /** Adds to `into` every shared file holding one of the windows. */
  private sharedHolders(windows: readonly { a: number; b: number }[], into: Set<string>): void {
    const scan = new Set<number>();
    for (const { a, b } of windows) {
      const slot = this.shared.find(a, b);
      if (slot === -1) continue;
      const n = this.shared.countAt(slot);
      if (n <= 0) continue;
      const known = this.shared.known(slot);
      for (const id of known) into.add(this.byId[id]!.path);
      if (known.length < n) scan.add(windowKey(a, b));
    }
    if (!scan.size) return;
    // More holders than the table keeps: look through every shared text once.
    for (const rec of this.files.values()) {
      const s = rec.profile?.shared;
      if (!s || into.has(rec.path)) continue;
      let hit = false;
      eachWindow(s, (i) => {
        if (!hit && scan.has(windowKey(hashA(s.ids, i), hashB(s.ids, i)))) hit = true;
      });
      if (hit) into.add(rec.path);
    }
  }

  /** The files holding the private window at `slot`, found by a scan when the table lost track. */
  private privateHolders(slot: number, a: number, b: number): number[] {
    if (this.priv.complete(slot)) return this.priv.known(slot);
    const found: number[] = [];
    for (const rec of this.files.values()) {
      const s = rec.profile?.private;
      if (!s) continue;
      let hit = false;
      eachWindow(s, (i) => {
        if (!hit && hashA(s.ids, i) === a && hashB(s.ids, i) === b) hit = true;
      });
      if (hit) found.push(rec.id);
      if (found.length >= 2) break;
    }
    this.priv.setKnown(slot, found);
    return found;
  }

  private firstWords(): Map<number, number[][]> {
    if (!this.titlesByFirst) {
      const m = new Map<number, number[][]>();
      for (const t of this.titles.values()) {
        const list = m.get(t.ids[0]);
        if (list) list.push(t.ids);
        else m.set(t.ids[0], [t.ids]);
      }
      this.titlesByFirst = m;
    }
    return this.titlesByFirst;
  }

  /** Does the private text of `line` hold the full title of an objective or key result? */
  private holdsTitle(s: PrivateStream, line: number): boolean {
    if (!this.titles.size) return false;
    const byFirst = this.firstWords();
    const [from, to] = lineWords(s, line);
    for (let p = from; p < to; p++) {
      const list = byFirst.get(s.ids[p]);
      if (!list) continue;
      for (const t of list) {
        if (p + t.length > to) continue;
        let k = 1;
        while (k < t.length && s.ids[p + k] === t[k]) k++;
        if (k === t.length) return true;
      }
    }
    return false;
  }

  /** The line (0-based) of word `w` of a private stream. */
  private static lineOf(s: PrivateStream, w: number): number {
    return valueAt(s.lines, w);
  }

  /**
   * Where a private file holds the shared window: the first place that is a
   * source and counts for a shared text dated `sharedDate` (yyyymmdd), or
   * `source: true` without a line when it is a source that does not count
   * (dated after), or undefined when it holds it nowhere as private text.
   */
  private occurrence(s: PrivateStream, window: WordIds, at: number, a: number, b: number, sharedDate: number): { line?: number } | undefined {
    let result: { line?: number } | undefined;
    eachWindow(s, (j) => {
      if (result?.line !== undefined) return;
      if (s.ids[j] !== window[at] || !sameWindow(s.ids, j, window, at)) return;
      if (hashA(s.ids, j) !== a || hashB(s.ids, j) !== b) return;
      const first = LeakIndex.lineOf(s, j);
      const last = LeakIndex.lineOf(s, j + WINDOW - 1);
      for (let l = first; l <= last; l++) if (this.holdsTitle(s, l)) return;
      const date = valueAt(s.dates, j);
      if (date === 0 || date <= sharedDate) result = { line: first };
      else result ??= {};
    });
    return result;
  }

  /** The passages of a shared file that repeat private text (SPEC §15), in text order. */
  passages(path: string, today: string): LeakPassage[] {
    const rec = this.files.get(path);
    const s: SharedStream | undefined = rec?.profile?.shared;
    if (!s) {
      this.candidates.delete(path);
      return [];
    }
    const todayNum = dateNumber(today);
    let candidate = false;
    const leaked: { at: number; run: number; source: { path: string; line: number } }[] = [];
    let start = 0;
    for (let r = 0; r < s.runEnds.length; r++) {
      const end = s.runEnds[r];
      for (let i = start; i + WINDOW <= end; i++) {
        const a = hashA(s.ids, i);
        const b = hashB(s.ids, i);
        const slot = this.priv.find(a, b);
        if (slot === -1) continue;
        const n = this.priv.countAt(slot);
        if (n <= 0 || n >= 3) continue;
        candidate = true;
        if (this.titleWindows.has(windowKey(a, b))) continue;
        const sharedDate = valueAt(s.dates, i) || todayNum;
        const holders = this.privateHolders(slot, a, b)
          .map((id) => this.byId[id]!)
          .sort((x, y) => comparePaths(x.path, y.path));
        let source: { path: string; line: number } | undefined;
        for (const h of holders) {
          const occ = this.occurrence(h.profile!.private!, s.ids, i, a, b, sharedDate);
          if (occ?.line !== undefined) {
            source = { path: h.path, line: occ.line };
            break;
          }
        }
        if (source) leaked.push({ at: i, run: r, source });
      }
      start = end;
    }
    if (candidate) this.candidates.add(path);
    else this.candidates.delete(path);
    const out: LeakPassage[] = [];
    for (let k = 0; k < leaked.length; ) {
      const first = leaked[k];
      let last = first.at;
      k++;
      while (k < leaked.length && leaked[k].run === first.run && leaked[k].at <= last + WINDOW) last = leaked[k++].at;
      const endWord = last + WINDOW - 1;
      out.push({
        range: {
          start: { line: s.pos[first.at * 3], character: s.pos[first.at * 3 + 1] },
          end: { line: s.pos[endWord * 3], character: s.pos[endWord * 3 + 2] },
        },
        words: endWord - first.at + 1,
        source: first.source,
      });
    }
    return out;
  }
}
