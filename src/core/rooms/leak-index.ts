// The private-leak rule's cross-file index (SPEC §15), kept up to date one
// file at a time like the dataset's other indexes.
//
// It holds every file (file.ts: its text, packed in a TextStore, then its
// profile) and two window tables: the windows of all private text (how many
// files hold each, and which when at most two do) and the windows of all
// shared text (which shared files hold each). Loading a whole workspace
// (a command-line check) keeps the files only; the first judgement then
// builds the tables once, counting only the private windows that stand in
// some shared text, and reading most private files without making their
// profiles (`build`). Once a change must say what it moves, the tables
// count everything and are kept up to date file by file. A changed file
// returns the shared files whose passages may have changed, and only those:
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
import { dateNumber, lineWords, valueAt, wordLine, type PrivateStream, type RoomsProfile, type SharedStream } from './profile';
import { lineStartOf, prefixEnd } from './regions';
import { WindowTable } from './window-table';
import { hasSharedText, privateWordsOf, profileOf, type RoomsFile } from './file';
import { TextStore, type TextKeeper, type TextRef } from './text-store';
import { WindowProbe } from './window-probe';
import { CUT, cut, hashA, hashB, sameWindow, WINDOW, WindowHashes, windowKey, wordIds, WordDictionary, type WordIds } from './words';

/** A passage of a shared file that repeats private text. */
export interface LeakPassage {
  /** From its first word's start to its last word's end, in the shared file (0-based). */
  readonly range: Range;
  /** How many words it spans. */
  readonly words: number;
  /** A private file holding the passage's first window, and the (0-based) line it starts on there. */
  readonly source: { readonly path: string; readonly line: number };
}

/** A file kept until its profile is made: what it is, its text in the index's TextStore. */
interface KeptFile extends Omit<RoomsFile, 'text'> {
  readonly ref: TextRef;
}

interface FileRec {
  readonly id: number;
  readonly path: string;
  /** What the file is (kept until its profile is made). */
  file: KeptFile | undefined;
  /** Its profile, made when first needed (null: not yet). */
  profile: RoomsProfile | null;
}

const NO_TEXT: RoomsProfile = {};

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

/** How many windows the stream has (an upper bound on its distinct ones). */
function windowCount(s: Stream): number {
  let n = 0;
  let start = 0;
  for (let r = 0; r < s.runEnds.length; r++) {
    n += Math.max(0, s.runEnds[r] - start - WINDOW + 1);
    start = s.runEnds[r];
  }
  return n;
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
  private priv = new WindowTable();
  /**
   * Every holder of a shared window is known: a private edit names exactly
   * the shared files holding its windows (`full`); only the windows (`partial`).
   */
  private shared = new WindowTable('exact');
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
  /** Window hashes of the stream at hand, and of a stream scanned meanwhile (privateHolders). */
  private readonly hashes = new WindowHashes();
  private readonly scanHashes = new WindowHashes();
  /** The texts of the files kept until their profiles are made, packed (text-store.ts) unless the caller keeps them elsewhere. */
  private readonly texts: TextKeeper;
  /** The last text unpacked, by its reference (a passage's windows ask the same source one after another). */
  private unpacked: { ref: TextRef; file: RoomsFile } | undefined;
  /**
   * What the tables count. A first load (set without `into`) only keeps the
   * files (`none`); judging then builds `partial` tables, holding only the
   * private windows that stand in some shared text (all a judgement needs: a
   * small table, read fast), counted up to 3 (boilerplate); the first change
   * that must name what it moves builds them `full` and keeps them so.
   */
  private mode: 'none' | 'partial' | 'full' = 'none';

  /** `texts`: where texts wait for their profiles (default: a TextStore, in memory). */
  constructor(dict: WordDictionary = new WordDictionary(), texts: TextKeeper = new TextStore()) {
    this.dict = dict;
    this.texts = texts;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Lets go of the index: its text keeper gives back what it holds (a temporary file). Nothing is asked of it after. */
  close(): void {
    this.texts.close?.();
  }

  /** A file's profile, made now if it was not yet. */
  profile(path: string): RoomsProfile | undefined {
    const rec = this.files.get(path);
    return rec && this.profileOf(rec);
  }

  private profileOf(rec: FileRec): RoomsProfile {
    if (rec.profile === null) {
      rec.profile = (rec.file && profileOf(this.unpack(rec.file), this.dict)) ?? NO_TEXT;
      this.keep(rec, undefined);
    }
    return rec.profile;
  }

  /** Keeps `file` as the record's file, its text packed, letting go of the one it had. */
  private keep(rec: FileRec, file: RoomsFile | undefined): void {
    if (rec.file) {
      this.texts.drop(rec.file.ref);
      if (this.unpacked?.ref === rec.file.ref) this.unpacked = undefined;
    }
    if (!file) {
      rec.file = undefined;
      return;
    }
    // Written out, not spread: one shape for every kept file (and every field
    // listed: the type has each key of RoomsFile, optional ones included).
    const kept: { [K in keyof Required<KeptFile>]: KeptFile[K] } = {
      path: file.path,
      format: file.format,
      room: file.room,
      date: file.date,
      mayBeLog: file.mayBeLog,
      meetings: file.meetings,
      titles: file.titles,
      ref: this.texts.put(file.text),
    };
    rec.file = kept;
  }

  /** A kept file with its text. */
  private unpack(kept: KeptFile): RoomsFile {
    if (this.unpacked?.ref === kept.ref) return this.unpacked.file;
    const file: { [K in keyof Required<RoomsFile>]: RoomsFile[K] } = {
      path: kept.path,
      text: this.texts.get(kept.ref),
      format: kept.format,
      room: kept.room,
      date: kept.date,
      mayBeLog: kept.mayBeLog,
      meetings: kept.meetings,
      titles: kept.titles,
    };
    this.unpacked = { ref: kept.ref, file };
    return file;
  }

  private sharedText(rec: FileRec): boolean {
    return rec.profile !== null ? rec.profile.shared !== undefined : rec.file !== undefined && hasSharedText(rec.file);
  }

  /** Bytes held by the two window tables (for the benchmark). */
  get tableBytes(): number {
    return this.priv.bytes + this.shared.bytes;
  }

  /**
   * Sets a file's profile (undefined: the file has no text for this rule, or
   * is gone). Adds to `into` (and returns) the shared files whose passages
   * may differ now; without `into`, none are looked for (a first load, where
   * every file is judged afterwards anyway) and only the file itself is
   * returned when it has shared text.
   */
  set(path: string, file: RoomsFile | undefined, into?: Set<string>): Set<string> {
    const out = into ?? new Set<string>();
    let rec = this.files.get(path);
    if (!rec) {
      if (!file) return out;
      const id = this.freeIds.pop() ?? this.byId.length;
      rec = { id, path, file: undefined, profile: null };
      this.files.set(path, rec);
      this.byId[id] = rec;
    }
    if (!into && this.mode !== 'full') {
      // Nothing judged yet, or judged from tables this change makes stale: rebuilt when next needed.
      if (this.sharedText(rec) || (file && hasSharedText(file))) out.add(path);
      this.keep(rec, file);
      rec.profile = null;
      this.mode = 'none';
      if (!file) this.forget(rec);
      return out;
    }
    // The tables count every file, the old text of this one included (counted out below).
    this.build('full');
    const old = this.profileOf(rec);
    const profile = file ? profileOf(file, this.dict) ?? NO_TEXT : undefined;
    // Private windows: counted out (the old text), then in (the new), each
    // distinct window once; `before` keeps each touched slot's count before
    // the change, to know afterwards whether it crossed the boilerplate line.
    const before = into ? new Map<number, number>() : undefined;
    // Slots stay put from here on (the tables grow first, if they must).
    if (profile?.private) this.priv.reserve(windowCount(profile.private));
    if (profile?.shared) this.shared.reserve(windowCount(profile.shared));
    if (old.private) this.countOut(this.priv, old.private, rec.id, before);
    if (profile?.private) this.countIn(this.priv, profile.private, rec.id, before);
    if (old.shared) this.countOut(this.shared, old.shared, rec.id, undefined);
    rec.profile = profile ?? NO_TEXT;
    this.keep(rec, undefined);
    if (profile?.shared) this.countIn(this.shared, profile.shared, rec.id, undefined);
    if (old.shared || profile?.shared) out.add(path);
    // A window held by at most two files before or after: the shared files holding it may change.
    if (before) for (const [slot, was] of before) {
      if (Math.min(was, this.priv.countAt(slot)) > 2) continue;
      const at = this.shared.find(this.priv.keyAAt(slot), this.priv.keyBAt(slot));
      if (at !== -1) for (const id of this.shared.known(at)) out.add(this.byId[id]!.path);
    }
    if (!profile) this.forget(rec);
    return out;
  }

  private forget(rec: FileRec): void {
    this.keep(rec, undefined);
    this.files.delete(rec.path);
    this.byId[rec.id] = undefined;
    this.freeIds.push(rec.id);
    this.candidates.delete(rec.path);
  }

  /**
   * Builds the tables from every profile kept so far, at their final size:
   * `full` counts every window; `partial` only the private windows that
   * stand in some shared text.
   */
  private build(mode: 'partial' | 'full'): void {
    if (this.mode === mode || this.mode === 'full') return;
    this.priv = new WindowTable();
    // A judgement asks only which windows stand in shared text; a change asks which files hold them.
    this.shared = new WindowTable(mode === 'full' ? 'exact' : 'keys');
    // Shared text first: every file that has some is profiled (it is judged anyway).
    // The tables grow file by file (a file's windows may repeat: distinct ones are fewer than all).
    for (const rec of this.files.values()) {
      const s = this.sharedText(rec) ? this.profileOf(rec).shared : undefined;
      if (!s) continue;
      this.shared.reserve(windowCount(s));
      if (mode === 'full') this.countIn(this.shared, s, rec.id, undefined);
      else this.addWindows(this.shared, s);
    }
    if (mode === 'full') {
      for (const rec of this.files.values()) {
        const p = this.profileOf(rec).private;
        if (!p) continue;
        this.priv.reserve(windowCount(p));
        this.countIn(this.priv, p, rec.id, undefined);
      }
    } else {
      // Only the windows that stand in some shared text, at the slots they have in the shared table (its keys, shared).
      this.priv = this.shared.sameKeys(true);
      const probe = new WindowProbe(this.priv, this.shared);
      for (const rec of this.files.values()) {
        if (rec.profile !== null) {
          if (rec.profile.private) this.countIn(this.priv, rec.profile.private, rec.id, undefined, true);
        } else if (rec.file) {
          probe.start(rec.id);
          privateWordsOf(this.unpack(rec.file), this.dict, probe);
        }
      }
    }
    this.mode = mode;
  }

  /** Adds the windows of a stream to a `keys` table (it has room: reserve). */
  private addWindows(table: WindowTable, s: Stream): void {
    const h = this.hashes;
    const n = h.of(s.ids, s.runEnds);
    for (let k = 0; k < n; k++) table.slot(h.a[k], h.b[k]);
  }

  /** Counts a file out of the windows of its old text (each distinct window once). */
  private countOut(table: WindowTable, s: Stream, file: number, before: Map<number, number> | undefined): void {
    const pass = table.pass();
    const h = this.hashes;
    const n = h.of(s.ids, s.runEnds);
    for (let k = 0; k < n; k++) {
      const slot = table.find(h.a[k], h.b[k]);
      if (slot === -1 || !table.visit(slot, pass)) continue;
      if (before && !before.has(slot)) before.set(slot, table.countAt(slot));
      table.removeAt(slot, file);
    }
  }

  /**
   * Counts a file into the windows of its new text (each distinct window
   * once; with `known`, only those the table already has, as sameKeys
   * made it); the table has room (reserve).
   */
  private countIn(table: WindowTable, s: Stream, file: number, before: Map<number, number> | undefined, known = false): void {
    const pass = table.pass();
    const h = this.hashes;
    const n = h.of(s.ids, s.runEnds);
    for (let k = 0; k < n; k++) {
      const slot = known ? table.find(h.a[k], h.b[k]) : table.slot(h.a[k], h.b[k]);
      if (slot === -1) continue;
      if (table.visit(slot, pass)) {
        if (before && !before.has(slot)) before.set(slot, table.countAt(slot));
        table.addAt(slot, file);
      }
      if (known) {
        const ps = s as PrivateStream;
        const at = h.at[k];
        table.place(slot, file, valueAt(ps.lines, at), valueAt(ps.lines, at + WINDOW - 1), valueAt(ps.dates, at));
      }
    }
  }

  /**
   * Sets the titles of one OKR set's objectives and key results (SPEC §15's
   * exceptions); `[]` when the set is gone. Adds to `into` the shared files
   * whose passages may differ now.
   */
  setTitles(path: string, titles: readonly string[], into?: Set<string>): Set<string> {
    const next = titles.map((t) => wordIds(t, this.dict)).filter((ids) => ids.length > 0);
    const prev = this.titlesOf.get(path) ?? [];
    const keyOf = (ids: number[]): string => ids.join(',');
    const prevKeys = new Set(prev.map(keyOf));
    const nextKeys = new Set(next.map(keyOf));
    const changed: number[][] = [];
    for (const t of prev) if (!nextKeys.has(keyOf(t))) changed.push(t);
    for (const t of next) if (!prevKeys.has(keyOf(t))) changed.push(t);
    const out = into ?? new Set<string>();
    if (!changed.length && prev.length === next.length) return out;
    for (const t of prev) this.unrefTitle(t);
    for (const t of next) this.refTitle(t);
    if (next.length) this.titlesOf.set(path, next);
    else this.titlesOf.delete(path);
    this.titlesByFirst = undefined;
    if (!changed.length || !into) return out;
    this.build('full');
    // Lines holding a title are not private text: any judged window may change.
    for (const p of this.candidates) out.add(p);
    for (const t of changed) {
      for (let i = 0; i + WINDOW <= t.length; i++) {
        const at = this.shared.find(hashA(t, i), hashB(t, i));
        if (at !== -1) for (const id of this.shared.known(at)) out.add(this.byId[id]!.path);
      }
    }
    return out;
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

  /** The files holding the private window at `slot`, found by a scan when the table lost track. */
  private privateHolders(slot: number, a: number, b: number): number[] {
    if (this.priv.complete(slot)) return this.priv.known(slot);
    const found: number[] = [];
    for (const rec of this.files.values()) {
      const s = this.profileOf(rec).private;
      if (!s) continue;
      const h = this.scanHashes;
      const n = h.of(s.ids, s.runEnds);
      for (let k = 0; k < n; k++) {
        if (h.a[k] === a && h.b[k] === b) {
          found.push(rec.id);
          break;
        }
      }
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
    const [from, to] = lineWords(s, line);
    return this.holdsTitleIn(s.ids, from, to);
  }

  /** Do the words ids[from, to) hold a full title? */
  private holdsTitleIn(ids: ArrayLike<number>, from: number, to: number): boolean {
    const byFirst = this.firstWords();
    for (let p = from; p < to; p++) {
      const list = byFirst.get(ids[p]);
      if (!list) continue;
      for (const t of list) {
        if (p + t.length > to) continue;
        let k = 1;
        while (k < t.length && ids[p + k] === t[k]) k++;
        if (k === t.length) return true;
      }
    }
    return false;
  }

  /**
   * Does a line from `first` to `last` of a file not profiled yet (a file
   * with private text only) hold a full title? Its lines are read again
   * from its text: the whole line is private text there.
   */
  private linesHoldTitle(file: RoomsFile, first: number, last: number): boolean {
    // Only the lines asked for are cut out of the text (no table of every line).
    const t = file.text;
    for (let l = first, s = lineStartOf(t, first); l <= last && s !== -1; l++) {
      const nl = t.indexOf('\n', s);
      const e = nl === -1 ? t.length : nl;
      if (this.holdsTitleIn(CUT.ids, 0, cut(t, prefixEnd(t, s, e), e, this.dict))) return true;
      s = nl === -1 ? -1 : nl + 1;
    }
    return false;
  }

  /**
   * Where a private file holds the shared window: the first place that is a
   * source and counts for a shared text dated `sharedDate` (yyyymmdd), or
   * `source: true` without a line when it is a source that does not count
   * (dated after), or undefined when it holds it nowhere as private text.
   */
  private occurrence(s: PrivateStream, window: WordIds, at: number, sharedDate: number): { line?: number } | undefined {
    let result: { line?: number } | undefined;
    eachWindow(s, (j) => {
      if (result?.line !== undefined) return;
      if (s.ids[j] !== window[at] || !sameWindow(s.ids, j, window, at)) return;
      const first = wordLine(s, j);
      const last = wordLine(s, j + WINDOW - 1);
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
    const s: SharedStream | undefined = rec && this.sharedText(rec) ? this.profileOf(rec).shared : undefined;
    if (!s) {
      this.candidates.delete(path);
      return [];
    }
    const todayNum = dateNumber(today);
    let candidate = false;
    this.build('partial');
    const leaked: { at: number; run: number; source: { path: string; line: number } }[] = [];
    const h = this.hashes;
    const count = h.of(s.ids, s.runEnds);
    let run = 0;
    for (let k = 0; k < count; k++) {
      const i = h.at[k];
      while (s.runEnds[run] <= i) run++;
      const a = h.a[k];
      const b = h.b[k];
      const slot = this.priv.find(a, b);
      if (slot === -1) continue;
      const n = this.priv.countAt(slot);
      if (n <= 0 || n >= 3) continue;
      candidate = true;
      if (this.titleWindows.has(windowKey(a, b))) continue;
      const sharedDate = valueAt(s.dates, i) || todayNum;
      // One or two holders (a window at most two files hold), in path order.
      const [h0, h1] = this.privateHolders(slot, a, b).map((id) => this.byId[id]!);
      const swap = h1 !== undefined && comparePaths(h0.path, h1.path) > 0;
      let source: { path: string; line: number } | undefined;
      for (const holder of swap ? [h1, h0] : h1 ? [h0, h1] : h0 ? [h0] : []) {
        // A first judgement knows the best place of a file not profiled (the
        // window's earliest-dated one): most holders need no second reading.
        const place = holder.profile === null && holder.file ? this.priv.placeOf(slot, holder.id) : undefined;
        if (place) {
          const [first, last, date] = place;
          if (date !== 0 && date > sharedDate) continue;
          if (!this.titles.size || !this.linesHoldTitle(this.unpack(holder.file!), first, last)) {
            source = { path: holder.path, line: first };
            break;
          }
        }
        const occ = this.occurrence(this.profileOf(holder).private!, s.ids, i, sharedDate);
        if (occ?.line !== undefined) {
          source = { path: holder.path, line: occ.line };
          break;
        }
      }
      if (source) leaked.push({ at: i, run, source });
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
          start: { line: wordLine(s, first.at), character: s.cols[first.at * 2] },
          end: { line: wordLine(s, endWord), character: s.cols[endWord * 2 + 1] },
        },
        words: endWord - first.at + 1,
        source: first.source,
      });
    }
    return out;
  }
}
