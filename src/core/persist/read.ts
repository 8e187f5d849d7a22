// Reading an index: its header checked, its columns viewed in place over the
// file's own bytes, every number that names a string or a list checked in one
// loop, one object made a file.

import type { RestoredFile } from '../dataset';
import type { Settings } from '../settings';
import { CORE_VERSION } from '../version';
import { CachedFile, type Table } from './cached-file';
import { DiagnosticsSection } from './diagnostics';
import { PayloadFile, type PayloadSource } from './documents';
import { Columns, columnBytes, EMPTY, encoder, hash32, indexKey, isCount, isNum, isStr, KIND_OF_NUMBER, MAGIC, padTo8, utf8 } from './format';
import type { IndexedFile, LoadedIndex } from './types';
import { IndexWriter } from './write';

/** The id of the payload an index names (its documents' file), without reading the rest; undefined when it is not an index. */
export function payloadIdOf(bytes: Uint8Array): string | undefined {
  try {
    const magic = encoder.encode(MAGIC);
    if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) return undefined;
    const nl = bytes.indexOf(10, magic.length);
    const id = nl === -1 ? undefined : (JSON.parse(utf8.decode(bytes.subarray(magic.length, nl))) as { payloadId?: unknown } | null)?.payloadId;
    return typeof id === 'string' && /^[0-9a-f]{1,8}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads an index written by IndexWriter for these settings. Returns undefined
 * — never throws — when it is not one, was made by another core version or
 * for other settings, or is truncated or corrupt (another format, a wrong
 * length, a wrong checksum, a number out of range): the caller then indexes
 * from scratch. `payload` is the payload file, or reads it (synchronously,
 * whole or in pieces: PayloadSource) when the first document is loaded. `onCorrupt` hears of a document that
 * turns out to be damaged or missing when it is loaded (a payload missing, of
 * another save or truncated; a document whose own checksum fails): it is
 * replaced by an empty one of its kind, and the caller re-reads that file.
 */
export function readIndex(bytes: Uint8Array, settings: Settings, payload: PayloadSource, onCorrupt?: (path: string) => void): LoadedIndex | undefined {
  try {
    return read(bytes, settings, payload, onCorrupt);
  } catch {
    return undefined;
  }
}

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
  const bodyBytes = columnBytes(n, refCount as number, dueCount as number) + (stringBytes as number);
  const diagnosticsAt = bodyBytes + padTo8(bodyBytes);
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
    diagnostics: diagnostics === null ? undefined : new DiagnosticsSection(body.subarray(diagnosticsAt), diagnosticsHash as number, n, writer.store.codec),
    store: writer.store,
    onCorrupt,
  };
  const files = new Map<string, IndexedFile>();
  const restorable: CachedFile[] = [];
  const { size, mtime, kind, flags, length, key, date, skip, refStart, refs, dueStart, due } = c;
  let offset = 0;
  // One plain indexed loop that checks as it goes (every number that names a
  // string must name one): it runs 10k times before the JIT has warmed up.
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    const r0 = refStart[i];
    const r1 = refStart[i + 1];
    const d0 = dueStart[i];
    const d1 = dueStart[i + 1];
    if (!(size[i] >= 0) || !Number.isFinite(mtime[i]) || (k !== 0 && KIND_OF_NUMBER[k] === undefined) || r1 < r0 || d1 < d0 || flags[i] > 1) return undefined;
    let d: readonly string[] = EMPTY;
    let kv: string | undefined;
    let dv: string | undefined;
    if (k === 0) {
      if (length[i] !== 0 || r1 !== r0 || d1 !== d0 || flags[i] !== 0 || skip[i] >= strCount || skip[i] < -1) return undefined;
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
    const f = new CachedFile(path, KIND_OF_NUMBER[k]!, kv, dv, d, flags[i] === 1, table, i);
    files.set(path, f);
    if (k !== 0) restorable.push(f);
  }
  return files.size === n && offset === payloadBytes ? { files, writer, diagnostics: diagnostics as string | null, restorable: restorable as RestoredFile[] } : undefined;
}
