// Where the persistent index (src/core/persist.ts) lives: two files per
// workspace folder in the extension's workspace storage, the index and the
// documents ("index-<folder>.bin" and "index-<folder>-<payload id>.docs": a
// save writes its documents under a new name, so a document is never read
// from a file half rewritten). Loading and saving only move bytes; the core
// decides what they mean, and every failure ends in "no cache" (a full
// index) or "read that file again", never an error shown to the user.
//
// The documents are read when one is needed, which can be in the middle of
// a synchronous rule or view: each one by a positional read of the file when
// the storage is on this machine's disk (it always is for an extension
// running in Node: the storage is the extension host's, whatever the
// workspace is), nothing of the file held in memory; else (the browser
// build: host-web.ts) the whole file with the index, at the start. After a
// save, the documents it wrote are read from the new file, the old one is
// deleted, and the dataset lets go of the documents nothing has read since
// the save before (FolderIndex.saved, Dataset.release).
//
// Saves are scheduled here too (IndexSaver): a few seconds after the last
// change, never while a re-index is reading, one after another, and once
// more on deactivate.

import * as vscode from 'vscode';
import type { Dataset } from '../core/dataset';
import { payloadIdOf, readIndex, type FileStamp, type IndexEntry, type IndexWriter, type LoadedIndex, type PayloadSource } from '../core/persist';
import type { Settings } from '../core/settings';
import { Disposable, toDisposable } from './dispose';
import { host } from './host';

/** Saves wait for this long without a change, so typing never waits for a write. */
const SAVE_DELAY_MS = 5000;
/** Files this much younger than the stat are not stamped: a write in the same mtime tick could go unseen. */
export const RACY_MS = 2000;
/** Documents encoded per turn while saving, between yields to the event loop. */
const ENCODE_SLICE = 200;

function fileName(folder: vscode.WorkspaceFolder): string {
  let h = 0x811c9dc5;
  const s = folder.uri.toString();
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `index-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

export function indexUri(storage: vscode.Uri, folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(storage, `${fileName(folder)}.bin`);
}

/** The documents' file of the folder's index whose payload id is `payloadId`. */
export function payloadUri(storage: vscode.Uri, folder: vscode.WorkspaceFolder, payloadId: string): vscode.Uri {
  return vscode.Uri.joinPath(storage, `${fileName(folder)}-${payloadId}.docs`);
}

/** Every documents' file of the folder's indexes in the storage, whatever save wrote it (also format 3's "index-<folder>.docs"). */
export async function payloadFiles(storage: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const base = fileName(folder);
  const names = await vscode.workspace.fs.readDirectory(storage).then((e) => e.map(([name]) => name), () => [] as string[]);
  return names.filter((n) => n.startsWith(base) && /^index-[0-9a-f]{8}(-[0-9a-f]+)?\.docs(\.tmp)?$/.test(n)).map((n) => vscode.Uri.joinPath(storage, n));
}

/**
 * Where an index's documents are, for the core: read in pieces on this
 * machine's disk (nothing held), else read whole now (the browser).
 */
async function payloadSource(storage: vscode.Uri, folder: vscode.WorkspaceFolder, payloadId: string): Promise<PayloadSource> {
  const docs = payloadUri(storage, folder, payloadId);
  const reader = host.localReader;
  if (reader && docs.scheme === 'file') return () => reader(docs);
  return vscode.workspace.fs.readFile(docs).then((b) => b, () => new Uint8Array(0));
}

/** The folder's saved index, if there is a usable one. */
export async function loadIndex(storage: vscode.Uri | undefined, folder: vscode.WorkspaceFolder, settings: Settings, onCorrupt: (path: string) => void): Promise<LoadedIndex | undefined> {
  if (!storage) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(indexUri(storage, folder));
  } catch {
    return undefined; // none yet
  }
  const id = payloadIdOf(bytes);
  if (id === undefined) return undefined;
  return readIndex(bytes, settings, await payloadSource(storage, folder, id), onCorrupt);
}

/** What saving a folder's index needs of it (a FolderIndex). */
export interface IndexedFolder {
  readonly folder: vscode.WorkspaceFolder;
  readonly dataset: Dataset;
  /** The stamp each path was read from disk at (`skip`: skipped); a path without one is left out. */
  readonly stamps: ReadonlyMap<string, FileStamp & { readonly skip?: string }>;
  /** Remembers the documents it encoded between saves. */
  readonly writer: IndexWriter;
  /** A re-index replaced it since: its successor saves itself. */
  readonly isDisposed: boolean;
  /** The index was written: the documents it saved can be let go of (FolderIndex.saved). */
  saved?(): void;
}

/** Resolves on a later turn of the event loop (a macrotask: what else waits runs first). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Writes the folder's index. The snapshot of what to write is taken at once
 * (each document with the stamp it was read at, and its diagnostics when
 * they are at hand); encoding the documents, then assembling the index
 * (IndexWriter.writeSteps), proceed in slices with a turn for the editor
 * between them; the write requests follow.
 * Diagnostics are saved only when every file of the dataset is in the index
 * (none held as an editor's unsaved text): they are then the diagnostics of
 * exactly the dataset a warm start restores.
 */
export async function saveIndex(storage: vscode.Uri, index: IndexedFolder): Promise<void> {
  const ds = index.dataset;
  const writer = index.writer;
  const entries: IndexEntry[] = [];
  let complete = true;
  for (const path of ds.paths()) if (!index.stamps.has(path)) complete = false;
  for (const [path, stamp] of index.stamps) {
    const summary = ds.summary(path);
    if (!summary) {
      entries.push({ path, size: stamp.size, mtime: stamp.mtime, skip: stamp.skip });
      continue;
    }
    // Saving reads no document as a use (Dataset.release): the loaded one as it is, else the unloaded one's source.
    const unloaded = ds.unloaded(path);
    const diagnostics = complete ? ds.knownDiagnostics(path) : undefined;
    entries.push({ path, size: stamp.size, mtime: stamp.mtime, summary, doc: ds.loaded(path) ?? (unloaded && writer.owns(unloaded) ? unloaded : ds.doc(path)), diagnostics });
  }
  for (let i = 0; i < entries.length; i += ENCODE_SLICE) {
    for (let j = i; j < Math.min(i + ENCODE_SLICE, entries.length); j++) {
      const doc = entries[j].doc;
      if (doc && !('load' in doc)) writer.prepare(doc);
    }
    await nextTurn();
  }
  // Then the index itself, in steps with a turn for the editor between them.
  const steps = writer.writeSteps(entries, ds.settings, complete ? ds.today : undefined);
  let step = steps.next();
  while (!step.done) {
    await nextTurn();
    step = steps.next();
  }
  const written = step.value;
  await vscode.workspace.fs.createDirectory(storage);
  // The documents first: an index never names documents not yet written.
  // Under a name of their own, written whole and then renamed into place: a
  // document being read meanwhile comes from the old file, or the new one
  // complete (the same id: the same documents).
  const docs = payloadUri(storage, index.folder, written.payloadId);
  const tmp = docs.with({ path: `${docs.path}.tmp` });
  await vscode.workspace.fs.writeFile(tmp, written.payload);
  await vscode.workspace.fs.rename(tmp, docs, { overwrite: true });
  await vscode.workspace.fs.writeFile(indexUri(storage, index.folder), written.index);
  // From now on the documents are read from the new file: the old ones can go.
  written.saved(host.localReader && docs.scheme === 'file' ? await payloadSource(storage, index.folder, written.payloadId) : written.payload);
  for (const old of await payloadFiles(storage, index.folder)) {
    if (old.toString() !== docs.toString()) await vscode.workspace.fs.delete(old).then(undefined, () => undefined);
  }
  if (!index.isDisposed) index.saved?.();
}

/**
 * When each folder's index is saved: SAVE_DELAY_MS after the last change (so
 * typing never waits for a write), never while a re-index is reading (it
 * decides what is out of date when it ends), one save after another (never
 * two writes of one file at once), and at once on flush (deactivation).
 * Without storage nothing is ever saved.
 */
export class IndexSaver extends Disposable {
  /** Folders changed since their index was last saved. */
  private readonly unsaved = new Set<IndexedFolder>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private reading = false;

  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(toDisposable(() => clearTimeout(this.timer)));
  }

  /** A folder's dataset changed: its index is saved after the delay (during a re-index: not noted; the re-index decides). */
  changed(folder: IndexedFolder): void {
    if (this.reading) return;
    this.unsaved.add(folder);
    this.schedule();
  }

  /**
   * A re-index starts reading: nothing is saved until it ends, and what was
   * unsaved belonged to the indexes it replaces. Resolves once the save
   * already under way (if any) has ended: the re-index reads only then, so
   * that it reads the index that save wrote, never one whose documents file
   * the save is about to delete.
   */
  pause(): Promise<void> {
    this.unsaved.clear();
    this.reading = true;
    return this.saving;
  }

  /** The re-index ended (`stale`: the folders whose saved index it found out of date); they are saved after the delay. */
  resume(stale: Iterable<IndexedFolder>): void {
    for (const f of stale) this.unsaved.add(f);
    this.reading = false;
    if (this.unsaved.size) this.schedule();
  }

  /** Saves every changed folder's index now (deactivation); resolves when written. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.saveChanged();
  }

  private schedule(): void {
    if (!this.storage || this.reading) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveChanged();
    }, SAVE_DELAY_MS);
  }

  private saveChanged(): Promise<void> {
    const storage = this.storage;
    if (!storage || this.reading) return this.saving;
    const folders = [...this.unsaved];
    this.unsaved.clear();
    this.saving = this.saving.then(async () => {
      for (const f of folders) {
        // A folder dropped by a re-index since: its successor saves itself.
        if (f.isDisposed) continue;
        try {
          const started = Date.now();
          await saveIndex(storage, f);
          this.log.info(`${f.folder.name}: saved the persistent index (${f.stamps.size} files) in ${Date.now() - started} ms`);
        } catch (e) {
          this.log.warn(`${f.folder.name}: could not save the persistent index: ${(e as Error).message}`);
        }
      }
    });
    return this.saving;
  }
}
