// Publishes each changed file's diagnostics to the Problems panel, and a
// notice on each file Cadence would read but skipped for its size.

import * as vscode from 'vscode';
import { classify } from '../core/parse/index';
import { skippedForSize } from '../core/text';
import { toVsDiagnostic } from './adapter';
import type { Feature } from './feature';
import type { FolderIndex } from './folder-index';

/**
 * Too large to read: said on the file itself when its place makes it one of
 * Cadence's (its `type:` cannot be known unread). Other skips (binary, not
 * UTF-8) are files VS Code does not show as text either: the log has them.
 */
function skipNotice(folder: FolderIndex, rel: string): vscode.Diagnostic | undefined {
  const why = folder.skipped.get(rel);
  if (!why || !skippedForSize(why) || !classify(rel, '', folder.dataset.settings)) return undefined;
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Cadence skipped this file: ${why}. Split it, or raise the setting.`, vscode.DiagnosticSeverity.Information);
  d.source = 'cadence';
  d.code = 'skipped';
  return d;
}

export const diagnosticsFeature: Feature = {
  activate(context, { workspace, docsFor }) {
    const collection = vscode.languages.createDiagnosticCollection('cadence');
    context.subscriptions.push(
      collection,
      workspace.onDidChange(({ folder, change }) => {
        for (const rel of change.paths) {
          const uri = folder.uriOf(rel);
          if (!folder.dataset.has(rel)) {
            const notice = skipNotice(folder, rel);
            if (notice) collection.set(uri, [notice]);
            else collection.delete(uri);
            continue;
          }
          collection.set(uri, folder.dataset.diagnostics(rel).map((d) => toVsDiagnostic(d, docsFor, (path) => folder.uriOf(path))));
        }
      }),
    );
  },
};
