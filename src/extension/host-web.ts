// The browser build's host.ts (scripts/build.mjs puts it in host.ts's place
// for package.json "browser"): the web worker extension host of vscode.dev,
// github.dev and code-server has no Node, no disk, no environment and no
// processes. Every file is read and written through vscode.workspace.fs.

import type { Host } from './host';

export const host: Host = {
  kind: 'web',
  env: () => undefined,
  localReader: undefined,
  readLocalFile: undefined,
  statLocalFile: undefined,
  nodeRuntime: undefined,
};
