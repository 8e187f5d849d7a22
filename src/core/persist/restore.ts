// A read index into a Dataset, and a parsed file into the next index.

import { summarize, type Dataset } from '../dataset';
import type { Doc } from '../model';
import { diagnosticsKey } from './format';
import type { FileStamp, IndexedFile, IndexEntry, LoadedIndex } from './types';

/**
 * A warm start: every Cadence file of the index into an empty dataset (see
 * Dataset.restoreAll), with the saved diagnostics when they are for the
 * dataset's day and settings. The caller then compares the index with the
 * disk (restoreFile's stamps) and applies what differs.
 */
export function restoreIndex(index: LoadedIndex, dataset: Dataset): void {
  const valid = index.diagnostics !== null && index.diagnostics === diagnosticsKey(dataset.today, dataset.settings);
  dataset.restoreAll(index.restorable, valid);
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
