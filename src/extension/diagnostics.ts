// Publishes each changed file's diagnostics to the Problems panel.

import * as vscode from 'vscode';
import { toVsDiagnostic } from './adapter';
import type { Feature } from './feature';

export const diagnosticsFeature: Feature = {
  activate(context, { workspace, docsFor }) {
    const collection = vscode.languages.createDiagnosticCollection('cadence');
    context.subscriptions.push(
      collection,
      workspace.onDidChange(({ folder, change }) => {
        for (const rel of change.paths) {
          const uri = folder.uriOf(rel);
          if (!folder.dataset.has(rel)) {
            collection.delete(uri);
            continue;
          }
          collection.set(uri, folder.dataset.diagnostics(rel).map((d) => toVsDiagnostic(d, docsFor)));
        }
      }),
    );
  },
};
