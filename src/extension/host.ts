// What the extension asks of the runtime it runs in, in one place. The Node
// build (package.json "main": the desktop, code-server, Remote) gets this
// file; the browser build ("browser": vscode.dev, github.dev, the web worker
// extension host) gets host-web.ts in its place (scripts/build.mjs swaps the
// module), which answers the same questions without Node. Nothing else in
// src/extension imports node:* or reads `process`.

import { closeSync, openSync, readSync } from 'node:fs';
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
  /** A Node runtime that can run dist/cli.js (the editor's own); undefined in the browser. */
  readonly nodeRuntime: string | undefined;
}

export const host: Host = {
  kind: 'node',
  env: (name) => process.env[name],
  localReader: (uri) => ({
    read(position, length) {
      const fd = openSync(uri.fsPath, 'r');
      try {
        const out = new Uint8Array(length);
        let n = 0;
        while (n < length) {
          const got = readSync(fd, out, n, length - n, position + n);
          if (got === 0) break;
          n += got;
        }
        return n === length ? out : out.subarray(0, n);
      } finally {
        closeSync(fd);
      }
    },
  }),
  nodeRuntime: process.execPath,
};
