// What the dataset (dataset.ts) sends and takes besides the documents
// themselves: its change events, and the files a warm start restores; and
// what it holds per file.

import type { DocSummary } from './cross-file-index';
import type { Doc } from './model';
import type { Rule } from './rules/rule';
import type { Diagnostic } from './types';

export interface DatasetChange {
  /** Files whose diagnostics or figures may differ now. */
  readonly paths: ReadonlySet<string>;
  /** True when every file may differ (settings, today, people appearing at all). */
  readonly all: boolean;
}

/**
 * A document materialised on first use. `load` must not throw; it is called
 * at most once per restore.
 */
export interface LazyDoc {
  load(): Doc;
}

/**
 * The diagnostics a file had when the persistent index was saved: valid for
 * as long as nothing the file depends on has changed since (see restoreAll).
 * `loadDiagnostics` returns undefined when they cannot be read; they are computed then.
 */
export interface CachedDiagnostics {
  loadDiagnostics(): Diagnostic[] | undefined;
  /** Rules they leave out, judged when they are read (see presetDiagnostics). */
  readonly judgeHere?: readonly Rule[];
}

/** One file of a warm start (restoreAll). */
export interface RestoredFile {
  readonly path: string;
  readonly summary: DocSummary;
  readonly doc: LazyDoc;
  readonly diagnostics?: CachedDiagnostics;
}

/** What the dataset holds of one file (dataset.ts). */
export interface DatasetEntry {
  /** Exactly one of `doc` and `lazy` is set. */
  doc: Doc | undefined;
  lazy: LazyDoc | undefined;
  readonly summary: DocSummary;
  /** Diagnostics of rules that read only this file, for `localGen`. */
  local?: Diagnostic[];
  localGen: number;
  /** The file's whole diagnostics, for `memoGen`, until a change names the file. */
  memo?: Diagnostic[];
  memoGen: number;
  /** Diagnostics saved with the persistent index, until a change names the file. */
  cached?: CachedDiagnostics;
  /** Its document was read since the last release(), other than to judge a file. */
  used?: boolean;
}
