// VS Code's conventions as the real editor applies them: settings scoped to
// the folder (written to and read from a folder of a multi-root workspace,
// where VS Code refuses any other scope), and the status bar's words for a
// screen reader.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateCadence, codeOf, waitFor, type CadenceApi } from './helpers';

const name = process.env.CADENCE_TEST_WORKSPACE_NAME;

if (process.env.CADENCE_TEST_MULTI_ROOT === '1') {
  describe('settings scoped to the workspace folder (multi-root)', function () {
    const folder = () => vscode.workspace.workspaceFolders![0];
    const count = (code: string) =>
      vscode.languages.getDiagnostics().reduce((n, [uri, list]) => n + (uri.toString().startsWith(folder().uri.toString()) ? list.filter((d) => d.source === 'cadence' && codeOf(d) === code).length : 0), 0);

    before(async function () {
      await activateCadence();
    });

    it('writes cadence.rules and the globs to the folder’s settings, and Cadence reads the folder’s value', async function () {
      const cfg = () => vscode.workspace.getConfiguration('cadence', folder().uri);
      const before = count('action-missing-due');
      assert.ok(before > 0, 'basic has action-missing-due warnings');
      try {
        // VS Code throws here for a setting that is not resource-scoped.
        await cfg().update('rules', { 'action-missing-due': 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
        await cfg().update('peopleGlobs', ['people/*.md', 'team/*.md'], vscode.ConfigurationTarget.WorkspaceFolder);
        assert.deepEqual(cfg().inspect('rules')?.workspaceFolderValue, { 'action-missing-due': 'off' });
        assert.deepEqual(cfg().inspect('peopleGlobs')?.workspaceFolderValue, ['people/*.md', 'team/*.md']);
        await waitFor(() => count('action-missing-due') === 0, 20_000, () => `action-missing-due still reported ${count('action-missing-due')} times`);
      } finally {
        await cfg().update('rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
        await cfg().update('peopleGlobs', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      }
      await waitFor(() => count('action-missing-due') === before, 20_000, () => `after the reset: ${count('action-missing-due')} of ${before}`);
    });
  });
}

if (name === 'team') {
  describe('the status bar for a screen reader', function () {
    it('says the counts in words, and what pressing it does', async function () {
      const api = (await activateCadence()) as CadenceApi & { statusBarAccessibility?: () => string };
      const label = () => api.statusBarAccessibility?.() ?? '';
      // The sample team: one overdue item (Jordan's), one lapsed 1:1 (Jordan).
      await waitFor(() => label() === 'Cadence: 1 overdue action item, 1 lapsed 1:1. Press to list them.', 15_000, () => `the accessibility label is "${label()}"`);
    });
  });
}
