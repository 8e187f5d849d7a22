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

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The dashboard's browser code: one script, loaded under a nonce'd CSP.
  build({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' }),
]);
