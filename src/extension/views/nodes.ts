// Tree nodes shared by the three views: plain data, turned into TreeItems
// on demand. Children are computed when a node is expanded, never up front.

import * as vscode from 'vscode';
import { sourceMarkOf } from '../../core/actions/carry';
import { itemWords } from '../../core/owners';
import type { ActionItem } from '../../core/model';
import type { FolderIndex } from '../folder-index';

export interface Node {
  readonly id: string;
  /** Where the node's file and line are, for "Open". */
  readonly uri?: vscode.Uri;
  readonly line?: number;
  item(): vscode.TreeItem;
  children?(): Node[];
}

export function openCommand(uri: vscode.Uri, line: number): vscode.Command {
  return { command: 'cadence.openLocation', title: vscode.l10n.t('Open'), arguments: [uri, line] };
}

export function colour(c: 'red' | 'yellow' | 'green' | 'grey'): vscode.ThemeColor {
  return new vscode.ThemeColor(c === 'grey' ? 'disabledForeground' : `charts.${c}`);
}

/** A leaf that opens a file at a line. */
export function leaf(id: string, label: string, opts: { description?: string; tooltip?: string | vscode.MarkdownString; icon?: vscode.ThemeIcon; uri?: vscode.Uri; line?: number; contextValue?: string }): Node {
  return {
    id,
    uri: opts.uri,
    line: opts.line,
    item() {
      const t = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
      t.id = id;
      t.description = opts.description;
      t.tooltip = opts.tooltip ?? label;
      t.iconPath = opts.icon;
      t.contextValue = opts.contextValue ?? (opts.uri ? 'cadence.location' : undefined);
      if (opts.uri) t.command = openCommand(opts.uri, opts.line ?? 0);
      return t;
    },
  };
}

/** A collapsible node whose children are built only when it is expanded. */
export function group(id: string, label: string, kids: () => Node[], opts: { description?: string; icon?: vscode.ThemeIcon; expanded?: boolean; tooltip?: string; contextValue?: string; uri?: vscode.Uri; line?: number } = {}): Node {
  return {
    id,
    uri: opts.uri,
    line: opts.line,
    item() {
      const t = new vscode.TreeItem(label, opts.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      t.id = id;
      t.description = opts.description;
      t.iconPath = opts.icon;
      t.tooltip = opts.tooltip ?? label;
      t.contextValue = opts.contextValue ?? (opts.uri ? 'cadence.location' : undefined);
      if (opts.uri) t.command = openCommand(opts.uri, opts.line ?? 0);
      return t;
    },
    children: kids,
  };
}

/** Data a context-menu command needs about an action item node. */
export interface ItemRef {
  readonly uri: vscode.Uri;
  readonly line: number;
}

export function itemNode(folder: FolderIndex, path: string, i: ActionItem, today: string, describe: (string | undefined)[], hidden: boolean): Node & ItemRef {
  const overdue = i.status === 'open' && !!i.due?.value && i.due.value < today;
  const uri = folder.uriOf(path);
  // A carried item's source mark is shown as words, not as its Markdown link.
  const from = sourceMarkOf(i.text);
  const label = hidden ? vscode.l10n.t('Action item') : itemWords(i, folder.dataset.query) || vscode.l10n.t('(no text)');
  return leaf(`item:${folder.folder.uri}:${path}:${i.line}`, label, {
    description: [...describe, from && !hidden ? vscode.l10n.t('carried from {0}', from) : undefined].filter(Boolean).join(' · '),
    tooltip: hidden ? vscode.l10n.t('Hidden in screen-share mode') : i.lineText.trim(),
    icon: new vscode.ThemeIcon(overdue ? 'warning' : 'circle-large-outline', overdue ? colour('red') : undefined),
    uri,
    line: i.line,
    contextValue: 'cadence.actionItem',
  }) as Node & ItemRef;
}

// The Reports tree and the assistant's answers say a day count alike.
export { daysAgo } from '../../core/format';

export function pct(rate: number | undefined): string | undefined {
  return rate === undefined ? undefined : `${Math.round(rate * 100)}%`;
}
