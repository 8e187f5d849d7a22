// The real-editor benchmark (issue 22, item 3): Cadence as a user runs it,
// the packaged .vsix in code-server (VS Code in the browser, a real Node
// extension host) driven by Debian's Chromium, on the generated 10k corpus
// plus a running log of a year of weekly meetings.
//
//   npm run bench:editor        (builds dist/ and the .vsix first)
//   node --experimental-websocket --import tsx bench/editor.ts
//        [--notes 10000] [--seed 1] [--vsix FILE] [--keys 10] [--no-write]
//        [--cpu-profile DIR]   (cold.cpuprofile and warm.cpuprofile: the
//        extension host from just after it starts to the final Problems
//        count; warm-page.cpuprofile: the page over the warm start; such a
//        run's figures are not written to BENCHMARKS.md)
//
// What it measures, each from the extension's activation (VS Code's own
// "_doActivateExtension cadence-team.cadence" line in the extension host's
// log, to the millisecond) to what the page shows (a MutationObserver in the
// page stamps every change of the status bar with Date.now(); the server,
// the browser and this script share one clock):
//   - cold (fresh profile, no saved index) and warm (the page reloaded, the
//     saved index there): when the status bar first shows a count (it shows
//     "indexing N of M" until then; any count shown before the final one is
//     reported as a partial count), and when the Problems count in the status
//     bar reaches its final value, which must be what `cadence check` reports
//     for the same folder (the one truth; a difference is reported);
//   - the extension host's memory above an empty window's (a folder with no
//     Cadence files, so Cadence never activates): the JS heap after a forced
//     garbage collection (Node's inspector, opened with SIGUSR1 on that
//     process only) and the process's RSS, after the cold index and after the
//     warm one, and the heap's change over the first keystroke after the
//     warm start;
//   - keystroke to diagnostic on the running log: Backspace, then the digit
//     back, at the end of a due date, so each key adds or removes one error;
//     from the keydown event to the status bar's Problems count changing, in
//     the page (which includes Cadence's 150 ms typing pause).
// Results go to stdout, bench/.work/editor-results.json and, unless
// --no-write, the "Real editor" section of BENCHMARKS.md (between its
// markers; bench/run.ts keeps that section when it rewrites the file).
// Timings on a shared 2-core machine vary with its load: the load average
// is recorded beside them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { HarnessError, installVsix, launchBrowser, makeRunDir, readTestEnv, runCleanups, sleep, startServer, workbenchUrl, type RunDir, type Server } from '../scripts/lib/code-server';
import { goToLine, quickOpen } from '../test/e2e/workbench';
import { SECTION_END, SECTION_START, withEditorSection } from './editor-section';
import { createRng, GENERATOR_VERSION, generateNoteText, generateWorkspace, isoOf, dayOf, readMarker } from './generate';

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, 'bench', '.work');
const TODAY = '2026-11-22';
const EXTENSION_ID = 'cadence-team.cadence';
const STATUS_ID = `${EXTENSION_ID}.cadence.attention`;
/** The running log: a year of weekly 1:1s with one person, in one file. */
const LOG_PERSON = 'log0001';
const LOG_REL = `1on1s/${LOG_PERSON}/log.md`;
/** The log's last line: Backspace at its end leaves "2026-12-0", an invalid date. */
const LAST_ITEM = `- [ ] Send the year's notes to ${LOG_PERSON} @me due:2026-12-01`;
const TYPING_PAUSE_MS = 150;

const TARGETS = { coldMs: 3000, warmMs: 1000, heapMiB: 150, keystrokeMs: TYPING_PAUSE_MS + 20 };

// ---------------------------------------------------------------------------
// The corpus

/** The generated corpus (reused when its marker matches) plus the running log and its person. */
export function prepareCorpus(notes: number, seed: number): string {
  const dir = join(WORK, `editor-${notes}-${seed}`);
  const m = readMarker(dir);
  if (!m || m.version !== GENERATOR_VERSION || m.notes !== notes || m.seed !== seed || m.crlf) {
    process.stderr.write(`generating ${notes} notes into ${dir}…\n`);
    generateWorkspace(dir, { notes, seed });
  }
  // Written only when different: a new mtime would make the warm start read it again.
  writeIfChanged(join(dir, 'people', `${LOG_PERSON}.md`), ['---', 'type: person', 'name: Lee Logan', 'role: Engineering manager', 'cadence: weekly', 'since: 2025-11-24', '---', ''].join('\n'));
  writeIfChanged(join(dir, ...LOG_REL.split('/')), runningLog(seed));
  return dir;
}

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/** 52 weekly meetings, newest first, each a generated note's sections one level down. */
export function runningLog(seed: number): string {
  const rng = createRng(seed + 7919);
  const out = ['---', 'type: 1on1', `with: ${LOG_PERSON}`, '---', `# ${LOG_PERSON}: weekly 1:1s`, ''];
  const last = dayOf('2026-11-16');
  for (let w = 0; w < 52; w++) {
    const date = isoOf(last - 7 * w);
    const note = generateNoteText(rng, { report: LOG_PERSON, date });
    const body = note.slice(note.indexOf('\n---\n', 4) + 5);
    out.push(`## ${date}`, ...body.split('\n').map((l) => (l.startsWith('## ') ? `#${l}` : l)), '');
  }
  out.push('## 2026-11-20', '### Action items', LAST_ITEM, '');
  return out.join('\n');
}

/** What `cadence check` counts for the folder: the Problems panel's final count must be the same. */
function checkCount(dir: string): number {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', dir, '--format', 'json', '--today', TODAY], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new HarnessError(`cadence check failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as unknown[]).length;
}

// ---------------------------------------------------------------------------
// The page's recorder: every change of the Cadence item and the Problems item.

interface Seen {
  t: number;
  /** The Cadence status bar item's text (icons dropped), or null when absent. */
  c: string | null;
  /** The Problems item's aria-label ("Errors: 1, Warnings: 2, Infos: 3", "No Problems"). */
  p: string | null;
}

interface Recorded {
  events: Seen[];
  keys: { t: number; key: string }[];
}

const RECORDER = `(() => {
  const rec = { events: [], keys: [] };
  window.__bench = rec;
  let lastC, lastP;
  const read = () => {
    const c = document.getElementById(${JSON.stringify(STATUS_ID)});
    const p = document.getElementById('status.problems');
    const ct = c ? c.textContent.replace(/\\s+/g, ' ').trim() : null;
    const pt = p ? p.getAttribute('aria-label') : null;
    if (ct !== lastC || pt !== lastP) { lastC = ct; lastP = pt; rec.events.push({ t: Date.now(), c: ct, p: pt }); }
  };
  const start = () => {
    const bar = document.querySelector('.part.statusbar');
    if (!bar) return setTimeout(start, 20);
    read();
    new MutationObserver(read).observe(bar, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
  };
  window.addEventListener('keydown', (e) => rec.keys.push({ t: Date.now(), key: e.key }), true);
  start();
})();`;

async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (window as unknown as { __bench: Recorded }).__bench);
}

/** The Problems item's label as a total and its errors. */
function problems(label: string | null): { total: number; errors: number } | undefined {
  if (label === null) return undefined;
  if (/no problems/i.test(label)) return { total: 0, errors: 0 };
  const n = (word: string) => Number(new RegExp(`${word}: ([\\d,]+)`, 'i').exec(label)?.[1].replace(/,/g, '') ?? 0);
  return { total: n('Errors') + n('Warnings') + n('Infos'), errors: n('Errors') };
}

const isCount = (c: string | null) => !!c && /overdue ·/.test(c);

// ---------------------------------------------------------------------------
// The extension host: its process, its activation, its memory.

function children(pid: number): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The newest live extension host under the server (a reload starts a new one). */
function extensionHost(server: Server): number | undefined {
  const all: number[] = [];
  const queue = [server.pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const c of children(p)) {
      queue.push(c);
      try {
        if (readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('--type=extensionHost')) all.push(c);
      } catch {
        // gone meanwhile
      }
    }
  }
  return all.sort((a, b) => startTicks(b) - startTicks(a))[0];
}

function startTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return -1;
  }
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Waits for an extension host under the server that is none of `seen` (a reload starts a new one). */
async function waitForHost(server: Server, seen: Set<number>): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const pid = extensionHost(server);
    if (pid && !seen.has(pid)) {
      seen.add(pid);
      return pid;
    }
    if (Date.now() > deadline) throw new HarnessError('no new extension host started within 120 s');
    await sleep(200);
  }
}

/** A DevTools protocol session with one process's inspector. */
interface Inspector {
  call(method: string, params?: object): Promise<unknown>;
  close(): void;
}

/**
 * Opens Node's inspector in the process `pid` with SIGUSR1 (127.0.0.1:9229)
 * and connects to it; undefined when that fails or the inspector answering
 * is another process's.
 */
async function inspect(pid: number): Promise<Inspector | undefined> {
  if (typeof WebSocket === 'undefined') return undefined;
  try {
    process.kill(pid, 'SIGUSR1');
    let url: string | undefined;
    for (let i = 0; i < 50 && !url; i++) {
      await sleep(100);
      const list = (await fetch('http://127.0.0.1:9229/json/list').then((r) => r.json(), () => [])) as { webSocketDebuggerUrl?: string }[];
      url = list[0]?.webSocketDebuggerUrl;
    }
    if (!url) return undefined;
    const ws = new WebSocket(url);
    await new Promise((res, rej) => {
      ws.onopen = res;
      ws.onerror = rej;
    });
    let id = 0;
    const pending = new Map<number, (v: unknown) => void>();
    ws.onmessage = (m) => {
      const msg = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
      if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
    };
    const call = (method: string, params: object = {}) =>
      new Promise<unknown>((res) => {
        pending.set(++id, res);
        ws.send(JSON.stringify({ id, method, params }));
      });
    const who = (await call('Runtime.evaluate', { expression: 'process.pid', returnByValue: true })) as { result: { value: number } };
    if (who.result.value !== pid) {
      ws.close();
      return undefined;
    }
    return { call, close: () => ws.close() };
  } catch {
    return undefined;
  }
}

/** The extension host's JS heap after a forced garbage collection, in MiB; undefined when the inspector fails. */
async function heapMiB(pid: number): Promise<number | undefined> {
  const session = await inspect(pid);
  if (!session) return undefined;
  try {
    await session.call('HeapProfiler.collectGarbage');
    await session.call('HeapProfiler.collectGarbage');
    const used = (await session.call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as { result: { value: number } };
    return used.result.value / 2 ** 20;
  } catch {
    return undefined;
  } finally {
    session.close();
  }
}

/**
 * --cpu-profile: starts V8's sampling profiler in the extension host `pid`
 * (1 ms samples); the returned function stops it and writes the profile to
 * `file` (open it in Chrome's DevTools or VS Code). undefined when the
 * inspector cannot be opened.
 */
async function startCpuProfile(pid: number, file: string): Promise<(() => Promise<void>) | undefined> {
  const session = await inspect(pid);
  if (!session) return undefined;
  await session.call('Profiler.enable');
  await session.call('Profiler.setSamplingInterval', { interval: 1000 });
  await session.call('Profiler.start');
  return async () => {
    const { profile } = (await session.call('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.close();
    process.stderr.write(`CPU profile of the extension host: ${file}\n`);
  };
}

/** --cpu-profile: the same for the page (the workbench in Chromium's renderer), through Playwright's CDP session. */
async function startPageProfile(page: Page, file: string): Promise<() => Promise<void>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    await session.detach();
    process.stderr.write(`CPU profile of the page: ${file}\n`);
  };
}

/** Steady memory: RSS sampled until two readings a second apart agree within 2 MiB (or 20 s). */
async function settledRss(pid: number): Promise<number> {
  let last = rssMiB(pid);
  for (let i = 0; i < 20; i++) {
    await sleep(1000);
    const now = rssMiB(pid);
    if (Math.abs(now - last) < 2) return now;
    last = now;
  }
  return last;
}

/** The time of Cadence's activation in the newest extension host log that has it (ms since the epoch). */
async function activationTime(run: RunDir, after: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    for (const f of logFiles(join(run.userData, 'logs')).filter((x) => /exthost\.log$/.test(x))) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) .*_doActivateExtension cadence-team\.cadence\b/.exec(line);
        if (m) {
          const t = new Date(`${m[1]}T${m[2]}`).getTime();
          if (t >= after - 1000) return t;
        }
      }
    }
    if (Date.now() > deadline) throw new HarnessError('Cadence was not activated within 120 s');
    await sleep(200);
  }
}

function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? logFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Waits until Cadence's log says the persistent index was saved (after `after` lines). */
async function waitForSave(run: RunDir, lines: number): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const saved = logFiles(join(run.userData, 'logs'))
      .filter((f) => f.endsWith('Cadence.log'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
      .filter((l) => /saved the persistent index/.test(l));
    if (saved.length > lines) return;
    if (Date.now() > deadline) throw new HarnessError('the persistent index was not saved within 180 s');
    await sleep(500);
  }
}

function savedCount(run: RunDir): number {
  return logFiles(join(run.userData, 'logs'))
    .filter((f) => f.endsWith('Cadence.log'))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => /saved the persistent index/.test(l)).length;
}

// ---------------------------------------------------------------------------
// One start: cold or warm

interface StartFigures {
  /** Activation to the status bar's first count. */
  firstCountMs: number;
  /** Activation to the Problems count's final value. */
  problemsFinalMs: number;
  /** From the page's navigation to activation. */
  loadToActivationMs: number;
  /** Counts the status bar showed before its final one (partial counts shown as if final). */
  partialCounts: string[];
  /** The status bar's indexing texts, first and last. */
  indexingSeen: string[];
  finalCount: string;
  problemsFinal: number;
  /** How many times the Problems count changed before it was final. */
  problemsSteps: number;
}

async function measureStart(page: Page, run: RunDir, navigatedAt: number, expected: number): Promise<StartFigures> {
  const activated = await activationTime(run, navigatedAt);
  // Done when the count is shown and the Problems item says the expected total; or, if it never
  // does, once nothing has changed for 20 s (then the difference is reported).
  const deadline = Date.now() + 300_000;
  let rec: Recorded;
  for (;;) {
    rec = await recorded(page);
    const last = rec.events[rec.events.length - 1];
    if (last && isCount(last.c) && problems(last.p)?.total === expected) break;
    if (last && Date.now() - last.t > 20_000 && isCount(last.c)) break;
    if (Date.now() > deadline) throw new HarnessError(`the start did not settle within 300 s; last seen: ${JSON.stringify(last)}`);
    await sleep(250);
  }
  const events = rec.events;
  const firstCount = events.find((e) => isCount(e.c))!;
  const finalCount = [...events].reverse().find((e) => isCount(e.c))!.c!;
  const counts = [...new Set(events.filter((e) => isCount(e.c)).map((e) => e.c!))];
  const totals = events.map((e) => problems(e.p)?.total ?? 0);
  const final = totals[totals.length - 1];
  // The first moment the Problems count reached its final value and stayed there.
  let at = events.length - 1;
  while (at > 0 && totals[at - 1] === final) at--;
  let steps = 0;
  for (let i = 1; i < totals.length; i++) if (totals[i] !== totals[i - 1]) steps++;
  const indexing = events.map((e) => e.c).filter((c): c is string => !!c && /indexing/.test(c));
  return {
    firstCountMs: firstCount.t - activated,
    problemsFinalMs: events[at].t - activated,
    loadToActivationMs: activated - navigatedAt,
    partialCounts: counts.filter((c) => c !== finalCount),
    indexingSeen: indexing.length > 2 ? [indexing[0], indexing[indexing.length - 1]] : indexing,
    finalCount,
    problemsFinal: final,
    problemsSteps: steps,
  };
}

// ---------------------------------------------------------------------------
// Keystrokes on the running log

interface KeyFigures {
  /** Keydown to the Problems count's change, each key (ms). */
  latencies: number[];
  /** The first key after the warm start. */
  first: number;
  /** Of the keys after the first. */
  median: number;
  max: number;
  /** Heap after a forced GC, before the first keystroke and after its diagnostic (MiB). */
  heapBefore?: number;
  heapAfter?: number;
}

async function measureKeys(page: Page, host: number, keys: number): Promise<KeyFigures> {
  await quickOpen(page, LOG_REL);
  const text = readFileSync(join(corpusDir, ...LOG_REL.split('/')), 'utf8').split('\n');
  const line = text.indexOf(LAST_ITEM) + 1;
  await goToLine(page, line);
  await page.keyboard.press('End');
  const heapBefore = await heapMiB(host);
  const latencies: number[] = [];
  let heapAfter: number | undefined;
  for (let k = 0; k < keys; k++) {
    for (const key of ['Backspace', '1']) {
      const before = await recorded(page);
      const errors = problems(before.events[before.events.length - 1].p)!.errors;
      const want = key === 'Backspace' ? errors + 1 : errors - 1;
      await page.keyboard.press(key);
      const deadline = Date.now() + 30_000;
      let rec = before;
      for (;;) {
        rec = await recorded(page);
        const hit = rec.events.slice(before.events.length).find((e) => problems(e.p)?.errors === want);
        if (hit) {
          const down = rec.keys.slice(before.keys.length).find((x) => x.key === key)!;
          latencies.push(hit.t - down.t);
          break;
        }
        if (Date.now() > deadline) throw new HarnessError(`after ${key} the Problems count never showed ${want} errors`);
        await sleep(20);
      }
      if (heapAfter === undefined) heapAfter = await heapMiB(host);
    }
  }
  const sorted = latencies.slice(1).sort((a, b) => a - b);
  return { latencies, first: latencies[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1], heapBefore, heapAfter };
}

// ---------------------------------------------------------------------------
// Main

let corpusDir = '';

interface Results {
  date: string;
  machine: string;
  loadBefore: number[];
  loadAfter: number[];
  notes: number;
  files: number;
  expectedProblems: number;
  empty: { heapMiB?: number; rssMiB: number };
  cold: StartFigures & { heapMiB?: number; rssMiB: number };
  warm: StartFigures & { heapMiB?: number; rssMiB: number };
  keystroke: KeyFigures;
  /** Cadence's own log of the run: what it restored, read and saved, and how long each took. */
  cadenceLog: string[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      vsix: { type: 'string', default: join(WORK, 'cadence-bench.vsix') },
      keys: { type: 'string', default: '10' },
      'no-write': { type: 'boolean', default: false },
      'cpu-profile': { type: 'string' },
    },
  });
  // A profiled run's times carry the profiler's cost: its figures are not written to BENCHMARKS.md.
  const profileDir = values['cpu-profile'] ? resolve(values['cpu-profile']) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const profile = async (pid: number, name: string) => (profileDir ? startCpuProfile(pid, join(profileDir, `${name}.cpuprofile`)) : undefined);
  const notes = Number(values.notes);
  const seed = Number(values.seed);
  const keys = Number(values.keys);
  const vsix = resolve(values.vsix!);
  if (!existsSync(vsix)) throw new HarnessError(`no ${vsix}: run "npm run bench:editor" (it builds and packages first)`);
  const loadBefore = loadavg();
  corpusDir = prepareCorpus(notes, seed);
  const expected = checkCount(corpusDir);
  const files = logFiles(corpusDir).filter((f) => /\.(md|markdown|ya?ml)$/i.test(f)).length;
  process.stderr.write(`corpus ${corpusDir}: ${files} files; cadence check reports ${expected} problems\n`);

  const env = readTestEnv();
  const run = makeRunDir('cadence-bench-editor');
  let failed = true;
  try {
    installVsix(env, run, vsix);
    const empty = join(run.root, 'empty');
    mkdirSync(empty);
    let server = await startServer(env, run, { extraEnv: { CADENCE_TODAY: TODAY } });
    const browser = await launchBrowser(env, run);

    // An empty window: the baseline extension host.
    const blank = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await blank.goto(workbenchUrl(server, empty), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await blank.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    const hosts = new Set<number>();
    const emptyHost = await waitForHost(server, hosts);
    const emptyRss = await settledRss(emptyHost);
    const emptyHeap = await heapMiB(emptyHost);
    process.stderr.write(`empty window: heap ${fmt(emptyHeap)} MiB, RSS ${emptyRss.toFixed(0)} MiB\n`);
    await blank.close();
    // A new server for the rest: the empty window's host would live on (code-server keeps a
    // closed window's host for a reconnection) and keep the inspector's port.
    await server.stop();
    server = await startServer(env, run, { extraEnv: { CADENCE_TODAY: TODAY } });

    // Cold: a fresh profile (no saved index for this folder).
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(RECORDER);
    const saves = savedCount(run);
    let navigated = Date.now();
    await page.goto(workbenchUrl(server, corpusDir), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const coldHost = await waitForHost(server, hosts);
    const coldProfile = await profile(coldHost, 'cold');
    const cold = await measureStart(page, run, navigated, expected);
    await coldProfile?.();
    process.stderr.write(`cold: ${JSON.stringify(cold)}\n`);
    await waitForSave(run, saves);
    const coldRss = await settledRss(coldHost);
    const coldHeap = await heapMiB(coldHost);
    process.stderr.write(`cold: heap ${fmt(coldHeap)} MiB, RSS ${coldRss.toFixed(0)} MiB\n`);

    // Warm: the page reloaded (a new extension host), the saved index there.
    const pageProfile = profileDir ? await startPageProfile(page, join(profileDir, 'warm-page.cpuprofile')) : undefined;
    navigated = Date.now();
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 });
    const warmHost = await waitForHost(server, hosts);
    const warmProfile = await profile(warmHost, 'warm');
    const warm = await measureStart(page, run, navigated, expected);
    await warmProfile?.();
    await pageProfile?.();
    process.stderr.write(`warm: ${JSON.stringify(warm)}\n`);
    const warmRss = await settledRss(warmHost);
    const warmHeap = await heapMiB(warmHost);
    process.stderr.write(`warm: heap ${fmt(warmHeap)} MiB, RSS ${warmRss.toFixed(0)} MiB\n`);

    const keystroke = await measureKeys(page, warmHost, keys);
    process.stderr.write(`keystrokes: ${JSON.stringify(keystroke)}\n`);

    const results: Results = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
      loadBefore,
      loadAfter: loadavg(),
      notes,
      files,
      expectedProblems: expected,
      empty: { heapMiB: emptyHeap, rssMiB: emptyRss },
      cold: { ...cold, heapMiB: coldHeap, rssMiB: coldRss },
      warm: { ...warm, heapMiB: warmHeap, rssMiB: warmRss },
      keystroke,
      cadenceLog: logFiles(join(run.userData, 'logs'))
        .filter((f) => f.endsWith('Cadence.log'))
        .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
        .filter((l) => /restored|indexed|saved/.test(l)),
    };
    writeFileSync(join(WORK, 'editor-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const md = markdown(results);
    process.stdout.write(`${md}\n`);
    if (!values['no-write'] && !profileDir) writeSection(md);
    failed = false;
  } finally {
    await runCleanups();
    if (!failed) run.remove();
    else process.stderr.write(`run folder kept for a look: ${run.root}\n`);
  }
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const met = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');

function markdown(r: Results): string {
  const above = (x: number | undefined, base: number | undefined) => (x === undefined || base === undefined ? undefined : x - base);
  const coldHeap = above(r.cold.heapMiB, r.empty.heapMiB);
  const warmHeap = above(r.warm.heapMiB, r.empty.heapMiB);
  const jump = above(r.keystroke.heapAfter, r.keystroke.heapBefore);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  return [
    SECTION_START,
    '## Real editor (code-server)',
    '',
    `\`npm run bench:editor\` (bench/editor.ts), ${r.date.slice(0, 16).replace('T', ' ')} UTC: the packaged .vsix in code-server, driven by Chromium, on the ${r.notes.toLocaleString('en-US')}-note corpus plus a running log of 52 weekly meetings (${r.files.toLocaleString('en-US')} files; \`cadence check\` reports ${r.expectedProblems.toLocaleString('en-US')} problems). Machine: ${r.machine}; load average (1/5/15 min) ${load(r.loadBefore)} before, ${load(r.loadAfter)} after. One run; times from Cadence's activation.`,
    '',
    '| | cold (fresh profile) | warm (reload, saved index) | target |',
    '| --- | --- | --- | --- |',
    `| status bar's first count | ${secs(r.cold.firstCountMs)} | ${secs(r.warm.firstCountMs)} | |`,
    `| Problems count final (${r.cold.problemsFinal.toLocaleString('en-US')} / ${r.warm.problemsFinal.toLocaleString('en-US')}) | ${secs(r.cold.problemsFinalMs)} | ${secs(r.warm.problemsFinalMs)} | cold ≤ 3 s ${met(r.cold.problemsFinalMs <= TARGETS.coldMs)}, warm ≤ 1 s ${met(r.warm.problemsFinalMs <= TARGETS.warmMs)} |`,
    `| Problems count steps before final | ${r.cold.problemsSteps} | ${r.warm.problemsSteps} | |`,
    `| partial counts shown as final | ${r.cold.partialCounts.length ? r.cold.partialCounts.join(', ') : 'none'} | ${r.warm.partialCounts.length ? r.warm.partialCounts.join(', ') : 'none'} | none |`,
    `| page load to activation | ${secs(r.cold.loadToActivationMs)} | ${secs(r.warm.loadToActivationMs)} | |`,
    `| extension host heap above an empty window's (after GC) | +${fmt(coldHeap)} MiB | +${fmt(warmHeap)} MiB | ≤ +${TARGETS.heapMiB} MiB ${met(coldHeap === undefined ? undefined : Math.max(coldHeap, warmHeap ?? 0) <= TARGETS.heapMiB)} |`,
    `| extension host RSS above an empty window's | +${fmt(r.cold.rssMiB - r.empty.rssMiB)} MiB | +${fmt(r.warm.rssMiB - r.empty.rssMiB)} MiB | |`,
    '',
    `Empty window: heap ${fmt(r.empty.heapMiB)} MiB, RSS ${fmt(r.empty.rssMiB)} MiB. Status bar while indexing: ${r.cold.indexingSeen.map((s) => `"${s}"`).join(' … ') || '(not seen)'} (cold), ${r.warm.indexingSeen.map((s) => `"${s}"`).join(' … ') || '(not seen)'} (warm); then "${r.cold.finalCount}".`,
    '',
    `Keystroke to diagnostic on the running log (${r.keystroke.latencies.length} keys, each adding or removing one error; keydown to the Problems count's change, the ${TYPING_PAUSE_MS} ms typing pause included): the first after the warm start ${r.keystroke.first} ms; the others median ${r.keystroke.median} ms, max ${r.keystroke.max} ms; target ≤ ${TARGETS.keystrokeMs} ms ${met(r.keystroke.median <= TARGETS.keystrokeMs)} (median). Heap over the first keystroke after the warm start: ${jump === undefined ? 'n/a' : `${jump >= 0 ? '+' : ''}${jump.toFixed(1)} MiB`}.`,
    '',
    "Cadence's log of the run:",
    '',
    ...r.cadenceLog.map((l) => `    ${l}`),
    SECTION_END,
  ].join('\n');
}

/** Puts the section into BENCHMARKS.md: in place of the previous one, or at the end. */
function writeSection(md: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  writeFileSync(file, withEditorSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', md));
  process.stderr.write(`wrote the real-editor section of ${file}\n`);
}

if (require.main === module) {
  main().catch(async (e: unknown) => {
    await runCleanups();
    process.stderr.write(`bench:editor: ${e instanceof HarnessError ? e.message : (e as Error).stack}\n`);
    process.exit(1);
  });
}
