// The documents of an index: each one's encoded bytes (a Payload), the
// payload file they are saved in, and the memo of encoded forms by identity
// that lets a save encode only the documents that changed.

import type { Doc } from '../model';
import { Codec } from './codec';
import { DOCS_MAGIC, encoder, fnv1a } from './format';

/** The saved documents: the bytes of the payload file, or a function that reads them when first needed. */
export type PayloadSource = Uint8Array | (() => Uint8Array | undefined);

/** A document's encoded bytes: `length` bytes of `buf` from `offset` (no view made until needed). */
export interface Payload {
  readonly buf: Uint8Array;
  readonly offset: number;
  readonly length: number;
  readonly hash: number;
}

export const bytesOf = (p: Payload): Uint8Array => p.buf.subarray(p.offset, p.offset + p.length);

/** The payload file's first line, naming the index it belongs with. */
export const payloadHeader = (payloadId: string): Uint8Array => encoder.encode(`${DOCS_MAGIC}${payloadId}\n`);

/**
 * The payload file of a read index, read when the first document is loaded
 * (or copied by the next save) and checked once: its header must name the
 * index's payloadId and its length must be the index's payloadBytes.
 */
export class PayloadFile {
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
      const header = payloadHeader(this.id);
      if (raw && raw.length === header.length + this.length && header.every((b, i) => raw[i] === b)) this.bytes = raw.subarray(header.length);
    }
    return this.bytes;
  }
}

/**
 * A codec and the encoded form of every document it encoded or decoded, by
 * the document's identity: one per IndexWriter, shared with the files of the
 * index it was read from.
 */
export class DocumentStore {
  private readonly memo = new WeakMap<Doc, Payload>();

  constructor(readonly codec: Codec) {}

  /** A loaded or written document's bytes are its encoded form: no need to encode it again. */
  remember(doc: Doc, payload: Payload): void {
    this.memo.set(doc, payload);
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
}
