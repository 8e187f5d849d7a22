// The differential check on a generated corpus: every Markdown file of the
// workspace, read as the parser reads it (normalised, front matter split off),
// goes through Cadence's block scanner (blocks.ts, which reads every note)
// and through remark-gfm: its list items (line, marker column, the text
// their first paragraph starts with on that line), the task items Cadence
// reads from them (task-box.ts: any status character) and its headings must
// be exactly remark's. The unit suite holds the same property on thousands of
// adversarial notes (test/unit/markdown-differential.test.ts); this runs it on
// the benchmark's realistic corpus, which is too slow for `npm test` (remark
// reads ~0.5 MB/s here).
//
//   npx tsx bench/differential.ts [DIR]     # default: the 10k workspace

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter, taskLines } from '../src/core/markdown/body';
import { scanBlocks, type BlockScan } from '../src/core/markdown/blocks';
import { scanBlocksRemark } from '../src/core/markdown/remark-blocks';
import { normalize } from '../src/core/text';
import type { ExtensionFigure } from './extension-figures';

export interface DifferentialResult {
  files: number;
  /** Compared with remark (every file: the scanner reads every note). */
  accepted: number;
  /** Kept for the bench's table: always 0 now. */
  declined: number;
  /** Files whose list items, task items or headings differ from remark's, with the first difference. */
  differ: { path: string; what: string }[];
  taskItems: number;
  ms: number;
}

function markdownFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...markdownFiles(dir, p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

const json = (v: unknown): string => JSON.stringify(v);
const items = (s: BlockScan, lines: readonly string[]) => s.items.map((i) => [i.line, i.markerCol, i.textCol < 0 ? null : lines[i.line].slice(i.textCol)]);
const tasks = (s: BlockScan, lines: readonly string[]) => taskLines(s, lines).map((t) => [t.line, t.markerCol, t.box.boxCol, t.box.state]);

export function runDifferential(dir: string, onProgress?: (done: number, total: number) => void): DifferentialResult {
  const t0 = performance.now();
  const files = markdownFiles(dir);
  const result: DifferentialResult = { files: files.length, accepted: 0, declined: 0, differ: [], taskItems: 0, ms: 0 };
  files.forEach((path, i) => {
    if (onProgress && i % 1000 === 0) onProgress(i, files.length);
    const split = splitFrontMatter(normalize(readFileSync(join(dir, path), 'utf8')));
    const fast = scanBlocks(split.lines, split.bodyLine);
    result.accepted++;
    const ref = scanBlocksRemark(split.lines, split.bodyLine);
    const ls = split.lines;
    const refTasks = tasks(ref, ls);
    result.taskItems += refTasks.length;
    const fastHeadings = fast.headings.map((h) => [h.line, h.depth]);
    const refHeadings = ref.headings.map((h) => [h.line, h.depth]);
    if (json(items(fast, ls)) !== json(items(ref, ls))) result.differ.push({ path, what: `list items: fast ${json(items(fast, ls))} vs remark ${json(items(ref, ls))}` });
    else if (json(tasks(fast, ls)) !== json(refTasks)) result.differ.push({ path, what: `task items: fast ${json(tasks(fast, ls))} vs remark ${json(refTasks)}` });
    else if (json(fastHeadings) !== json(refHeadings)) result.differ.push({ path, what: `headings: fast ${json(fastHeadings)} vs remark ${json(refHeadings)}` });
  });
  result.ms = performance.now() - t0;
  return result;
}

/** The check as a row of the bench's targets table. */
export function differentialFigure(notes: number, r: DifferentialResult): ExtensionFigure {
  return {
    name: `block scanner vs remark-gfm on the ${notes / 1000}k corpus (differential)`,
    target: '0 differ',
    value: r.differ.length,
    unit: 'files differ',
    met: r.differ.length === 0 && r.accepted > 0,
    note:
      `${r.files} Markdown files read by the block scanner and compared with remark-gfm (${r.taskItems} task items as Cadence reads them, every status character); ` +
      `${r.differ.length} differ${r.differ.length ? ` — first: ${r.differ[0].path}: ${r.differ[0].what.slice(0, 300)}` : ''} (${(r.ms / 1000).toFixed(1)} s)`,
  };
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(__dirname, '.work', 'ws-10000-s1');
  const r = runDifferential(dir, (done, total) => process.stderr.write(`\r${done}/${total} `));
  process.stderr.write('\n');
  const f = differentialFigure(10000, r);
  process.stdout.write(`${f.note}\n`);
  for (const d of r.differ.slice(0, 10)) process.stdout.write(`  ${d.path}: ${d.what}\n`);
  process.exit(f.met ? 0 : 1);
}
