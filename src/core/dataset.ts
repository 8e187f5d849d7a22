// The dataset: every Cadence file of a workspace, parsed once, judged by the
// rules on demand, with the cross-file indexes the rules need (people by id,
// 1:1s by report, who names whom: cross-file-index.ts). Files come in one at
// a time; each change says which files' results may have moved, so the
// editor re-publishes only those.
//
// The indexes are built from each file's DocSummary (kind, key, date, the
// people it names), never from the document itself: a file restored from the
// persistent index (`restore`) is indexed from its summary and materialised
// only when something reads it (a rule, a view), which is what makes a warm
// start cheap.

import { CrossFileIndex, type DocSummary } from './cross-file-index';
import type { DatasetChange, DatasetEntry as Entry, LazyDoc, RestoredFile } from './dataset-types';
import { comparePaths } from './paths';
import type { Doc, FileKind, OkrSetDoc, PersonDoc, ReviewDoc } from './model';
import { withoutAliasEdits } from './fixes';
import { FILE_KINDS } from './kinds';
import { classify, parseDoc } from './parse/index';
import { RULES, RULES_BY_CODE } from './rules/index';
import type { DatasetQuery, Rule, RuleContext } from './rules/rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { factsOfDoc, factsOfText } from './rooms/rooms-input';
import { RoomsTracker } from './rooms/tracker';
import type { TextKeeper } from './rooms/text-store';
import type { LeakPassage } from './rooms/leak-index';
import { normalize } from './text';
import type { Diagnostic, Fix } from './types';

export type { DocSummary };
export type { CachedDiagnostics, DatasetChange, LazyDoc, RestoredFile } from './dataset-types';

const LOCAL_RULES = RULES.filter((r) => !r.crossFile);
const MERGE_CONFLICT = RULES_BY_CODE.get('merge-conflict')!;
const CROSS_RULES = RULES.filter((r) => r.crossFile);

/** What the dataset's indexes keep of a document; what each kind's holds: kinds.ts. */
export function summarize(doc: Doc): DocSummary {
  const s = FILE_KINDS.summarize(doc);
  return { kind: doc.kind, key: s.key, date: s.date, refs: s.refs, openDue: s.openDue, feedback: s.feedback === true };
}

/** The private-leak rule's index is kept unless the rule is turned off (then it costs nothing). */
function leaksOn(settings: Settings): boolean {
  return settings.rules['private-leak'] !== 'off';
}

export class Dataset {
  private readonly entries = new Map<string, Entry>();
  /** People by key, notes by report, who names whom: built from the entries' summaries. */
  private readonly cross = new CrossFileIndex(
    this.entries,
    (path) => this.docOf(this.entries.get(path)!),
    () => this._today,
  );
  /** The two rooms' leak index, and OKR sets with the reviews naming them (rooms/tracker.ts). */
  private readonly rooms: RoomsTracker;
  /** Diagnostics were asked for (or restored): a change must name every file whose results it may move. */
  private judged = false;
  /** What rules may ask of the rest of the dataset (people, their 1:1s, OKR sets, leaks). */
  readonly query: DatasetQuery = {
    ...this.cross.query,
    okrSet: (key) => {
      const path = this.rooms.setPath(key);
      const e = path === undefined ? undefined : this.entries.get(path);
      const d = e && (this.docOf(e) as OkrSetDoc);
      // A set in git conflict is judged as if absent (SPEC §10).
      return d && !d.conflicts.length ? d : undefined;
    },
    leaks: (path): readonly LeakPassage[] => this.rooms.passages(path, this._today),
  };
  private gen = 0;
  private listeners = new Set<(e: DatasetChange) => void>();
  private pending: { paths: Set<string>; all: boolean } | undefined;
  private batchDepth = 0;
  private _settings: Settings;
  private _today: string;
  /** Inside diagnostics(): what judging reads does not count as a use (release). */
  private judging = 0;

  /** `texts`: makes where each private-leak index keeps texts it has not read (rooms/text-store.ts; default: in memory). */
  constructor(options: { today: string; settings?: Settings; texts?: () => TextKeeper }) {
    this.rooms = new RoomsTracker(options.texts);
    this._today = options.today;
    this._settings = options.settings ?? DEFAULT_SETTINGS;
    this.rooms.setLeaksOn(leaksOn(this._settings), []);
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
    // private-leak turned on: every file waits for its text again (provideText).
    this.rooms.setLeaksOn(leaksOn(settings), this.entries.keys());
    this.gen++;
    this.emit(new Set(), true);
  }

  setToday(today: string): void {
    if (today === this._today) return;
    this._today = today;
    this.cross.todayChanged();
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
      this.endBatch();
    }
  }

  /**
   * A batch across awaits: one change event, for everything changed, when the
   * returned function is first called (none if nothing changed). For filling
   * a dataset in chunks while nothing else writes to it (a cold folder walk):
   * each file is judged once, against the whole folder.
   */
  hold(): () => void {
    this.batchDepth++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.endBatch();
    };
  }

  private endBatch(): void {
    if (--this.batchDepth === 0 && this.pending) {
      const p = this.pending;
      this.pending = undefined;
      this.fire(p.paths, p.all);
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
    this.insert(path, { doc, lazy: undefined, summary: summarize(doc), localGen: -1, memoGen: -1 }, text);
    return doc;
  }

  /**
   * As setFile(path, raw), with `doc` what setFile returned for the same raw
   * in another Dataset with the same settings (cli/parallel.ts: its judge's
   * person files); documents never change once made, so two may hold one.
   */
  setParsed(path: string, raw: string, doc: Doc): void {
    const text = normalize(raw);
    this.insert(path, { doc, lazy: undefined, summary: summarize(doc), localGen: -1, memoGen: -1 }, text);
  }

  /**
   * Adds an already-parsed document. Without its text the private-leak rule
   * does not see it until provideText gives it.
   */
  put(path: string, doc: Doc): void {
    this.insert(path, { doc, lazy: undefined, summary: summarize(doc), localGen: -1, memoGen: -1 });
  }

  /**
   * Adds a file read and judged elsewhere (a command-line worker,
   * cli/parallel.ts): `summary` is `summarize` of its whole document, `doc`
   * what the dataset keeps of it (other files' rules read only that: see
   * cli/parallel.ts's `keptOfNote`), `text` its normalised text for the
   * private-leak index. Its diagnostics come with presetDiagnostics.
   */
  putRead(path: string, summary: DocSummary, doc: Doc, text: string): void {
    this.insert(path, { doc, lazy: undefined, summary, localGen: -1, memoGen: -1 }, text);
  }

  /**
   * A file's diagnostics (severities applied, in order) computed elsewhere on
   * the same inputs (a command-line worker judging a private 1:1 against the
   * same person files): they stand until a change names the file, as
   * restored ones do. Call after the batch that added the file.
   * `judgeHere`: rules left out there (private-leak, which needs every
   * file's text), judged here on the document the dataset holds and merged
   * in, in order.
   */
  presetDiagnostics(path: string, diagnostics: Diagnostic[], judgeHere?: readonly Rule[]): void {
    const e = this.entries.get(path);
    if (e) e.cached = { loadDiagnostics: () => diagnostics, judgeHere };
  }

  /**
   * The text of a file held without it (restored from the persistent index,
   * or put), for the private-leak rule: the caller vouches it is the text the
   * held document was read from. Ignored for a file that is not waiting.
   */
  provideText(path: string, raw: string): void {
    const e = this.entries.get(path);
    if (!e || !this.rooms.waitsFor(path)) return;
    const text = normalize(raw);
    const facts = (!e.doc && factsOfText(e.summary.kind, text, e.summary.date)) || factsOfDoc(this.docOf(e));
    const affected = new Set<string>();
    this.rooms.provideText(path, text, facts, this.watched() ? affected : undefined);
    this.emit(affected, false);
  }

  /**
   * Could anyone see a change's effect on other files? Not before anything
   * was judged and with no listener (a command-line check loading its
   * files): then the private-leak index skips finding the shared files a
   * change may move (every file is judged afterwards anyway).
   */
  private watched(): boolean {
    return this.judged || this.listeners.size > 0;
  }

  /** Files held without their text (see provideText): the private-leak rule does not see them yet. */
  waitingForText(): string[] {
    return this.rooms.waiting();
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
    if (diagnosticsValid) this.judged = true;
    const hadPeople = this.cross.hasPeople();
    // Only the people index now; the indexes of who names whom wait until
    // something asks (a change, a rule): the saved diagnostics need neither.
    let count = 0;
    for (const f of files) {
      // Every field from the start: one object shape for every entry.
      const e: Entry = { doc: undefined, lazy: f.doc, summary: f.summary, local: undefined, localGen: -1, memo: undefined, memoGen: -1, cached: diagnosticsValid ? f.diagnostics : undefined, used: false };
      this.entries.set(f.path, e);
      count++;
      if (f.summary.kind === 'person' && f.summary.key !== undefined) this.cross.restoredPerson(f.path, f.summary.key);
      // Without its text: the private-leak rule waits for provideText.
      this.rooms.add(f.path, f.summary, undefined);
    }
    if (this.entries.size !== count) {
      this.clear();
      throw new Error('restoreAll: a path twice');
    }
    this.cross.restoredAll();
    const paths = new Set(this.entries.keys());
    // Inside a caller's batch the saved diagnostics fall to the batch's event.
    if (this.batchDepth > 0) this.emit(paths, hadPeople !== this.cross.hasPeople());
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
    this.cross.clear();
    this.rooms.clear();
  }

  deleteFile(path: string): void {
    const old = this.entries.get(path);
    if (!old) return;
    this.cross.derive();
    const affected = this.affectedSet(path);
    const hadPeople = this.cross.hasPeople();
    this.cross.remove(path, old.summary, affected);
    this.rooms.remove(path, old.summary, this.watched() ? affected : undefined);
    this.entries.delete(path);
    this.emit(affected, hadPeople !== this.cross.hasPeople());
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

  /** The file's document if it is loaded, without loading it and without counting as a use (see release; the index saver). */
  loaded(path: string): Doc | undefined {
    return this.entries.get(path)?.doc;
  }

  paths(): string[] {
    return [...this.entries.keys()].sort(comparePaths);
  }

  /** Every document but those in git conflict (SPEC §10: they count for nothing). */
  *docs(): IterableIterator<Doc> {
    for (const e of this.entries.values()) {
      const d = this.docOf(e);
      if (!d.conflicts.length) yield d;
    }
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
    for (const e of this.entries.values()) {
      if (e.summary.kind !== kind) continue;
      const d = this.docOf(e);
      if (!d.conflicts.length) out.push(d);
    }
    return out.sort((a, b) => comparePaths(a.path, b.path));
  }

  private docOf(e: Entry): Doc {
    if (!e.doc) {
      e.doc = e.lazy!.load();
      e.lazy = undefined;
    }
    if (this.judging === 0) e.used = true;
    return e.doc;
  }

  /**
   * Lets go of the documents read by nothing since the last release (a view,
   * a provider; judging does not count) but those `keep` names: each loads
   * again when read, from `stored(path, doc)` (where the persistent index
   * saved it; nothing: kept). No change event. Returns how many it let go of.
   */
  release(keep: (path: string) => boolean, stored: (path: string, doc: Doc) => LazyDoc | undefined): number {
    let n = 0;
    for (const [path, e] of this.entries) {
      const lazy = !e.doc || e.used || keep(path) ? undefined : stored(path, e.doc);
      e.used = false;
      if (lazy) [e.doc, e.lazy, n] = [undefined, lazy, n + 1];
    }
    // The cross-file index's lists of documents hold them too: made again when asked.
    if (n) this.cross.forgetDocs();
    return n;
  }

  private insert(path: string, entry: Entry, text?: string): void {
    this.cross.derive();
    const affected = this.affectedSet(path);
    const hadPeople = this.cross.hasPeople();
    const old = this.entries.get(path);
    const watched = this.watched();
    if (old) {
      this.cross.remove(path, old.summary, affected, true);
      this.rooms.remove(path, old.summary, watched ? affected : undefined);
    }
    this.entries.set(path, entry);
    this.cross.add(path, entry.summary, affected);
    this.rooms.add(path, entry.summary, watched ? affected : undefined, text === undefined || !entry.doc ? undefined : { text, facts: factsOfDoc(entry.doc) });
    // Only the appearance of the first person file (or the loss of the last)
    // switches unknown-person on or off everywhere.
    this.emit(affected, hadPeople !== this.cross.hasPeople());
  }

  /**
   * What a rule, a figure (metrics.ts) or a fix reads of the workspace:
   * today ('YYYY-MM-DD'), the settings, and the cross-file queries. The one
   * way to build a RuleContext from a dataset; a new object each call (today
   * and the settings can change).
   */
  context(): RuleContext {
    return { today: this._today, settings: this._settings, data: this.query };
  }

  /**
   * The file's diagnostics, severities from `cadence.rules` applied, in order.
   * `keep` false: for a caller that reads each file's once (the command
   * line's report, SPEC §9), not kept, so that a folder's never stand in
   * memory at once; saved or worker-made ones stay (asked again, the same).
   */
  diagnostics(path: string, keep = true): readonly Diagnostic[] {
    this.judged = true;
    const entry = this.entries.get(path);
    if (!entry) return [];
    if (entry.memoGen === this.gen && entry.memo) return entry.memo;
    this.judging++;
    try {
      if (entry.cached) {
        const { judgeHere } = entry.cached;
        const cached = entry.cached.loadDiagnostics();
        if (keep || !cached) entry.cached = undefined;
        if (cached) return this.remember(entry, judgeHere ? this.judgeAlso(entry, cached, judgeHere) : cached, keep);
      }
      return this.remember(entry, this.judge(entry), keep);
    } finally {
      this.judging--;
    }
  }

  /**
   * Diagnostics computed elsewhere with `rules` left out, and those rules'
   * own: as `judge` gives them (a file in git conflict gets nothing more;
   * the sort is stable, so ties keep each rule's order).
   */
  private judgeAlso(entry: Entry, diagnostics: Diagnostic[], rules: readonly Rule[]): Diagnostic[] {
    const doc = this.docOf(entry);
    if (doc.conflicts.length) return diagnostics;
    const more = run(rules, doc, this.context());
    return more.length ? this.severities(diagnostics.concat(more)) : diagnostics;
  }

  /** Kept until a change names the file; not inside a batch, whose change is still to come. */
  private remember(entry: Entry, diagnostics: Diagnostic[], keep: boolean): Diagnostic[] {
    if (keep && this.batchDepth === 0) {
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
    // A file in git conflict gets its conflict blocks and nothing else (SPEC §10).
    if (doc.conflicts.length) return this.severities(run([MERGE_CONFLICT], doc, ctx));
    if (entry.localGen !== this.gen || !entry.local) {
      entry.local = run(LOCAL_RULES, doc, ctx);
      entry.localGen = this.gen;
    }
    return this.severities(entry.local.concat(run(CROSS_RULES, doc, ctx)));
  }

  /** `cadence.rules` applied (severity changed, or off), in order of position, then code. */
  private severities(all: Diagnostic[]): Diagnostic[] {
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
    const lines = normalize(text).split('\n');
    return withoutAliasEdits(rule.fixes(diagnostic, this.docOf(entry), { ...this.context(), lines }), lines);
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

}

function run(rules: readonly Rule[], doc: Doc, ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(doc.kind)) continue;
    try {
      rule.check(doc, ctx, (range, message, data, related) => out.push(related ? { code: rule.code, severity: rule.severity, message, range, data, related } : { code: rule.code, severity: rule.severity, message, range, data }));
    } catch (err) {
      // A rule that throws is a bug: say so on the file, and judge everything else.
      out.push({ code: 'beyond-limits', severity: 'info', message: `Not judged by ${rule.code}: ${String(err).slice(0, 200)}.`, range: doc.firstLine });
    }
  }
  return out;
}
