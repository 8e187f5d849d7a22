// UI pass, part two: the getting-started walkthrough and Cadence in the
// Markdown preview, as a person sees them in code-server with the packaged
// .vsix installed and the sample team open. Screenshots go to
// test-results/screenshots/ with a w- prefix (this file runs after
// ui.test.ts, which clears that folder first): look at them.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { installVsix, launchBrowser, makeRunDir, readTestEnv, startServer, workbenchUrl, type RunDir } from '../../scripts/lib/code-server';
import { acceptQuickPick, endRun, poll, quickOpen, readable, runPaletteCommand, shot as shotTo } from './workbench';

const repo = resolve(__dirname, '..', '..');
const screenshots = join(repo, 'test-results', 'screenshots');
const SAMPLE_TODAY = '2026-11-22';

async function shot(page: Page, name: string): Promise<void> {
  await shotTo(page, screenshots, `w-${name}`);
}

/** The Markdown preview's document: a webview, two frames deep. */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

describe('UI pass: the walkthrough and the Markdown preview', function () {
  this.timeout(120_000);
  let run: RunDir;
  let browser: Browser;
  let page: Page;
  let failed = false;

  before(async function () {
    this.timeout(240_000);
    const env = readTestEnv();
    const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
    const vsix = resolve(process.env.CADENCE_VSIX ?? join(repo, `cadence-${version}.vsix`));
    assert.ok(existsSync(vsix), `no ${vsix}: run "npm run build && npm run package" first`);
    run = makeRunDir('cadence-e2e-walkthrough', { 'workbench.colorTheme': 'Default Dark Modern' });
    installVsix(env, run, vsix);
    const workspace = join(run.root, 'workspace', 'team');
    cpSync(join(repo, 'samples', 'team'), workspace, { recursive: true });
    const server = await startServer(env, run, { extraEnv: { CADENCE_TODAY: process.env.CADENCE_TODAY ?? SAMPLE_TODAY } });
    browser = await launchBrowser(env, run);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(workbenchUrl(server, workspace), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await page.locator('#status\\.problems').waitFor({ timeout: 60_000 });
    // Cadence is active and its contributions are in the palette once its status-bar item shows.
    await page.locator('.statusbar-item', { hasText: 'overdue' }).first().waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    if (page) await shot(page, `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
  });

  after(async function () {
    this.timeout(60_000);
    await endRun(run, failed);
  });

  it('Cadence: Get Started opens the walkthrough with its four steps', async function () {
    await runPaletteCommand(page, 'Cadence: Get Started');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.waitFor({ timeout: 30_000 });
    const titles = ['Bring in your team', 'Write a 1:1 and fix an action item', 'See the whole team', 'Check before every commit'];
    const text = await poll(
      page,
      async () => readable(await walkthrough.textContent()),
      (t) => titles.every((x) => t.includes(x)),
      30_000,
      (t) => `the walkthrough shows: ${t.slice(0, 600)}`,
    );
    assert.match(text, /Get Started with Cadence/);
    // The first step is open: its buttons and its page (Markdown media) beside it.
    await page.locator('.getting-started-step.expanded').getByText('Copy In the Sample Team').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1_500);
    await shot(page, '01-walkthrough');
  });

  it('shows a step’s picture when the step is chosen', async function () {
    await page.locator('.getting-started-step').filter({ hasText: 'Write a 1:1 and fix an action item' }).first().click();
    const image = page.locator('.getting-started-media img');
    await image.waitFor({ timeout: 15_000 });
    await poll(page, () => image.evaluate((el) => (el as HTMLImageElement).naturalWidth), (w) => w > 100, 15_000, (w) => `the step's picture did not load (naturalWidth ${w})`);
    assert.match((await image.getAttribute('alt')) ?? '', /quick fix/);
    await page.waitForTimeout(500);
    await shot(page, '02-walkthrough-step');
  });

  it('the Markdown preview shows owners by name, due badges with the overdue one in the error colour, and statuses', async function () {
    await runPaletteCommand(page, 'View: Close All Editors');
    await quickOpen(page, '1on1s/jordan/2026-11-06.md');
    await runPaletteCommand(page, 'Markdown: Open Preview to the Side');
    const frame = previewFrame(page);
    const owner = frame.locator('.cadence-owner').first();
    await owner.waitFor({ timeout: 30_000 });
    assert.equal(readable(await owner.textContent()), 'Jordan Lee');
    const overdue = frame.locator('.cadence-due.cadence-overdue');
    assert.equal(await overdue.count(), 1, 'one overdue item in the note');
    assert.equal(readable(await overdue.textContent()), 'due 2026-11-13');
    const colours = await overdue.evaluate((el) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--vscode-errorForeground)';
      document.body.appendChild(probe);
      const error = getComputedStyle(probe).color;
      probe.remove();
      return { badge: getComputedStyle(el).color, error };
    });
    assert.equal(colours.badge, colours.error, 'the overdue badge is in the theme’s error colour');
    assert.ok(await frame.locator('li.cadence-item-done .cadence-status').count() > 0, 'the done item shows its status');
    assert.equal(await frame.getByText('@jordan').count(), 0, 'no raw owner token left');
    // The action items are at the foot of the note: bring all of them into the picture.
    await frame.locator('li.cadence-item').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await shot(page, '03-preview');
  });

  it('masks every word of the preview in screen-share mode', async function () {
    await runPaletteCommand(page, 'Cadence: Toggle Screen-Share Mode');
    const frame = previewFrame(page);
    try {
      await frame.locator('.cadence-screen-share').waitFor({ timeout: 30_000 });
      const text = readable(await frame.locator('body').textContent());
      for (const word of ['Jordan', 'Alex', 'runbook', '2026']) assert.ok(!text.includes(word), `"${word}" shows in screen-share mode`);
      await page.waitForTimeout(800);
      await shot(page, '04-preview-screen-share');
    } finally {
      await runPaletteCommand(page, 'Cadence: Toggle Screen-Share Mode');
    }
    await frame.locator('.cadence-owner', { hasText: 'Jordan Lee' }).first().waitFor({ timeout: 30_000 });
  });

  it('Prepare Review Packet… writes Alex’s packet and shows it beside its preview: every section, every evidence line linked', async function () {
    await runPaletteCommand(page, 'View: Close All Editors');
    await runPaletteCommand(page, 'Cadence: Prepare Review Packet…');
    await acceptQuickPick(page, '@alex', '@alex');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Last 6 months' }).first().waitFor({ timeout: 15_000 });
    await acceptQuickPick(page, 'Last 6 months', 'Last 6 months');
    const frame = previewFrame(page);
    await frame.locator('h1', { hasText: 'Review packet: Alex Kim' }).waitFor({ timeout: 30_000 });
    const text = readable(await frame.locator('body').textContent());
    for (const section of ['Summary', 'Recency check', 'Key results', 'Growth themes', 'Development plan', 'Evidence', 'Praise given (2)', 'Redirecting feedback given (1)', 'Feedback received (1)', 'Action items done', 'Ratings (manager, report)']) {
      assert.ok(text.includes(section), `the packet's preview lacks "${section}"`);
    }
    // Every evidence line ends in a link to its note and line.
    // (The preview keeps a link's own destination in data-href.)
    // The preview may show the text before its links are in (a loaded machine showed 0 once): wait for them.
    const sourceLinks = frame.locator('li a[data-href*="#L"], li a[href*="#L"]');
    const deadline = Date.now() + 30_000;
    let links = await sourceLinks.count();
    while (links < 20 && Date.now() < deadline) {
      await page.waitForTimeout(250);
      links = await sourceLinks.count();
    }
    assert.ok(links >= 20, `only ${links} source links after 30 s`);
    assert.ok(existsSync(join(run.root, 'workspace', 'team', 'reviews', `alex-${SAMPLE_TODAY}.md`)), 'the packet file was not written');
    await page.waitForTimeout(800);
    await shot(page, '05-review-packet');
    // The evidence, grouped by kind, each line with its source link.
    await frame.locator('h3', { hasText: 'Praise given' }).scrollIntoViewIfNeeded();
    await frame.locator('h3', { hasText: 'Praise given' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(800);
    await shot(page, '06-review-packet-evidence');
  });
});
