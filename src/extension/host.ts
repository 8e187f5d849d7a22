// What the extension asks of the runtime it runs in, in one place. The Node
// build (package.json "main": the desktop, code-server, Remote) gets this
// file; the browser build ("browser": vscode.dev, github.dev, the web worker
// extension host) gets host-web.ts in its place (scripts/build.mjs swaps the
// module), which answers the same questions without Node. Nothing else in
// src/extension imports node:* or reads `process`.

import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type * as vscode from 'vscode';
import type { PayloadReader } from '../core/persist';

export interface Host {
  /** Which build is running: 'node' (package.json "main") or 'web' ("browser"). */
  readonly kind: 'node' | 'web';
  /** An environment variable of the extension host; the browser has none. */
  env(name: string): string | undefined;
  /**
   * Reads pieces of a file on this machine's disk at once (synchronously,
   * a positional read each: the file is opened for each read, so it always
   * reads what is at that path then), for a `file:` URI; undefined where there
   * is no disk (the browser), and then callers read whole files through
   * `vscode.workspace.fs` instead. A read throws as readSync does.
   */
  readonly localReader: ((uri: vscode.Uri) => PayloadReader) | undefined;
  /**
   * Reads a whole file on this machine's disk at once, for a `file:` URI:
   * open, fstat, read, close, synchronously (~10 µs a small file, against
   * ~0.4 ms through `vscode.workspace.fs`, which in a remote or code-server
   * extension host is a message to the server and back for each stat and
   * read). `size` (bytes) and `mtime` (ms since the epoch) are fstat's, taken
   * before the read on the same descriptor: if the file changes meanwhile, the
   * stamp is older than the text, never newer. undefined where there is no
   * disk (the browser): callers then read through `vscode.workspace.fs`.
   * Throws as the fs calls do (ENOENT, EACCES, EISDIR…).
   */
  readonly readLocalFile: ((uri: vscode.Uri) => LocalFile) | undefined;
  /**
   * A file's size (bytes) and mtime (ms since the epoch, whole, as
   * readLocalFile and `vscode.workspace.fs.stat` give it) on this machine's
   * disk, for a `file:` URI, synchronously (a symbolic link followed);
   * undefined where there is no disk. Throws as statSync does.
   */
  readonly statLocalFile: ((uri: vscode.Uri) => { size: number; mtime: number }) | undefined;
  /** A Node runtime that can run dist/cli.js (the editor's own); undefined in the browser. */
  readonly nodeRuntime: string | undefined;
}

/** A file read by Host.readLocalFile: its bytes and the fstat taken before the read. */
export interface LocalFile {
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly mtime: number;
}

/** Reads `length` bytes at `position` of an open file; fewer at its end. */
function readAt(fd: number, length: number, position: number): Uint8Array {
  const out = new Uint8Array(length);
  let n = 0;
  while (n < length) {
    const got = readSync(fd, out, n, length - n, position + n);
    if (got === 0) break;
    n += got;
  }
  return n === length ? out : out.subarray(0, n);
}

export const host: Host = {
  kind: 'node',
  env: (name) => process.env[name],
  localReader: (uri) => ({
    read(position, length) {
      const fd = openSync(uri.fsPath, 'r');
      try {
        return readAt(fd, length, position);
      } finally {
        closeSync(fd);
      }
    },
  }),
  readLocalFile: (uri) => {
    const fd = openSync(uri.fsPath, 'r');
    try {
      const st = fstatSync(fd);
      // What fstat says is there; a file that grew meanwhile is read again by the watcher's event.
      // mtime as vscode.workspace.fs.stat gives it (the disk provider's Date, whole ms), which a warm start compares.
      return { bytes: readAt(fd, st.size, 0), size: st.size, mtime: st.mtime.getTime() };
    } finally {
      closeSync(fd);
    }
  },
  statLocalFile: (uri) => {
    const st = statSync(uri.fsPath);
    return { size: st.size, mtime: st.mtime.getTime() };
  },
  nodeRuntime: process.execPath,
};
