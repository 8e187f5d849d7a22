// The dashboard's page alone in Chromium: the shell the extension writes
// (its CSP, its nonce, its string table), the webview bundle and the
// dashboard's styles, fed the sample team's data as the extension computes
// it, with VS Code's webview API stood in for.
//
// In a second language (issue 20 item 6): once in English and once under a
// pseudo-locale whose table rewords every message of the shipped bundle
// (l10n/bundle.l10n.json). Under the pseudo-locale every word the page
// shows or says (text, titles, ARIA labels, the live region, the loading
// text before any data) must come from the table: what is left after the
// ⟦…⟧ messages and the team's own data (names, titles, ids) holds no Latin
// letter (the browser's locale is Russian, so its dates hold none either).
// In English nothing is bracketed, and no heading, tab or button is blank.
// Each tab's screenshot goes to test-results/l10n/.
//
// Person cards (SPEC §11): the performance ratings are a report's only, so
// the card of a manager, mentee, peer… has no "Performance ratings" section.
//
// Needs Chromium (scripts/vscode-env.sh); serves on 127.0.0.1 only.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { loadFolder } from '../../src/cli/check';
import { addDays } from '../../src/core/dates';
import { dashboardData, type DashboardData } from '../../src/core/dashboard-data';
import { useBundle } from '../../src/core/l10n';
import { dashboardShell } from '../../src/webview/shell';
import { localSite, type LocalSite } from './local-page';

const repo = resolve(__dirname, '..', '..');
const TODAY = '2026-11-22';
const NONCE = 'l10nTestNonce0123456789';
/** Screenshots of each tab in each language. */
const shots = join(repo, 'test-results', 'l10n');

/** Every message of the shipped bundle, reworded as VS Code's qps-ploc does (accents, brackets; placeholders kept). */
function pseudoBundle(): Record<string, string> {
  const english = JSON.parse(readFileSync(join(repo, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const accent: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú' };
  const pseudo = (text: string) => `⟦${text.split(/(\{\d+\})/).map((p, i) => (i % 2 ? p : p.replace(/[aeiouAEIOU]/g, (c) => accent[c]))).join('')}⟧`;
  return Object.fromEntries(Object.keys(english).map((k) => [k, pseudo(k)]));
}

/** The sample team's dashboard on `today`, worded as the extension words it with `bundle` in use. */
function teamData(bundle: Record<string, string> | undefined, today = TODAY): DashboardData {
  useBundle(bundle);
  try {
    return dashboardData(loadFolder({ folder: join(repo, 'samples', 'team'), today, rules: {} }).dataset);
  } finally {
    useBundle(undefined);
  }
}

/** The team's own words in the data (names, roles, titles, ids, periods, paths): shown as written in every language. */
function dataWords(d: DashboardData): string[] {
  const keep = new Set(['name', 'role', 'title', 'id', 'objective', 'set', 'owner', 'ownerName', 'period', 'parent', 'path']);
  const out = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (keep.has(key) && v.trim()) out.add(v.trim());
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(d, '');
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * What of a text is neither a ⟦…⟧ message nor the team's data: the letters
 * left are words that did not come from the string table.
 */
function outsideTable(text: string, data: readonly string[]): string {
  let rest = text;
  // Innermost first: a message may hold another as a value.
  for (let was = ''; was !== rest; ) [was, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')];
  for (const w of data) rest = rest.split(w).join(' ');
  // The product's name is not translated.
  return rest.replace(/\bCadence\b/g, ' ');
}

interface Seen {
  /** Every text node, title, ARIA label and placeholder on the page (not the scripts). */
  readonly texts: string[];
  /** Headings, tabs, buttons and table headers with no text and no label. */
  readonly blank: string[];
  readonly lang: string;
}

/** Reads every word the page shows or says. */
async function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('script, style')) continue;
      const t = (n.textContent ?? '').trim();
      if (t) texts.push(t);
    }
    const blank: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      for (const a of ['title', 'aria-label', 'aria-roledescription', 'placeholder', 'alt', 'aria-valuetext']) {
        const v = el.getAttribute(a)?.trim();
        if (v) texts.push(v);
      }
      if (el.matches('h1, h2, h3, h4, [role="tab"], button, th, option, label') && !(el.textContent ?? '').trim() && !el.getAttribute('aria-label')?.trim()) blank.push(el.outerHTML.slice(0, 120));
    }
    return { texts, blank, lang: document.documentElement.lang };
  });
}

describe('the dashboard page in Chromium', function () {
  this.timeout(120_000);
  let site: LocalSite | undefined;
  let browser: Browser;
  let origin: string;
  /** The page for each run: its shell (with that run's string table). */
  const pages = new Map<string, string>();

  before(async () => {
    const script = await build({ entryPoints: [join(repo, 'src', 'webview', 'main.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
    const files: Record<string, { type: string; body: string }> = {
      '/webview.js': { type: 'text/javascript', body: script.outputFiles[0].text },
      '/dashboard.css': { type: 'text/css', body: readFileSync(join(repo, 'media', 'dashboard.css'), 'utf8') },
    };
    site = await localSite((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const page = pages.get(path);
      const f = page !== undefined ? { type: 'text/html', body: page } : files[path];
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': `${f.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(f.body);
    });
    ({ origin, browser } = site);
  });

  after(async () => {
    await site?.close();
  });

  /**
   * Opens the dashboard with `strings` as the extension would (the shell,
   * and VS Code's webview API as a stand-in that keeps what the page
   * posts), reads the page before any data, then with `data` on each tab,
   * then the live region after a second `data` (a week later).
   */
  /**
   * Opens the page `name` with `strings` as the extension would (the shell,
   * and VS Code's webview API as a stand-in that keeps what the page posts
   * in `window.posted`), once it has said it is ready, before any data. The
   * caller closes the context; `errors` collects what the page reports.
   */
  async function openPage(name: string, strings: Record<string, string>, browserLocale: string, lang: string) {
    const shell = dashboardShell({ cspSource: origin, nonce: NONCE, script: `${origin}/webview.js`, styles: [`${origin}/dashboard.css`], strings, lang, loading: strings['Loading your team…'] });
    // VS Code injects acquireVsCodeApi before the page's scripts; here a nonce'd script does.
    const stub = `<script nonce="${NONCE}">window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined });</script>`;
    pages.set(`/${name}.html`, shell.replace('<script type="application/json"', `${stub}\n<script type="application/json"`));
    const context = await browser.newContext({ locale: browserLocale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${origin}/${name}.html`);
    await page.waitForFunction(() => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'));
    return { context, page, errors };
  }

  /** What the extension posts: the dashboard's data; resolves once the page has had a turn to handle it. */
  const postData = (page: Page, d: DashboardData, moves?: number) =>
    page.evaluate(
      async ([x, n]) => {
        window.postMessage({ type: 'data', data: x, moves: n }, '*');
        await new Promise((r) => setTimeout(r, 50));
      },
      [d as unknown, moves] as const,
    );

  /** What the page posted to the extension. */
  const postedBy = (page: Page) => page.evaluate(() => (window as unknown as { posted: { type: string; message?: string; status?: string; objectiveIndex?: number; index?: number; move?: number }[] }).posted);

  /**
   * Opens the dashboard with `strings` (openPage), reads the page before
   * any data, then with `data` on each tab, then the live region after a
   * second `data` (a week later).
   */
  async function run(name: string, strings: Record<string, string>, browserLocale: string, lang: string, data: DashboardData, later: DashboardData) {
    const { context, page, errors } = await openPage(name, strings, browserLocale, lang);
    try {
      await page.locator('#panel[aria-busy="true"] .loading').waitFor();
      const loading = await seen(page);
      await postData(page, data);
      const tabs: Record<string, Seen> = {};
      let cards: { name: string; sections: string[] }[] = [];
      for (const tab of ['overview', 'okrs', 'board'] as const) {
        await page.locator(`#tab-${tab}`).click();
        await page.locator(`#panel.panel-${tab}:not([aria-busy="true"])`).waitFor();
        tabs[tab] = await seen(page);
        if (tab === 'overview') cards = await page.locator('.people-grid .card.person').evaluateAll((els) => els.map((e) => ({ name: e.querySelector('.card-head .name')?.textContent ?? '', sections: Array.from(e.querySelectorAll('section.metric > h3'), (h) => h.firstChild?.textContent ?? '') })));
        // Look at these: longer words must not be cut off (ui.test.ts clears test-results/screenshots, so they go beside it).
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, `${name}-${tab}.png`) });
      }
      await page.locator('#tab-overview').click();
      await postData(page, later);
      const live = page.locator('[aria-live="polite"]');
      await page.waitForFunction(() => !!document.querySelector('[aria-live="polite"]')?.textContent?.trim());
      const said = ((await live.textContent()) ?? '').trim();
      const posted = await postedBy(page);
      return { loading, tabs, cards, said, errors: [...errors, ...posted.filter((m) => m.type === 'error').map((m) => m.message ?? '')] };
    } finally {
      await context.close();
    }
  }

  describe('in a second language (a pseudo-locale), and in English', () => {
    it('under a pseudo-locale every word on every tab, before the data and in the live region, is from the string table', async () => {
      const bundle = pseudoBundle();
      const data = teamData(bundle);
      const later = teamData(bundle, addDays(TODAY, 7));
      const r = await run('pseudo', bundle, 'ru-RU', 'qps-ploc', data, later);
      assert.deepEqual(r.errors, [], 'the page reported no error');
      const words = dataWords(data);
      const leaks = (s: Seen) => [...new Set(s.texts.filter((t) => /[A-Za-z]/.test(outsideTable(t, words))))];
      assert.equal(r.loading.lang, 'qps-ploc');
      assert.ok(r.loading.texts.some((t) => /^⟦/.test(t)), `the loading state is worded from the table: ${JSON.stringify(r.loading.texts)}`);
      assert.deepEqual(leaks(r.loading), [], 'before any data');
      for (const [tab, s] of Object.entries(r.tabs)) {
        assert.ok(s.texts.filter((t) => t.includes('⟦')).length > 20, `${tab}: the table's words are shown (${s.texts.length} texts)`);
        assert.deepEqual(leaks(s), [], `${tab}: words not from the string table`);
        assert.deepEqual(s.blank, [], `${tab}: blank headings, tabs or buttons`);
      }
      // The slipping reasons (the core's words, through the same table) are on the OKR tab and the board.
      const reasons = data.sets.flatMap((s) => s.objectives.flatMap((o) => o.keyResults.flatMap((k) => k.slipping)));
      assert.ok(reasons.length > 0 && reasons.every((x) => /^⟦[^⟧]*⟧$/.test(x)), `the slipping reasons are the table's: ${JSON.stringify(reasons)}`);
      assert.ok(r.tabs.board.texts.some((t) => reasons.some((x) => t.includes(x))), 'the board shows a slipping reason');
      assert.match(r.said, /⟦/, 'the live region');
      assert.equal(outsideTable(r.said, words).match(/[A-Za-z]+/g), null, `the live region said words not from the table: ${r.said}`);
    });

    it('in English (an empty table) nothing is bracketed and nothing is blank, and the leak finder sees English as English', async () => {
      const data = teamData(undefined);
      const r = await run('english', {}, 'en-US', 'en', data, teamData(undefined, addDays(TODAY, 7)));
      assert.deepEqual(r.errors, []);
      assert.equal(r.loading.lang, 'en');
      const words = dataWords(data);
      for (const [tab, s] of [['loading', r.loading], ...Object.entries(r.tabs)] as [string, Seen][]) {
        assert.deepEqual(s.texts.filter((t) => /[⟦⟧]/.test(t)), [], `${tab}: bracketed text in English`);
        assert.deepEqual(s.blank, [], `${tab}: blank headings, tabs or buttons`);
        // Control: the same finder reports English words (this run's UI text) as outside a table.
        assert.ok(s.texts.some((t) => /[A-Za-z]/.test(outsideTable(t, words))), `${tab}: the leak finder would see an English word`);
      }
      assert.ok(r.tabs.overview.texts.includes('Overview') && r.tabs.board.texts.includes('On track') && r.loading.texts.includes('Reading your notes…'), 'the English words');
      assert.doesNotMatch(r.said, /⟦/);
    });
  });

  it('a person card shows performance ratings for a report only (SPEC §11)', async () => {
    const data = teamData(undefined);
    const r = await run('cards', {}, 'en-US', 'en', data, teamData(undefined, addDays(TODAY, 7)));
    assert.deepEqual(r.errors, []);
    const shown = new Map(r.cards.map((c) => [c.name, c.sections]));
    const people = data.people.filter((p) => shown.has(p.name));
    assert.equal(people.length, r.cards.length, `every card is a person of the data: ${[...shown.keys()].join(', ')}`);
    const kinds = new Set(people.map((p) => p.relationship));
    assert.ok(kinds.has('report') && kinds.size > 1, `the sample team has reports and others: ${[...kinds].join(', ')}`);
    for (const p of people) {
      const sections = shown.get(p.name)!;
      assert.ok(sections.includes('Happiness'), `${p.name}: ${sections.join(', ')}`);
      assert.equal(sections.includes('Performance ratings'), p.relationship === 'report', `${p.name} (${p.relationship}): ${sections.join(', ')}`);
    }
  });

  // A live update (the extension posts `data` after every change on disk)
  // re-draws the page. One that lands while a card is held or dragged must
  // wait: it would re-build the card under the pointer (and put another one
  // there when the update moved cards). Each moment of a drag is tried: the
  // button down before the drag starts, during the drag, and a press that
  // ends without one.
  it('holds a live update while a board card is pressed or dragged: the drop moves it, the update shows after', async () => {
    const data = teamData(undefined);
    const later = teamData(undefined, addDays(TODAY, 7));
    const { context, page, errors } = await openPage('drag', {}, 'en-US', 'en');
    try {
      await postData(page, data);
      await page.locator('#tab-board').click();
      await page.locator('#panel.panel-board .board').waitFor();
      const dateShown = () => page.locator('.brand .date').textContent();
      const before = await dateShown();
      const onTrack = page.locator('.col-on-track .kr-card');
      assert.ok((await onTrack.count()) >= 2, 'the sample board has two on-track cards');

      // 1. Pressed, an update, dragged, another update mid-drag, dropped on Done.
      const card = onTrack.first();
      const key = await card.getAttribute('data-focus');
      const from = (await card.locator('.kr-card-title').boundingBox())!;
      const to = (await page.locator('.col-done .col-body').boundingBox())!;
      await page.mouse.move(from.x + 10, from.y + 5);
      await page.mouse.down();
      await postData(page, later);
      await page.mouse.move(from.x + 30, from.y + 25, { steps: 3 });
      await postData(page, later);
      assert.equal(await dateShown(), before, 'the update waits while the card is dragged');
      await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 6 });
      await page.mouse.up();
      const moves = (await postedBy(page)).filter((m) => m.type === 'setStatus');
      assert.deepEqual(moves.map((m) => m.status), ['done'], `the drop posted one move to Done: ${JSON.stringify(moves)}`);
      await page.locator(`.col-done .kr-card[data-focus='${key}']`).waitFor({ timeout: 5_000 });
      await page.waitForFunction((b) => document.querySelector('.brand .date')?.textContent !== b, before, { timeout: 5_000 });

      // 2. A press that ends without a drag (a click): the held update shows at once after it.
      await postData(page, data);
      await page.waitForFunction((b) => document.querySelector('.brand .date')?.textContent === b, before, { timeout: 5_000 });
      const other = (await page.locator('.col-on-track .kr-card .kr-card-title').first().boundingBox())!;
      await page.mouse.move(other.x + 10, other.y + 5);
      await page.mouse.down();
      await postData(page, later);
      assert.equal(await dateShown(), before, 'the update waits while a card is pressed');
      await page.mouse.up();
      await page.waitForFunction((b) => document.querySelector('.brand .date')?.textContent !== b, before, { timeout: 5_000 });
      assert.ok((await postedBy(page)).some((m) => m.type === 'open'), 'the click opened the card');

      // 3. An update away from the board's cards shows at once.
      await postData(page, data);
      await page.waitForFunction((b) => document.querySelector('.brand .date')?.textContent === b, before, { timeout: 5_000 });
      assert.deepEqual(errors, [], 'the page reported no error');
    } finally {
      await context.close();
    }
  });

  // The extension makes a move after the page shows it, and a live update
  // computed before that may arrive first: the card must not go back for a
  // moment. The page numbers its moves; each `data` says the last one the
  // extension has handled (`moves`).
  it('keeps a moved card in its new column until data that holds the move; a refused move goes back', async () => {
    const data = teamData(undefined);
    const { context, page, errors } = await openPage('pending', {}, 'en-US', 'en');
    try {
      await postData(page, data, 0);
      await page.locator('#tab-board').click();
      const card = page.locator('.col-on-track .kr-card').first();
      const key = (await card.getAttribute('data-focus'))!;
      const at = (column: string) => page.locator(`.col-${column} .kr-card[data-focus='${key}']`);
      await card.focus();
      await page.keyboard.press('Alt+ArrowRight');
      await at('at-risk').waitFor({ timeout: 5_000 });
      const moves = (await postedBy(page)).filter((m) => m.type === 'setStatus');
      assert.deepEqual(moves.map((m) => [m.status, m.move]), [['at-risk', 1]], 'the move is numbered 1');
      // Data from before the move was handled: the card stays where it was moved.
      await postData(page, data, 0);
      assert.equal(await at('at-risk').count(), 1, 'stale data (moves: 0) left the card in At risk');
      // The move handled, and the data still says on track (the edit was refused): it goes back.
      await postData(page, data, 1);
      await at('on-track').waitFor({ timeout: 5_000 });
      // A second move, then data that does not number moves (an older host): it is the truth at once.
      await page.locator(`.kr-card[data-focus='${key}']`).focus();
      await page.keyboard.press('Alt+ArrowRight');
      await at('at-risk').waitFor({ timeout: 5_000 });
      assert.equal((await postedBy(page)).filter((m) => m.type === 'setStatus').pop()?.move, 2);
      await postData(page, data);
      await at('on-track').waitFor({ timeout: 5_000 });
      assert.deepEqual(errors, [], 'the page reported no error');
    } finally {
      await context.close();
    }
  });
});
