// UI pass: Cadence as a user gets it. The packaged .vsix is installed into a
// throw-away code-server with `--install-extension`, the sample team is
// opened in headless Chromium, and the test reads what a person would see:
// the Problems panel's entries, the effect of a Cadence command run from the
// command palette, the quick-fix menu and its edit, the Cadence view
// container's trees, the dashboard (overview, board, click-through,
// screen-share mode, dark and light themes) and hostile note text rendered
// inert in the real browser with no remote request. One server and one
// browser serve every test, in order. Screenshots go to
// test-results/screenshots/ (look at them: they are the evidence that the UI
// shows what the assertions claim).
//
//   npm run test:e2e        (needs `npm run build && npm run package` first)
//   CADENCE_VSIX=path.vsix  to test another package
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  installVsix,
  launchBrowser,
  makeRunDir,
  readTestEnv,
  startServer,
  workbenchUrl,
  type RunDir,
} from '../../scripts/lib/code-server';
import * as dashboard from './dashboard-use';
import * as hostile from './hostile';
import { localize } from '../unit/manifest-text';
import {
  acceptInputBox,
  activeTab,
  cursorLine,
  dashboardFrame,
  endRun,
  goToLine,
  hostOf,
  inputBoxShows,
  inspectDom,
  lineWith,
  luminance,
  pickColorTheme,
  poll,
  pwnedInFrames,
  quickOpen,
  readable,
  remoteRequests,
  runPaletteCommand,
  selectDashboardTab,
  settle,
  shot as shotTo,
  showRows,
  tabs,
  treeRows,
  typeIntoInputBox,
  waitForCards,
  watchRequests,
  viewPane,
  type SeenRequest,
} from './workbench';

const repo = resolve(__dirname, '..', '..');
const screenshots = join(repo, 'test-results', 'screenshots');
/** The date samples/team/EXPECTED.md was written for, so the panel shows a known set. */
const SAMPLE_TODAY = '2026-11-22';
/** Dashboard cards of the sample team: everyone but you (Dana): four reports, Morgan (the manager) and Inês (the mentee). */
const CARDS = 6;

interface Manifest {
  publisher: string;
  name: string;
  version: string;
  contributes?: { commands?: Array<{ command: string; title: string; category?: string }> };
}

describe('UI pass: the packaged extension in code-server', function () {
  this.timeout(120_000);

  let run: RunDir;
  let browser: Browser;
  let page: Page;
  let manifest: Manifest;
  let failed = false;
  /** The opened copy of samples/team (the hostile notes are written here). */
  let workspace: string;
  /** The code-server origin: the only host the page may talk to. */
  let origin: string;
  /** Every request the browser context made, with what became of it. */
  const requests: SeenRequest[] = [];
  /** JavaScript dialogs (alert, confirm…): hostile text must never open one. */
  const dialogs: string[] = [];
  /** When the dashboard was first opened (the no-remote-request window starts here). */
  let dashboardSince = Number.POSITIVE_INFINITY;
  /** Errors logged in the dashboard's frames (a script error, a CSP violation). */
  const webviewErrors: string[] = [];
  let expectedData: ReturnType<typeof dashboard.expectedDashboard> | undefined;
  /** What the dashboard should show of the workspace as it is on disk now (the core's own reading). */
  const expected = () => (expectedData ??= dashboard.expectedDashboard(workspace, process.env.CADENCE_TODAY ?? SAMPLE_TODAY));

  before(async function () {
    this.timeout(240_000);
    rmSync(screenshots, { recursive: true, force: true });
    mkdirSync(screenshots, { recursive: true });

    const env = readTestEnv();
    const vsix = resolve(process.env.CADENCE_VSIX ?? join(repo, `cadence-${readManifest(join(repo, 'package.json')).version}.vsix`));
    assert.ok(existsSync(vsix), `no ${vsix}: run "npm run build && npm run package" first`);

    // A known starting theme (a fresh profile follows the browser's light
    // scheme); the light pass switches it from the palette like a user would.
    run = makeRunDir('cadence-e2e', { 'workbench.colorTheme': 'Default Dark Modern' });
    installVsix(env, run, vsix);
    // The manifest as installed, so the test drives what the package contains.
    const installed = readdirSync(run.extensions).filter((d) => existsSync(join(run.extensions, d, 'package.json')));
    assert.equal(installed.length, 1, `expected one installed extension, found: ${installed.join(', ') || 'none'}`);
    manifest = readManifest(join(run.extensions, installed[0], 'package.json'));

    const sample = join(repo, 'samples', 'team');
    assert.ok(existsSync(sample), `no ${sample}`);
    // A copy: nothing the UI does may touch the repository's sample.
    workspace = join(run.root, 'workspace', 'team');
    cpSync(sample, workspace, { recursive: true });
    hostile.prepareFolders(workspace);

    const server = await startServer(env, run, { extraEnv: { CADENCE_TODAY: process.env.CADENCE_TODAY ?? SAMPLE_TODAY } });
    browser = await launchBrowser(env, run);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    origin = new URL(server.url).origin;
    watchRequests(page, requests);
    page.on('console', (m) => {
      const where = m.location().url;
      if (m.type() === 'error' && /\/webview\/browser\/pre\/|\/dist\/webview\.js/.test(where)) webviewErrors.push(`${m.text()} (${where.slice(0, 120)})`);
    });
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    await page.goto(workbenchUrl(server, workspace), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    // What the screen showed when the test failed.
    const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    if (page) await shot(page, `failed-${name}`).catch(() => undefined);
  });

  after(async function () {
    this.timeout(60_000);
    await endRun(run, failed);
  });

  it('opens the sample team in the workbench', async function () {
    // The explorer lists the sample's top-level folders once the workspace is read.
    const explorer = page.locator('.explorer-folders-view');
    for (const folder of ['people', '1on1s', 'okrs']) {
      await explorer.locator(`.monaco-list-row[aria-label^="${folder}"]`).first().waitFor({ timeout: 60_000 });
    }
    // The status bar's problem counter is there once the workbench has restored.
    await page.locator('#status\\.problems').waitFor({ timeout: 60_000 });
    await shot(page, '01-workbench');
  });

  it('lists Cadence diagnostics in the Problems panel', async function () {
    await runPaletteCommand(page, 'Problems: Focus on Problems View');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 30_000 });
    // Diagnostics arrive after activation and the first index: poll the rows.
    // A marker row's aria-label reads "Warning: <message> at line 28 and
    // character 1. generated by cadence"; file rows read "N problems in file …".
    const rows = panel.locator('.monaco-list-row[aria-level="2"]');
    let labels: string[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      labels = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter(Boolean);
      if (labels.some((l) => l.endsWith('generated by cadence'))) break;
      await page.waitForTimeout(250);
    }
    // Let the remaining files' entries arrive before the picture.
    await page.waitForTimeout(1_000);
    await shot(page, '02-problems');
    const cadence = labels.filter((l) => l.endsWith('generated by cadence'));
    assert.ok(cadence.length > 0, `no Cadence entry in the Problems panel; rows seen:\n${labels.join('\n') || '(none)'}`);
    console.log(`      Problems panel: ${cadence.length} cadence entr${cadence.length === 1 ? 'y' : 'ies'} in view, e.g. "${cadence[0]}"`);
  });

  it('runs a Cadence command from the command palette', async function () {
    const commands = (manifest.contributes?.commands ?? []).filter(
      (c) => c.category === 'Cadence' || c.title.startsWith('Cadence:'),
    );
    assert.ok(commands.length > 0, 'the package contributes no "Cadence:" command');
    const command = pickCommand(commands);
    const label = command.category ? `${command.category}: ${command.title}` : command.title;

    const before = await visibleState(page);
    await runPaletteCommand(page, label);
    const effect = await waitForEffect(page, before, command.command);
    await shot(page, '03-command');
    await assertNotBroken(page, before, command.command);
    const specific = KNOWN_EFFECTS[command.command];
    if (specific) assert.match(effect, specific, `"${label}" should show ${specific}`);
    console.log(`      ran "${label}": ${effect}`);
  });
  // ---------------------------------------------------------------------
  // Issue 4: the quick-fix menu on the sample's one missing-owner item.

  it('offers "Assign to @alex (the report)" on a missing-owner item and applies it as one undoable edit', async function () {
    const original = '- [ ] Ask the DBA guild to review the replica-lag alert thresholds due:2026-11-26';
    const fixed = '- [ ] Ask the DBA guild to review the replica-lag alert thresholds @alex due:2026-11-26';
    await quickOpen(page, '1on1s/alex/2026-11-19.md');
    await goToLine(page, 30);
    await lineWith(page, 'Ask the DBA guild', original);

    // Ctrl+. opens the quick-fix menu (the action widget) at the cursor.
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
    const titles = await poll(
      page,
      async () => {
        if (!(await menu.isVisible())) {
          await page.keyboard.press('Control+Period');
          await menu.waitFor({ timeout: 5_000 }).catch(() => undefined);
        }
        return (await menu.locator('.monaco-list-row').allTextContents()).map(readable);
      },
      (t) => t.includes('Assign to @alex (the report)') && t.includes('Assign to @me'),
      20_000,
      (t) => `the quick-fix menu on line 30 should offer "Assign to @alex (the report)" and "Assign to @me"; it shows: ${JSON.stringify(t)}`,
    );
    console.log(`      quick fixes offered: ${titles.filter((t) => t && !/^quick fix$/i.test(t)).join(' | ')}`);
    await shot(page, 'quick-fix-menu');

    await menu.locator('.monaco-list-row', { hasText: 'Assign to @alex (the report)' }).click();
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    await lineWith(page, 'Ask the DBA guild', fixed);

    // One undo restores the line exactly and leaves the file as saved.
    await page.keyboard.press('Control+Z');
    await lineWith(page, 'Ask the DBA guild', original);
    const dirty = page.locator('.tabs-container .tab.active.dirty');
    await dirty.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    assert.equal(await dirty.count(), 0, 'after one undo the note should be back to its saved text (tab still marked dirty)');
    await runPaletteCommand(page, 'View: Close All Editors');
  });

  // ---------------------------------------------------------------------
  // Issue 5: the Cadence view container and its three trees.

  it('shows the Cadence view container with its three trees and opens an item at its line', async function () {
    // Room for the trees, the editor and later the dashboard: the Problems panel goes.
    await runPaletteCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 10_000 });
    const entry = page.locator('.part.activitybar .action-item a[aria-label*="Cadence"], .part.activitybar .action-label[aria-label*="Cadence"]').first();
    try {
      await entry.waitFor({ timeout: 15_000 });
    } catch {
      const labels = await page.locator('.part.activitybar [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      assert.fail(`no activity-bar entry labelled "Cadence"; entries: ${JSON.stringify(labels)}`);
    }
    await entry.click();
    const sidebar = page.locator('.part.sidebar');
    await sidebar.locator('.composite.title h2', { hasText: /cadence/i }).waitFor({ timeout: 15_000 });

    const pane = (name: string) => viewPane(page, name);
    for (const name of ['Reports', 'Objectives', 'Action Items']) {
      const header = pane(name).locator('.pane-header');
      await header.waitFor({ timeout: 15_000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await poll(page, async () => header.getAttribute('aria-expanded'), (v) => v === 'true', 5_000, (v) => `the ${name} view did not expand (aria-expanded=${v})`);
    }

    const rowsOf = async (name: string, want: (rows: Awaited<ReturnType<typeof treeRows>>) => boolean, what: string) =>
      poll(page, () => treeRows(pane(name)), want, 30_000, (rows) => `the ${name} view should show ${what}; it shows:\n${showRows(rows) || '(no rows)'}`);

    const reports = await rowsOf(
      'Reports',
      (rows) => rows.some((r) => r.label === 'Alex Kim') && rows.some((r) => r.label === 'Jordan Lee' && /lapsed/.test(r.description)),
      '"Alex Kim" and "Jordan Lee" described as lapsed',
    );
    const objectives = await rowsOf('Objectives', (rows) => rows.some((r) => r.label.startsWith('2026-Q4')), 'the OKR set "2026-Q4"');
    const item = 'Pair with Alex on the deploy pipeline runbook';
    const items = await rowsOf(
      'Action Items',
      (rows) => {
        const i = rows.findIndex((r) => r.label === 'Overdue');
        return i >= 0 && rows[i].expanded === 'true' && rows[i + 1]?.label === item;
      },
      `an expanded "Overdue" group whose first item is "${item}"`,
    );
    // By urgency: the lapsed report first (under "Reports": the sample team has a manager too), your own card last (issue 16).
    const people = reports.filter((r) => r.level === 2 || (r.level === 1 && !['Reports', 'Manager', 'Mentees'].includes(r.label))).map((r) => r.label);
    assert.deepEqual([people[0], people[people.length - 1]], ['Jordan Lee', 'Dana Whitfield'], `Reports order: ${people.join(', ')}`);
    console.log(`      Reports: ${reports.filter((r) => r.level === 1).map((r) => `${r.label} (${r.description})`).join('; ')}`);
    console.log(`      Objectives: ${objectives.filter((r) => r.level === 1).map((r) => `${r.label} (${r.description})`).join('; ')}`);
    console.log(`      Action Items: ${items.filter((r) => r.level === 1).map((r) => `${r.label} ${r.description}`).join('; ')}`);

    // A click on the overdue item opens its note with the cursor on its line.
    await pane('Action Items').locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: item }) }).first().click();
    await activeTab(page, '2026-11-06.md');
    await cursorLine(page, 26);
    await lineWith(page, item, `- [ ] ${item} @jordan due:2026-11-13`);
    await settle(page);
    await shot(page, 'trees');
  });

  // ---------------------------------------------------------------------
  // Issue 17: a running log in the editor, and the Reports tree by relationship.

  it("shows Morgan's log with a CodeLens on each meeting, and the Reports tree grouped by relationship", async function () {
    await quickOpen(page, '1on1s/morgan/morgan.md');
    await activeTab(page, 'morgan.md');
    // One lens per meeting heading: 2026-11-30 (prepared ahead), 2026-11-16, 2026-11-02.
    const lenses = await poll(
      page,
      async () => (await page.locator('.monaco-editor .codelens-decoration').allTextContents()).map(readable),
      (t) => t.includes('0 open · 2 talking points') && t.filter((x) => x === '0 open · 0 talking points').length === 2,
      30_000,
      (t) => `the log's meeting headings should carry "0 open · 2 talking points" and twice "0 open · 0 talking points"; lenses: ${JSON.stringify(t)}`,
    );
    console.log(`      lenses: ${lenses.join(' | ')}`);
    const reports = await poll(
      page,
      () => treeRows(viewPane(page, 'Reports')),
      (rows) => {
        const i = rows.findIndex((r) => r.label === 'Manager');
        return rows.some((r) => r.label === 'Reports') && i >= 0 && rows[i + 1]?.label === 'Morgan Reyes' && /2 talking points/.test(rows[i + 1].description);
      },
      30_000,
      (rows) => `the Reports tree should group people under "Reports" and "Manager" (Morgan, 2 talking points); it shows:\n${showRows(rows) || '(no rows)'}`,
    );
    console.log(`      Reports: ${reports.map((r) => `${'  '.repeat(r.level - 1)}${r.label} (${r.description})`).join('; ')}`);
    await settle(page);
    await shot(page, 'log');
    await runPaletteCommand(page, 'View: Close All Editors');
  });

  // ---------------------------------------------------------------------
  // Issue 15: notes as Obsidian writes them (Inês, Dana's mentee).

  it("reads Inês's Obsidian note: the [/] item past its 📅 date is overdue, and the wikilinked person shows in a hover", async function () {
    this.timeout(120_000);
    const line = 15;
    const text = '- [/] Draft the outline of the Payments guild talk [[ines]] 📅 2026-11-20';
    await quickOpen(page, '1on1s/ines/2026-11-11.md');
    await goToLine(page, line);
    await lineWith(page, 'Draft the outline', text);
    // The squiggle under the in-progress item, then its hover: the cursor inside "[[ines]]" (column 55).
    await poll(page, async () => page.locator('.monaco-editor .squiggly-warning').count(), (n) => n > 0, 30_000, () => `no warning squiggle in ${line}`);
    await page.keyboard.press('Home');
    for (let i = 0; i < 54; i++) await page.keyboard.press('ArrowRight');
    await poll(
      page,
      async () => readable(await page.locator('#status\\.editor\\.selection').textContent().catch(() => '')),
      (t) => new RegExp(`\\bLn ${line}, Col 55\\b`).test(t),
      15_000,
      (t) => `the cursor should be inside [[ines]] (Ln ${line}, Col 55); the status bar says "${t}"`,
    );
    const hoverSays = async (want: string[]) =>
      poll(
        page,
        async () => {
          const hover = page.locator('.monaco-editor .monaco-hover').filter({ hasText: want[0] });
          if (!(await hover.first().isVisible().catch(() => false))) {
            await page.keyboard.press('Control+K');
            await page.keyboard.press('Control+I');
            await hover.first().waitFor({ timeout: 3_000 }).catch(() => undefined);
          }
          return readable(await hover.first().textContent({ timeout: 1_000 }).catch(() => ''));
        },
        (t) => want.every((w) => t.includes(w)),
        30_000,
        (t) => `the hover should say ${want.map((w) => `"${w}"`).join(' and ')}; it says "${t}"`,
      );
    // One hover: the diagnostic on the item ([/] is open; 📅 is its due date) and the person the wikilink names.
    const said = await hoverSays(['Action item was due 2026-11-20', 'Inês Duarte', 'Engineer, Payments']);
    console.log(`      hover on [[ines]] in the [/] item: ${said.slice(0, 160)}`);
    await settle(page);
    await shot(page, 'obsidian-in-progress-overdue');
    await page.keyboard.press('Escape');
    // The front matter's `with: "[[ines]]"` is the person too (not an unknown "[[ines").
    await goToLine(page, 3);
    await lineWith(page, 'with:', 'with: "[[ines]]"');
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await hoverSays(['Inês Duarte', 'Engineer, Payments']);
    await settle(page);
    await shot(page, 'obsidian-wikilink-hover');
    await page.keyboard.press('Escape');
    await runPaletteCommand(page, 'View: Close All Editors');
  });

  // ---------------------------------------------------------------------
  // Issue 16: the documents Cadence writes, as a manager gets them.

  it('New 1:1 after carry-over: said in a notification with Undo, markers, nesting and source kept, the cursor on a new empty action line', async function () {
    this.timeout(120_000);
    const rel = '1on1s/alex/2026-11-22.md';
    const prevRel = '1on1s/alex/2026-11-19.md';
    const prevBefore = readFileSync(join(workspace, prevRel), 'utf8');
    await runPaletteCommand(page, 'Cadence: New 1:1…');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('@alex');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '@alex' }).first().click();
    // Then the date (issue 17): today in the box; a day that does not exist is refused in the box, and nothing is written.
    await inputBoxShows(page, 'Date of the 1:1 with Alex Kim', '2026-11-22');
    await typeIntoInputBox(page, '2026-02-30', '2026-02-30 is not a real date');
    await settle(page);
    await shot(page, 'new-1on1-date-refused');
    assert.ok(!existsSync(join(workspace, rel)), `${rel} was written before a date was accepted`);
    await typeIntoInputBox(page, '2026-11-22', 'YYYY-MM-DD, or in words');
    await acceptInputBox(page, 'New 1:1 on 2026-11-22');
    await activeTab(page, '2026-11-22.md', 30_000);
    const text = await poll(page, async () => (existsSync(join(workspace, rel)) ? readFileSync(join(workspace, rel), 'utf8') : ''), (t) => t.includes('## Action items'), 15_000, () => `${rel} was not written`);
    const lines = text.split('\n');
    const entry = lines.lastIndexOf('- [ ] ');
    assert.ok(entry > lines.indexOf('## Action items'), text);
    await cursorLine(page, entry + 1);
    await lineWith(page, 'Billing cluster', '- [ ] Billing cluster cutover plan @alex due:2026-11-30 (from [2026-11-19](2026-11-19.md))');
    // Nesting kept (the editor's lines read without their indentation: the file says it).
    assert.ok(lines.includes('  - [ ] Book the maintenance window with support @me due:2026-11-25'), text);
    // (Markdown wraps long lines in the editor: the file says the whole line.)
    // The Feedback section (issue 18) puts the OKRs above the first screen: go to it.
    await goToLine(page, lines.findIndex((l) => l.includes('O1/KR2')) + 1);
    await lineWith(page, 'O1/KR2');
    await goToLine(page, entry + 1);
    assert.ok(lines.includes('- 2026-Q4 O1/KR2 Keep p99 write latency under 15 ms during cutovers — score 0.86; slipping: status at-risk'), text);
    // The notification (they do not pop up headless: the notification centre shows it), with its Undo.
    await runPaletteCommand(page, 'Notifications: Show Notifications');
    const note = page.locator('.notifications-center .notification-list-item', { hasText: 'carried 3 open action items' }).first();
    await note.waitFor({ timeout: 15_000 });
    assert.ok(await note.locator('.monaco-button', { hasText: 'Undo' }).count(), 'the notification offers Undo');
    await settle(page);
    await shot(page, 'new-1on1-after-carry-over');
    await page.keyboard.press('Escape');
    // Undo, as the notification's button does: the note goes, the previous note is as it was.
    await note.locator('.monaco-button', { hasText: 'Undo' }).click().catch(async () => runPaletteCommand(page, "Cadence: Undo the Last New 1:1's Carry-Over"));
    await poll(page, async () => existsSync(join(workspace, rel)), (e) => !e, 20_000, () => `${rel} is still there after Undo`);
    await poll(page, async () => readFileSync(join(workspace, prevRel), 'utf8'), (t) => t === prevBefore, 20_000, (t) => `${prevRel} was not put back:\n${t}`);
    await runPaletteCommand(page, 'View: Close All Editors');
    console.log(`      New 1:1: cursor on line ${entry + 1} ("- [ ] "); carried 3 items; Undo put both files back`);
  });

  it('the OKR review pre-read reads as a document to send: decisions, what changed, slipping with why, no empty table', async function () {
    this.timeout(120_000);
    const rel = 'okr-reviews/2026-Q4-2026-11-29-pre-read.md';
    await runPaletteCommand(page, 'Cadence: Prepare OKR Review Pre-read…');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '2026-Q4' }).first().click();
    // The meeting date: a week from today by default.
    await poll(page, async () => input.inputValue(), (v) => v === '2026-11-29', 15_000, (v) => `the date box says "${v}"`);
    await page.keyboard.press('Enter');
    await activeTab(page, '2026-Q4-2026-11-29-pre-read.md', 30_000);
    const text = readFileSync(join(workspace, rel), 'utf8');
    for (const want of ['**Last decision:** re-scope, at the 2026-11-13 review.', '**Since the 2026-11-13 review:**', '**Slipping:**', '- KR1 — status at-risk; confidence 0.40 (below 0.5)', '**Not shown:** 4 open action items that concern Alex Kim']) {
      assert.ok(text.includes(want), `the pre-read lacks "${want}":\n${text}`);
    }
    // Rendered, as the attendees read it.
    await runPaletteCommand(page, 'Markdown: Open Preview');
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('h2', { hasText: 'O2 Make on-call humane' }).waitFor({ timeout: 30_000 });
    await preview.locator('h2', { hasText: 'O2 Make on-call humane' }).scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, 'pre-read');
    await runPaletteCommand(page, 'View: Close All Editors');
    rmSync(join(workspace, rel));
    await poll(page, () => treeRows(viewPane(page, 'Action Items')), (r) => !r.some((x) => x.label.startsWith('Send this pre-read')), 20_000, (r) => `the deleted pre-read's item is still listed:\n${showRows(r)}`);
  });

  // ---------------------------------------------------------------------
  // Issue 6: the dashboard, the board, click-through and screen-share mode.

  it('opens the dashboard with a card per report and Jordan lapsed (dark theme)', async function () {
    dashboardSince = Date.now();
    await runPaletteCommand(page, 'Cadence: Open Dashboard');
    await activeTab(page, 'Cadence Dashboard');
    const wv = dashboardFrame(page);
    const cards = await waitForCards(page, CARDS);
    assert.deepEqual(cards.map((c) => c.name).sort(), ['Alex Kim', 'Inês Duarte', 'Jordan Lee', 'Morgan Reyes', 'Priya Raman', 'Sam Ortiz'], `cards: ${JSON.stringify(cards)}`);
    const jordan = cards.find((c) => c.name === 'Jordan Lee')!;
    assert.equal(jordan.badge, 'Lapsed', `Jordan's card badge: ${JSON.stringify(jordan)}`);
    for (const c of cards.filter((x) => x !== jordan)) assert.notEqual(c.badge, 'Lapsed', `${c.name} should not be lapsed: ${JSON.stringify(c)}`);
    const body = await wv.locator('body').getAttribute('class');
    assert.match(body ?? '', /\bvscode-dark\b/, `the dashboard body should follow the dark theme; class="${body}"`);
    console.log(`      cards: ${cards.map((c) => `${c.name} [${c.badge}]`).join(', ')}`);
    // Cards by urgency: Jordan (lapsed) first.
    assert.equal(cards[0].name, 'Jordan Lee', `the lapsed report's card comes first: ${cards.map((c) => c.name).join(', ')}`);

    // SPEC §18: the overview's tiles and the status bar count the same items (15 open, 2 overdue: Jordan's, and Inês's [/] in progress).
    const tile = async (label: string) => Number(await wv.locator('.tiles .tile', { has: wv.locator('.tile-label', { hasText: label }) }).locator('.tile-value').first().textContent());
    const statusBar = await poll(
      page,
      async () => (await page.locator('.statusbar-item', { hasText: /overdue ·/ }).first().textContent().catch(() => '')) ?? '',
      (t) => /\d+ overdue/.test(t),
      15_000,
      (t) => `no Cadence status-bar item: "${t}"`,
    );
    assert.deepEqual([await tile('open action items'), await tile('overdue item')], [15, 2], 'the overview tiles');
    assert.match(statusBar, /\b2 overdue · 1 lapsed/, `the status bar: "${statusBar}"`);
    // The page is not one live region re-read on every update (issue 16): only a small status region is.
    const live = await wv.locator('[aria-live]').evaluateAll((els) => els.map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`));
    assert.deepEqual(live, ['div#.visually-hidden'], `aria-live regions: ${JSON.stringify(live)}`);
    console.log(`      overview tiles: 15 open, 2 overdue; status bar "${statusBar.trim()}"`);
    await settle(page);
    await shot(page, 'dashboard-dark');

    await selectDashboardTab(page, 'board');
    const columns = await wv.locator('.board .column').evaluateAll((els) =>
      els.map((e) => `${e.querySelector('.col-head h3')?.textContent ?? '?'} ${e.querySelectorAll('.kr-card').length}`),
    );
    assert.equal(columns.length, 5, `the board should have five status columns (every key result has a status): ${JSON.stringify(columns)}`);
    // At 1440×900 with the side bar open the last column fits, or the columns wrap: nothing is cut off.
    const fit = await wv.locator('.board').evaluate((b) => {
      const cols = Array.from(b.querySelectorAll('.column')).map((c) => c.getBoundingClientRect());
      return { right: Math.round(Math.max(...cols.map((r) => r.right))), page: document.documentElement.clientWidth, pageScroll: document.documentElement.scrollWidth, board: b.clientWidth, boardScroll: b.scrollWidth, rows: new Set(cols.map((r) => Math.round(r.top))).size };
    });
    assert.ok(fit.right <= fit.page && fit.pageScroll <= fit.page + 1 && fit.boardScroll <= fit.board + 1, `a board column is cut off: ${JSON.stringify(fit)}`);
    // Why each slipping key result is listed, on its card (Q4: O1 KR2, O2 KR1, O3 KR1, O4 KR1, O4 KR2).
    const slipping = await wv.locator('.kr-card .slipping').allTextContents();
    assert.equal(slipping.length, 5, `slipping notes: ${JSON.stringify(slipping)}`);
    assert.ok(slipping.every((t) => /^⚑ Slipping: (status|confidence|behind)/.test(t)), JSON.stringify(slipping));
    console.log(`      board columns: ${columns.join(', ')}; ${fit.rows} row(s), rightmost edge ${fit.right}px of ${fit.page}px`);
    await settle(page);
    await shot(page, 'board-dark');
  });

  it('clicks through from a board card to its key result in the OKR file', async function () {
    const wv = dashboardFrame(page);
    await selectDashboardTab(page, 'board');
    const title = 'Migrate all 40 production databases';
    await wv.locator('.kr-card', { hasText: title }).click();
    await activeTab(page, '2026-Q4.okr.yaml');
    // The card's location is the key result's first line (`- id: KR1` of O1).
    const okr = readFileSync(join(workspace, 'okrs', '2026-Q4.okr.yaml'), 'utf8').split('\n');
    const line = okr.findIndex((l, i) => /^\s*- id: KR1\b/.test(l) && okr[i + 1]?.includes(title)) + 1;
    assert.ok(line > 0, 'the sample OKR file has no O1 KR1');
    await cursorLine(page, line);
    console.log(`      opened okrs/2026-Q4.okr.yaml at line ${line}; tabs: ${(await tabs(page)).join(', ')}`);

    // Back to the dashboard: it restores the tab it was on.
    await page.locator('.tabs-container .tab[aria-label^="Cadence Dashboard"]').click();
    await activeTab(page, 'Cadence Dashboard');
    await dashboardFrame(page).locator('#tab-board[aria-selected="true"]').waitFor({ timeout: 30_000 });
  });

  // ---------------------------------------------------------------------
  // The dashboard used by keyboard, drag and menu, live, and in a narrow
  // editor (dashboard-use.ts; once scripts/preview-dashboard.ts, outside VS Code).

  it('drives the dashboard by keyboard: the tab list, and a chart point that opens its 1:1 and keeps the focus through a live update', async function () {
    await dashboard.tabListByKeyboard(page);
    console.log(`      ${await dashboard.chartByKeyboard(page, expected(), workspace)}`);
  });

  it('moves key results on the board by Alt+arrows, drag and drop and the card menu, each saved in the OKR file; Enter opens one', async function () {
    console.log(`      ${await dashboard.boardMoves(page, expected(), workspace)}`);
  });

  it('marks every lapsed week of the heatmap with "!" and says so to a screen reader', async function () {
    console.log(`      ${await dashboard.lapsedWeeks(page, expected())} lapsed weeks marked`);
  });

  it('fits a narrow editor: no tab of the dashboard scrolls sideways', async function () {
    await page.setViewportSize({ width: 900, height: 900 });
    try {
      const widths = await dashboard.noSidewaysScroll(page, 'a 900 px window');
      await selectDashboardTab(page, 'overview');
      await settle(page);
      await shot(page, 'dashboard-narrow');
      console.log(`      content/page width: ${widths.join(', ')}`);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('blurs names, ratings and note text in screen-share mode and hides names in the trees', async function () {
    const wv = dashboardFrame(page);
    await selectDashboardTab(page, 'overview');
    await waitForCards(page, CARDS);
    const toggle = wv.locator('button.toggle[data-focus="screen-share"]');
    await toggle.click();
    await wv.locator('body.screen-share').waitFor({ timeout: 15_000 });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the screen-share button should be pressed');
    const blur = await wv.locator('.card.person .name.sensitive').first().evaluate((el) => getComputedStyle(el).filter);
    assert.match(blur, /blur\(/, `a report's name should be blurred; its filter is "${blur}"`);
    const clear = await wv.locator('.person .name, .heatmap .row-name .clip, .signal-text').evaluateAll((els) => els.filter((e) => !getComputedStyle(e).filter.includes('blur')).map((e) => e.className));
    assert.deepEqual(clear, [], 'every name on the overview, and every signal, is blurred');
    const tooltips = await wv.locator('svg.chart title, .heatmap td[title]').count();
    assert.equal(tooltips, 0, 'no hover tooltip reveals a rating or a name in screen-share mode');
    // The Reports tree replaces names with "Person n".
    const reports = viewPane(page, 'Reports');
    const rows = await poll(
      page,
      () => treeRows(reports),
      (r) => r.some((x) => /^Person \d+$/.test(x.label)) && !r.some((x) => x.label === 'Alex Kim'),
      15_000,
      (r) => `in screen-share mode the Reports tree should show "Person n" instead of names; it shows:\n${showRows(r)}`,
    );
    console.log(`      screen-share trees: ${rows.filter((r) => r.level === 1).map((r) => r.label).join(', ')}; name filter: ${blur}`);
    await settle(page);
    await shot(page, 'dashboard-screenshare');

    // A private 1:1 open in the editor is masked too, and the status bar says the mode is on.
    await quickOpen(page, '1on1s/alex/2026-11-19.md');
    const masked = await poll(
      page,
      () =>
        page.locator('.editor-instance .view-lines .view-line').evaluateAll((lines) =>
          lines
            .filter((l) => (l.textContent ?? '').trim())
            .map((l) => {
              const spans = Array.from(l.querySelectorAll('span span')).filter((x) => (x.textContent ?? '').trim());
              return spans.every((x) => getComputedStyle(x).color === 'rgba(0, 0, 0, 0)');
            }),
        ),
      (m) => m.length > 5 && m.every(Boolean),
      15_000,
      (m) => `the private note's text is not masked in the editor: ${JSON.stringify(m)}`,
    );
    const badge = await page.locator('.statusbar-item', { hasText: 'Screen-share' }).first().textContent({ timeout: 10_000 });
    console.log(`      editor: ${masked.length} lines of the private note masked; status bar "${(badge ?? '').trim()}"`);
    await settle(page);
    await shot(page, 'editor-screenshare');
    await page.locator('.tabs-container .tab[aria-label^="Cadence Dashboard"]').click();
    await activeTab(page, 'Cadence Dashboard');

    await toggle.click();
    await poll(page, async () => (await wv.locator('body').getAttribute('class')) ?? '', (c) => !/\bscreen-share\b/.test(c), 15_000, (c) => `screen-share mode did not turn off (body class "${c}")`);
    await poll(page, () => treeRows(reports), (r) => r.some((x) => x.label === 'Alex Kim'), 15_000, (r) => `names did not come back in the Reports tree:\n${showRows(r)}`);
  });

  // ---------------------------------------------------------------------
  // Issues 6 and 8: hostile note text in the real browser.

  it('renders hostile note text as inert text, clipped, under a strict CSP', async function () {
    const hostileSince = Date.now();
    hostile.writeHostile(workspace); // the dashboard updates live from the file watcher
    try {
      await checkHostile(hostileSince);
    } finally {
      // Back to the sample team for the light-theme pictures, pass or fail.
      hostile.removeHostile(workspace);
    }
    // Deleting the notes takes them out of the dashboard and the trees, live.
    await selectDashboardTab(page, 'overview');
    await waitForCards(page, CARDS, 45_000);
    await poll(
      page,
      () => treeRows(viewPane(page, 'Action Items')),
      (r) => !r.some((x) => x.label === hostile.ITEM_SCRIPT),
      15_000,
      (r) => `the Action Items tree still lists the deleted note's item:\n${showRows(r)}`,
    );
  });

  async function checkHostile(hostileSince: number): Promise<void> {
    const wv = dashboardFrame(page);
    const cards = await waitForCards(page, CARDS + 1, 45_000);
    assert.ok(cards.some((c) => c.name === hostile.NAME), `no card named with the hostile text; names: ${JSON.stringify(cards.map((c) => c.name))}`);

    // The hostile strings are there as text, exactly.
    const card = wv.locator('.people-grid .card.person').filter({ has: wv.locator('.card-head .name', { hasText: hostile.NAME }) });
    assert.equal(await card.locator('.card-head .name').textContent(), hostile.NAME);
    assert.equal(await card.locator('.role .sensitive').textContent(), hostile.ROLE, 'the 10,000-character role should be the text of its element');
    // The live region announced what changed (not the whole page).
    const said = await poll(page, async () => (await wv.locator('[role="status"][aria-live="polite"]').textContent()) ?? '', (t) => /Added/.test(t), 30_000, (t) => `the live region says "${t}"`);
    console.log(`      announced: "${said.slice(0, 160)}${said.length > 160 ? '…' : ''}"`);
    // The hostile 1:1 (a rating gap of 3) gives a signal that names the person.
    await poll(
      page,
      () => wv.locator('.signal-text').allTextContents(),
      (t) => t.some((x) => x.startsWith(`${hostile.NAME}: you rated 4, they rated 1`)),
      30_000,
      (t) => `the rating-gap signal should name the hostile person as text; signals: ${JSON.stringify(t)}`,
    );
    const heat = (await wv.locator('.heatmap tbody th').allTextContents()).filter((t) => t.includes(hostile.NAME));
    assert.equal(heat.length, 1, 'the heatmap should have a row named with the hostile text');

    // Nothing from the notes became markup, and the layout held.
    const dom = await inspectDom(wv);
    assert.deepEqual(dom.fromNotes, [], `elements made from note text: ${JSON.stringify(dom.fromNotes)}`);
    assert.match(dom.csp, /default-src 'none'/, `the dashboard's CSP: "${dom.csp}"`);
    assert.match(dom.csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/, `the dashboard's CSP: "${dom.csp}"`);
    assert.doesNotMatch(dom.csp, /script-src[^;]*('unsafe-inline'|'unsafe-eval'|\*|https?:)/, `the dashboard's CSP allows more scripts than its nonce: "${dom.csp}"`);
    const layout = await card.evaluate((el) => {
      const role = el.querySelector('.role')!.getBoundingClientRect();
      const all = Array.from(document.querySelectorAll('.people-grid .card.person')).map((c) => Math.round(c.getBoundingClientRect().width));
      return {
        card: Math.round(el.getBoundingClientRect().width),
        role: Math.round(role.width),
        roleHeight: Math.round(role.height),
        cards: all,
        pageScroll: document.documentElement.scrollWidth,
        pageWidth: document.documentElement.clientWidth,
      };
    });
    assert.ok(layout.role <= layout.card, `the 10,000-character role is wider than its card: ${JSON.stringify(layout)}`);
    assert.ok(layout.roleHeight < 40, `the 10,000-character role should be clipped to one line: ${JSON.stringify(layout)}`);
    assert.ok(Math.max(...layout.cards) - Math.min(...layout.cards) <= 1, `the hostile card should be as wide as the others: ${JSON.stringify(layout)}`);
    assert.ok(layout.pageScroll <= layout.pageWidth + 1, `the overview scrolls sideways: ${JSON.stringify(layout)}`);
    console.log(`      overview: ${cards.length} cards, hostile card ${layout.card}px wide, its 10k role ${layout.role}×${layout.roleHeight}px`);
    console.log(`      CSP "${dom.csp}"; scripts: ${dom.scripts.join(', ')}`);
    await settle(page);
    await shot(page, 'dashboard-hostile');

    // OKRs tab and board: choose the hostile set, as a user would (the
    // dashboard keeps the set chosen earlier in the run).
    await selectDashboardTab(page, 'okrs');
    const picker = wv.locator('select.set-picker').first();
    await poll(page, async () => (await picker.locator('option').allTextContents()).join('|'), (t) => t.includes(hostile.SET_PERIOD), 15_000, (t) => `the set picker should offer ${hostile.SET_PERIOD}; it offers ${t}`);
    await picker.selectOption({ value: hostile.SET_PERIOD });
    const objective = wv.locator('.objective .obj-title').first();
    await poll(page, async () => (await objective.textContent()) ?? '', (t) => t === hostile.OBJECTIVE, 15_000, (t) => `the OKRs tab's first objective should read as the hostile text; it reads "${t.slice(0, 200)}"`);
    const okrsDom = await inspectDom(wv);
    assert.deepEqual(okrsDom.fromNotes, [], `elements made from note text on the OKRs tab: ${JSON.stringify(okrsDom.fromNotes)}`);
    await selectDashboardTab(page, 'board');
    const long = wv.locator('.kr-card').filter({ has: wv.locator('.kr-card-title', { hasText: hostile.KR_LONG.slice(0, 60) }) });
    await long.waitFor({ timeout: 15_000 });
    assert.equal(await long.locator('.kr-card-title').textContent(), hostile.KR_LONG);
    assert.equal(await wv.locator('.kr-card-title', { hasText: 'evil.example/x.js' }).textContent(), hostile.KR_SCRIPT);
    const board = await long.evaluate((el) => {
      const title = el.querySelector('.kr-card-title')!.getBoundingClientRect();
      const col = el.closest('.column')!.getBoundingClientRect();
      return { card: Math.round(el.getBoundingClientRect().width), column: Math.round(col.width), title: Math.round(title.width), titleHeight: Math.round(title.height), cardHeight: Math.round(el.getBoundingClientRect().height) };
    });
    assert.ok(board.title <= board.card && board.card <= board.column, `the 10,000-character key result overflows its card: ${JSON.stringify(board)}`);
    assert.ok(board.titleHeight < 80, `the 10,000-character key-result title should be clamped to three lines: ${JSON.stringify(board)}`);
    const boardDom = await inspectDom(wv);
    assert.deepEqual(boardDom.fromNotes, [], `elements made from note text on the board: ${JSON.stringify(boardDom.fromNotes)}`);
    console.log(`      board: 10k key-result card ${board.card}px in a ${board.column}px column, title ${board.title}×${board.titleHeight}px`);
    await settle(page);
    await shot(page, 'board-hostile');

    // The trees show the hostile item text as a label, nothing more.
    // (A tree draws only the rows in view: the item, due 11-27, can be below them; the list is scrolled until it shows.)
    const items = viewPane(page, 'Action Items');
    const rowsScrolled = async () => {
      const r = await treeRows(items);
      if (!r.some((x) => x.label === hostile.ITEM_SCRIPT)) {
        await items.locator('.monaco-list').first().hover({ timeout: 2_000 }).catch(() => undefined);
        await page.mouse.wheel(0, 120);
      }
      return r;
    };
    await poll(page, rowsScrolled, (r) => r.some((x) => x.label === hostile.ITEM_SCRIPT), 20_000, (r) => `the Action Items tree should list "${hostile.ITEM_SCRIPT}" as text:\n${showRows(r)}`);

    // No payload ran anywhere: not in the dashboard, not in its host frame, not in the workbench.
    const ran = await pwnedInFrames(page);
    assert.deepEqual(ran, [], `hostile note text ran script: ${JSON.stringify(ran)}`);
    assert.deepEqual(dialogs, [], `hostile note text opened a dialog: ${JSON.stringify(dialogs)}`);
    const remote = remoteRequests(requests, origin, hostileSince);
    assert.deepEqual(remote, [], `requests to hosts other than ${origin} while the hostile notes were shown:\n${remote.join('\n')}`);
  }

  it('follows a light colour theme', async function () {
    const wv = dashboardFrame(page);
    await selectDashboardTab(page, 'overview');
    await pickColorTheme(page, 'Light Modern');
    await poll(page, async () => (await wv.locator('body').getAttribute('class')) ?? '', (c) => /\bvscode-light\b/.test(c), 15_000, (c) => `the dashboard did not switch to the light theme (body class "${c}")`);
    const workbench = await page.locator('.monaco-workbench').getAttribute('class');
    assert.match(workbench ?? '', /\bvs\b(?!-dark)/, `the workbench should be light: "${workbench}"`);
    const bg = await wv.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.ok(luminance(bg) > 0.6, `the dashboard's background should be light in a light theme; it is ${bg}`);
    await waitForCards(page, CARDS);
    await settle(page);
    await shot(page, 'dashboard-light');
    await selectDashboardTab(page, 'board');
    await settle(page);
    await shot(page, 'board-light');
    console.log(`      light theme: dashboard background ${bg}`);
  });

  it('follows a high-contrast theme: lines in its contrast colour on black', async function () {
    const wv = dashboardFrame(page);
    await selectDashboardTab(page, 'overview');
    await pickColorTheme(page, 'Dark High Contrast');
    try {
      await poll(page, async () => (await wv.locator('body').getAttribute('class')) ?? '', (c) => /\bvscode-high-contrast\b/.test(c), 15_000, (c) => `the dashboard did not switch to high contrast (body class "${c}")`);
      const colours = await wv.locator('.tabs').first().evaluate((strip) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--vscode-contrastBorder)';
        document.body.appendChild(probe);
        const contrast = getComputedStyle(probe).color;
        probe.remove();
        return { border: getComputedStyle(strip).borderBottomColor, contrast, background: getComputedStyle(document.body).backgroundColor };
      });
      assert.equal(colours.border, colours.contrast, `the tab strip's line should be the theme's contrast border: ${JSON.stringify(colours)}`);
      assert.ok(luminance(colours.background) < 0.05, `the high-contrast background should be black: ${colours.background}`);
      await waitForCards(page, CARDS);
      await settle(page);
      await shot(page, 'dashboard-high-contrast');
      await selectDashboardTab(page, 'board');
      await settle(page);
      await shot(page, 'board-high-contrast');
      console.log(`      high contrast: tab strip line ${colours.border}, background ${colours.background}`);
    } finally {
      // Back to the light theme the light pass left.
      await pickColorTheme(page, 'Light Modern');
    }
  });

  it('the dashboard reported no script error and broke no CSP rule', async function () {
    assert.deepEqual(webviewErrors, [], 'errors in the dashboard frames');
    const logs = join(run.root, 'data', 'logs');
    const cadenceLogs = existsSync(logs) ? findFiles(logs, 'Cadence.log') : [];
    assert.ok(cadenceLogs.length > 0, `no Cadence.log under ${logs}`);
    const forwarded = cadenceLogs.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => /\[error\] Dashboard:/.test(l)));
    assert.deepEqual(forwarded, [], 'errors the dashboard forwarded to the extension log');
  });

  it('made no request to any host but the code-server while the dashboard was open', async function () {
    assert.ok(Number.isFinite(dashboardSince), 'the dashboard was never opened');
    const seen = requests.filter((r) => r.at >= dashboardSince);
    const remote = remoteRequests(requests, origin, dashboardSince);
    assert.deepEqual(remote, [], `requests to hosts other than ${origin} while the dashboard was open:\n${remote.join('\n')}`);
    const evil = requests.filter((r) => r.url.includes('evil.example'));
    assert.deepEqual(evil.map((r) => r.url), [], 'a URL from the hostile notes was requested');
    // The recorder does see into the webview: the dashboard's own script, loaded by its frame.
    assert.ok(
      seen.some((r) => r.type === 'script' && /\/dist\/webview\.js$/.test(r.url) && /\/webview\/browser\/pre\//.test(r.frame)),
      `the dashboard's webview.js request from its frame was not recorded; requests seen:\n${seen.map((r) => `${r.type} ${r.url.slice(0, 120)}`).join('\n')}`,
    );
    // …and it flags a request to another host: the workbench asks 127.0.0.2, where nothing listens.
    const canarySince = Date.now();
    const asked = page.waitForEvent('request', { predicate: (r) => r.url().includes('127.0.0.2'), timeout: 10_000 });
    await page.evaluate(() => {
      new Image().src = 'https://127.0.0.2:9/canary.png';
    });
    await asked;
    const canary = remoteRequests(requests, origin, canarySince);
    assert.ok(canary.some((r) => r.includes('127.0.0.2:9/canary.png')), `the request recorder missed a request to another host: ${JSON.stringify(canary)}`);
    const hosts = [...new Set(seen.map((r) => hostOf(r.url)))];
    const sw = seen.filter((r) => r.fromServiceWorker).length;
    if (process.env.CADENCE_E2E_REQUESTS) for (const r of seen) console.log(`        ${r.type} ${r.url.slice(0, 140)}${r.fromServiceWorker ? ' (service worker)' : ''}${r.failed ? ` [${r.failed}]` : ''} ← ${r.frame.slice(0, 100) || '(worker)'}`);
    console.log(`      ${seen.length} requests since the dashboard opened (${sw} answered by the webview's service worker); hosts: ${hosts.join(', ')}`);
  });

  // ---------------------------------------------------------------------
  // Issue 6: the dashboard restores after a reload, and screen-share mode
  // survives it. Last, so the reload disturbs no other test (the request
  // check above has already run).

  it('restores the dashboard on its Board tab, in screen-share mode, after a window reload', async function () {
    this.timeout(180_000);
    const reports = viewPane(page, 'Reports');
    const personRows = (r: Awaited<ReturnType<typeof treeRows>>) => r.some((x) => x.level === 1 && /^Person \d+$/.test(x.label)) && !r.some((x) => x.label === 'Alex Kim');

    // Before: the dashboard open on its Board tab, screen-share on.
    await runPaletteCommand(page, 'Cadence: Open Dashboard');
    await activeTab(page, 'Cadence Dashboard');
    await selectDashboardTab(page, 'board');
    let wv = dashboardFrame(page);
    const toggle = wv.locator('button.toggle[data-focus="screen-share"]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'screen-share mode should be off before this test turns it on');
    await toggle.click();
    await wv.locator('body.screen-share').waitFor({ timeout: 15_000 });
    await wv.locator('#tab-board[aria-selected="true"]').waitFor({ timeout: 10_000 });
    await poll(page, () => treeRows(reports), personRows, 15_000, (r) => `before the reload the Reports tree should show "Person n"; it shows:\n${showRows(r)}`);
    // A file in front of it: after the reload the dashboard's tab is restored but hidden (VS Code revives a hidden webview only when shown).
    await quickOpen(page, 'okrs/2026-Q4.okr.yaml');

    // Reload the window the way a person does. A marker on the old page's
    // window proves the page really was replaced.
    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>).__beforeReload = true;
    });
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
    const started = Date.now();
    await runPaletteCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.waitForLoadState('domcontentloaded', { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    const marker = await page.evaluate(() => (window as unknown as Record<string, unknown>).__beforeReload);
    assert.equal(marker, undefined, 'the page was not reloaded (the marker set before "Developer: Reload Window" is still there)');

    // The dashboard's tab is back, behind the OKR file.
    const tab = page.locator('.tabs-container .tab[aria-label^="Cadence Dashboard"]');
    try {
      await tab.waitFor({ timeout: 60_000 });
    } catch {
      assert.fail(`after the reload there is no "Cadence Dashboard" tab; tabs: ${JSON.stringify(await tabs(page))}`);
    }
    await activeTab(page, '2026-Q4.okr.yaml', 30_000);
    // Once Cadence is running again (its trees are back, still in screen-share mode)…
    await poll(page, () => treeRows(reports), personRows, 60_000, (r) => `after the reload the Reports tree should show "Person n"; it shows:\n${showRows(r)}`);
    // …"Open Dashboard" shows the restored tab rather than opening a second one (issue 16).
    await runPaletteCommand(page, 'Cadence: Open Dashboard');
    await activeTab(page, 'Cadence Dashboard', 30_000);
    await page.waitForTimeout(1_000);
    assert.equal(await tab.count(), 1, `Open Dashboard after a reload opened a second dashboard; tabs: ${JSON.stringify(await tabs(page))}`);
    wv = dashboardFrame(page);
    await wv.locator('#tab-board').waitFor({ timeout: 60_000 });
    await poll(
      page,
      async () => ({
        selected: await wv.locator('[role="tab"][aria-selected="true"]').allTextContents().catch(() => [] as string[]),
        body: (await wv.locator('body').getAttribute('class').catch(() => null)) ?? '',
        busy: await wv.locator('#panel[aria-busy="true"]').count().catch(() => -1),
        columns: await wv.locator('.board .column').count().catch(() => -1),
      }),
      (s) => s.selected.length === 1 && s.selected[0].includes('Board') && /\bscreen-share\b/.test(s.body) && s.busy === 0 && s.columns === 5,
      30_000,
      (s) => `after the reload the dashboard should show its Board tab (5 columns, drawn) in screen-share mode; it shows ${JSON.stringify(s)}`,
    );
    const pressed = await wv.locator('button.toggle[data-focus="screen-share"]').getAttribute('aria-pressed');
    assert.equal(pressed, 'true', 'after the reload the screen-share button should still be pressed');
    const blur = await wv.locator('.kr-card .sensitive').first().evaluate((el) => getComputedStyle(el).filter).catch(() => '(no .kr-card .sensitive)');
    const rows = await poll(page, () => treeRows(reports), personRows, 30_000, (r) => `after the reload the Reports tree should still show "Person n" instead of names; it shows:\n${showRows(r)}`);
    const cards = await wv.locator('.kr-card').count();
    console.log(`      reloaded in ${((Date.now() - started) / 1000).toFixed(1)} s; tabs: ${(await tabs(page)).join(', ')}; board: ${cards} cards; Reports: ${rows.filter((r) => r.level === 1).map((r) => r.label).join(', ')}; a card's filter: ${blur}`);
    await settle(page);
    await shot(page, 'dashboard-after-reload');

    // Back as the other tests leave it: screen-share off, names back, the overview shown.
    const after = wv.locator('button.toggle[data-focus="screen-share"]');
    await after.click();
    await poll(page, async () => (await wv.locator('body').getAttribute('class')) ?? '', (c) => !/\bscreen-share\b/.test(c), 15_000, (c) => `screen-share mode did not turn off after the reload (body class "${c}")`);
    await poll(page, () => treeRows(reports), (r) => r.some((x) => x.label === 'Alex Kim'), 15_000, (r) => `names did not come back in the Reports tree:\n${showRows(r)}`);
    await selectDashboardTab(page, 'overview');
    await waitForCards(page, CARDS);
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await shotTo(page, screenshots, name);
}

/** Files named `name` anywhere under dir. */
function findFiles(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? findFiles(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : []));
}

/** The installed package.json as VS Code shows it: each "%key%" from the package.nls.json beside it. */
function readManifest(file: string): Manifest {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const nls = join(dirname(file), 'package.nls.json');
  return existsSync(nls) ? localize(raw, JSON.parse(readFileSync(nls, 'utf8')) as Record<string, string>) : raw;
}

/**
 * Commands whose visible effect this test knows exactly (matched against the
 * description waitForEffect returns); any other command only has to change
 * something visible without an error.
 */
const KNOWN_EFFECTS: Record<string, RegExp> = {
  'cadence.reindex': /notification "Cadence: indexed \d+ files; \d+ problems?\."/,
};

/** Prefer a command whose effect this test knows; else the first one. */
function pickCommand<T extends { command: string }>(commands: T[]): T {
  for (const id of Object.keys(KNOWN_EFFECTS)) {
    const found = commands.find((c) => c.command === id);
    if (found) return found;
  }
  return commands[0];
}

interface VisibleState {
  tabs: string[];
  toasts: string[];
  bell: string;
  quickInputOpen: boolean;
  activePanel: string;
  activeViewlet: string;
}

/** What a person sees change when a command does something; reading it changes nothing. */
async function visibleState(page: Page): Promise<VisibleState> {
  const text = async (selector: string) =>
    (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return {
    tabs: await text('.tabs-container .tab .label-name'),
    toasts: await text('.notifications-toasts .notification-list-item-message'),
    // The status bar bell gets a dot (another icon) when a notification arrives.
    bell: (await page.locator('#status\\.notifications .codicon').first().getAttribute('class').catch(() => null)) ?? '',
    quickInputOpen: await page.locator('.quick-input-widget').isVisible(),
    activePanel: (await text('.part.panel .composite.title .action-item.checked')).join('|'),
    activeViewlet: (await text('.part.sidebar .composite.title h2')).join('|'),
  };
}

/** Opens the notification centre (they do not pop up headless), reads it, closes it. */
async function readNotifications(page: Page): Promise<string[]> {
  await runPaletteCommand(page, 'Notifications: Show Notifications');
  const items = page.locator('.notifications-center .notification-list-item-message');
  await items.first().waitFor({ timeout: 5_000 }).catch(() => undefined);
  const texts = (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  await page.keyboard.press('Escape');
  return texts;
}

/** Waits until the command has visibly done something; returns what changed. */
async function waitForEffect(page: Page, before: VisibleState, commandId: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  let now = before;
  while (Date.now() < deadline) {
    now = await visibleState(page);
    if (describeChanges(before, now).length > 0) {
      // The bell can change before its toast has rendered: let it settle.
      await page.waitForTimeout(750);
      return describeChanges(before, await visibleState(page)).join('; ');
    }
    await page.waitForTimeout(250);
  }
  assert.fail(`running ${commandId} changed nothing visible in 30 s (state: ${JSON.stringify(now)})`);
}

function describeChanges(before: VisibleState, now: VisibleState): string[] {
  const changes: string[] = [];
  const newTabs = now.tabs.filter((t) => !before.tabs.includes(t));
  if (newTabs.length) changes.push(`editor tab "${newTabs.join('", "')}"`);
  if (now.quickInputOpen && !before.quickInputOpen) changes.push('a quick pick opened');
  if (now.activePanel !== before.activePanel) changes.push(`panel "${now.activePanel}"`);
  if (now.activeViewlet !== before.activeViewlet) changes.push(`side bar "${now.activeViewlet}"`);
  const newToasts = now.toasts.filter((t) => !before.toasts.includes(t));
  if (newToasts.length) changes.push(`notification "${newToasts.join('" / "')}"`);
  else if (now.bell !== before.bell) changes.push('a new notification (bell)');
  return changes;
}

/**
 * A missing or throwing command also changes something visible: VS Code's
 * error notification. Reads every notification (also those that never
 * showed as a toast) and fails on one about the command.
 */
async function assertNotBroken(page: Page, before: VisibleState, commandId: string): Promise<void> {
  const now = await visibleState(page);
  if (now.bell === before.bell || now.quickInputOpen) return; // nothing new to read; keep a quick pick open
  const messages = await readNotifications(page);
  const broken = messages.find((m) => m.includes(commandId) && /not found|failed|error/i.test(m));
  assert.equal(broken, undefined, `running ${commandId} failed: ${broken}`);
}
