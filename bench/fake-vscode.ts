// Just enough of a fake `vscode` to run the bundled extension's activate()
// and background index outside VS Code, for the bench's extension figures
// (bench/extension-figures.ts, (c') and (d)): what it does on a start is
// measured with Node's own file system underneath, every read counted.

import * as fs from 'node:fs';
import { join } from 'node:path';

export interface FakeVscodeOptions {
  /** The repository root: the extension's own folder (extensionUri). */
  root: string;
  /** The one workspace folder. */
  dir: string;
  /** The extension's workspace storage (where the persistent index goes). */
  storage: string;
  /** The folder's files, '/'-relative: findFiles returns them (VS Code searches in another process). */
  files: readonly string[];
  /** Counts every read and stat through workspace.fs. */
  counters: { reads: number };
  /** The log's warnings and errors, one line each. */
  errors: string[];
  /** The log's info lines. */
  infos: string[];
}

export interface FakeVscode {
  /** The module: what `require('vscode')` returns. */
  api: Record<string, unknown>;
  /** An ExtensionContext for activate(). */
  context: unknown;
  /** The stand-in for anything the fake does not model: accepts any call. */
  inert: unknown;
}

/**
 * Just enough of the `vscode` API for activate() and the background index:
 * real Uri, EventEmitter, workspace folder, findFiles (the list is walked
 * beforehand: VS Code searches in another process) and workspace.fs over
 * node:fs/promises, counted. Everything else is an inert stand-in that
 * accepts any call and returns a disposable-ish stand-in.
 */
export function makeFakeVscode({ root, dir, storage, files, counters, errors, infos }: FakeVscodeOptions): FakeVscode {
  const inert: unknown = new Proxy(function () {}, {
    get: (_t, prop) => (prop === 'then' ? undefined : prop === Symbol.iterator ? function* () {} : prop === Symbol.toPrimitive ? () => '' : inert),
    set: () => true,
    apply: () => inert,
    construct: () => inert as object,
  });
  const stub = (own: Record<string, unknown>): unknown => new Proxy(own, { get: (t, p) => (p in t ? t[p as string] : p === 'then' ? undefined : inert) });
  // The top-level API: a plain object (its own keys are copied by esbuild's interop).
  const apiObject = (own: Record<string, unknown>): Record<string, unknown> => own;

  class Uri {
    constructor(
      readonly scheme: string,
      readonly authority: string,
      readonly path: string,
    ) {}
    static file(p: string): Uri {
      return new Uri('file', '', p);
    }
    static joinPath(base: Uri, ...parts: string[]): Uri {
      return new Uri(base.scheme, base.authority, [base.path.replace(/\/$/, ''), ...parts].join('/'));
    }
    get fsPath(): string {
      return this.path;
    }
    toString(): string {
      return `${this.scheme}://${this.authority}${this.path}`;
    }
    with(change: { path?: string }): Uri {
      return new Uri(this.scheme, this.authority, change.path ?? this.path);
    }
  }
  class EventEmitter<T> {
    private listeners = new Set<(e: T) => void>();
    readonly event = (l: (e: T) => void) => {
      this.listeners.add(l);
      return { dispose: () => this.listeners.delete(l) };
    };
    fire(e: T): void {
      for (const l of [...this.listeners]) l(e);
    }
    dispose(): void {
      this.listeners.clear();
    }
  }
  class RelativePattern {
    constructor(
      readonly base: unknown,
      readonly pattern: string,
    ) {}
  }
  const memento = () => {
    const m = new Map<string, unknown>();
    return { get: (k: string, d?: unknown) => (m.has(k) ? m.get(k) : d), update: async (k: string, v: unknown) => void m.set(k, v), keys: () => [...m.keys()] };
  };
  const folder = { uri: Uri.file(dir), name: 'ws', index: 0 };
  const event = () => ({ dispose() {} });
  const counted = async <T>(fn: () => Promise<T>): Promise<T> => {
    counters.reads++;
    return fn();
  };
  // Node's own functions, taken before countNodeFs wraps them: a read through workspace.fs counts once.
  const fsp = {
    stat: fs.promises.stat.bind(fs.promises),
    readFile: fs.promises.readFile.bind(fs.promises),
    writeFile: fs.promises.writeFile.bind(fs.promises),
    mkdir: fs.promises.mkdir.bind(fs.promises),
    rename: fs.promises.rename.bind(fs.promises),
    rm: fs.promises.rm.bind(fs.promises),
    readdir: fs.promises.readdir.bind(fs.promises),
  };
  const notFound = (e: unknown) => Object.assign(new Error((e as Error).message), { code: 'FileNotFound' });
  const api = apiObject({
    Uri,
    EventEmitter,
    RelativePattern,
    Disposable: class {
      constructor(private readonly fn: () => void) {}
      dispose() {
        this.fn();
      }
    },
    workspace: stub({
      workspaceFolders: [folder],
      textDocuments: [],
      getWorkspaceFolder: (u: Uri) => (u.path === folder.uri.path || u.path.startsWith(folder.uri.path + '/') ? folder : undefined),
      getConfiguration: () => ({ get: (_k: string, d?: unknown) => d, inspect: () => undefined, has: () => false }),
      findFiles: async () => files.map((f) => Uri.joinPath(folder.uri, ...f.split('/'))),
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidOpenTextDocument: event,
      onDidSaveTextDocument: event,
      onDidChangeWorkspaceFolders: event,
      onDidChangeConfiguration: event,
      createFileSystemWatcher: () => stub({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
      fs: {
        stat: (u: Uri) =>
          counted(async () => {
            try {
              const s = await fsp.stat(u.fsPath);
              return { type: s.isDirectory() ? 2 : 1, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
            } catch (e) {
              throw notFound(e);
            }
          }),
        readFile: (u: Uri) =>
          counted(async () => {
            try {
              return new Uint8Array(await fsp.readFile(u.fsPath));
            } catch (e) {
              throw notFound(e);
            }
          }),
        writeFile: async (u: Uri, bytes: Uint8Array) => fsp.writeFile(u.fsPath, bytes),
        createDirectory: async (u: Uri) => void (await fsp.mkdir(u.fsPath, { recursive: true })),
        rename: async (from: Uri, to: Uri) => fsp.rename(from.fsPath, to.fsPath),
        delete: async (u: Uri) => fsp.rm(u.fsPath, { recursive: true }),
        readDirectory: async (u: Uri) => (await fsp.readdir(u.fsPath, { withFileTypes: true })).map((e) => [e.name, e.isDirectory() ? 2 : 1] as [string, number]),
      },
    }),
    window: stub({
      activeTextEditor: undefined,
      visibleTextEditors: [],
      createOutputChannel: () =>
        stub({
          info: (m: string) => infos.push(m),
          warn: (m: string) => errors.push(`warn: ${m}`),
          error: (m: string, e?: unknown) => errors.push(`error: ${m} ${e instanceof Error ? e.stack : String(e ?? '')}`),
          debug() {},
          trace() {},
          appendLine() {},
          dispose() {},
        }),
      // A view nobody has opened, as in a fresh window: not visible.
      createTreeView: () => stub({ visible: false, onDidChangeVisibility: event, dispose() {} }),
      withProgress: async (_o: unknown, task: (p: unknown, token: unknown) => Promise<unknown>) => task({ report() {} }, stub({ isCancellationRequested: false })),
    }),
    // English, as VS Code gives it with no language pack: no bundle (an inert one would make every message a function).
    l10n: { bundle: undefined, t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (m, n: string) => (+n < args.length ? String(args[+n]) : m)) },
    commands: stub({ executeCommand: async () => undefined, registerCommand: () => ({ dispose() {} }), registerTextEditorCommand: () => ({ dispose() {} }) }),
  });
  const context = stub({
    subscriptions: [] as unknown[],
    extensionUri: Uri.file(root),
    extensionPath: root,
    storageUri: Uri.file(storage),
    globalStorageUri: Uri.file(join(storage, 'global')),
    workspaceState: memento(),
    globalState: memento(),
    asAbsolutePath: (p: string) => join(root, p),
  });
  return { api, context, inert };
}
