// Writes l10n/bundle.l10n.json: every message the code passes to `l10n.t`
// (core/l10n.ts, the core's catalogue) or `vscode.l10n.t`, as
// {"English": "English"}: the shipped English bundle, and the list a
// translator starts from (a bundle.l10n.<locale>.json has the same keys).
//   node scripts/l10n.mjs           write it
//   node scripts/l10n.mjs --check   exit 1 when the file is not what the code says
// A message must be a single-quoted literal (the first argument): the unit
// test of the catalogue fails on any other call.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The messages of one source text, in order (with repeats). */
export function messagesOf(text) {
  const out = [];
  const re = /\bl10n\.t\(\s*'((?:[^'\\\n]|\\.)*)'/g;
  for (let m; (m = re.exec(text)); ) out.push(JSON.parse(`"${m[1].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`));
  return out;
}

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function englishBundle() {
  const all = new Set();
  for (const f of sources(join(root, 'src')).sort()) for (const m of messagesOf(readFileSync(f, 'utf8'))) all.add(m);
  const bundle = {};
  for (const m of [...all].sort()) bundle[m] = m;
  return JSON.stringify(bundle, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = join(root, 'l10n', 'bundle.l10n.json');
  const want = englishBundle();
  if (process.argv.includes('--check')) {
    let have = '';
    try {
      have = readFileSync(file, 'utf8');
    } catch {}
    if (have !== want) {
      console.error('l10n/bundle.l10n.json is not what the code says: run node scripts/l10n.mjs');
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, want);
    console.log(`wrote ${file} (${Object.keys(JSON.parse(want)).length} messages)`);
  }
}
