// A file of a read index: a position in the index's columns, so a start makes
// one object a file. For a Cadence file it is also its summary, its document
// (decoded on first use) and its saved diagnostics.

import type { CachedDiagnostics, DocSummary, LazyDoc } from '../dataset';
import type { Doc, FileKind } from '../model';
import type { Diagnostic } from '../types';
import type { DiagnosticsSection } from './diagnostics';
import type { DocumentStore, Payload, PayloadFile } from './documents';
import { EMPTY } from './format';
import type { IndexedFile } from './types';

/** The columns of a read index, over its own bytes: a file per position. */
export interface Table {
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
  /** The store of the writer that continues this index. */
  readonly store: DocumentStore;
  readonly onCorrupt: ((path: string) => void) | undefined;
}

export class CachedFile implements IndexedFile, DocSummary, LazyDoc, CachedDiagnostics {
  // Plain fields, not getters: the Dataset reads them once a file, at the start,
  // before the JIT has warmed up. Declared, so they are set once, in the constructor.
  /** A Cadence file's summary is the file itself: one object a file, not two. */
  declare readonly summary: DocSummary | undefined;
  declare readonly doc: LazyDoc | undefined;
  declare readonly diagnostics: CachedDiagnostics | undefined;
  /** Set when a save copied the document into a new payload file (IndexWriter, WrittenIndex.saved): it is read from there. */
  declare moved: Payload | undefined;
  declare private refList: readonly string[] | undefined;

  constructor(
    readonly path: string,
    /** The summary's fields; kind is undefined for a file that is not Cadence's. */
    readonly kind: FileKind,
    readonly key: string | undefined,
    readonly date: string | undefined,
    readonly openDue: readonly string[],
    readonly feedback: boolean,
    private readonly t: Table,
    private readonly i: number,
  ) {
    const cadence = kind === undefined ? undefined : this;
    this.summary = cadence;
    this.doc = cadence;
    this.diagnostics = t.diagnostics && cadence;
    this.moved = undefined;
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

  /** The store of the writer that continues this file's index (IndexWriter.owns). */
  get store(): DocumentStore {
    return this.t.store;
  }

  get length(): number {
    return this.t.length[this.i];
  }

  get hash(): number {
    return this.t.hash[this.i];
  }

  /** Where the document's bytes are: in this index's payload file, or where a save since moved them. */
  payload(): Payload {
    return this.moved ?? { file: this.t.file, offset: this.t.offset[this.i], length: this.t.length[this.i], hash: this.t.hash[this.i] };
  }

  /**
   * The document, decoded; never throws. A document missing from the payload,
   * or whose checksum fails, is reported through `onCorrupt` (the caller
   * re-reads the file) and stands in as an empty one of its kind.
   */
  load(): Doc {
    return this.t.store.load(this.payload(), this.path, this.summary!.kind, this.t.onCorrupt);
  }

  loadDiagnostics(): Diagnostic[] | undefined {
    return this.t.diagnostics?.at(this.i);
  }
}
