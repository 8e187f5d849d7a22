// Keeps one Dataset per workspace folder in step with the files: a
// background index at start, then the editor's unsaved text and a file
// watcher for what changes on disk. No view or feature reads files itself;
// they all listen to `onDidChange`.
//
// CadenceWorkspace only coordinates; each job has its own module:
//   folder-index.ts      a folder's dataset, its disk state and the folder walk
//   editor-sync.ts       the editors' unsaved text (typing delay, sync, versions)
//   persistent-index.ts  the index on disk: load, save, and when to save
// A re-index (settings, folders, the command) disposes every FolderIndex and
// makes new ones; what listened to an old one goes with it.

import * as vscode from 'vscode';
import type { DatasetChange } from '../core/dataset';
import { SETTING_KEYS } from '../core/settings';
import { readSettings, today } from './config';
import { Disposable, disposeAll, toDisposable } from './dispose';
import { EditorSync, type Synced } from './editor-sync';
import { FolderIndex, type LoadProgress } from './folder-index';
import { IndexSaver } from './persistent-index';

export interface FolderChange {
  readonly folder: FolderIndex;
  readonly change: DatasetChange;
}

export class CadenceWorkspace extends Disposable {
  /** The current index of each workspace folder, by folder URI; a re-index disposes them and makes new ones. */
  readonly folders = new Map<string, FolderIndex>();
  private readonly emitter = this._register(new vscode.EventEmitter<FolderChange>());
  /** Any folder's change: which files' diagnostics or figures may differ now. */
  readonly onDidChange = this.emitter.event;
  private readonly progressEmitter = this._register(new vscode.EventEmitter<LoadProgress | undefined>());
  /** The full index's progress changed (see progress()); undefined when every folder is shown. */
  readonly onDidChangeProgress = this.progressEmitter.event;
  private current: LoadProgress | undefined;
  private readonly editors = this._register(new EditorSync((uri) => this.folderFor(uri)));
  private readonly saver: IndexSaver;
  private indexed: Promise<void> = Promise.resolve();
  private midnight: ReturnType<typeof setTimeout> | undefined;
  private hasFiles: boolean | undefined;

  /** `storage`: the extension's workspace storage, where the persistent index lives (none: no index). */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    readonly storage?: vscode.Uri,
  ) {
    super();
    this.saver = this._register(new IndexSaver(storage, log));
    this._register(
      toDisposable(() => {
        clearTimeout(this.midnight);
        const folders = [...this.folders.values()];
        this.folders.clear();
        disposeAll(folders);
      }),
    );
  }

  /** Registers listeners and starts the background index; returns at once. */
  start(): void {
    const w = vscode.workspace;
    this.editors.start();
    this._register(w.onDidChangeWorkspaceFolders(() => this.reindex()));
    this._register(
      w.onDidChangeConfiguration((e) => {
        // Settings the core reads (a view's own setting, e.g. cadence.reportsOrder, needs no re-index).
        if (SETTING_KEYS.some((k) => e.affectsConfiguration(`cadence.${k}`)) || e.affectsConfiguration('files.exclude')) this.reindex();
      }),
    );
    // Every path, folders included: VS Code reports a deleted folder once,
    // not its files, and files written into a brand-new folder can arrive
    // before the folder is watched (microsoft/vscode#90746).
    const watcher = this._register(w.createFileSystemWatcher('**'));
    this._register(watcher.onDidCreate((u) => this.folderFor(u)?.createdOnDisk(u)));
    this._register(watcher.onDidChange((u) => this.folderFor(u)?.changedOnDisk(u)));
    this._register(watcher.onDidDelete((u) => this.folderFor(u)?.deletedOnDisk(u)));
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

  /** The document's folder and parsed model, brought up to its current text at once (see EditorSync.sync). */
  sync(doc: vscode.TextDocument): Synced | undefined {
    return this.editors.sync(doc);
  }

  /** Applies every edit still waiting out the typing delay (see EditorSync.flushTyping). */
  flushTyping(): void {
    this.editors.flushTyping();
  }

  /** Saves every changed folder's index now (deactivation); resolves when written. */
  flush(): Promise<void> {
    return this.saver.flush();
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
    for (const f of old) f.withdraw();
    this.folders.clear();
    disposeAll(old);
    const stale: FolderIndex[] = [];
    const loads: Promise<void>[] = [];
    try {
      // A save under way ends first: its index is the one to read.
      await this.saver.pause();
      this.setProgress({ done: 0, total: undefined });
      // Not awaited: a round trip to the window, which is still starting up
      // (~0.1 s of a warm start); the "false" below is sent after it, in order.
      void vscode.commands.executeCommand('setContext', 'cadence.indexing', true);
      // Folder after folder; the next starts once this one is shown (warm:
      // restored), while its check against the disk continues quietly. The
      // status bar item (status-bar.ts) shows the progress.
      let before: LoadProgress = { done: 0, total: 0 };
      for (const wf of vscode.workspace.workspaceFolders ?? []) {
        const index = this.add(wf);
        const base = before;
        let now: LoadProgress = { done: 0, total: undefined };
        let shown = false;
        const whenShown = new Promise<void>((resolve) => {
          const load = index.load(
            this.storage,
            this.log,
            (p) => {
              if (shown) return;
              now = p;
              this.setProgress({ done: base.done + p.done, total: p.total === undefined ? undefined : base.total! + p.total });
            },
            () => {
              shown = true;
              resolve();
            },
          );
          loads.push(load.then((outOfDate) => void (outOfDate && stale.push(index))));
        });
        await whenShown;
        before = { done: base.done + (now.total ?? now.done), total: base.total! + (now.total ?? 0) };
      }
      // Every folder is shown: the counts are true from here (what the disk check finds corrects them).
      this.setProgress(undefined);
      await vscode.commands.executeCommand('setContext', 'cadence.indexing', false);
      await Promise.all(loads);
    } finally {
      this.setProgress(undefined);
      this.saver.resume(stale);
    }
    this.updateHasFiles();
  }

  /**
   * How far the current full index is, while it is filling the datasets:
   * candidate files done of `total` over the folders so far (total undefined
   * while a folder is being listed); undefined once every folder is shown
   * (restored from the saved index, or read), even while a warm start still
   * checks the files against the disk.
   */
  progress(): LoadProgress | undefined {
    return this.current;
  }

  private setProgress(p: LoadProgress | undefined): void {
    if (p === this.current) return;
    this.current = p;
    this.progressEmitter.fire(p);
  }

  /** A new, empty index of the folder, listened to for as long as it lives. */
  private add(wf: vscode.WorkspaceFolder): FolderIndex {
    const problems: string[] = [];
    const index = new FolderIndex(wf, readSettings(wf, problems));
    for (const p of problems) this.log.warn(`${wf.name}: ${p}`);
    // The subscription is the index's own: disposing the index ends it.
    index.onDidChange((change) => {
      this.emitter.fire({ folder: index, change });
      this.updateHasFiles();
      this.saver.changed(index);
    });
    this.folders.set(wf.uri.toString(), index);
    return index;
  }

  /** Drives the views' welcome message (shown when there is nothing to show). */
  private updateHasFiles(): void {
    const has = [...this.folders.values()].some((f) => f.dataset.size > 0);
    if (has !== this.hasFiles) {
      this.hasFiles = has;
      void vscode.commands.executeCommand('setContext', 'cadence.hasFiles', has);
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
