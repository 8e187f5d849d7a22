// The dataset's cross-file indexes: person files by key, 1:1 notes by report
// key, and which files name whom. The rules' cross-file questions
// (DatasetQuery: is there a person @sam, when was the last 1:1 with them)
// are answered from here, and a change to one file is widened to the files
// whose results it may move (a person file changed: every file naming them).
//
// Everything is built from each file's DocSummary, never from the document:
// a file restored from the persistent index is indexed from its summary, and
// its document is loaded only when a query hands it out (people, notes).
// After a warm start only the people index is built at once; the notes and
// references wait until something needs them (`derive`).

import { lastHeldDate } from './meetings';
import type { Doc, FileKind, OneOnOneDoc, PersonDoc } from './model';
import { comparePaths } from './paths';
import type { DatasetQuery } from './rules/rule';

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
  /** A 1:1 holding at least one feedback entry (so a warm start answers hasFeedback without loading a 1:1). */
  readonly feedback: boolean;
}

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

export class CrossFileIndex {
  /** Paths of the person files per key, in path order (their documents stay unloaded until asked for). */
  private readonly peopleByKey = new Map<string, string[]>();
  private readonly peopleDocs = new Map<string, PersonDoc[]>();
  /** Paths of the 1:1 notes per report key. */
  private readonly notesByReport = new Map<string, Set<string>>();
  /** Paths of the files that name a key (report, owners). */
  private readonly refsByKey = new Map<string, Set<string>>();
  /** After a warm start: notesByReport and refsByKey are built when first needed (derive). */
  private deferred = false;
  private readonly lastCache = new Map<string, string | undefined>();
  private readonly sortedNotes = new Map<string, OneOnOneDoc[]>();
  private peopleSorted: PersonDoc[] | undefined;
  private personFiles = 0;
  /**
   * The 1:1 files holding a feedback entry (SPEC §14's "a workspace that
   * holds at least one"), from their summaries: after a warm start built
   * with the others by derive(), no 1:1 loaded.
   */
  private readonly feedbackFiles = new Set<string>();
  /** Set by a remove that a replacing add follows: whether the workspace held feedback before it. */
  private feedbackBefore: boolean | undefined;

  /**
   * `files`: the dataset's files by path (read, never changed here);
   * `load(path)`: the document of a file in `files`, loaded on first use;
   * `today()`: the dataset's today ('YYYY-MM-DD'; call todayChanged when it moves).
   */
  constructor(
    private readonly files: ReadonlyMap<string, { readonly summary: DocSummary }>,
    private readonly load: (path: string) => Doc,
    private readonly today: () => string,
  ) {}

  /** Today moved: a last 1:1 may now be one that was still ahead (an agenda prepared ahead). */
  todayChanged(): void {
    this.lastCache.clear();
  }

  /** At least one person file is indexed (unknown-person is silent otherwise). */
  hasPeople(): boolean {
    return this.personFiles > 0;
  }

  /** The rules' view of the indexes (SPEC: the cross-file rules). */
  readonly query: Omit<DatasetQuery, 'okrSet' | 'leaks'> = {
    hasPeople: () => this.personFiles > 0,
    peopleWithKey: (key) => {
      let docs = this.peopleDocs.get(key);
      if (!docs) {
        const paths = this.peopleByKey.get(key);
        if (!paths) return [];
        // A person file in git conflict is judged as if absent (SPEC §10).
        docs = paths.map((p) => this.load(p) as PersonDoc).filter((d) => !d.conflicts.length);
        this.peopleDocs.set(key, docs);
      }
      return docs;
    },
    knows: (key) => this.peopleByKey.has(key),
    people: () => {
      if (!this.peopleSorted) {
        const first: PersonDoc[] = [];
        for (const key of this.peopleByKey.keys()) {
          const d = this.query.peopleWithKey(key)[0];
          if (d) first.push(d);
        }
        this.peopleSorted = first.sort((a, b) => comparePaths(a.path, b.path));
      }
      return this.peopleSorted;
    },
    lastOneOnOne: (key) => {
      if (this.lastCache.has(key)) return this.lastCache.get(key);
      this.derive();
      // A summary's date is the note's, or a log's latest meeting's; only one
      // after today (an agenda prepared ahead) needs the document read.
      const today = this.today();
      let last: string | undefined;
      for (const p of this.notesByReport.get(key) ?? []) {
        let date = this.files.get(p)!.summary.date;
        if (date && date > today) date = lastHeldDate([this.load(p) as OneOnOneDoc], today);
        if (date && (!last || date > last)) last = date;
      }
      this.lastCache.set(key, last);
      return last;
    },
    notesOf: (key) => {
      let list = this.sortedNotes.get(key);
      if (!list) {
        this.derive();
        const notes = [...(this.notesByReport.get(key) ?? [])].map((p) => [p, this.files.get(p)!.summary] as const);
        notes.sort(([pa, a], [pb, b]) => (a.date ?? '').localeCompare(b.date ?? '') || comparePaths(pa, pb));
        list = notes.map(([p]) => this.load(p) as OneOnOneDoc);
        this.sortedNotes.set(key, list);
      }
      return list;
    },
    meKey: () => {
      for (const p of this.query.people()) if (p.me) return p.key;
      return 'me';
    },
    hasFeedback: () => {
      this.derive();
      return this.feedbackFiles.size > 0;
    },
  };

  /**
   * A 1:1 came (`holds`: whether it holds feedback) or went (`holds` false):
   * when the workspace gains its first feedback entry or loses its last,
   * no-recent-feedback may change on every person file. `replacing`: a
   * remove that an add of the same path follows; the add compares with the
   * workspace before the remove, so an edit that keeps the answer re-judges
   * no person file for it.
   */
  private feedbackChanged(path: string, holds: boolean, affected: Set<string>, replacing = false): void {
    const before = this.feedbackBefore ?? this.feedbackFiles.size > 0;
    if (holds) this.feedbackFiles.add(path);
    else this.feedbackFiles.delete(path);
    if (replacing) {
      this.feedbackBefore = before;
      return;
    }
    this.feedbackBefore = undefined;
    if (before !== this.feedbackFiles.size > 0) for (const list of this.peopleByKey.values()) for (const p of list) affected.add(p);
  }

  /**
   * Indexes a file now in `files`; adds to `affected` every file whose
   * results it may move: a person's other files and, for a person file,
   * every file that names them; for a 1:1, the report's person files.
   */
  add(path: string, summary: DocSummary, affected: Set<string>): void {
    const { kind, key } = summary;
    if (kind === 'person' && key !== undefined) {
      this.indexPerson(path, key);
      this.touchKey(key, affected, true);
    } else if (kind === '1on1' && key !== undefined) {
      this.indexNote(path, key);
      this.touchKey(key, affected, false);
    }
    // A replaced file's add settles the remove's comparison, whatever its kind now.
    if (kind === '1on1' || this.feedbackBefore !== undefined) this.feedbackChanged(path, kind === '1on1' && summary.feedback, affected);
    this.indexRefs(path, summary.refs);
  }

  /**
   * Un-indexes a file (its old summary) about to leave `files`, or, with
   * `replacing`, to be replaced (add follows for the same path, before any
   * other change); `affected` as for add.
   */
  remove(path: string, summary: DocSummary, affected: Set<string>, replacing = false): void {
    const { kind, key } = summary;
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
    if (kind === '1on1') this.feedbackChanged(path, false, affected, replacing);
    else if (replacing) this.feedbackBefore = this.feedbackFiles.size > 0;
    for (const ref of summary.refs) this.refsByKey.get(ref)?.delete(path);
  }

  /**
   * A warm start fills `files` in one go: each person file is indexed as it
   * comes (restoredPerson), then restoredAll() leaves the rest for derive.
   * Nothing is affected: every file is new.
   */
  restoredPerson(path: string, key: string): void {
    this.indexPerson(path, key);
  }

  restoredAll(): void {
    this.deferred = this.files.size > 0;
    this.feedbackFiles.clear();
    this.feedbackBefore = undefined;
  }

  /** Builds what restoredAll() left for later: the notes of each report, who names whom, the 1:1s holding feedback. Call before any add or remove. */
  derive(): void {
    if (!this.deferred) return;
    this.deferred = false;
    for (const [path, { summary }] of this.files) {
      if (summary.kind === '1on1') {
        if (summary.key !== undefined) this.indexNote(path, summary.key);
        if (summary.feedback) this.feedbackFiles.add(path);
      }
      this.indexRefs(path, summary.refs);
    }
  }

  /** The dataset let go of documents (Dataset.release): the lists of them kept here are made again when next asked for. */
  forgetDocs(): void {
    this.peopleDocs.clear();
    this.sortedNotes.clear();
    this.peopleSorted = undefined;
  }

  /** Forgets everything (the dataset was emptied). */
  clear(): void {
    this.peopleByKey.clear();
    this.peopleDocs.clear();
    this.notesByReport.clear();
    this.refsByKey.clear();
    this.lastCache.clear();
    this.sortedNotes.clear();
    this.peopleSorted = undefined;
    this.personFiles = 0;
    this.deferred = false;
    this.feedbackFiles.clear();
    this.feedbackBefore = undefined;
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
}
