// The task box of a list item (SPEC §10, amending §4): the item's text
// starts with `[`, exactly one character (one code point), `]`, then a
// space, a tab or the end of the line. The block scanners say where a list
// item's text starts (blocks.ts, and remark-blocks.ts its oracle); this reads the box
// there, the same way for both, so that the differential test holds both
// to remark-gfm's list items and to one reading of the status character.

import type { ItemStatus } from '../model';

/** A list item whose text starts with a task box. */
export interface TaskBox {
  /** The status character as written: one code point (one or two UTF-16 units). */
  readonly state: string;
  /** Column of the `[`. */
  readonly boxCol: number;
  /** Column just after the `]`. */
  readonly after: number;
}

/**
 * The box at `col` of `line`, or undefined when the text there does not
 * start with one. `line` may have hidden text blanked (hidden.ts).
 */
export function readTaskBox(line: string, col: number): TaskBox | undefined {
  if (col < 0 || line.charCodeAt(col) !== 0x5b /* [ */) return undefined;
  const cp = line.codePointAt(col + 1);
  if (cp === undefined) return undefined;
  const width = cp > 0xffff ? 2 : 1;
  const close = col + 1 + width;
  if (line.charCodeAt(close) !== 0x5d /* ] */) return undefined;
  const next = line.charCodeAt(close + 1);
  if (close + 1 < line.length && next !== 0x20 && next !== 0x09) return undefined;
  return { state: line.slice(col + 1, close), boxCol: col, after: close + 1 };
}

/**
 * Whether nothing but white space follows the box on its line: `- [ ]` alone
 * is a placeholder, not an item (SPEC §10); no rule or count sees it.
 */
export function isPlaceholder(line: string, box: TaskBox): boolean {
  for (let i = box.after; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

const STATUS: Readonly<Record<string, ItemStatus>> = { ' ': 'open', x: 'done', X: 'done', '-': 'cancelled', '>': 'forwarded' };

/**
 * What a status character means: `[ ]` open, `[x]`/`[X]` done, `[-]`
 * cancelled, `[>]` forwarded; `[/]` (in progress) and every other character
 * open, as Obsidian Tasks treats unknown status symbols.
 */
export function statusOf(state: string): ItemStatus {
  return STATUS[state] ?? 'open';
}
