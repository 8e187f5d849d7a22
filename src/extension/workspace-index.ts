// Keeps one Dataset per workspace folder in step with the files: a
// background index at start, then the editor's unsaved text (debounced) and
// a file watcher for what changes on disk. No view or feature reads files
// itself; they all listen to `onDidChange`.

import * as vscode from 'vscode';
import { Dataset, type DatasetChange } from '../core/dataset';
import type { Doc } from '../core/model';
import { isCandidatePath } from '../core/parse/index';
import type { Settings } from '../core/settings';
import { decodeFile } from '../core/text';
import { readSettings, today } from './config';

const CANDIDATES = '**/*.{md,markdown,yaml,yml}';
const NEVER = /(^|\/)(node_modules|\.git)\//;
const TYPING_DELAY_MS = 150;
const INDEX_CHUNK = 100;

export interface FolderChange {
  readonly folder: FolderIndex;
  readonly change: DatasetChange;
}

export class FolderIndex {
  readonly dataset: Dataset;
  /** Files skipped while reading, with the reason (shown in the output log). */
  readonly skipped = new Map<string, string>();

  constructor(readonly folder: vscode.WorkspaceFolder, settings: Settings) {
    this.dataset = new Dataset({ today: today(), settings });
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
    if (rel) this.apply(rel, await this.read(uri));
  }

  async read(uri: vscode.Uri): Promise<{ text: string } | { skip: string }> {
    try {
      return decodeFile(await vscode.workspace.fs.readFile(uri), this.dataset.settings.maxFileSizeKB);
    } catch (e) {
      return { skip: `cannot read (${(e as Error).message})` };
    }
  }

  apply(rel: string, decoded: { text: string } | { skip: string }): void {
    if ('skip' in decoded) this.skip(rel, decoded.skip);
    else {
      this.skipped.delete(rel);
      this.dataset.setFile(rel, decoded.text);
    }
  }

  private skip(rel: string, why: string): void {
    this.skipped.set(rel, why);
    this.dataset.deleteFile(rel);
  }
}

export class CadenceWorkspace implements vscode.Disposable {
  readonly folders = new Map<string, FolderIndex>();
  private readonly emitter = new vscode.EventEmitter<FolderChange>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The document version the dataset last read, per open document. */
  private readonly versions = new Map<string, number>();
  private indexed: Promise<void> = Promise.resolve();
  private midnight: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Registers listeners and starts the background index; returns at once. */
  start(): void {
    const w = vscode.workspace;
    this.disposables.push(
      w.onDidChangeTextDocument((e) => this.typed(e.document)),
      w.onDidCloseTextDocument((d) => {
        // Unsaved edits are gone with the editor: the disk is the truth again.
        const f = this.folderFor(d.uri);
        if (f?.relPath(d.uri)) void f.readFromDisk(d.uri);
      }),
      w.onDidChangeWorkspaceFolders(() => this.reindex()),
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cadence') || e.affectsConfiguration('files.exclude')) this.reindex();
      }),
    );
    const watcher = w.createFileSystemWatcher(CANDIDATES);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.fromDisk(u)),
      watcher.onDidChange((u) => this.fromDisk(u)),
      watcher.onDidDelete((u) => this.deleted(u)),
    );
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
    // including files that new settings no longer count as Cadence's.
    for (const f of this.folders.values()) f.dataset.batch(() => f.dataset.paths().forEach((p) => f.dataset.deleteFile(p)));
    this.folders.clear();
    const folders = vscode.workspace.workspaceFolders ?? [];
    await vscode.commands.executeCommand('setContext', 'cadence.indexing', true);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Cadence: indexing notes' },
      async (progress) => {
        for (const wf of folders) {
          const problems: string[] = [];
          const index = new FolderIndex(wf, readSettings(wf, problems));
          for (const p of problems) this.log.warn(`${wf.name}: ${p}`);
          this.listen(index);
          this.folders.set(wf.uri.toString(), index);
          const uris = (await vscode.workspace.findFiles(new vscode.RelativePattern(wf, CANDIDATES))).filter((u) => index.relPath(u));
          const started = Date.now();
          // Chunks: reads overlap, and each chunk lands as one change event,
          // so the views fill in while the rest is still being read.
          for (let i = 0; i < uris.length; i += INDEX_CHUNK) {
            const chunk = uris.slice(i, i + INDEX_CHUNK);
            const read = await Promise.all(chunk.map((u) => this.unsavedText(u) ?? index.read(u)));
            index.dataset.batch(() => chunk.forEach((u, j) => index.apply(index.relPath(u)!, read[j])));
            progress.report({ message: `${wf.name}: ${Math.min(i + INDEX_CHUNK, uris.length)}/${uris.length}` });
          }
          for (const [rel, why] of index.skipped) this.log.info(`${wf.name}/${rel}: ${why}; skipped`);
          this.log.info(`${wf.name}: indexed ${index.dataset.size} Cadence files of ${uris.length} candidates in ${Date.now() - started} ms`);
        }
      },
    );
    await vscode.commands.executeCommand('setContext', 'cadence.indexing', false);
    this.updateHasFiles();
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

  private listen(index: FolderIndex): void {
    const sub = index.dataset.onDidChange((change) => {
      this.emitter.fire({ folder: index, change });
      this.updateHasFiles();
    });
    this.disposables.push({ dispose: () => sub.dispose() });
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
    if (this.timers.has(key) || this.versions.get(key) !== doc.version) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      this.versions.set(key, doc.version);
      f.dataset.setFile(rel, doc.getText());
    }
    const model = f.dataset.doc(rel);
    return model ? { folder: f, rel, model } : undefined;
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
        f.dataset.setFile(rel, doc.getText());
      }, TYPING_DELAY_MS),
    );
  }

  /** An open editor with unsaved edits shows what the user sees, not the disk. */
  private unsavedText(uri: vscode.Uri): { text: string } | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open?.isDirty ? { text: open.getText() } : undefined;
  }

  private fromDisk(uri: vscode.Uri): void {
    const f = this.folderFor(uri);
    if (f && !this.unsavedText(uri)) void f.readFromDisk(uri);
  }

  private deleted(uri: vscode.Uri): void {
    const f = this.folderFor(uri);
    const rel = f?.relPath(uri);
    if (f && rel) f.dataset.deleteFile(rel);
    else if (f) {
      // A folder was deleted: drop everything under it.
      const prefix = uri.path.slice(f.folder.uri.path.replace(/\/$/, '').length + 1) + '/';
      f.dataset.batch(() => f.dataset.paths().filter((p) => p.startsWith(prefix)).forEach((p) => f.dataset.deleteFile(p)));
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

  dispose(): void {
    clearTimeout(this.midnight);
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
