// The OKR review pre-read inside a real VS Code, on the bundled sample team
// (today 2026-11-22): the file it writes for 2026-Q4 and a meeting on
// 2026-11-29, checked against figures worked out by hand from samples/team;
// a unique marker in a PRIVATE 1:1 never reaches it while its counterpart in
// a SHARED 1:1 does; and it never overwrites.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { exists, readText, resetTeam, teamApi, uri, waitForIndex, writeText, type CadenceApi } from './team';

const OUT = 'okr-reviews/2026-Q4-2026-11-29-pre-read.md';
// Unique strings that occur nowhere else: no product text can contain them by chance.
const PRIVATE_MARKER = 'PrivMarkerQ7x3Kd9';
const PRIVATE_BODY_MARKER = 'PrivBodyMarkerZ4m8';
const SHARED_MARKER = 'SharedMarkerW2p6Rt';

const PRIVATE_NOTE = '1on1s/sam/2026-11-21.md';
const SHARED_NOTE = '1on1s/alex/2026-11-21.md';

/** The cells of a Markdown table row, trimmed. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** The lines of the section under `## heading`, up to the next `## `. */
function section(lines: string[], heading: string): string[] {
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `no "${heading}" section`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The key-result rows of the section's table (header and alignment row dropped). */
function tableRows(lines: string[]): string[][] {
  const table = lines.filter((l) => l.startsWith('|'));
  assert.ok(table.length >= 3, `a table with a header, an alignment row and rows: ${table.join('\n')}`);
  assert.deepEqual(cells(table[0]), ['Key result', 'Owner', 'Score', 'Confidence', 'Status', 'Due']);
  assert.ok(cells(table[1]).every((c) => /^:?-+:?$/.test(c)), `alignment row: ${table[1]}`);
  return table.slice(2).map(cells);
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'team') {
  describe('OKR review pre-read on the sample team', function () {
    let api: CadenceApi;
    let text: string;
    let lines: string[];

    before(async function () {
      this.timeout(180_000);
      api = await teamApi();
      await resetTeam(api);
      // A private 1:1 (no `visibility:` → private) with Sam, owner of Q4 O2's key results.
      await writeText(
        PRIVATE_NOTE,
        [
          '---',
          'type: 1on1',
          'report: sam',
          'date: 2026-11-21',
          'happiness: 3',
          '---',
          '## Happiness retrospective',
          `- :-( ${PRIVATE_BODY_MARKER} worried about the pager again`,
          '## Action items',
          `- [ ] Talk to HR about ${PRIVATE_MARKER} @sam due:2026-11-28`,
          '',
        ].join('\n'),
      );
      // A shared 1:1 with Alex, owner of Q4 O1's key results.
      await writeText(
        SHARED_NOTE,
        ['---', 'type: 1on1', 'report: alex', 'date: 2026-11-21', 'visibility: shared', 'happiness: 4', '---', '## Action items', `- [ ] Publish the ${SHARED_MARKER} cutover calendar @alex due:2026-11-28`, ''].join('\n'),
      );
      await waitForIndex(api, 'the two new 1:1 notes', (f) => {
        const p = f.dataset.doc(PRIVATE_NOTE);
        const s = f.dataset.doc(SHARED_NOTE);
        return p?.kind === '1on1' && p.items.length === 1 && s?.kind === '1on1' && s.visibility === 'shared' && s.items.length === 1;
      });
      assert.equal(await exists(OUT), false, 'no pre-read yet');
      await vscode.commands.executeCommand('cadence.preparePreRead', '2026-Q4', '2026-11-29');
      text = await readText(OUT);
      lines = text.split('\n');
    });

    after(async function () {
      this.timeout(120_000);
      await resetTeam(api);
    });

    it('opens the new file in the editor', function () {
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri(OUT).toString());
    });

    it('front matter: an okr-review of 2026-Q4 on 2026-11-29, pre-read seven days before (2026-11-22)', function () {
      assert.equal(lines[0], '---');
      const end = lines.indexOf('---', 1);
      assert.ok(end > 0, 'front matter closes');
      const fm = lines.slice(1, end);
      assert.ok(fm.includes('type: okr-review'), fm.join('\n'));
      assert.ok(fm.includes('date: 2026-11-29'), fm.join('\n'));
      assert.ok(fm.includes('okrs: 2026-Q4'), fm.join('\n'));
      assert.ok(fm.includes('pre-read: 2026-11-22'), fm.join('\n'));
    });

    it('the index reads it back as an OKR review of 2026-Q4', async function () {
      await waitForIndex(api, OUT, (f) => {
        const d = f.dataset.doc(OUT);
        return d?.kind === 'okr-review' && d.okrs === '2026-Q4' && d.date === '2026-11-29';
      });
    });

    it('one section per objective, with its score, its movement since the last review, its kind and owner', function () {
      const headings = lines.filter((l) => l.startsWith('## '));
      assert.deepEqual(headings, [
        '## O1 Finish the Postgres 16 migration without customer-visible downtime',
        '## O2 Make on-call humane',
        '## O3 Hire and onboard two senior engineers',
        '## O4 Self-serve preview environments for every pull request',
        '## Action items',
      ]);
      // The last review of 2026-Q4 before 2026-11-29: okr-reviews/2026-Q4-mid.md, 2026-11-13.
      // O1 now (26/40 + 6/7 + 1)/3 = 0.836. Then, from check-ins on or before 11-13,
      // over the key results that have check-ins (KR1, KR2; KR3 has none):
      // KR1 11/40 = 0.275 (11-05), KR2 (19−22)/(15−22) = 0.4286 (10-22) → 0.3518;
      // now (0.65 + 0.8571)/2 = 0.7536 → +0.40.
      assert.ok(
        section(lines, headings[0]).includes('**Score 0.84** — ▲ +0.40 since the 2026-11-13 review (0.35 → 0.75, over the 2 of 3 key results with check-ins) · committed (on track at 1.0) · owner Alex Kim'),
        section(lines, headings[0]).join('\n'),
      );
      // O2 now (7/12 + 0.75 + 0.6)/3 = 0.644; KR1 alone has check-ins: 11 on 11-13 → 7/12 then and now.
      assert.ok(
        section(lines, headings[1]).includes('**Score 0.64** — ■ +0.00 since the 2026-11-13 review (0.58 → 0.58, over the 1 of 3 key results with check-ins) · committed (on track at 1.0) · owner Sam Ortiz'),
        section(lines, headings[1]).join('\n'),
      );
      // O3 now (0.5 + 0.833)/2 = 0.667; KR1 checked in 1 on 11-10 → 0.5 then and now.
      assert.ok(
        section(lines, headings[2]).includes('**Score 0.67** — ■ +0.00 since the 2026-11-13 review (0.50 → 0.50, over the 1 of 2 key results with check-ins) · committed (on track at 1.0) · owner Dana Whitfield'),
        section(lines, headings[2]).join('\n'),
      );
      // O4 now (0.5 + 0.333)/2 = 0.417; KR1 was 20/70 = 0.286 on 10-20 (the 11-17 check-in is after 11-13) → +0.21.
      assert.ok(
        section(lines, headings[3]).includes('**Score 0.42** — ▲ +0.21 since the 2026-11-13 review (0.29 → 0.50, over the 1 of 2 key results with check-ins) · aspirational (0.7 is success) · owner Priya Raman'),
        section(lines, headings[3]).join('\n'),
      );
    });

    it('a key-result table per objective: owner, score, confidence, status, due', function () {
      const headings = lines.filter((l) => l.startsWith('## O'));
      assert.deepEqual(tableRows(section(lines, headings[0])), [
        // Owners by name; scores and confidences to two decimals.
        ['KR1 Migrate all 40 production databases', 'Alex Kim', '0.65', '0.80', 'on-track', '2026-12-11'],
        ['KR2 Keep p99 write latency under 15 ms during cutovers', 'Alex Kim', '0.86', '0.60', 'at-risk', '2026-12-11'],
        ['KR3 Zero customer-facing incidents caused by the migration', 'Alex Kim', '1.00', '0.90', 'on-track', '2026-12-31'],
      ]);
      assert.deepEqual(tableRows(section(lines, headings[1])), [
        ['KR1 Cut night pages (22:00 to 07:00) from 18 to 6 a month', 'Sam Ortiz', '0.58', '0.40', 'at-risk', '2026-12-31'],
        ['KR2 Runbooks for the top 15 alerts', 'Sam Ortiz', '0.75', '0.80', 'on-track', '2026-12-18'],
        ['KR3 Every engineer shadows an on-call week before going primary', 'Sam Ortiz', '0.60', '0.70', 'on-track', '—'],
      ]);
      assert.deepEqual(tableRows(section(lines, headings[2])), [
        ['KR1 Two senior engineer offers accepted', 'Dana Whitfield', '0.50', '0.50', 'at-risk', '2026-12-18'],
        ['KR2 Interview feedback within 24 hours for 90% of candidates', 'Priya Raman', '0.83', '0.80', 'on-track', '2026-12-31'],
      ]);
      assert.deepEqual(tableRows(section(lines, headings[3])), [
        ['KR1 A preview environment is up within 5 minutes for 70% of PRs', 'Priya Raman', '0.50', '0.40', 'on-track', '2026-12-31'],
        ['KR2 Three teams outside Platform use previews every week', 'Priya Raman', '0.33', '0.30', 'off-track', '2026-12-31'],
      ]);
    });

    it('each objective: the last decision and what changed since (check-ins, that review’s follow-ups), and why key results are slipping', function () {
      const sec = (n: string) => section(lines, lines.find((l) => l.startsWith(`## ${n} `))!);
      // okr-reviews/2026-Q4-mid.md (2026-11-13): continue, re-scope, escalate, continue.
      assert.ok(sec('O1').includes('**Last decision:** continue, at the 2026-11-13 review.'), sec('O1').join('\n'));
      assert.ok(sec('O2').includes('**Last decision:** re-scope, at the 2026-11-13 review.'));
      assert.ok(sec('O3').includes('**Last decision:** escalate, at the 2026-11-13 review.'));
      assert.ok(sec('O4').includes('**Last decision:** continue, at the 2026-11-13 review.'));
      const since = (n: string) => {
        const s = sec(n);
        const from = s.indexOf('**Since the 2026-11-13 review:**');
        assert.ok(from >= 0, s.join('\n'));
        return s.slice(from + 1).filter((l) => l.trim()).slice(0, s.slice(from + 1).filter((l) => l.trim()).findIndex((l) => !l.startsWith('- ')));
      };
      // Check-ins dated after 11-13, then the follow-ups written under the objective at that review.
      assert.deepEqual(since('O1'), [
        '- KR1 checked in on 2026-11-19 (“billing cluster is the last big one”): 26 databases, confidence 0.80',
        '- KR2 checked in on 2026-11-19 (“connection pool tuning helped”): 16 ms, confidence 0.60',
        '- Follow-up from the 2026-11-13 review, done: Share the cutover latency graphs with the director (Alex Kim, done 2026-11-16)',
      ]);
      assert.deepEqual(since('O2'), ['- Follow-up from the 2026-11-13 review, open: Re-scope KR1 to pages from the top five alerts (Sam Ortiz, due 2026-11-24)']);
      assert.deepEqual(since('O4'), [
        '- KR1 checked in on 2026-11-17 (“idle shutdown landed; Search next”): 35 percent, confidence 0.40',
        '- Follow-up from the 2026-11-13 review, done: Publish the previews how-to for other teams (Priya Raman, done 2026-11-19)',
      ]);
      // SPEC §18 on 2026-11-22, with the reasons.
      /** The list right under a bold heading line. */
      const listUnder = (s: string[], head: string) => {
        const from = s.indexOf(head);
        if (from < 0) return [];
        const rest = s.slice(from + 1).filter((l) => l.trim());
        const end = rest.findIndex((l) => !l.startsWith('- '));
        return rest.slice(0, end < 0 ? undefined : end);
      };
      const slipping = (n: string) => listUnder(sec(n), '**Slipping:**');
      assert.deepEqual(slipping('O1'), ['- KR2 — status at-risk']);
      assert.deepEqual(slipping('O2'), ['- KR1 — status at-risk; confidence 0.40 (below 0.5)']);
      assert.deepEqual(slipping('O4'), ['- KR1 — confidence 0.40 (below 0.5)', '- KR2 — status off-track; confidence 0.30 (below 0.5)']);
    });

    it('takes nothing from private 1:1s: the private markers are absent, the shared one is present', function () {
      assert.ok(!text.includes(PRIVATE_MARKER), 'the private action item text leaked into the pre-read');
      assert.ok(!text.includes(PRIVATE_BODY_MARKER), 'private note body text leaked into the pre-read');
      assert.ok(text.includes(SHARED_MARKER), 'the shared note item is listed');
      // No other private item text either (Sam's 2026-11-18 items, Alex's 2026-11-19 items).
      for (const t of ['Book the incident-command training', 'Update the O2 KR1 numbers', 'Billing cluster cutover plan', 'Ask the DBA guild', 'Staff promotion packet']) {
        assert.ok(!text.includes(t), `private item "${t}" leaked`);
      }
    });

    it('lists open items of shared 1:1s with the owners, and only counts the private ones', function () {
      const o1 = section(lines, '## O1 Finish the Postgres 16 migration without customer-visible downtime');
      // Shared: the new alex 2026-11-21 note's item. Private open items of 1:1s with
      // alex: 11-12 packet; 11-19 billing, maintenance (nested), DBA guild → 4.
      assert.ok(o1.includes(`- Publish the ${SHARED_MARKER} cutover calendar (Alex Kim, due 2026-11-28)`), o1.join('\n'));
      // Whose, and why they are not shown.
      assert.ok(o1.includes('**Not shown:** 4 open action items that concern Alex Kim (their own, or from their 1:1s) — they stand in private 1:1 notes or private blocks, which a pre-read never quotes.'), o1.join('\n'));
      const o2 = section(lines, '## O2 Make on-call humane');
      // Sam: no shared 1:1; private open items: 11-18 training, O2 KR1 numbers, and the new 11-21 one → 3.
      assert.ok(o2.includes('**Not shown:** 3 open action items that concern Sam Ortiz (their own, or from their 1:1s) — they stand in private 1:1 notes or private blocks, which a pre-read never quotes.'), o2.join('\n'));
      assert.ok(!o2.some((l) => l.startsWith('Open action items from shared 1:1s')), 'no shared item for Sam');
      // O3 (KR owners me, priya; me left out) and O4 (priya): Priya's 2026-11-17
      // note is shared; its two open items are listed, and she has no private open ones.
      for (const h of ['## O3 Hire and onboard two senior engineers', '## O4 Self-serve preview environments for every pull request']) {
        const s = section(lines, h);
        const from = s.indexOf('Open action items from shared 1:1s with the key-result owners:');
        assert.ok(from >= 0, s.join('\n'));
        assert.deepEqual(
          s.slice(from + 1).filter((l) => l.trim()).slice(0, 2),
          ["- Write down Priya's next growth theme in her person file (Dana Whitfield, due 2026-11-24)", '- Onboard the Search team to preview environments (Priya Raman, due 2026-12-04)'],
        );
        assert.ok(!s.some((l) => /^\*\*Not shown/.test(l)), `${h}: no private count`);
      }
    });

    it('each objective ends with a decision request; O1 names its parent; one action item to send it', function () {
      for (const h of lines.filter((l) => l.startsWith('## O'))) {
        assert.ok(section(lines, h).includes('**Decision requested:** continue · cut · re-scope · escalate'), h);
      }
      assert.ok(section(lines, lines.find((l) => l.startsWith('## O1'))!).includes('**Depends on:** company-2026-Q4#O2'));
      // Sent seven days before the meeting: 2026-11-22, today.
      assert.deepEqual(section(lines, '## Action items').filter((l) => l.trim()), ["- [ ] Send this pre-read to the review's attendees @me due:2026-11-22"]);
    });

    it('never overwrites: a second run keeps the edited file', async function () {
      const edited = `${text}\nMy own notes for the meeting.\n`;
      await writeText(OUT, edited);
      await vscode.commands.executeCommand('cadence.preparePreRead', '2026-Q4', '2026-11-29');
      assert.equal(await readText(OUT), edited);
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri(OUT).toString(), 10_000, () => 'the existing file is opened instead');
    });
  });
}
