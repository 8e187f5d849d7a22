// Bundles the extension and the CLI. remark/unified are ESM-only; esbuild
// folds them into CommonJS bundles so VS Code and Node load them directly.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from esbuild; its ESM build bundles.
  mainFields: ['module', 'main'],
};

// The browser build (package.json "browser": vscode.dev, github.dev, the web
// worker extension host) is the same extension with host-web.ts in host.ts's
// place: no node:* module, no `process`, every file through workspace.fs.
const webHost = {
  name: 'web-host',
  setup(b) {
    b.onResolve({ filter: /^\.\/host$/ }, (args) =>
      args.importer.includes('/src/extension/') ? { path: args.importer.replace(/\/src\/extension\/.*$/, '/src/extension/host-web.ts') } : undefined,
    );
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    platform: 'browser',
    target: 'es2022',
    // The web worker extension host has no DOM: packages' "worker" exports,
    // never their DOM variants (decode-named-character-reference's "browser"
    // build calls document.createElement; the worker has no document).
    conditions: ['worker'],
    plugins: [webHost],
  }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The dashboard's browser code: one script, loaded under a nonce'd CSP.
  build({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' }),
]);
