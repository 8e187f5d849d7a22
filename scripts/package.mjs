// Builds the .vsix users install: `npm run package [-- --out FILE]`.
//
// README links. The Marketplace and Open VSX show the README from the .vsix
// but resolve nothing relative to it, so a published package needs absolute
// links. Cadence has no public home yet (package.json has no repository,
// bugs or homepage rather than a placeholder; its "vsce" key lets vsce
// package and publish without one), so the base URL is given when packaging:
//
//   CADENCE_README_BASE_URL=https://host/path/to/cadence/<tag>/ npm run package
//
// makes every relative link and image in the packaged README absolute under
// that URL (vsce checks that images are https). Without it the links stay
// relative: right for a .vsix installed by hand, where VS Code resolves them
// in the installed extension (docs/images/ is in the package for that).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string', default: `cadence-${version}.vsix` } } });

const base = process.env.CADENCE_README_BASE_URL?.trim();
const args = ['package', '--no-dependencies', '--allow-missing-repository', '-o', values.out];
if (base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:') {
    console.error(`package: CADENCE_README_BASE_URL must be an https:// URL (the Marketplace shows only https images), not "${base}"`);
    process.exit(2);
  }
  const withSlash = base.endsWith('/') ? base : `${base}/`;
  args.push('--baseContentUrl', withSlash, '--baseImagesUrl', withSlash);
} else {
  args.push('--no-rewrite-relative-links');
}
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const r = spawnSync(process.execPath, [vsce, ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
