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
// key, date, the people it names), so the file is in two parts:
//
//   - an index, read eagerly: per file its path, size, mtime and summary, a
//     few dozen bytes each (~120 KB per 1,000 files);
//   - a payload, decoded lazily: per file its document in the compact form,
//     when something first reads it (Dataset.restore). The diagnostics of
//     every file read them all soon after a start, but that is the same work
//     as before, spread over the change events, minus the file reads.
//
// The compact form is generic, so a model change needs no code here (only a
// CORE_VERSION bump): every plain object is written as [shape, ...values]
// against a table of key lists; arrays, Maps, Sets, null and the numbers JSON
// cannot spell get tags; a range is [-6, line, char, line, char], or, under
// one of the model's range keys (RANGE_KEYS) and on one line, one number.
// It is ~36% of the plain JSON (~2.6 KB a note); a load is mostly JSON.parse,
// so fewer values is what makes it faster. Per-file diagnostics are not
// cached: they depend on today (overdue items, lapsed 1:1s), so a cache
// written yesterday would be wrong for most files this morning.
//
// Layout, in UTF-8:
//
//   CADENCE-INDEX <INDEX_FORMAT>\n
//   {"core","key","shapes","count","indexBytes","indexHash","payloadBytes"}\n
//   <index: a JSON object of columns (Columns below), indexBytes long>
//   <payload: the documents one after another, payloadBytes long>
//
// The index holds, per file, its path, size, mtime, kind and summary, and the
// length and checksum of its document in the payload; files that are not
// Cadence's (kind 0: no or another `type:`, or skipped as too large or binary,
// with the reason) are listed too, so they are not re-read either.
//
// Every check fails quietly: another format, another core version, other
// settings, a wrong length (truncated) or a wrong checksum (corrupt) make
// readIndex return undefined, and the caller indexes from scratch. The
// payload of each document has its own checksum, verified when it is loaded;
// a document that fails it is replaced by an empty one of its kind and
// reported through `onCorrupt`, so the caller re-reads that file.

import { summarize, type Dataset, type DocSummary, type LazyDoc } from './dataset';
import type { Doc, FileKind } from './model';
import { parseDoc } from './parse/index';
import type { Settings } from './settings';
import { CORE_VERSION } from './version';

/** Version of the layout above (CORE_VERSION covers the documents' shape). */
export const INDEX_FORMAT = 1;
const MAGIC = `CADENCE-INDEX ${INDEX_FORMAT}\n`;

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
  readonly files: ReadonlyMap<string, IndexedFile>;
  /** Writes the next index; copies documents still unloaded without decoding them. */
  readonly writer: IndexWriter;
}

/** What the next index holds for one file. */
export interface IndexEntry extends FileStamp {
  readonly path: string;
  /** A Cadence file: its summary and document (an unloaded LazyDoc is copied as it is). */
  readonly summary?: DocSummary;
  readonly doc?: Doc | LazyDoc;
  readonly skip?: string;
}

/**
 * The settings that change what a file parses to: the globs (which kind a
 * file is, whether it is Cadence's at all) and the size limit (whether it is
 * skipped). Severities, today and cadence defaults only affect diagnostics,
 * which are never cached.
 */
export function indexKey(settings: Settings): string {
  return JSON.stringify([settings.peopleGlobs, settings.oneOnOneGlobs, settings.okrGlobs, settings.okrReviewGlobs, settings.maxFileSizeKB]);
}

const KINDS: readonly (FileKind | undefined)[] = [undefined, 'person', '1on1', 'okr', 'okr-review'];

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
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

/** A file of a read index; for a Cadence file also its document, decoded on first use. */
class CachedFile implements IndexedFile, LazyDoc, Payload {
  readonly doc: LazyDoc | undefined;

  constructor(
    readonly path: string,
    readonly size: number,
    readonly mtime: number,
    readonly summary: DocSummary | undefined,
    readonly skip: string | undefined,
    // Where the document's bytes are; write() moves them to its new buffer.
    public buf: Uint8Array,
    public offset: number,
    readonly length: number,
    readonly hash: number,
    readonly writer: IndexWriter,
    private readonly onCorrupt: ((path: string) => void) | undefined,
  ) {
    this.doc = summary ? this : undefined;
  }

  load(): Doc {
    const kind = this.summary!.kind;
    let doc: Doc | undefined;
    try {
      const bytes = bytesOf(this);
      if (fnv1a(bytes) === this.hash) {
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
    this.writer.remember(doc, this);
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

  /** The index of these files, for these settings. Throws only on a value the compact form cannot hold (a bug). */
  write(files: Iterable<IndexEntry>, settings: Settings): Uint8Array {
    const cols: Columns = { path: [], size: [], mtime: [], kind: [], key: [], date: [], refs: [], length: [], hash: [], skip: [] };
    const parts: { readonly payload: Payload; readonly target: Doc | CachedFile }[] = [];
    let total = 0;
    for (const f of files) {
      cols.path.push(f.path);
      cols.size.push(f.size);
      cols.mtime.push(f.mtime);
      if (!f.summary || !f.doc) {
        cols.kind.push(0);
        cols.key.push(null);
        cols.date.push(null);
        cols.refs.push(null);
        cols.length.push(0);
        cols.hash.push(0);
        cols.skip.push(f.skip ?? null);
        continue;
      }
      const s = f.summary;
      let target: Doc | CachedFile;
      if (f.doc instanceof CachedFile && f.doc.writer === this) target = f.doc;
      // Another index's document: decoded here (the caller should have passed the Dataset's own copy).
      else if ('load' in f.doc) target = (f.doc as LazyDoc).load();
      else target = f.doc as Doc;
      const payload = target instanceof CachedFile ? target : this.payloadOf(target);
      cols.kind.push(KINDS.indexOf(s.kind));
      cols.key.push(s.key ?? null);
      cols.date.push(s.date ?? null);
      cols.refs.push(s.refs as string[]);
      cols.length.push(payload.length);
      cols.hash.push(payload.hash);
      cols.skip.push(null);
      parts.push({ payload, target });
      total += payload.length;
    }
    const index = encoder.encode(JSON.stringify(cols));
    const header = encoder.encode(
      MAGIC + JSON.stringify({ core: CORE_VERSION, key: indexKey(settings), shapes: this.shapes, count: cols.path.length, indexBytes: index.length, indexHash: fnv1a(index), payloadBytes: total }) + '\n',
    );
    const out = new Uint8Array(header.length + index.length + total);
    out.set(header, 0);
    out.set(index, header.length);
    let at = header.length + index.length;
    for (const { payload, target } of parts) {
      out.set(bytesOf(payload), at);
      // Point at the new buffer, so the older ones can be collected.
      if (target instanceof CachedFile) {
        target.buf = out;
        target.offset = at;
      } else this.memo.set(target, { buf: out, offset: at, length: payload.length, hash: payload.hash });
      at += payload.length;
    }
    return out;
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
 * for other settings, or is truncated or corrupt. `onCorrupt` hears of a
 * document whose own bytes turn out to be damaged when it is loaded.
 */
export function readIndex(bytes: Uint8Array, settings: Settings, onCorrupt?: (path: string) => void): LoadedIndex | undefined {
  try {
    return read(bytes, settings, onCorrupt);
  } catch {
    return undefined;
  }
}

/** The index section: one array per field, a file per position (cheaper to parse than a row per file). */
interface Columns {
  path: string[];
  size: number[];
  mtime: number[];
  /** 0: not a Cadence file; else 1 + the index in KINDS. */
  kind: number[];
  key: (string | null)[];
  date: (string | null)[];
  refs: (string[] | null)[];
  /** Payload bytes of each document, in order (0 for kind 0). */
  length: number[];
  hash: number[];
  skip: (string | null)[];
}

function read(bytes: Uint8Array, settings: Settings, onCorrupt: ((path: string) => void) | undefined): LoadedIndex | undefined {
  const magic = encoder.encode(MAGIC);
  if (bytes.length < magic.length) return undefined;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return undefined;
  const nl = bytes.indexOf(10, magic.length);
  if (nl === -1) return undefined;
  const h = JSON.parse(utf8.decode(bytes.subarray(magic.length, nl))) as Record<string, unknown>;
  if (!h || h.core !== CORE_VERSION || h.key !== indexKey(settings)) return undefined;
  const { shapes, count, indexBytes, indexHash, payloadBytes } = h;
  if (!isCount(count) || !isCount(indexBytes) || !isCount(payloadBytes) || !isNum(indexHash)) return undefined;
  // '__proto__' would set a decoded object's prototype instead of a key.
  if (!Array.isArray(shapes) || !shapes.every((s) => Array.isArray(s) && s.every((k) => isStr(k) && k !== '__proto__'))) return undefined;
  const indexStart = nl + 1;
  const payloadStart = indexStart + indexBytes;
  if (bytes.length !== payloadStart + payloadBytes) return undefined;
  const indexView = bytes.subarray(indexStart, payloadStart);
  if (fnv1a(indexView) !== indexHash) return undefined;
  const c = JSON.parse(utf8.decode(indexView)) as Columns;
  if (!c || typeof c !== 'object') return undefined;
  for (const k of ['path', 'size', 'mtime', 'kind', 'key', 'date', 'refs', 'length', 'hash', 'skip'] as const) {
    if (!Array.isArray(c[k]) || c[k].length !== count) return undefined;
  }

  const writer = new IndexWriter(shapes as string[][]);
  const files = new Map<string, IndexedFile>();
  let offset = payloadStart;
  // A plain indexed loop: it runs 10k times before the JIT has warmed up.
  for (let i = 0; i < count; i++) {
    const path = c.path[i];
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
      const key = c.key[i];
      const date = c.date[i];
      const refs = c.refs[i];
      if (!kind || (key !== null && !isStr(key)) || (date !== null && !isStr(date)) || !Array.isArray(refs)) return undefined;
      for (let j = 0; j < refs.length; j++) if (typeof refs[j] !== 'string') return undefined;
      summary = { kind, key: key ?? undefined, date: date ?? undefined, refs };
    }
    files.set(path, new CachedFile(path, size, mtime, summary, skip, bytes, offset, length, hash, writer, onCorrupt));
    offset += length;
  }
  return offset === bytes.length ? { files, writer } : undefined;
}

/**
 * A warm start's step for one file: when the index holds `path` at this very
 * stamp (size and mtime of a fresh stat), restores it into `dataset` (a
 * Cadence file; nothing to do for one that is not) and returns the index's
 * entry; otherwise returns undefined and the caller reads the file.
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
