// One generic CodeActionProvider: maps each Cadence diagnostic to its rule's
// fixes through the registry (no per-rule code here), plus
// source.fixAll.cadence for the fixes that need no choice.

import * as vscode from 'vscode';
import { fixAllChoice } from '../core/fix-all';
import { withAnswer } from '../core/fixes';
import type { Diagnostic, Fix } from '../core/types';
import { toVsEdit } from './adapter';
import { FIX_APPLIED } from './walkthrough';
import { applyCoreEdits, askFor } from './edits';
import { readDueDate } from '../core/plain-dates';
import type { Feature } from './feature';
import type { CadenceWorkspace } from './workspace-index';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('cadence');
// By language and by file name: Cadence reads files by their paths, so its
// fixes must not depend on the language mode (a .md file is plain text for the
// first moments after start-up, before the Markdown language is registered,
// or for good when files.associations maps it elsewhere).
const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'yaml' }, { pattern: '**/*.{md,markdown,yaml,yml}' }];

function sameRange(a: vscode.Range, d: Diagnostic): boolean {
  return a.start.line === d.range.start.line && a.start.character === d.range.start.character && a.end.line === d.range.end.line && a.end.character === d.range.end.character;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

class Provider implements vscode.CodeActionProvider {
  constructor(private readonly ws: CadenceWorkspace) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const synced = this.ws.sync(document);
    if (!synced) return [];
    const { folder, rel } = synced;
    const text = document.getText();
    const all = folder.dataset.diagnostics(rel);
    const out: vscode.CodeAction[] = [];

    if (context.only?.contains(FIX_ALL) || context.only?.contains(vscode.CodeActionKind.SourceFixAll)) {
      const { edits } = fixAllChoice(all.map((d) => ({ diagnostic: d, fixes: folder.dataset.fixes(rel, d, text) })));
      if (edits.length) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all Cadence problems that need no choice'), FIX_ALL);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, edits.map((e) => toVsEdit(e)));
        out.push(action);
      }
      return out;
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return out;

    for (const vd of context.diagnostics) {
      if (vd.source !== 'cadence') continue;
      const code = codeOf(vd);
      const core = all.find((d) => d.code === code && sameRange(vd.range, d));
      if (!core) continue;
      for (const fix of folder.dataset.fixes(rel, core, text)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [vd];
        action.isPreferred = fix.preferred;
        if (fix.open) {
          // Edits nothing: opens the file it names (a leak's private source), at its line.
          action.command = { command: 'cadence.openLocation', title: fix.title, arguments: [{ uri: folder.uriOf(fix.open.path), line: fix.open.line }] };
        } else if (fix.ask) {
          action.command = { command: 'cadence.applyFixWithInput', title: fix.title, arguments: [document.uri, document.version, fix] };
        } else {
          action.edit = new vscode.WorkspaceEdit();
          action.edit.set(document.uri, fix.edits.map((e) => toVsEdit(e)));
          // Runs after the edit: the walkthrough's "fix an action item" step waits for it.
          action.command = { command: FIX_APPLIED, title: fix.title, arguments: [code] };
        }
        out.push(action);
      }
    }
    return out;
  }
}

export const codeActionsFeature: Feature = {
  activate(context, { workspace }) {
    context.subscriptions.push(
      vscode.languages.registerCodeActionsProvider(SELECTOR, new Provider(workspace), {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
      }),
      vscode.commands.registerCommand('cadence.applyFixWithInput', async (uri: vscode.Uri, version: number, fix: Fix, answer?: string) => {
        const doc = await vscode.workspace.openTextDocument(uri);
        const folder = workspace.folderFor(uri);
        if (!folder || !fix.ask) return;
        let value = answer ?? (await askFor(folder, fix.ask));
        if (value === undefined) return;
        if (doc.version !== version) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: the note changed while you were choosing; nothing was edited. Run the fix again.'));
          return;
        }
        if (fix.ask.kind === 'date') {
          // A date given as words (an answer passed in, or typed) lands as YYYY-MM-DD.
          const read = readDueDate(value, folder.dataset.today);
          if ('problem' in read) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: {0} Nothing was edited.', read.problem));
            return;
          }
          value = read.date;
        }
        await applyCoreEdits(uri, withAnswer(fix, value));
        void vscode.commands.executeCommand(FIX_APPLIED, fix.title);
      }),
    );
  },
};

