// Workspace folders that come and go (multi-root): a second folder on disk
// is indexed when added, and when it is removed again Cadence withdraws
// every diagnostic it published on its files. Runs where the runner opens a
// .code-workspace file (CADENCE_TEST_MULTI_ROOT=1): VS Code refuses to add
// a folder to a single-folder window in tests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import { activateCadence, codeOf, waitFor, workspaceFolder } from './helpers';

const PERSON = ['---', 'type: person', 'name: Kim Lee', 'role: Engineer', 'cadence: 14', 'since: 2026-01-05', '---', ''].join('\n');
const NOTE = ['---', 'type: 1on1', 'report: kim', 'date: 2026-11-20', 'happiness: 4', '---', '## Action items', '- [ ] Sort out the second folder due:2026-11-27', ''].join('\n');

if (process.env.CADENCE_TEST_MULTI_ROOT === '1') {
  describe('workspace folders that come and go', function () {
    let api: CadenceApi;
    let root: vscode.Uri;
    let note: vscode.Uri;
    const present = () => (vscode.workspace.workspaceFolders ?? []).findIndex((f) => f.uri.toString() === root.toString());
    const cadence = (u: vscode.Uri) => vscode.languages.getDiagnostics(u).filter((d) => d.source === 'cadence');

    before(async function () {
      this.timeout(120_000);
      api = (await activateCadence()) as unknown as CadenceApi;
      root = vscode.Uri.joinPath(workspaceFolder().uri, '..', 'second-folder');
      note = vscode.Uri.joinPath(root, '1on1s', 'kim', '2026-11-20.md');
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, 'people', 'kim.md'), new TextEncoder().encode(PERSON));
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(NOTE));
    });

    after(async function () {
      this.timeout(60_000);
      const i = present();
      if (i >= 0) {
        vscode.workspace.updateWorkspaceFolders(i, 1);
        await waitFor(() => present() < 0, 20_000, () => 'the second folder was not removed');
      }
      await vscode.workspace.fs.delete(root, { recursive: true }).then(undefined, () => undefined);
    });

    it('indexes a folder added to the workspace', async function () {
      this.timeout(60_000);
      const count = vscode.workspace.workspaceFolders?.length ?? 0;
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: root, name: 'second folder' }), 'updateWorkspaceFolders refused');
      await waitFor(() => present() >= 0, 20_000, () => 'the folder was not added');
      await waitFor(
        () => cadence(note).some((d) => codeOf(d) === 'action-missing-owner' && d.range.start.line === 7),
        30_000,
        () => `no action-missing-owner on the added folder's note: ${JSON.stringify(cadence(note).map((d) => codeOf(d)))}`,
      );
    });

    it("withdraws the removed folder's diagnostics", async function () {
      this.timeout(60_000);
      const i = present();
      assert.ok(i >= 1, 'the second folder is in the workspace');
      assert.ok(vscode.workspace.updateWorkspaceFolders(i, 1), 'updateWorkspaceFolders refused to remove it');
      await waitFor(() => present() < 0, 20_000, () => 'the folder was not removed');
      await waitFor(
        () => !api.workspace.folders.has(root.toString()) && cadence(note).length === 0,
        20_000,
        () =>
          `after removing the folder: still indexed: ${api.workspace.folders.has(root.toString())}; ` +
          `diagnostics left on ${vscode.workspace.asRelativePath(note)}: ${JSON.stringify(cadence(note).map((d) => `${d.range.start.line + 1} ${codeOf(d)}`))}`,
      );
    });
  });
}
