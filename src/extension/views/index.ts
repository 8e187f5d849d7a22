// The "Cadence" view container: Reports, Objectives, Action items. All three
// are fed by the workspace's one change event; none reads a file.

import * as vscode from 'vscode';
import type { Feature } from '../feature';
import type { UiState } from '../ui-state';
import type { CadenceWorkspace } from '../workspace-index';
import { actionItemRoots, type Grouping } from './action-items';
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
}

export function createViews(context: vscode.ExtensionContext, ws: CadenceWorkspace, state: UiState): Views {
  let grouping: Grouping = context.workspaceState.get<Grouping>('cadence.actionItems.grouping', 'due');
  const folders = () => [...ws.folders.values()];
  const reports = new TreeProvider(() => reportsRoots(folders(), state.screenShare()));
  const objectives = new TreeProvider(() => objectivesRoots(folders(), state.screenShare()));
  const actionItems = new TreeProvider(() => actionItemRoots(folders(), grouping, state.screenShare()));
  const all = [reports, objectives, actionItems];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => all.forEach((p) => p.refresh()), 100);
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
    vscode.window.createTreeView('cadence.actionItems', { treeDataProvider: actionItems, showCollapseAll: true }),
    vscode.commands.registerCommand('cadence.actionItems.groupByOwner', () => setGrouping('owner')),
    vscode.commands.registerCommand('cadence.actionItems.groupByDue', () => setGrouping('due')),
  );
  return { reports, objectives, actionItems, grouping: () => grouping };
}

export const viewsFeature: Feature = {
  activate(context, { workspace, state, api }) {
    api.views = createViews(context, workspace, state);
  },
};
