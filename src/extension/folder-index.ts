// One workspace folder's dataset and what it knows of the disk: which file
// was read at which stamp (size, mtime), which was skipped and why, and the
// folder walk that fills it.
//
// The walk is warm when the folder's persistent index (persistent-index.ts)
// is there: the dataset is restored from it at once, every file as it was
// when the index was saved (documents decoded only when first read, saved
// diagnostics shown as they are), and only then compared with the disk: the
// folder is listed and each file stat'ed; what was created, deleted or
// changed since (size or mtime) is read, or dropped, through the dataset's
// ordinary change events. Cold, every candidate file is read.
//
// An open editor with unsaved edits shows what the user sees: its text, not
// the disk's, is what the dataset holds (editor-sync.ts keeps it current).

import * as vscode from 'vscode';
import { Dataset, type DatasetChange } from '../core/dataset';
import { isCandidatePath } from '../core/parse/index';
import { IndexWriter, restoreIndex, type FileStamp, type LoadedIndex } from '../core/persist';
import type { Settings } from '../core/settings';
import { decodeFile } from '../core/text';
import { today } from './config';
import { Disposable, toDisposable } from './dispose';
import { host } from './host';
import { loadIndex, nextTurn, RACY_MS } from './persistent-index';

const CANDIDATES = '**/*.{md,markdown,yaml,yml}';
const NEVER = /(^|\/)(node_modules|\.git)\//;
const INDEX_CHUNK = 100;
/** Stats are cheap next to reads: more of them in flight per chunk. */
const STAT_CHUNK = 500;

/** How far a folder's load is: candidate files done of `total` (undefined until the folder has been listed). */
export interface LoadProgress {
  readonly done: number;
  readonly total: number | undefined;
}

/**
 * What a read from disk gave: text or a reason to skip, and the stamp it was
 * read at; a file written less than RACY_MS before has no stamp but `young`
 * (its size and mtime), and is looked at again once it is older (see
 * FolderIndex.recheckYoung).
 */
export type DiskRead = ({ text: string } | { skip: string }) & { stamp?: FileStamp; young?: FileStamp };

/** The disk state the dataset reflects for a path (a Cadence file or not); `skip` when it was skipped. */
export type Stamp = FileStamp & { readonly skip?: string };

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

/** The text of an open editor with unsaved edits (what the user sees, not the disk), if there is one. */
export function unsavedText(uri: vscode.Uri): { text: string } | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open?.isDirty ? { text: open.getText() } : undefined;
}

/**
 * One workspace folder's dataset, kept in step with the disk. It owns the
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
    this._register(toDisposable(() => clearTimeout(this.youngTimer)));
  }

  private skipChanged(rel: string): void {
    this.changed.fire({ paths: new Set([rel]), all: false });
  }

  /** The folder-relative '/' path of a URI inside this folder, when it may be a Cadence file. */
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

  /** Reads a file from disk into the dataset (or drops it when unreadable); while the dataset is being filled, once it is. */
  async readFromDisk(uri: vscode.Uri): Promise<void> {
    const rel = this.relPath(uri);
    if (!rel) return;
    if (this.heldReads) {
      this.heldReads.set(uri.toString(), uri);
      return;
    }
    this.apply(rel, await this.read(uri));
  }

  async read(uri: vscode.Uri): Promise<DiskRead> {
    try {
      // Stat first: if the file changes between the two, the stamp is older
      // than the text and the next start re-reads it; the other order could
      // stamp old text as new. On this machine's disk (a Node extension host,
      // a file: folder) both are one synchronous fstat and read
      // (Host.readLocalFile): through vscode.workspace.fs each is a round trip
      // to the server in code-server and Remote, which left a cold index's
      // extension host idle a third of the time (bench/editor.ts --cpu-profile).
      let st: { size: number; mtime: number };
      let bytes: Uint8Array;
      if (host.readLocalFile && uri.scheme === 'file') ({ bytes, ...st } = host.readLocalFile(uri));
      else {
        st = await vscode.workspace.fs.stat(uri);
        bytes = await vscode.workspace.fs.readFile(uri);
      }
      const decoded = decodeFile(bytes, this.dataset.settings.maxFileSizeKB);
      const stamp = { size: st.size, mtime: st.mtime };
      return Date.now() - st.mtime < RACY_MS ? { ...decoded, young: stamp } : { ...decoded, stamp };
    } catch (e) {
      return { skip: `cannot read (${(e as Error).message})` };
    }
  }

  /**
   * A file's size and mtime, undefined when it cannot be stat'ed. On this
   * machine's disk (Host.statLocalFile) a synchronous stat: through
   * vscode.workspace.fs, a warm start's check of every file is a round trip
   * to the server each in code-server and Remote, over the channel that also
   * carries the restored diagnostics to the window.
   */
  async stat(uri: vscode.Uri): Promise<FileStamp | undefined> {
    try {
      const st = host.statLocalFile && uri.scheme === 'file' ? host.statLocalFile(uri) : await vscode.workspace.fs.stat(uri);
      return { size: st.size, mtime: st.mtime };
    } catch {
      return undefined;
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
    if (read.young) this.recheckLater(rel, read.young);
    else this.young.delete(rel);
  }

  /** Files read while younger than RACY_MS, with the size and mtime they were read at (see recheckYoung). */
  private readonly young = new Map<string, FileStamp>();
  private youngTimer: ReturnType<typeof setTimeout> | undefined;

  private recheckLater(rel: string, at: FileStamp): void {
    this.young.set(rel, at);
    this.youngTimer ??= setTimeout(() => void this.recheckYoung(), RACY_MS);
  }

  /**
   * A file written just before it was read may be gone or rewritten the next
   * moment without the watcher saying so: VS Code's watcher coalesces a
   * creation followed closely by a deletion into no event at all, and a
   * re-index can read the file between the two. So each file read young is
   * stat'ed again once it is older than RACY_MS: gone, it is dropped;
   * changed, it is read again; as it was, it gets its stamp (no read, no
   * change event), or, with an mtime still ahead of the clock, waits again. In
   * chunks, with a turn of the event loop between them: a folder just cloned
   * is young throughout.
   */
  private async recheckYoung(): Promise<void> {
    this.youngTimer = undefined;
    const due = [...this.young];
    this.young.clear();
    for (const [i, [rel, at]] of due.entries()) {
      if (i > 0 && i % INDEX_CHUNK === 0) await nextTurn();
      if (this.isDisposed) return;
      const uri = this.uriOf(rel);
      // An editor with unsaved edits shows what the user sees, not the disk.
      if (unsavedText(uri)) continue;
      // A stat first: a file as it was read is not read again.
      const st = await this.stat(uri);
      if (this.isDisposed || this.young.has(rel) || this.stamps.has(rel)) continue; // read again meanwhile
      if (st && st.size === at.size && st.mtime === at.mtime) {
        // As it was read: once old enough, only the stamp is new; still young (an mtime ahead of the clock), looked at again later.
        const skip = this.skipped.get(rel);
        if (Date.now() - st.mtime >= RACY_MS) this.stamps.set(rel, skip === undefined ? st : { ...st, skip });
        else this.recheckLater(rel, at);
      } else this.apply(rel, await this.read(uri));
    }
  }

  /**
   * Editor text that arrived while `load()` fills the dataset (a typing pause
   * running out, a provider asking): held until the dataset is filled (warm:
   * restored; cold: every file read), then applied. Were
   * it written at once, a warm start's restore (which fills an empty dataset)
   * would fail, and the walk would take the restored stamps for files it has.
   */
  private heldFromEditor: Map<string, string> | undefined;
  /** Files the watcher saw change while the dataset was being filled: read once it is (a read landing before a warm restore would make it fail). */
  private heldReads: Map<string, vscode.Uri> | undefined;

  /** The editor's text, which the disk may not hold: not stamped. While the dataset is being filled, it waits until it is. */
  fromEditor(rel: string, text: string): void {
    if (this.isDisposed) return;
    if (this.heldFromEditor) {
      this.heldFromEditor.set(rel, text);
      return;
    }
    this.stamps.delete(rel);
    this.unskip(rel);
    this.dataset.setFile(rel, text);
  }

  deleted(rel: string): void {
    if (this.isDisposed) return;
    this.stamps.delete(rel);
    this.young.delete(rel);
    this.unskip(rel);
    this.dataset.deleteFile(rel);
  }

  private unskip(rel: string): void {
    if (this.skipped.delete(rel)) this.skipChanged(rel);
  }

  /** The file watcher saw a path created: a new file is read; a new folder is scanned for the files already in it. */
  createdOnDisk(uri: vscode.Uri): void {
    if (this.relPath(uri)) return this.changedOnDisk(uri);
    void (async () => {
      try {
        if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) {
          for (const u of await candidateFiles(uri)) this.changedOnDisk(u);
        }
      } catch {
        // Gone again already: the delete event follows.
      }
    })();
  }

  /** The file watcher saw a path change: read again, unless an editor holds unsaved edits of it. */
  changedOnDisk(uri: vscode.Uri): void {
    // The watcher reports every path: most are not Cadence files.
    if (this.relPath(uri) && !unsavedText(uri)) void this.readFromDisk(uri);
  }

  /** The file watcher saw a path deleted: a file, or a folder with everything under it. */
  deletedOnDisk(uri: vscode.Uri): void {
    const rel = this.relPath(uri);
    if (rel) return this.deleted(rel);
    // A folder was deleted: drop everything under it.
    const prefix = uri.path.slice(this.folder.uri.path.replace(/\/$/, '').length + 1) + '/';
    const gone = new Set([...this.dataset.paths(), ...this.stamps.keys()].filter((p) => p.startsWith(prefix)));
    this.dataset.batch(() => gone.forEach((p) => this.deleted(p)));
  }

  /** Deletes every file from the dataset in one change event, so their diagnostics are withdrawn (before a re-index replaces this index). */
  withdraw(): void {
    this.dataset.batch(() => this.dataset.paths().forEach((p) => this.dataset.deleteFile(p)));
  }

  /** A document of the persistent index turned out damaged or missing when it was read: it is read from disk again. */
  private onCorrupt: ((rel: string) => void) | undefined;

  /**
   * The persistent index was saved: the dataset lets go of the documents
   * nothing has read since the save before (views, providers, commands;
   * judging does not count), but those of open editors; each is decoded
   * again from the saved index when something reads it (issue 22: the
   * extension host's memory). Returns how many it let go of.
   */
  saved(): number {
    const open = new Set<string>();
    for (const d of vscode.workspace.textDocuments) {
      const rel = this.relPath(d.uri);
      if (rel) open.add(rel);
    }
    return this.dataset.release((rel) => open.has(rel), (rel, doc) => this.writer.stored(rel, doc, this.onCorrupt));
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

  /**
   * The folder walk: fills the empty dataset, warm from the persistent index
   * in `storage` when it has a usable one, else by reading every candidate
   * file. `progress` hears how many candidate files are done of how many
   * (total undefined until the folder is listed). `shown` is called once the
   * dataset holds the whole folder as it will be shown: warm, as soon as the
   * saved index is restored (the stat check against the disk then continues
   * quietly and corrects what changed); cold, when every file is read.
   * Resolves to true when the saved index is out of date (anything read, or a
   * saved file gone).
   */
  async load(storage: vscode.Uri | undefined, log: vscode.LogOutputChannel, progress: (p: LoadProgress) => void, shown: () => void): Promise<boolean> {
    this.heldFromEditor = new Map();
    this.heldReads = new Map();
    try {
      return await this.walk(storage, log, progress, shown);
    } finally {
      this.releaseHeld();
      shown();
    }
  }

  /** Applies the editor text held while the dataset was being filled (see heldFromEditor). */
  private releaseHeld(): void {
    const held = this.heldFromEditor;
    const reads = this.heldReads;
    this.heldFromEditor = undefined;
    this.heldReads = undefined;
    if (this.isDisposed) return;
    if (held?.size) this.dataset.batch(() => held.forEach((text, rel) => this.fromEditor(rel, text)));
    reads?.forEach((u) => this.changedOnDisk(u));
  }

  private async walk(storage: vscode.Uri | undefined, log: vscode.LogOutputChannel, progress: (p: LoadProgress) => void, shown: () => void): Promise<boolean> {
    const wf = this.folder;
    const started = Date.now();
    this.onCorrupt = (rel) => {
      log.warn(`${wf.name}/${rel}: damaged or missing in the persistent index; reading it again`);
      void this.readFromDisk(this.uriOf(rel));
    };
    const cache = await loadIndex(storage, wf, this.dataset.settings, this.onCorrupt);
    // Warm: the whole dataset at once, then what the editors hold unsaved.
    if (cache) {
      this.restore(cache);
      const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && this.relPath(d.uri));
      if (dirty.length) this.dataset.batch(() => dirty.forEach((d) => this.fromEditor(this.relPath(d.uri)!, d.getText())));
      log.info(`${wf.name}: restored ${this.dataset.size} Cadence files from the persistent index in ${Date.now() - started} ms; checking them against the disk`);
      // The whole folder is there to show: typing applies from now on (the
      // stat check below leaves a path an editor has fed alone), and what
      // the check finds arrives as ordinary changes.
      this.releaseHeld();
      shown();
    } else progress({ done: 0, total: undefined });
    const found = await candidateFiles(wf.uri);
    const uris = found.filter((u) => this.relPath(u));
    const total = uris.length;
    let done = 0;
    const report = () => progress({ done, total });
    report();

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
        const rel = this.relPath(u)!;
        gone.delete(rel);
        // An editor with unsaved edits shows what the user sees, not the disk.
        if (dirty.has(u.toString())) continue;
        (cache.files.has(rel) ? known : toRead).push(u);
      }
      if (gone.size) this.dataset.batch(() => gone.forEach((rel) => this.deleted(rel)));
      changed = gone.size;
      for (let i = 0; i < known.length; i += STAT_CHUNK) {
        const chunk = known.slice(i, i + STAT_CHUNK);
        const stats = await Promise.all(chunk.map((u) => this.stat(u)));
        chunk.forEach((u, j) => {
          const rel = this.relPath(u)!;
          const was = this.stamps.get(rel);
          const st = stats[j];
          // Unchanged, or already re-read since (the watcher, an editor): nothing to do.
          if (was && st && was.size === st.size && was.mtime === st.mtime) {
            done++;
            fromIndex++;
          } else if (was || !this.dataset.has(rel)) toRead.push(u);
          else done++;
        });
        report();
        await nextTurn();
      }
      changed += toRead.length;
    }

    // Cold (or what changed): read and parse, in chunks with a turn of the
    // event loop between them (progress, other extensions). Warm, each chunk
    // lands as one change event. Cold, the dataset holds its events until
    // every file is in: one event, each file judged once against the whole
    // folder (per chunk, the files naming a person were judged again with
    // each chunk, 3.5 judgements a file at 10k, and the Problems panel showed
    // findings of a half-read folder); the views say "indexing" meanwhile, and
    // editors' text and the watcher's reads wait for the end (heldFromEditor,
    // heldReads).
    const release = cache ? undefined : this.dataset.hold();
    try {
      for (let i = 0; i < toRead.length; i += INDEX_CHUNK) {
        const chunk = toRead.slice(i, i + INDEX_CHUNK);
        const read = await Promise.all(chunk.map((u) => unsavedText(u) ?? this.read(u)));
        this.dataset.batch(() => chunk.forEach((u, j) => this.apply(this.relPath(u)!, read[j])));
        done += chunk.length;
        report();
        // Local reads resolve at once: without a real turn the walk would hold the extension host whole.
        await nextTurn();
      }
    } finally {
      release?.();
    }
    for (const [rel, why] of this.skipped) log.info(`${wf.name}/${rel}: ${why}; skipped`);
    log.info(
      `${wf.name}: indexed ${this.dataset.size} Cadence files of ${total} candidates in ${Date.now() - started} ms (${fromIndex} from the persistent index, ${toRead.length} read)`,
    );
    // Anything read, or a cached file gone: the saved index is out of date.
    return !cache || changed > 0;
  }
}
