// Commands of the extension shell; the editor features add their own.

import * as vscode from 'vscode';
import type { Feature } from './feature';

export const commandsFeature: Feature = {
  activate(context, { workspace }) {
    context.subscriptions.push(
      vscode.commands.registerCommand('cadence.reindex', async () => {
        if (!vscode.workspace.workspaceFolders?.length) {
          void vscode.window.showWarningMessage('Cadence: open a folder of 1:1 notes first (File → Open Folder…).');
          return;
        }
        await workspace.reindexNow();
        let files = 0;
        let problems = 0;
        for (const f of workspace.folders.values()) {
          files += f.dataset.size;
          for (const p of f.dataset.paths()) problems += f.dataset.diagnostics(p).length;
        }
        void vscode.window.showInformationMessage(`Cadence: indexed ${files} files; ${problems} problem${problems === 1 ? '' : 's'}.`);
      }),
    );
  },
};
