// Small helpers that drive code-server's workbench the way a person does:
// the command palette, Quick Open, Go to Line, the editor's visible lines,
// tree rows, the status bar and the dashboard webview. Every wait is a
// locator wait with a timeout; failures say what was on screen instead.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page, Request } from 'playwright-core';
import { runCleanups, tail, type RunDir } from '../../scripts/lib/code-server';

export async function shot(page: Page, dir: string, name: string): Promise<string> {
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * The end of a UI pass: stops the server and the browser; removes the run
 * folder, or, after a failure, keeps it and prints the server log's tail.
 */
export async function endRun(run: RunDir | undefined, failed: boolean): Promise<void> {
  await runCleanups();
  if (!run) return;
  if (failed) {
    console.error(`server log (last 20 lines):\n${tail(join(run.root, 'server.log'), 20)}`);
    console.error(`run folder kept for a look: ${run.root}`);
  } else {
    run.remove();
  }
}

/** Text as a person reads it: Monaco renders spaces as U+00A0, whitespace runs collapse. */
export function readable(text: string | null | undefined): string {
  return (text ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Polls fn until it returns a value accepted by ok; fails with describe(last value). */
export async function poll<T>(page: Page, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, describe: (v: T) => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) assert.fail(describe(last));
    await page.waitForTimeout(150);
    last = await fn();
  }
  return last;
}

/**
 * Gives the workbench keyboard focus without clicking anything that acts: a
 * blank spot of the title bar. (A click in the editor area would move the
 * cursor, or press whatever the dashboard shows there.)
 */
export async function focusWorkbench(page: Page): Promise<void> {
  const bar = page.locator('.part.titlebar');
  if (await bar.isVisible()) await bar.click({ position: { x: 200, y: 10 } }).catch(() => undefined);
}

/** Opens the palette with F1, types the label, and runs the row whose label matches exactly. */
export async function runPaletteCommand(page: Page, label: string): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`>${label}`);
  // The row's aria-label is the command's label, then ", <keybinding>" if it has one.
  const quoted = JSON.stringify(label);
  const row = page
    .locator(`.quick-input-widget .monaco-list-row[aria-label=${quoted}], .quick-input-widget .monaco-list-row[aria-label^=${JSON.stringify(`${label},`)}]`)
    .first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}

/** Quick Open (Ctrl+P): types the path and opens the first match, which must be file. */
export async function quickOpen(page: Page, relPath: string): Promise<void> {
  const file = relPath.split('/').pop()!;
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(relPath);
  // Right after typing, the list can still show the recently opened editors: wait for the match.
  const row = page.locator('.quick-input-widget .monaco-list-row').first();
  await poll(page, async () => (await row.getAttribute('aria-label').catch(() => null)) ?? '', (l) => l.includes(file), 15_000, (l) => `Quick Open for "${relPath}" offered "${l}" first`);
  await page.keyboard.press('Enter');
  await activeTab(page, file);
}

export async function activeTab(page: Page, file: string, timeoutMs = 15_000): Promise<void> {
  const tab = page.locator(`.tabs-container .tab.active[aria-label^=${JSON.stringify(file)}]`);
  try {
    await tab.waitFor({ timeout: timeoutMs });
  } catch {
    assert.fail(`the active editor tab is not "${file}"; tabs: ${JSON.stringify(await tabs(page))}`);
  }
}

/** The editor tabs' labels, the active one marked with *. */
export async function tabs(page: Page): Promise<string[]> {
  return page.locator('.tabs-container .tab').evaluateAll((els) =>
    els.map((e) => `${e.classList.contains('active') ? '*' : ''}${e.querySelector('.label-name')?.textContent ?? e.getAttribute('aria-label') ?? ''}`),
  );
}

/**
 * Types filter into the open quick pick and accepts it with Enter once the
 * focused row shows rowText (Enter pressed before the list has filtered picks
 * whatever row was first).
 */
export async function acceptQuickPick(page: Page, filter: string, rowText: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(filter);
  const focused = widget.locator('.monaco-list-row.focused');
  await poll(
    page,
    async () => readable(await focused.first().textContent({ timeout: 1_000 }).catch(() => '')),
    (t) => t.includes(rowText),
    15_000,
    (t) => `the quick pick filtered by "${filter}" has "${t}" focused, not "${rowText}"`,
  );
  await page.keyboard.press('Enter');
}

/**
 * Waits for the input box a command opened: its title includes `title` and
 * its text is `value` (the default it offers).
 */
export async function inputBoxShows(page: Page, title: string, value: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await poll(
    page,
    async () => ({
      title: readable(await widget.locator('.quick-input-title').textContent({ timeout: 1_000 }).catch(() => '')),
      value: await input.inputValue({ timeout: 1_000 }).catch(() => '(no input box)'),
    }),
    (s) => s.title.includes(title) && s.value === value,
    15_000,
    (s) => `the input box should be "${title}" holding "${value}"; it is "${s.title}" holding "${s.value}"`,
  );
}

/**
 * Types `text` into the open input box (replacing what it holds) and waits
 * until the box's message under it includes `says` (its validation, or its
 * prompt when there is nothing to say).
 */
export async function typeIntoInputBox(page: Page, text: string, says: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input').fill(text);
  await poll(
    page,
    async () => readable(await widget.locator('.quick-input-message').textContent({ timeout: 1_000 }).catch(() => '')),
    (t) => t.includes(says),
    15_000,
    (t) => `after typing "${text}" the input box should say "${says}"; it says "${t}"`,
  );
}

/**
 * Presses Enter in the open quick input (an input box, a picker) until it
 * closes: an Enter pressed before it has read the typed text can be dropped.
 */
export async function acceptInputBox(page: Page, what: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await poll(
    page,
    async () => {
      if (!(await widget.isVisible())) return true;
      await page.keyboard.press('Enter');
      return widget.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
    },
    (closed) => closed,
    15_000,
    () => `${what}: it stayed open after Enter`,
  );
}

/** Go to Line (Ctrl+G) in the active editor; line is 1-based. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`:${line}`);
  // Enter pressed before the picker has read the typed line is dropped, and the
  // picker stays open (seen under load): wait for its "go to line N" row, then
  // press Enter until the picker closes.
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.monaco-list-row', { hasText: new RegExp(`line ${line}\\b`, 'i') }).first().waitFor({ timeout: 15_000 });
  await acceptInputBox(page, `Go to Line ${line} (the picker shows "${line}")`);
  await cursorLine(page, line);
}

/** Waits until the status bar says the cursor is on line (1-based). */
export async function cursorLine(page: Page, line: number, timeoutMs = 15_000): Promise<void> {
  const item = page.locator('#status\\.editor\\.selection');
  await poll(
    page,
    async () => readable(await item.textContent({ timeout: timeoutMs }).catch(() => '')),
    (t) => new RegExp(`\\bLn ${line}\\b`).test(t),
    timeoutMs,
    (t) => `the status bar should say "Ln ${line}", it says "${t || '(no cursor position)'}"`,
  );
}

/** The active editor's visible lines, as text. */
export async function visibleLines(page: Page): Promise<string[]> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  const boxes = await lines.evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat((e as HTMLElement).style.top || '0'), text: e.textContent ?? '' })),
  );
  return boxes.sort((a, b) => a.top - b.top).map((b) => readable(b.text));
}

/** The visible editor line that contains marker (fails listing what is visible). */
export async function lineWith(page: Page, marker: string, expected?: string, timeoutMs = 10_000): Promise<string> {
  const lines = await poll(
    page,
    () => visibleLines(page),
    (ls) => ls.some((l) => l.includes(marker) && (expected === undefined || l === expected)),
    timeoutMs,
    (ls) => {
      const hit = ls.find((l) => l.includes(marker));
      return hit === undefined
        ? `no visible editor line contains "${marker}"; visible:\n${ls.join('\n')}`
        : `the line reads\n  "${hit}"\nexpected\n  "${expected}"`;
    },
  );
  return lines.find((l) => l.includes(marker))!;
}

/** The rows of a Cadence tree view pane: label, description, depth, expanded. */
export interface TreeRow {
  label: string;
  description: string;
  level: number;
  expanded: string | null;
}

export async function treeRows(pane: Locator): Promise<TreeRow[]> {
  return pane.locator('.monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({
      label: (e.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
      description: (e.querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
      level: Number(e.getAttribute('aria-level') ?? 0),
      expanded: e.getAttribute('aria-expanded'),
    })),
  );
}

export function showRows(rows: TreeRow[]): string {
  return rows.map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.expanded === 'true' ? '▾ ' : r.expanded === 'false' ? '▸ ' : ''}${r.label}${r.description ? ` — ${r.description}` : ''}`).join('\n');
}

/** The dashboard's document: two frames deep. */
export function dashboardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Clicks a dashboard tab (overview, okrs, board) and waits until its panel is drawn. */
export async function selectDashboardTab(page: Page, id: 'overview' | 'okrs' | 'board'): Promise<void> {
  const wv = dashboardFrame(page);
  const tab = wv.locator(`#tab-${id}`);
  await tab.waitFor({ timeout: 30_000 });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await wv.locator(`#tab-${id}[aria-selected="true"]`).waitFor({ timeout: 10_000 });
  await wv.locator(`#panel.panel-${id}:not([aria-busy="true"])`).waitFor({ timeout: 30_000 });
}

export interface CardSeen {
  name: string;
  badge: string;
}

/** Waits until the overview shows exactly n report cards; returns their names and badges. */
export async function waitForCards(page: Page, n: number, timeoutMs = 30_000): Promise<CardSeen[]> {
  const wv = dashboardFrame(page);
  const read = async (): Promise<CardSeen[]> =>
    wv
      .locator('.people-grid .card.person')
      .evaluateAll((els) =>
        els.map((e) => ({ name: e.querySelector('.card-head .name')?.textContent ?? '', badge: e.querySelector('.card-head .badge')?.textContent ?? '' })),
      )
      .catch(() => []);
  return poll(page, read, (c) => c.length === n, timeoutMs, (c) => `the dashboard overview should show ${n} report cards; it shows ${c.length}: ${JSON.stringify(c.map((x) => x.name.slice(0, 80)))}`);
}

/** A short pause for paint before a screenshot (webview fonts, CSS transitions); never a wait for state. */
export async function settle(page: Page): Promise<void> {
  // The pointer goes to a blank spot of the title bar, so no hover tooltip sits in the picture.
  await page.mouse.move(200, 10);
  await page.waitForTimeout(300);
}

export interface DomSeen {
  /** Elements or attributes that can only have come from note text being parsed as HTML. */
  fromNotes: string[];
  /** The document's Content-Security-Policy meta. */
  csp: string;
  scripts: string[];
}

/**
 * Looks for markup made from note text: event-handler attributes, img,
 * iframe, object, embed, anchors with an href, and scripts that are not the
 * page's own nonce'd bundle.
 */
export async function inspectDom(wv: FrameLocator): Promise<DomSeen> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return wv.locator('body').evaluate(() => {
    const suspects: Element[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (Array.from(el.attributes).some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))) suspects.push(el);
    }
    suspects.push(...Array.from(document.querySelectorAll('img, iframe, frame, object, embed, a[href], foreignObject, base, form, video, audio, source')));
    for (const s of Array.from(document.querySelectorAll('script'))) {
      // VS Code's own acquireVsCodeApi script is injected by the webview host, not by the page.
      const host = s.id === '_vscodeApiScript' && !s.src && /acquireVsCodeApi/.test(s.textContent ?? '');
      if ((!s.nonce && !host) || /pwned|evil\.example/.test(`${s.src} ${s.textContent}`)) suspects.push(s);
    }
    const fromNotes = suspects.map((el) => `<${el.localName}${Array.from(el.attributes).map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`).join('')}>`);
    const scripts = Array.from(document.querySelectorAll('script')).map((s) => `${s.id ? `#${s.id} ` : ''}${s.src ? s.src.replace(/^.*\//, '') : '(inline)'}${s.nonce ? ' (nonce)' : ''}`);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? '(no CSP meta)';
    return { fromNotes, csp, scripts };
  });
}

/** Frames in which a hostile payload set its global (window.__pwned); none is the only right answer. */
export async function pwnedInFrames(page: Page, global = '__pwned'): Promise<string[]> {
  const out: string[] = [];
  for (const frame of page.frames()) {
    const value = await frame.evaluate((g) => (window as unknown as Record<string, unknown>)[g], global).catch(() => undefined);
    if (value !== undefined) out.push(`${frame.url().slice(0, 120)}: ${global}=${String(value)}`);
  }
  return out;
}

/** "Preferences: Color Theme" from the palette, then the named theme from its picker. */
export async function pickColorTheme(page: Page, theme: string): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill('>Preferences: Color Theme');
  await widget.locator('.monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  // The same widget now lists themes (its rows say e.g. "Dark Modern").
  await widget.locator('.monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor({ timeout: 15_000 });
  await input.fill(theme);
  const row = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${theme}$`) }) }).first();
  try {
    await row.waitFor({ timeout: 10_000 });
  } catch {
    const offered = (await widget.locator('.monaco-list-row').allTextContents()).map(readable);
    assert.fail(`the colour theme picker offers no "${theme}": ${JSON.stringify(offered)}`);
  }
  await row.click();
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
export function luminance(css: string): number {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(css);
  if (!m) return Number.NaN;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// ---------------------------------------------------------------------------
// Network: every request the browser makes, to prove nothing leaves the box.

export interface SeenRequest {
  url: string;
  /** The frame that made it ('' for a service worker). */
  frame: string;
  type: string;
  at: number;
  /** Answered by a service worker (the webview's resource loader) without reaching the network. */
  fromServiceWorker?: boolean;
  failed?: string;
}

/** Records every request of page's browser context (also those of its webview frames). */
export function watchRequests(page: Page, into: SeenRequest[]): void {
  const byRequest = new Map<Request, SeenRequest>();
  const context = page.context();
  context.on('request', (r) => {
    let frame = '';
    try {
      frame = r.frame().url();
    } catch {
      // a service worker's own request has no frame
    }
    const seen: SeenRequest = { url: r.url(), frame, type: r.resourceType(), at: Date.now() };
    byRequest.set(r, seen);
    into.push(seen);
  });
  context.on('requestfinished', (r) => {
    const seen = byRequest.get(r);
    if (!seen) return;
    void r
      .response()
      .then((res) => {
        if (res?.fromServiceWorker()) seen.fromServiceWorker = true;
      })
      .catch(() => undefined);
  });
  context.on('requestfailed', (r) => {
    const seen = byRequest.get(r);
    if (seen) seen.failed = r.failure()?.errorText ?? 'failed';
  });
}

export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host || `${u.protocol}`;
  } catch {
    return url.slice(0, 40);
  }
}

/**
 * Requests since `since` that went (or tried to go) anywhere but the
 * code-server origin. In-browser schemes (data:, blob:, about:) are local;
 * the webview's resource host (*.vscode-cdn.net) is local only when its
 * service worker answered, i.e. it never reached the network.
 */
export function remoteRequests(requests: readonly SeenRequest[], origin: string, since: number): string[] {
  const server = new URL(origin).host;
  return requests
    .filter((r) => r.at >= since)
    .filter((r) => {
      let u: URL;
      try {
        u = new URL(r.url);
      } catch {
        return true;
      }
      if (!/^(https?|wss?):$/.test(u.protocol)) return false;
      if (u.host === server) return false;
      if (/(^|\.)vscode-cdn\.net$/.test(u.hostname) && r.fromServiceWorker) return false;
      return true;
    })
    .map((r) => `${r.type} ${r.url.slice(0, 200)}${r.fromServiceWorker ? ' (service worker)' : ''}${r.failed ? ` [${r.failed}]` : ''} from ${r.frame.slice(0, 100) || '(worker)'}`);
}

/** A view's pane in the side bar, by its title (e.g. "Reports"). */
export function viewPane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}
