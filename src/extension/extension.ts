// Wiring only: build the services, activate each feature, start indexing in
// the background. No parsing happens before activate() returns.

import * as vscode from 'vscode';
import { codeActionsFeature } from './code-actions';
import { codeLensFeature } from './code-lens';
import { commandsFeature } from './commands';
import { completionsFeature } from './completions';
import { diagnosticsFeature } from './diagnostics';
import { hoversFeature } from './hovers';
import { statusBarFeature } from './status-bar';
import type { Feature, Services } from './feature';
import { CadenceWorkspace } from './workspace-index';

const FEATURES: readonly Feature[] = [
  diagnosticsFeature,
  codeActionsFeature,
  commandsFeature,
  completionsFeature,
  hoversFeature,
  codeLensFeature,
  statusBarFeature,
];

export interface CadenceApi {
  /** Resolves when the workspace has been indexed and diagnostics published. */
  whenIndexed(): Promise<void>;
  readonly workspace: CadenceWorkspace;
}

export function activate(context: vscode.ExtensionContext): CadenceApi {
  const log = vscode.window.createOutputChannel('Cadence', { log: true });
  const workspace = new CadenceWorkspace(log);
  const services: Services = {
    workspace,
    log,
    docsFor: (code) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${code}.md`),
  };
  context.subscriptions.push(log, workspace);
  for (const f of FEATURES) f.activate(context, services);
  workspace.start();
  return { whenIndexed: () => workspace.whenIndexed(), workspace };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
