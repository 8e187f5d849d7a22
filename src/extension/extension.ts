// Wiring only: build the services, activate each feature, start indexing in
// the background. No parsing happens before activate() returns.

import * as vscode from 'vscode';
import { useBundle } from '../core/l10n';
import { assistantToolsFeature } from './assistant-tools';
import { codeActionsFeature } from './code-actions';
import { codeLensFeature } from './code-lens';
import { commandsFeature } from './commands';
import { completionsFeature } from './completions';
import { dashboardFeature } from './dashboard';
import { diagnosticsFeature } from './diagnostics';
import { hoversFeature } from './hovers';
import { privateBlocksFeature } from './private-blocks';
import { reviewPacketFeature } from './review-packet';
import { screenShareFeature } from './screen-share';
import { statusBarFeature } from './status-bar';
import { talkingPointsFeature } from './talking-points';
import { previewFeature } from './preview';
import { tasksFeature } from './tasks';
import { walkthroughFeature } from './walkthrough';
import { viewsFeature } from './views/index';
import type { CadenceApi, Feature, Services } from './feature';
import { host } from './host';
import { UiState } from './ui-state';
import { CadenceWorkspace } from './workspace-index';

const FEATURES: readonly Feature[] = [
  diagnosticsFeature,
  codeActionsFeature,
  commandsFeature,
  completionsFeature,
  hoversFeature,
  codeLensFeature,
  statusBarFeature,
  screenShareFeature,
  viewsFeature,
  dashboardFeature,
  tasksFeature,
  walkthroughFeature,
  privateBlocksFeature,
  talkingPointsFeature,
  previewFeature,
  reviewPacketFeature,
  assistantToolsFeature,
];

export type { CadenceApi };

/** The running workspace index, for deactivate()'s last save of the persistent index. */
let running: CadenceWorkspace | undefined;

export function activate(context: vscode.ExtensionContext): CadenceApi {
  // The core words its diagnostics and quick fixes from the bundle VS Code loaded for its display language
  // (package.json "l10n": l10n/bundle.l10n.<locale>.json), the bundle vscode.l10n.t reads: one catalogue.
  useBundle(vscode.l10n.bundle);
  const log = vscode.window.createOutputChannel('Cadence', { log: true });
  // No storage without a folder or workspace open: then there is no persistent index.
  const workspace = new CadenceWorkspace(log, context.storageUri);
  running = workspace;
  const state = new UiState(context.workspaceState);
  // previewFeature adds extendMarkdownIt: the Markdown preview's plugins (contributes["markdown.markdownItPlugins"]).
  const api: CadenceApi = { whenIndexed: () => workspace.whenIndexed(), host: host.kind, workspace, state };
  const services: Services = {
    workspace,
    log,
    state,
    api,
    docsFor: (code) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${code}.md`),
  };
  context.subscriptions.push(log, workspace, state);
  for (const f of FEATURES) f.activate(context, services);
  workspace.start();
  return api;
}

export function deactivate(): Promise<void> | undefined {
  // Everything else is disposed through context.subscriptions; VS Code waits
  // for this promise (a short while) before it disposes them.
  const ws = running;
  running = undefined;
  return ws?.flush();
}
