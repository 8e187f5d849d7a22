// The persistent index in the real extension host: saved into the extension's
// workspace storage (in steps, with turns for the editor between them), then
// read back by a full re-index, which is the code path of a warm start. The
// dataset comes back from the index (documents left unloaded, not re-read),
// judges exactly as before, and a file changed on disk since the save is
// read again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexUri, payloadFiles } from '../../src/extension/persistent-index';
import { withTimeout, workspaceFolder } from './helpers';
import { folderOf, readText, resetTeam, teamApi, TODAY, writeText, type CadenceApi } from './team';

const suite = process.env.CADENCE_TEST_WORKSPACE_NAME === 'team' ? describe : describe.skip;

/** Every file's diagnostics as the Problems panel has them, one line each. */
function problems(api: CadenceApi): string[] {
  const f = folderOf(api);
  return f.dataset.paths().map((p) => `${p}: ${vscode.languages.getDiagnostics(f.uriOf(p)).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).join(' | ')}`);
}

suite('persistent index', function () {
  this.timeout(90_000);
  let api: CadenceApi;

  before(async () => {
    api = await teamApi();
    await resetTeam(api);
  });

  after(async () => {
    await resetTeam(api);
  });

  it('a re-index restores the saved folder from the index (nothing re-read), judging exactly as before', async () => {
    // Something to save: a re-index reads every file, and marks the folder unsaved.
    await withTimeout(api.workspace.reindexNow(), 30_000, 'the first re-index did not finish');
    await withTimeout(api.workspace.flush(), 30_000, 'saving the index did not finish');
    const before = problems(api);
    assert.ok(before.length > 20, `${before.length} files`);
    await withTimeout(api.workspace.reindexNow(), 30_000, 'the warm re-index did not finish');
    const f = folderOf(api);
    const unloaded = f.dataset.paths().filter((p) => f.dataset.unloaded(p));
    assert.ok(unloaded.length > before.length / 2, `most documents come from the index, still undecoded (${unloaded.length} of ${before.length})`);
    assert.deepEqual(problems(api), before);
  });

  it('after a save, lets go of the documents nothing read since (decoded again from the new documents file, the same) and of the old documents file', async function () {
    this.timeout(120_000);
    const storage = api.workspace.storage;
    assert.ok(storage, 'the window has a workspace storage');
    // Nothing showing that reads every document (a view, the dashboard): only the status bar reads (the people).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
    // A cold re-index: every document parsed and held, then saved.
    await withTimeout(api.workspace.flush(), 30_000, 'a pending save did not finish');
    const oldFiles = await payloadFiles(storage, workspaceFolder());
    assert.ok(oldFiles.length >= 1, 'a documents file was saved before');
    await vscode.workspace.fs.delete(indexUri(storage, workspaceFolder()));
    await withTimeout(api.workspace.reindexNow(), 30_000, 'the cold re-index did not finish');
    const f = folderOf(api);
    const paths = f.dataset.paths();
    assert.deepEqual(paths.filter((p) => f.dataset.unloaded(p)), [], 'cold: every document parsed');
    // What each document is, looked at without counting as a use.
    const parsed = new Map(paths.map((p) => [p, JSON.stringify(f.dataset.loaded(p))]));
    const before = problems(api);
    await withTimeout(api.workspace.flush(), 30_000, 'saving the index did not finish');
    const unloaded = paths.filter((p) => f.dataset.unloaded(p));
    // Every 1:1 note, but an open document's (VS Code keeps a closed editor's document open a while: earlier
    // tests opened some) and one dated after today (the status bar's lapsed count reads an agenda prepared ahead).
    const open = new Set(vscode.workspace.textDocuments.map((d) => f.relPath(d.uri)));
    const notes = paths.filter((p) => p.startsWith('1on1s/') && !open.has(p) && (f.dataset.summary(p)?.date ?? '') <= TODAY);
    assert.ok(notes.length > 20, `${notes.length} notes to let go of`);
    const kept = notes.filter((p) => !unloaded.includes(p));
    assert.deepEqual(kept, [], `every 1:1 note let go of (${unloaded.length} of ${paths.length} documents)`);
    const now = await payloadFiles(storage, workspaceFolder());
    assert.equal(now.length, 1, `one documents file, the old ones deleted: ${now.map((u) => u.path).join(', ')}`);
    assert.deepEqual(problems(api), before, 'the same diagnostics');
    for (const p of unloaded) assert.equal(JSON.stringify(f.dataset.doc(p)), parsed.get(p), `${p} decoded again as it was parsed`);
  });

  // A re-index (a setting changed, a folder added) can start while a save
  // is writing. Were it to read meanwhile, it would find the index from
  // before that save, or none, while the save deletes the documents file
  // that index names. It waits for the save, and reads the index it wrote.
  it('a re-index that starts while a save is writing waits for it, and restores from the index that save wrote', async function () {
    this.timeout(120_000);
    const storage = api.workspace.storage;
    assert.ok(storage, 'the window has a workspace storage');
    await withTimeout(api.workspace.flush(), 30_000, 'a pending save did not finish');
    // No saved index: the re-index below reads every file, and leaves the folder to save.
    await vscode.workspace.fs.delete(indexUri(storage, workspaceFolder()));
    await withTimeout(api.workspace.reindexNow(), 30_000, 'the cold re-index did not finish');
    const before = problems(api);
    // The save starts (it writes in slices, with turns between them), and the re-index is asked for at once.
    const saving = api.workspace.flush();
    const reindex = api.workspace.reindexNow();
    await withTimeout(Promise.all([saving, reindex]), 60_000, 'the save and the re-index did not both finish');
    const f = folderOf(api);
    const paths = f.dataset.paths();
    const unloaded = paths.filter((p) => f.dataset.unloaded(p));
    assert.ok(unloaded.length > paths.length / 2, `the re-index restored from the index the save wrote (${unloaded.length} of ${paths.length} documents from it)`);
    const now = await payloadFiles(storage, workspaceFolder());
    assert.equal(now.length, 1, `one documents file: ${now.map((u) => u.path).join(', ')}`);
    for (const p of unloaded) assert.ok(f.dataset.doc(p), `${p} decodes from the documents file`);
    assert.deepEqual(problems(api), before, 'the same diagnostics');
  });

  it('a file changed on disk after the save is read again at the next start', async () => {
    await withTimeout(api.workspace.flush(), 30_000, 'saving the index did not finish');
    const rel = '1on1s/sam/2026-11-18.md';
    const text = await readText(rel);
    // Behind Cadence's back as far as the index is concerned: only the next start's stat can notice.
    await writeText(rel, text.replace('## Action items\n', '## Action items\n- [ ] Written after the save\n'));
    await withTimeout(api.workspace.reindexNow(), 30_000, 'the warm re-index did not finish');
    const f = folderOf(api);
    assert.equal(f.dataset.unloaded(rel), undefined, `${rel} was read again, not restored`);
    const doc = f.dataset.doc(rel);
    assert.ok(doc?.kind === '1on1' && doc.items.some((i) => i.text.includes('Written after the save')), 'the new item is in the dataset');
    const line = text.split('\n').indexOf('## Action items') + 1;
    assert.ok(
      vscode.languages.getDiagnostics(f.uriOf(rel)).some((d) => d.range.start.line === line && /owner/i.test(d.message)),
      'the new item, with no owner, is reported where it is',
    );
  });
});
