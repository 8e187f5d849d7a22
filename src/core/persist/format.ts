// The index file's layout (format 4), and what both sides of it share: the
// numbers of the file kinds, the checksums, the keys of the settings and day
// an index is for.
//
// Binary, so a start parses no JSON but its header. A start runs in a process
// whose JIT has not warmed up, where every turn of a loop and every object
// costs: with the columns as JSON (format 2), reading the index of 10k notes
// took ~45 ms, mostly JSON.parse and the objects it makes; as typed arrays
// over the file's own bytes and one string split, ~20 ms.
//
//   index:   CADENCE-INDEX <INDEX_FORMAT>\n
//            {"core","key","shapes","count",…,"bodyHash","diagnosticsHash","payloadId","payloadBytes","diagnostics"}<spaces>\n
//            the body, starting on an 8-byte boundary of the file:
//              float64 size[count], mtime[count]
//              uint32  length[count], hash[count]       (each document in the payload)
//              int32   key[count], date[count], skip[count]   (a string's number, -1 for none)
//              uint32  refStart[count + 1], dueStart[count + 1], refs[refCount], due[dueCount]
//              uint8   kind[count]                      (0: not a Cadence file; else its kind's indexNumber, kinds.ts)
//              uint8   flags[count]                     (1: a 1:1 holding feedback; else 0)
//              the strings, UTF-8, parted by NUL: the files' paths in order, then
//              every other string once (people's keys, dates, skip reasons)
//            a JSON array of each file's packed diagnostics or null, diagnosticsBytes long
//   payload: CADENCE-DOCS <INDEX_FORMAT> <payloadId>\n
//            <the documents one after another, payloadBytes long>
//
// `shapes` is the compact form's table of key lists (codec.ts); `payloadId`
// a checksum of the documents' checksums, so an index and a payload of two
// different saves never pair up; `bodyHash` covers the body up to the
// diagnostics, checked at the start; `diagnosticsHash` the diagnostics,
// checked when they are first asked for.

import { FILE_KINDS } from '../kinds';
import type { FileKind } from '../model';
import { GLOB_SETTINGS, type Settings } from '../settings';

/** Version of the layout above (CORE_VERSION covers the documents' shape). */
export const INDEX_FORMAT = 4;
export const MAGIC = `CADENCE-INDEX ${INDEX_FORMAT}\n`;
export const DOCS_MAGIC = `CADENCE-DOCS ${INDEX_FORMAT} `;

/**
 * The `kind` column's numbers to kinds: each kind's `indexNumber` in the
 * file-kind registry (kinds.ts), which owns them; 0 is a file that is not
 * Cadence's, and so is any number no kind has (the index is then refused).
 */
export const KIND_OF_NUMBER: readonly (FileKind | undefined)[] = Array.from({ length: 256 }, (_, n) => (n ? FILE_KINDS.ofIndexNumber(n)?.id : undefined));

/** The `kind` column's number of a kind. */
export function kindNumber(kind: FileKind): number {
  return FILE_KINDS.get(kind).indexNumber;
}

/**
 * The settings that change what a file parses to: the globs (which kind a
 * file is, whether it is Cadence's at all) and the size limit (whether it is
 * skipped). Severities, today and cadence defaults only affect diagnostics,
 * which have their own key.
 */
export function indexKey(settings: Settings): string {
  return JSON.stringify([...GLOB_SETTINGS.map((k) => settings[k]), settings.maxFileSizeKB, settings.talkingPointHeadings]);
}

/** What saved diagnostics depend on besides the files: the day and every setting. */
export function diagnosticsKey(today: string, settings: Settings): string {
  return JSON.stringify([today, settings]);
}

export const encoder = new TextEncoder();
export const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A document's checksum (FNV-1a over its bytes). */
export function fnv1a(bytes: Uint8Array): number {
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

export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Not a lone surrogate nor a NUL in it: UTF-8 carries it exactly, and NUL parts the strings. */
export const wellFormed = (v: string): boolean => !/[\0\p{Cs}]/u.test(v);

export const EMPTY: readonly string[] = Object.freeze([]);

/** Bytes of the columns for `count` files and these list lengths (the strings follow them). */
export const columnBytes = (count: number, refCount: number, dueCount: number): number => 16 * count + 4 * (5 * count + 2 * (count + 1) + refCount + dueCount) + 2 * count;

/** Zero bytes after `n` up to the next 8-byte boundary. */
export const padTo8 = (n: number): number => (8 - (n % 8)) % 8;

/** The columns of the body, as views over its buffer (which starts on an 8-byte boundary). */
export class Columns {
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
  /** 1: a 1:1 holding feedback (DocSummary.feedback). */
  readonly flags: Uint8Array;
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
    this.flags = next(Uint8Array, count, 1);
    this.end = at - start;
  }
}
