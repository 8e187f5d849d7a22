// Renders the dashboard webview outside VS Code and checks it in a real
// browser: `npx tsx scripts/preview-dashboard.ts [--open-dir]`.
//
// Builds dist/webview.js, computes DashboardData from the sample workspace
// with the core, serves a static page that stubs acquireVsCodeApi under a CSP
// equivalent to the extension's, and drives it with playwright-core:
// screenshots of every tab in dark, light and high-contrast themes into
// test-results/preview/, plus checks — the ready handshake, click-through,
// board moves by drag, keyboard and menu, screen-share mode, state restore,
// hostile note text staying inert, empty states, no console errors and no
// CSP violations. Exits non-zero when a check fails.

import { dashboardShell } from '../src/webview/shell';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dashboardData, type DashboardData } from '../src/core/dashboard-data';
import { Dataset } from '../src/core/dataset';
import type { FromWebview, WebviewState } from '../src/webview/protocol';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'test-results', 'preview');
const TODAY = '2026-11-22';
const NONCE = 'abc';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const failures: string[] = [];
function check(ok: unknown, what: string): void {
  if (ok) console.log(`  ok    ${what}`);
  else {
    console.log(`  FAIL  ${what}`);
    failures.push(what);
  }
}

// ---------- data ----------

function workspace(): string {
  const team = join(ROOT, 'samples', 'team');
  return existsSync(team) ? team : join(ROOT, 'test', 'fixtures', 'examples', 'basic');
}

function walk(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.name === 'node_modules' || e.name === '.git') return [];
    return e.isDirectory() ? walk(root, path) : e.isFile() ? [path] : [];
  });
}

function sampleData(): DashboardData {
  const root = workspace();
  const dataset = new Dataset({ today: TODAY });
  for (const path of walk(root)) if (/\.(md|ya?ml)$/i.test(path)) dataset.setFile(path, readFileSync(join(root, path), 'utf8'));
  // The webview receives a structured clone; JSON round-trip makes sure nothing non-cloneable slips in.
  return JSON.parse(JSON.stringify(dashboardData(dataset))) as DashboardData;
}

const HOSTILE = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  js: 'javascript:window.__pwned=1',
  long: `${'A very long key result title that never ends '.repeat(230)}`.slice(0, 10000),
};

function hostileData(base: DashboardData): DashboardData {
  const d = structuredClone(base) as { -readonly [K in keyof DashboardData]: any };
  const p = d.people.find((x: { me: boolean }) => !x.me);
  p.name = HOSTILE.img;
  p.role = HOSTILE.script;
  p.at = { path: HOSTILE.js, line: 0 };
  p.tightenCadence = true;
  p.completion = 0.5;
  p.previousCompletion = 0.6;
  d.heatmap.rows[0].name = HOSTILE.img;
  const set = d.sets[d.sets.length - 1];
  set.objectives[0].title = HOSTILE.js;
  set.objectives[0].owner = HOSTILE.img;
  set.objectives[0].keyResults[0].title = HOSTILE.long;
  set.objectives[0].keyResults[0].owner = HOSTILE.long;
  set.objectives[0].keyResults[1].title = HOSTILE.script;
  set.objectives[0].keyResults[1].status = undefined;
  d.signals = [
    { kind: 'rating-gap', text: HOSTILE.img, person: 'x', at: { path: HOSTILE.js, line: 3 } },
    { kind: 'happiness-falling', text: HOSTILE.long, person: 'x', at: { path: 'people/x.md', line: 0 } },
    { kind: 'kr-slipping-no-1on1', text: HOSTILE.script, person: 'x', at: { path: 'okrs/x.okr.yaml', line: 4 } },
  ];
  return d as DashboardData;
}

const EMPTY: DashboardData = { today: TODAY, completionTarget: 0.8, completionWindowDays: 30, people: [], heatmap: { weekStarts: [], rows: [] }, sets: [], signals: [] };

// ---------- page ----------

const THEMES: Record<string, { body: string; vars: Record<string, string> }> = {
  dark: {
    body: 'vscode-dark',
    vars: {
      'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', foreground: '#cccccc', descriptionForeground: '#9d9d9d',
      'widget-border': '#313131', 'panel-border': '#2b2b2b', 'editorWidget-background': '#202020', focusBorder: '#0078d4',
      'charts-red': '#f14c4c', 'charts-yellow': '#cca700', 'charts-green': '#89d185', 'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-purple': '#b180d7',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
      'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c', 'list-hoverBackground': '#2a2d2e', 'textLink-foreground': '#4daafc',
      'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'panelTitle-activeBorder': '#0078d4', 'inputValidation-warningBackground': '#352a05', 'inputValidation-warningBorder': '#b89500',
    },
  },
  light: {
    body: 'vscode-light',
    vars: {
      'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', foreground: '#3b3b3b', descriptionForeground: '#717171',
      'widget-border': '#e5e5e5', 'panel-border': '#e5e5e5', 'editorWidget-background': '#f8f8f8', focusBorder: '#005fb8',
      'charts-red': '#e51400', 'charts-yellow': '#bf8803', 'charts-green': '#388a34', 'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'charts-purple': '#652d90',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
      'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece', 'list-hoverBackground': '#f2f2f2', 'textLink-foreground': '#005fb8',
      'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', 'panelTitle-activeBorder': '#005fb8', 'inputValidation-warningBackground': '#f6f5d2', 'inputValidation-warningBorder': '#bf8803',
    },
  },
  hc: {
    body: 'vscode-high-contrast',
    vars: {
      'editor-background': '#000000', 'editor-foreground': '#ffffff', foreground: '#ffffff', descriptionForeground: '#ffffffb3',
      contrastBorder: '#6fc3df', contrastActiveBorder: '#f38518', focusBorder: '#f38518', 'editorWidget-background': '#0c141f',
      'charts-red': '#f14c4c', 'charts-yellow': '#ffd700', 'charts-green': '#89d185', 'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-purple': '#b180d7',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'dropdown-background': '#000000', 'dropdown-foreground': '#ffffff', 'dropdown-border': '#6fc3df',
      'textLink-foreground': '#21a6ff', 'badge-background': '#000000', 'badge-foreground': '#ffffff',
    },
  },
};

function themeCss(vars: Record<string, string>): string {
  const all = {
    ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [`--vscode-${k}`, v])),
    '--vscode-font-family': 'system-ui, -apple-system, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
  };
  return `:root {\n${Object.entries(all).map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}\n`;
}

// The stub mirrors VS Code's: acquireVsCodeApi works once; state lives outside the page.
const STUB = `
window.__posted = []; window.__csp = []; window.__forwardedKeys = [];
// VS Code's host forwards every keydown that reaches window to the workbench.
window.addEventListener('keydown', function (e) { window.__forwardedKeys.push((e.altKey ? 'Alt+' : '') + e.key); });
document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
(function () {
  var acquired = false;
  var state = window.__initialState;
  window.__state = state;
  window.acquireVsCodeApi = function () {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: function (m) { window.__posted.push(JSON.parse(JSON.stringify(m))); },
      getState: function () { return state; },
      setState: function (s) { state = s; window.__state = s; return s; },
    });
  };
})();`;

function page(origin: string, theme: string): string {
  // The extension's own shell, with the preview's theme variables and API stub.
  return dashboardShell({
    cspSource: origin,
    nonce: NONCE,
    script: `${origin}/webview.js`,
    styles: [`${origin}/theme-${theme}.css`, `${origin}/dashboard.css`],
    bodyClass: THEMES[theme].body,
    inlineScripts: [STUB],
  });
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.map': 'application/json' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0].replace(/^\/+/, '') || 'index.html';
    const file = join(dir, name);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---------- driving ----------

interface Opened {
  readonly page: Page;
  readonly problems: string[];
}

async function open(browser: Browser, origin: string, theme: string, opts: { state?: WebviewState; width?: number; scale?: number } = {}): Promise<Opened> {
  const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, deviceScaleFactor: opts.scale ?? 1 });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`remote request: ${r.url()}`);
  });
  if (opts.state) await page.addInitScript((s) => ((window as unknown as { __initialState: unknown }).__initialState = s), opts.state);
  await page.goto(`${origin}/${theme}.html`);
  return { page, problems };
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted);
const clearPosted = (page: Page) => page.evaluate(() => ((window as unknown as { __posted: FromWebview[] }).__posted.length = 0));
const send = (page: Page, message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);

async function finish(o: Opened, label: string): Promise<void> {
  const { page, problems } = o;
  const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  const errors = (await posted(page)).filter((m) => m.type === 'error');
  check(csp.length === 0, `${label}: no CSP violations${csp.length ? ` (${csp.join('; ')})` : ''}`);
  check(problems.length === 0, `${label}: no console errors, page errors or remote requests${problems.length ? ` (${problems.join('; ')})` : ''}`);
  check(errors.length === 0, `${label}: the webview forwarded no errors${errors.length ? ` (${JSON.stringify(errors)})` : ''}`);
  await page.context().close();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(`  shot  test-results/preview/${name}.png`);
}

async function tab(page: Page, id: 'overview' | 'okrs' | 'board'): Promise<void> {
  await page.click(`#tab-${id}`);
  await page.waitForSelector(`.panel-${id}`);
}

async function noOverflow(page: Page, label: string): Promise<void> {
  const r = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
  check(r.sw <= r.w, `${label}: nothing overflows the page horizontally (${r.sw} ≤ ${r.w})`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const serveDir = mkdtempSync(join(tmpdir(), 'cadence-preview-'));

  console.log('building dist/webview.js');
  // Same options as scripts/build.mjs's webview entry.
  await build({
    entryPoints: [join(ROOT, 'src/webview/main.ts')],
    outfile: join(ROOT, 'dist/webview.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  console.log(`  dist/webview.js: ${statSync(join(ROOT, 'dist/webview.js')).size} bytes`);

  console.log(`computing dashboard data from ${workspace()}`);
  const data = sampleData();
  console.log(`  ${data.people.length} people, ${data.sets.length} OKR sets, ${data.signals.length} signals`);

  const server = await serve(serveDir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  copyFileSync(join(ROOT, 'dist/webview.js'), join(serveDir, 'webview.js'));
  copyFileSync(join(ROOT, 'media/dashboard.css'), join(serveDir, 'dashboard.css'));
  for (const [name, t] of Object.entries(THEMES)) {
    writeFileSync(join(serveDir, `theme-${name}.css`), themeCss(t.vars));
    writeFileSync(join(serveDir, `${name}.html`), page(origin, name));
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // --- every tab in every theme ---
    for (const theme of Object.keys(THEMES)) {
      console.log(`theme ${theme}`);
      const o = await open(browser, origin, theme);
      const { page } = o;
      await page.waitForSelector('.loading');
      const first = await posted(page);
      check(first.length === 1 && first[0].type === 'ready', `${theme}: the webview says ready first and nothing else before data`);
      if (theme === 'dark') await shot(page, `${theme}-loading`);
      await send(page, { type: 'data', data });
      await page.waitForSelector('.overview');
      await shot(page, `${theme}-overview`);
      await noOverflow(page, `${theme} overview`);
      await tab(page, 'okrs');
      await shot(page, `${theme}-okrs`);
      await noOverflow(page, `${theme} okrs`);
      await tab(page, 'board');
      await shot(page, `${theme}-board`);
      await noOverflow(page, `${theme} board`);
      await finish(o, theme);
    }

    // --- interactions (dark) ---
    console.log('interactions');
    {
      const o = await open(browser, origin, 'dark');
      const { page } = o;
      await send(page, { type: 'data', data });
      await page.waitForSelector('.overview');
      await clearPosted(page);

      // click-through: a person's name, a happiness point by keyboard, a signal
      const person = data.people.find((p) => !p.me)!;
      await page.click('.person .name');
      let m = await posted(page);
      check(m.length === 1 && m[0].type === 'open' && m[0].at.path === person.at.path, 'clicking a person opens their file');
      await clearPosted(page);
      await page.focus('.person svg.happiness .pt[tabindex="0"]');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      m = await posted(page);
      const h = person.happiness;
      check(h.length < 2 || (m.length === 1 && m[0].type === 'open' && m[0].at.path === h[h.length - 2].at.path), 'arrow keys walk a chart’s points and Enter opens that 1:1');
      await send(page, { type: 'data', data });
      check(await page.evaluate(() => document.activeElement?.getAttribute('data-focus')?.startsWith('happy:') === true), 'a live update keeps focus on the same chart point');
      await clearPosted(page);

      // heatmap: lapsed weeks carry a text label
      const lapsedLabels = await page.$$eval('.heatmap td.lapsed', (tds) => tds.map((t) => `${t.getAttribute('aria-label')}|${t.textContent}`));
      const lapsedInData = data.heatmap.rows.reduce((n, r) => n + r.weeks.filter((w) => w.lapsed).length, 0);
      check(lapsedLabels.length === lapsedInData && lapsedLabels.every((l) => /cadence lapsed\|.*!/.test(l)), `every lapsed heatmap week (${lapsedInData}) is marked with “!” and an ARIA label`);

      // tabs by keyboard, and the state kept for reload
      await page.focus('#tab-overview');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('.panel-okrs');
      check(await page.evaluate(() => document.activeElement?.id === 'tab-okrs'), 'ArrowRight on the tab list moves to OKRs and keeps focus on the tab');
      const sets = data.sets.map((x) => x.id);
      if (sets.length > 1) {
        await page.selectOption('#set-picker-okrs', sets[0]);
        check((await page.textContent('.okrs .objective .obj-title')) === (data.sets[0].objectives[0]?.title ?? null), 'the set picker switches the objectives shown');
        await page.selectOption('#set-picker-okrs', sets[sets.length - 1]);
      }
      await tab(page, 'board');
      const st = await page.evaluate(() => (window as unknown as { __state: WebviewState }).__state);
      check(st?.tab === 'board' && st.set === sets[sets.length - 1], `the tab and set are kept with setState (${JSON.stringify(st)})`);
      await clearPosted(page);

      // board: keyboard move
      const set = data.sets.find((x) => x.id === st.set)!;
      const krs = set.objectives.flatMap((o) => o.keyResults);
      const kr = krs.find((k) => (k.status ?? 'on-track') === 'on-track')!;
      const sel = (k: typeof kr) => `[data-focus='kr:${JSON.stringify([k.set, k.objectiveIndex, k.index])}']`;
      await page.focus(sel(kr));
      await page.keyboard.press('Alt+ArrowRight');
      m = await posted(page);
      check(
        m.length === 1 && m[0].type === 'setStatus' && m[0].set === kr.set && m[0].objectiveIndex === kr.objectiveIndex && m[0].index === kr.index && m[0].status === 'at-risk',
        `Alt+ArrowRight on ${kr.objective}/${kr.id} posts setStatus at-risk (${JSON.stringify(m)})`,
      );
      check(await page.evaluate((s) => !!document.activeElement?.matches(`.col-at-risk ${s}`), sel(kr)), 'the card moves to at-risk at once and keeps focus');
      const fwd = await page.evaluate(() => (window as unknown as { __forwardedKeys: string[] }).__forwardedKeys);
      check(!fwd.includes('Alt+ArrowRight'), 'Alt+ArrowRight on a card is not forwarded to the workbench (it is Go Forward on Windows)');
      await page.keyboard.press('Alt+ArrowLeft');
      await shot(page, 'dark-board-after-keyboard');
      await send(page, { type: 'data', data });
      await page.waitForSelector(`.col-on-track ${sel(kr)}`);
      check(true, 'the next data message is the truth (the card is back in on-track)');
      await clearPosted(page);

      // board: drag and drop
      const drag = krs.find((k) => k.status === 'at-risk') ?? kr;
      await page.dragAndDrop(sel(drag), '.col-done .col-body');
      m = await posted(page);
      check(m.length === 1 && m[0].type === 'setStatus' && m[0].index === drag.index && m[0].objectiveIndex === drag.objectiveIndex && m[0].status === 'done', `dragging ${drag.objective}/${drag.id} to Done posts setStatus done (${JSON.stringify(m)})`);
      check(!!(await page.$(`.col-done ${sel(drag)}`)), 'the dropped card shows in Done');
      await send(page, { type: 'data', data });
      await clearPosted(page);

      // board: the Move to… menu, and Enter opens
      await page.selectOption(`${sel(kr)} select.move-to`, 'cut');
      m = await posted(page);
      check(m.length === 1 && m[0].type === 'setStatus' && m[0].status === 'cut', 'the card’s “Move to…” menu posts setStatus cut');
      await send(page, { type: 'data', data });
      await clearPosted(page);
      await page.focus(sel(kr));
      await page.keyboard.press('Enter');
      m = await posted(page);
      check(m.length === 1 && m[0].type === 'open' && m[0].at.line === kr.at.line, 'Enter on a board card opens its key result');
      await clearPosted(page);

      // screen-share mode
      await page.click('button.toggle');
      m = await posted(page);
      check(m.length === 1 && m[0].type === 'toggleScreenShare', 'the screen-share button posts toggleScreenShare');
      await send(page, { type: 'screenShare', on: true });
      await page.waitForSelector('body.screen-share');
      check((await page.getAttribute('button.toggle', 'aria-pressed')) === 'true', 'the button shows screen-share mode is on');
      const blur = await page.$eval('.sensitive', (e) => getComputedStyle(e).filter);
      check(blur.includes('blur(6px)'), `sensitive text is blurred (${blur})`);
      await shot(page, 'dark-board-screenshare');
      await tab(page, 'overview');
      const unblurredNames = await page.$$eval('.person .name, .heatmap .row-name .clip, .signal-text', (els) => els.filter((e) => !getComputedStyle(e).filter.includes('blur')).length);
      check(unblurredNames === 0, 'names and signal text on the overview are blurred');
      const tooltips = await page.$$eval('svg.chart title', (t) => t.length);
      check(tooltips === 0, 'no hover tooltips reveal ratings in screen-share mode');
      await shot(page, 'dark-overview-screenshare');
      await tab(page, 'okrs');
      await shot(page, 'dark-okrs-screenshare');
      await send(page, { type: 'screenShare', on: false });
      check(!(await page.$('body.screen-share')), 'screen-share off removes the blur');
      await finish(o, 'interactions');

      // restore after reload
      const r = await open(browser, origin, 'light', { state: st });
      await send(r.page, { type: 'data', data });
      await r.page.waitForSelector('.panel-board');
      check((await r.page.inputValue('#set-picker-board')) === st.set, 'a reload restores the board tab and the selected set');
      await finish(r, 'restore');
    }

    // --- close-ups at 2× for detail ---
    console.log('close-ups');
    {
      const o = await open(browser, origin, 'dark', { scale: 2 });
      await send(o.page, { type: 'data', data });
      await o.page.waitForSelector('.overview');
      await o.page.locator('.person').nth(1).screenshot({ path: join(OUT, 'detail-dark-person.png') });
      await tab(o.page, 'okrs');
      await o.page.locator('.objective').first().screenshot({ path: join(OUT, 'detail-dark-objective.png') });
      await tab(o.page, 'board');
      await o.page.locator('.column').nth(1).screenshot({ path: join(OUT, 'detail-dark-column.png') });
      console.log('  shot  test-results/preview/detail-dark-{person,objective,column}.png');
      await finish(o, 'close-ups');
    }

    // --- a narrow editor column ---
    console.log('narrow');
    {
      const o = await open(browser, origin, 'dark', { width: 720 });
      await send(o.page, { type: 'data', data });
      await o.page.waitForSelector('.overview');
      await shot(o.page, 'dark-narrow-overview');
      await noOverflow(o.page, 'narrow overview');
      await tab(o.page, 'okrs');
      await shot(o.page, 'dark-narrow-okrs');
      await noOverflow(o.page, 'narrow okrs');
      await tab(o.page, 'board');
      await noOverflow(o.page, 'narrow board (columns scroll inside the board)');
      await finish(o, 'narrow');
    }

    // --- hostile note text ---
    console.log('hostile text');
    {
      const o = await open(browser, origin, 'dark');
      const { page } = o;
      const bad = hostileData(data);
      await send(page, { type: 'data', data: bad });
      await page.waitForSelector('.overview');
      for (const t of ['overview', 'okrs', 'board'] as const) {
        await tab(page, t);
        const r = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          imgs: document.querySelectorAll('#app img').length,
          scripts: document.querySelectorAll('script').length,
          anchors: document.querySelectorAll('#app a[href]').length,
          text: document.getElementById('app')!.textContent ?? '',
        }));
        check(r.pwned === undefined && r.imgs === 0 && r.scripts === 2 && r.anchors === 0, `${t}: hostile text created no element and ran nothing`);
        const expected = t === 'overview' ? [HOSTILE.img, HOSTILE.script, HOSTILE.long] : t === 'okrs' ? [HOSTILE.js, HOSTILE.img, HOSTILE.long, HOSTILE.script] : [HOSTILE.long, HOSTILE.script];
        check(expected.every((x) => r.text.includes(x)), `${t}: hostile strings appear verbatim as text`);
        await noOverflow(page, `${t} with a 10,000-character title`);
        const tall = await page.$$eval('.kr-card, .kr-row, .signal, .person .name', (els) => Math.max(...els.map((e) => e.getBoundingClientRect().height)));
        check(tall < 400, `${t}: long text is clipped (tallest item ${Math.round(tall)}px)`);
        await shot(page, `hostile-${t}`);
      }
      await tab(page, 'overview');
      await clearPosted(page);
      await page.click('.signal');
      const m = await posted(page);
      check(m.length === 1 && m[0].type === 'open' && m[0].at.path === HOSTILE.js && page.url().startsWith(origin), 'a javascript: path is only posted as data, never navigated to');
      check((await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)) === undefined, 'window.__pwned stays undefined after clicking');
      await finish(o, 'hostile');
    }

    // --- empty workspace ---
    console.log('empty');
    {
      const o = await open(browser, origin, 'light');
      const { page } = o;
      await send(page, { type: 'data', data: EMPTY });
      await page.waitForSelector('.overview');
      check(((await page.textContent('.overview')) ?? '').includes('Add Person'), 'no people: the overview says how to add one');
      await shot(page, 'light-empty-overview');
      await tab(page, 'okrs');
      check(((await page.textContent('.okrs')) ?? '').includes('New OKR Set'), 'no OKR sets: the OKRs tab says how to create one');
      await tab(page, 'board');
      check(((await page.textContent('.board-tab')) ?? '').includes('New OKR Set'), 'no OKR sets: the board says how to create one');
      await shot(page, 'light-empty-board');
      await finish(o, 'empty');
    }
  } finally {
    await browser.close();
    server.close();
    if (!process.argv.includes('--keep')) rmSync(serveDir, { recursive: true, force: true });
    else console.log(`page kept in ${serveDir}`);
  }

  console.log(failures.length ? `\n${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}` : '\nall checks passed');
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
