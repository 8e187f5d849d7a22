// The dataset: every Cadence file of a workspace, parsed once, with the
// cross-file indexes the rules need (people by id, 1:1s by report, who names
// whom). Files come in one at a time; each change says which files' results
// may have moved, so the editor re-publishes only those.
//
// The indexes are built from each file's DocSummary (kind, key, date, the
// people it names), never from the document itself: a file restored from the
// persistent index (`restore`) is indexed from its summary and materialised
// only when something reads it (a rule, a view), which is what makes a warm
// start cheap.

import { comparePaths } from './paths';
import type { Doc, FileKind, OneOnOneDoc, OkrSetDoc, PersonDoc, ReviewDoc } from './model';
import { FILE_KINDS } from './kinds';
import { classify, parseDoc } from './parse/index';
import { RULES, RULES_BY_CODE } from './rules/index';
import type { DatasetQuery, Rule, RuleContext } from './rules/rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { normalize } from './text';
import { lastHeldDate } from './meetings';
import type { Diagnostic, Fix } from './types';

export interface DatasetChange {
  /** Files whose diagnostics or figures may differ now. */
  readonly paths: ReadonlySet<string>;
  /** True when every file may differ (settings, today, people appearing at all). */
  readonly all: boolean;
}

/** What the dataset's indexes need of a document, without the document. */
export interface DocSummary {
  readonly kind: FileKind;
  /** A person's key; a 1:1's report key (undefined when it names no report). */
  readonly key: string | undefined;
  /** A 1:1's date. */
  readonly date: string | undefined;
  /** Keys of the people the document names (report, owners), each once. */
  readonly refs: readonly string[];
  /** Due dates of its open action items (the status bar counts overdue items without the documents). */
  readonly openDue: readonly string[];
}

/**
 * A document materialised on first use. `load` must not throw; it is called
 * at most once per restore.
 */
export interface LazyDoc {
  load(): Doc;
}

/**
 * The diagnostics a file had when the persistent index was saved: valid for
 * as long as nothing the file depends on has changed since (see restoreAll).
 * `loadDiagnostics` returns undefined when they cannot be read; they are computed then.
 */
export interface CachedDiagnostics {
  loadDiagnostics(): Diagnostic[] | undefined;
}

/** One file of a warm start (restoreAll). */
export interface RestoredFile {
  readonly path: string;
  readonly summary: DocSummary;
  readonly doc: LazyDoc;
  readonly diagnostics?: CachedDiagnostics;
}

interface Entry {
  /** Exactly one of `doc` and `lazy` is set. */
  doc: Doc | undefined;
  lazy: LazyDoc | undefined;
  readonly summary: DocSummary;
  /** Diagnostics of rules that read only this file, for `localGen`. */
  local?: Diagnostic[];
  localGen: number;
  /** The file's whole diagnostics, for `memoGen`, until a change names the file. */
  memo?: Diagnostic[];
  memoGen: number;
  /** Diagnostics saved with the persistent index, until a change names the file. */
  cached?: CachedDiagnostics;
}

const LOCAL_RULES = RULES.filter((r) => !r.crossFile);
const CROSS_RULES = RULES.filter((r) => r.crossFile);

function insertSorted(list: string[], path: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePaths(list[mid], path) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, path);
}

/** What the dataset's indexes keep of a document; what each kind's holds: kinds.ts. */
export function summarize(doc: Doc): DocSummary {
  const s = FILE_KINDS.summarize(doc);
  return { kind: doc.kind, key: s.key, date: s.date, refs: s.refs, openDue: s.openDue };
}

export class Dataset {
  private readonly entries = new Map<string, Entry>();
  /** Paths of the person files per key, in path order (their documents stay unloaded until asked for). */
  private readonly peopleByKey = new Map<string, string[]>();
  private readonly peopleDocs = new Map<string, PersonDoc[]>();
  /** Paths of the 1:1 notes per report key. */
  private readonly notesByReport = new Map<string, Set<string>>();
  private readonly refsByKey = new Map<string, Set<string>>();
  /** After restoreAll: notesByReport and refsByKey are built when first needed (derive). */
  private deferred = false;
  private readonly lastCache = new Map<string, string | undefined>();
  private readonly sortedNotes = new Map<string, OneOnOneDoc[]>();
  private peopleSorted: PersonDoc[] | undefined;
  private personFiles = 0;
  private gen = 0;
  private listeners = new Set<(e: DatasetChange) => void>();
  private pending: { paths: Set<string>; all: boolean } | undefined;
  private batchDepth = 0;
  private _settings: Settings;
  private _today: string;

  constructor(options: { today: string; settings?: Settings }) {
    this._today = options.today;
    this._settings = options.settings ?? DEFAULT_SETTINGS;
  }

  get today(): string {
    return this._today;
  }

  get settings(): Settings {
    return this._settings;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Rule severities and globs; a glob change needs the caller to re-feed files. */
  setSettings(settings: Settings): void {
    this._settings = settings;
    this.gen++;
    this.emit(new Set(), true);
  }

  setToday(today: string): void {
    if (today === this._today) return;
    this._today = today;
    this.lastCache.clear();
    this.gen++;
    this.emit(new Set(), true);
  }

  onDidChange(listener: (e: DatasetChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Runs `fn` and sends one change event for everything it did. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      if (--this.batchDepth === 0 && this.pending) {
        const p = this.pending;
        this.pending = undefined;
        this.fire(p.paths, p.all);
      }
    }
  }

  /**
   * Adds or replaces a file. Returns its document, or undefined when the file
   * is not a Cadence file (then any earlier entry for the path is removed).
   */
  setFile(path: string, raw: string): Doc | undefined {
    const text = normalize(raw);
    const kind = classify(path, text, this._settings);
    if (!kind) {
      this.deleteFile(path);
      return undefined;
    }
    const doc = parseDoc(path, text, kind, { talkingPointHeadings: this._settings.talkingPointHeadings });
    this.put(path, doc);
    return doc;
  }

  /** Adds an already-parsed document. */
  put(path: string, doc: Doc): void {
    this.insert(path, { doc, lazy: undefined, summary: summarize(doc), localGen: -1, memoGen: -1 });
  }

  /**
   * Adds a document known only by its summary (the persistent index): it is
   * indexed now and loaded when first read. `summary` must be `summarize` of
   * what `lazy` loads.
   */
  restore(path: string, summary: DocSummary, lazy: LazyDoc): void {
    this.insert(path, { doc: undefined, lazy, summary, localGen: -1, memoGen: -1 });
  }

  /**
   * A warm start: fills an empty dataset with the files of a persistent index
   * in one go, and sends one change event naming them all. With
   * `diagnosticsValid` (the index was saved complete, for this day and these
   * settings), each file's saved diagnostics stand until a change names the
   * file: the dataset is then exactly the one they were computed on, and
   * every later change names what it may move. Callers apply what differs
   * from the index (edited, changed on disk, created, deleted) afterwards.
   */
  restoreAll(files: Iterable<RestoredFile>, diagnosticsValid: boolean): void {
    if (this.entries.size) throw new Error('restoreAll needs an empty dataset');
    const people = this.personFiles;
    // Only the people index now; the indexes of who names whom wait until
    // something asks (a change, a rule): the saved diagnostics need neither.
    let count = 0;
    for (const f of files) {
      // Every field from the start: one object shape for every entry.
      const e: Entry = { doc: undefined, lazy: f.doc, summary: f.summary, local: undefined, localGen: -1, memo: undefined, memoGen: -1, cached: diagnosticsValid ? f.diagnostics : undefined };
      this.entries.set(f.path, e);
      count++;
      if (f.summary.kind === 'person' && f.summary.key !== undefined) this.indexPerson(f.path, f.summary.key);
    }
    if (this.entries.size !== count) {
      this.clear();
      throw new Error('restoreAll: a path twice');
    }
    this.deferred = this.entries.size > 0;
    const paths = new Set(this.entries.keys());
    // Inside a caller's batch the saved diagnostics fall to the batch's event.
    if (this.batchDepth > 0) this.emit(paths, people !== this.personFiles);
    else this.notify(paths, false);
  }

  /**
   * Lets go of everything: every listener and every file, without a change
   * event (withdraw the files first, with deleteFile in a batch, when their
   * diagnostics must go). Whatever still holds the dataset then holds an
   * empty one that tells nobody of later changes. The extension disposes a
   * folder's dataset when a re-index replaces it.
   */
  dispose(): void {
    this.listeners.clear();
    this.pending = undefined;
    this.clear();
  }

  private clear(): void {
    this.entries.clear();
    this.peopleByKey.clear();
    this.peopleDocs.clear();
    this.notesByReport.clear();
    this.refsByKey.clear();
    this.lastCache.clear();
    this.sortedNotes.clear();
    this.peopleSorted = undefined;
    this.personFiles = 0;
    this.deferred = false;
  }

  deleteFile(path: string): void {
    const old = this.entries.get(path);
    if (!old) return;
    this.derive();
    const affected = this.affectedSet(path);
    const hadPeople = this.personFiles > 0;
    this.unindex(path, old, affected);
    this.entries.delete(path);
    this.emit(affected, hadPeople !== this.personFiles > 0);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  doc(path: string): Doc | undefined {
    const e = this.entries.get(path);
    return e && this.docOf(e);
  }

  /** The file's summary, without loading a restored document. */
  summary(path: string): DocSummary | undefined {
    return this.entries.get(path)?.summary;
  }

  /** Open action items due before today, counted from the summaries (no document loaded). */
  overdueCount(): number {
    let n = 0;
    for (const e of this.entries.values()) for (const due of e.summary.openDue) if (due < this._today) n++;
    return n;
  }

  /** The source of a restored document not loaded yet (the index saver copies it as is). */
  unloaded(path: string): LazyDoc | undefined {
    return this.entries.get(path)?.lazy;
  }

  paths(): string[] {
    return [...this.entries.keys()].sort(comparePaths);
  }

  *docs(): IterableIterator<Doc> {
    for (const e of this.entries.values()) yield this.docOf(e);
  }

  people(): readonly PersonDoc[] {
    return this.query.people();
  }

  okrSets(): OkrSetDoc[] {
    return this.ofKind('okr') as OkrSetDoc[];
  }

  reviews(): ReviewDoc[] {
    return this.ofKind('okr-review') as ReviewDoc[];
  }

  /** Documents of one kind in path order; other kinds stay unloaded. */
  private ofKind(kind: FileKind): Doc[] {
    const out: Doc[] = [];
    for (const e of this.entries.values()) if (e.summary.kind === kind) out.push(this.docOf(e));
    return out.sort((a, b) => comparePaths(a.path, b.path));
  }

  private docOf(e: Entry): Doc {
    if (!e.doc) {
      e.doc = e.lazy!.load();
      e.lazy = undefined;
    }
    return e.doc;
  }

  private insert(path: string, entry: Entry): void {
    this.derive();
    const affected = this.affectedSet(path);
    const hadPeople = this.personFiles > 0;
    const old = this.entries.get(path);
    if (old) this.unindex(path, old, affected);
    this.entries.set(path, entry);
    this.index(path, entry, affected);
    // Only the appearance of the first person file (or the loss of the last)
    // switches unknown-person on or off everywhere.
    this.emit(affected, hadPeople !== this.personFiles > 0);
  }

  readonly query: DatasetQuery = {
    hasPeople: () => this.personFiles > 0,
    peopleWithKey: (key) => {
      let docs = this.peopleDocs.get(key);
      if (!docs) {
        const paths = this.peopleByKey.get(key);
        if (!paths) return [];
        docs = paths.map((p) => this.docOf(this.entries.get(p)!) as PersonDoc);
        this.peopleDocs.set(key, docs);
      }
      return docs;
    },
    people: () => {
      if (!this.peopleSorted) {
        const first = [...this.peopleByKey.values()].map((l) => l[0]).sort(comparePaths);
        this.peopleSorted = first.map((p) => this.docOf(this.entries.get(p)!) as PersonDoc);
      }
      return this.peopleSorted;
    },
    lastOneOnOne: (key) => {
      if (this.lastCache.has(key)) return this.lastCache.get(key);
      this.derive();
      // A summary's date is the note's, or a log's latest meeting's; only one
      // after today (an agenda prepared ahead) needs the document read.
      let last: string | undefined;
      for (const p of this.notesByReport.get(key) ?? []) {
        const e = this.entries.get(p)!;
        let date = e.summary.date;
        if (date && date > this._today) date = lastHeldDate([this.docOf(e) as OneOnOneDoc], this._today);
        if (date && (!last || date > last)) last = date;
      }
      this.lastCache.set(key, last);
      return last;
    },
    notesOf: (key) => {
      let list = this.sortedNotes.get(key);
      if (!list) {
        this.derive();
        const notes = [...(this.notesByReport.get(key) ?? [])].map((p) => [p, this.entries.get(p)!] as const);
        notes.sort(([pa, a], [pb, b]) => (a.summary.date ?? '').localeCompare(b.summary.date ?? '') || comparePaths(pa, pb));
        list = notes.map(([, e]) => this.docOf(e) as OneOnOneDoc);
        this.sortedNotes.set(key, list);
      }
      return list;
    },
    meKey: () => {
      for (const p of this.query.people()) if (p.me) return p.key;
      return 'me';
    },
  };

  private context(): RuleContext {
    return { today: this._today, settings: this._settings, data: this.query };
  }

  /** The file's diagnostics, severities from `cadence.rules` applied, in order. */
  diagnostics(path: string): readonly Diagnostic[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    if (entry.memoGen === this.gen && entry.memo) return entry.memo;
    if (entry.cached) {
      const cached = entry.cached.loadDiagnostics();
      entry.cached = undefined;
      if (cached) return this.remember(entry, cached);
    }
    return this.remember(entry, this.judge(entry));
  }

  /** Kept until a change names the file; not inside a batch, whose change is still to come. */
  private remember(entry: Entry, diagnostics: Diagnostic[]): Diagnostic[] {
    if (this.batchDepth === 0) {
      entry.memo = diagnostics;
      entry.memoGen = this.gen;
    }
    return diagnostics;
  }

  /**
   * A file's diagnostics if they are at hand (computed since the last change
   * that named it, or restored), without judging it; for the persistent index.
   */
  knownDiagnostics(path: string): readonly Diagnostic[] | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    if (entry.memoGen === this.gen && entry.memo) return entry.memo;
    if (entry.cached) return this.diagnostics(path);
    return undefined;
  }

  private judge(entry: Entry): Diagnostic[] {
    const ctx = this.context();
    const doc = this.docOf(entry);
    if (entry.localGen !== this.gen || !entry.local) {
      entry.local = run(LOCAL_RULES, doc, ctx);
      entry.localGen = this.gen;
    }
    const all = entry.local.concat(run(CROSS_RULES, doc, ctx));
    const out: Diagnostic[] = [];
    for (const d of all) {
      const s = this._settings.rules[d.code];
      if (s === 'off') continue;
      out.push(s && s !== d.severity ? { ...d, severity: s } : d);
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** The fixes a diagnostic's rule offers, given the document's current text. */
  fixes(path: string, diagnostic: Diagnostic, text: string): Fix[] {
    const entry = this.entries.get(path);
    const rule = RULES_BY_CODE.get(diagnostic.code);
    if (!entry || !rule?.fixes) return [];
    return rule.fixes(diagnostic, this.docOf(entry), { ...this.context(), lines: normalize(text).split('\n') });
  }

  /** The set a change collects its paths in: inside a batch, the batch's own (no copy per file). */
  private affectedSet(path: string): Set<string> {
    if (this.batchDepth === 0) return new Set([path]);
    if (!this.pending) this.pending = { paths: new Set(), all: false };
    return this.pending.paths.add(path);
  }

  private emit(paths: Set<string>, all: boolean): void {
    if (this.batchDepth > 0) {
      // `paths` came from affectedSet, or is an empty set (settings, today).
      if (!this.pending) this.pending = { paths: new Set(), all: false };
      if (paths !== this.pending.paths) for (const p of paths) this.pending.paths.add(p);
      this.pending.all ||= all;
      return;
    }
    this.fire(paths, all);
  }

  private fire(paths: Set<string>, all: boolean): void {
    if (all) {
      for (const e of this.entries.values()) this.forget(e);
    } else {
      for (const p of paths) {
        const e = this.entries.get(p);
        if (e) this.forget(e);
      }
    }
    // Every file still here, and every file the change removed (its diagnostics must go).
    this.notify(all ? new Set([...paths, ...this.entries.keys()]) : paths, all);
  }

  private notify(paths: Set<string>, all: boolean): void {
    const e: DatasetChange = { paths, all };
    for (const l of [...this.listeners]) l(e);
  }

  /** A change named the file: what was known of its diagnostics may be wrong now. */
  private forget(e: Entry): void {
    e.memo = undefined;
    e.cached = undefined;
  }

  /**
   * A person's facts changed: their person files (cadence, duplicates) and,
   * when the person file itself changed, every file that names them.
   */
  private touchKey(key: string, affected: Set<string>, references: boolean): void {
    if (references) for (const p of this.refsByKey.get(key) ?? []) affected.add(p);
    for (const p of this.peopleByKey.get(key) ?? []) affected.add(p);
    this.lastCache.delete(key);
    this.sortedNotes.delete(key);
  }

  private index(path: string, e: Entry, affected: Set<string>): void {
    const { kind, key } = e.summary;
    if (kind === 'person' && key !== undefined) {
      this.indexPerson(path, key);
      this.touchKey(key, affected, true);
    } else if (kind === '1on1' && key !== undefined) {
      this.indexNote(path, key);
      this.touchKey(key, affected, false);
    }
    this.indexRefs(path, e.summary.refs);
  }

  private indexPerson(path: string, key: string): void {
    let list = this.peopleByKey.get(key);
    if (!list) this.peopleByKey.set(key, (list = []));
    insertSorted(list, path);
    this.peopleDocs.delete(key);
    this.peopleSorted = undefined;
    this.personFiles++;
  }

  private indexNote(path: string, key: string): void {
    let set = this.notesByReport.get(key);
    if (!set) this.notesByReport.set(key, (set = new Set()));
    set.add(path);
  }

  private indexRefs(path: string, refs: readonly string[]): void {
    for (const ref of refs) {
      let set = this.refsByKey.get(ref);
      if (!set) this.refsByKey.set(ref, (set = new Set()));
      set.add(path);
    }
  }

  /** Builds what restoreAll left for later: the notes of each report, and who names whom. */
  private derive(): void {
    if (!this.deferred) return;
    this.deferred = false;
    for (const [path, e] of this.entries) {
      if (e.summary.kind === '1on1' && e.summary.key !== undefined) this.indexNote(path, e.summary.key);
      this.indexRefs(path, e.summary.refs);
    }
  }

  private unindex(path: string, e: Entry, affected: Set<string>): void {
    const { kind, key } = e.summary;
    if (kind === 'person' && key !== undefined) {
      const list = this.peopleByKey.get(key);
      if (list) {
        const i = list.indexOf(path);
        if (i !== -1) list.splice(i, 1);
        if (!list.length) this.peopleByKey.delete(key);
      }
      this.peopleDocs.delete(key);
      this.peopleSorted = undefined;
      this.personFiles--;
      this.touchKey(key, affected, true);
    } else if (kind === '1on1' && key !== undefined) {
      this.notesByReport.get(key)?.delete(path);
      this.touchKey(key, affected, false);
    }
    for (const ref of e.summary.refs) this.refsByKey.get(ref)?.delete(path);
  }
}

function run(rules: readonly Rule[], doc: Doc, ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(doc.kind)) continue;
    rule.check(doc, ctx, (range, message, data) => out.push({ code: rule.code, severity: rule.severity, message, range, data }));
  }
  return out;
}
