// Honest progress (issue 22): while a full index fills the dataset, the
// status bar says "Cadence: indexing N of M" and never a partial overdue
// count as if it were final; the moment the index is shown it says the final
// counts. Warm (a saved index), the progress ends as soon as the index is
// restored, with the restored diagnostics already in the Problems panel,
// while the check against the disk continues quietly and corrects what
// changed. Every step waits on what the status bar and the dataset say, never
// on time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexUri, payloadFiles } from '../../src/extension/persistent-index';
import { waitFor, withTimeout, workspaceFolder } from './helpers';
import { folderOf, readText, resetTeam, teamApi, TODAY, writeText, type CadenceApi } from './team';

const suite = process.env.CADENCE_TEST_WORKSPACE_NAME === 'team' ? describe : describe.skip;

/** Jordan's item due 2026-11-13 and Inês's [/] outline 📅 2026-11-20 are the overdue items; Jordan the one lapsed report (see the editor suite). */
const FINAL = '$(checklist) 2 overdue · 1 lapsed';
const INDEXING = /^\$\(sync~spin\) Cadence: indexing(…| ([\d,.\u00a0\u202f ]+) of ([\d,.\u00a0\u202f ]+))$/;

interface Seen {
  /** What fired: 'progress' (with the progress) or 'change'. */
  readonly event: string;
  readonly text: string;
  /** The workspace's progress at that moment (undefined: the index is shown). */
  readonly indexing: boolean;
  /** A change: how many paths it names. */
  readonly paths?: number;
}

/** Records the status bar's text at every progress and dataset event of a re-index (the status bar's own listeners run first). */
async function watchReindex(api: CadenceApi, onShown?: () => void): Promise<Seen[]> {
  const text = () => api.statusBarText?.() ?? '';
  const seen: Seen[] = [];
  const subs = [
    api.workspace.onDidChangeProgress((p) => {
      seen.push({ event: `progress ${p ? `${p.done}/${p.total ?? '?'}` : 'end'}`, text: text(), indexing: !!p });
      if (!p) onShown?.();
    }),
    api.workspace.onDidChange((e) => seen.push({ event: 'change', text: text(), indexing: !!api.workspace.progress(), paths: e.change.paths.size })),
  ];
  try {
    await withTimeout(api.workspace.reindexNow(), 60_000, 'the re-index did not finish');
  } finally {
    subs.forEach((s) => s.dispose());
  }
  return seen;
}

function show(seen: readonly Seen[]): string {
  return seen.map((s) => `${s.event}: "${s.text}"`).join('\n');
}

/** The saved index's two files, gone: the next re-index is a cold one. */
async function forgetSavedIndex(api: CadenceApi): Promise<void> {
  const storage = api.workspace.storage;
  assert.ok(storage, 'the extension has workspace storage');
  await withTimeout(api.workspace.flush(), 30_000, 'a pending save did not finish');
  for (const u of [indexUri(storage, workspaceFolder()), ...(await payloadFiles(storage, workspaceFolder()))]) {
    await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
  }
}

suite('honest progress in the status bar', function () {
  this.timeout(120_000);
  let api: CadenceApi;

  before(async () => {
    api = await teamApi();
    await resetTeam(api);
  });

  after(async () => {
    await resetTeam(api);
  });

  it('cold: says "indexing N of M" with every candidate file counted, never a partial count, then the final counts', async () => {
    await forgetSavedIndex(api);
    const f = folderOf(api);
    const candidates = (await vscode.workspace.findFiles(new vscode.RelativePattern(workspaceFolder(), '**/*.{md,markdown,yaml,yml}'))).filter((u) => f.relPath(u)).length;
    const seen = await watchReindex(api);
    const during = seen.filter((s) => s.indexing);
    const after = seen.filter((s) => !s.indexing);
    assert.ok(during.length > 0 && after.length > 0, `the re-index reported progress and an end:\n${show(seen)}`);
    for (const s of during) assert.match(s.text, INDEXING, `while indexing, the status bar said something else:\n${show(seen)}`);
    // The total is shown the moment it is known: every candidate file of the folder.
    const totals = during.map((s) => INDEXING.exec(s.text)?.[3]).filter((t) => t !== undefined);
    assert.ok(totals.length > 0, `the status bar never said "indexing N of M":\n${show(seen)}`);
    for (const t of totals) assert.equal(Number(t.replace(/\D/g, '')), candidates, `the total is every candidate file:\n${show(seen)}`);
    // From the end of the progress on: the final counts at once, nothing in between.
    const end = seen.findIndex((s) => s.event === 'progress end');
    assert.ok(end >= 0, show(seen));
    for (const s of seen.slice(end)) assert.equal(s.text, FINAL, `after the index was shown:\n${show(seen)}`);
    assert.equal(api.statusBarText?.(), FINAL);
    assert.equal(api.statusBarAccessibility?.(), 'Cadence: 2 overdue action items, 1 lapsed 1:1. Press to list them.');
    // The cold read is held as one change, naming every Cadence file, once every file is in: nothing
    // is announced of a half-read folder (the old index's withdrawal comes before the progress; a
    // watcher's late event may follow it).
    const first = seen.findIndex((s) => s.event.startsWith('progress'));
    const changes = seen.slice(first).filter((s) => s.event === 'change');
    assert.ok(changes.length > 0, `no change for the cold read:\n${show(seen)}`);
    assert.equal(changes[0].paths, folderOf(api).dataset.size, `the first change names every Cadence file:\n${show(seen)}`);
  });

  it('warm: the progress ends when the saved index is restored, diagnostics shown, while the disk check corrects a change quietly', async () => {
    await withTimeout(api.workspace.flush(), 30_000, 'saving the index did not finish');
    const withProblems = () => {
      const f = folderOf(api);
      return f.dataset.paths().filter((p) => vscode.languages.getDiagnostics(f.uriOf(p)).length > 0);
    };
    const saved = withProblems();
    assert.ok(saved.length > 0, 'some sample files have diagnostics');
    // Changed behind the saved index's back: only the disk check after the restore can see it.
    const rel = '1on1s/sam/2026-11-18.md';
    const text = await readText(rel);
    const overdueIn = () => folderOf(api).dataset.summary(rel)?.openDue.filter((d) => d < TODAY).length ?? 0;
    const was = overdueIn();
    // The watcher reads it into the running index; the re-index starts the moment it has (before the
    // change's own save, SAVE_DELAY_MS later, could write it into the saved index).
    const read = new Promise<void>((resolve) => {
      const sub = api.workspace.onDidChange(() => {
        if (overdueIn() === was + 1) {
          sub.dispose();
          resolve();
        }
      });
    });
    await writeText(rel, text.replace('## Action items\n', '## Action items\n- [ ] Written after the save due:2026-11-01\n'));
    await withTimeout(read, 30_000, `the watcher did not read ${rel}`);
    let atEnd: { restored: boolean; size: number; problems: string[]; text: string } | undefined;
    const seen = await watchReindex(api, () => {
      const f = folderOf(api);
      atEnd = {
        restored: f.dataset.unloaded(rel) !== undefined,
        size: f.dataset.size,
        problems: withProblems(),
        text: api.statusBarText?.() ?? '',
      };
    });
    assert.ok(atEnd, `the progress never ended:\n${show(seen)}`);
    for (const s of seen.filter((x) => x.indexing)) assert.match(s.text, INDEXING, show(seen));
    // Shown from the saved index: every file, its diagnostics in the Problems panel, the changed file not read yet.
    assert.equal(atEnd.size, 46, 'the whole sample team was restored when the progress ended');
    assert.ok(atEnd.restored, `${rel} was still the restored copy when the progress ended (the disk check comes after)`);
    assert.deepEqual(atEnd.problems, saved, 'the saved diagnostics were in the Problems panel when the progress ended');
    assert.equal(atEnd.text, FINAL, 'the counts of the saved index when the progress ended');
    // Then the quiet check read the changed file: its overdue item is counted.
    assert.equal(folderOf(api).dataset.unloaded(rel), undefined, `${rel} was read again after the restore`);
    await waitFor(() => api.statusBarText?.() === '$(checklist) 3 overdue · 1 lapsed', 15_000, () => `the status bar says "${api.statusBarText?.()}"`);
    await writeText(rel, text);
    await waitFor(() => api.statusBarText?.() === FINAL, 15_000, () => `the status bar says "${api.statusBarText?.()}"`);
  });
});
