// SPEC §18, "one count everywhere", on every fixture workspace: the open and
// overdue action items of the status bar, the Action Items view (its groups
// and its title) and the dashboard are one set — every open item in every
// 1:1 file (with a report or not, any date) and OKR review. A 1:1 note that
// names nobody (the case that once split the dashboard from the rest) must
// move all of them by the same amount.
import * as vscode from 'vscode';
import type { Dashboard } from '../../src/extension/dashboard';
import type { CadenceApi } from '../../src/extension/feature';
import { activateCadence, waitFor, withTimeout, workspaceFolder } from './helpers';

interface Seen {
  statusBar: number;
  viewOverdue: number;
  viewOpen: number;
  title: string | undefined;
  dashOverdue: number;
  dashOpen: number;
}

const PROBE = 'cadence-count-probe-2026-11-01.md';

if (process.env.CADENCE_TEST_RESTRICTED !== '1') {
  describe(`one count everywhere (SPEC §18) on ${process.env.CADENCE_TEST_WORKSPACE_NAME ?? 'this workspace'}`, function () {
    let api: CadenceApi;
    let dash: Dashboard;
    const probe = () => vscode.Uri.joinPath(workspaceFolder().uri, '1on1s', PROBE);

    before(async function () {
      this.timeout(180_000);
      api = (await activateCadence()) as unknown as CadenceApi;
      await api.workspace.reindexNow();
      dash = (await vscode.commands.executeCommand<Dashboard>('cadence.openDashboard'))!;
      await withTimeout(dash.whenReady(), 90_000, 'the dashboard never said ready');
    });

    after(async function () {
      this.timeout(60_000);
      await vscode.workspace.fs.delete(probe()).then(undefined, () => undefined);
      dash?.panel.dispose();
    });

    /** What each view says now. */
    function seen(): Seen {
      const views = api.views!;
      const status = /\$\(checklist\) (\d+) overdue/.exec(api.statusBarText?.() ?? '');
      const groups = views.actionItems.getChildren().map((n) => views.actionItems.getTreeItem(n));
      const count = (label?: string) =>
        groups.filter((g) => label === undefined || g.label === label).reduce((n, g) => n + Number(typeof g.description === 'string' ? g.description : 0), 0);
      if (views.grouping() !== 'due') throw new Error('the Action Items view is grouped by owner');
      return {
        statusBar: status ? Number(status[1]) : -1,
        viewOverdue: count('Overdue'),
        viewOpen: count(),
        title: views.actionItemsDescription(),
        dashOverdue: dash.lastPosted?.actionItems.overdue ?? -1,
        dashOpen: dash.lastPosted?.actionItems.open ?? -1,
      };
    }

    /** Waits until every view says `open` and `overdue`, and returns what they said. */
    async function agree(open: number, overdue: number, what: string): Promise<void> {
      let last: Seen | undefined;
      await waitFor(
        () => {
          dash.sendData();
          last = seen();
          const title = open ? `${overdue} overdue · ${open} open` : undefined;
          return last.statusBar === overdue && last.viewOverdue === overdue && last.dashOverdue === overdue && last.viewOpen === open && last.dashOpen === open && last.title === title;
        },
        30_000,
        () => `${what}: the views disagree or are not ${open} open / ${overdue} overdue: ${JSON.stringify(last)}`,
      );
    }

    it('the status bar, the Action Items view and the dashboard count the same open and overdue items', async function () {
      this.timeout(60_000);
      // The truth, from the index (the one set); each view must show it.
      let open = 0;
      let overdue = 0;
      for (const f of api.workspace.folders.values()) {
        const today = f.dataset.today;
        for (const d of f.dataset.docs()) {
          if (d.kind !== '1on1' && d.kind !== 'okr-review') continue;
          for (const i of d.items) {
            if (i.status !== 'open') continue;
            open++;
            if (i.due?.value && i.due.value < today) overdue++;
          }
        }
      }
      await agree(open, overdue, 'as indexed');
    });

    it('a 1:1 note naming nobody moves every count alike', async function () {
      this.timeout(60_000);
      await agree(seen().dashOpen, seen().dashOverdue, 'before');
      const before = seen();
      // No `report:` (missing-field), one overdue item and one open one without a due date.
      await vscode.workspace.fs.writeFile(probe(), new TextEncoder().encode('---\ntype: 1on1\ndate: 2026-11-01\n---\n## Action items\n- [ ] Count probe, overdue @me due:2000-01-03\n- [ ] Count probe, undated @me\n'));
      await agree(before.dashOpen + 2, before.dashOverdue + 1, 'with the note naming nobody');
      await vscode.workspace.fs.delete(probe());
      await agree(before.dashOpen, before.dashOverdue, 'after deleting it');
    });
  });
}
