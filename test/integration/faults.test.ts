// File-system faults while Cadence indexes (issue #8): a burst of 1,000
// creates, deletes, renames and rewrites lands while a full re-index runs,
// with an unreadable file among them; once the disk is quiet, the extension's
// dataset must be exactly what a fresh rebuild from the disk gives: the same
// files, and for each the same diagnostics. The burst lives in a folder of
// its own, removed afterwards (resetTeam puts the rest back).
import * as assert from 'node:assert/strict';
import { symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Dataset } from '../../src/core/dataset';
import { isCandidatePath } from '../../src/core/parse/index';
import { decodeFile } from '../../src/core/text';
import { FolderIndex } from '../../src/extension/folder-index';
import { RACY_MS } from '../../src/extension/persistent-index';
import { waitFor, workspaceFolder } from './helpers';
import { folderOf, resetTeam, teamApi, TODAY, uri, type CadenceApi } from './team';

const BURST = '1on1s/zz-burst';
const START_FILES = 400;
const REPORTS = ['alex', 'jordan', 'priya', 'sam', 'nobody'];

function note(i: number, variant: string): string {
  const report = REPORTS[i % REPORTS.length];
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [
    '---',
    'type: 1on1',
    `report: ${report}`,
    `date: 2026-${i % 2 ? '10' : '11'}-${day}`,
    'happiness: 4',
    '---',
    `# 1:1 ${i} ${variant}`,
    '',
    '## Action items',
    `- [ ] Follow up ${i} @${REPORTS[(i + 1) % REPORTS.length]} due:2026-${i % 3 ? '12' : '11'}-${day}`,
    i % 4 ? `- [x] Done ${i} @me due:2026-11-01` : `- [ ] No owner ${i}`,
    '',
  ].join('\n');
}

const enc = (s: string) => new TextEncoder().encode(s);

/** What a fresh start would build from the disk as it is now. */
async function freshRebuild(settings: Dataset['settings']): Promise<Dataset> {
  const ds = new Dataset({ today: TODAY, settings });
  const root = workspaceFolder().uri.path.replace(/\/$/, '');
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(workspaceFolder(), '**/*.{md,markdown,yaml,yml}'));
  for (const u of found) {
    const rel = u.path.slice(root.length + 1);
    if (!isCandidatePath(rel) || /(^|\/)(node_modules|\.git)\//.test(rel)) continue;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(u);
    } catch {
      continue; // unreadable: skipped, as the extension does
    }
    const d = decodeFile(bytes, settings.maxFileSizeKB);
    if ('text' in d) ds.setFile(rel, d.text);
  }
  return ds;
}

/** Every file's diagnostics, one line each, for a readable difference. */
function snapshot(ds: Dataset): string[] {
  const out: string[] = [];
  for (const p of ds.paths()) {
    out.push(`${p}: ${ds.diagnostics(p).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).join(' | ')}`);
  }
  return out;
}

function difference(a: string[], b: string[]): string {
  const sa = new Set(a);
  const sb = new Set(b);
  const onlyA = a.filter((x) => !sb.has(x)).slice(0, 5);
  const onlyB = b.filter((x) => !sa.has(x)).slice(0, 5);
  return `extension has ${a.length} files, a fresh rebuild ${b.length}; only in the extension: ${onlyA.join(' ; ')}; only in the rebuild: ${onlyB.join(' ; ')}`;
}

const suite = process.env.CADENCE_TEST_WORKSPACE_NAME === 'team' ? describe : describe.skip;

suite('file-system faults while indexing', function () {
  this.timeout(240_000);
  let api: CadenceApi;

  before(async function () {
    api = await teamApi();
    await resetTeam(api);
  });

  after(async function () {
    try {
      await vscode.workspace.fs.delete(uri(BURST), { recursive: true });
    } catch {
      // already gone
    }
    await resetTeam(api);
  });

  it('1,000 creates, deletes, renames and rewrites during a re-index, with an unreadable file: the dataset equals a fresh rebuild', async function () {
    await vscode.workspace.fs.createDirectory(uri(BURST));
    for (let i = 0; i < START_FILES; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => vscode.workspace.fs.writeFile(uri(`${BURST}/n${i + j}.md`), enc(note(i + j, 'first')))));
    }
    // Unreadable: a note that is a link to nowhere (the tests run as root, whom file modes do not stop).
    symlinkSync('/nonexistent/cadence-target.md', uri(`${BURST}/unreadable.md`).fsPath);

    // The burst, while a full re-index runs.
    const reindex = api.workspace.reindexNow();
    const changes: (() => Thenable<void>)[] = [];
    for (let i = 0; i < 300; i++) changes.push(() => vscode.workspace.fs.writeFile(uri(`${BURST}/new${i}.md`), enc(note(1000 + i, 'created'))));
    for (let i = 0; i < 250; i++) changes.push(() => vscode.workspace.fs.delete(uri(`${BURST}/n${i}.md`)));
    for (let i = 250; i < 350; i++) changes.push(() => vscode.workspace.fs.rename(uri(`${BURST}/n${i}.md`), uri(`${BURST}/renamed${i}.md`)));
    for (let i = 350; i < 400; i++) changes.push(() => vscode.workspace.fs.rename(uri(`${BURST}/n${i}.md`), uri(`${BURST}/n${i}.txt`)));
    for (let i = 0; i < 300; i++) changes.push(() => vscode.workspace.fs.writeFile(uri(`${BURST}/new${i}.md`), enc(note(2000 + i, 'rewritten'))));
    assert.equal(changes.length, 1000);
    for (let i = 0; i < changes.length; i += 100) await Promise.all(changes.slice(i, i + 100).map((c) => c()));
    await reindex;
    await api.workspace.whenIndexed();

    // Quiet disk: the watcher's last events may still be on their way.
    const folder = folderOf(api);
    let last = '';
    const deadline = Date.now() + 60_000;
    for (;;) {
      const fresh = await freshRebuild(folder.dataset.settings);
      const mine = snapshot(folder.dataset);
      const theirs = snapshot(fresh);
      if (JSON.stringify(mine) === JSON.stringify(theirs)) break;
      last = difference(mine, theirs);
      if (Date.now() > deadline) assert.fail(`not equal to a fresh rebuild 60 s after the burst: ${last}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const burst = folder.dataset.paths().filter((p) => p.startsWith(`${BURST}/`));
    assert.equal(burst.length, 300 + 100, 'the 300 created and the 100 renamed; none deleted, none renamed to .txt, not the unreadable one');
    assert.ok(!folder.dataset.has(`${BURST}/unreadable.md`));
    assert.ok(folder.dataset.diagnostics(`${BURST}/new0.md`).length > 0, 'the burst notes are judged (an item without an owner, unknown people…)');
    assert.match(folder.dataset.doc(`${BURST}/new7.md`)!.kind, /1on1/);
  });

  it('a file read young is looked at again once older: gone without an event, dropped; rewritten, read again; as it was, stamped', async function () {
    // An index of its own, which no watcher feeds: as if VS Code had folded the
    // file's creation and deletion into no event at all.
    const index = new FolderIndex(workspaceFolder(), folderOf(api).dataset.settings);
    const rels = ['gone', 'rewritten', 'kept'].map((n) => `${BURST}/young-${n}.md`);
    await vscode.workspace.fs.createDirectory(uri(BURST));
    try {
      const changes: string[][] = [];
      index.onDidChange((c) => changes.push([...c.paths]));
      for (const [i, rel] of rels.entries()) {
        writeFileSync(uri(rel).fsPath, note(i, 'young'));
        await index.readFromDisk(uri(rel));
        assert.ok(index.dataset.has(rel), rel);
        assert.equal(index.stamps.get(rel), undefined, `${rel} was read young: no stamp`);
      }
      unlinkSync(uri(rels[0]).fsPath);
      const due = 'due:2026-12-02';
      assert.ok(note(1, 'young').includes(due));
      writeFileSync(uri(rels[1]).fsPath, note(1, 'young').replace(due, 'due:2026-12-09'));
      // The same size and a later mtime: only the stamp can tell.
      const later = new Date(Date.now() + 1000);
      utimesSync(uri(rels[1]).fsPath, later, later);
      changes.length = 0;
      await waitFor(() => !index.dataset.has(rels[0]) && index.stamps.has(rels[2]) && index.stamps.has(rels[1]), 4 * RACY_MS + 10_000, () => `after the recheck: ${JSON.stringify([...index.stamps.keys()])}`);
      const item = (index.dataset.doc(rels[1]) as { items?: { due?: { value?: string } }[] }).items?.[0];
      assert.equal(item?.due?.value, '2026-12-09', 'the rewritten file was read again');
      assert.ok(changes.some((c) => c.includes(rels[0])) && changes.some((c) => c.includes(rels[1])), 'the dropped and the re-read files were announced');
      assert.ok(!changes.some((c) => c.includes(rels[2])), 'the file as it was read is not announced again');
      assert.equal(index.stamps.get(rels[2])?.size, note(2, 'young').length);
    } finally {
      index.dispose();
      for (const rel of rels) await vscode.workspace.fs.delete(uri(rel)).then(undefined, () => undefined);
    }
  });
});
