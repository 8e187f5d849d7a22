// What the extension asks of the runtime it runs in, in one place. The Node
// build (package.json "main": the desktop, code-server, Remote) gets this
// file; the browser build ("browser": vscode.dev, github.dev, the web worker
// extension host) gets host-web.ts in its place (scripts/build.mjs swaps the
// module), which answers the same questions without Node. Nothing else in
// src/extension imports node:* or reads `process`.

import { readFileSync } from 'node:fs';
import type * as vscode from 'vscode';

export interface Host {
  /** Which build is running: 'node' (package.json "main") or 'web' ("browser"). */
  readonly kind: 'node' | 'web';
  /** An environment variable of the extension host; the browser has none. */
  env(name: string): string | undefined;
  /**
   * Reads a file on this machine's disk at once (synchronously), for a
   * `file:` URI; undefined where there is no disk (the browser), and then
   * callers read through `vscode.workspace.fs` instead. Throws as readFileSync does.
   */
  readonly readLocalFile: ((uri: vscode.Uri) => Uint8Array) | undefined;
  /** A Node runtime that can run dist/cli.js (the editor's own); undefined in the browser. */
  readonly nodeRuntime: string | undefined;
}

export const host: Host = {
  kind: 'node',
  env: (name) => process.env[name],
  readLocalFile: (uri) => readFileSync(uri.fsPath),
  nodeRuntime: process.execPath,
};
