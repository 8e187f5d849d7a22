// The dashboard inside a real VS Code, on the bundled sample team (today
// 2026-11-22, a Sunday): what the extension posts to the webview
// (Dashboard.lastPosted) against figures worked out by hand from
// samples/team, live updates as notes change, and the key-result board's
// status edit against the exact resulting YAML, undoable in one step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DashboardData, KrCard, PersonCard } from '../../src/core/dashboard-data';
import type { Dashboard } from '../../src/extension/dashboard';
import { waitFor, withTimeout } from './helpers';
import { folderOf, readText, resetTeam, teamApi, uri, writeText, type CadenceApi } from './team';

const Q4 = 'okrs/2026-Q4.okr.yaml';

function near(actual: number | null | undefined, expected: number, what: string): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
}

function card(data: DashboardData, id: string): PersonCard {
  const c = data.people.find((p) => p.id === id);
  assert.ok(c, `no card for ${id}`);
  return c;
}

/** The figures of a card that are plain values (trends checked separately). */
function figures(c: PersonCard) {
  return {
    status: c.status,
    cadenceDays: c.cadenceDays,
    lastOneOnOne: c.lastOneOnOne,
    daysSinceLast: c.daysSinceLast,
    openItems: c.openItems,
    overdueItems: c.overdueItems,
    completion: c.completion,
    previousCompletion: c.previousCompletion,
    tightenCadence: c.tightenCadence,
  };
}

/** Replaces line `line` (0-based) of `text`. */
function withLine(text: string, line: number, replacement: string | undefined): string {
  const lines = text.split('\n');
  if (replacement === undefined) lines.splice(line, 1);
  else lines[line] = replacement;
  return lines.join('\n');
}

async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const we = new vscode.WorkspaceEdit();
  we.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(we), 'applyEdit');
  assert.ok(await doc.save(), 'save');
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'team') {
  describe('dashboard on the sample team', function () {
    let api: CadenceApi;
    let dash: Dashboard;
    const posted = (): DashboardData => {
      assert.ok(dash.lastPosted, 'the dashboard has posted data');
      return dash.lastPosted;
    };
    const kr = (o: number, k: number): KrCard => posted().sets.find((s) => s.id === '2026-Q4')!.objectives[o].keyResults[k];

    before(async function () {
      this.timeout(180_000);
      api = await teamApi();
      await resetTeam(api);
      const opened = await vscode.commands.executeCommand<Dashboard>('cadence.openDashboard');
      assert.ok(opened, 'cadence.openDashboard returns the dashboard');
      dash = opened;
      await withTimeout(dash.whenReady(), 90_000, 'the dashboard webview never said ready');
      assert.equal(api.dashboard?.(), dash, 'api.dashboard() is the open panel');
    });

    after(async function () {
      this.timeout(120_000);
      dash?.panel.dispose();
      await resetTeam(api);
    });

    it('posts the header figures: today, the 80% target, the 30-day window', function () {
      const d = posted();
      assert.equal(d.today, '2026-11-22');
      assert.equal(d.completionTarget, 0.8);
      assert.equal(d.completionWindowDays, 30);
      // The Reports view's order (cadence.reportsOrder, urgency): Jordan lapsed, the rest by name
      // (Inês, Dana's mentee, and Morgan, her manager, among them), the manager's own card (Dana, me) last.
      assert.deepEqual(d.people.map((p) => p.id), ['jordan', 'alex', 'ines', 'morgan', 'priya', 'sam', 'dana']);
      assert.deepEqual(d.people.map((p) => p.name), ['Jordan Lee', 'Alex Kim', 'Inês Duarte', 'Morgan Reyes', 'Priya Raman', 'Sam Ortiz', 'Dana Whitfield']);
      // SPEC §18: every open item of every 1:1 file and OKR review — alex 4, ines 3 (two [/]
      // in progress), jordan 2, priya 2, sam 2, the mid-quarter review 2 = 15 (Morgan's log has
      // none open); overdue: jordan's 11-13 and ines's [/] outline 📅 11-20 = 2.
      assert.deepEqual(d.actionItems, { open: 15, overdue: 2 });
    });

    it('per person: cadence status, last 1:1, open and overdue items, completion now and in the window before', function () {
      const d = posted();
      // This window: items due 2026-10-24..2026-11-22; the one before: 2026-09-24..2026-10-23.
      assert.deepEqual(figures(card(d, 'alex')), {
        status: 'ok', // weekly; 3 days < 7
        cadenceDays: 7,
        lastOneOnOne: '2026-11-19',
        daysSinceLast: 3,
        openItems: 4, // 11-12 packet; 11-19 billing, maintenance (nested), DBA guild
        overdueItems: 0, // due 11-27, 11-30, 11-25, 11-26
        completion: 1, // 10-27 ✓ 10-28 ✓ 11-06 ✓ 11-10 ✓ 11-18 ✓ → 5/5 ([>] 11-13 and [-] 10-30 not counted)
        previousCompletion: 1, // 09-28 ✓ 09-29 ✓ 10-08 ✓ 10-14 ✓ 10-12 ✓ 10-16 ✓ → 6/6 ([-] 09-30, [>] 10-09 not counted)
        tightenCadence: false,
      });
      assert.equal(card(d, 'alex').nextDue, '2026-11-26'); // 11-19 + 7
      const dana = card(d, 'dana');
      assert.equal(dana.me, true);
      assert.deepEqual(
        { status: dana.status, lastOneOnOne: dana.lastOneOnOne, openItems: dana.openItems, overdueItems: dana.overdueItems, completion: dana.completion, happiness: dana.happiness, ratings: dana.ratings },
        { status: 'me', lastOneOnOne: undefined, openItems: 0, overdueItems: 0, completion: null, happiness: [], ratings: [] },
      );
      assert.deepEqual(figures(card(d, 'jordan')), {
        status: 'lapsed', // cadence 7; 16 days > 10.5
        cadenceDays: 7,
        lastOneOnOne: '2026-11-06',
        daysSinceLast: 16,
        openItems: 2, // 11-06 "Pair with Alex" (11-13) and "60-day review" (11-27)
        overdueItems: 1, // 11-13 < 11-22
        completion: 4 / 5, // 10-27 ✓ 11-05 ✓ 11-06 ✓ 11-09 ✓, 11-13 ☐ (10-23 is outside, [>] 10-30 not counted)
        previousCompletion: 1, // 09-25 ✓ 10-09 ✓ 10-09 ✓ 10-23 ✓ 10-12 ✓ → 5/5 ([-] 10-31 not counted)
        tightenCadence: false,
      });
      assert.equal(card(d, 'jordan').nextDue, '2026-11-13'); // 11-06 + 7
      // Pending talking points (SPEC §13): Priya's inbox holds one; Morgan's
      // 2026-11-30 meeting, prepared ahead, two; nobody else has an open one.
      assert.deepEqual(
        d.people.map((p) => [p.id, p.pendingTalkingPoints]),
        // (The cards' order: by urgency, your own card last.)
        [['jordan', 0], ['alex', 0], ['ines', 0], ['morgan', 2], ['priya', 1], ['sam', 0], ['dana', 0]],
      );
      // Inês, the mentee whose notes came from Obsidian: [/] is open, 📅 is due, ✅ is done.
      assert.deepEqual(figures(card(d, 'ines')), {
        status: 'ok', // biweekly; 11 days < 14
        cadenceDays: 14,
        lastOneOnOne: '2026-11-11',
        daysSinceLast: 11,
        openItems: 3, // 11-11: [/] outline (📅 11-20), [/] refund ledger ((due:: 12-18)), "Read her outline" ((due:: 11-27))
        overdueItems: 1, // the [/] outline, 📅 11-20 < 11-22
        completion: 3 / 4, // 10-24 ✅ 11-04 ✅ 11-05 ✅, 11-20 [/] open ([-] 11-07 cancelled, not counted)
        previousCompletion: 1, // (due:: 10-17) (completion:: 10-15) → 1/1
        tightenCadence: false,
      });
      assert.equal(card(d, 'ines').relationship, 'mentee');
      const morgan = card(d, 'morgan');
      assert.deepEqual(
        { relationship: morgan.relationship, status: morgan.status, lastOneOnOne: morgan.lastOneOnOne, openItems: morgan.openItems },
        // Cadence 14, her last meeting 2026-11-16; the 11-30 one is ahead and counts for no figure.
        { relationship: 'manager', status: 'ok', lastOneOnOne: '2026-11-16', openItems: 0 },
      );
      assert.deepEqual(figures(card(d, 'priya')), {
        status: 'ok', // biweekly; 5 days < 14
        cadenceDays: 14,
        lastOneOnOne: '2026-11-17',
        daysSinceLast: 5,
        openItems: 2, // 11-17: growth theme (11-24), Search (12-04)
        overdueItems: 0,
        completion: 1, // 10-30 ✓ 11-06 ✓ 11-10 ✓ 11-20 ✓ → 4/4
        previousCompletion: 1, // 09-30 ✓ 10-16 ✓ 10-20 [X] ✓ → 3/3 ([-] 10-02 not counted)
        tightenCadence: false,
      });
      assert.deepEqual(figures(card(d, 'sam')), {
        status: 'ok', // 4 days < 14
        cadenceDays: 14,
        lastOneOnOne: '2026-11-18',
        daysSinceLast: 4,
        openItems: 2, // 11-18: training (no due), O2 KR1 numbers (11-25)
        overdueItems: 0,
        completion: 1, // 11-03 ✓ 11-13 ✓ 11-11 ✓ → 3/3 ([>] 10-30 not counted)
        previousCompletion: 1, // 10-01 ✓ 10-05 ✓ 10-09 ✓ 10-12 ✓ → 4/4
        tightenCadence: false,
      });
    });

    it('per person: happiness trend and rating alignment points', function () {
      const d = posted();
      const trend = (id: string) => card(d, id).happiness.map((h) => `${h.date}=${h.value}`);
      const ratings = (id: string) => card(d, id).ratings.map((r) => `${r.date}=${r.manager}/${r.report}`);
      // Every alex note has `happiness:`; 2026-09-03 takes its date from the file name.
      assert.deepEqual(trend('alex'), ['2026-08-27=4', '2026-09-03=4', '2026-09-24=5', '2026-10-01=4', '2026-10-08=4', '2026-10-15=3', '2026-10-22=4', '2026-11-05=3', '2026-11-12=4', '2026-11-19=4']);
      // Notes with both ratings: 08-27, 09-24, 10-01, 10-15, 10-22, 11-05, 11-19.
      assert.deepEqual(ratings('alex'), ['2026-08-27=3/3', '2026-09-24=4/3', '2026-10-01=3/3', '2026-10-15=3/3', '2026-10-22=4/4', '2026-11-05=4/4', '2026-11-19=4/4']);
      assert.deepEqual(trend('jordan'), ['2026-09-11=4', '2026-09-18=4', '2026-09-25=4', '2026-10-02=3', '2026-10-09=4', '2026-10-16=4', '2026-10-30=3', '2026-11-06=4']);
      assert.deepEqual(ratings('jordan'), ['2026-10-09=3/3', '2026-10-30=4/2', '2026-11-06=4/3']);
      const priya = card(d, 'priya');
      assert.equal(priya.happiness.length, 7);
      assert.deepEqual([priya.happiness[0].date, priya.happiness[0].value, priya.happiness[6].date, priya.happiness[6].value], ['2026-08-25', 4, '2026-11-17', 4]);
      assert.deepEqual(ratings('priya'), ['2026-08-25=4/4', '2026-09-22=4/3', '2026-10-20=4/5', '2026-11-03=4/4', '2026-11-17=4/4']);
      assert.deepEqual(trend('sam'), ['2026-08-26=4', '2026-09-09=4', '2026-09-23=4', '2026-10-07=2', '2026-10-21=3', '2026-11-04=4', '2026-11-18=4']);
      assert.deepEqual(ratings('sam'), ['2026-08-26=3/3', '2026-09-23=3/4', '2026-10-07=3/3', '2026-11-04=4/4', '2026-11-18=4/3']);
      // Each point clicks through to its note.
      assert.deepEqual(card(d, 'sam').happiness[3].at, { path: '1on1s/sam/2026-10-07.md', line: 0 });
      assert.deepEqual(card(d, 'jordan').at, { path: 'people/jordan.md', line: 0 });
    });

    it('heatmap: 16 Mondays ending with the week of 2026-11-22; counts and lapses per week', function () {
      const { weekStarts, rows } = posted().heatmap;
      // 2026-11-22 is a Sunday: its week starts Monday 2026-11-16; 15 weeks
      // earlier is 2026-11-16 − 105 days = 2026-08-03.
      assert.deepEqual(weekStarts, [
        '2026-08-03', '2026-08-10', '2026-08-17', '2026-08-24', '2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21',
        '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16',
      ]);
      // Morgan (the manager) has a row too: 1:1s with everyone are kept (SPEC §11); the me person has none. The cards' order.
      assert.deepEqual(rows.map((r) => r.id), ['jordan', 'alex', 'ines', 'morgan', 'priya', 'sam'], 'the me person has no row');
      const counts = (id: string) => rows.find((r) => r.id === id)!.weeks.map((w) => w.count).join('');
      const lapsed = (id: string) => rows.find((r) => r.id === id)!.weeks.map((w) => (w.lapsed ? 'L' : '.')).join('');
      // Alex: 08-27, 09-03 | (off two weeks) | 09-24, 10-01, 10-08, 10-15, 10-22 | (cancelled) | 11-05, 11-12, 11-19.
      assert.equal(counts('alex'), '0001100111110111');
      // Before 08-24 the reference is `since: 2025-02-03` (lapsed); week of
      // 09-14 ends 09-20, 17 days after 09-03 > 10.5; week of 09-07 ends 09-13,
      // 10 days: not yet; week of 10-26 ends 11-01, 10 days after 10-22: not yet.
      assert.equal(lapsed('alex'), 'LLL...L.........');
      // Jordan, weekly since 2026-09-07: 09-11, 09-18, 09-25, 10-02, 10-09, 10-16, (skipped), 10-30, 11-06.
      assert.equal(counts('jordan'), '0000011111101100');
      // Only the last week: as of today 11-22, 16 days after 11-06 > 10.5
      // (the week of 11-09 ends 11-15: 9 days; the week of 10-19 ends 10-25: 9 days).
      assert.equal(lapsed('jordan'), '...............L');
      // Morgan, every 14 days, her manager since 2026-11-01: 11-02, 11-16 (the 11-30 meeting is
      // ahead: no count). Before 11-01 there is no reference, so no lapse; then 6, 13, 6 days.
      assert.equal(counts('morgan'), '0000000000000101');
      // Inês, every 14 days since 2026-09-30: 10-14, 10-28, 11-11; 14 days apart at most (≤ 21).
      assert.equal(counts('ines'), '0000000000101010');
      assert.equal(lapsed('ines'), '................');
      assert.equal(lapsed('morgan'), '................');
      // Priya and Sam, every 14 days from 08-25 / 08-26: gaps of 12 days at most by a week's end (≤ 21).
      assert.equal(counts('priya'), '0001010101010101');
      assert.equal(lapsed('priya'), 'LLL.............');
      assert.equal(counts('sam'), '0001010101010101');
      assert.equal(lapsed('sam'), 'LLL.............');
    });

    it('OKRs: set, objective and key-result scores, colours and on-track per kind', function () {
      const d = posted();
      assert.deepEqual(d.sets.map((s) => [s.id, s.period]), [['2026-Q3', '2026-Q3'], ['2026-Q4', '2026-Q4']]);
      const q3 = d.sets[0];
      // (13/15 + 1 + 1 + 1 + 1 + 1 + 0.75) / 7, cut O2 KR3 left out.
      near(q3.score, (13 / 15 + 5 + 0.75) / 7, 'Q3 score');
      near(q3.objectives[0].score, (13 / 15 + 1) / 2, 'Q3 O1');
      near(q3.objectives[1].score, 1, 'Q3 O2 (cut KR3 left out)');
      near(q3.objectives[2].score, (1 + 1 + 0.75) / 3, 'Q3 O3');
      const cut = q3.objectives[1].keyResults[2];
      assert.deepEqual([cut.id, cut.status, cut.score, cut.scoreText, cut.owner, cut.due], ['KR3', 'cut', 0, 'cut', undefined, undefined]);
      assert.deepEqual(q3.objectives.flatMap((o) => o.keyResults.map((k) => k.slipping.length)), [0, 0, 0, 0, 0, 0, 0, 0], 'a finished quarter has nothing slipping');

      const q4 = d.sets[1];
      const scores = [
        [(26 - 0) / (40 - 0), (16 - 22) / (15 - 22), 1], // KR3: target = start = 0, current 0 reached
        [(11 - 18) / (6 - 18), (12 - 3) / (15 - 3), (60 - 0) / (100 - 0)],
        [(1 - 0) / (2 - 0), (85 - 60) / (90 - 60)],
        [(35 - 0) / (70 - 0), (1 - 0) / (3 - 0)],
      ];
      const all = scores.flat();
      near(q4.score, all.reduce((a, b) => a + b, 0) / all.length, 'Q4 score'); // 6.6071/10 = 0.661
      assert.deepEqual(q4.objectives.map((o) => [o.id, o.owner, o.kind, o.parent ?? null]), [
        ['O1', 'alex', 'committed', 'company-2026-Q4#O2'],
        ['O2', 'sam', 'committed', null],
        ['O3', 'me', 'committed', null],
        ['O4', 'priya', 'aspirational', null],
      ]);
      // Owners by name; @me is the manager.
      assert.deepEqual(q4.objectives.map((o) => o.ownerName), ['Alex Kim', 'Sam Ortiz', 'Dana Whitfield', 'Priya Raman']);
      assert.deepEqual(q4.objectives.map((o) => o.keyResults.map((k) => k.ownerName)), [['Alex Kim', 'Alex Kim', 'Alex Kim'], ['Sam Ortiz', 'Sam Ortiz', 'Sam Ortiz'], ['Dana Whitfield', 'Priya Raman'], ['Priya Raman', 'Priya Raman']]);
      assert.deepEqual(q4.objectives.map((o) => o.keyResults.map((k) => k.scoreText)), [['0.65', '0.86', '1.00'], ['0.58', '0.75', '0.60'], ['0.50', '0.83'], ['0.50', '0.33']]);
      q4.objectives.forEach((o, i) => {
        near(o.score, scores[i].reduce((a, b) => a + b, 0) / scores[i].length, `Q4 ${o.id}`);
        o.keyResults.forEach((k, j) => near(k.score, scores[i][j], `Q4 ${o.id}/${k.id}`));
      });
      // Colours (SPEC §18): below 0.4 red, below 0.7 yellow, else green.
      // O1 0.836, O2 0.644, O3 0.667, O4 0.417.
      assert.deepEqual(q4.objectives.map((o) => o.colour), ['green', 'yellow', 'yellow', 'yellow']);
      assert.deepEqual(
        q4.objectives.map((o) => o.keyResults.map((k) => k.colour)),
        // 0.65, 0.857, 1 | 0.583, 0.75, 0.6 | 0.5, 0.833 | 0.5, 0.333
        [['yellow', 'green', 'green'], ['yellow', 'green', 'yellow'], ['yellow', 'green'], ['yellow', 'red']],
      );
      // Slipping (SPEC §18) on 2026-11-22: 53 of Q4's 92 days gone (58%), so behind
      // schedule is a score under 0.326; none is (O4 KR2's 0.333 just is not).
      assert.deepEqual(
        q4.objectives.map((o) => o.keyResults.map((k) => k.slipping.join('; '))),
        [
          ['', 'status at-risk', ''],
          ['status at-risk; confidence 0.40 (below 0.5)', '', ''],
          ['status at-risk', ''],
          ['confidence 0.40 (below 0.5)', 'status off-track; confidence 0.30 (below 0.5)'],
        ],
      );
      // Committed: on track only at 1.0 (O1 KR3); aspirational O4 from 0.7 (0.5, 0.33: not yet).
      assert.deepEqual(q4.objectives.map((o) => o.keyResults.map((k) => k.onTrack)), [[false, false, true], [false, false, false], [false, false], [false, false]]);
      assert.deepEqual(q4.objectives.map((o) => o.keyResults.map((k) => k.status)), [['on-track', 'at-risk', 'on-track'], ['at-risk', 'on-track', 'on-track'], ['at-risk', 'on-track'], ['on-track', 'off-track']]);
      assert.deepEqual(q4.objectives.map((o) => o.keyResults.map((k) => k.kind)), [['committed', 'committed', 'committed'], ['committed', 'committed', 'committed'], ['committed', 'committed'], ['aspirational', 'aspirational']]);
      assert.deepEqual(kr(0, 0).checkins, [
        { date: '2026-10-22', current: 4, confidence: 0.7, at: { path: Q4, line: 23 } },
        { date: '2026-11-05', current: 11, confidence: 0.7, at: { path: Q4, line: 24 } },
        { date: '2026-11-19', current: 26, confidence: 0.8, at: { path: Q4, line: 25 } },
      ]);
      assert.deepEqual(kr(1, 0).checkins.map((c) => c.confidence), [0.4, 0.5, 0.4]);
      assert.deepEqual(kr(1, 2).checkins, []);
      assert.deepEqual([kr(1, 2).due, kr(1, 2).owner, kr(1, 2).confidence], [undefined, 'sam', 0.7]);
      assert.deepEqual(kr(0, 0).at, { path: Q4, line: 12 }); // "      - id: KR1" is line 13
      assert.deepEqual(kr(3, 1).at, { path: Q4, line: 129 });
      assert.deepEqual(q4.objectives[3].at, { path: Q4, line: 111 });
    });

    it('signals: none apply to the sample team', function () {
      // Slipping key results (SPEC §18; Q3 has ended), owner not me, and the owner's last 1:1:
      //   Q4 O1 KR2 alex (at-risk), last check-in 11-19; alex met 11-19 → not before it.
      //   Q4 O2 KR1 sam (at-risk, 0.4), last check-in 11-13; sam met 11-18.
      //   Q4 O4 KR1 priya (0.4), last check-in 11-17; priya met 11-17.
      //   Q4 O4 KR2 priya (off-track, 0.3), no check-ins; priya has 1:1s.  (Q4 O3 KR1 is @me.)
      // Happiness falling twice in a row (last three): alex 3,4,4; jordan 4,3,4; priya 4,4,4; sam 3,4,4.
      // Rating gap ≥ 2 in the latest rating: alex 4/4, jordan 4/3, priya 4/4, sam 4/3.
      assert.deepEqual(posted().signals, []);
    });

    it('updates live: two new 1:1s with Jordan end the lapse and raise two signals; removing them restores', async function () {
      this.timeout(120_000);
      try {
        await writeText('1on1s/jordan/2026-11-20.md', '---\ntype: 1on1\nreport: jordan\ndate: 2026-11-20\nhappiness: 3\n---\n## Action items\n- [x] Draft the on-call checklist @jordan due:2026-11-21 done:2026-11-21\n');
        await writeText(
          '1on1s/jordan/2026-11-22.md',
          '---\ntype: 1on1\nreport: jordan\ndate: 2026-11-22\nhappiness: 2\nperformance:\n  manager: 4\n  report: 1\n---\n## Action items\n- [ ] Talk through the on-call worries @jordan due:2026-11-29\n',
        );
        await waitFor(() => card(posted(), 'jordan').lastOneOnOne === '2026-11-22' && card(posted(), 'jordan').happiness.length === 10, 30_000, () => `jordan: ${JSON.stringify(figures(card(posted(), 'jordan')))}`);
        const d = posted();
        assert.deepEqual(figures(card(d, 'jordan')), {
          status: 'ok', // 0 days
          cadenceDays: 7,
          lastOneOnOne: '2026-11-22',
          daysSinceLast: 0,
          openItems: 3, // + "Talk through the on-call worries"
          overdueItems: 1, // still "Pair with Alex" (11-13)
          completion: 5 / 6, // + 11-21 ✓ in the window; 11-29 is after today
          previousCompletion: 1,
          tightenCadence: false,
        });
        assert.deepEqual(card(d, 'jordan').happiness.slice(-3).map((h) => h.value), [4, 3, 2]);
        assert.deepEqual(card(d, 'jordan').ratings.at(-1), { date: '2026-11-22', manager: 4, report: 1, at: { path: '1on1s/jordan/2026-11-22.md', line: 0 } });
        const week = d.heatmap.rows.find((r) => r.id === 'jordan')!.weeks[15];
        assert.deepEqual(week, { count: 2, lapsed: false }, 'the week of 11-16 now holds 11-20 and 11-22');
        // 4 → 3 → 2: fell two 1:1s in a row; 4 vs 1: a gap of 3.
        assert.deepEqual(d.signals.map((s) => [s.kind, s.person, s.at.path]), [
          ['happiness-falling', 'jordan', '1on1s/jordan/2026-11-22.md'],
          ['rating-gap', 'jordan', '1on1s/jordan/2026-11-22.md'],
        ]);
        assert.match(d.signals[0].text, /4 → 3 → 2/);
        assert.match(d.signals[1].text, /\b4\b.*\b1\b/);
      } finally {
        await vscode.workspace.fs.delete(uri('1on1s/jordan/2026-11-20.md')).then(undefined, () => undefined);
        await vscode.workspace.fs.delete(uri('1on1s/jordan/2026-11-22.md')).then(undefined, () => undefined);
      }
      await waitFor(() => card(posted(), 'jordan').status === 'lapsed' && posted().signals.length === 0, 30_000, () => `after removing: ${JSON.stringify(figures(card(posted(), 'jordan')))}, ${posted().signals.length} signals`);
      assert.equal(card(posted(), 'jordan').happiness.length, 8);
    });

    it('a key result slipping by confidence alone raises a signal that says why; an undated check-in is listed like any other', async function () {
      this.timeout(120_000);
      const original = await readText(Q4);
      // O4 KR1 (status on-track, confidence 0.4): checked in after Priya's last 1:1 (11-17), and once without a date.
      const edited = original.replace(
        '          - { date: 2026-11-17, current: 35, confidence: 0.4, note: "idle shutdown landed; Search next" }\n',
        '          - { date: 2026-11-17, current: 35, confidence: 0.4, note: "idle shutdown landed; Search next" }\n          - { date: 2026-11-20, current: 35, confidence: 0.4 }\n          - { current: 36, confidence: 0.45 }\n',
      );
      assert.notEqual(edited, original);
      try {
        await writeText(Q4, edited);
        await waitFor(() => kr(3, 0).checkins.length === 4, 30_000, () => `O4 KR1 check-ins: ${JSON.stringify(kr(3, 0).checkins)}`);
        assert.deepEqual(kr(3, 0).checkins.map((c) => [c.date, c.current, c.confidence]), [
          ['2026-10-20', 20, 0.4],
          ['2026-11-17', 35, 0.4],
          ['2026-11-20', 35, 0.4],
          [null, 36, 0.45],
        ]);
        const d = posted();
        assert.deepEqual(d.signals.map((x) => [x.kind, x.person, x.at.path, x.at.line]), [['kr-slipping-no-1on1', 'priya', Q4, 116]]);
        assert.equal(
          d.signals[0].text,
          '2026-Q4 O4/KR1 A preview environment is up within 5 minutes for 70% of PRs is slipping (confidence 0.40 (below 0.5)) as of its check-in of 2026-11-20; no 1:1 with Priya Raman since (last 2026-11-17).',
        );
      } finally {
        await writeText(Q4, original);
      }
      await waitFor(() => kr(3, 0).checkins.length === 2 && posted().signals.length === 0, 30_000, () => 'restored');
    });

    it('board: moving a card changes only its `status:` value in the YAML, saved, as one undoable edit', async function () {
      this.timeout(120_000);
      const original = await readText(Q4);
      const doc = await vscode.workspace.openTextDocument(uri(Q4));
      await vscode.window.showTextDocument(doc, { preview: false });
      assert.equal(doc.getText(), original);
      assert.equal(doc.lineAt(21).text, '        status: on-track', 'O1 KR1 status, line 22');
      try {
        const ok = await dash.moveKeyResult(folderOf(api), { type: 'setStatus', set: '2026-Q4', objectiveIndex: 0, index: 0, status: 'at-risk' });
        assert.equal(ok, true);
        const expected = withLine(original, 21, '        status: at-risk');
        assert.equal(doc.getText(), expected, 'only the status value of O1 KR1 changed');
        assert.equal(doc.isDirty, false, 'saved');
        assert.equal(await readText(Q4), expected, 'the file on disk says what the board shows');
        await waitFor(() => kr(0, 0).status === 'at-risk', 20_000, () => `the board still shows ${kr(0, 0).status}`);
        // One undo step takes it back.
        await vscode.window.showTextDocument(doc, { preview: false });
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), original, 'one undo restores the file');
        assert.ok(await doc.save());
        assert.equal(await readText(Q4), original);
        await waitFor(() => kr(0, 0).status === 'on-track', 20_000, () => `after undo the board shows ${kr(0, 0).status}`);
      } finally {
        if (doc.getText() !== original) await replaceAll(doc, original);
      }
    });

    // The page shows a move at once and numbers it; the extension makes the
    // moves one at a time, in the page's order, and each `data` after one
    // holds its edit and says its number (webview/pending.ts), so the page
    // never shows a card going back while a move is on its way.
    it('board: moves sent together are made one after the other, each data holding the edits made and saying the last move', async function () {
      this.timeout(120_000);
      const original = await readText(Q4);
      const doc = await vscode.workspace.openTextDocument(uri(Q4));
      const move = (objectiveIndex: number, index: number, status: string, n: number) => dash.receive({ type: 'setStatus', set: '2026-Q4', objectiveIndex, index, status, move: n });
      try {
        assert.equal(kr(0, 0).status, 'on-track');
        assert.equal(kr(0, 2).status, 'on-track');
        const seen: [number, string | undefined, string | undefined][] = [];
        const first = move(0, 0, 'at-risk', 1).then(() => seen.push([dash.movesSettled, kr(0, 0).status, kr(0, 2).status]));
        const second = move(0, 0, 'off-track', 2).then(() => seen.push([dash.movesSettled, kr(0, 0).status, kr(0, 2).status]));
        const third = move(0, 2, 'done', 3).then(() => seen.push([dash.movesSettled, kr(0, 0).status, kr(0, 2).status]));
        // Not one that is not a move of the protocol.
        await dash.receive({ type: 'setStatus', set: '2026-Q4', objectiveIndex: 0, index: 2, status: 'cut', move: 0 });
        await Promise.all([first, second, third]);
        assert.deepEqual(
          seen,
          [
            [1, 'at-risk', 'on-track'],
            [2, 'off-track', 'on-track'],
            [3, 'off-track', 'done'],
          ],
          'in order; the data posted as each move ends already holds it (no wait for the typing pause or the file watcher)',
        );
        assert.equal(doc.isDirty, false, 'saved');
        const disk = (await readText(Q4)).split('\n');
        assert.equal(disk[21], '        status: off-track', 'O1 KR1 on disk');
        assert.deepEqual(
          disk.filter((l, i) => l !== original.split('\n')[i]),
          ['        status: off-track', '        status: done'],
          'only the two status lines changed',
        );
        // A page that says ready again (a reload) numbers its moves from 1 again.
        await dash.receive({ type: 'ready' });
        assert.equal(dash.movesSettled, 0);
      } finally {
        if (doc.getText() !== original) await replaceAll(doc, original);
      }
      await waitFor(() => kr(0, 0).status === 'on-track' && kr(0, 2).status === 'on-track', 20_000, () => 'statuses restored');
    });

    it('board: a move the extension refuses (the key result is gone) edits nothing and posts the data once, saying the move', async function () {
      this.timeout(60_000);
      const original = await readText(Q4);
      const before = dash.dataPosts;
      await dash.receive({ type: 'setStatus', set: '2026-Q4', objectiveIndex: 0, index: 99, status: 'done', move: 1 });
      assert.equal(dash.dataPosts, before + 1, 'one data message: the card goes back where the file has it');
      assert.equal(dash.movesSettled, 1, 'and it says the move is handled');
      await dash.receive({ type: 'setStatus', set: 'no-such-set', objectiveIndex: 0, index: 0, status: 'done', move: 2 });
      assert.equal(dash.dataPosts, before + 2);
      assert.equal(dash.movesSettled, 2);
      assert.equal(await readText(Q4), original, 'nothing edited');
    });

    it('board: a key result without `status:` gets one at its own indentation, after its scalar fields', async function () {
      this.timeout(120_000);
      const original = await readText(Q4);
      const doc = await vscode.workspace.openTextDocument(uri(Q4));
      await vscode.window.showTextDocument(doc, { preview: false });
      // O2 KR3 (lines 78–86) has no check-ins; O4 KR1 (lines 117–129) has
      // check-ins after its status. Remove both status lines (86 and 126).
      assert.equal(doc.lineAt(85).text, '        status: on-track');
      assert.equal(doc.lineAt(125).text, '        status: on-track');
      const stripped = withLine(withLine(original, 125, undefined), 85, undefined);
      try {
        await replaceAll(doc, stripped);
        await waitFor(() => kr(1, 2).status === undefined && kr(3, 0).status === undefined, 20_000, () => 'the dashboard still shows the removed statuses');
        // SPEC §18: no status is no status — not on track because of that, and the trees say so.
        assert.deepEqual([kr(1, 2).onTrack, kr(3, 0).onTrack], [false, false]);
        const o2 = api.views!.objectives.getChildren(api.views!.objectives.getChildren()[1])[1];
        const kr3 = api.views!.objectives.getTreeItem(api.views!.objectives.getChildren(o2)[2]);
        assert.equal(kr3.description, '0.60 · conf 0.70 · Sam Ortiz · no status');

        // O2 KR3 → at-risk: inserted after "confidence: 0.7" (line 85), 8 spaces in.
        assert.equal(await dash.moveKeyResult(folderOf(api), { type: 'setStatus', set: '2026-Q4', objectiveIndex: 1, index: 2, status: 'at-risk' }), true);
        const afterFirst = withLine(withLine(original, 125, undefined), 85, '        status: at-risk');
        assert.equal(doc.getText(), afterFirst);
        assert.equal(await readText(Q4), afterFirst, 'saved');
        await vscode.window.showTextDocument(doc, { preview: false });
        await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), stripped, 'one undo removes the inserted line');
        await doc.save();

        // O4 KR1 → off-track: after "confidence: 0.4" (line 125 of the original), before its check-ins.
        await waitFor(() => kr(1, 2).status === undefined, 20_000, () => 'O2 KR3 status after undo');
        assert.equal(await dash.moveKeyResult(folderOf(api), { type: 'setStatus', set: '2026-Q4', objectiveIndex: 3, index: 0, status: 'off-track' }), true);
        const afterSecond = withLine(withLine(original, 125, '        status: off-track'), 85, undefined);
        assert.equal(doc.getText(), afterSecond);
        await waitFor(() => kr(3, 0).status === 'off-track', 20_000, () => `O4 KR1 shows ${kr(3, 0).status}`);
      } finally {
        await replaceAll(doc, original);
      }
      assert.equal(await readText(Q4), original);
      await waitFor(() => kr(1, 2).status === 'on-track' && kr(3, 0).status === 'on-track', 20_000, () => 'statuses restored');
    });
  });
}
