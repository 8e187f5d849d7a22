// The persistent index in the real extension host: saved into the extension's
// workspace storage (in steps, with turns for the editor between them), then
// read back by a full re-index, which is the code path of a warm start. The
// dataset comes back from the index (documents left unloaded, not re-read),
// judges exactly as before, and a file changed on disk since the save is
// read again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { withTimeout } from './helpers';
import { folderOf, readText, resetTeam, teamApi, writeText, type CadenceApi } from './team';

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
