// The editors' unsaved text, into the folder datasets: typing is applied
// after a short pause (one parse per pause, not per keystroke), while a
// provider that asks mid-typing (hover, completion, code action, code lens)
// brings the dataset up to the document's current version at once. A
// closed editor's unsaved edits are gone: the disk is the truth again.

import * as vscode from 'vscode';
import type { Doc } from '../core/model';
import { Disposable, toDisposable } from './dispose';
import type { FolderIndex } from './folder-index';

const TYPING_DELAY_MS = 150;

/** A document the dataset holds: its folder index, its folder-relative path and its parsed model. */
export interface Synced {
  readonly folder: FolderIndex;
  readonly rel: string;
  readonly model: Doc;
}

export class EditorSync extends Disposable {
  /** Edits waiting out the typing delay, per document URI. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The document version the dataset last read, per open document. */
  private readonly versions = new Map<string, number>();

  /** `folderFor`: the current index of the folder a URI is in (looked up each time: a re-index replaces them). */
  constructor(private readonly folderFor: (uri: vscode.Uri) => FolderIndex | undefined) {
    super();
    this._register(toDisposable(() => this.timers.forEach((t) => clearTimeout(t))));
  }

  /** Starts listening to the editors. */
  start(): void {
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.typed(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)));
  }

  /**
   * Brings the dataset up to the document's current text at once (a provider
   * asking mid-typing must not see ranges from before the last keystroke).
   * Returns the folder and the document's parsed model.
   */
  sync(doc: vscode.TextDocument): Synced | undefined {
    const f = this.folderFor(doc.uri);
    const rel = f?.relPath(doc.uri);
    if (!f || !rel) return undefined;
    const key = doc.uri.toString();
    if (!this.timers.has(key) && !this.versions.has(key) && !doc.isDirty && f.stamps.has(rel)) {
      // Just opened, unedited: the dataset already holds this text from disk.
      this.versions.set(key, doc.version);
    } else if (this.timers.has(key) || this.versions.get(key) !== doc.version) {
      this.cancel(key);
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
      else this.cancel(key);
    }
  }

  private typed(doc: vscode.TextDocument): void {
    const f = this.folderFor(doc.uri);
    if (!f?.relPath(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The folder's index as it is now: a re-index since replaced the one typed into.
        const now = this.folderFor(doc.uri);
        const rel = now?.relPath(doc.uri);
        if (!now || !rel) return;
        this.versions.set(key, doc.version);
        now.fromEditor(rel, doc.getText());
      }, TYPING_DELAY_MS),
    );
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.versions.delete(key);
    this.cancel(key);
    const f = this.folderFor(doc.uri);
    const rel = f?.relPath(doc.uri);
    // Still stamped: the dataset already holds the disk's text.
    if (f && rel && !f.stamps.has(rel)) void f.readFromDisk(doc.uri);
  }

  private cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }
}
