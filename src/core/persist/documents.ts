// The documents of an index: the payload file they are saved in, where each
// one's encoded bytes are (a Payload: in memory, or a place in a payload
// file), and the memo of encoded forms by identity that lets a save encode
// only the documents that changed.
//
// Where the payload file can be read a piece at a time (the extension on
// Node: a positional read of the file on disk), nothing of it is held in
// memory: a document's bytes are read when it is decoded, and a save reads
// the file once to copy the documents it did not encode, then lets go. Where
// it cannot (the browser), the whole file is held, as read.

import type { Doc, FileKind } from '../model';
import { parseDoc } from '../parse/index';
import { Codec } from './codec';
import { DOCS_MAGIC, encoder, fnv1a } from './format';

/**
 * Reads `length` bytes of a payload file from byte `position` (counted from
 * the file's start, its header included); fewer at its end; undefined (or
 * a throw) when the file cannot be read. Synchronous: a document is decoded
 * in the middle of a rule or a view.
 */
export interface PayloadReader {
  read(position: number, length: number): Uint8Array | undefined;
}

/**
 * Where a payload file is: its bytes; or a function, called with the
 * payload's id (format.ts) when a document is first needed, that gives its
 * bytes (then held) or a PayloadReader (nothing held).
 */
export type PayloadSource = Uint8Array | ((payloadId: string) => Uint8Array | PayloadReader | undefined);

/**
 * A document's encoded bytes: `length` bytes at `offset` of `buf` (in memory)
 * or of `file`'s documents (read when needed); `hash` is their fnv1a.
 */
export interface Payload {
  readonly buf?: Uint8Array;
  readonly file?: PayloadFile;
  readonly offset: number;
  readonly length: number;
  readonly hash: number;
}

/** The payload file's first line, naming the index it belongs with. */
export const payloadHeader = (payloadId: string): Uint8Array => encoder.encode(`${DOCS_MAGIC}${payloadId}\n`);

/**
 * A payload file: read (in whole or in part) when the first document is
 * needed, and checked once: its header must name the index's payloadId and
 * its length must be the index's payloadBytes.
 */
export class PayloadFile {
  /** The documents, when the source gave the whole file. */
  private bytes: Uint8Array | undefined;
  private reader: PayloadReader | undefined;
  private checked = false;
  private readonly header: Uint8Array;

  constructor(
    private source: PayloadSource,
    readonly id: string,
    /** Bytes of the documents (payloadBytes), after the header. */
    readonly length: number,
  ) {
    this.header = payloadHeader(id);
  }

  private open(): void {
    if (this.checked) return;
    this.checked = true;
    let got: Uint8Array | PayloadReader | undefined;
    try {
      got = typeof this.source === 'function' ? this.source(this.id) : this.source;
    } catch {
      got = undefined;
    }
    this.source = new Uint8Array(0);
    const h = this.header;
    if (got instanceof Uint8Array) {
      if (got.length === h.length + this.length && h.every((b, i) => got[i] === b)) this.bytes = got.subarray(h.length);
    } else if (got) {
      // The header, and the file's end exactly where the documents end (one byte read of two asked for).
      const head = this.readAt(got, 0, h.length);
      const end = this.readAt(got, h.length + this.length - 1, 2);
      if (head && head.length === h.length && h.every((b, i) => head[i] === b) && end && end.length === 1) this.reader = got;
    }
  }

  private readAt(reader: PayloadReader, position: number, length: number): Uint8Array | undefined {
    try {
      return reader.read(position, length);
    } catch {
      return undefined;
    }
  }

  /** `length` bytes of the documents from `offset`; undefined when the file is unusable. */
  range(offset: number, length: number): Uint8Array | undefined {
    this.open();
    if (this.bytes) return this.bytes.subarray(offset, offset + length);
    if (!this.reader) return undefined;
    const b = this.readAt(this.reader, this.header.length + offset, length);
    return b && b.length === length ? b : undefined;
  }

  /** Every document's bytes, for a save to copy from (read now, and not held when read in parts); undefined when unusable. */
  all(): Uint8Array | undefined {
    return this.range(0, this.length);
  }
}

/** A payload's bytes; `whole` gives a file's documents at once (a save reads each file once). */
export function bytesOf(p: Payload, whole?: (file: PayloadFile) => Uint8Array | undefined): Uint8Array | undefined {
  if (p.buf) return p.buf.subarray(p.offset, p.offset + p.length);
  if (!p.file) return undefined;
  if (!whole) return p.file.range(p.offset, p.length);
  return whole(p.file)?.subarray(p.offset, p.offset + p.length);
}

/**
 * A codec and where the encoded form of every document it encoded or decoded
 * is, by the document's identity: one per IndexWriter, shared with the files
 * of the index it was read from.
 */
export class DocumentStore {
  private readonly memo = new WeakMap<Doc, Payload>();

  constructor(readonly codec: Codec) {}

  /** A loaded or written document's bytes are its encoded form: no need to encode it again. */
  remember(doc: Doc, payload: Payload): void {
    this.memo.set(doc, payload);
  }

  /** Forgets where the document's encoded form is (that file is unusable). */
  forget(doc: Doc): void {
    this.memo.delete(doc);
  }

  /** Where the document's encoded form is, when it was loaded or saved (nothing is encoded). */
  saved(doc: Doc): Payload | undefined {
    return this.memo.get(doc);
  }

  /** The document's encoded form, encoded now unless remembered. */
  payloadOf(doc: Doc): Payload {
    let p = this.memo.get(doc);
    if (!p) {
      const bytes = this.codec.encode(doc);
      p = { buf: bytes, offset: 0, length: bytes.length, hash: fnv1a(bytes) };
      this.memo.set(doc, p);
    }
    return p;
  }

  /**
   * Decodes a saved document; never throws. One missing from its payload,
   * or whose checksum fails, is reported through `onCorrupt` (the caller
   * re-reads the file) and stands in as an empty one of its kind.
   */
  load(payload: Payload, path: string, kind: FileKind, onCorrupt: ((path: string) => void) | undefined): Doc {
    let doc: Doc | undefined;
    const bytes = bytesOf(payload);
    try {
      if (bytes && fnv1a(bytes) === payload.hash) {
        const d = this.codec.decode(bytes) as Doc;
        if (d && d.kind === kind && d.path === path) doc = d;
      }
    } catch {
      doc = undefined;
    }
    if (!doc) {
      // Something to show until the caller has re-read the file.
      onCorrupt?.(path);
      return parseDoc(path, '', kind);
    }
    // Where it came from, not its bytes: a later save copies it from there.
    this.remember(doc, payload);
    return doc;
  }
}

/**
 * A document the dataset let go of after a save (Dataset.release): decoded
 * again from where that save put it, when something reads it.
 */
export class StoredDoc {
  constructor(
    readonly path: string,
    readonly kind: FileKind,
    /** @internal */ public payload: Payload,
    /** @internal */ readonly store: DocumentStore,
    private readonly onCorrupt: ((path: string) => void) | undefined,
  ) {}

  load(): Doc {
    return this.store.load(this.payload, this.path, this.kind, this.onCorrupt);
  }
}
