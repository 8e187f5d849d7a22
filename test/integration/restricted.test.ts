// Restricted mode (package.json: capabilities.untrustedWorkspaces.supported
// true): the runner opens the basic fixture with workspace trust on and the
// folder not trusted (CADENCE_TEST_RESTRICTED=1), with Cadence installed (not
// under development, which trust never disables). It must be enabled and
// do everything it does in a trusted folder: diagnostics, quick fixes, the
// three trees, the commands that edit and create files, the dashboard.
// (The diagnostics suite also runs in this window and checks the exact set.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import type { TreeProvider } from '../../src/extension/views/index';
import type { Node } from '../../src/extension/views/nodes';
import { activateCadence, answerPrompt, codeOf, EXTENSION_ID, readExpected, waitFor, waitForDiagnostics, withTimeout, workspaceFolder } from './helpers';

const NOTE = '1on1s/alex/2026-11-20.md';

function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...rel.split('/'));
}

function labels(provider: TreeProvider, parent?: Node): string[] {
  return provider.getChildren(parent).map((n) => {
    const l = provider.getTreeItem(n).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  });
}

function diagnosticsAt(rel: string, code: string, line: number): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri(rel)).filter((d) => d.source === 'cadence' && codeOf(d) === code && d.range.start.line === line);
}

describe('workspace trust', function () {
  it('package.json declares restricted-mode and virtual-workspace support', function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const capabilities = (ext.packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } }).capabilities;
    assert.equal(capabilities?.untrustedWorkspaces?.supported, true, 'capabilities.untrustedWorkspaces.supported');
    assert.equal(capabilities?.virtualWorkspaces, true, 'capabilities.virtualWorkspaces');
  });
});

if (process.env.CADENCE_TEST_RESTRICTED === '1') {
  describe('restricted mode (an untrusted folder)', function () {
    let api: CadenceApi;

    before(async function () {
      this.timeout(120_000);
      assert.equal(process.env.CADENCE_TODAY, '2026-11-22', 'written for the basic fixture, today 2026-11-22');
      api = (await activateCadence()) as unknown as CadenceApi;
    });

    afterEach(async function () {
      for (const d of vscode.workspace.textDocuments) {
        if (!d.isDirty) continue;
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('the folder is open in restricted mode, and Cadence is enabled and active there', function () {
      assert.equal(vscode.workspace.getConfiguration('security.workspace.trust').get('enabled'), true, 'workspace trust is on');
      assert.equal(vscode.workspace.isTrusted, false, 'the workspace is not trusted (restricted mode)');
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is enabled in restricted mode`);
      assert.ok(ext.isActive, 'Cadence is active in restricted mode');
      // Installed, not under development: VS Code never disables an extension
      // under development for trust, so only an installed one tests the declaration.
      assert.equal(ext.extensionUri.path, vscode.Uri.file(process.env.CADENCE_TEST_INSTALLED_AT ?? '(not set)').path, 'Cadence runs from its installed copy');
    });

    it('publishes exactly the expected diagnostics', async function () {
      await waitForDiagnostics(readExpected().diagnostics, 'in restricted mode');
    });

    it('fills the three trees', function () {
      const views = api.views;
      assert.ok(views, 'api.views');
      const people = labels(views.reports);
      for (const name of ['Alex Kim', 'Priya Raman', 'Sam Ortiz']) assert.ok(people.includes(name), `Reports lists ${name}: ${people.join(' | ')}`);
      const sets = labels(views.objectives);
      assert.ok(sets.some((l) => l.includes('2026-Q4')), `Objectives lists 2026-Q4: ${sets.join(' | ')}`);
      const groups = labels(views.actionItems);
      assert.ok(groups.length > 0, 'Action items has groups');
      const items = views.actionItems.getChildren().flatMap((g) => labels(views.actionItems, g));
      assert.ok(items.some((l) => l.includes('Draft the on-call rotation proposal')), `Action items: ${items.join(' | ')}`);
    });

    it('a quick fix edits the note as one undoable edit', async function () {
      const doc = await vscode.workspace.openTextDocument(uri(NOTE));
      await vscode.window.showTextDocument(doc, { preview: false });
      const before = doc.getText();
      // "- [ ] Ask Priya about the design review": no owner (line 18).
      await waitFor(() => diagnosticsAt(NOTE, 'action-missing-owner', 17).length === 1, 15_000, () => 'no action-missing-owner on line 18');
      const d = diagnosticsAt(NOTE, 'action-missing-owner', 17)[0];
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Assign to @alex (the report)');
      assert.ok(fix?.edit, `"Assign to @alex (the report)": ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(17).text, '- [ ] Ask Priya about the design review @alex');
      await waitFor(() => diagnosticsAt(NOTE, 'action-missing-owner', 17).length === 0, 15_000, () => 'the fixed diagnostic is still there');
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'one undo restores the note');
    });

    it('Mark Action Item Done edits the note, and one undo takes it back', async function () {
      const doc = await vscode.workspace.openTextDocument(uri(NOTE));
      await vscode.window.showTextDocument(doc, { preview: false });
      const before = doc.getText();
      assert.equal(doc.lineAt(15).text, '- [ ] Draft the on-call rotation proposal @alex due:2026-11-27');
      await vscode.commands.executeCommand('cadence.toggleActionItem', doc.uri, 15);
      assert.match(doc.lineAt(15).text, /^- \[x\] Draft the on-call rotation proposal @alex due:2026-11-27 .*2026-11-22/);
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'one undo restores the note');
    });

    it('New 1:1 creates a note and opens it; Re-index runs', async function () {
      const target = uri('1on1s/sam/2026-11-22.md');
      // It marks Sam's open items forwarded in his last note and saves it: kept to put back.
      const last = uri('1on1s/sam/2026-11-06.md');
      const lastBytes = await vscode.workspace.fs.readFile(last);
      try {
        // The date box opens with today; Enter takes it.
        const created = await answerPrompt(vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'sam'), 'accept', 20_000);
        assert.equal(created?.toString(), target.toString());
        assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /^---\ntype: 1on1\nreport: sam\ndate: 2026-11-22\n/);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the new note is open');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
        await vscode.workspace.fs.writeFile(last, lastBytes);
      }
      await withTimeout(Promise.resolve(vscode.commands.executeCommand('cadence.reindex')), 20_000, 'cadence.reindex did not finish');
    });

    it('opens the dashboard, which receives its data', async function () {
      this.timeout(60_000);
      const dash = await vscode.commands.executeCommand<{ whenReady(): Promise<void>; lastPosted?: { people?: unknown[] }; panel: vscode.WebviewPanel }>('cadence.openDashboard');
      try {
        await withTimeout(dash.whenReady(), 45_000, 'the dashboard webview never said ready');
        assert.ok(dash.lastPosted, 'data was posted to the dashboard');
      } finally {
        dash.panel.dispose();
      }
    });
  });
}
