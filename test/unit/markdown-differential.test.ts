// Holds the fast block scanner to remark-gfm: on thousands of generated notes
// built from the constructs that decide whether a line is a task item, every
// note the fast path accepts must give exactly remark's task items (line,
// state, marker and box columns) and headings. Notes it declines are fine —
// they go to remark — but realistic notes must rarely be declined.

import assert from 'node:assert/strict';
import { scanBlocksFast } from '../../src/core/markdown/fast-blocks';
import { scanBlocksRemark } from '../../src/core/markdown/remark-blocks';
import { realisticNote, trickyNote } from './markdown-corpus';

function compare(lines: string[]): 'fast' | 'declined' {
  const fast = scanBlocksFast(lines, 0);
  if (!fast) return 'declined';
  const ref = scanBlocksRemark(lines, 0);
  const where = `\n--- note ---\n${lines.join('\n')}\n------------`;
  assert.deepEqual(fast.tasks, ref.tasks, `task items differ from remark-gfm${where}`);
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
