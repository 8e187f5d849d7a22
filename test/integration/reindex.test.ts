// A re-index (the Re-index command, a settings change, a folder change)
// replaces every folder's index with a new one. The old one must be let go
// entirely: no listener of it still forwards its changes to the views and
// the Problems panel, and nothing in the extension still holds it or its
// dataset. Before FolderIndex owned its dataset and change event, each
// re-index left the previous dataset subscribed (its subscription kept on the
// workspace's list until deactivation): every earlier index, with all its
// documents, stayed alive.
//
// Reachability is checked with the garbage collector itself: each earlier
// index and dataset is registered with a FinalizationRegistry (not held), the
// test collects, and requires every one of them to be finalized. (Not
// WeakRef: each deref() keeps its target alive for the rest of the job, and
// the extension host was seen to keep them longer.) The extension host runs
// without --expose-gc; V8 takes the flag at run time, and a fresh context
// then has `gc` (the way Jest's leak detector gets it). A control object
// proves the collector collects.
import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { waitFor, withTimeout } from './helpers';
import { folderOf, resetTeam, teamApi, uri, type CadenceApi } from './team';

const suite = process.env.CADENCE_TEST_WORKSPACE_NAME === 'team' ? describe : describe.skip;

const GHOST = 'people/ghost-of-an-old-index.md';
const GHOST_TEXT = ['---', 'type: person', 'name: Ghost', 'cadence: banana', '---', ''].join('\n');

function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  assert.equal(typeof gc, 'function', 'V8 did not expose gc() to a new context');
  return gc as () => void;
}

/** Each round re-indexes once by each trigger. */
const ROUNDS = 2;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Objects watched for their finalization, by label; `alive` are those not finalized yet. */
class Watched {
  private readonly finalized = new Set<string>();
  private readonly labels: string[] = [];
  private readonly registry = new FinalizationRegistry<string>((label) => this.finalized.add(label));

  watch(target: object, label: string): void {
    this.labels.push(label);
    this.registry.register(target, label);
  }

  get count(): number {
    return this.labels.length;
  }

  alive(): string[] {
    return this.labels.filter((l) => !this.finalized.has(l));
  }

  /** Collects until every watched object is finalized, or the deadline passes. */
  async collect(gc: () => void, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.alive().length && Date.now() < deadline) {
      gc();
      // Finalization callbacks run in a task of their own, after the collection.
      await nextTask();
    }
  }
}

/**
 * Watches the folder's current index and its dataset. A function of its own,
 * so that no local of the long-running test holds them.
 */
function watchCurrent(api: CadenceApi, into: Watched, before: string): void {
  const f = folderOf(api);
  const n = into.count / 2 + 1;
  into.watch(f, `the folder index replaced by re-index ${n} (${before})`);
  into.watch(f.dataset, `the dataset replaced by re-index ${n} (${before})`);
}

/** Waits for the re-index a trigger started: a new index, fully read. */
async function reindexed(api: CadenceApi, trigger: () => Thenable<unknown>): Promise<void> {
  const before = folderOf(api);
  await trigger();
  await waitFor(() => api.workspace.folders.size === 1 && folderOf(api) !== before, 20_000, () => 'the trigger started no re-index');
  await withTimeout(api.workspace.whenIndexed(), 30_000, 'the re-index did not finish');
}

suite('a re-index leaves nothing of the index it replaces', function () {
  this.timeout(180_000);
  let api: CadenceApi;

  before(async () => {
    api = await teamApi();
    await resetTeam(api);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('cadence').update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    await resetTeam(api);
  });

  it('a replaced dataset tells nobody of a late change (no diagnostics from it reach the Problems panel)', async () => {
    const old = folderOf(api);
    await withTimeout(api.workspace.reindexNow(), 30_000, 'the re-index did not finish');
    assert.notEqual(folderOf(api), old, 'the re-index made a new folder index');
    const heard: string[] = [];
    const sub = api.workspace.onDidChange(({ folder, change }) => {
      if (folder === old) heard.push(...change.paths);
    });
    try {
      // What a read still under way when the re-index started would do.
      old.dataset.setFile(GHOST, GHOST_TEXT);
      await old.readFromDisk(uri('people/alex.md'));
      await nextTask();
    } finally {
      sub.dispose();
    }
    assert.deepEqual(heard, [], 'the replaced index still forwards its changes');
    assert.deepEqual(vscode.languages.getDiagnostics(uri(GHOST)), [], 'a diagnostic of the replaced dataset reached the Problems panel');
    assert.equal(folderOf(api).dataset.has(GHOST), false);
  });

  it('after many re-indexes of every kind, no earlier folder index or dataset is reachable', async () => {
    const gc = garbageCollector();
    const control = new Watched();
    control.watch({ payload: new Array(1000).fill('x') }, 'an object nothing holds');
    await control.collect(gc, 5_000);
    assert.deepEqual(control.alive(), [], 'the garbage collector did not collect an object nothing holds');
    const earlier = new Watched();
    const cfg = () => vscode.workspace.getConfiguration('cadence');
    const editor = await vscode.window.showTextDocument(uri('1on1s/alex/2026-11-19.md'));
    const triggers: [string, () => Thenable<unknown>][] = [
      ['reindexNow', () => api.workspace.reindexNow()],
      ['the Re-index command', () => vscode.commands.executeCommand('cadence.reindex')],
      ['a settings change', () => cfg().update('maxFileSizeKB', cfg().get<number>('maxFileSizeKB') === 4096 ? undefined : 4096, vscode.ConfigurationTarget.Workspace)],
      [
        'typing, then a re-index within the typing delay',
        async () => {
          await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), '- [ ] Typed just before a re-index\n'));
          await api.workspace.reindexNow();
        },
      ],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [what, trigger] of triggers) {
        watchCurrent(api, earlier, what);
        await reindexed(api, trigger).catch((e: Error) => assert.fail(`${what}: ${e.message}`));
      }
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await cfg().update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    await withTimeout(api.workspace.whenIndexed(), 30_000, 'the last re-index did not finish');
    // The typing delay and the persistent index's save run out; then collect.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await earlier.collect(gc, 15_000);
    const alive = earlier.alive();
    assert.deepEqual(alive, [], `${alive.length} of the ${earlier.count} earlier folder indexes and datasets (${triggers.length * ROUNDS} re-indexes) are still reachable`);
    // The current index works: the team, all of it, with its diagnostics.
    assert.equal(folderOf(api).dataset.size, 46);
  });
});
