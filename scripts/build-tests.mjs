// Bundles the integration suite for the extension host: out/test/integration/
// gets index.js (the extensionTestsPath entry) and one *.test.js per suite
// file, which index.js hands to mocha. `vscode` is provided by the host; mocha
// stays external and is required from node_modules at run time, because its
// reporters and loaders use dynamic requires that a bundle would break.
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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
