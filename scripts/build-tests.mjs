// Bundles the integration suite for the extension host: out/test/integration/
// gets index.js (the extensionTestsPath entry) and one *.test.js per suite
// file, which index.js hands to mocha. `vscode` is provided by the host; mocha
// stays external and is required from node_modules at run time, because its
// reporters and loaders use dynamic requires that a bundle would break.
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const dir = 'test/integration';
const suites = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));

await rm('out/test/integration', { recursive: true, force: true });
await build({
  entryPoints: [`${dir}/index.ts`, ...suites.map((f) => `${dir}/${f}`)],
  outdir: 'out/test/integration',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

// The web worker extension host's suite (scripts/run-integration.ts --web):
// one browser bundle, mocha's browser build inside. The shared suites' node:
// imports have no place there: node:assert/strict is test/web/assert.ts, and
// `process.env` is the configuration test/web/index.ts reads at run time.
// node:fs stays external: helpers.ts requires it only in readExpected, which
// the web suite does not call.
const webAssert = {
  name: 'web-assert',
  setup(b) {
    b.onResolve({ filter: /^node:assert(\/strict)?$/ }, () => ({ path: resolve('test/web/assert.ts') }));
  },
};
await rm('out/test/web', { recursive: true, force: true });
await build({
  entryPoints: ['test/web/index.ts'],
  outfile: 'out/test/web/index.js',
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'node:fs'],
  define: { 'process.env': '__cadenceTestEnv' },
  plugins: [webAssert],
  logLevel: 'warning',
});
