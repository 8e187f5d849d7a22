// An empty folder, as a manager first opens Cadence (runs on the
// "empty-folder" workspace: a folder holding only its expected.json). Every
// view is empty, so VS Code shows its welcome; which welcome applies is read
// from the extension's own package.json `viewsWelcome` and its `when`
// clauses, with the context keys Cadence sets. The welcome names the globs
// the settings really hold: the defaults (held to DEFAULT_SETTINGS), or,
// when they are changed, the settings themselves.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CadenceApi } from '../../src/extension/feature';
import { activateCadence, EXTENSION_ID, waitFor, workspaceFolder } from './helpers';
import { globsIn, whenHolds as holds } from './when-clause';

interface Welcome {
  view: string;
  contents: string;
  when?: string;
}

function welcomes(): Welcome[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return (ext.packageJSON as { contributes: { viewsWelcome: Welcome[] } }).contributes.viewsWelcome;
}

/** The one welcome VS Code shows for `view` in this context. */
function shown(view: string, context: Record<string, boolean | number>): string {
  const all = welcomes().filter((w) => w.view === view && holds(w.when, context));
  assert.equal(all.length, 1, `${view}: exactly one welcome applies in ${JSON.stringify(context)}, got ${all.length}`);
  return all[0].contents;
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'empty-folder') {
  describe('an empty folder: welcomes from the real settings', function () {
    let api: CadenceApi;
    const base = () => ({ 'cadence.indexing': false, workspaceFolderCount: vscode.workspace.workspaceFolders?.length ?? 0 });

    before(async function () {
      this.timeout(120_000);
      api = (await activateCadence()) as unknown as CadenceApi;
      // Earlier suites write and delete files here (a person file that is too large, a probe note): wait until they are gone.
      await waitFor(() => [...api.workspace.folders.values()].every((f) => f.dataset.size === 0), 30_000, () => 'the folder still holds Cadence files from an earlier suite');
    });

    it('every view is empty, so its welcome shows (the Action Items view has no empty groups)', function () {
      const views = api.views!;
      assert.deepEqual([views.reports.getChildren().length, views.objectives.getChildren().length, views.actionItems.getChildren().length], [0, 0, 0]);
      assert.equal(views.actionItemsDescription(), undefined);
      assert.equal(api.globsChanged?.(), false);
    });

    it('each welcome names exactly the default globs of what its view lists, and links its first step', function () {
      const context = { ...base(), 'cadence.hasFiles': false, 'cadence.globsChanged': false };
      const globs = (...keys: ('peopleGlobs' | 'oneOnOneGlobs' | 'okrGlobs' | 'okrReviewGlobs')[]) => keys.flatMap((k) => DEFAULT_SETTINGS[k]).sort();
      const reports = shown('cadence.reports', context);
      assert.deepEqual(globsIn(reports).sort(), globs('peopleGlobs', 'oneOnOneGlobs'), reports);
      assert.match(reports, /\[Add a Person\]\(command:cadence\.addPerson\)/);
      const objectives = shown('cadence.objectives', context);
      assert.deepEqual(globsIn(objectives).sort(), globs('okrGlobs'), objectives);
      const items = shown('cadence.actionItems', context);
      assert.deepEqual(globsIn(items).sort(), globs('oneOnOneGlobs', 'okrReviewGlobs'), items);
      assert.match(items, /\[New 1:1\]\(command:cadence\.newOneOnOne\)/);
    });

    it('with changed glob settings, the welcome names the settings instead of globs they no longer hold', async function () {
      this.timeout(60_000);
      const cfg = vscode.workspace.getConfiguration('cadence');
      try {
        await cfg.update('peopleGlobs', ['team/*.md'], vscode.ConfigurationTarget.Workspace);
        await waitFor(() => api.globsChanged?.() === true, 20_000, () => 'globsChanged() did not turn true');
        const context = { ...base(), 'cadence.hasFiles': false, 'cadence.globsChanged': true };
        const reports = shown('cadence.reports', context);
        assert.deepEqual(globsIn(reports), [], reports);
        assert.match(reports, /cadence\.peopleGlobs/);
        assert.match(shown('cadence.objectives', context), /cadence\.okrGlobs/);
      } finally {
        await cfg.update('peopleGlobs', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor(() => api.globsChanged?.() === false, 20_000, () => 'globsChanged() did not turn back');
    });

    it('notes with nothing open: the Action Items view says so, still with no empty groups', async function () {
      this.timeout(60_000);
      const note = vscode.Uri.joinPath(workspaceFolder().uri, '1on1s', 'kim', '2026-11-27.md');
      try {
        await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('---\ntype: 1on1\nreport: kim\ndate: 2026-11-27\n---\n## Action items\n- [x] Done already @kim due:2026-11-28 done:2026-11-27\n'));
        await waitFor(() => [...api.workspace.folders.values()].some((f) => f.dataset.size === 1), 20_000, () => 'the note was not indexed');
        assert.equal(api.views!.actionItems.getChildren().length, 0);
        assert.match(shown('cadence.actionItems', { ...base(), 'cadence.hasFiles': true, 'cadence.globsChanged': false }), /^No open action items/);
        // A note naming someone with no person file: the Reports view is empty and says why.
        assert.equal(api.views!.reports.getChildren().length, 0);
        assert.match(shown('cadence.reports', { ...base(), 'cadence.hasFiles': true, 'cadence.globsChanged': false }), /^No people yet/);
      } finally {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, '1on1s'), { recursive: true }).then(undefined, () => undefined);
      }
    });
  });
}
