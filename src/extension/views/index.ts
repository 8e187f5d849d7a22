// The "Cadence" view container: Reports, Objectives, Action items. All three
// are fed by the workspace's one change event; none reads a file.

import * as vscode from 'vscode';
import type { Feature } from '../feature';
import type { UiState } from '../ui-state';
import type { CadenceWorkspace } from '../workspace-index';
import type { PeopleOrder } from '../../core/people';
import { peopleOrder } from '../config';
import { actionItemRoots, openItemTotals, type Grouping } from './action-items';
import type { Node } from './nodes';
import { objectivesRoots } from './objectives';
import { reportsRoots } from './reports';

export class TreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly roots: () => Node[]) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.item();
  }

  getChildren(node?: Node): Node[] {
    return node ? (node.children?.() ?? []) : this.roots();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface Views {
  readonly reports: TreeProvider;
  readonly objectives: TreeProvider;
  readonly actionItems: TreeProvider;
  grouping(): Grouping;
  /** `cadence.reportsOrder`. */
  order(): PeopleOrder;
  /** What the Action Items view's title says (its TreeView description). */
  actionItemsDescription(): string | undefined;
}

export function createViews(context: vscode.ExtensionContext, ws: CadenceWorkspace, state: UiState): Views {
  let grouping: Grouping = context.workspaceState.get<Grouping>('cadence.actionItems.grouping', 'due');
  const folders = () => [...ws.folders.values()];
  let order = peopleOrder();
  const reports = new TreeProvider(() => reportsRoots(folders(), state.screenShare(), order));
  const objectives = new TreeProvider(() => objectivesRoots(folders(), state.screenShare()));
  const actionItems = new TreeProvider(() => actionItemRoots(folders(), grouping, state.screenShare()));
  const all = [reports, objectives, actionItems];
  const actionItemsView = vscode.window.createTreeView('cadence.actionItems', { treeDataProvider: actionItems, showCollapseAll: true });
  // The view's title carries the one count (SPEC §18): the status bar and the dashboard say the same.
  // Only while the view is visible: counting reads every note, and a warm start leaves notes unread until asked for.
  const describe = () => {
    if (!actionItemsView.visible) return;
    const { open, overdue } = openItemTotals(folders());
    actionItemsView.description = open ? vscode.l10n.t('{0} overdue · {1} open', overdue, open) : undefined;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      all.forEach((p) => p.refresh());
      describe();
    }, 100);
  };
  const setGrouping = (g: Grouping) => {
    grouping = g;
    void context.workspaceState.update('cadence.actionItems.grouping', g);
    void vscode.commands.executeCommand('setContext', 'cadence.groupByOwner', g === 'owner');
    actionItems.refresh();
  };
  void vscode.commands.executeCommand('setContext', 'cadence.groupByOwner', grouping === 'owner');
  context.subscriptions.push(
    ...all,
    { dispose: () => clearTimeout(timer) },
    ws.onDidChange(refresh),
    state.onDidChange(refresh),
    vscode.window.createTreeView('cadence.reports', { treeDataProvider: reports, showCollapseAll: true }),
    vscode.window.createTreeView('cadence.objectives', { treeDataProvider: objectives, showCollapseAll: true }),
    actionItemsView,
    actionItemsView.onDidChangeVisibility(() => describe()),
    vscode.commands.registerCommand('cadence.actionItems.groupByOwner', () => setGrouping('owner')),
    vscode.commands.registerCommand('cadence.actionItems.groupByDue', () => setGrouping('due')),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cadence.reportsOrder')) {
        order = peopleOrder();
        reports.refresh();
      }
    }),
  );
  describe();
  return { reports, objectives, actionItems, grouping: () => grouping, order: () => order, actionItemsDescription: () => {
      // What the title says when it is shown (the tests read it with the view closed).
      const { open, overdue } = openItemTotals(folders());
      return open ? `${overdue} overdue · ${open} open` : undefined;
    } };
}

export const viewsFeature: Feature = {
  activate(context, { workspace, state, api }) {
    api.views = createViews(context, workspace, state);
  },
};
