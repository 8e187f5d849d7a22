// Action items: every open item, grouped by when it is due, or by owner.

import { addDays } from '../../core/dates';
import type { ActionItem } from '../../core/model';
import * as vscode from 'vscode';
import type { FolderIndex } from '../folder-index';
import { group, itemNode, type Node } from './nodes';
import { hasActionItems } from '../../core/kinds';

interface Open {
  folder: FolderIndex;
  path: string;
  item: ActionItem;
  who: string | undefined;
}

export function openItems(folders: Iterable<FolderIndex>): Open[] {
  const out: Open[] = [];
  for (const f of folders) {
    for (const d of f.dataset.docs()) {
      if (!hasActionItems(d)) continue;
      for (const i of d.items) if (i.status === 'open') out.push({ folder: f, path: d.path, item: i, who: d.kind === '1on1' ? d.report?.id : undefined });
    }
  }
  return out.sort((a, b) => (a.item.due?.value ?? '9999').localeCompare(b.item.due?.value ?? '9999') || a.path.localeCompare(b.path) || a.item.line - b.item.line);
}

export type Grouping = 'due' | 'owner';

export function dueBucket(due: string | undefined, today: string): 'Overdue' | 'This week' | 'Later' | 'No due date' {
  if (!due) return 'No due date';
  if (due < today) return 'Overdue';
  return due <= addDays(today, 6) ? 'This week' : 'Later';
}

export function actionItemRoots(folders: FolderIndex[], grouping: Grouping, hidden: boolean): Node[] {
  const items = openItems(folders);
  const today = folders[0]?.dataset.today ?? '';
  const node = (o: Open) =>
    itemNode(
      o.folder,
      o.path,
      o.item,
      today,
      [grouping === 'due' && !hidden ? (o.item.owner ? `@${o.item.owner.id}` : 'no owner') : undefined, o.item.due?.value ? `due ${o.item.due.value}` : undefined, hidden ? undefined : o.who ? `1:1 with ${o.who}` : o.path],
      hidden,
    );
  const buckets = new Map<string, Open[]>();
  const order = grouping === 'due' ? ['Overdue', 'This week', 'Later', 'No due date'] : [];
  for (const k of order) buckets.set(k, []);
  for (const o of items) {
    const key = grouping === 'due' ? dueBucket(o.item.due?.value, today) : o.item.owner ? `@${o.item.owner.id}` : 'No owner';
    if (!buckets.has(key)) buckets.set(key, []);
    buckets.get(key)!.push(o);
  }
  const keys = grouping === 'due' ? order : [...buckets.keys()].sort((a, b) => (a === 'No owner' ? 1 : b === 'No owner' ? -1 : a.localeCompare(b)));
  // In screen-share mode an owner group is a number, not a name.
  const label = (k: string, i: number) => (hidden && grouping === 'owner' && k !== 'No owner' ? `Owner ${i + 1}` : k);
  return keys.map((k, i) =>
    group(`items:${grouping}:${k}`, label(k, i), () => buckets.get(k)!.map(node), {
      description: String(buckets.get(k)!.length),
      expanded: k === 'Overdue' || k === 'This week' || grouping === 'owner',
      icon: new vscode.ThemeIcon(k === 'Overdue' ? 'warning' : grouping === 'owner' ? 'person' : 'calendar'),
    }),
  );
}
