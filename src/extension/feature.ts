import type * as vscode from 'vscode';
import type { CadenceWorkspace } from './workspace-index';

export interface Services {
  readonly workspace: CadenceWorkspace;
  readonly log: vscode.LogOutputChannel;
  /** The documentation page of a rule (shipped in the extension, works offline). */
  readonly docsFor: (code: string) => vscode.Uri;
}

/** Each editor feature is a module with one activate(); extension.ts lists them. */
export interface Feature {
  activate(context: vscode.ExtensionContext, services: Services): void;
}
