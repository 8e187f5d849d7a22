// Holds Cadence's block scanner (src/core/markdown/blocks.ts) to remark-gfm:
// on thousands of generated notes built from the constructs that decide
// whether a line is a task item — list markers of every kind and indentation,
// block quotes, tabs, fences, indented code, HTML blocks, headings (ATX and
// setext), thematic breaks, link definitions, lazy continuations — it must
// give exactly remark's list items (line, marker column, and the text the
// item's first paragraph starts with on that line), headings (line, depth)
// and code/HTML lines; and, on top, Cadence's reading of the status
// character (SPEC §10: `[/]`, `[?]`, astral symbols… are not GFM task items,
// so task items are compared as Cadence reads them from the items' text).
// The scanner reads every note (it never hands one to remark), so no note is
// left out of the comparison.

import assert from 'node:assert/strict';
import { taskLines } from '../../src/core/markdown/body';
import { scanBlocks, type BlockScan } from '../../src/core/markdown/blocks';
import { scanBlocksRemark } from '../../src/core/markdown/remark-blocks';
import { nestedNote, realisticNote, trickyNote } from './markdown-corpus';

/** List items as the marker line shows them: where, and the text the item's first paragraph starts with there. */
export function listItems(scan: BlockScan, lines: readonly string[]): [number, number, string | null][] {
  return scan.items.map((i) => [i.line, i.markerCol, i.textCol < 0 ? null : lines[i.line].slice(i.textCol)]);
}

/** Task items as Cadence reads them: line, marker column, box column, status character. */
export function tasks(scan: BlockScan, lines: readonly string[]): [number, number, number, string][] {
  return taskLines(scan, lines).map((t) => [t.line, t.markerCol, t.box.boxCol, t.box.state]);
}

export function compare(lines: string[]): void {
  const ours = scanBlocks(lines, 0);
  const ref = scanBlocksRemark(lines, 0);
  const where = `\n--- note ---\n${lines.map((l, i) => `${String(i).padStart(2)}| ${JSON.stringify(l)}`).join('\n')}\n------------`;
  assert.deepEqual(listItems(ours, lines), listItems(ref, lines), `list items differ from remark-gfm${where}`);
  assert.deepEqual(tasks(ours, lines), tasks(ref, lines), `task items differ${where}`);
  assert.deepEqual(
    ours.headings.map((h) => [h.line, h.depth]),
    ref.headings.map((h) => [h.line, h.depth]),
    `headings differ from remark-gfm${where}`,
  );
  // Code and HTML lines with text (whether a blank line, or a quote's blank line, ends a block or is in it matters to nobody).
  const code = (s: BlockScan) => [...s.codeLines].filter((l) => !/^[\s>]*$/.test(lines[l])).sort((a, b) => a - b);
  assert.deepEqual(code(ours), code(ref), `code and HTML lines differ from remark-gfm${where}`);
}

if (typeof describe === 'function') describe('block scanner vs remark-gfm (differential)', function () {
  this.timeout(120_000);

  it('agrees on every tricky note (3,000 notes)', () => {
    for (let seed = 1; seed <= 3000; seed++) compare(trickyNote(seed));
  });

  it('agrees on every note of common constructs (3,000 notes)', () => {
    for (let seed = 1; seed <= 3000; seed++) compare(trickyNote(seed, true));
  });

  it('agrees on every note of nested containers and leaf blocks (3,000 notes)', () => {
    for (let seed = 1; seed <= 3000; seed++) compare(nestedNote(seed));
  });

  it('agrees on every realistic note (1,000 notes)', () => {
    for (let seed = 1; seed <= 1000; seed++) compare(realisticNote(seed));
  });
});
