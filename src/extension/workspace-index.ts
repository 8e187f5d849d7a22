// Keeps one Dataset per workspace folder in step with the files: a
// background index at start, then the editor's unsaved text (debounced) and
// a file watcher for what changes on disk. No view or feature reads files
// itself; they all listen to `onDidChange`.
//
// The start is warm when the folder's persistent index (persistent-index.ts)
// is there: the dataset is restored from it at once, every file as it was
// when the index was saved (documents decoded only when first read, saved
// diagnostics shown as they are), and only then compared with the disk: the
// folder is listed and each file stat'ed; what was created, deleted or
// changed since (size or mtime) is read, or dropped, through the dataset's
// ordinary change events. The index is saved a few seconds after the last
// change and on deactivate.

import * as vscode from 'vscode';
import { Dataset, type DatasetChange } from '../core/dataset';
import type { Doc } from '../core/model';
import { isCandidatePath } from '../core/parse/index';
import { IndexWriter, restoreIndex, type FileStamp, type LoadedIndex } from '../core/persist';
import type { Settings } from '../core/settings';
import { decodeFile } from '../core/text';
import { readSettings, today } from './config';
import { Disposable, disposeAll, toDisposable } from './dispose';
import { loadIndex, RACY_MS, SAVE_DELAY_MS, saveIndex } from './persistent-index';

const CANDIDATES = '**/*.{md,markdown,yaml,yml}';
const NEVER = /(^|\/)(node_modules|\.git)\//;
const TYPING_DELAY_MS = 150;
const INDEX_CHUNK = 100;
/** Stats are cheap next to reads: more of them in flight per chunk. */
const STAT_CHUNK = 500;

/** What a read from disk gave: text or a reason to skip, and the stamp it was read at (none when unsure). */
export type DiskRead = ({ text: string } | { skip: string }) & { stamp?: FileStamp };

/** The disk state the dataset reflects for a path (a Cadence file or not); `skip` when it was skipped. */
export type Stamp = FileStamp & { readonly skip?: string };

export interface FolderChange {
  readonly folder: FolderIndex;
  readonly change: DatasetChange;
}

/**
 * The candidate files under base. workspace.findFiles needs a search provider
 * for the scheme; a virtual folder (only a FileSystemProvider) has none, and
 * findFiles then never resolves: walk it through workspace.fs instead.
 */
export async function candidateFiles(base: vscode.Uri): Promise<vscode.Uri[]> {
  if (base.scheme === 'file') return vscode.workspace.findFiles(new vscode.RelativePattern(base, CANDIDATES));
  const out: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async ([name, type]) => {
        const u = vscode.Uri.joinPath(dir, name);
        if (type & vscode.FileType.Directory) {
          if (name !== 'node_modules' && name !== '.git') await walk(u);
        } else if (/\.(md|markdown|ya?ml)$/i.test(name)) out.push(u);
      }),
    );
  };
  await walk(base);
  return out;
}

/**
 * One workspace folder's dataset and what it knows of the disk. It owns the
 * dataset and its change event: disposing it (a re-index made a new one)
 * drops both, and with them every listener, so nothing keeps an earlier
 * index alive, and a read still under way when it was replaced changes
 * nothing.
 */
export class FolderIndex extends Disposable {
  readonly dataset: Dataset;
  private readonly changed = this._register(new vscode.EventEmitter<DatasetChange>());
  /** The dataset's changes, and a path skipped or no longer skipped (its notice in the Problems panel; not in the dataset). */
  readonly onDidChange = this.changed.event;
  /** Files skipped while reading, with the reason (shown in the output log). */
  readonly skipped = new Map<string, string>();
  /**
   * Paths whose dataset state is what the disk held at this stamp. A path
   * fed from an editor's text has none, and is left out of the persistent
   * index (it is read again next time).
   */
  readonly stamps = new Map<string, Stamp>();
  /** Writes this folder's persistent index; it remembers encoded documents between saves. */
  writer = new IndexWriter();

  constructor(readonly folder: vscode.WorkspaceFolder, settings: Settings) {
    super();
    this.dataset = this._register(new Dataset({ today: today(), settings }));
    this._register(this.dataset.onDidChange((change) => this.changed.fire(change)));
  }

  private skipChanged(rel: string): void {
    this.changed.fire({ paths: new Set([rel]), all: false });
  }

  /** The folder-relative '/' path of a URI inside this folder. */
  relPath(uri: vscode.Uri): string | undefined {
    const root = this.folder.uri.path.replace(/\/$/, '');
    if (uri.scheme !== this.folder.uri.scheme || uri.authority !== this.folder.uri.authority) return undefined;
    if (!uri.path.startsWith(root + '/')) return undefined;
    const rel = uri.path.slice(root.length + 1);
    return NEVER.test(rel) || !isCandidatePath(rel) ? undefined : rel;
  }

  uriOf(rel: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, ...rel.split('/'));
  }

  /** Reads a file from disk into the dataset (or drops it when unreadable). */
  async readFromDisk(uri: vscode.Uri): Promise<void> {
    const rel = this.relPath(uri);
    if (!rel) return;
    this.apply(rel, await this.read(uri));
  }

  async read(uri: vscode.Uri): Promise<DiskRead> {
    try {
      // Stat first: if the file changes between the two, the stamp is older
      // than the text and the next start re-reads it; the other order could
      // stamp old text as new.
      const st = await vscode.workspace.fs.stat(uri);
      const decoded = decodeFile(await vscode.workspace.fs.readFile(uri), this.dataset.settings.maxFileSizeKB);
      return Date.now() - st.mtime < RACY_MS ? decoded : { ...decoded, stamp: { size: st.size, mtime: st.mtime } };
    } catch (e) {
      return { skip: `cannot read (${(e as Error).message})` };
    }
  }

  /** Records what a read gave; nothing once disposed (the read finished after a re-index). */
  apply(rel: string, read: DiskRead): void {
    if (this.isDisposed) return;
    const was = this.skipped.get(rel);
    if ('skip' in read) {
      this.skipped.set(rel, read.skip);
      this.dataset.deleteFile(rel);
    } else {
      this.skipped.delete(rel);
      this.dataset.setFile(rel, read.text);
    }
    if (was !== this.skipped.get(rel)) this.skipChanged(rel);
    if (read.stamp) this.stamps.set(rel, 'skip' in read ? { ...read.stamp, skip: read.skip } : read.stamp);
    else this.stamps.delete(rel);
  }

  /** The editor's text, which the disk may not hold: not stamped. */
  fromEditor(rel: string, text: string): void {
    if (this.isDisposed) return;
    this.stamps.delete(rel);
    this.unskip(rel);
    this.dataset.setFile(rel, text);
  }

  deleted(rel: string): void {
    if (this.isDisposed) return;
    this.stamps.delete(rel);
    this.unskip(rel);
    this.dataset.deleteFile(rel);
  }

  private unskip(rel: string): void {
    if (this.skipped.delete(rel)) this.skipChanged(rel);
  }

  /** A warm start: everything the persistent index holds, stamped as it was saved (compared with the disk next). */
  restore(cache: LoadedIndex): void {
    this.writer = cache.writer;
    restoreIndex(cache, this.dataset);
    for (const f of cache.files.values()) {
      if (f.skip) {
        this.skipped.set(f.path, f.skip);
        this.skipChanged(f.path);
      }
      // The index's own entry is the stamp (size, mtime, skip): no copy a file.
      this.stamps.set(f.path, f);
    }
  }
}

export class CadenceWorkspace extends Disposable {
  /** The current index of each workspace folder; a re-index disposes them and makes new ones. */
  readonly folders = new Map<string, FolderIndex>();
  private readonly emitter = this._register(new vscode.EventEmitter<FolderChange>());
  readonly onDidChange = this.emitter.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The document version the dataset last read, per open document. */
  private readonly versions = new Map<string, number>();
  private indexed: Promise<void> = Promise.resolve();
  private midnight: ReturnType<typeof setTimeout> | undefined;
  private indexing = false;
  /** Folders changed since their index was last saved. */
  private readonly unsaved = new Set<FolderIndex>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Saves run one after another (never two writes of one file at once). */
  private saving: Promise<void> = Promise.resolve();

  /** `storage`: the extension's workspace storage, where the persistent index lives (none: no index). */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly storage?: vscode.Uri,
  ) {
    super();
    this._register(
      toDisposable(() => {
        clearTimeout(this.midnight);
        clearTimeout(this.saveTimer);
        for (const t of this.timers.values()) clearTimeout(t);
        const folders = [...this.folders.values()];
        this.folders.clear();
        disposeAll(folders);
      }),
    );
  }

  /** Registers listeners and starts the background index; returns at once. */
  start(): void {
    const w = vscode.workspace;
    this._register(w.onDidChangeTextDocument((e) => this.typed(e.document)));
    this._register(
      w.onDidCloseTextDocument((d) => {
        // Unsaved edits are gone with the editor: the disk is the truth again.
        this.versions.delete(d.uri.toString());
        clearTimeout(this.timers.get(d.uri.toString()));
        this.timers.delete(d.uri.toString());
        const f = this.folderFor(d.uri);
        const rel = f?.relPath(d.uri);
        // Still stamped: the dataset already holds the disk's text.
        if (f && rel && !f.stamps.has(rel)) void f.readFromDisk(d.uri);
      }),
    );
    this._register(w.onDidChangeWorkspaceFolders(() => this.reindex()));
    this._register(
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cadence') || e.affectsConfiguration('files.exclude')) this.reindex();
      }),
    );
    // Every path, folders included: VS Code reports a deleted folder once,
    // not its files, and files written into a brand-new folder can arrive
    // before the folder is watched (microsoft/vscode#90746).
    const watcher = this._register(w.createFileSystemWatcher('**'));
    this._register(watcher.onDidCreate((u) => this.created(u)));
    this._register(watcher.onDidChange((u) => this.fromDisk(u)));
    this._register(watcher.onDidDelete((u) => this.deleted(u)));
    this.scheduleMidnight();
    this.reindex();
  }

  /** Resolves when the latest full index has finished. */
  whenIndexed(): Promise<void> {
    return this.indexed;
  }

  folderFor(uri: vscode.Uri): FolderIndex | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf ? this.folders.get(wf.uri.toString()) : undefined;
  }

  /** The folder a command acts on: the active editor's, else the first. */
  activeFolder(): FolderIndex | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return (uri && this.folderFor(uri)) || this.folders.values().next().value;
  }

  /** Re-reads every folder; resolves when done. */
  reindexNow(): Promise<void> {
    this.reindex();
    return this.indexed;
  }

  private reindex(): void {
    const run = this.indexed.then(() => this.indexAll());
    this.indexed = run.catch((e) => this.log.error('Indexing failed', e));
  }

  private async indexAll(): Promise<void> {
    // Empty the old datasets first: their files' diagnostics are withdrawn,
    // including files that new settings no longer count as Cadence's. Then
    // let the old indexes go, their datasets and listeners with them.
    const old = [...this.folders.values()];
    for (const f of old) f.dataset.batch(() => f.dataset.paths().forEach((p) => f.dataset.deleteFile(p)));
    this.folders.clear();
    disposeAll(old);
    this.unsaved.clear();
    this.indexing = true;
    const folders = vscode.workspace.workspaceFolders ?? [];
    try {
      await vscode.commands.executeCommand('setContext', 'cadence.indexing', true);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Cadence: indexing notes' }, async (progress) => {
        for (const wf of folders) await this.indexFolder(wf, progress);
      });
    } finally {
      this.indexing = false;
    }
    await vscode.commands.executeCommand('setContext', 'cadence.indexing', false);
    this.updateHasFiles();
    if (this.unsaved.size) this.scheduleSave();
  }

  private async indexFolder(wf: vscode.WorkspaceFolder, progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const problems: string[] = [];
    const index = new FolderIndex(wf, readSettings(wf, problems));
    for (const p of problems) this.log.warn(`${wf.name}: ${p}`);
    this.listen(index);
    this.folders.set(wf.uri.toString(), index);
    const started = Date.now();
    const cache = await loadIndex(this.storage, wf, index.dataset.settings, (rel) => {
      this.log.warn(`${wf.name}/${rel}: damaged or missing in the persistent index; reading it again`);
      void index.readFromDisk(index.uriOf(rel));
    });
    // Warm: the whole dataset at once, then what the editors hold unsaved.
    if (cache) {
      index.restore(cache);
      const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && index.relPath(d.uri));
      if (dirty.length) index.dataset.batch(() => dirty.forEach((d) => index.fromEditor(index.relPath(d.uri)!, d.getText())));
      this.log.info(`${wf.name}: restored ${index.dataset.size} Cadence files from the persistent index in ${Date.now() - started} ms; checking them against the disk`);
    }
    const found = await candidateFiles(wf.uri);
    const uris = found.filter((u) => index.relPath(u));
    const total = uris.length;
    let done = 0;
    const report = () => progress.report({ message: `${wf.name}: ${done}/${total}` });

    // Then the disk: stat what the index knows, read what it does not.
    let toRead = uris;
    let changed = 0;
    let fromIndex = 0;
    if (cache) {
      toRead = [];
      const known: vscode.Uri[] = [];
      const gone = new Set(cache.files.keys());
      const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
      for (const u of uris) {
        const rel = index.relPath(u)!;
        gone.delete(rel);
        // An editor with unsaved edits shows what the user sees, not the disk.
        if (dirty.has(u.toString())) continue;
        (cache.files.has(rel) ? known : toRead).push(u);
      }
      if (gone.size) index.dataset.batch(() => gone.forEach((rel) => index.deleted(rel)));
      changed = gone.size;
      for (let i = 0; i < known.length; i += STAT_CHUNK) {
        const chunk = known.slice(i, i + STAT_CHUNK);
        const stats = await Promise.all(chunk.map((u) => vscode.workspace.fs.stat(u).then((s) => s, () => undefined)));
        chunk.forEach((u, j) => {
          const rel = index.relPath(u)!;
          const was = index.stamps.get(rel);
          const st = stats[j];
          // Unchanged, or already re-read since (the watcher, an editor): nothing to do.
          if (was && st && was.size === st.size && was.mtime === st.mtime) {
            done++;
            fromIndex++;
          } else if (was || !index.dataset.has(rel)) toRead.push(u);
          else done++;
        });
        report();
      }
      changed += toRead.length;
    }

    // Cold (or what changed): read and parse. Chunks: reads overlap, and each
    // chunk lands as one change event, so the views fill in while the rest is
    // still being read.
    for (let i = 0; i < toRead.length; i += INDEX_CHUNK) {
      const chunk = toRead.slice(i, i + INDEX_CHUNK);
      const read = await Promise.all(chunk.map((u) => this.unsavedText(u) ?? index.read(u)));
      index.dataset.batch(() => chunk.forEach((u, j) => index.apply(index.relPath(u)!, read[j])));
      done += chunk.length;
      report();
    }
    // Anything read, or a cached file gone: the saved index is out of date.
    if (!cache || changed) this.unsaved.add(index);
    for (const [rel, why] of index.skipped) this.log.info(`${wf.name}/${rel}: ${why}; skipped`);
    this.log.info(
      `${wf.name}: indexed ${index.dataset.size} Cadence files of ${total} candidates in ${Date.now() - started} ms (${fromIndex} from the persistent index, ${toRead.length} read)`,
    );
  }

  /** Saves every changed folder's index now (deactivation); resolves when written. */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    return this.saveChanged();
  }

  private scheduleSave(): void {
    if (!this.storage || this.indexing) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveChanged();
    }, SAVE_DELAY_MS);
  }

  private saveChanged(): Promise<void> {
    const storage = this.storage;
    if (!storage || this.indexing) return this.saving;
    const folders = [...this.unsaved];
    this.unsaved.clear();
    this.saving = this.saving.then(async () => {
      for (const f of folders) {
        // A folder dropped by a re-index since: its successor saves itself.
        if (this.folders.get(f.folder.uri.toString()) !== f) continue;
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

  private hasFiles: boolean | undefined;

  /** Drives the views' welcome message (shown when there is nothing to show). */
  private updateHasFiles(): void {
    const has = [...this.folders.values()].some((f) => f.dataset.size > 0);
    if (has !== this.hasFiles) {
      this.hasFiles = has;
      void vscode.commands.executeCommand('setContext', 'cadence.hasFiles', has);
    }
  }

  /** The subscription lives as long as the index: disposing the index ends it. */
  private listen(index: FolderIndex): void {
    index.onDidChange((change) => {
      this.emitter.fire({ folder: index, change });
      this.updateHasFiles();
      if (!this.indexing) {
        this.unsaved.add(index);
        this.scheduleSave();
      }
    });
  }

  /**
   * Brings the dataset up to the document's current text at once (a provider
   * asking mid-typing must not see ranges from before the last keystroke).
   * Returns the folder and the document's parsed model.
   */
  sync(doc: vscode.TextDocument): { folder: FolderIndex; rel: string; model: Doc } | undefined {
    const f = this.folderFor(doc.uri);
    const rel = f?.relPath(doc.uri);
    if (!f || !rel) return undefined;
    const key = doc.uri.toString();
    if (!this.timers.has(key) && !this.versions.has(key) && !doc.isDirty && f.stamps.has(rel)) {
      // Just opened, unedited: the dataset already holds this text from disk.
      this.versions.set(key, doc.version);
    } else if (this.timers.has(key) || this.versions.get(key) !== doc.version) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      this.versions.set(key, doc.version);
      f.fromEditor(rel, doc.getText());
    }
    const model = f.dataset.doc(rel);
    return model ? { folder: f, rel, model } : undefined;
  }

  /**
   * Applies every edit still waiting out the typing delay, at once: a command
   * that builds from the dataset (a new 1:1 carrying open items, a pre-read)
   * must see what the editors show, not what they showed 150 ms ago.
   */
  flushTyping(): void {
    for (const key of [...this.timers.keys()]) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc) this.sync(doc);
      else {
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
      }
    }
  }

  private typed(doc: vscode.TextDocument): void {
    const f = this.folderFor(doc.uri);
    const rel = f?.relPath(doc.uri);
    if (!f || !rel) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.versions.set(key, doc.version);
        f.fromEditor(rel, doc.getText());
      }, TYPING_DELAY_MS),
    );
  }

  /** An open editor with unsaved edits shows what the user sees, not the disk. */
  private unsavedText(uri: vscode.Uri): { text: string } | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open?.isDirty ? { text: open.getText() } : undefined;
  }

  /** A new file is read; a new folder is scanned for the files already in it. */
  private created(uri: vscode.Uri): void {
    const f = this.folderFor(uri);
    if (!f) return;
    if (f.relPath(uri)) return this.fromDisk(uri);
    void (async () => {
      try {
        if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) {
          for (const u of await candidateFiles(uri)) this.fromDisk(u);
        }
      } catch {
        // Gone again already: the delete event follows.
      }
    })();
  }

  private fromDisk(uri: vscode.Uri): void {
    const f = this.folderFor(uri);
    // The watcher reports every path: most are not Cadence files.
    if (f?.relPath(uri) && !this.unsavedText(uri)) void f.readFromDisk(uri);
  }

  private deleted(uri: vscode.Uri): void {
    const f = this.folderFor(uri);
    const rel = f?.relPath(uri);
    if (f && rel) f.deleted(rel);
    else if (f) {
      // A folder was deleted: drop everything under it.
      const prefix = uri.path.slice(f.folder.uri.path.replace(/\/$/, '').length + 1) + '/';
      const gone = new Set([...f.dataset.paths(), ...f.stamps.keys()].filter((p) => p.startsWith(prefix)));
      f.dataset.batch(() => gone.forEach((p) => f.deleted(p)));
    }
  }

  /** "Today" moves at midnight: overdue items and lapsed 1:1s with it. */
  private scheduleMidnight(): void {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    this.midnight = setTimeout(() => {
      for (const f of this.folders.values()) f.dataset.setToday(today());
      this.scheduleMidnight();
    }, next.getTime() - now.getTime());
  }

}
