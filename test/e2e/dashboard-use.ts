// The dashboard used the way a person uses it, in the real workbench: by
// keyboard (the tab list, a chart's points, a board card), by drag and drop
// and by a card's "Move to…" menu, with a live update under the focus, and
// in an editor too narrow for its widest layout. These checks came from
// scripts/preview-dashboard.ts, which drove the webview alone under a stub
// of VS Code and which nothing ran; here they run in `npm test` against the
// real webview host and the real extension: a board move is checked in the
// OKR file on disk, an Enter by the editor it opens.
//
// What the dashboard should show comes from the core itself (the CLI's read
// of the same folder), never from numbers written into the test.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { loadFolder } from '../../src/cli/check';
import { dashboardData, type DashboardData, type KrCard } from '../../src/core/dashboard-data';
import type { KrStatus } from '../../src/core/model';
import { activeTab, cursorLine, dashboardFrame, poll, selectDashboardTab, tabs } from './workbench';

/** What the dashboard should show for the folder on `today`, as the core computes it. */
export function expectedDashboard(folder: string, today: string): DashboardData {
  return dashboardData(loadFolder({ folder, today, rules: {} }).dataset);
}

/** The data-focus key of the element focused inside the dashboard ('' when none). */
export async function focused(wv: FrameLocator): Promise<string> {
  return wv.locator('body').evaluate(() => document.activeElement?.closest('[data-focus]')?.getAttribute('data-focus') ?? '');
}

/** A key result's status as the OKR file on disk now says (read with the core). */
function statusOnDisk(workspace: string, kr: KrCard, set: string): KrStatus | undefined {
  // Today does not matter to a status.
  const loaded = loadFolder({ folder: workspace, today: '2026-01-01', rules: {} }).dataset;
  const doc = loaded.okrSets().find((s) => s.id === set);
  return doc?.objectives[kr.objectiveIndex]?.keyResults[kr.index]?.status;
}

/** A board card's focus key, as the webview writes it (board.ts). */
const krFocus = (kr: KrCard) => `kr:${JSON.stringify([kr.set, kr.objectiveIndex, kr.index])}`;
/** The board card's selector, by that key. */
const cardOf = (kr: KrCard) => `.kr-card[data-focus='${krFocus(kr)}']`;

/** Focuses an element inside the dashboard the way Tab would, without clicking it (a click would act). */
async function focus(wv: FrameLocator, selector: string): Promise<void> {
  await wv.locator(selector).first().focus();
}

/** The tab list: arrows move between tabs and keep the focus on the tab list. */
export async function tabListByKeyboard(page: Page): Promise<void> {
  const wv = dashboardFrame(page);
  await selectDashboardTab(page, 'overview');
  await focus(wv, '#tab-overview');
  await page.keyboard.press('ArrowRight');
  await wv.locator('#tab-okrs[aria-selected="true"]').waitFor({ timeout: 10_000 });
  assert.equal(await focused(wv), 'tab:okrs', 'ArrowRight on the tab list selects OKRs and keeps the focus on its tab');
  await page.keyboard.press('ArrowLeft');
  await wv.locator('#tab-overview[aria-selected="true"]').waitFor({ timeout: 10_000 });
  assert.equal(await focused(wv), 'tab:overview');
}

/**
 * A happiness chart: the last point is the chart's tab stop, ArrowLeft walks
 * to the one before, Enter opens that 1:1 in an editor. Back on the
 * dashboard, a live update (a file written on disk) redraws it and the
 * focus stays on the same point.
 */
export async function chartByKeyboard(page: Page, data: DashboardData, workspace: string): Promise<string> {
  const wv = dashboardFrame(page);
  const person = data.people.find((p) => !p.me && p.happiness.length >= 2);
  assert.ok(person, 'the sample team has a report with two happiness ratings');
  const n = person.happiness.length;
  await selectDashboardTab(page, 'overview');
  await focus(wv, `[data-focus="happy:${person.id}:${n - 1}"]`);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(wv), `happy:${person.id}:${n - 2}`, 'ArrowLeft moves to the previous happiness point');
  await page.keyboard.press('Enter');
  const note = person.happiness[n - 2].at;
  await activeTab(page, basename(note.path));
  await cursorLine(page, note.line + 1);

  // Back, onto the same point, then a change on disk: the dashboard redraws under the focus.
  await page.locator('.tabs-container .tab[aria-label^="Cadence Dashboard"]').click();
  await activeTab(page, 'Cadence Dashboard');
  await selectDashboardTab(page, 'overview');
  const key = `happy:${person.id}:${n - 2}`;
  await focus(wv, `[data-focus="${key}"]`);
  await wv.locator('#panel').evaluate((el) => el.setAttribute('data-before-update', ''));
  const file = join(workspace, person.at.path);
  writeFileSync(file, readFileSync(file));
  await poll(page, () => wv.locator('#panel[data-before-update]').count(), (c) => c === 0, 20_000, () => 'the dashboard did not redraw after a file changed on disk');
  assert.equal(await focused(wv), key, 'a live update keeps the focus on the same chart point');
  return `${person.name}'s happiness point ${n - 1} of ${n} opened ${note.path}; the focus survived a redraw`;
}

/**
 * The board, on the sample's set that the board shows: Alt+→ moves a
 * focused card one column right (the workbench does not navigate), Enter
 * opens it; a drag to Done and the card's "Move to…" menu move others. Each
 * move is read back from the OKR file on disk; the file is put back after.
 */
export async function boardMoves(page: Page, data: DashboardData, workspace: string): Promise<string> {
  const wv = dashboardFrame(page);
  await selectDashboardTab(page, 'board');
  const setId = await wv.locator('#set-picker-board').inputValue();
  const set = data.sets.find((s) => s.id === setId);
  assert.ok(set, `the board shows set ${setId}, which the core does not know`);
  const krs = set.objectives.flatMap((o) => o.keyResults);
  const onTrack = krs.filter((k) => (k.status ?? 'on-track') === 'on-track');
  assert.ok(onTrack.length >= 3, `the sample set ${setId} has three on-track key results to move (${onTrack.length})`);
  const [byKey, byDrag, byMenu] = onTrack;
  const okrFile = join(workspace, set.at.path);
  const original = readFileSync(okrFile);
  const seen: string[] = [];
  const waitStatus = async (kr: KrCard, status: KrStatus, how: string) => {
    await wv.locator(`.col-${status} ${cardOf(kr)}`).waitFor({ timeout: 15_000 });
    await poll(page, async () => statusOnDisk(workspace, kr, setId), (s) => s === status, 15_000, (s) => `${how}: ${set.at.path} says ${kr.id} of ${kr.objective} is ${s}, not ${status}`);
    seen.push(`${how}: ${kr.objective}/${kr.id} → ${status}`);
  };
  try {
    const before = await tabs(page);
    await focus(wv, cardOf(byKey));
    await page.keyboard.press('Alt+ArrowRight');
    await waitStatus(byKey, 'at-risk', 'Alt+→');
    assert.equal(await focused(wv), krFocus(byKey), 'the moved card keeps the focus');
    await page.keyboard.press('Alt+ArrowLeft');
    await waitStatus(byKey, 'on-track', 'Alt+←');
    assert.deepEqual(await tabs(page), before, 'Alt+←/→ on a card moved the card, not the workbench (no editor changed)');

    await wv.locator(cardOf(byDrag)).dragTo(wv.locator('.col-done .col-body'));
    await waitStatus(byDrag, 'done', 'drag to Done');

    await wv.locator(`${cardOf(byMenu)} select.move-to`).selectOption('cut');
    await waitStatus(byMenu, 'cut', '“Move to…” Cut');

    await focus(wv, cardOf(byKey));
    await page.keyboard.press('Enter');
    await activeTab(page, basename(set.at.path));
    await cursorLine(page, byKey.at.line + 1);
    seen.push(`Enter opened ${set.at.path} at line ${byKey.at.line + 1}`);
  } finally {
    writeFileSync(okrFile, original);
  }
  await page.locator('.tabs-container .tab[aria-label^="Cadence Dashboard"]').click();
  await activeTab(page, 'Cadence Dashboard');
  await wv.locator(`.col-on-track ${cardOf(byDrag)}`).waitFor({ timeout: 20_000 });
  return seen.join('; ');
}

/** Every lapsed week of the heatmap shows "!" and says "cadence lapsed" to a screen reader; as many as the core counts. */
export async function lapsedWeeks(page: Page, data: DashboardData): Promise<number> {
  const wv = dashboardFrame(page);
  await selectDashboardTab(page, 'overview');
  const cells = await wv.locator('.heatmap td.lapsed').evaluateAll((tds) => tds.map((t) => ({ label: t.getAttribute('aria-label') ?? '', text: t.textContent ?? '' })));
  const expected = data.heatmap.rows.reduce((n, r) => n + r.weeks.filter((w) => w.lapsed).length, 0);
  assert.ok(expected > 0, 'the sample team has lapsed weeks (Jordan)');
  assert.equal(cells.length, expected, `lapsed heatmap weeks: ${cells.length} shown, ${expected} in the data`);
  const unmarked = cells.filter((c) => !c.text.endsWith('!') || !/, cadence lapsed$/.test(c.label));
  assert.deepEqual(unmarked, [], 'every lapsed week shows “!” and an ARIA label that says so');
  return expected;
}

/** The page of the dashboard scrolls sideways on none of its tabs. */
export async function noSidewaysScroll(page: Page, what: string): Promise<string[]> {
  const wv = dashboardFrame(page);
  const widths: string[] = [];
  for (const t of ['overview', 'okrs', 'board'] as const) {
    await selectDashboardTab(page, t);
    const r = await wv.locator('body').evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    assert.ok(r.scroll <= r.width + 1, `${what}: the ${t} tab scrolls sideways (${r.scroll} px of content in ${r.width} px)`);
    widths.push(`${t} ${r.scroll}/${r.width}`);
  }
  return widths;
}
