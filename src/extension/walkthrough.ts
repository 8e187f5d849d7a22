// The getting-started walkthrough's own pieces (the steps themselves are in
// package.json, contributes.walkthroughs): *Add the Pre-commit Hook*, the
// signal a step waits for when a quick fix is applied, and the context key
// the empty views' welcome reads to name the folders the settings point at.

import * as vscode from 'vscode';
import { planPreCommit, PRE_COMMIT_FILE, PRE_COMMIT_REPO } from '../core/actions/pre-commit';
import { DEFAULT_SETTINGS } from '../core/settings';
import { toVsEdit } from './adapter';
import { readSettings } from './config';
import type { Feature } from './feature';

/** Run after every Cadence quick fix (a walkthrough step completes on it); does nothing itself. */
export const FIX_APPLIED = 'cadence.fixApplied';

const GLOB_KEYS = ['peopleGlobs', 'oneOnOneGlobs', 'okrGlobs', 'okrReviewGlobs'] as const;

/** True when any folder looks for its files somewhere else than the defaults. */
export function globsChanged(): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((f) => {
    const s = readSettings(f.uri);
    return GLOB_KEYS.some((k) => JSON.stringify(s[k]) !== JSON.stringify(DEFAULT_SETTINGS[k]));
  });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

/**
 * Adds the `cadence check` hook to the folder's .pre-commit-config.yaml: a new
 * file, or one item appended to its `repos:` list, as one undoable edit; then
 * shows it. Never rewrites what is there; a config it cannot edit safely is
 * opened with the hook on the clipboard and a word on where it goes.
 */
async function addPreCommitHook(folder: vscode.WorkspaceFolder): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder.uri, PRE_COMMIT_FILE);
  // Unsaved changes are what the edit lands on; else the file on disk is the truth.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
  const text = open ? open.getText().replace(/\r\n?/g, '\n') : await readText(uri);
  const plan = planPreCommit(text);
  if (plan.kind === 'create') {
    const we = new vscode.WorkspaceEdit();
    we.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(plan.text) });
    if (!(await vscode.workspace.applyEdit(we))) throw new Error(`could not create ${PRE_COMMIT_FILE}`);
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: wrote {0}. Run "pre-commit install" once in the repository to turn it on.', PRE_COMMIT_FILE));
  } else if (plan.kind === 'insert') {
    const we = new vscode.WorkspaceEdit();
    we.set(uri, [toVsEdit(plan.edit)]);
    if (!(await vscode.workspace.applyEdit(we))) throw new Error(`could not edit ${PRE_COMMIT_FILE}`);
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: added the cadence check hook to {0} (not saved yet).', PRE_COMMIT_FILE));
  } else if (plan.kind === 'present') {
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: {0} already runs cadence check.', PRE_COMMIT_FILE));
  } else {
    await vscode.window.showTextDocument(uri);
    await vscode.env.clipboard.writeText(PRE_COMMIT_REPO);
    void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: {0}, so nothing was changed. The hook is on the clipboard: paste it under repos:.', plan.reason));
  }
  return uri;
}

export const walkthroughFeature: Feature = {
  activate(context, { api }) {
    const setGlobsKey = () => void vscode.commands.executeCommand('setContext', 'cadence.globsChanged', globsChanged());
    setGlobsKey();
    api.globsChanged = globsChanged;
    context.subscriptions.push(
      vscode.commands.registerCommand(FIX_APPLIED, () => undefined),
      vscode.commands.registerCommand('cadence.openWalkthrough', () =>
        vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#cadence.gettingStarted`, false),
      ),
      vscode.commands.registerCommand('cadence.addPreCommitHook', async (folderArg?: vscode.WorkspaceFolder) => {
        const folders = vscode.workspace.workspaceFolders ?? [];
        const folder =
          folderArg ??
          (folders.length <= 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Add the pre-commit hook to which folder?') }));
        if (!folder) {
          if (!folders.length) void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: open the folder of your notes first.'));
          return undefined;
        }
        return addPreCommitHook(folder);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cadence')) setGlobsKey();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(setGlobsKey),
    );
  },
};
