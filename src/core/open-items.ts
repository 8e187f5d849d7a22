// SPEC §18, "one count everywhere": the open and overdue action items are one
// set — every open action item in every 1:1 file (whoever it is with, or
// with nobody named; any date) and every OKR review. The status bar, the
// Action Items view and the dashboard all count this set, and a test holds
// them together on every fixture workspace.

import type { Dataset } from './dataset';
import { hasActionItems } from './kinds';
import type { ActionItem, OneOnOneDoc, ReviewDoc } from './model';
import { comparePaths } from './paths';

export interface OpenItem {
  readonly doc: OneOnOneDoc | ReviewDoc;
  readonly item: ActionItem;
  /** Due before today. */
  readonly overdue: boolean;
}

/**
 * Every open action item of the dataset (SPEC §18), by due date (undated
 * last), then path (code-point order), then line.
 */
export function openActionItems(ds: Dataset): OpenItem[] {
  const today = ds.today;
  const out: OpenItem[] = [];
  for (const d of ds.docs()) {
    if (!hasActionItems(d)) continue;
    for (const item of d.items) if (item.status === 'open') out.push({ doc: d, item, overdue: !!item.due?.value && item.due.value < today });
  }
  return out.sort((a, b) => {
    const da = a.item.due?.value ?? '9999-99-99';
    const db = b.item.due?.value ?? '9999-99-99';
    return da < db ? -1 : da > db ? 1 : comparePaths(a.doc.path, b.doc.path) || a.item.line - b.item.line;
  });
}

export interface ItemCounts {
  readonly open: number;
  readonly overdue: number;
}

/** The sizes of that one set: open items, and those of them due before today. */
export function openItemCounts(ds: Dataset): ItemCounts {
  let open = 0;
  let overdue = 0;
  for (const d of ds.docs()) {
    if (!hasActionItems(d)) continue;
    for (const i of d.items) {
      if (i.status !== 'open') continue;
      open++;
      if (i.due?.value && i.due.value < ds.today) overdue++;
    }
  }
  return { open, overdue };
}
