// The floor of any tool that looks at every file (issue 22): start Node, walk
// the folder as `cadence check` does (node_modules and .git skipped, only
// Markdown and YAML) and read every file as text, nothing else. Bundled by
// bench/run.ts like the CLI, so both start the same way. Prints
// {"files": N, "bytes": B} (bytes: UTF-16 code units read).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: floor DIR\n');
  process.exit(2);
}
let files = 0;
let chars = 0;
const visit = (dir: string): void => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) visit(p);
    else if (e.isFile() && /\.(md|markdown|ya?ml)$/i.test(e.name)) {
      chars += readFileSync(p, 'utf8').length;
      files++;
    }
  }
};
visit(root);
process.stdout.write(JSON.stringify({ files, bytes: chars }) + '\n');
