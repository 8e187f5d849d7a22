// The persistent index: every file's parsed document, with the size and
// modification time it was read at, so reopening a workspace re-reads only
// the files that changed. Pure: bytes in, bytes out; the extension stores
// them in its workspace storage.
//
// What does a warm start have to load? Not every document: measured on the
// generated 10k-note workspace, JSON of the plain model is ~7 KB a note and
// JSON.parse of it costs about what parsing the note's Markdown does (~80
// against ~100 µs a note, JIT warm), and a compact form decodes only a little
// faster (~70 µs). Decoding 10k documents can never be a fiftieth of parsing
// them. What the Dataset needs to be complete is each file's DocSummary (kind,
// key, date, the people it names), and what the editor shows first is each
// file's diagnostics, so an index is two files:
//
//   - the index, read at the start: per file its path, size, mtime and
//     summary (~85 bytes a file, binary), then every file's diagnostics, a
//     JSON section parsed when the first of them is asked for (~60 bytes a
//     file);
//   - the documents ("payload"), each in the compact form, read when the
//     first document is, and decoded one by one as something reads them
//     (Dataset.restoreAll: a view, a hover, a rule re-judging the file).
//
// Diagnostics depend on the day (overdue items, lapsed 1:1s) and on the
// settings, so the index says which day and settings they were computed for;
// a start on another day or with other settings judges every file again (from
// its document, still without reading it). They are saved only when the index
// holds every file of the dataset: they are then exactly the diagnostics of
// the dataset the index restores.
//
// The compact form is generic, so a model change needs no code here (only a
// CORE_VERSION bump): every plain object is written as [shape, ...values]
// against a table of key lists; arrays, Maps, Sets, null and the numbers JSON
// cannot spell get tags; a range is [-6, line, char, line, char], or, under
// one of the model's range keys (RANGE_KEYS) and on one line, one number.
// It is ~36% of the plain JSON (~2.6 KB a note); a load is mostly JSON.parse,
// so fewer values is what makes it faster.
//
// Layout: a binary index, so a start parses no JSON but its header. A start
// runs in a process whose JIT has not warmed up, where every turn of a loop
// and every object costs: with the columns as JSON (format 2), reading the
// index of 10k notes took ~45 ms, mostly JSON.parse and the objects it makes;
// as typed arrays over the file's own bytes and one string split, ~20 ms.
//
//   index:   CADENCE-INDEX <INDEX_FORMAT>\n
//            {"core","key","shapes","count",…,"bodyHash","diagnosticsHash","payloadId","payloadBytes","diagnostics"}<spaces>\n
//            the body, starting on an 8-byte boundary of the file:
//              float64 size[count], mtime[count]
//              uint32  length[count], hash[count]       (each document in the payload)
//              int32   key[count], date[count], skip[count]   (a string's number, -1 for none)
//              uint32  refStart[count + 1], dueStart[count + 1], refs[refCount], due[dueCount]
//              uint8   kind[count]                      (0: not a Cadence file; else 1 + KINDS' index)
//              the strings, UTF-8, parted by NUL: the files' paths in order, then
//              every other string once (people's keys, dates, skip reasons)
//            a JSON array of each file's packed diagnostics or null, diagnosticsBytes long
//   payload: CADENCE-DOCS <INDEX_FORMAT> <payloadId>\n
//            <the documents one after another, payloadBytes long>
//
// The index holds, per file, its path, size, mtime, kind and summary, its
// diagnostics, and the length and checksum of its document in the payload;
// files that are not Cadence's (kind 0: no or another `type:`, or skipped as
// too large or binary, with the reason) are listed too, so they are not
// re-read either. A file whose path is not well-formed Unicode is left out
// (UTF-8 cannot carry a lone surrogate): it is read at the next start.
// `payloadId` is a checksum of the documents' checksums: an index and a
// payload of two different saves never pair up. `bodyHash` is checked at the
// start; `diagnosticsHash` when the diagnostics are first asked for (a
// damaged section means they are computed).
//
// Every check fails quietly: another format, another core version, other
// settings, a wrong length (truncated), a wrong checksum (corrupt) or a
// number out of range make readIndex return undefined, and the caller
// indexes from scratch. A payload that is missing, of another save or
// truncated, and a document whose own checksum fails, are found when a
// document is loaded: it is replaced by an empty one of its kind and reported
// through `onCorrupt`, so the caller re-reads that file.

import { summarize, type CachedDiagnostics, type Dataset, type DocSummary, type LazyDoc, type RestoredFile } from './dataset';
import type { Doc, FileKind } from './model';
import { parseDoc } from './parse/index';
import type { Settings } from './settings';
import type { Diagnostic } from './types';
import { CORE_VERSION } from './version';

/** Version of the layout above (CORE_VERSION covers the documents' shape). */
export const INDEX_FORMAT = 3;
const MAGIC = `CADENCE-INDEX ${INDEX_FORMAT}\n`;
const DOCS_MAGIC = `CADENCE-DOCS ${INDEX_FORMAT} `;

export interface FileStamp {
  readonly size: number;
  /** Milliseconds, as `vscode.FileStat.mtime` and `fs.Stats.mtimeMs` give it; compared exactly. */
  readonly mtime: number;
}

/** A file as the index remembers it. */
export interface IndexedFile extends FileStamp {
  readonly path: string;
  /** A Cadence file: its summary and its document, loaded on first use. */
  readonly summary?: DocSummary;
  readonly doc?: LazyDoc;
  /** Not a Cadence file because it was skipped: why (too large, binary…). */
  readonly skip?: string;
}

export interface LoadedIndex {
  /** In the order they were saved. */
  readonly files: ReadonlyMap<string, IndexedFile>;
  /** Writes the next index; copies documents still unloaded without decoding them. */
  readonly writer: IndexWriter;
  /** diagnosticsKey() of the day and settings the saved diagnostics are for; null when none were saved. */
  readonly diagnostics: string | null;
  /** The Cadence files among `files`, as restoreIndex hands them to the Dataset. */
  readonly restorable: readonly RestoredFile[];
}

/** What the next index holds for one file. */
export interface IndexEntry extends FileStamp {
  readonly path: string;
  /** A Cadence file: its summary and document (an unloaded LazyDoc is copied as it is). */
  readonly summary?: DocSummary;
  readonly doc?: Doc | LazyDoc;
  /** Its diagnostics for the `today` given to write(), when known. */
  readonly diagnostics?: readonly Diagnostic[];
  readonly skip?: string;
}

/** The saved documents: the bytes of the payload file, or a function that reads them when first needed. */
export type PayloadSource = Uint8Array | (() => Uint8Array | undefined);

/** The two files an index is saved as. */
export interface WrittenIndex {
  readonly index: Uint8Array;
  readonly payload: Uint8Array;
}

/**
 * The settings that change what a file parses to: the globs (which kind a
 * file is, whether it is Cadence's at all) and the size limit (whether it is
 * skipped). Severities, today and cadence defaults only affect diagnostics,
 * which have their own key.
 */
export function indexKey(settings: Settings): string {
  return JSON.stringify([settings.peopleGlobs, settings.oneOnOneGlobs, settings.okrGlobs, settings.okrReviewGlobs, settings.maxFileSizeKB]);
}

/** What saved diagnostics depend on besides the files: the day and every setting. */
export function diagnosticsKey(today: string, settings: Settings): string {
  return JSON.stringify([today, settings]);
}

const KINDS: readonly (FileKind | undefined)[] = [undefined, 'person', '1on1', 'okr', 'okr-review'];

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** @internal A checksum of a long buffer, a 32-bit word at a time (the index body: ~0.9 MB at a start). */
export function hash32(bytes: Uint8Array): number {
  const n = bytes.length >>> 2;
  const words = bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, n) : new Int32Array(bytes.slice(0, n * 4).buffer);
  let h = 0x811c9dc5 ^ bytes.length;
  let i = 0;
  // Four words a turn: a start runs this before the JIT has warmed up, where each turn of a loop costs.
  for (const end = n - 3; i < end; i += 4) {
    h = Math.imul(h ^ words[i], 0x01000193) ^ (h >>> 15);
    h = Math.imul(h ^ words[i + 1], 0x01000193) ^ (h >>> 15);
    h = Math.imul(h ^ words[i + 2], 0x01000193) ^ (h >>> 15);
    h = Math.imul(h ^ words[i + 3], 0x01000193) ^ (h >>> 15);
  }
  for (; i < n; i++) h = Math.imul(h ^ words[i], 0x01000193) ^ (h >>> 15);
  for (let j = n * 4; j < bytes.length; j++) h = Math.imul(h ^ bytes[j], 0x01000193);
  return h >>> 0;
}

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

// ---------------------------------------------------------------------------
// The compact form

const ARRAY = -1;
const MAP = -2;
const SET = -3;
const NULL = -5;
const RANGE = -6;
const NUMBER = -7; // NaN, ±Infinity and -0, which JSON cannot spell

type Packed = string | number | boolean | null | Packed[];

/**
 * Keys that hold a Range in the model. A one-line range under one of them is
 * packed into one number: line · 2^32 + start · 2^16 + end (exact below 2^53).
 * A range under another key still works, as [-6, …]; a plain number under one
 * of these keys would be misread, so pack() refuses it.
 */
const RANGE_KEYS = new Set(['range', 'keyRange', 'boxRange', 'tokenRange', 'firstLine', 'flowEnd']);
const LINE = 2 ** 32;
const CHAR = 2 ** 16;

function packRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): number | undefined {
  const { line, character: a } = r.start;
  const b = r.end.character;
  if (r.end.line !== line || !Number.isInteger(line) || line < 0 || line >= 2 ** 21) return undefined;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= CHAR || b >= CHAR) return undefined;
  return line * LINE + a * CHAR + b;
}

function unpackRange(n: number): unknown {
  const line = Math.floor(n / LINE);
  const rest = n - line * LINE;
  const a = Math.floor(rest / CHAR);
  return { start: { line, character: a }, end: { line, character: rest - a * CHAR } };
}

/** A document's encoded bytes: `length` bytes of `buf` from `offset` (no view made until needed). */
interface Payload {
  readonly buf: Uint8Array;
  readonly offset: number;
  readonly length: number;
  readonly hash: number;
}

const bytesOf = (p: Payload): Uint8Array => p.buf.subarray(p.offset, p.offset + p.length);

/**
 * The payload file of a read index, read when the first document is loaded
 * (or copied by the next save) and checked once: its header must name the
 * index's payloadId and its length must be the index's payloadBytes.
 */
class PayloadFile {
  private bytes: Uint8Array | undefined;
  private checked = false;

  constructor(
    private source: PayloadSource,
    private readonly id: string,
    private readonly length: number,
  ) {}

  /** The documents, with each CachedFile's offset counted from their start; undefined when unusable. */
  get(): Uint8Array | undefined {
    if (!this.checked) {
      this.checked = true;
      let raw: Uint8Array | undefined;
      try {
        raw = typeof this.source === 'function' ? this.source() : this.source;
      } catch {
        raw = undefined;
      }
      this.source = new Uint8Array(0);
      const header = encoder.encode(`${DOCS_MAGIC}${this.id}\n`);
      if (raw && raw.length === header.length + this.length && header.every((b, i) => raw[i] === b)) this.bytes = raw.subarray(header.length);
    }
    return this.bytes;
  }
}

/**
 * The diagnostics section of a read index: checked and parsed when the
 * Dataset first asks for one file's (a warm start's first publication asks
 * for them all).
 */
class DiagnosticsSection {
  private list: unknown[] | undefined;

  constructor(
    private bytes: Uint8Array | undefined,
    private readonly hash: number,
    private readonly count: number,
  ) {}

  at(i: number): unknown {
    if (!this.list) {
      try {
        const v: unknown = hash32(this.bytes!) === this.hash ? JSON.parse(utf8.decode(this.bytes!)) : undefined;
        this.list = Array.isArray(v) && v.length === this.count ? v : [];
      } catch {
        this.list = [];
      }
      this.bytes = undefined;
    }
    return this.list[i];
  }
}

function isDiagnostic(d: unknown): d is Diagnostic {
  if (!d || typeof d !== 'object') return false;
  const o = d as Record<string, unknown>;
  const r = o.range as { start?: { line?: unknown }; end?: { line?: unknown } } | undefined;
  return isStr(o.code) && isStr(o.severity) && isStr(o.message) && !!r && isCount(r.start?.line) && isCount(r.end?.line);
}

/** The columns of a read index, over its own bytes: a file per position. */
interface Table {
  /** The paths (a file's path is strings[i]), then the other strings. */
  readonly strings: readonly string[];
  readonly size: Float64Array;
  readonly mtime: Float64Array;
  readonly skip: Int32Array;
  readonly refStart: Uint32Array;
  readonly refs: Uint32Array;
  /** Where each document starts in the payload (the running sum of the lengths). */
  readonly offset: Float64Array;
  readonly length: Uint32Array;
  readonly hash: Uint32Array;
  readonly file: PayloadFile;
  readonly diagnostics: DiagnosticsSection | undefined;
  readonly writer: IndexWriter;
  readonly onCorrupt: ((path: string) => void) | undefined;
}

/**
 * A file of a read index: a position in its Table, so a start makes one
 * object a file. For a Cadence file it is also the document, decoded on first
 * use, and its saved diagnostics.
 */
class CachedFile implements IndexedFile, DocSummary, LazyDoc, CachedDiagnostics {
  // Plain fields, not getters: the Dataset reads them once a file, at the start,
  // before the JIT has warmed up. Declared, so they are set once, in the constructor.
  /** A Cadence file's summary is the file itself: one object a file, not two. */
  declare readonly summary: DocSummary | undefined;
  declare readonly doc: LazyDoc | undefined;
  declare readonly diagnostics: CachedDiagnostics | undefined;
  /** Set when write() copied the document into a new payload: its bytes are then buf[at …]. */
  declare buf: Uint8Array | undefined;
  declare at: number;
  declare private refList: readonly string[] | undefined;

  constructor(
    readonly path: string,
    /** The summary's fields; kind is undefined for a file that is not Cadence's. */
    readonly kind: FileKind,
    readonly key: string | undefined,
    readonly date: string | undefined,
    readonly openDue: readonly string[],
    private readonly t: Table,
    private readonly i: number,
  ) {
    const cadence = kind === undefined ? undefined : this;
    this.summary = cadence;
    this.doc = cadence;
    this.diagnostics = t.diagnostics && cadence;
    this.buf = undefined;
    this.at = 0;
    this.refList = undefined;
  }

  /** Who the file names: made when first asked for (the Dataset's who-names-whom index waits for the first change). */
  get refs(): readonly string[] {
    if (this.refList === undefined) {
      const { refStart, refs, strings } = this.t;
      const a = refStart[this.i];
      const b = refStart[this.i + 1];
      this.refList = a === b ? EMPTY : Array.from(refs.subarray(a, b), (id) => strings[id]);
    }
    return this.refList;
  }

  get size(): number {
    return this.t.size[this.i];
  }

  get mtime(): number {
    return this.t.mtime[this.i];
  }

  get skip(): string | undefined {
    const s = this.t.skip[this.i];
    return s < 0 ? undefined : this.t.strings[s];
  }

  get writer(): IndexWriter {
    return this.t.writer;
  }

  get length(): number {
    return this.t.length[this.i];
  }

  get hash(): number {
    return this.t.hash[this.i];
  }

  /** The document's bytes, or undefined when the payload is unusable. */
  bytes(): Uint8Array | undefined {
    if (this.buf) return this.buf.subarray(this.at, this.at + this.length);
    const all = this.t.file.get();
    if (!all) return undefined;
    const at = this.t.offset[this.i];
    return all.subarray(at, at + this.length);
  }

  load(): Doc {
    const kind = this.summary!.kind;
    let doc: Doc | undefined;
    const bytes = this.bytes();
    try {
      if (bytes && fnv1a(bytes) === this.hash) {
        const d = this.writer.unpack(JSON.parse(utf8.decode(bytes))) as Doc;
        if (d && d.kind === kind && d.path === this.path) doc = d;
      }
    } catch {
      doc = undefined;
    }
    if (!doc) {
      // Something to show until the caller has re-read the file.
      this.t.onCorrupt?.(this.path);
      return parseDoc(this.path, '', kind);
    }
    this.writer.remember(doc, { buf: bytes!, offset: 0, length: bytes!.length, hash: this.hash });
    return doc;
  }

  loadDiagnostics(): Diagnostic[] | undefined {
    try {
      const packed = this.t.diagnostics?.at(this.i);
      if (!Array.isArray(packed)) return undefined;
      const list = this.writer.unpack(packed as Packed);
      return Array.isArray(list) && list.every(isDiagnostic) ? (list as Diagnostic[]) : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Writes indexes. It remembers each document's encoded form (by identity), so
 * saving again after one file changed encodes that file only; keep one per
 * workspace folder for the session.
 */
export class IndexWriter {
  private readonly shapes: string[][];
  /** Per shape, per key: does a number there stand for a packed range? */
  private readonly rangeAt: boolean[][];
  private readonly shapeIds = new Map<string, number>();
  private readonly memo = new WeakMap<Doc, Payload>();
  private readonly diagnosticsMemo = new WeakMap<readonly Diagnostic[], string>();

  constructor(shapes: readonly (readonly string[])[] = []) {
    this.shapes = shapes.map((s) => [...s]);
    this.rangeAt = this.shapes.map((s) => s.map((k) => RANGE_KEYS.has(k)));
    this.shapes.forEach((s, i) => this.shapeIds.set(s.join('\0'), i));
  }

  /** Whether `write` copies this unloaded document as it is (it came from an index this writer continues). */
  owns(doc: LazyDoc): boolean {
    return doc instanceof CachedFile && doc.writer === this;
  }

  /** Encodes a document ahead of `write`, so a caller can spread the work over several turns. */
  prepare(doc: Doc): void {
    this.payloadOf(doc);
  }

  /**
   * The index of these files, for these settings. With `today`, the files'
   * `diagnostics` are saved as computed on that day (the caller vouches that
   * `files` is the whole dataset they were computed on). Throws only on a
   * value the compact form cannot hold (a bug).
   */
  write(files: Iterable<IndexEntry>, settings: Settings, today?: string): WrittenIndex {
    const steps = this.writeSteps(files, settings, today);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * write() in steps: it pauses (yields) every `slice` files, so a caller on
   * the extension host can give the editor a turn between them (a 10k save is
   * ~150 ms of work in all). The documents and stamps are what `files` held
   * when it was iterated; nothing else may use this writer until it is done.
   */
  *writeSteps(files: Iterable<IndexEntry>, settings: Settings, today?: string, slice = 500): Generator<void, WrittenIndex, void> {
    const paths: string[] = [];
    // The other strings, each once, numbered after the paths.
    const others: string[] = [];
    const otherIds = new Map<string, number>();
    // -2 for a string the index cannot hold (see below); each string is checked once.
    const other = (v: string): number => {
      let id = otherIds.get(v);
      if (id === undefined) otherIds.set(v, (id = wellFormed(v) ? others.push(v) - 1 : -2));
      return id;
    };
    const size: number[] = [];
    const mtime: number[] = [];
    const kind: number[] = [];
    const key: number[] = [];
    const date: number[] = [];
    const skip: number[] = [];
    const length: number[] = [];
    const hash: number[] = [];
    const refStart = [0];
    const dueStart = [0];
    const refs: number[] = [];
    const due: number[] = [];
    const diags: string[] = [];
    const parts: { readonly payload: Payload; readonly target: Doc | CachedFile }[] = [];
    let total = 0;
    let id = 0x811c9dc5;
    let seen = 0;
    for (const f of files) {
      if (++seen % slice === 0) yield;
      const s = f.summary;
      let target: Doc | CachedFile | undefined;
      let payload: Payload | undefined;
      if (s && f.doc) {
        if (f.doc instanceof CachedFile && f.doc.writer === this) target = f.doc;
        // Another index's document: decoded here (the caller should have passed the Dataset's own copy).
        else if ('load' in f.doc) target = (f.doc as LazyDoc).load();
        else target = f.doc as Doc;
        if (target instanceof CachedFile) {
          const bytes = target.bytes();
          // The old payload file is unusable: decode (an empty stand-in, reported) and encode that.
          if (!bytes) target = target.load();
          payload = target instanceof CachedFile ? { buf: bytes!, offset: 0, length: bytes!.length, hash: target.hash } : this.payloadOf(target);
        } else payload = this.payloadOf(target);
      }
      // UTF-8 cannot carry a lone surrogate, and NUL parts the strings: a
      // file with such a string is left out, and read at the next start.
      if (!wellFormed(f.path)) continue;
      if (!s || !target || !payload) {
        paths.push(f.path);
        size.push(f.size);
        mtime.push(f.mtime);
        kind.push(0);
        key.push(-1);
        date.push(-1);
        skip.push(f.skip === undefined ? -1 : other(f.skip.replace(/[\0\p{Cs}]/gu, '\ufffd')));
        length.push(0);
        hash.push(0);
        refStart.push(refs.length);
        dueStart.push(due.length);
        diags.push('null');
        continue;
      }
      const k = s.key === undefined ? -1 : other(s.key);
      const d = s.date === undefined ? -1 : other(s.date);
      const refIds = s.refs.map(other);
      const dueIds = s.openDue.map(other);
      if (k === -2 || d === -2 || refIds.includes(-2) || dueIds.includes(-2)) continue;
      paths.push(f.path);
      size.push(f.size);
      mtime.push(f.mtime);
      kind.push(KINDS.indexOf(s.kind));
      key.push(k);
      date.push(d);
      skip.push(-1);
      refs.push(...refIds);
      refStart.push(refs.length);
      due.push(...dueIds);
      dueStart.push(due.length);
      length.push(payload.length);
      hash.push(payload.hash);
      diags.push(today !== undefined && f.diagnostics ? this.diagnosticsJson(f.diagnostics) : 'null');
      parts.push({ payload, target });
      total += payload.length;
      id = Math.imul(id ^ payload.hash, 0x01000193) ^ payload.length;
    }
    const count = paths.length;
    const strings = [...paths, ...others];
    const text = encoder.encode(strings.join('\0'));
    const diagSection = encoder.encode(today === undefined ? '[]' : `[${diags.join(',')}]`);
    const words = 5 * count + 2 * (count + 1) + refs.length + due.length;
    const bodyBytes = 16 * count + 4 * words + count + text.length;
    const body = new Uint8Array(bodyBytes + ((8 - (bodyBytes % 8)) % 8) + diagSection.length);
    const cols = new Columns(body.buffer, count, refs.length, due.length);
    // The other strings are numbered after the paths.
    const at = (id: number): number => (id < 0 ? id : id + count);
    cols.size.set(size);
    cols.mtime.set(mtime);
    cols.length.set(length);
    cols.hash.set(hash);
    cols.key.set(key.map(at));
    cols.date.set(date.map(at));
    cols.skip.set(skip.map(at));
    cols.refStart.set(refStart);
    cols.dueStart.set(dueStart);
    cols.refs.set(refs.map(at));
    cols.due.set(due.map(at));
    cols.kind.set(kind);
    body.set(text, cols.end);
    const diagnosticsAt = body.length - diagSection.length;
    body.set(diagSection, diagnosticsAt);
    const payloadId = (id >>> 0).toString(16);
    let head = MAGIC + JSON.stringify({
      core: CORE_VERSION,
      key: indexKey(settings),
      shapes: this.shapes,
      count,
      refCount: refs.length,
      dueCount: due.length,
      stringCount: strings.length,
      stringBytes: text.length,
      bodyHash: hash32(body.subarray(0, diagnosticsAt)),
      diagnosticsBytes: diagSection.length,
      diagnosticsHash: hash32(diagSection),
      payloadId,
      payloadBytes: total,
      diagnostics: today === undefined ? null : diagnosticsKey(today, settings),
    });
    // The body starts on an 8-byte boundary, so the columns are read in place.
    head += ' '.repeat((8 - ((encoder.encode(head).length + 1) % 8)) % 8) + '\n';
    const header = encoder.encode(head);
    const out = new Uint8Array(header.length + body.length);
    out.set(header, 0);
    out.set(body, header.length);
    const docsHeader = encoder.encode(`${DOCS_MAGIC}${payloadId}\n`);
    const payload = new Uint8Array(docsHeader.length + total);
    payload.set(docsHeader, 0);
    const docs = payload.subarray(docsHeader.length);
    let offset = 0;
    for (let i = 0; i < parts.length; i++) {
      if (i && i % slice === 0) yield;
      const { payload: p, target } = parts[i];
      docs.set(bytesOf(p), offset);
      // Point at the new buffer, so the older ones can be collected.
      if (target instanceof CachedFile) {
        target.buf = docs;
        target.at = offset;
      } else this.memo.set(target, { buf: docs, offset, length: p.length, hash: p.hash });
      offset += p.length;
    }
    return { index: out, payload };
  }

  /**
   * A file's diagnostics, packed, as JSON: remembered by the list's identity
   * (the Dataset keeps a file's list until a change names the file), so a save
   * after one keystroke packs that file's only. Diagnostics carry their rule's
   * `data`: should one hold what the compact form cannot, that file's are not
   * saved ('null').
   */
  private diagnosticsJson(list: readonly Diagnostic[]): string {
    let json = this.diagnosticsMemo.get(list);
    if (json === undefined) {
      try {
        json = JSON.stringify(this.pack(list));
      } catch {
        json = 'null';
      }
      this.diagnosticsMemo.set(list, json);
    }
    return json;
  }

  /** @internal A loaded document's bytes are its encoded form: no need to encode it again. */
  remember(doc: Doc, payload: Payload): void {
    this.memo.set(doc, payload);
  }

  private payloadOf(doc: Doc): Payload {
    let p = this.memo.get(doc);
    if (!p) {
      const bytes = encoder.encode(JSON.stringify(this.pack(doc)));
      p = { buf: bytes, offset: 0, length: bytes.length, hash: fnv1a(bytes) };
      this.memo.set(doc, p);
    }
    return p;
  }

  private pack(v: unknown, rangeKey = false): Packed {
    switch (typeof v) {
      case 'undefined':
        return null;
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (rangeKey) throw new Error('persist: a number under a range key');
        return Number.isFinite(v) && !Object.is(v, -0) ? v : [NUMBER, String(Object.is(v, -0) ? '-0' : v)];
      case 'object': {
        if (v === null) return [NULL];
        if (Array.isArray(v)) {
          const out: Packed[] = [ARRAY];
          for (const x of v) out.push(this.pack(x));
          return out;
        }
        if (v instanceof Map) {
          const out: Packed[] = [MAP];
          for (const [k, x] of v) out.push(this.pack(k), this.pack(x));
          return out;
        }
        if (v instanceof Set) {
          const out: Packed[] = [SET];
          for (const x of v) out.push(this.pack(x));
          return out;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) throw new Error(`persist: cannot store a ${proto?.constructor?.name ?? 'non-plain'} object`);
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        if (keys.length === 2 && keys[0] === 'start' && keys[1] === 'end') {
          const s = o.start as Record<string, unknown> | null;
          const e = o.end as Record<string, unknown> | null;
          if (isPosition(s) && isPosition(e)) {
            const r = { start: { line: s.line as number, character: s.character as number }, end: { line: e.line as number, character: e.character as number } };
            return (rangeKey && packRange(r)) ?? [RANGE, r.start.line, r.start.character, r.end.line, r.end.character];
          }
        }
        const sk = keys.join('\0');
        let id = this.shapeIds.get(sk);
        if (id === undefined) {
          id = this.shapes.length;
          this.shapes.push(keys);
          this.rangeAt.push(keys.map((k) => RANGE_KEYS.has(k)));
          this.shapeIds.set(sk, id);
        }
        const out: Packed[] = [id];
        const ranges = this.rangeAt[id];
        for (let i = 0; i < keys.length; i++) out.push(this.pack(o[keys[i]], ranges[i]));
        return out;
      }
      default:
        throw new Error(`persist: cannot store a ${typeof v}`);
    }
  }

  /** @internal The inverse of pack; throws on anything pack cannot have written. */
  unpack(v: Packed): unknown {
    if (v === null) return undefined;
    if (typeof v !== 'object') return v;
    const tag = v[0];
    if (typeof tag !== 'number') throw new Error('bad tag');
    if (tag >= 0) {
      const keys = this.shapes[tag];
      if (!keys || v.length !== keys.length + 1) throw new Error('bad shape');
      const ranges = this.rangeAt[tag];
      const o: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const x = v[i + 1];
        o[keys[i]] = ranges[i] && typeof x === 'number' ? unpackRange(x) : this.unpack(x);
      }
      return o;
    }
    switch (tag) {
      case RANGE:
        if (v.length !== 5) throw new Error('bad range');
        return { start: { line: v[1], character: v[2] }, end: { line: v[3], character: v[4] } };
      case ARRAY: {
        const out = new Array(v.length - 1);
        for (let i = 1; i < v.length; i++) out[i - 1] = this.unpack(v[i]);
        return out;
      }
      case MAP: {
        const m = new Map<unknown, unknown>();
        for (let i = 1; i < v.length; i += 2) m.set(this.unpack(v[i]), this.unpack(v[i + 1]));
        return m;
      }
      case SET: {
        const s = new Set<unknown>();
        for (let i = 1; i < v.length; i++) s.add(this.unpack(v[i]));
        return s;
      }
      case NULL:
        return null;
      case NUMBER:
        return v[1] === '-0' ? -0 : Number(v[1]);
      default:
        throw new Error('bad tag');
    }
  }
}

function isPosition(p: Record<string, unknown> | null): p is Record<string, unknown> {
  if (!p || typeof p !== 'object' || Object.getPrototypeOf(p) !== Object.prototype) return false;
  const keys = Object.keys(p);
  return keys.length === 2 && keys[0] === 'line' && keys[1] === 'character' && Number.isFinite(p.line) && Number.isFinite(p.character);
}

// ---------------------------------------------------------------------------
// Reading

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * Reads an index written by IndexWriter for these settings. Returns undefined
 * — never throws — when it is not one, was made by another core version or
 * for other settings, or is truncated or corrupt. `payload` is the payload
 * file, or reads it (synchronously) when the first document is loaded.
 * `onCorrupt` hears of a document that turns out to be damaged or missing
 * when it is loaded.
 */
export function readIndex(bytes: Uint8Array, settings: Settings, payload: PayloadSource, onCorrupt?: (path: string) => void): LoadedIndex | undefined {
  try {
    return read(bytes, settings, payload, onCorrupt);
  } catch {
    return undefined;
  }
}

/** Not a lone surrogate in it: UTF-8 carries it exactly. */
const wellFormed = (v: string): boolean => !/[\0\p{Cs}]/u.test(v);

/** The columns of the body, as views over its buffer (which starts on an 8-byte boundary). */
class Columns {
  readonly size: Float64Array;
  readonly mtime: Float64Array;
  readonly length: Uint32Array;
  readonly hash: Uint32Array;
  readonly key: Int32Array;
  readonly date: Int32Array;
  readonly skip: Int32Array;
  readonly refStart: Uint32Array;
  readonly dueStart: Uint32Array;
  readonly refs: Uint32Array;
  readonly due: Uint32Array;
  readonly kind: Uint8Array;
  /** Where the strings start. */
  readonly end: number;

  constructor(buffer: ArrayBufferLike, count: number, refCount: number, dueCount: number, start = 0) {
    let at = start;
    const next = <T>(make: new (b: ArrayBufferLike, offset: number, length: number) => T, n: number, width: number): T => {
      const view = new make(buffer, at, n);
      at += n * width;
      return view;
    };
    this.size = next(Float64Array, count, 8);
    this.mtime = next(Float64Array, count, 8);
    this.length = next(Uint32Array, count, 4);
    this.hash = next(Uint32Array, count, 4);
    this.key = next(Int32Array, count, 4);
    this.date = next(Int32Array, count, 4);
    this.skip = next(Int32Array, count, 4);
    this.refStart = next(Uint32Array, count + 1, 4);
    this.dueStart = next(Uint32Array, count + 1, 4);
    this.refs = next(Uint32Array, refCount, 4);
    this.due = next(Uint32Array, dueCount, 4);
    this.kind = next(Uint8Array, count, 1);
    this.end = at - start;
  }
}

const EMPTY: readonly string[] = Object.freeze([]);

function read(bytes: Uint8Array, settings: Settings, source: PayloadSource, onCorrupt: ((path: string) => void) | undefined): LoadedIndex | undefined {
  const magic = encoder.encode(MAGIC);
  if (bytes.length < magic.length) return undefined;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return undefined;
  const nl = bytes.indexOf(10, magic.length);
  if (nl === -1) return undefined;
  const h = JSON.parse(utf8.decode(bytes.subarray(magic.length, nl))) as Record<string, unknown>;
  if (!h || h.core !== CORE_VERSION || h.key !== indexKey(settings)) return undefined;
  const { shapes, count, refCount, dueCount, stringCount, stringBytes, bodyHash, diagnosticsBytes, diagnosticsHash, payloadId, payloadBytes, diagnostics } = h;
  if (![count, refCount, dueCount, stringCount, stringBytes, diagnosticsBytes, payloadBytes].every(isCount) || !isNum(bodyHash) || !isNum(diagnosticsHash) || !isStr(payloadId)) return undefined;
  if (diagnostics !== null && !isStr(diagnostics)) return undefined;
  // '__proto__' would set a decoded object's prototype instead of a key.
  if (!Array.isArray(shapes) || !shapes.every((s) => Array.isArray(s) && s.every((k) => isStr(k) && k !== '__proto__'))) return undefined;
  const n = count as number;
  const strCount = stringCount as number;
  if (strCount < n) return undefined;
  const columnBytes = 16 * n + 4 * (5 * n + 2 * (n + 1) + (refCount as number) + (dueCount as number)) + n;
  const bodyBytes = columnBytes + (stringBytes as number);
  const diagnosticsAt = bodyBytes + ((8 - (bodyBytes % 8)) % 8);
  const start = nl + 1;
  if (bytes.length !== start + diagnosticsAt + (diagnosticsBytes as number)) return undefined;
  // The body read in place, or copied when the caller's bytes do not sit on an 8-byte boundary.
  const body = (bytes.byteOffset + start) % 8 === 0 ? bytes.subarray(start) : bytes.slice(start);
  if (hash32(body.subarray(0, diagnosticsAt)) !== bodyHash) return undefined;
  const c = new Columns(body.buffer, n, refCount as number, dueCount as number, body.byteOffset);
  const strings = utf8.decode(body.subarray(c.end, c.end + (stringBytes as number))).split('\0');
  if (strings.length !== strCount || c.refStart[0] !== 0 || c.refStart[n] !== c.refs.length || c.dueStart[0] !== 0 || c.dueStart[n] !== c.due.length) return undefined;

  const writer = new IndexWriter(shapes as string[][]);
  const table: Table = {
    strings,
    size: c.size,
    mtime: c.mtime,
    skip: c.skip,
    refStart: c.refStart,
    refs: c.refs,
    offset: new Float64Array(n),
    length: c.length,
    hash: c.hash,
    file: new PayloadFile(source, payloadId as string, payloadBytes as number),
    diagnostics: diagnostics === null ? undefined : new DiagnosticsSection(body.subarray(diagnosticsAt), diagnosticsHash as number, n),
    writer,
    onCorrupt,
  };
  const files = new Map<string, IndexedFile>();
  const restorable: CachedFile[] = [];
  const { size, mtime, kind, length, key, date, skip, refStart, refs, dueStart, due } = c;
  let offset = 0;
  // One plain indexed loop that checks as it goes (every number that names a
  // string must name one): it runs 10k times before the JIT has warmed up.
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    const r0 = refStart[i];
    const r1 = refStart[i + 1];
    const d0 = dueStart[i];
    const d1 = dueStart[i + 1];
    if (!(size[i] >= 0) || !Number.isFinite(mtime[i]) || k >= KINDS.length || r1 < r0 || d1 < d0) return undefined;
    let d: readonly string[] = EMPTY;
    let kv: string | undefined;
    let dv: string | undefined;
    if (k === 0) {
      if (length[i] !== 0 || r1 !== r0 || d1 !== d0 || skip[i] >= strCount || skip[i] < -1) return undefined;
    } else {
      // The references become strings when asked for (CachedFile.refs): checked here.
      for (let j = r0; j < r1; j++) if (refs[j] >= strCount) return undefined;
      if (d1 > d0) {
        const list = new Array<string>(d1 - d0);
        for (let j = d0; j < d1; j++) if ((list[j - d0] = strings[due[j]]) === undefined) return undefined;
        d = list;
      }
      const ki = key[i];
      const di = date[i];
      kv = ki === -1 ? undefined : strings[ki];
      dv = di === -1 ? undefined : strings[di];
      if ((kv === undefined && ki !== -1) || (dv === undefined && di !== -1)) return undefined;
    }
    table.offset[i] = offset;
    offset += length[i];
    const path = strings[i];
    const f = new CachedFile(path, KINDS[k]!, kv, dv, d, table, i);
    files.set(path, f);
    if (k !== 0) restorable.push(f);
  }
  return files.size === n && offset === payloadBytes ? { files, writer, diagnostics: diagnostics as string | null, restorable: restorable as RestoredFile[] } : undefined;
}

/**
 * A warm start: every Cadence file of the index into an empty dataset (see
 * Dataset.restoreAll), with the saved diagnostics when they are for the
 * dataset's day and settings. The caller then compares the index with the
 * disk (restoreFile's stamps) and applies what differs.
 */
export function restoreIndex(index: LoadedIndex, dataset: Dataset): void {
  const valid = index.diagnostics !== null && index.diagnostics === diagnosticsKey(dataset.today, dataset.settings);
  dataset.restoreAll(index.restorable, valid);
}

/**
 * Restores one file when the disk still holds what the index was made from
 * (same size and mtime); returns the index's entry then, else undefined.
 */
export function restoreFile(index: LoadedIndex, dataset: Dataset, path: string, stamp: FileStamp | undefined): IndexedFile | undefined {
  const f = index.files.get(path);
  if (!f || !stamp || f.size !== stamp.size || f.mtime !== stamp.mtime) return undefined;
  if (f.summary && f.doc) dataset.restore(path, f.summary, f.doc);
  return f;
}

/** Summary and stamp of a freshly parsed file, as the writer wants them (for callers and tests). */
export function entryOf(path: string, stamp: FileStamp, doc: Doc | undefined, skip?: string): IndexEntry {
  return doc ? { path, size: stamp.size, mtime: stamp.mtime, summary: summarize(doc), doc } : { path, size: stamp.size, mtime: stamp.mtime, skip };
}
