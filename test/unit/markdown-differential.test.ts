// Holds the fast block scanner to remark-gfm: on thousands of generated notes
// built from the constructs that decide whether a line is a task item, every
// note the fast path accepts must give exactly remark's list items (line,
// marker column, and the text of the item's first paragraph on that line)
// and headings; and, on top, Cadence's reading of the status character
// (SPEC §10: `[/]`, `[?]`, astral symbols… are not GFM task items, so the
// task items are compared as Cadence reads them from the items' text, not
// as remark-gfm's `checked`). Notes it declines are fine — they go to remark
// — but realistic notes must rarely be declined.

import assert from 'node:assert/strict';
import { taskLines } from '../../src/core/markdown/body';
import { scanBlocksFast, type BlockScan } from '../../src/core/markdown/fast-blocks';
import { scanBlocksRemark } from '../../src/core/markdown/remark-blocks';
import { realisticNote, trickyNote } from './markdown-corpus';

/** List items as the marker line shows them: where, and the text the item's first paragraph starts with there. */
export function listItems(scan: BlockScan, lines: readonly string[]): [number, number, string | null][] {
  return scan.items.map((i) => [i.line, i.markerCol, i.textCol < 0 ? null : lines[i.line].slice(i.textCol)]);
}

/** Task items as Cadence reads them: line, marker column, box column, status character. */
export function tasks(scan: BlockScan, lines: readonly string[]): [number, number, number, string][] {
  return taskLines(scan, lines).map((t) => [t.line, t.markerCol, t.box.boxCol, t.box.state]);
}

function compare(lines: string[]): 'fast' | 'declined' {
  const fast = scanBlocksFast(lines, 0);
  if (!fast) return 'declined';
  const ref = scanBlocksRemark(lines, 0);
  const where = `\n--- note ---\n${lines.join('\n')}\n------------`;
  assert.deepEqual(listItems(fast, lines), listItems(ref, lines), `list items differ from remark-gfm${where}`);
  assert.deepEqual(tasks(fast, lines), tasks(ref, lines), `task items differ${where}`);
  assert.deepEqual(
    fast.headings.map((h) => [h.line, h.depth]),
    ref.headings.map((h) => [h.line, h.depth]),
    `headings differ from remark-gfm${where}`,
  );
  return 'fast';
}

describe('fast block scanner vs remark-gfm (differential)', () => {
  it('agrees on every tricky note it accepts (3,000 notes)', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 3000; seed++) if (compare(trickyNote(seed)) === 'fast') accepted++;
    // The generator must exercise the fast path, not only the fallback.
    assert.ok(accepted > 300, `only ${accepted} tricky notes took the fast path`);
  });

  it('agrees on every note of fast-path constructs it accepts (3,000 notes)', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 3000; seed++) if (compare(trickyNote(seed, true)) === 'fast') accepted++;
    assert.ok(accepted > 700, `only ${accepted} notes took the fast path`);
  });

  it('accepts almost every realistic note, and agrees on all of them (1,000 notes)', () => {
    let declined = 0;
    for (let seed = 1; seed <= 1000; seed++) if (compare(realisticNote(seed)) === 'declined') declined++;
    assert.ok(declined <= 10, `${declined} realistic notes fell back to remark`);
  });
});
