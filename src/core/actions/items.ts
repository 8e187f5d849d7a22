// Action-item edits: done/reopen in the line's own spelling.

import { markDone, replace } from '../fixes';
import type { ActionItem } from '../model';
import type { TextEdit } from '../types';

/** Marks an item done today, or reopens a done one (removing its done date). */
export function toggleItem(item: ActionItem, today: string): TextEdit[] {
  if (item.status === 'done') {
    const edits: TextEdit[] = [replace(item.boxRange, ' ')];
    if (item.done) {
      const t = item.done.token.tokenRange;
      // Take the space before the token with it, so the line reads as before.
      const from = t.start.character > 0 && item.lineText[t.start.character - 1] === ' ' ? t.start.character - 1 : t.start.character;
      edits.push(replace({ start: { line: t.start.line, character: from }, end: t.end }, ''));
    }
    return edits;
  }
  return markDone(item, today);
}
