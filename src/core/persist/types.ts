// What the persistent index hands its callers: the files it remembers, and
// what the next index is written from.

import type { DocSummary, LazyDoc, RestoredFile } from '../dataset';
import type { Doc } from '../model';
import type { Diagnostic } from '../types';
import type { PayloadSource } from './documents';
import type { IndexWriter } from './write';

export interface FileStamp {
  readonly size: number;
  /** Whole milliseconds, as `vscode.FileStat.mtime` and Node's `fs.Stats.mtime.getTime()` give it (not `mtimeMs`, which has a fraction); compared exactly. */
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

/** The two files an index is saved as. */
export interface WrittenIndex {
  readonly index: Uint8Array;
  readonly payload: Uint8Array;
  /** The payload's id (the index's header names it): a caller may name the payload file by it. */
  readonly payloadId: string;
  /**
   * Call once both files are written, with where the payload now is: every
   * document of this save is read from there from now on (and not from the
   * payload file it came from, nor from `payload`, which can then go).
   * Until then, and if never called, they are read from where they were.
   */
  saved(source: PayloadSource): void;
}
