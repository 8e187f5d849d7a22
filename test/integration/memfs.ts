// A small in-memory FileSystemProvider for the virtual-workspace suite: a
// workspace folder that is not on any disk (like vscode.dev's GitHub
// repositories). Nothing here touches node:fs; every byte lives in a Map.
import * as vscode from 'vscode';

interface Entry {
  type: vscode.FileType;
  ctime: number;
  mtime: number;
  data?: Uint8Array;
}

function parentOf(path: string): string {
  const i = path.replace(/\/$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function baseOf(path: string): string {
  return path.replace(/\/$/, '').slice(path.replace(/\/$/, '').lastIndexOf('/') + 1);
}

export class MemFs implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now() }]]);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /** Every call made to the provider, to show that the extension reads through it. */
  readonly calls: string[] = [];

  constructor(readonly scheme: string) {}

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  /** Writes a file (and its folders) without going through VS Code: the test's own setup. */
  seed(path: string, text: string): void {
    let dir = parentOf(path);
    const missing: string[] = [];
    while (!this.entries.has(dir)) {
      missing.unshift(dir);
      dir = parentOf(dir);
    }
    for (const d of missing) this.entries.set(d, { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now() });
    this.entries.set(path, { type: vscode.FileType.File, ctime: Date.now(), mtime: Date.now(), data: new TextEncoder().encode(text) });
  }

  text(path: string): string | undefined {
    const e = this.entries.get(path);
    return e?.data ? new TextDecoder().decode(e.data) : undefined;
  }

  private get(uri: vscode.Uri): Entry {
    const e = this.entries.get(uri.path);
    if (!e) throw vscode.FileSystemError.FileNotFound(uri);
    return e;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    this.calls.push(`stat ${uri.path}`);
    const e = this.get(uri);
    return { type: e.type, ctime: e.ctime, mtime: e.mtime, size: e.data?.byteLength ?? 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    this.calls.push(`readDirectory ${uri.path}`);
    const e = this.get(uri);
    if (e.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path.replace(/\/$/, '')}/`;
    const out: [string, vscode.FileType][] = [];
    for (const [path, entry] of this.entries) {
      if (path !== prefix && path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) out.push([baseOf(path), entry.type]);
    }
    return out;
  }

  createDirectory(uri: vscode.Uri): void {
    this.calls.push(`createDirectory ${uri.path}`);
    if (!this.entries.has(parentOf(uri.path))) throw vscode.FileSystemError.FileNotFound(uri);
    this.entries.set(uri.path, { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now() });
    this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.calls.push(`readFile ${uri.path}`);
    const e = this.get(uri);
    if (!e.data) throw vscode.FileSystemError.FileIsADirectory(uri);
    return e.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    this.calls.push(`writeFile ${uri.path}`);
    const e = this.entries.get(uri.path);
    if (e?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!e && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (e && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!this.entries.has(parentOf(uri.path))) throw vscode.FileSystemError.FileNotFound(uri);
    this.entries.set(uri.path, { type: vscode.FileType.File, ctime: e?.ctime ?? Date.now(), mtime: Date.now(), data: content.slice() });
    this.emitter.fire([{ type: e ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.calls.push(`delete ${uri.path}`);
    this.get(uri);
    const prefix = `${uri.path.replace(/\/$/, '')}/`;
    for (const path of [...this.entries.keys()]) if (path === uri.path || path.startsWith(prefix)) this.entries.delete(path);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { overwrite: boolean }): void {
    this.calls.push(`rename ${oldUri.path} ${newUri.path}`);
    const e = this.get(oldUri);
    if (this.entries.has(newUri.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(newUri);
    const prefix = `${oldUri.path.replace(/\/$/, '')}/`;
    for (const [path, entry] of [...this.entries]) {
      if (path.startsWith(prefix)) {
        this.entries.delete(path);
        this.entries.set(newUri.path.replace(/\/$/, '') + path.slice(prefix.length - 1), entry);
      }
    }
    this.entries.delete(oldUri.path);
    this.entries.set(newUri.path, e);
    this.emitter.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }
}
