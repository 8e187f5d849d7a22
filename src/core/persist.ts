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
//     summary (~100 bytes a file), then every file's diagnostics, a section
//     parsed when the first of them is asked for (~60 bytes a file);
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
// Layout, in UTF-8:
//
//   index:   CADENCE-INDEX <INDEX_FORMAT>\n
//            {"core","key","shapes","count","indexBytes","diagnosticsBytes","indexHash","payloadId","payloadBytes","diagnostics"}<spaces>\n
//            <a JSON object of columns (Columns below), indexBytes long>
//            <a JSON array of each file's packed diagnostics or null, diagnosticsBytes long>
//   payload: CADENCE-DOCS <INDEX_FORMAT> <payloadId>\n
//            <the documents one after another, payloadBytes long>
//
// The index holds, per file, its path, size, mtime, kind and summary, its
// diagnostics, and the length and checksum of its document in the payload
// (folders and people's keys are written once and counted in, which makes
// it ~25% smaller to parse; indexHash covers both sections);
// files that are not Cadence's (kind 0: no or another `type:`, or skipped as
// too large or binary, with the reason) are listed too, so they are not
// re-read either. `payloadId` is a checksum of the documents' checksums: an
// index and a payload of two different saves never pair up.
//
// Every check fails quietly: another format, another core version, other
// settings, a wrong length (truncated) or a wrong checksum (corrupt) make
// readIndex return undefined, and the caller indexes from scratch. A payload
// that is missing, of another save or truncated, and a document whose own
// checksum fails, are found when a document is loaded: it is replaced by an
// empty one of its kind and reported through `onCorrupt`, so the caller
// re-reads that file.

import { summarize, type CachedDiagnostics, type Dataset, type DocSummary, type LazyDoc, type RestoredFile } from './dataset';
import type { Doc, FileKind } from './model';
import { parseDoc } from './parse/index';
import type { Settings } from './settings';
import type { Diagnostic } from './types';
import { CORE_VERSION } from './version';

/** Version of the layout above (CORE_VERSION covers the documents' shape). */
export const INDEX_FORMAT = 2;
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

/** A checksum of a long buffer, a 32-bit word at a time (the index section: ~1 MB at a start). */
function hash32(bytes: Uint8Array): number {
  const n = bytes.length >>> 2;
  const words = bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, n) : new Int32Array(bytes.slice(0, n * 4).buffer);
  let h = 0x811c9dc5 ^ bytes.length;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ words[i], 0x01000193) ^ (h >>> 15);
  for (let i = n * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
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
 * The diagnostics section of a read index: parsed when the Dataset first asks
 * for one file's (a warm start's first publication asks for them all).
 */
class DiagnosticsSection {
  private list: unknown[] | undefined;

  constructor(
    private bytes: Uint8Array | undefined,
    private readonly count: number,
    readonly writer: IndexWriter,
  ) {}

  at(i: number): unknown {
    if (!this.list) {
      try {
        const v: unknown = JSON.parse(utf8.decode(this.bytes!));
        this.list = Array.isArray(v) && v.length === this.count ? v : [];
      } catch {
        this.list = [];
      }
      this.bytes = undefined;
    }
    return this.list[i];
  }
}

/** One file's saved diagnostics. */
class SavedDiagnostics implements CachedDiagnostics {
  constructor(
    private readonly section: DiagnosticsSection,
    private readonly i: number,
  ) {}

  load(): Diagnostic[] | undefined {
    try {
      const packed = this.section.at(this.i);
      if (!Array.isArray(packed)) return undefined;
      const list = this.section.writer.unpack(packed as Packed);
      return Array.isArray(list) && list.every(isDiagnostic) ? (list as Diagnostic[]) : undefined;
    } catch {
      return undefined;
    }
  }
}

function isDiagnostic(d: unknown): d is Diagnostic {
  if (!d || typeof d !== 'object') return false;
  const o = d as Record<string, unknown>;
  const r = o.range as { start?: { line?: unknown }; end?: { line?: unknown } } | undefined;
  return isStr(o.code) && isStr(o.severity) && isStr(o.message) && !!r && isCount(r.start?.line) && isCount(r.end?.line);
}

/** A file of a read index; for a Cadence file also its document, decoded on first use, and its saved diagnostics. */
class CachedFile implements IndexedFile, LazyDoc {
  readonly doc: LazyDoc | undefined;
  readonly diagnostics: CachedDiagnostics | undefined;

  constructor(
    readonly path: string,
    readonly size: number,
    readonly mtime: number,
    readonly summary: DocSummary | undefined,
    readonly skip: string | undefined,
    // Where the document's bytes are: in the payload file until write() copies them to its new one.
    public file: PayloadFile | undefined,
    public buf: Uint8Array | undefined,
    public offset: number,
    readonly length: number,
    readonly hash: number,
    diagnostics: CachedDiagnostics | undefined,
    readonly writer: IndexWriter,
    private readonly onCorrupt: ((path: string) => void) | undefined,
  ) {
    this.doc = summary ? this : undefined;
    this.diagnostics = diagnostics;
  }

  /** The document's bytes, or undefined when the payload is unusable. */
  bytes(): Uint8Array | undefined {
    if (!this.buf && this.file) this.buf = this.file.get();
    return this.buf?.subarray(this.offset, this.offset + this.length);
  }

  load(): Doc {
    const kind = this.summary!.kind;
    let doc: Doc | undefined;
    try {
      const bytes = this.bytes();
      if (bytes && fnv1a(bytes) === this.hash) {
        const d = this.writer.unpack(JSON.parse(utf8.decode(bytes))) as Doc;
        if (d && d.kind === kind && d.path === this.path) doc = d;
      }
    } catch {
      doc = undefined;
    }
    if (!doc) {
      // Something to show until the caller has re-read the file.
      this.onCorrupt?.(this.path);
      return parseDoc(this.path, '', kind);
    }
    this.writer.remember(doc, { buf: this.buf!, offset: this.offset, length: this.length, hash: this.hash });
    return doc;
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
    const cols: Columns = { dirs: [], dir: [], name: [], keys: [], size: [], mtime: [], kind: [], key: [], date: [], refs: [], due: [], length: [], hash: [], skip: [] };
    // Folders and people's keys once each, by number: less to parse at a start.
    const dirIds = new Map<string, number>();
    const keyIds = new Map<string, number>();
    const keyId = (k: string): number => {
      let id = keyIds.get(k);
      if (id === undefined) keyIds.set(k, (id = cols.keys.push(k) - 1));
      return id;
    };
    const diags: (Packed | null)[] = [];
    const parts: { readonly payload: Payload; readonly target: Doc | CachedFile }[] = [];
    let total = 0;
    let id = 0x811c9dc5;
    for (const f of files) {
      const slash = f.path.lastIndexOf('/') + 1;
      const dir = f.path.slice(0, slash);
      let d = dirIds.get(dir);
      if (d === undefined) dirIds.set(dir, (d = cols.dirs.push(dir) - 1));
      cols.dir.push(d);
      cols.name.push(f.path.slice(slash));
      cols.size.push(f.size);
      cols.mtime.push(f.mtime);
      if (!f.summary || !f.doc) {
        cols.kind.push(0);
        cols.key.push(null);
        cols.date.push(null);
        cols.refs.push(null);
        cols.due.push(null);
        cols.length.push(0);
        cols.hash.push(0);
        diags.push(null);
        cols.skip.push(f.skip ?? null);
        continue;
      }
      const s = f.summary;
      let target: Doc | CachedFile;
      if (f.doc instanceof CachedFile && f.doc.writer === this) target = f.doc;
      // Another index's document: decoded here (the caller should have passed the Dataset's own copy).
      else if ('load' in f.doc) target = (f.doc as LazyDoc).load();
      else target = f.doc as Doc;
      let payload: Payload;
      if (target instanceof CachedFile) {
        const bytes = target.bytes();
        // The old payload file is unusable: decode (an empty stand-in, reported) and encode that.
        if (!bytes) target = target.load();
        payload = target instanceof CachedFile ? { buf: bytes!, offset: 0, length: bytes!.length, hash: target.hash } : this.payloadOf(target);
      } else payload = this.payloadOf(target);
      cols.kind.push(KINDS.indexOf(s.kind));
      cols.key.push(s.key === undefined ? null : keyId(s.key));
      cols.date.push(s.date ?? null);
      cols.refs.push(s.refs.map(keyId));
      cols.due.push(s.openDue as string[]);
      cols.length.push(payload.length);
      cols.hash.push(payload.hash);
      diags.push(today !== undefined && f.diagnostics ? this.packDiagnostics(f.diagnostics) : null);
      cols.skip.push(null);
      parts.push({ payload, target });
      total += payload.length;
      id = Math.imul(id ^ payload.hash, 0x01000193) ^ payload.length;
    }
    const payloadId = (id >>> 0).toString(16);
    const columns = encoder.encode(JSON.stringify(cols));
    const diagSection = encoder.encode(today === undefined ? '[]' : JSON.stringify(diags));
    const index = new Uint8Array(columns.length + diagSection.length);
    index.set(columns, 0);
    index.set(diagSection, columns.length);
    // The index section starts on a 4-byte boundary, so hash32 reads it in place.
    let head = MAGIC + JSON.stringify({
      core: CORE_VERSION,
      key: indexKey(settings),
      shapes: this.shapes,
      count: cols.dir.length,
      indexBytes: columns.length,
      diagnosticsBytes: diagSection.length,
      indexHash: hash32(index),
      payloadId,
      payloadBytes: total,
      diagnostics: today === undefined ? null : diagnosticsKey(today, settings),
    });
    head += ' '.repeat((4 - ((encoder.encode(head).length + 1) % 4)) % 4) + '\n';
    const header = encoder.encode(head);
    const out = new Uint8Array(header.length + index.length);
    out.set(header, 0);
    out.set(index, header.length);
    const docsHeader = encoder.encode(`${DOCS_MAGIC}${payloadId}\n`);
    const payload = new Uint8Array(docsHeader.length + total);
    payload.set(docsHeader, 0);
    const docs = payload.subarray(docsHeader.length);
    let at = 0;
    for (const { payload: p, target } of parts) {
      docs.set(bytesOf(p), at);
      // Point at the new buffer, so the older ones can be collected.
      if (target instanceof CachedFile) {
        target.file = undefined;
        target.buf = docs;
        target.offset = at;
      } else this.memo.set(target, { buf: docs, offset: at, length: p.length, hash: p.hash });
      at += p.length;
    }
    return { index: out, payload };
  }

  /** Diagnostics carry their rule's `data`: should one hold what the compact form cannot, that file's are not saved. */
  private packDiagnostics(list: readonly Diagnostic[]): Packed | null {
    try {
      return this.pack(list);
    } catch {
      return null;
    }
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

/** The index section: one array per field, a file per position (cheaper to parse than a row per file). */
interface Columns {
  /** Each file's path is dirs[dir] + name. */
  dirs: string[];
  dir: number[];
  name: string[];
  /** People's keys, which key and refs count in. */
  keys: string[];
  size: number[];
  mtime: number[];
  /** 0: not a Cadence file; else 1 + the index in KINDS. */
  kind: number[];
  key: (number | null)[];
  date: (string | null)[];
  refs: (number[] | null)[];
  due: (string[] | null)[];
  /** Payload bytes of each document, in order (0 for kind 0). */
  length: number[];
  hash: number[];
  skip: (string | null)[];
}

function read(bytes: Uint8Array, settings: Settings, source: PayloadSource, onCorrupt: ((path: string) => void) | undefined): LoadedIndex | undefined {
  const magic = encoder.encode(MAGIC);
  if (bytes.length < magic.length) return undefined;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return undefined;
  const nl = bytes.indexOf(10, magic.length);
  if (nl === -1) return undefined;
  const h = JSON.parse(utf8.decode(bytes.subarray(magic.length, nl))) as Record<string, unknown>;
  if (!h || h.core !== CORE_VERSION || h.key !== indexKey(settings)) return undefined;
  const { shapes, count, indexBytes, diagnosticsBytes, indexHash, payloadId, payloadBytes, diagnostics } = h;
  if (!isCount(count) || !isCount(indexBytes) || !isCount(diagnosticsBytes) || !isCount(payloadBytes) || !isNum(indexHash) || !isStr(payloadId) || (diagnostics !== null && !isStr(diagnostics))) return undefined;
  // '__proto__' would set a decoded object's prototype instead of a key.
  if (!Array.isArray(shapes) || !shapes.every((s) => Array.isArray(s) && s.every((k) => isStr(k) && k !== '__proto__'))) return undefined;
  const indexStart = nl + 1;
  if (bytes.length !== indexStart + indexBytes + diagnosticsBytes) return undefined;
  if (hash32(bytes.subarray(indexStart)) !== indexHash) return undefined;
  const c = JSON.parse(utf8.decode(bytes.subarray(indexStart, indexStart + indexBytes))) as Columns;
  if (!c || typeof c !== 'object') return undefined;
  for (const k of ['dir', 'name', 'size', 'mtime', 'kind', 'key', 'date', 'refs', 'due', 'length', 'hash', 'skip'] as const) {
    if (!Array.isArray(c[k]) || c[k].length !== count) return undefined;
  }
  const { dirs, keys } = c;
  if (!Array.isArray(dirs) || !dirs.every(isStr) || !Array.isArray(keys) || !keys.every(isStr)) return undefined;

  const writer = new IndexWriter(shapes as string[][]);
  const file = new PayloadFile(source, payloadId, payloadBytes);
  const section = diagnostics === null ? undefined : new DiagnosticsSection(bytes.subarray(indexStart + indexBytes), count, writer);
  const files = new Map<string, IndexedFile>();
  let offset = 0;
  // A plain indexed loop: it runs 10k times before the JIT has warmed up.
  for (let i = 0; i < count; i++) {
    const dirName = dirs[c.dir[i]];
    const name = c.name[i];
    if (!isStr(dirName) || !isStr(name)) return undefined;
    const path = dirName + name;
    const size = c.size[i];
    const mtime = c.mtime[i];
    const kindCode = c.kind[i];
    const length = c.length[i];
    const hash = c.hash[i];
    if (!isStr(path) || !isCount(size) || !isNum(mtime) || !isCount(length) || !isNum(hash) || files.has(path)) return undefined;
    let summary: DocSummary | undefined;
    let skip: string | undefined;
    if (kindCode === 0) {
      const sk = c.skip[i];
      if (sk !== null && !isStr(sk)) return undefined;
      skip = sk ?? undefined;
    } else {
      const kind = KINDS[kindCode];
      const keyAt = c.key[i];
      const key = keyAt === null ? undefined : keys[keyAt];
      const date = c.date[i];
      const refIds = c.refs[i];
      const due = c.due[i];
      if (!kind || (keyAt !== null && key === undefined) || (date !== null && !isStr(date)) || !Array.isArray(refIds) || !Array.isArray(due)) return undefined;
      const refs = new Array<string>(refIds.length);
      for (let j = 0; j < refIds.length; j++) if ((refs[j] = keys[refIds[j]]) === undefined) return undefined;
      for (let j = 0; j < due.length; j++) if (typeof due[j] !== 'string') return undefined;
      summary = { kind, key, date: date ?? undefined, refs, openDue: due };
    }
    files.set(path, new CachedFile(path, size, mtime, summary, skip, file, undefined, offset, length, hash, section && summary && new SavedDiagnostics(section, i), writer, onCorrupt));
    offset += length;
  }
  return offset === payloadBytes ? { files, writer, diagnostics: diagnostics as string | null } : undefined;
}

/**
 * A warm start: every Cadence file of the index into an empty dataset (see
 * Dataset.restoreAll), with the saved diagnostics when they are for the
 * dataset's day and settings. The caller then compares the index with the
 * disk (restoreFile's stamps) and applies what differs.
 */
export function restoreIndex(index: LoadedIndex, dataset: Dataset): void {
  const valid = index.diagnostics !== null && index.diagnostics === diagnosticsKey(dataset.today, dataset.settings);
  const restored: RestoredFile[] = [];
  for (const f of index.files.values()) if (f.summary && f.doc) restored.push(f as RestoredFile);
  dataset.restoreAll(restored, valid);
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
