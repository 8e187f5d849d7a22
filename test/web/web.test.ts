// Cadence's browser build (package.json "browser", dist/web/extension.js) in
// code-server's web worker extension host: the runner's --web run sets
// remote.extensionKind so that the Node host on the server is not used, and
// opens the basic fixture through a .code-workspace file. Everything the
// worker knows of the folder comes through vscode.workspace.fs and VS Code's
// search, over the vscode-remote: connection (there is no disk here, as on
// vscode.dev). The expected diagnostics are `cadence check`'s on the same
// folder and the same day, made by the runner with the Node CLI just before
// (the browser has no CADENCE_TODAY: both judge the real today).
// virtual.test.ts then runs in this host too, on an in-memory folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import type { TreeProvider } from '../../src/extension/views/index';
import type { Node } from '../../src/extension/views/nodes';
import type { Dashboard } from '../../src/extension/dashboard';
import { activateCadence, codeOf, EXTENSION_ID, hoverText, quickFixesUntil, undoTo, waitFor, waitForDiagnostics, withTimeout, workspaceFolder, type Expected } from '../integration/helpers';

const NOTE = '1on1s/alex/2026-11-20.md';
/** 0-based line of "- [ ] Ask Priya about the design review": no owner. */
const NO_OWNER_LINE = 17;

function labelOf(provider: TreeProvider, node: Node): string {
  const label = provider.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

if (process.env.CADENCE_TEST_WEB === '1') {
  describe('the browser build in the web worker extension host', function () {
    let api: CadenceApi;
    let folder: vscode.WorkspaceFolder;
    const note = () => vscode.Uri.joinPath(folder.uri, NOTE);
    /** The runner's expected-web.json (on the server's disk, read through workspace.fs). */
    const expected = async (): Promise<Expected & { files?: string[] }> => {
      const file = process.env.CADENCE_TEST_EXPECTED;
      assert.ok(file, 'the runner names the expected diagnostics (CADENCE_TEST_EXPECTED)');
      return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(folder.uri.with({ path: file })))) as Expected & { files?: string[] };
    };

    before(async function () {
      this.timeout(180_000);
      api = (await activateCadence(120_000)) as unknown as CadenceApi;
      folder = workspaceFolder();
    });

    after(async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('runs dist/web/extension.js in a web worker, with no Node in the host', function () {
      // This suite runs in the host of the extension under test (VS Code's rule for extensionTestsPath).
      assert.equal(typeof process, 'undefined', 'a Node host has process; the web worker has none');
      assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a web worker has importScripts');
      assert.equal(api.host, 'web', 'activate() came from the browser build (host-web.ts)');
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is loaded`);
      assert.equal((ext.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
      // In code-server the Node host is the server's (a Workspace extension); the worker is the browser's (UI).
      assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, 'Cadence runs on the browser side, not in the server\'s Node host');
    });

    it('indexes the folder through vscode.workspace.fs: every Cadence file of it, no other', async function () {
      assert.equal(folder.uri.scheme, 'vscode-remote', `the folder is the server's, seen from the browser: ${folder.uri.toString()}`);
      const index = api.workspace.folders.get(folder.uri.toString());
      assert.ok(index, 'the folder has an index');
      // The runner listed the folder's Markdown and YAML files on disk (each a Cadence file in the fixture).
      const files = (await expected()).files;
      assert.ok(files && files.length > 0, 'the runner lists the fixture\'s files');
      assert.deepEqual(index.dataset.paths().sort(), files);
    });

    it('publishes the diagnostics `cadence check` reports on the same folder and day', async function () {
      this.timeout(60_000);
      const { diagnostics } = await expected();
      assert.ok(diagnostics.length > 0, 'the CLI found problems to compare');
      await waitForDiagnostics(diagnostics, 'in the web worker host', 40_000);
      const one = vscode.languages.getDiagnostics(note()).find((d) => codeOf(d) === 'action-missing-owner');
      assert.ok(one, 'action-missing-owner on the note');
      assert.equal(one.source, 'cadence');
      const target = typeof one.code === 'object' ? one.code.target : undefined;
      assert.ok(target?.path.endsWith('/docs/rules/action-missing-owner.md'), `the code links the rule's page: ${target?.toString()}`);
    });

    it('offers "Assign to @alex" and applies it as one undoable edit', async function () {
      this.timeout(60_000);
      const missingOwner = () => vscode.languages.getDiagnostics(note()).filter((d) => codeOf(d) === 'action-missing-owner' && d.range.start.line === NO_OWNER_LINE);
      await waitFor(() => missingOwner().length === 1, 20_000, () => 'no action-missing-owner on the item without an owner');
      const doc = await vscode.workspace.openTextDocument(note());
      await vscode.window.showTextDocument(doc, { preview: false });
      const before = doc.getText();
      const title = 'Assign to @alex (the report)';
      const actions = await quickFixesUntil(note(), missingOwner()[0].range, (a) => a.title === title);
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix?.edit, `an "Assign to @alex (the report)" quick fix: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(NO_OWNER_LINE).text, '- [ ] Ask Priya about the design review @alex');
      await waitFor(() => missingOwner().length === 0, 20_000, () => 'action-missing-owner still there after the fix');
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'one undo restores the note');
      await waitFor(() => missingOwner().length === 1, 20_000, () => 'action-missing-owner did not come back after undo');
      assert.equal(doc.isDirty, false, 'undone to the saved text');
    });

    it('completes people after @ and hovers a person', async function () {
      this.timeout(60_000);
      const doc = await vscode.workspace.openTextDocument(note());
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const before = doc.getText();
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      assert.ok(await editor.edit((e) => e.insert(end, '\n- [ ] Draft the talk @')));
      const at = doc.lineAt(doc.lineCount - 1).range.end;
      const people = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', note(), at, '@');
      const labels = people.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const p of ['@me', '@alex', '@priya', '@sam']) assert.ok(labels.includes(p), `${p} offered: ${labels.join(', ')}`);
      const line = doc.getText().split('\n').findIndex((l) => l.includes('@alex'));
      assert.ok(line >= 0, 'the note names @alex');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note(), new vscode.Position(line, doc.lineAt(line).text.indexOf('@alex') + 2));
      const text = hoverText(hovers);
      assert.match(text, /Alex Kim/);
      assert.match(text, /Senior Engineer/);
      await undoTo(editor, before);
      assert.equal(doc.isDirty, false, 'undone to the saved text');
    });

    it('sees a file written and deleted behind its back (the file watcher, over the connection)', async function () {
      this.timeout(60_000);
      const index = () => api.workspace.folders.get(folder.uri.toString());
      const person = vscode.Uri.joinPath(folder.uri, 'people', 'wren.md');
      const text = ['---', 'type: person', 'name: Wren Alder', 'role: Engineer', 'cadence: 14', 'since: 2026-02-02', '---', ''].join('\n');
      await vscode.workspace.fs.writeFile(person, new TextEncoder().encode(text));
      await waitFor(() => index()?.dataset.has('people/wren.md') === true, 20_000, () => 'people/wren.md was not indexed after it was written');
      await vscode.workspace.fs.delete(person);
      await waitFor(() => index()?.dataset.has('people/wren.md') === false, 20_000, () => 'people/wren.md is still indexed after it was deleted');
    });

    it('keeps its persistent index in the workspace storage through workspace.fs, and starts warm from it', async function () {
      this.timeout(90_000);
      const storage = api.workspace.storage;
      assert.ok(storage, 'the window has a workspace storage');
      // Something to save: a re-index reads every file and marks the folder unsaved.
      await withTimeout(api.workspace.reindexNow(), 30_000, 'the first re-index did not finish within 30 s');
      await withTimeout(api.workspace.flush(), 30_000, 'saving the persistent index did not finish within 30 s');
      const names = (await vscode.workspace.fs.readDirectory(storage)).map(([name]) => name);
      assert.ok(names.some((n) => /^index-[0-9a-f]{8}\.bin$/.test(n)) && names.some((n) => /^index-[0-9a-f]{8}-[0-9a-f]+\.docs$/.test(n)), `the index and its documents in ${storage.toString()}: ${names.join(', ')}`);
      // A re-index starts from the saved index, as a new window would.
      await withTimeout(api.workspace.reindexNow(), 30_000, 're-indexing did not finish within 30 s');
      const index = api.workspace.folders.get(folder.uri.toString());
      assert.ok(index, 'the folder is indexed again');
      const restored = index.dataset.paths().filter((p) => index.dataset.unloaded(p) !== undefined);
      assert.ok(restored.length > 0, `documents were restored from the saved index (still undecoded), not all read again: ${restored.length} of ${index.dataset.size}`);
      await waitForDiagnostics((await expected()).diagnostics, 'after the warm start', 40_000);
    });

    it('fills the Reports and Action Items views', function () {
      const views = api.views;
      assert.ok(views, 'the views are registered');
      const people = views.reports
        .getChildren()
        .flatMap((n) => (n.id.startsWith('relationship:') ? views.reports.getChildren(n) : [n]))
        .map((n) => labelOf(views.reports, n))
        .filter((l) => l !== 'Me');
      for (const name of ['Alex Kim', 'Priya Raman', 'Sam Ortiz']) assert.ok(people.includes(name), `${name} in Reports: ${people.join(' | ')}`);
      assert.ok(views.actionItems.getChildren().length > 0, 'the Action Items view has rows');
    });

    it('opens the dashboard (a webview) and posts the folder\'s data to it', async function () {
      this.timeout(120_000);
      const dash = await vscode.commands.executeCommand<Dashboard>('cadence.openDashboard');
      assert.ok(dash, 'cadence.openDashboard returns the dashboard');
      await withTimeout(dash.whenReady(), 90_000, 'the dashboard webview never said ready');
      await waitFor(() => dash.lastPosted !== undefined, 20_000, () => 'nothing posted to the dashboard');
      const names = dash.lastPosted!.people.filter((p) => !p.me).map((p) => p.name).sort();
      assert.deepEqual(names, ['Alex Kim', 'Priya Raman', 'Sam Ortiz']);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('offers no `cadence check` task (no process can start here); one in tasks.json ends with exit code 1, saying why', async function () {
      this.timeout(60_000);
      const provided = await vscode.tasks.fetchTasks({ type: 'cadence' });
      assert.deepEqual(provided.map((t) => `${t.source}: ${t.name}`), [], 'no task is offered in the browser');
      // A tasks.json written on a desktop, opened here.
      const tasksJson = vscode.Uri.joinPath(folder.uri, '.vscode', 'tasks.json');
      const config = { version: '2.0.0', tasks: [{ type: 'cadence', command: 'check', label: 'cadence: check (from tasks.json)' }] };
      await vscode.workspace.fs.writeFile(tasksJson, new TextEncoder().encode(JSON.stringify(config, null, 2)));
      try {
        let configured: vscode.Task | undefined;
        // VS Code reads tasks.json when it changes: poll until the task is listed.
        for (let i = 0; i < 100 && !configured; i++) {
          configured = (await vscode.tasks.fetchTasks({ type: 'cadence' })).find((t) => t.name === 'cadence: check (from tasks.json)');
          if (!configured) await new Promise((r) => setTimeout(r, 200));
        }
        assert.ok(configured, 'the tasks.json task is listed by fetchTasks');
        assert.ok(configured.execution instanceof vscode.CustomExecution, 'it runs as a custom execution that explains, not a process');
        const ended = new Promise<number | undefined>((resolve) => {
          const sub = vscode.tasks.onDidEndTaskProcess((e) => {
            if (e.execution.task.definition.type !== 'cadence') return;
            sub.dispose();
            resolve(e.exitCode);
          });
        });
        await vscode.tasks.executeTask(configured);
        assert.equal(await withTimeout(ended, 30_000, 'the cadence task never ended'), 1);
      } finally {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.vscode'), { recursive: true });
      }
    });
  });
}
