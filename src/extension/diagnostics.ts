// Publishes each changed file's diagnostics to the Problems panel, and a
// notice on each file Cadence would read but skipped for its size.

import * as vscode from 'vscode';
import { classify } from '../core/parse/index';
import { skippedForSize, skipWords } from '../core/text';
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
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('Cadence skipped this file: {0}. Split it, or raise the setting.', skipWords(why)), vscode.DiagnosticSeverity.Information);
  d.source = 'cadence';
  d.code = 'skipped';
  return d;
}

/**
 * The most diagnostics one set() call may carry: VS Code sends the files of
 * a call to the Problems panel only until their total passes 1.1 × its
 * per-file cap of 1,000 (extHostDiagnostics.ts, _maxDiagnosticsTotal), and
 * silently drops the rest of the call.
 */
const MAX_PER_SET = 1100;
/** What VS Code sends of one file: its first 1,000 diagnostics and a line saying how many more. */
const PER_FILE = 1001;

/** Files' diagnostics gathered into as few DiagnosticCollection.set calls as VS Code passes on whole. */
export class SetBatch {
  private entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
  private total = 0;

  constructor(private readonly collection: vscode.DiagnosticCollection) {}

  /** The file's diagnostics (undefined: none, withdrawn). */
  add(uri: vscode.Uri, diagnostics: vscode.Diagnostic[] | undefined): void {
    const n = Math.min(diagnostics?.length ?? 0, PER_FILE);
    if (this.total + n > MAX_PER_SET) this.flush();
    this.entries.push([uri, diagnostics]);
    this.total += n;
  }

  flush(): void {
    if (this.entries.length) this.collection.set(this.entries);
    this.entries = [];
    this.total = 0;
  }
}

export const diagnosticsFeature: Feature = {
  activate(context, { workspace, docsFor }) {
    const collection = vscode.languages.createDiagnosticCollection('cadence');
    context.subscriptions.push(
      collection,
      workspace.onDidChange(({ folder, change }) => {
        // As few set() calls as the Problems panel takes: each is one message
        // to it, and a warm start's restore names every file at once.
        const batch = new SetBatch(collection);
        for (const rel of change.paths) {
          const uri = folder.uriOf(rel);
          let diagnostics: vscode.Diagnostic[] | undefined;
          if (!folder.dataset.has(rel)) {
            const notice = skipNotice(folder, rel);
            diagnostics = notice && [notice];
          } else diagnostics = folder.dataset.diagnostics(rel).map((d) => toVsDiagnostic(d, docsFor, (path) => folder.uriOf(path)));
          // Nothing to show where nothing is shown: no entry at all. A start names every
          // file, and most have no finding (two in three of the 10k bench corpus).
          if (!diagnostics?.length && !collection.has(uri)) continue;
          batch.add(uri, diagnostics);
        }
        batch.flush();
      }),
    );
  },
};
