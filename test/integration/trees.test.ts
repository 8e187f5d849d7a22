// The three Cadence tree views inside a real VS Code, read through their
// TreeDataProviders on the bundled sample team (today 2026-11-22, a Sunday).
// Every expected label, description, icon and line below was worked out by
// hand from samples/team; the arithmetic is in the comments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Node } from '../../src/extension/views/nodes';
import type { TreeProvider } from '../../src/extension/views/index';
import { waitFor } from './helpers';
import { folderOf, readText, resetTeam, teamApi, uri, writeText, type CadenceApi } from './team';

interface Row {
  node: Node;
  item: vscode.TreeItem;
  label: string;
  description: string | undefined;
  icon: string | undefined;
  colour: string | undefined;
}

function row(provider: TreeProvider, node: Node): Row {
  const item = provider.getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
  return {
    node,
    item,
    label,
    description: typeof item.description === 'string' ? item.description : undefined,
    icon: icon?.id,
    colour: icon?.color?.id,
  };
}

function rows(provider: TreeProvider, parent?: Node): Row[] {
  return provider.getChildren(parent).map((n) => row(provider, n));
}

/** Everyone in the Reports tree: the people of each relationship group (SPEC §11), then those at the root (me). */
function peopleRows(provider: TreeProvider): Row[] {
  return rows(provider).flatMap((r) => (r.node.id.startsWith('relationship:') ? rows(provider, r.node) : [r]));
}

function find(list: Row[], label: string): Row {
  const r = list.find((x) => x.label === label);
  assert.ok(r, `no item "${label}" among: ${list.map((x) => x.label).join(' | ')}`);
  return r;
}

/** The node's command is cadence.openLocation(uri of rel, line). */
function assertOpens(r: Row, rel: string, line: number): void {
  const c = r.item.command;
  assert.ok(c, `"${r.label}" has no command`);
  assert.equal(c.command, 'cadence.openLocation', `"${r.label}" command`);
  const [u, l] = c.arguments ?? [];
  assert.ok(u instanceof vscode.Uri, `"${r.label}": first argument is a Uri`);
  assert.equal(u.toString(), uri(rel).toString(), `"${r.label}" opens ${rel}`);
  assert.equal(l, line, `"${r.label}" opens line ${line} (0-based)`);
}

/** Runs the node's command like a click and checks the editor that results. */
async function click(r: Row, rel: string, line: number): Promise<void> {
  assertOpens(r, rel, line);
  const c = r.item.command!;
  await vscode.commands.executeCommand(c.command, ...(c.arguments ?? []));
  await waitFor(
    () => vscode.window.activeTextEditor?.document.uri.toString() === uri(rel).toString() && vscode.window.activeTextEditor.selection.active.line === line,
    30_000,
    () => `clicking "${r.label}" should open ${rel} at line ${line + 1}; active: ${vscode.window.activeTextEditor?.document.uri.path ?? 'none'} line ${(vscode.window.activeTextEditor?.selection.active.line ?? -1) + 1}`,
  );
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'team') {
  describe('tree views on the sample team', function () {
    let api: CadenceApi;
    const views = () => {
      assert.ok(api.views, 'activate() publishes api.views');
      return api.views;
    };

    before(async function () {
      this.timeout(120_000);
      api = await teamApi();
      await resetTeam(api);
      if (views().grouping() !== 'due') await vscode.commands.executeCommand('cadence.actionItems.groupByDue');
    });

    after(async function () {
      this.timeout(120_000);
      if (api.state.screenShare()) await vscode.commands.executeCommand('cadence.toggleScreenShare');
      if (api.views?.grouping() !== 'due') await vscode.commands.executeCommand('cadence.actionItems.groupByDue');
      await resetTeam(api);
    });

    afterEach(async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('Reports: grouped by relationship (reports, the manager, the mentee), you last', function () {
      const roots = rows(views().reports);
      // Reports: alex, jordan, priya, sam; Manager: morgan (relationship: manager); Mentees: ines; Dana is me.
      assert.deepEqual(
        roots.map((r) => [r.label, r.description]),
        [
          ['Reports', '4'],
          ['Manager', '1'],
          ['Mentees', '1'],
          ['Dana Whitfield', 'you'],
        ],
      );
      assert.deepEqual(
        rows(views().reports, roots[1].node).map((p) => [p.label, p.description, p.icon, p.colour, p.item.contextValue]),
        // Morgan, cadence 14, a log: last meeting 2026-11-16 = 6 days ago (ok).
        // No open items (both done). Pending talking points: the two of the
        // 2026-11-30 meeting, prepared ahead. In window: 11-06 ✓, 11-20 ✓ → 100%.
        [['Morgan Reyes', 'last 1:1 6 days ago · 0 open · 2 talking points · 100% done', 'pass-filled', 'charts.green', 'cadence.person']],
      );
      assertOpens(rows(views().reports, roots[1].node)[0], 'people/morgan.md', 0);
      assert.deepEqual(
        rows(views().reports, roots[2].node).map((p) => [p.label, p.description, p.icon, p.colour]),
        // Inês, biweekly, notes written for Obsidian: last 1:1 2026-11-11 = 11 days ago (ok).
        // Open: the two [/] in progress and "Read her outline" = 3. In window
        // (2026-10-24..11-22): retry budget 📅 10-24 ✅, present 11-05 ✅, intro
        // 11-04 ✅, the [/] outline 📅 11-20 open; the [-] shadowing is cancelled,
        // not counted → 3 ÷ 4 = 75%.
        [['Inês Duarte', 'last 1:1 11 days ago · 3 open · 75% done', 'pass-filled', 'charts.green']],
      );
      assertOpens(rows(views().reports, roots[2].node)[0], 'people/ines.md', 0);
    });

    it('Reports: the reports by urgency (lapsed, due, the rest, by name), with status, last 1:1, open items, talking points and 30-day completion', function () {
      const people = rows(views().reports, rows(views().reports)[0].node);
      assert.equal(views().order(), 'urgency', 'the default cadence.reportsOrder');
      assert.deepEqual(
        people.map((p) => p.label),
        // Jordan is lapsed; nobody is due (Alex 3 of 7 days, Priya 5 of 14,
        // Sam 4 of 14): the rest by name.
        ['Jordan Lee', 'Alex Kim', 'Priya Raman', 'Sam Ortiz'],
      );
      // The completion window is 2026-10-24..2026-11-22 (30 days, today included).
      assert.deepEqual(
        people.map((p) => p.description),
        [
          // Jordan, cadence 7: last 1:1 2026-11-06 = 16 days > 10.5 → lapsed.
          // Open: 11-06 "Pair with Alex" (due 11-13) and "60-day review" = 2.
          // In window: 10-27 design doc ✓ (10-16; the [>] 10-30 not counted),
          // 11-05 interview ✓, 11-06 three wins ✓ (10-30), 11-09 rota ✓ and
          // 11-13 pair ☐ (11-06); 10-23 alerts is one day before the window
          // → 4 ÷ (4 + 1) = 80%.
          'lapsed · 2 open · 80% done',
          // Alex, weekly: last 1:1 2026-11-19 = 3 days ago (< 7: ok).
          // Open: 11-12 "Staff promotion packet" + 11-19 "Billing cluster",
          // nested "Book the maintenance window", "Ask the DBA guild" = 4.
          // Due in window: 10-27 retro ✓, 10-28 design doc ✓ (10-22 note),
          // 11-06 timeline ✓, 11-10 ask Priya ✓ (11-05; the [>] 11-13 packet
          // does not count), 11-18 peer feedback ✓ (11-12) → 5 done, 0 open.
          'last 1:1 3 days ago · 4 open · 100% done',
          // Priya, biweekly: 2026-11-17 = 5 days ago. Open: 11-17 "Write down
          // Priya's next growth theme", "Onboard the Search team" = 2. One
          // talking point in her inbox (people/priya.md). In window: 10-30 ✓,
          // 11-06 ✓ (10-20), 11-10 ✓, 11-20 ✓ (11-03) → 4/4.
          'last 1:1 5 days ago · 2 open · 1 talking point · 100% done',
          // Sam, 14: 2026-11-18 = 4 days ago. Open: 11-18 "Book the
          // incident-command training" (no due), "Update the O2 KR1 numbers" = 2.
          // In window: 11-03 ✓ (10-21; [>] 10-30 not counted), 11-13 ✓,
          // 11-11 ✓ (11-04) → 3/3.
          'last 1:1 4 days ago · 2 open · 100% done',
        ],
      );
      assert.deepEqual(
        people.map((p) => [p.icon, p.colour]),
        [
          ['warning', 'charts.red'], // lapsed
          ['pass-filled', 'charts.green'], // ok
          ['pass-filled', 'charts.green'],
          ['pass-filled', 'charts.green'],
        ],
      );
      assert.deepEqual(
        people.map((p) => p.item.contextValue),
        ['cadence.person', 'cadence.person', 'cadence.person', 'cadence.person'],
      );
      for (const [i, id] of ['jordan', 'alex', 'priya', 'sam'].entries()) {
        assert.equal(people[i].item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, `${id} expands`);
        assertOpens(people[i], `people/${id}.md`, 0);
      }
      const me = rows(views().reports)[3];
      assert.equal(me.item.contextValue, 'cadence.me');
      assert.deepEqual([me.icon, me.colour], ['account', undefined]);
      assertOpens(me, 'people/dana.md', 0);
    });

    it("Reports: Jordan's open items, 1:1 notes newest first, growth theme and development plan", function () {
      const jordan = find(peopleRows(views().reports), 'Jordan Lee');
      const groups = rows(views().reports, jordan.node);
      assert.deepEqual(
        groups.map((g) => [g.label, g.description]),
        [
          ['Open action items', '2'],
          ['1:1 notes', '8'], // 1on1s/jordan/ holds 8 notes
          ['Growth themes', '1'],
          ['Development plan', '2'],
        ],
      );
      const open = rows(views().reports, groups[0].node);
      assert.deepEqual(
        open.map((o) => [o.label, o.description, o.icon, o.colour]),
        [
          // 1on1s/jordan/2026-11-06.md:26, due 11-13 < 11-22: overdue, marked.
          ['Pair with Alex on the deploy pipeline runbook', 'Jordan Lee · due 2026-11-13', 'warning', 'charts.red'],
          // :28, due 11-27: not overdue. @me is the manager, Dana Whitfield.
          ['60-day review: written feedback from Alex and Sam', 'Dana Whitfield · due 2026-11-27', 'circle-large-outline', undefined],
        ],
      );
      assert.deepEqual(open.map((o) => o.item.contextValue), ['cadence.actionItem', 'cadence.actionItem']);
      assertOpens(open[0], '1on1s/jordan/2026-11-06.md', 25);
      assertOpens(open[1], '1on1s/jordan/2026-11-06.md', 27);
      const notes = rows(views().reports, groups[1].node);
      const desc = (n: Row) => n.description ?? '';
      assert.deepEqual(
        notes.map((n) => [n.label, desc(n)]),
        [
          // date, `happiness:` and the number of task lines (nested ones too).
          ['2026-11-06', 'happiness 4/5 · 3 items'],
          ['2026-10-30', 'happiness 3/5 · 2 items'],
          ['2026-10-16', 'happiness 4/5 · 2 items'],
          ['2026-10-09', 'happiness 4/5 · 2 items'],
          ['2026-10-02', 'happiness 3/5 · 2 items'],
          ['2026-09-25', 'happiness 4/5 · 1 item'],
          ['2026-09-18', 'happiness 4/5 · 2 items'],
          ['2026-09-11', 'happiness 4/5 · 3 items'],
        ],
      );
      for (const n of notes) assertOpens(n, `1on1s/jordan/${n.label}.md`, 0);
      const themes = rows(views().reports, groups[2].node);
      // people/jordan.md: the theme runs 2026-10-01 → 2026-11-30, not expired.
      assert.deepEqual(themes.map((t) => [t.label, t.description, t.icon]), [['Owning one service, the config service', '2026-10-01 → 2026-11-30', 'rocket']]);
      assertOpens(themes[0], 'people/jordan.md', 7); // "  - title:" is line 8
      const plan = rows(views().reports, groups[3].node);
      assert.deepEqual(
        plan.map((p) => p.label),
        ['The deploy pipeline, top to bottom', 'Code review in an unfamiliar codebase'],
      );
      for (const p of plan) assertOpens(p, 'people/jordan.md', 10); // "development:" is line 11
    });

    it("Reports: Priya's expired theme is marked; Alex's open items include the nested one", function () {
      const people = peopleRows(views().reports);
      const priya = rows(views().reports, find(people, 'Priya Raman').node);
      const themes = rows(views().reports, find(priya, 'Growth themes').node);
      // until 2026-10-31 < 2026-11-22.
      assert.deepEqual(themes.map((t) => [t.label, t.description, t.icon, t.colour]), [['Chairing the architecture review', '2026-09-01 → 2026-10-31 · expired', 'history', 'charts.yellow']]);
      assertOpens(themes[0], 'people/priya.md', 8);
      const alex = rows(views().reports, find(people, 'Alex Kim').node);
      assert.equal(find(alex, '1:1 notes').description, '10');
      const open = rows(views().reports, find(alex, 'Open action items').node);
      assert.deepEqual(
        open.map((o) => [o.label, o.description]),
        [
          // Newest note first: 2026-11-19 (lines 27, 29, 30), then 2026-11-12 (22).
          ['Billing cluster cutover plan', 'Alex Kim · due 2026-11-30'],
          ['Book the maintenance window with support', 'Dana Whitfield · due 2026-11-25'],
          ['Ask the DBA guild to review the replica-lag alert thresholds', 'no owner · due 2026-11-26'],
          ['Staff promotion packet, first draft', 'Alex Kim · due 2026-11-27'],
        ],
      );
      assert.deepEqual(open.map((o) => o.item.command?.arguments?.[1]), [26, 28, 29, 21]);
      const notes = rows(views().reports, find(alex, '1:1 notes').node);
      // 2026-09-03 has no `date:`; it comes from the file name.
      assert.deepEqual(notes.slice(-2).map((n) => [n.label, n.description]), [
        ['2026-09-03', 'happiness 4/5 · 2 items'],
        ['2026-08-27', 'happiness 4/5 · 2 items'],
      ]);
      assert.equal(notes[0].description, 'happiness 4/5 · 4 items', '2026-11-19: four task lines, one nested');
      const dana = rows(views().reports, find(people, 'Dana Whitfield').node);
      assert.deepEqual(dana.map((g) => [g.label, g.description]), [
        ['Open action items', '0'],
        ['1:1 notes', '0'],
        ['Growth themes', '1'],
        ['Development plan', '2'],
      ]);
    });

    it('Objectives: sets with period and score, objectives with score, kind and owner', function () {
      const sets = rows(views().objectives);
      assert.deepEqual(
        sets.map((s) => [s.label, s.description]),
        [
          // Q3 key results (cut O2 KR3 left out):
          //   O1 KR1 (17−30)/(15−30) = 13/15 = 0.8667, KR2 (100−40)/(100−40) = 1,
          //   O2 KR1 1/1 = 1, KR2 2/2 = 1, O3 KR1 1, KR2 4/4 = 1,
          //   O3 KR3 (12−18)/(10−18) = 0.75 → mean 6.6167/7 = 0.945 → 0.95.
          ['2026-Q3', 'score 0.95'],
          // Q4: O1 26/40 = 0.65, (16−22)/(15−22) = 6/7 = 0.857, 0=0 reached → 1;
          //   O2 (11−18)/(6−18) = 7/12 = 0.583, (12−3)/(15−3) = 0.75, 60/100 = 0.6;
          //   O3 1/2 = 0.5, (85−60)/(90−60) = 0.833; O4 35/70 = 0.5, 1/3 = 0.333
          //   → sum 6.6071 / 10 = 0.661 → 0.66. O1's parent is company-2026-Q4#O2.
          ['2026-Q4', 'score 0.66 · aligns to company-2026-Q4'],
        ],
      );
      assert.ok(sets.every((s) => s.icon === 'graph' && s.item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded));
      assertOpens(sets[1], 'okrs/2026-Q4.okr.yaml', 0);
      const q3 = rows(views().objectives, sets[0].node);
      assert.deepEqual(
        q3.map((o) => [o.label, o.description]),
        [
          // Owners by name (@me is the manager, Dana Whitfield).
          ['O1 Stabilise on-call before the migration quarter', '0.93 · committed · Sam Ortiz'], // (0.8667 + 1)/2 = 0.933
          ['O2 Plan the Postgres 16 migration', '1.00 · committed · Alex Kim'], // (1 + 1)/2, cut KR3 left out
          ['O3 Grow the team', '0.92 · committed · Dana Whitfield'], // (1 + 1 + 0.75)/3 = 0.917
        ],
      );
      const q4 = rows(views().objectives, sets[1].node);
      assert.deepEqual(
        q4.map((o) => [o.label, o.description, o.icon, o.colour]),
        [
          // SPEC §18 colours: below 0.4 red, below 0.7 yellow, else green.
          // (0.65 + 0.857 + 1)/3 = 0.836 → green
          ['O1 Finish the Postgres 16 migration without customer-visible downtime', '0.84 · committed · Alex Kim · ↑ company-2026-Q4#O2', 'target', 'charts.green'],
          // (0.583 + 0.75 + 0.6)/3 = 0.644 → yellow
          ['O2 Make on-call humane', '0.64 · committed · Sam Ortiz', 'target', 'charts.yellow'],
          // (0.5 + 0.833)/2 = 0.667 < 0.7 → yellow (it was green when scores were read to one decimal)
          ['O3 Hire and onboard two senior engineers', '0.67 · committed · Dana Whitfield', 'target', 'charts.yellow'],
          // (0.5 + 0.333)/2 = 0.417 → yellow
          ['O4 Self-serve preview environments for every pull request', '0.42 · aspirational · Priya Raman', 'target', 'charts.yellow'],
        ],
      );
      // "  - id: O1" is line 7, O2 line 50, O3 line 87, O4 line 112.
      assert.deepEqual(q4.map((o) => o.item.command?.arguments?.[1]), [6, 49, 86, 111]);
    });

    it('Objectives: key results with score, confidence, owner, due, status and a status icon; check-ins', function () {
      const sets = rows(views().objectives);
      const q4 = rows(views().objectives, sets[1].node);
      const krs = q4.map((o) => rows(views().objectives, o.node));
      const table = krs.map((list) => list.map((k) => [k.label, k.description, k.icon, k.colour]));
      assert.deepEqual(table, [
        [
          // on-track but 0.65 < 1.0 (committed): a plain dot; 0.65 < 0.7 → yellow (SPEC §18)
          ['KR1 Migrate all 40 production databases', '0.65 · conf 0.80 · Alex Kim · due 2026-12-11 · on-track', 'circle-filled', 'charts.yellow'],
          // at-risk: warning icon, coloured by its score 0.857 → green
          ['KR2 Keep p99 write latency under 15 ms during cutovers', '0.86 · conf 0.60 · Alex Kim · due 2026-12-11 · at-risk', 'warning', 'charts.green'],
          // target = start = 0, current 0 reached → 1.0: on track (committed at 1.0)
          ['KR3 Zero customer-facing incidents caused by the migration', '1.00 · conf 0.90 · Alex Kim · due 2026-12-31 · on-track', 'pass-filled', 'charts.green'],
        ],
        [
          ['KR1 Cut night pages (22:00 to 07:00) from 18 to 6 a month', '0.58 · conf 0.40 · Sam Ortiz · due 2026-12-31 · at-risk', 'warning', 'charts.yellow'],
          ['KR2 Runbooks for the top 15 alerts', '0.75 · conf 0.80 · Sam Ortiz · due 2026-12-18 · on-track', 'circle-filled', 'charts.green'],
          // no due: in the file (the kr-missing-due one)
          ['KR3 Every engineer shadows an on-call week before going primary', '0.60 · conf 0.70 · Sam Ortiz · on-track', 'circle-filled', 'charts.yellow'],
        ],
        [
          // no start: → 0; 1/2
          ['KR1 Two senior engineer offers accepted', '0.50 · conf 0.50 · Dana Whitfield · due 2026-12-18 · at-risk', 'warning', 'charts.yellow'],
          ['KR2 Interview feedback within 24 hours for 90% of candidates', '0.83 · conf 0.80 · Priya Raman · due 2026-12-31 · on-track', 'circle-filled', 'charts.green'],
        ],
        [
          // aspirational: on track from 0.7; 0.5 is not yet
          ['KR1 A preview environment is up within 5 minutes for 70% of PRs', '0.50 · conf 0.40 · Priya Raman · due 2026-12-31 · on-track', 'circle-filled', 'charts.yellow'],
          ['KR2 Three teams outside Platform use previews every week', '0.33 · conf 0.30 · Priya Raman · due 2026-12-31 · off-track', 'error', 'charts.red'],
        ],
      ]);
      assert.ok(krs.flat().every((k) => k.item.contextValue === 'cadence.keyResult'));
      // "      - id: KRn" lines: 13, 27, 40 | 54, 68, 78 | 91, 102 | 117, 130.
      assert.deepEqual(krs.map((l) => l.map((k) => k.item.command?.arguments?.[1])), [[12, 26, 39], [53, 67, 77], [90, 101], [116, 129]]);
      const checkins = rows(views().objectives, krs[0][0].node);
      assert.deepEqual(
        checkins.map((c) => [c.label, c.description, c.icon]),
        [
          ['2026-10-22', '4 databases · conf 0.70 · first four cutovers, zero tickets', 'history'],
          ['2026-11-05', '11 databases · conf 0.70 · incident week, not migration-related', 'history'],
          ['2026-11-19', '26 databases · conf 0.80 · billing cluster is the last big one', 'history'],
        ],
      );
      assert.deepEqual(checkins.map((c) => c.item.command?.arguments?.[1]), [23, 24, 25]);
      assert.equal(rows(views().objectives, krs[0][2].node).length, 0, 'KR3 has no check-ins');
      // Q3: a cut key result is grey and keeps no owner or due.
      const q3o2 = rows(views().objectives, rows(views().objectives, sets[0].node)[1].node);
      assert.deepEqual(
        q3o2.map((k) => [k.label, k.description, k.icon, k.colour]),
        [
          ['KR1 Migration RFC approved by the architecture review', '1.00 · Alex Kim · due 2026-09-15 · done', 'pass-filled', 'charts.green'],
          ['KR2 Dry-run two production-sized clusters on staging', '1.00 · Alex Kim · due 2026-09-30 · done', 'pass-filled', 'charts.green'],
          // A cut key result reads "cut", not a score of 0.00.
          ['KR3 Evaluate logical replication for zero-downtime cutovers', 'cut · cut', 'circle-slash', 'disabledForeground'],
        ],
      );
    });

    it('Action items: every open item grouped Overdue / This week / Later / No due date', function () {
      const groups = rows(views().actionItems);
      // 15 open items: alex 11-12 (1) and 11-19 (3), ines 11-11 (3: two [/], one [ ]),
      // jordan 11-06 (2), priya 11-17 (2), sam 11-18 (2), okr-reviews/2026-Q4-mid.md (2).
      // This week = 2026-11-22..2026-11-28.
      assert.deepEqual(
        groups.map((g) => [g.label, g.description, g.icon]),
        [
          ['Overdue', '2', 'warning'], // jordan's due 11-13, ines's [/] outline 📅 11-20
          ['This week', '9', 'calendar'], // due 11-24 ×2, 11-25 ×2, 11-26, 11-27 ×4
          ['Later', '3', 'calendar'], // 11-30, 12-04, 12-18 (ines's [/] refund ledger)
          ['No due date', '1', 'calendar'], // sam's training
        ],
      );
      const [overdue, week, later, none] = groups.map((g) => rows(views().actionItems, g.node));
      assert.deepEqual(overdue.map((i) => [i.label, i.description, i.icon]), [
        ['Pair with Alex on the deploy pipeline runbook', 'Jordan Lee · due 2026-11-13 · 1:1 with Jordan Lee', 'warning'],
        // In progress ([/]) is open; the wikilink is the owner; 📅 is the due date.
        ['Draft the outline of the Payments guild talk', 'Inês Duarte · due 2026-11-20 · 1:1 with Inês Duarte', 'warning'],
      ]);
      assertOpens(overdue[1], '1on1s/ines/2026-11-11.md', 14);
      assertOpens(overdue[0], '1on1s/jordan/2026-11-06.md', 25);
      // Sorted by due date, then path (1on1s/… before okr-reviews/…), then line.
      assert.deepEqual(
        week.map((i) => [i.label, i.description]),
        [
          ["Write down Priya's next growth theme in her person file", 'Dana Whitfield · due 2026-11-24 · 1:1 with Priya Raman'],
          ['Re-scope KR1 to pages from the top five alerts', 'Sam Ortiz · due 2026-11-24 · okr-reviews/2026-Q4-mid.md'],
          ['Book the maintenance window with support', 'Dana Whitfield · due 2026-11-25 · 1:1 with Alex Kim'],
          ['Update the O2 KR1 numbers after the re-scope', 'Sam Ortiz · due 2026-11-25 · 1:1 with Sam Ortiz'],
          ['Ask the DBA guild to review the replica-lag alert thresholds', 'no owner · due 2026-11-26 · 1:1 with Alex Kim'],
          ['Staff promotion packet, first draft', 'Alex Kim · due 2026-11-27 · 1:1 with Alex Kim'],
          ['Read her outline and send comments', 'Dana Whitfield · due 2026-11-27 · 1:1 with Inês Duarte'],
          ['60-day review: written feedback from Alex and Sam', 'Dana Whitfield · due 2026-11-27 · 1:1 with Jordan Lee'],
          ['Ask the director for a second recruiter until year end', 'Dana Whitfield · due 2026-11-27 · okr-reviews/2026-Q4-mid.md'],
        ],
      );
      assertOpens(week[1], 'okr-reviews/2026-Q4-mid.md', 17);
      assertOpens(week[3], '1on1s/sam/2026-11-18.md', 28);
      assert.deepEqual(
        later.map((i) => [i.label, i.description]),
        [
          ['Billing cluster cutover plan', 'Alex Kim · due 2026-11-30 · 1:1 with Alex Kim'],
          ['Onboard the Search team to preview environments', 'Priya Raman · due 2026-12-04 · 1:1 with Priya Raman'],
          ['Lead the design of the refund-ledger service', 'Inês Duarte · due 2026-12-18 · 1:1 with Inês Duarte'],
        ],
      );
      assert.deepEqual(none.map((i) => [i.label, i.description]), [['Book the incident-command training', 'Sam Ortiz · 1:1 with Sam Ortiz']]);
      // The view's title says the same count as the status bar and the dashboard (SPEC §18).
      assert.equal(views().actionItemsDescription(), '2 overdue · 15 open');
      assertOpens(none[0], '1on1s/sam/2026-11-18.md', 27);
    });

    it('Action items: "group by owner" regroups the same 15 items per owner, and back', async function () {
      await vscode.commands.executeCommand('cadence.actionItems.groupByOwner');
      assert.equal(views().grouping(), 'owner');
      const groups = rows(views().actionItems);
      assert.deepEqual(
        groups.map((g) => [g.label, g.description]),
        [
          // By the owner's name; @me is the manager, Dana Whitfield.
          ['Alex Kim', '2'], // packet 11-27, billing 11-30
          ['Dana Whitfield', '5'], // growth theme 11-24, maintenance 11-25, Inês's outline 11-27 ((owner:: [[dana]])), 60-day 11-27, recruiter 11-27
          ['Inês Duarte', '2'], // outline 11-20 ([[ines]]), refund ledger 12-18 ((owner:: [[ines]]))
          ['Jordan Lee', '1'], // pair 11-13
          ['Priya Raman', '1'], // Search 12-04
          ['Sam Ortiz', '3'], // re-scope 11-24, numbers 11-25, training (no due, last)
          ['No owner', '1'], // DBA guild
        ],
      );
      const me = rows(views().actionItems, groups[1].node);
      assert.deepEqual(
        me.map((i) => [i.label, i.description]),
        [
          ["Write down Priya's next growth theme in her person file", 'due 2026-11-24 · 1:1 with Priya Raman'],
          ['Book the maintenance window with support', 'due 2026-11-25 · 1:1 with Alex Kim'],
          ['Read her outline and send comments', 'due 2026-11-27 · 1:1 with Inês Duarte'],
          ['60-day review: written feedback from Alex and Sam', 'due 2026-11-27 · 1:1 with Jordan Lee'],
          ['Ask the director for a second recruiter until year end', 'due 2026-11-27 · okr-reviews/2026-Q4-mid.md'],
        ],
      );
      const sam = rows(views().actionItems, groups[5].node);
      assert.deepEqual(sam.map((i) => i.label), ['Re-scope KR1 to pages from the top five alerts', 'Update the O2 KR1 numbers after the re-scope', 'Book the incident-command training']);
      assert.deepEqual(rows(views().actionItems, groups[6].node).map((i) => i.label), ['Ask the DBA guild to review the replica-lag alert thresholds']);
      await vscode.commands.executeCommand('cadence.actionItems.groupByDue');
      assert.equal(views().grouping(), 'due');
      assert.deepEqual(rows(views().actionItems).map((g) => g.label), ['Overdue', 'This week', 'Later', 'No due date']);
    });

    it('Reports: cadence.reportsOrder "name" orders by name, the manager still last; owners typed in any case show by name', async function () {
      this.timeout(60_000);
      const cfg = () => vscode.workspace.getConfiguration('cadence');
      const labels = () => peopleRows(views().reports).map((p) => p.label).join(' | ');
      const rel = '1on1s/jordan/2026-11-21.md';
      try {
        await cfg().update('reportsOrder', 'name', vscode.ConfigurationTarget.Workspace);
        await waitFor(() => labels() === 'Alex Kim | Jordan Lee | Priya Raman | Sam Ortiz | Morgan Reyes | Inês Duarte | Dana Whitfield', 20_000, () => `by name: ${labels()}`);
        // An owner typed in capitals is the same person (ids compare case-insensitively), shown by name.
        await writeText(rel, '---\ntype: 1on1\nreport: JORDAN\ndate: 2026-11-21\n---\n## Action items\n- [ ] Typed in capitals @JORDAN due:2026-11-28\n- [ ] Owner without a person file @Zed due:2026-11-28\n');
        const item = (label: string) => rows(views().actionItems).flatMap((g) => rows(views().actionItems, g.node)).find((i) => i.label === label);
        await waitFor(() => !!item('Typed in capitals') && !!item('Owner without a person file'), 20_000, () => 'the new items are not listed');
        assert.equal(item('Typed in capitals')!.description, 'Jordan Lee · due 2026-11-28 · 1:1 with Jordan Lee');
        assert.equal(item('Owner without a person file')!.description, 'Zed · due 2026-11-28 · 1:1 with Jordan Lee', 'no person file: the id as typed');
      } finally {
        await cfg().update('reportsOrder', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.workspace.fs.delete(uri(rel)).then(undefined, () => undefined);
      }
      await waitFor(() => labels() === 'Jordan Lee | Alex Kim | Priya Raman | Sam Ortiz | Morgan Reyes | Inês Duarte | Dana Whitfield', 20_000, () => `back to urgency: ${labels()}`);
      await api.whenIndexed();
      await waitFor(() => folderOf(api).dataset.size === 46, 20_000, () => `the team is not indexed again: ${folderOf(api).dataset.size} files`);
    });

    it('clicking a leaf opens its file at its exact line', async function () {
      const overdue = rows(views().actionItems, rows(views().actionItems)[0].node)[0];
      await click(overdue, '1on1s/jordan/2026-11-06.md', 25);
      assert.match(vscode.window.activeTextEditor!.document.lineAt(25).text, /^- \[ \] Pair with Alex on the deploy pipeline runbook @jordan due:2026-11-13$/);

      const q4 = rows(views().objectives)[1];
      const o2 = rows(views().objectives, q4.node)[1];
      const kr3 = rows(views().objectives, o2.node)[2];
      await click(kr3, 'okrs/2026-Q4.okr.yaml', 77);
      assert.equal(vscode.window.activeTextEditor!.document.lineAt(77).text, '      - id: KR3');

      const o1kr1 = rows(views().objectives, rows(views().objectives, q4.node)[0].node)[0];
      const lastCheckin = rows(views().objectives, o1kr1.node)[2];
      await click(lastCheckin, 'okrs/2026-Q4.okr.yaml', 25);
      assert.match(vscode.window.activeTextEditor!.document.lineAt(25).text, /date: 2026-11-19, current: 26/);

      const priya = find(peopleRows(views().reports), 'Priya Raman');
      const theme = rows(views().reports, find(rows(views().reports, priya.node), 'Growth themes').node)[0];
      await click(theme, 'people/priya.md', 8);
      assert.equal(vscode.window.activeTextEditor!.document.lineAt(8).text, '  - title: Chairing the architecture review');

      const note = rows(views().reports, find(rows(views().reports, priya.node), '1:1 notes').node)[0];
      await click(note, '1on1s/priya/2026-11-17.md', 0);
    });

    it('an edit to a note changes the right items: the overdue item done, then a new 1:1 ends the lapse', async function () {
      this.timeout(120_000);
      const rel = '1on1s/jordan/2026-11-06.md';
      const original = await readText(rel);
      const jordanDesc = () => find(peopleRows(views().reports), 'Jordan Lee').description;
      const groupCounts = () => rows(views().actionItems).map((g) => `${g.label} ${g.description}`).join(', ');
      try {
        // Mark "Pair with Alex…" (line 26) done the way a user would: an edit, saved.
        const doc = await vscode.workspace.openTextDocument(uri(rel));
        await vscode.window.showTextDocument(doc);
        const line = doc.lineAt(25);
        assert.equal(line.text, '- [ ] Pair with Alex on the deploy pipeline runbook @jordan due:2026-11-13');
        const we = new vscode.WorkspaceEdit();
        we.replace(doc.uri, new vscode.Range(25, 3, 25, 4), 'x');
        we.insert(doc.uri, line.range.end, ' done:2026-11-22');
        assert.ok(await vscode.workspace.applyEdit(we));
        assert.ok(await doc.save());
        // Jordan: still lapsed (no new 1:1); open 2 → 1; window now 5 done, 0 open → 100%.
        await waitFor(() => jordanDesc() === 'lapsed · 1 open · 100% done', 20_000, () => `Jordan: ${jordanDesc()}`);
        // Overdue 2 → 1 (Inês's [/] outline stays); the other buckets unchanged.
        await waitFor(() => groupCounts() === 'Overdue 1, This week 9, Later 3, No due date 1', 20_000, () => groupCounts());
        assert.deepEqual(rows(views().actionItems, rows(views().actionItems)[0].node).map((i) => i.label), ['Draft the outline of the Payments guild talk']);

        // A 1:1 today: last 1:1 0 days ago → "today", status ok; its item is open, due 11-29 (Later).
        await writeText(
          '1on1s/jordan/2026-11-22.md',
          '---\ntype: 1on1\nreport: jordan\ndate: 2026-11-22\nhappiness: 4\n---\n## Action items\n- [ ] Draft the secondary on-call checklist @jordan due:2026-11-29\n',
        );
        await waitFor(() => jordanDesc() === 'last 1:1 today · 2 open · 100% done', 20_000, () => `Jordan: ${jordanDesc()}`);
        const jordan = find(peopleRows(views().reports), 'Jordan Lee');
        assert.deepEqual([jordan.icon, jordan.colour], ['pass-filled', 'charts.green']);
        assert.equal(rows(views().reports, find(rows(views().reports, jordan.node), '1:1 notes').node)[0].label, '2026-11-22');
        await waitFor(() => groupCounts() === 'Overdue 1, This week 9, Later 4, No due date 1', 20_000, () => groupCounts());
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri('1on1s/jordan/2026-11-22.md')).then(undefined, () => undefined);
        await writeText(rel, original);
      }
      await waitFor(() => jordanDesc() === 'lapsed · 2 open · 80% done', 20_000, () => `after restoring, Jordan: ${jordanDesc()}`);
      await waitFor(() => groupCounts() === 'Overdue 2, This week 9, Later 3, No due date 1', 20_000, () => groupCounts());
    });

    it('screen-share mode hides names and item text in the trees, and toggles back', async function () {
      assert.equal(api.state.screenShare(), false);
      await vscode.commands.executeCommand('cadence.toggleScreenShare');
      try {
        assert.equal(api.state.screenShare(), true);
        const people = peopleRows(views().reports);
        // Numbered in the order shown: the reports by urgency (jordan, alex, priya, sam), the manager (morgan), the mentee (ines), me (dana).
        assert.deepEqual(people.map((p) => p.label), ['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5', 'Person 6', 'Person 7']);
        assert.ok(people.every((p) => p.description === undefined), 'no descriptions (no names, rates) while sharing');
        const jordan = rows(views().reports, people[0].node); // Jordan, lapsed, first
        const open = rows(views().reports, jordan[0].node);
        assert.deepEqual(open.map((o) => o.label), ['Action item', 'Action item']);
        assert.ok(open.every((o) => o.item.tooltip === 'Hidden in screen-share mode'));
        // No happiness ratings on the notes; the themes and plan are hidden too.
        assert.equal(rows(views().reports, jordan[1].node)[0].description, '3 items');
        assert.deepEqual(rows(views().reports, jordan[2].node).map((t) => t.label), ['Theme']);
        assert.deepEqual(rows(views().reports, jordan[3].node).map((t) => t.label), ['Focus area', 'Focus area']);
        const items = rows(views().actionItems).flatMap((g) => rows(views().actionItems, g.node));
        assert.equal(items.length, 15);
        assert.ok(items.every((i) => i.label === 'Action item'), items.map((i) => i.label).join(' | '));
        assert.ok(
          items.every((i) => !/1:1 with|@|\[\[|Alex|Dana|Inês|Ines|Jordan|Priya|Sam/.test(i.description ?? '')),
          `no report or owner names in descriptions: ${items.map((i) => i.description).join(' | ')}`,
        );
        await vscode.commands.executeCommand('cadence.actionItems.groupByOwner');
        try {
          const owners = rows(views().actionItems).map((g) => g.label);
          assert.deepEqual(owners, ['Owner 1', 'Owner 2', 'Owner 3', 'Owner 4', 'Owner 5', 'Owner 6', 'No owner'], 'owner groups are numbered, not named');
        } finally {
          await vscode.commands.executeCommand('cadence.actionItems.groupByDue');
        }
        const o1 = rows(views().objectives, rows(views().objectives)[1].node)[0];
        assert.equal(o1.description, '0.84 · committed · ↑ company-2026-Q4#O2', 'no owner while sharing');
      } finally {
        await vscode.commands.executeCommand('cadence.toggleScreenShare');
      }
      assert.equal(api.state.screenShare(), false);
      assert.deepEqual(peopleRows(views().reports).map((p) => p.label), ['Jordan Lee', 'Alex Kim', 'Priya Raman', 'Sam Ortiz', 'Morgan Reyes', 'Inês Duarte', 'Dana Whitfield']);
      assert.equal(folderOf(api).dataset.size, 46);
    });
  });
}
