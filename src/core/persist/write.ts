// Writing an index: the columns, the strings and the diagnostics section into
// the index file, the documents one after another into the payload file.

import type { LazyDoc } from '../dataset';
import type { Doc } from '../model';
import type { Settings } from '../settings';
import { CORE_VERSION } from '../version';
import { CachedFile } from './cached-file';
import { Codec } from './codec';
import { DiagnosticsWriter } from './diagnostics';
import { bytesOf, DocumentStore, PayloadFile, payloadHeader, StoredDoc, type Payload, type PayloadSource } from './documents';
import { Columns, columnBytes, diagnosticsKey, encoder, hash32, indexKey, kindNumber, MAGIC, padTo8, wellFormed } from './format';
import type { IndexEntry, WrittenIndex } from './types';

/**
 * Writes indexes. It remembers each document's encoded form (by identity), so
 * saving again after one file changed encodes that file only; keep one per
 * workspace folder for the session.
 */
export class IndexWriter {
  /** @internal The codec and the encoded documents, shared with the files of the index this writer continues. */
  readonly store: DocumentStore;
  private readonly diagnostics: DiagnosticsWriter;

  /** `shapes`: the compact form's table of the index this writer continues (see readIndex). */
  constructor(shapes: readonly (readonly string[])[] = []) {
    const codec = new Codec(shapes);
    this.store = new DocumentStore(codec);
    this.diagnostics = new DiagnosticsWriter(codec);
  }

  /** Whether `write` copies this unloaded document as it is (it came from an index this writer continues, or was let go after its save). */
  owns(doc: LazyDoc): doc is CachedFile | StoredDoc {
    return (doc instanceof CachedFile || doc instanceof StoredDoc) && doc.store === this.store;
  }

  /**
   * The document as its last save left it, to be decoded again from there
   * when next read (Dataset.release); undefined when it is not in a saved
   * payload file (changed since, or never saved). `onCorrupt` hears of it
   * if that file turns out damaged when it is read.
   */
  stored(path: string, doc: Doc, onCorrupt?: (path: string) => void): LazyDoc | undefined {
    const p = this.store.saved(doc);
    return p?.file ? new StoredDoc(path, doc.kind, p, this.store, onCorrupt) : undefined;
  }

  /** Encodes a document ahead of `write`, so a caller can spread the work over several turns. */
  prepare(doc: Doc): void {
    this.store.payloadOf(doc);
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
    const flags: number[] = [];
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
    const parts: { readonly payload: Payload; readonly target: Doc | CachedFile | StoredDoc }[] = [];
    // Each old payload file is read once, whole, to copy from, and let go after this save.
    const wholes = new Map<PayloadFile, Uint8Array | undefined>();
    const whole = (file: PayloadFile): Uint8Array | undefined => {
      if (!wholes.has(file)) wholes.set(file, file.all());
      return wholes.get(file);
    };
    let total = 0;
    let id = 0x811c9dc5;
    let seen = 0;
    for (const f of files) {
      if (++seen % slice === 0) yield;
      const s = f.summary;
      let target: Doc | CachedFile | StoredDoc | undefined;
      let payload: Payload | undefined;
      if (s && f.doc) {
        if ('load' in f.doc && this.owns(f.doc)) target = f.doc;
        // Another index's document: decoded here (the caller should have passed the Dataset's own copy).
        else if ('load' in f.doc) target = (f.doc as LazyDoc).load();
        else target = f.doc as Doc;
        if (target instanceof CachedFile || target instanceof StoredDoc) {
          const p = target instanceof CachedFile ? target.payload() : target.payload;
          // The old payload file is unusable: decode (an empty stand-in, reported) and encode that.
          if (!bytesOf(p, whole)) target = target.load();
          payload = target instanceof CachedFile || target instanceof StoredDoc ? p : this.store.payloadOf(target);
        } else {
          payload = this.store.payloadOf(target);
          // Saved before, in a file that turns out unusable now: encoded again.
          if (!bytesOf(payload, whole)) {
            this.store.forget(target);
            payload = this.store.payloadOf(target);
          }
        }
      }
      // UTF-8 cannot carry a lone surrogate, and NUL parts the strings: a
      // file with such a string is left out, and read at the next start.
      if (!wellFormed(f.path)) continue;
      if (!s || !target || !payload) {
        paths.push(f.path);
        size.push(f.size);
        mtime.push(f.mtime);
        kind.push(0);
        flags.push(0);
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
      kind.push(kindNumber(s.kind));
      flags.push(s.feedback ? 1 : 0);
      key.push(k);
      date.push(d);
      skip.push(-1);
      for (const r of refIds) refs.push(r);
      refStart.push(refs.length);
      for (const d of dueIds) due.push(d);
      dueStart.push(due.length);
      length.push(payload.length);
      hash.push(payload.hash);
      diags.push(today !== undefined && f.diagnostics ? this.diagnostics.json(f.diagnostics) : 'null');
      parts.push({ payload, target });
      total += payload.length;
      id = Math.imul(id ^ payload.hash, 0x01000193) ^ payload.length;
    }
    const count = paths.length;
    const strings = [...paths, ...others];
    const text = encoder.encode(strings.join('\0'));
    const diagSection = encoder.encode(today === undefined ? '[]' : `[${diags.join(',')}]`);
    const bodyBytes = columnBytes(count, refs.length, due.length) + text.length;
    const body = new Uint8Array(bodyBytes + padTo8(bodyBytes) + diagSection.length);
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
    cols.flags.set(flags);
    body.set(text, cols.end);
    const diagnosticsAt = body.length - diagSection.length;
    body.set(diagSection, diagnosticsAt);
    const payloadId = (id >>> 0).toString(16);
    let head = MAGIC + JSON.stringify({
      core: CORE_VERSION,
      key: indexKey(settings),
      shapes: this.store.codec.shapes,
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
    head += ' '.repeat(padTo8(encoder.encode(head).length + 1)) + '\n';
    const header = encoder.encode(head);
    const out = new Uint8Array(header.length + body.length);
    out.set(header, 0);
    out.set(body, header.length);
    const docsHeader = payloadHeader(payloadId);
    const payload = new Uint8Array(docsHeader.length + total);
    payload.set(docsHeader, 0);
    const docs = payload.subarray(docsHeader.length);
    const offsets = new Float64Array(parts.length);
    let offset = 0;
    for (let i = 0; i < parts.length; i++) {
      if (i && i % slice === 0) yield;
      const p = parts[i].payload;
      docs.set(bytesOf(p, whole)!, offset);
      offsets[i] = offset;
      offset += p.length;
    }
    wholes.clear();
    const store = this.store;
    let done = false;
    return {
      index: out,
      payload,
      payloadId,
      saved(source: PayloadSource): void {
        if (done) return;
        done = true;
        // Every document written is read from the new file from now on: the old ones can go.
        const file = new PayloadFile(source, payloadId, total);
        for (let i = 0; i < parts.length; i++) {
          const { payload: p, target } = parts[i];
          const at: Payload = { file, offset: offsets[i], length: p.length, hash: p.hash };
          if (target instanceof CachedFile) target.moved = at;
          else if (target instanceof StoredDoc) target.payload = at;
          else store.remember(target, at);
        }
      },
    };
  }
}
