// The dataset: every Cadence file of a workspace, parsed once, with the
// cross-file indexes the rules need (people by id, 1:1s by report, who names
// whom). Files come in one at a time; each change says which files' results
// may have moved, so the editor re-publishes only those.

import { comparePaths } from './paths';
import type { Doc, OneOnOneDoc, OkrSetDoc, PersonDoc, ReviewDoc } from './model';
import { classify, parseDoc } from './parse/index';
import { RULES, RULES_BY_CODE } from './rules/index';
import type { DatasetQuery, Rule, RuleContext } from './rules/rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { normalize } from './text';
import type { Diagnostic, Fix } from './types';

export interface DatasetChange {
  /** Files whose diagnostics or figures may differ now. */
  readonly paths: ReadonlySet<string>;
  /** True when every file may differ (settings, today, people appearing at all). */
  readonly all: boolean;
}

interface Entry {
  readonly doc: Doc;
  /** Diagnostics of rules that read only this file, for `localGen`. */
  local?: Diagnostic[];
  localGen: number;
}

const LOCAL_RULES = RULES.filter((r) => !r.crossFile);
const CROSS_RULES = RULES.filter((r) => r.crossFile);

function insertSorted(list: PersonDoc[], doc: PersonDoc): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePaths(list[mid].path, doc.path) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, doc);
}

/** Keys of the people a document names (owners, reports). */
function referencedKeys(doc: Doc): string[] {
  const keys: string[] = [];
  if (doc.kind === '1on1' || doc.kind === 'okr-review') {
    if (doc.kind === '1on1' && doc.report) keys.push(doc.report.key);
    for (const i of doc.items) if (i.owner) keys.push(i.owner.key);
  } else if (doc.kind === 'okr') {
    if (doc.owner) keys.push(doc.owner.key);
    for (const o of doc.objectives) {
      if (o.owner) keys.push(o.owner.key);
      for (const k of o.keyResults) if (k.owner) keys.push(k.owner.key);
    }
  }
  return keys;
}

export class Dataset {
  private readonly entries = new Map<string, Entry>();
  private readonly peopleByKey = new Map<string, PersonDoc[]>();
  private readonly notesByReport = new Map<string, Set<OneOnOneDoc>>();
  private readonly refsByKey = new Map<string, Set<string>>();
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
    const doc = parseDoc(path, text, kind);
    this.put(path, doc);
    return doc;
  }

  /** Adds an already-parsed document (the persistent index's fast start). */
  put(path: string, doc: Doc): void {
    const affected = new Set<string>([path]);
    const hadPeople = this.personFiles > 0;
    const old = this.entries.get(path);
    if (old) this.unindex(old.doc, affected);
    this.entries.set(path, { doc, localGen: -1 });
    this.index(doc, affected);
    // Only the appearance of the first person file (or the loss of the last)
    // switches unknown-person on or off everywhere.
    this.emit(affected, hadPeople !== this.personFiles > 0);
  }

  deleteFile(path: string): void {
    const old = this.entries.get(path);
    if (!old) return;
    const affected = new Set<string>([path]);
    const hadPeople = this.personFiles > 0;
    this.unindex(old.doc, affected);
    this.entries.delete(path);
    this.emit(affected, hadPeople !== this.personFiles > 0);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  doc(path: string): Doc | undefined {
    return this.entries.get(path)?.doc;
  }

  paths(): string[] {
    return [...this.entries.keys()].sort(comparePaths);
  }

  *docs(): IterableIterator<Doc> {
    for (const e of this.entries.values()) yield e.doc;
  }

  people(): readonly PersonDoc[] {
    return this.query.people();
  }

  okrSets(): OkrSetDoc[] {
    return [...this.docs()].filter((d): d is OkrSetDoc => d.kind === 'okr').sort((a, b) => comparePaths(a.path, b.path));
  }

  reviews(): ReviewDoc[] {
    return [...this.docs()].filter((d): d is ReviewDoc => d.kind === 'okr-review').sort((a, b) => comparePaths(a.path, b.path));
  }

  readonly query: DatasetQuery = {
    hasPeople: () => this.personFiles > 0,
    peopleWithKey: (key) => this.peopleByKey.get(key) ?? [],
    people: () => {
      if (!this.peopleSorted) {
        this.peopleSorted = [...this.peopleByKey.values()].map((l) => l[0]).sort((a, b) => comparePaths(a.path, b.path));
      }
      return this.peopleSorted;
    },
    lastOneOnOne: (key) => {
      if (this.lastCache.has(key)) return this.lastCache.get(key);
      let last: string | undefined;
      for (const n of this.notesByReport.get(key) ?? []) if (n.date && (!last || n.date > last)) last = n.date;
      this.lastCache.set(key, last);
      return last;
    },
    notesOf: (key) => {
      let list = this.sortedNotes.get(key);
      if (!list) {
        list = [...(this.notesByReport.get(key) ?? [])].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || comparePaths(a.path, b.path));
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
  diagnostics(path: string): Diagnostic[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    const ctx = this.context();
    if (entry.localGen !== this.gen || !entry.local) {
      entry.local = run(LOCAL_RULES, entry.doc, ctx);
      entry.localGen = this.gen;
    }
    const all = entry.local.concat(run(CROSS_RULES, entry.doc, ctx));
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
    return rule.fixes(diagnostic, entry.doc, { ...this.context(), lines: normalize(text).split('\n') });
  }

  private emit(paths: Set<string>, all: boolean): void {
    if (this.batchDepth > 0) {
      if (!this.pending) this.pending = { paths: new Set(), all: false };
      for (const p of paths) this.pending.paths.add(p);
      this.pending.all ||= all;
      return;
    }
    this.fire(paths, all);
  }

  private fire(paths: Set<string>, all: boolean): void {
    const e: DatasetChange = { paths: all ? new Set(this.entries.keys()) : paths, all };
    for (const l of [...this.listeners]) l(e);
  }

  /**
   * A person's facts changed: their person files (cadence, duplicates) and,
   * when the person file itself changed, every file that names them.
   */
  private touchKey(key: string, affected: Set<string>, references: boolean): void {
    if (references) for (const p of this.refsByKey.get(key) ?? []) affected.add(p);
    for (const p of this.peopleByKey.get(key) ?? []) affected.add(p.path);
    this.lastCache.delete(key);
    this.sortedNotes.delete(key);
  }

  private index(doc: Doc, affected: Set<string>): void {
    if (doc.kind === 'person') {
      let list = this.peopleByKey.get(doc.key);
      if (!list) this.peopleByKey.set(doc.key, (list = []));
      insertSorted(list, doc);
      this.peopleSorted = undefined;
      this.personFiles++;
      this.touchKey(doc.key, affected, true);
    } else if (doc.kind === '1on1' && doc.report) {
      let set = this.notesByReport.get(doc.report.key);
      if (!set) this.notesByReport.set(doc.report.key, (set = new Set()));
      set.add(doc);
      this.touchKey(doc.report.key, affected, false);
    }
    for (const key of referencedKeys(doc)) {
      let set = this.refsByKey.get(key);
      if (!set) this.refsByKey.set(key, (set = new Set()));
      set.add(doc.path);
    }
  }

  private unindex(doc: Doc, affected: Set<string>): void {
    if (doc.kind === 'person') {
      const list = this.peopleByKey.get(doc.key);
      if (list) {
        const i = list.indexOf(doc);
        if (i !== -1) list.splice(i, 1);
        if (!list.length) this.peopleByKey.delete(doc.key);
      }
      this.peopleSorted = undefined;
      this.personFiles--;
      this.touchKey(doc.key, affected, true);
    } else if (doc.kind === '1on1' && doc.report) {
      this.notesByReport.get(doc.report.key)?.delete(doc);
      this.touchKey(doc.report.key, affected, false);
    }
    for (const key of referencedKeys(doc)) this.refsByKey.get(key)?.delete(doc.path);
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
