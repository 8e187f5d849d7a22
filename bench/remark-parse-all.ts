// Baseline for the benchmark: read every Markdown file of a workspace and
// parse it with remark + GFM, nothing else. It is what "just parse the notes
// properly" costs, so `cadence check` can be compared with it.
//
// bench/run.ts bundles this file with esbuild (like dist/cli.js is bundled)
// and runs it with plain node, so tsx's start-up cost is not measured.
//
//   node bench/.work/remark-parse-all.cjs <dir>

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

function markdownFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Same exclusions Cadence applies (SPEC §2): never read node_modules or .git.
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

function main(): void {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('usage: remark-parse-all <dir>\n');
    process.exit(2);
  }
  // One frozen processor for all files: building the pipeline per file would
  // measure plugin setup rather than parsing.
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  let files = 0;
  let bytes = 0;
  let tasks = 0;
  for (const path of markdownFiles(root, [])) {
    const text = readFileSync(path, 'utf8');
    const tree = processor.parse(text);
    files++;
    bytes += text.length;
    // Touch the tree so the parse cannot be optimised away and the count
    // gives a sanity figure to compare with Cadence's action items.
    const stack: unknown[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop() as { type: string; checked?: boolean | null; children?: unknown[] };
      if (node.type === 'listItem' && typeof node.checked === 'boolean') tasks++;
      if (node.children) for (const child of node.children) stack.push(child);
    }
  }
  process.stdout.write(JSON.stringify({ files, bytes, tasks }) + '\n');
}

main();
