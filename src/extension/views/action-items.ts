// Action items: every open item, grouped by when it is due, or by owner.

import { addDays } from '../../core/dates';
import type { ActionItem } from '../../core/model';
import { openActionItems } from '../../core/open-items';
import { personLabel } from '../../core/people';
import * as vscode from 'vscode';
import type { FolderIndex } from '../folder-index';
import { group, itemNode, type Node } from './nodes';
import { itemOwner } from '../../core/owners';

interface Open {
  folder: FolderIndex;
  path: string;
  item: ActionItem;
  overdue: boolean;
  /** The person the 1:1 is with, as shown (none for an OKR review or a 1:1 naming nobody). */
  who: string | undefined;
  /** The owner as shown: their name, or the id as typed when they have no person file. */
  owner: string | undefined;
}

/** SPEC §18's one set of open items (core/open-items), across the folders. */
export function openItems(folders: Iterable<FolderIndex>): Open[] {
  const out: Open[] = [];
  for (const f of folders) {
    for (const o of openActionItems(f.dataset)) {
      const who = o.doc.kind === '1on1' ? personLabel(f.dataset.query, o.doc.report) : undefined;
      out.push({ folder: f, path: o.doc.path, item: o.item, overdue: o.overdue, who, owner: personLabel(f.dataset.query, itemOwner(o.item, f.dataset.query)) });
    }
  }
  return out;
}

/** The counts the view's title shows: the same set, the same numbers as the status bar and the dashboard. */
export function openItemTotals(folders: Iterable<FolderIndex>): { open: number; overdue: number } {
  const items = openItems(folders);
  return { open: items.length, overdue: items.filter((o) => o.overdue).length };
}

export type Grouping = 'due' | 'owner';


/** A group's key (English, also an owner's name) → its label as the view shows it. */
const BUCKET_WORDS: Record<string, () => string> = {
  Overdue: () => vscode.l10n.t('Overdue'),
  'This week': () => vscode.l10n.t('This week'),
  Later: () => vscode.l10n.t('Later'),
  'No due date': () => vscode.l10n.t('No due date'),
  'No owner': () => vscode.l10n.t('No owner'),
};

export function dueBucket(due: string | undefined, today: string): 'Overdue' | 'This week' | 'Later' | 'No due date' {
  if (!due) return 'No due date';
  if (due < today) return 'Overdue';
  return due <= addDays(today, 6) ? 'This week' : 'Later';
}

/**
 * The open items grouped by due date (Overdue, This week, Later, No due
 * date) or by owner (by name, "No owner" last). No open item at all: no
 * groups, so the view's welcome says why it is empty.
 */
export function actionItemRoots(folders: FolderIndex[], grouping: Grouping, hidden: boolean): Node[] {
  const items = openItems(folders);
  if (!items.length) return [];
  const today = folders[0]?.dataset.today ?? '';
  const node = (o: Open) =>
    itemNode(
      o.folder,
      o.path,
      o.item,
      today,
      [grouping === 'due' && !hidden ? (o.owner ?? vscode.l10n.t('no owner')) : undefined, o.item.due?.value ? vscode.l10n.t('due {0}', o.item.due.value) : undefined, hidden ? undefined : o.who ? vscode.l10n.t('1:1 with {0}', o.who) : o.path],
      hidden,
    );
  const buckets = new Map<string, Open[]>();
  const order = grouping === 'due' ? ['Overdue', 'This week', 'Later', 'No due date'] : [];
  for (const k of order) buckets.set(k, []);
  for (const o of items) {
    const key = grouping === 'due' ? dueBucket(o.item.due?.value, today) : (o.owner ?? 'No owner');
    if (!buckets.has(key)) buckets.set(key, []);
    buckets.get(key)!.push(o);
  }
  const keys = grouping === 'due' ? order : [...buckets.keys()].sort((a, b) => (a === 'No owner' ? 1 : b === 'No owner' ? -1 : a.localeCompare(b, undefined, { sensitivity: 'base' })));
  // In screen-share mode an owner group is a number, not a name.
  const label = (k: string, i: number) => (hidden && grouping === 'owner' && k !== 'No owner' ? vscode.l10n.t('Owner {0}', i + 1) : (BUCKET_WORDS[k]?.() ?? k));
  return keys.map((k, i) =>
    group(`items:${grouping}:${k}`, label(k, i), () => buckets.get(k)!.map(node), {
      description: String(buckets.get(k)!.length),
      expanded: k === 'Overdue' || k === 'This week' || grouping === 'owner',
      icon: new vscode.ThemeIcon(k === 'Overdue' ? 'warning' : grouping === 'owner' ? 'person' : 'calendar'),
    }),
  );
}
