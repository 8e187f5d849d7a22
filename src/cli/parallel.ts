// `cadence check` without keeping every parsed document, its 1:1 notes read
// across the machine's cores (issue 22, items 1 and 2).
//
// A plain check (no --fix) reads a folder in three steps:
//   1. The main thread reads every file once and classifies it. Files that
//      are not 1:1 notes (people, OKR sets and reviews, shared documents:
//      about 3% of a workspace) keep their text for step 3; of a 1:1 its
//      path, and its bytes while those kept stay under HOLD_BYTES (the
//      judge does not read it again: the main thread's, or a worker's,
//      which is handed them with its chunk).
//   2. The 1:1 notes are parsed and judged in chunks, by worker threads and
//      by the main thread itself (or by the main thread alone for a small
//      workspace, where starting workers costs more than it saves): each
//      worker asks for its next chunk as it sends one back, and the main
//      thread takes the next chunk itself whenever step 3 waits; a worker
//      is given the person files parsed. A 1:1's rules read only its own document and the person files (rules/*.ts:
//      people, knows, meKey, hasPeople), so each judge holds the person
//      files' documents and one note at a time, and returns the note's
//      diagnostics, its summary, its normalised text (for the private-leak
//      index) and `keptOfNote` of its document: what the person files'
//      rules read of their notes (dates, meetings, feedback). A shared
//      1:1's private-leak, which needs every file's text, is left to the
//      main thread (the rule reads only the note's path and kind).
//   3. The main thread fills one Dataset in the walk's order, as results
//      come (only the chunks finished ahead of their turn wait, not every
//      note's result): the files of step 1 parsed there, the notes put with
//      what step 2 kept and their diagnostics preset; it then judges what is
//      left (people, OKR files, private-leak of the shared files) exactly as
//      before.
// The output is the same, byte for byte, as loadFolder's (which keeps every
// document and still serves --fix, `cadence new` and `cadence review`):
// test/unit/cli-parallel.test.ts holds the two to it on every example, on a
// generated workspace and through 0, 1 and 2 workers.
//
// The core stays pure: it is handed text, here and in the workers.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { Dataset, type DocSummary } from '../core/dataset';
import { useBundle, type Bundle } from '../core/l10n';
import type { DateField, Doc, OneOnOneDoc } from '../core/model';
import { classify } from '../core/parse/index';
import { RULES_BY_CODE } from '../core/rules/index';
import type { Settings } from '../core/settings';
import { decodeFile, normalize } from '../core/text';
import type { Diagnostic } from '../core/types';
import { folderSettings, readCandidate, type CheckOptions, type LoadedFolder } from './check';
import { Interner } from './intern';
import { packHeld, unpackHeld, type ChunkOfNotes } from './held-bytes';
import { SpillTextStore } from './spill-store';
import { walk } from './walk';

/** The key of workerData that marks a check worker (main.ts starts one when it sees it). */
export const CHECK_WORKER = 'cadenceCheckWorker';

/**
 * Below this many 1:1 notes the main thread reads them alone: a worker's
 * start (loading the bundle, parsing the person files again) and the copy of
 * its results cost more than a core saves. Measured on the bench corpus on
 * 2 cores busy with other work: a worker paid for itself from a few
 * thousand notes. On 2 idle cores it pays later (ONE_SPARE_CORE_MIN_NOTES);
 * machines with more cores were not measured.
 */
export const WORKER_MIN_NOTES = 3000;
/**
 * With one spare core (a 2-core machine), below this many 1:1 notes no
 * worker starts: the worker's start then competes with the main thread's
 * own background threads (V8's compiler and garbage collector) for the
 * second core. Measured on the bench corpus on 2 idle cores (2026-12-01,
 * `npm run bench`, medians of 3, one worker vs none): 10k notes 3.94 s vs
 * 3.40 s (the worker costs 0.5 s, and 1.9 s of CPU time), 50k notes
 * 15.65 s vs 17.87 s (it saves 2.2 s); the saving grows about 0.07 s per
 * thousand notes, so it pays from about 16,000–18,000.
 */
export const ONE_SPARE_CORE_MIN_NOTES = 16000;
/**
 * Step 1 keeps the bytes of the 1:1 notes it reads, in the walk's order, up
 * to this many in all, for the judge, which then decodes them again but
 * does not read them again (a worker is handed those of its chunk, packed:
 * held-bytes.ts); beyond it the note is read again. Bytes, not the decoded
 * strings: a buffer's bytes lie outside the heap, where the young generation's
 * collections do not copy them (as strings they cost ~0.1 s of scavenges at
 * 10k notes). The 10k bench corpus (17 MB) is held whole.
 */
export const HOLD_BYTES = 24 * 1024 * 1024;
/**
 * A walk that finds more files than this keeps no note in step 1: in a
 * workspace that large the peak matters more than a second read. Measured
 * at 50k notes (one run each, 2026-12-01): one thread 356 MB peak holding
 * none, 367 MB holding HOLD_BYTES (11.4 vs 9.8 s); with a worker 381 vs
 * 385 MB (9.7 vs 8.8 s).
 */
export const HOLD_MAX_FILES = 20000;
/** At most this many workers when CADENCE_CHECK_WORKERS asks for more. */
const MAX_FORCED_WORKERS = 7;
/**
 * At most this many workers (the main thread reads a share too), each with
 * a share of at least SHARE_MIN_NOTES: every worker compiles the bundle and
 * warms its JIT afresh, which cost about 2 s of CPU time on the 10k bench
 * corpus (one worker, 2 busy cores), so many small shares would cost more
 * than they save.
 */
const MAX_WORKERS = 3;
const SHARE_MIN_NOTES = 2500;
/** What the main thread judges of a shared 1:1: it needs every file's text. */
const LEAK_RULE = [RULES_BY_CODE.get('private-leak')!];
const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF a text starts with is part of it (normalize has taken the BOM off already).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export interface Job {
  /** Its place in the walk. */
  readonly index: number;
  readonly path: string;
}

/** What step 2 returns for one 1:1 note. */
type NoteResult =
  | {
      readonly index: number;
      readonly path: string;
      readonly kind: 'judged';
      /**
       * Its normalised text: from a worker as UTF-8, whose buffer is handed
       * over rather than a string copied (which would take twice the room in
       * the heap); from the main thread's own judge the string itself.
       */
      readonly text: string | Uint8Array;
      readonly summary: DocSummary;
      readonly kept: OneOnOneDoc;
      readonly diagnostics: Diagnostic[];
      /** A shared 1:1: private-leak, left out of `diagnostics`, is judged by the main thread. */
      readonly shared: boolean;
    }
  /** The main thread parses and judges it: a shared 1:1, or no 1:1 on this read (changed meanwhile). */
  | { readonly index: number; readonly path: string; readonly kind: 'main'; readonly raw: string }
  /** Not read or not decoded this time (changed meanwhile): the main thread reads it again and says why. */
  | { readonly index: number; readonly path: string; readonly kind: 'redo' };

interface WorkerInput {
  readonly [CHECK_WORKER]: true;
  readonly folder: string;
  readonly today: string;
  readonly settings: Settings;
  readonly bundle: Bundle | undefined;
  /**
   * The person files, path and text as read, each with the main thread's
   * document of it (a copy: the worker does not parse them again).
   */
  readonly people: readonly PersonInput[];
}

/** A person file for a judge: its text as read, and its document when parsed already (a worker's: the main thread's, copied). */
interface PersonInput {
  readonly path: string;
  readonly raw: string;
  readonly doc?: Doc;
}

/** The one empty list every kept note shares (frozen: a kept note is read, never changed). */
const NONE: readonly never[] = Object.freeze([]);
const orNone = <T>(list: readonly T[]): readonly T[] => (list.length === 0 ? NONE : list);

/**
 * A kept note's `date:` field: only that it had one, which is all that is
 * read of it once its own rules have run (rooms-input.ts: a note with the
 * field is no running log; its value is the note's `date`). One object for
 * every note instead of a field and its range each: 9.6 MB less live heap
 * after loading 50k notes (153.7 → 144.1 MB, in one thread).
 */
export const KEPT_DATE_FIELD: DateField = Object.freeze({
  name: 'date',
  raw: '',
  valid: false,
  value: undefined,
  range: Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) }),
});

/**
 * What the dataset keeps of a 1:1 judged elsewhere: every field the person
 * files' rules, the leak index and private-leak read of a note
 * (no-recent-feedback: its held 1:1s and feedback entries, meetings.ts;
 * cadence-lapsed: its date or its log's meeting dates; rooms-input.ts:
 * visibility, date, its `date:` field, a log's meetings; private-leak: path,
 * kind, conflicts), without what only the note's own rules read (items,
 * headings, talking points, retrospective lines, fields' ranges, what its
 * `date:` field said: KEPT_DATE_FIELD ...), which
 * is most of a document's memory. Its empty lists are one shared list, so
 * the main thread calls it again on what a worker sent (a copy, whose
 * empty lists are each a new one). With `intern` (the main thread's), its
 * date and its report's id and key are the interned strings (intern.ts).
 */
export function keptOfNote(doc: OneOnOneDoc, intern?: Interner): OneOnOneDoc {
  const report = intern && doc.report ? { ...doc.report, id: intern.of(doc.report.id), key: intern.of(doc.report.key) } : doc.report;
  return {
    kind: doc.kind,
    path: doc.path,
    lineCount: doc.lineCount,
    yamlErrors: NONE,
    limits: NONE,
    conflicts: orNone(doc.conflicts),
    dates: NONE,
    firstLine: doc.firstLine,
    items: NONE,
    headings: NONE,
    privateBlocks: NONE,
    frontMatterEnd: doc.frontMatterEnd,
    date: intern ? intern.of(doc.date) : doc.date,
    visibilityField: undefined,
    visibility: doc.visibility,
    hasFrontMatter: doc.hasFrontMatter,
    report,
    reportKey: intern ? intern.of(doc.reportKey) : doc.reportKey,
    log: doc.log,
    meetings: orNone(doc.meetings),
    meetingDepth: doc.meetingDepth,
    talkingPoints: NONE,
    talkingPointSections: NONE,
    dateField: doc.dateField && KEPT_DATE_FIELD,
    happinessField: undefined,
    happiness: doc.happiness,
    performanceField: undefined,
    managerRatingField: undefined,
    reportRatingField: undefined,
    managerRating: doc.managerRating,
    reportRating: doc.reportRating,
    retro: NONE,
    feedback: orNone(doc.feedback),
    feedbackSections: NONE,
  };
}

/** Parses and judges 1:1 notes against the person files: step 2, in a worker or in the main thread. */
class NoteJudge {
  private readonly ds: Dataset;
  /** The person files' documents, by path (the main thread's dataset takes them as they are: setParsed). */
  readonly personDocs = new Map<string, Doc>();

  constructor(
    private readonly folder: string,
    today: string,
    private readonly settings: Settings,
    people: readonly PersonInput[],
    /** In a worker: the text goes back as UTF-8, to be handed over (see NoteResult). */
    private readonly asBytes: boolean,
    /** In the main thread: the strings its kept notes repeat are shared (intern.ts). */
    private readonly intern?: Interner,
  ) {
    // private-leak needs every file's text: the main thread judges it (a shared 1:1's, with judgeHere).
    this.ds = new Dataset({ today, settings: { ...settings, rules: { ...settings.rules, 'private-leak': 'off' } } });
    this.ds.batch(() => {
      for (const p of people) {
        if (p.doc) {
          this.ds.setParsed(p.path, p.raw, p.doc);
          this.personDocs.set(p.path, p.doc);
          continue;
        }
        const doc = this.ds.setFile(p.path, p.raw);
        if (doc) this.personDocs.set(p.path, doc);
      }
    });
  }

  /**
   * Judges one 1:1 note: `held` is its bytes as step 1 read them, else it
   * is read again here (beyond HOLD_BYTES).
   */
  judge(job: Job, held?: Uint8Array): NoteResult {
    const { index, path } = job;
    let raw: string;
    try {
      const decoded = decodeFile(held ?? readFileSync(join(this.folder, path)), this.settings.maxFileSizeKB);
      if ('skip' in decoded) return { index, path, kind: 'redo' };
      raw = decoded.text;
    } catch {
      return { index, path, kind: 'redo' };
    }
    const doc = this.ds.setFile(path, raw);
    if (!doc || doc.kind !== '1on1') {
      this.ds.deleteFile(path);
      return { index, path, kind: 'main', raw };
    }
    const diagnostics = this.ds.diagnostics(path) as Diagnostic[];
    const summary = this.ds.summary(path)!;
    this.ds.deleteFile(path);
    return { index, path, kind: 'judged', text: this.asBytes ? encoder.encode(normalize(raw)) : normalize(raw), summary, kept: keptOfNote(doc, this.intern), diagnostics, shared: doc.visibility === 'shared' };
  }
}

/**
 * How many workers a check of `notes` 1:1s starts: CADENCE_CHECK_WORKERS
 * when set (0: none; at most MAX_FORCED_WORKERS, and never more than the
 * notes), else none below WORKER_MIN_NOTES notes (ONE_SPARE_CORE_MIN_NOTES
 * with a single spare core), and from there one per spare core, at most
 * MAX_WORKERS, each share (the main thread's included) SHARE_MIN_NOTES or more.
 */
export function workerCount(notes: number, env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const forced = env.CADENCE_CHECK_WORKERS;
  if (forced !== undefined && forced !== '' && /^\d+$/.test(forced)) return Math.min(Number(forced), MAX_FORCED_WORKERS, notes);
  if (notes < (cores - 1 === 1 ? ONE_SPARE_CORE_MIN_NOTES : WORKER_MIN_NOTES)) return 0;
  return Math.max(0, Math.min(cores - 1, MAX_WORKERS, Math.max(1, Math.floor(notes / SHARE_MIN_NOTES) - 1)));
}

/** The script a worker runs: this bundle (dist/cli.js), or undefined when running from the TypeScript sources. */
function workerScript(): string | undefined {
  return __filename.endsWith('.js') ? __filename : undefined;
}

/**
 * How many 1:1 notes one chunk of step 2 holds: small enough that the main
 * thread and the workers share the notes evenly and that few results wait
 * for their turn in step 3, large enough that a chunk's messages cost little
 * beside its judging (at least 8 chunks a judge, at most CHUNK_NOTES notes).
 */
export function chunkSize(notes: number, workers: number): number {
  return Math.max(1, Math.min(CHUNK_NOTES, Math.ceil(notes / (8 * (workers + 1)))));
}
const CHUNK_NOTES = 64;

/** A message from a worker: the results of one chunk; or 'ready': started, its person files read. */
type FromWorker = { readonly chunk: number; readonly results: NoteResult[] } | 'ready';
/** A message to a worker: judge these notes (one chunk); or 'end': no more. */
type ChunkJob = ChunkOfNotes | 'end';

export interface LeanOptions extends CheckOptions {
  /** The l10n bundle the workers use (the main thread's). */
  readonly bundle?: Bundle;
  /** How many workers to start (default: workerCount of the notes). */
  readonly workers?: number;
  /** The script each worker runs (default: this bundle; from the TypeScript sources, none starts). */
  readonly workerScript?: string;
  /** How many bytes of 1:1 notes step 1 keeps for the main thread's judge (default HOLD_BYTES, none beyond HOLD_MAX_FILES files). */
  readonly holdBytes?: number;
}

/**
 * Reads FOLDER as `cadence check` does (settings, walk, each file decoded,
 * the same notes on stderr), keeping only what the dataset needs of each
 * private 1:1 (see the file's header). The result has no `files` (use
 * loadFolder for --fix). Step 2's notes go in chunks to whichever judge is
 * free (a worker asks for its next chunk as it sends one back; the main
 * thread takes the next one itself when the dataset is waiting), and step 3
 * puts each result in as soon as every file before it is in: only the
 * results of chunks finished ahead of their turn are held at once, not every
 * note's. Resolves once the dataset is filled.
 */
export async function loadFolderLean(opts: LeanOptions): Promise<LoadedFolder> {
  const { settings, filesExclude, notes } = folderSettings(opts.folder, opts.rules);

  // Step 1: read and classify every file, in the walk's order.
  const paths = walk(opts.folder, filesExclude, notes);
  /** Per walk index: the text of a file the main thread parses (undefined for a 1:1 or a file skipped). */
  const early: (string | undefined)[] = new Array(paths.length);
  /** Per walk index: 1 for a 1:1 note (step 2 judges it). */
  const isNote = new Uint8Array(paths.length);
  const people: PersonInput[] = [];
  const jobs: Job[] = [];
  /** Per walk index: a 1:1's bytes as read, kept for its judge (the main thread's or a worker's) while HOLD_BYTES allows. */
  const held: (Uint8Array | undefined)[] = new Array(paths.length);
  const holdBytes = opts.holdBytes ?? (paths.length > HOLD_MAX_FILES ? 0 : HOLD_BYTES);
  let heldBytes = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    const decoded = readCandidate(opts.folder, path, settings.maxFileSizeKB, notes);
    if (!decoded) continue;
    const kind = classify(path, normalize(decoded.text), settings);
    if (kind === '1on1') {
      jobs.push({ index: i, path });
      isNote[i] = 1;
      if (heldBytes + decoded.bytes.byteLength <= holdBytes) {
        held[i] = decoded.bytes;
        heldBytes += decoded.bytes.byteLength;
      }
    } else if (kind) {
      early[i] = decoded.text;
      if (kind === 'person') people.push({ path, raw: decoded.text });
    }
  }

  // Steps 2 and 3 together: the notes judged in chunks, the dataset filled in the walk's order as results come.
  const results: (NoteResult | undefined)[] = new Array(paths.length);
  const script = opts.workerScript ?? workerScript();
  const n = script ? (opts.workers ?? workerCount(jobs.length)) : 0;
  const size = chunkSize(jobs.length, n);
  const chunks: Job[][] = [];
  for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size));
  /** One string for each value the kept notes repeat (intern.ts). */
  const interner = new Interner();
  const judge = new NoteJudge(opts.folder, opts.today, settings, people, false, interner);
  // The texts the private-leak index has not read yet wait in a temporary file, not in memory (spill-store.ts).
  const dataset = new Dataset({ today: opts.today, settings, texts: () => new SpillTextStore() });
  const preset: [string, Diagnostic[], boolean][] = [];

  /** The next file to put in the dataset (a walk index). */
  let next = 0;
  const fill = (): void => {
    for (; next < paths.length; next++) {
      const path = paths[next];
      const text = early[next];
      if (text !== undefined) {
        early[next] = undefined;
        const doc = judge.personDocs.get(path);
        if (doc) dataset.setParsed(path, text, doc);
        else dataset.setFile(path, text);
        continue;
      }
      if (!isNote[next]) continue;
      const r = results[next];
      if (!r) return;
      // Let go of each result once it is in: the dataset packs the texts it keeps (rooms/text-store.ts).
      results[next] = undefined;
      if (r.kind === 'judged') {
        dataset.putRead(path, interner.summary(r.summary), r.kept, typeof r.text === 'string' ? r.text : decoder.decode(r.text));
        preset.push([path, r.diagnostics, r.shared]);
      } else if (r.kind === 'main') dataset.setFile(path, r.raw);
      else {
        // Changed between two reads: read as loadFolder reads it.
        const read = readCandidate(opts.folder, path, settings.maxFileSizeKB, notes);
        if (read) dataset.setFile(path, read.text);
      }
    }
  };

  /** Chunks to judge: first those a stopped worker did not send back, then the next never handed out. */
  const orphans: number[] = [];
  let handedOut = 0;
  const take = (): number => orphans.shift() ?? (handedOut < chunks.length ? handedOut++ : -1);
  /** A chunk for a worker, with the bytes held for its notes (they go from here). */
  const takeForWorker = (): ChunkOfNotes | undefined => {
    const c = take();
    return c === -1 ? undefined : { chunk: c, jobs: chunks[c], held: packHeld(chunks[c], held) };
  };
  /** Wakes the main thread when it waits for a worker. */
  let wake: (() => void) | undefined;
  const poke = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const workers: ChunkWorker[] = [];
  // The workers take the person files parsed: a worker's own parse of them
  // would be its first YAML, with nothing compiled yet (about 0.3 s of CPU
  // time for the 251 person files of the 10k bench corpus).
  const parsedPeople: PersonInput[] = n ? people.map((p) => ({ ...p, doc: judge.personDocs.get(p.path) })) : [];
  for (let w = 0; w < n; w++) {
    workers.push(
      new ChunkWorker(script!, { [CHECK_WORKER]: true, folder: opts.folder, today: opts.today, settings, bundle: opts.bundle, people: parsedPeople }, takeForWorker, {
        done: (r) => {
          for (const x of r) results[x.index] = x.kind === 'judged' ? { ...x, kept: keptOfNote(x.kept, interner) } : x;
          poke();
        },
        // A worker that cannot start or dies: the main thread judges what it had not sent (what it sent stands).
        lost: (chunkIds) => {
          orphans.push(...chunkIds);
          poke();
        },
      }),
    );
  }

  const release = dataset.hold();
  try {
    for (;;) {
      fill();
      if (next >= paths.length) break;
      const c = take();
      if (c !== -1) {
        for (const job of chunks[c]) {
          results[job.index] = judge.judge(job, held[job.index]);
          held[job.index] = undefined;
        }
        // A turn of the event loop, for the workers' messages.
        if (workers.length) await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      // Every chunk is handed out and the next in turn is still in a worker's hands.
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const w of workers) w.end();
    release();
  }
  for (const [path, diagnostics, shared] of preset) dataset.presetDiagnostics(path, diagnostics, shared ? LEAK_RULE : undefined);
  return { folder: opts.folder, dataset, files: new Map(), notes };
}

/**
 * A check worker fed chunk by chunk: its first two once it is ready (until
 * then the main thread judges the notes in order and puts each in at once,
 * rather than judging ahead of chunks a starting worker holds), then one
 * more as it sends each back, so it holds two at most.
 */
class ChunkWorker {
  private readonly worker: Worker;
  /** Chunks handed to it and not yet sent back. */
  private readonly held = new Set<number>();
  private over = false;

  constructor(
    script: string,
    input: WorkerInput,
    private readonly take: () => ChunkOfNotes | undefined,
    private readonly on: { readonly done: (results: NoteResult[]) => void; readonly lost: (chunks: number[]) => void },
  ) {
    this.worker = new Worker(script, { workerData: input });
    this.worker.on('message', (m: FromWorker) => {
      if (this.over) return;
      if (m === 'ready') {
        this.feed();
        this.feed();
        return;
      }
      this.held.delete(m.chunk);
      this.on.done(m.results);
      this.feed();
    });
    this.worker.on('error', () => this.lose());
    this.worker.on('exit', () => this.lose());
  }

  /** Hands it the next chunk, if there is one (its held bytes handed over, not copied). */
  private feed(): void {
    const c = this.take();
    if (!c) return;
    this.held.add(c.chunk);
    this.worker.postMessage(c satisfies ChunkJob, c.held ? [c.held.bytes.buffer as ArrayBuffer, c.held.ends.buffer as ArrayBuffer] : []);
  }

  /** It stopped (or failed to start): what it held goes back to the main thread. */
  private lose(): void {
    if (this.over) return;
    this.over = true;
    const held = [...this.held];
    this.held.clear();
    if (held.length) this.on.lost(held);
  }

  /** No more chunks: it may go (its last results have been read). */
  end(): void {
    this.over = true;
    this.worker.postMessage('end' satisfies ChunkJob);
  }
}

/** The texts' buffers of a batch of results, handed over with it rather than copied. */
function transfers(batch: readonly NoteResult[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const r of batch) if (r.kind === 'judged' && typeof r.text !== 'string') out.push(r.text.buffer as ArrayBuffer);
  return out;
}

/** Is this thread a check worker (started by loadFolderLean)? */
export function isCheckWorker(): boolean {
  return !!parentPort && !!workerData && (workerData as Partial<WorkerInput>)[CHECK_WORKER] === true;
}

/** A worker's whole life: judge each chunk it is handed and send its results back, until told there are no more. */
export function runCheckWorker(): void {
  const input = workerData as WorkerInput;
  useBundle(input.bundle);
  const judge = new NoteJudge(input.folder, input.today, input.settings, input.people, true);
  const port = parentPort!;
  port.on('message', (m: ChunkJob) => {
    if (m === 'end') {
      port.close();
      return;
    }
    const held = unpackHeld(m.jobs.length, m.held);
    const results = m.jobs.map((job, k) => judge.judge(job, held[k]));
    port.postMessage({ chunk: m.chunk, results } satisfies FromWorker, transfers(results));
  });
  port.postMessage('ready' satisfies FromWorker);
}
