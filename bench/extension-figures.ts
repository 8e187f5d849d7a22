// The extension-side benchmark figures, with the real Dataset and the real
// persistent index on the generated 10k-note workspace. bench/run.ts calls
// measureExtensionFigures() after the CLI measurements and prints each figure
// next to its target; it also runs on its own:
//
//   npx tsx bench/extension-figures.ts [--dir bench/.work/ws-10000-s1] [--runs 5]
//
// What is measured, and how:
//   (a) a keystroke in a 1:1 note: setFile of the edited text, then
//       diagnostics() of every path the change event names — what the editor
//       does after its 150 ms typing pause. One keystroke each in 300
//       different notes; median and p95. (a) and (b) run in a fresh process
//       from the bench's bundle of this file (no tsx hooks: the core as the
//       shipped extension bundle runs it), on a cold 10k Dataset.
//   (b) a keystroke in a person file that changes a cross-file fact (its id:
//       `id: p0042` → `id: p0042x` and back), same measure: every file that
//       names that person is re-judged.
//   (c) a start of the 10k workspace, each in a fresh process (a start is a
//       fresh extension host: nothing JIT-compiled yet), the file list given:
//       cold = read + parse every file into a new Dataset; warm = read the
//       persistent index and restore it (every file in the Dataset, each
//       file's saved diagnostics at hand), as the extension does before it
//       looks at the disk; then, measured apart, the check against the disk
//       (a stat of every file, nothing changed). Also, after each,
//       diagnostics() of every file, and the same pair in one long-running
//       process.
//   (c') the same two starts through the extension's own code
//       (CadenceWorkspace: its chunked reads, on a file: folder Node's own
//       synchronous reads as in the real extension host, Host.readLocalFile;
//       its stats through workspace.fs), with a fake `vscode` whose
//       workspace.fs is Node's fs/promises.
//   (d) activation: require() of the bundled extension + activate() with the
//       fake `vscode`, counting every file read and stat, through the fake's
//       workspace.fs and through Node's fs, while activate() runs.
//   (e) saving the index: the first save (every document encoded), a save
//       after one more keystroke, and the file's size.
//
// Honest numbers only: a figure that cannot be measured says why.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { walk } from '../src/cli/walk';
import { makeFakeVscode } from './fake-vscode';
import { Dataset } from '../src/core/dataset';
import { entryOf, IndexWriter, readIndex, restoreIndex, type FileStamp } from '../src/core/persist';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { decodeFile } from '../src/core/text';
import { cleanEnv } from '../scripts/lib/clean-env';

export interface ExtensionFigureContext {
  /** Generated workspaces by note count, e.g. { 10000: '/…/bench/.work/ws-10000-s1' }. */
  workspaces: Record<number, string>;
  /** Repository root (dist/ lives here). */
  root: string;
  /** How many times to repeat a measurement (the median is reported). */
  runs: number;
}

export interface ExtensionFigure {
  name: string;
  /** Human-readable target, e.g. "≤ 50 ms". */
  target: string;
  /** Measured value in `unit`; undefined means not measured yet. */
  value?: number;
  unit: string;
  /** Whether `value` meets the target; undefined when not measured or no target. */
  met?: boolean;
  note?: string;
}

// The children run from a bundle in bench/.work/ext, where __dirname is not bench/.
const ROOT = process.env.CADENCE_BENCH_ROOT ?? resolve(__dirname, '..');
const WORK = join(ROOT, 'bench', '.work', 'ext');
const TODAY = '2026-11-22';
const KEYSTROKE_NOTES = 300;
const TARGET_KEY_MEDIAN = 10;
const TARGET_KEY_P95 = 25;
const TARGET_WARM_RATIO = 50;
const TARGET_ACTIVATION_MS = 50;

// ---------------------------------------------------------------------------
// Small helpers

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}
const median = (xs: readonly number[]): number => quantile(xs, 0.5);
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' / ');

function stampOf(abs: string): FileStamp {
  const st = fs.statSync(abs);
  return { size: st.size, mtime: st.mtimeMs };
}

/** Every file of the workspace that Cadence may read, as the CLI finds them. */
function listFiles(dir: string): string[] {
  return walk(dir, [], []);
}

/** Cold: read and parse every file into a new Dataset. */
function coldLoad(dir: string, files: readonly string[]): Dataset {
  const ds = new Dataset({ today: TODAY, settings: DEFAULT_SETTINGS });
  ds.batch(() => {
    for (const f of files) {
      const decoded = decodeFile(fs.readFileSync(join(dir, f)), DEFAULT_SETTINGS.maxFileSizeKB);
      if ('text' in decoded) ds.setFile(f, decoded.text);
    }
  });
  return ds;
}

interface WarmResult {
  ds: Dataset;
  readMs: number;
  decodeMs: number;
  restoreMs: number;
  /** After the restore: a stat of every file, compared with the index (and a read of those that moved). */
  statMs: number;
  reread: number;
}

/** The payload file next to an index file (the extension's two files). */
const payloadOf = (indexFile: string): string => indexFile.replace(/\.bin$/, '.docs');

/** Warm: read the index, restore it; then stat every file and read the ones that moved. */
function warmLoad(dir: string, files: readonly string[], indexFile: string): WarmResult {
  let t = performance.now();
  const bytes = fs.readFileSync(indexFile);
  const readMs = performance.now() - t;
  t = performance.now();
  const index = readIndex(bytes, DEFAULT_SETTINGS, () => fs.readFileSync(payloadOf(indexFile)));
  const decodeMs = performance.now() - t;
  if (!index) throw new Error(`${indexFile} is not a usable index`);
  t = performance.now();
  const ds = new Dataset({ today: TODAY, settings: DEFAULT_SETTINGS });
  restoreIndex(index, ds);
  const restoreMs = performance.now() - t;
  t = performance.now();
  let reread = 0;
  ds.batch(() => {
    for (const f of files) {
      const abs = join(dir, f);
      const stamp = stampOf(abs);
      const was = index.files.get(f);
      if (was && was.size === stamp.size && was.mtime === stamp.mtime) continue;
      reread++;
      const decoded = decodeFile(fs.readFileSync(abs), DEFAULT_SETTINGS.maxFileSizeKB);
      if ('text' in decoded) ds.setFile(f, decoded.text);
    }
  });
  return { ds, readMs, decodeMs, restoreMs, statMs: performance.now() - t, reread };
}

function diagnoseAll(ds: Dataset): number {
  let n = 0;
  for (const p of ds.paths()) n += ds.diagnostics(p).length;
  return n;
}

// ---------------------------------------------------------------------------
// Children: each start in a fresh process

interface StartSample {
  mode: 'cold' | 'warm';
  /** Ready: every file in the Dataset (warm: restored, before the check against the disk). */
  ms: number;
  cpu: number;
  /** Then diagnostics() of every file. */
  diagMs: number;
  diagnostics: number;
  files: number;
  readMs?: number;
  decodeMs?: number;
  restoreMs?: number;
  statMs?: number;
  reread?: number;
}

function childStart(mode: 'cold' | 'warm', dir: string, indexFile: string): StartSample {
  const files = listFiles(dir);
  const c0 = cpuMs();
  const t0 = performance.now();
  let sample: Omit<StartSample, 'ms' | 'cpu' | 'diagMs' | 'diagnostics'>;
  let ds: Dataset;
  if (mode === 'cold') {
    ds = coldLoad(dir, files);
    sample = { mode, files: files.length };
  } else {
    const w = warmLoad(dir, files, indexFile);
    ds = w.ds;
    sample = { mode, files: files.length, readMs: r1(w.readMs), decodeMs: r1(w.decodeMs), restoreMs: r1(w.restoreMs), statMs: r1(w.statMs), reread: w.reread };
  }
  // The warm figure stops at the restore; the check against the disk is reported apart.
  const ms = performance.now() - t0 - (mode === 'warm' ? sample.statMs! : 0);
  const cpu = cpuMs() - c0;
  const t1 = performance.now();
  const diagnostics = diagnoseAll(ds);
  return { ...sample, ms: r1(ms), cpu: r1(cpu), diagMs: r1(performance.now() - t1), diagnostics };
}

/** Cold and warm alternately in one process, the first pair discarded (JIT warm): the conservative ratio. */
function childSteady(dir: string, indexFile: string, runs: number): { cold: number[]; warm: number[] } {
  const files = listFiles(dir);
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i <= runs; i++) {
    gc();
    let t = performance.now();
    let ds: Dataset | undefined = coldLoad(dir, files);
    if (i) cold.push(performance.now() - t);
    ds = undefined;
    gc();
    t = performance.now();
    const w = warmLoad(dir, files, indexFile);
    ds = w.ds;
    if (i) warm.push(performance.now() - t - w.statMs);
    void ds;
  }
  return { cold, warm };
}

/** Runs this file's child mode from its bundle: plain node, no tsx hooks in the measured process. */
function runChild<T>(harness: string, args: string[], nodeFlags: string[] = []): T {
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), CADENCE_BENCH_ROOT: ROOT };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [...nodeFlags, harness, 'child', ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`child ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' / ')}`);
  }
}

// ---------------------------------------------------------------------------
// (a), (b), (e): in this process, on a cold-loaded 10k Dataset

interface Keystrokes {
  ms: number[];
  named: number[];
}

function keystroke(ds: Dataset, path: string, text: string): { ms: number; named: number } {
  let named: ReadonlySet<string> = new Set();
  const sub = ds.onDidChange((e) => (named = e.paths));
  const t = performance.now();
  ds.setFile(path, text);
  for (const p of named) ds.diagnostics(p);
  const ms = performance.now() - t;
  sub.dispose();
  return { ms, named: named.size };
}

/** A cold Dataset of the workspace, every file's text and the stamps the index records, every file's diagnostics computed. */
function loadWithTexts(dir: string): { files: string[]; texts: Map<string, string>; stamps: Map<string, FileStamp>; ds: Dataset } {
  const files = listFiles(dir);
  const texts = new Map<string, string>();
  const stamps = new Map<string, FileStamp>();
  const ds = new Dataset({ today: TODAY, settings: DEFAULT_SETTINGS });
  ds.batch(() => {
    for (const f of files) {
      const abs = join(dir, f);
      stamps.set(f, stampOf(abs));
      const decoded = decodeFile(fs.readFileSync(abs), DEFAULT_SETTINGS.maxFileSizeKB);
      if ('text' in decoded) {
        texts.set(f, decoded.text);
        ds.setFile(f, decoded.text);
      }
    }
  });
  diagnoseAll(ds);
  return { files, texts, stamps, ds };
}

/** (a) and (b) on a cold 10k Dataset in this (bundled, fresh) process. */
function childKeys(dir: string): { notes: Keystrokes; people: Keystrokes } {
  const { texts, ds } = loadWithTexts(dir);
  return { notes: noteKeystrokes(ds, texts), people: personKeystrokes(ds, texts) };
}

function noteKeystrokes(ds: Dataset, texts: Map<string, string>): Keystrokes {
  const notes = ds.paths().filter((p) => ds.summary(p)?.kind === '1on1');
  const step = Math.max(1, Math.floor(notes.length / KEYSTROKE_NOTES));
  const out: Keystrokes = { ms: [], named: [] };
  for (let i = 0; i < notes.length && out.ms.length < KEYSTROKE_NOTES; i += step) {
    const p = notes[i];
    const text = texts.get(p)!;
    // Type one letter into the first action item's text.
    const at = text.search(/^[-*+] \[.\] /m);
    const cut = at === -1 ? text.length : at + 6;
    const r = keystroke(ds, p, text.slice(0, cut) + 'a' + text.slice(cut));
    out.ms.push(r.ms);
    out.named.push(r.named);
    ds.setFile(p, text);
  }
  return out;
}

function personKeystrokes(ds: Dataset, texts: Map<string, string>): Keystrokes {
  const people = ds.paths().filter((p) => ds.summary(p)?.kind === 'person');
  const out: Keystrokes = { ms: [], named: [] };
  for (const p of people) {
    const text = texts.get(p)!;
    const id = ds.summary(p)!.key!;
    // Spell the id out (same key: no cross-file change), then type a letter
    // into it and delete it again: both change who the id is.
    const withId = text.replace(/^type: person$/m, `type: person\nid: ${id}`);
    ds.setFile(p, withId);
    for (const next of [withId.replace(`id: ${id}`, `id: ${id}x`), withId]) {
      const r = keystroke(ds, p, next);
      out.ms.push(r.ms);
      out.named.push(r.named);
    }
    ds.setFile(p, text);
  }
  return out;
}

// ---------------------------------------------------------------------------
// (c'), (d): the extension's own code with a fake `vscode`

interface ExtSample {
  requireMs: number;
  activateMs: number;
  /** File reads and stats while activate() ran (workspace.fs and node:fs). */
  readsDuringActivate: number;
  readsAfter: number;
  /** From the start of activate() until whenIndexed() resolves (diagnostics published on the way). */
  indexedMs: number;
  indexedCpu: number;
  restored: number;
  /** Warm: from the start of the folder's index until the persistent index was restored (the extension's log). */
  restoredMs?: number;
  read: number;
  saveMs: number;
  saved: boolean;
  errors: string[];
}

async function childExtension(bundle: string, dir: string, storage: string): Promise<ExtSample> {
  const Module = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const counters = { reads: 0 };
  const errors: string[] = [];
  const infos: string[] = [];
  const files = listFiles(dir);
  const vscode = makeFakeVscode({ root: ROOT, dir, storage, files, counters, errors, infos });
  // esbuild's interop copies the module's own keys: give the fake every name the bundle uses.
  const names = vscode.api;
  for (const m of fs.readFileSync(bundle, 'utf8').matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)) if (!Object.prototype.hasOwnProperty.call(names, m[1])) names[m[1]] = vscode.inert;
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode.api : original.call(this, request, parent, isMain);
  };
  countNodeFs(counters);

  const t0 = performance.now();
  const ext = require(bundle) as { activate(ctx: unknown): { whenIndexed(): Promise<void> }; deactivate(): Promise<void> | undefined };
  const t1 = performance.now();
  const before = counters.reads;
  const c1 = cpuMs();
  const api = ext.activate(vscode.context);
  const t2 = performance.now();
  const readsDuringActivate = counters.reads - before;
  await api.whenIndexed();
  const t3 = performance.now();
  const indexedCpu = cpuMs() - c1;
  const readsAfter = counters.reads - before - readsDuringActivate;
  const t4 = performance.now();
  await ext.deactivate();
  const saveMs = performance.now() - t4;
  const m = infos.map((l) => /\((\d+) from the persistent index, (\d+) read\)/.exec(l)).find(Boolean);
  const warm = infos.map((l) => /restored \d+ Cadence files from the persistent index in (\d+) ms/.exec(l)).find(Boolean);
  return {
    requireMs: r1(t1 - t0),
    activateMs: r1(t2 - t1),
    readsDuringActivate,
    readsAfter,
    indexedMs: r1(t3 - t1),
    indexedCpu: r1(indexedCpu),
    restored: m ? Number(m[1]) : -1,
    restoredMs: warm ? Number(warm[1]) : undefined,
    read: m ? Number(m[2]) : -1,
    saveMs: r1(saveMs),
    saved: infos.some((l) => l.includes('saved the persistent index')),
    errors,
  };
}

/** Counts Node's own file reads and stats (an extension could bypass workspace.fs). */
function countNodeFs(counters: { reads: number }): void {
  // The module object itself (the `import * as` namespace is read-only).
  const nodeFs = require('node:fs') as typeof fs;
  const wrap = <T extends object>(obj: T, names: string[]) => {
    for (const name of names) {
      const o = obj as Record<string, unknown>;
      const fn = o[name];
      if (typeof fn !== 'function') continue;
      o[name] = function (this: unknown, ...args: unknown[]) {
        counters.reads++;
        return (fn as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
  };
  wrap(nodeFs, ['readFileSync', 'readFile', 'statSync', 'stat', 'lstatSync', 'readdirSync', 'readdir', 'openSync', 'open']);
  wrap(nodeFs.promises, ['readFile', 'stat', 'lstat', 'readdir', 'open']);
}

/**
 * Bundles, as scripts/build.mjs bundles dist/extension.js: the extension
 * (into a private file in `work`: dist/ is left alone) and a harness (a
 * bench file, by default this one), so the children run on plain node.
 */
export async function bundle(work = WORK, harnessSource = join(ROOT, 'bench', 'extension-figures.ts')): Promise<{ extension: string; harness: string }> {
  const { build } = await import('esbuild');
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' } satisfies import('esbuild').BuildOptions;
  const extension = join(work, 'extension.cjs');
  const harness = join(work, 'harness.cjs');
  await Promise.all([
    build({ ...common, entryPoints: [join(ROOT, 'src', 'extension', 'extension.ts')], outfile: extension, external: ['vscode'] }),
    build({ ...common, entryPoints: [harnessSource], outfile: harness, external: ['esbuild'] }),
  ]);
  return { extension, harness };
}

// ---------------------------------------------------------------------------
// The figures

/** The median and p95 rows of a keystroke figure, against the issue's targets. */
function keystrokeFigures(name: string, ms: readonly number[], note: string): ExtensionFigure[] {
  const med = median(ms);
  const p95 = quantile(ms, 0.95);
  return [
    { name: `${name} (median)`, target: `≤ ${TARGET_KEY_MEDIAN} ms`, value: r2(med), unit: 'ms', met: med <= TARGET_KEY_MEDIAN, note },
    { name: `${name} (p95)`, target: `≤ ${TARGET_KEY_P95} ms`, value: r2(p95), unit: 'ms', met: p95 <= TARGET_KEY_P95 },
  ];
}


const say = (s: string) => process.stderr.write(s);

export async function measureExtensionFigures(ctx: ExtensionFigureContext): Promise<ExtensionFigure[]> {
  const dir = ctx.workspaces[10000];
  if (!dir || !fs.existsSync(dir)) {
    const why = 'needs the 10k workspace (run with 10000 among --sizes)';
    return [
      { name: 'keystroke re-check of one note, 10k workspace (median)', target: `≤ ${TARGET_KEY_MEDIAN} ms`, unit: 'ms', note: why },
      { name: 'warm start from the persistent index vs cold, 10k', target: `≥ ${TARGET_WARM_RATIO}× faster`, unit: '×', note: why },
      { name: 'activation (require + activate)', target: `≤ ${TARGET_ACTIVATION_MS} ms, no file read`, unit: 'ms', note: why },
    ];
  }
  const runs = Math.max(5, ctx.runs);
  fs.mkdirSync(WORK, { recursive: true });
  const indexFile = join(WORK, 'index-10000.bin');
  const figures: ExtensionFigure[] = [];
  const loadStart = load();

  // A cold Dataset of the workspace, with the stamps the index records.
  say('extension figures: loading the 10k workspace … ');
  const { files, texts, stamps, ds } = loadWithTexts(dir);
  say(`${ds.size} files\n`);
  const { extension, harness } = await bundle();

  // (e) the index, written as the extension saves it
  const writer = new IndexWriter();
  const entries = () => [...stamps].map(([p, s]) => ({ ...entryOf(p, s, ds.doc(p)), diagnostics: ds.has(p) ? ds.diagnostics(p) : undefined }));
  let t = performance.now();
  const bytes = writer.write(entries(), DEFAULT_SETTINGS, TODAY);
  const firstSave = performance.now() - t;
  fs.writeFileSync(payloadOf(indexFile), bytes.payload);
  fs.writeFileSync(indexFile, bytes.index);

  // (a) and (b) in a fresh process from the bundle, as the extension runs the
  // core: under tsx every function made in a hot loop would also be named
  // (its keepNames helper), which the shipped bundle does not pay.
  say('  (a) keystrokes in 1:1 notes, (b) in person files … ');
  const keys = runChild<{ notes: Keystrokes; people: Keystrokes }>(harness, ['keys', dir]);
  const notes = keys.notes;
  say(`${notes.ms.length}\n`);
  figures.push(
    ...keystrokeFigures(
      'keystroke re-check of one note, 10k workspace',
      notes.ms,
      `setFile + diagnostics() of the paths the change names (median ${median(notes.named)} paths: the note and its report’s file), ${notes.ms.length} notes; max ${r2(Math.max(...notes.ms))} ms`,
    ),
  );

  // (b) keystrokes in person files that change who an id is
  const people = keys.people;
  figures.push(
    ...keystrokeFigures(
      'person-file keystroke changing cross-file facts',
      people.ms,
      `typing into \`id:\` (p0042 → p0042x and back) in ${people.ms.length / 2} person files; every file naming the person is re-judged: median ${median(people.named)}, max ${Math.max(...people.named)} paths; max ${r2(Math.max(...people.ms))} ms`,
    ),
  );

  // (e) saves after one more keystroke: only that document is encoded
  const edited = ds.paths().filter((p) => ds.summary(p)?.kind === '1on1');
  const nextSaves: number[] = [];
  for (let i = 0; i < 3; i++) {
    const p = edited[i * 97];
    ds.setFile(p, texts.get(p)! + '\nOne more line.\n');
    t = performance.now();
    writer.write(entries(), DEFAULT_SETTINGS, TODAY);
    nextSaves.push(performance.now() - t);
    ds.setFile(p, texts.get(p)!);
  }
  figures.push({
    name: 'saving the persistent index, 10k: a save after a keystroke',
    target: '—',
    value: r1(median(nextSaves)),
    unit: 'ms',
    note: `off the typing path (5 s after the last change); one document re-encoded, the others copied (median of 3); the first save, every document encoded, took ${r1(firstSave)} ms (the extension encodes in slices of 200 with a yield between); index ${(bytes.index.length / 1e6).toFixed(2)} MB (${Math.round(bytes.index.length / files.length)} B a file, read at a start) + documents ${(bytes.payload.length / 1e6).toFixed(1)} MB (read when the first is needed) for ${files.length} files`,
  });

  // (c) cold vs warm starts, each in a fresh process. A warm start is tens of
  // milliseconds, where a neighbour's burst shows: more runs than elsewhere
  // (the cold ones cost ~2 s each), so the medians hold still.
  const startRuns = Math.max(9, runs);
  say(`  (c) cold and warm starts, ${startRuns} fresh processes each … `);
  const cold: StartSample[] = [];
  const warm: StartSample[] = [];
  for (let i = 0; i < startRuns; i++) {
    cold.push(runChild<StartSample>(harness, ['start', 'cold', dir, indexFile]));
    warm.push(runChild<StartSample>(harness, ['start', 'warm', dir, indexFile]));
    say(`${i + 1} `);
  }
  say('\n');
  const coldMs = median(cold.map((s) => s.ms));
  const warmMs = median(warm.map((s) => s.ms));
  const ratio = coldMs / warmMs;
  const cpuRatio = median(cold.map((s) => s.cpu)) / median(warm.map((s) => s.cpu));
  const pick = (k: 'readMs' | 'decodeMs' | 'restoreMs' | 'statMs') => r1(median(warm.map((s) => s[k] ?? 0)));
  const verified = median(warm.map((s) => s.ms + (s.statMs ?? 0)));
  const coldFull = median(cold.map((s) => s.ms + s.diagMs));
  const warmFull = median(warm.map((s) => s.ms + (s.statMs ?? 0) + s.diagMs));
  const same = cold.every((c) => c.diagnostics === warm[0].diagnostics) && warm.every((w) => w.diagnostics === cold[0].diagnostics);
  figures.push({
    name: 'warm start from the persistent index vs cold, 10k (restored: every file in the Dataset, its diagnostics at hand)',
    target: `≥ ${TARGET_WARM_RATIO}× faster`,
    value: r1(ratio),
    unit: '×',
    met: ratio >= TARGET_WARM_RATIO,
    note:
      `fresh processes, median of ${startRuns}: cold ${r1(coldMs)} ms (read + parse ${cold[0].files} files), warm ${r1(warmMs)} ms ` +
      `= index file read ${pick('readMs')} + checked and decoded ${pick('decodeMs')} + restored ${pick('restoreMs')} ms (medians); ` +
      `CPU-time ratio ${r1(cpuRatio)}×; min–max cold ${r1(Math.min(...cold.map((s) => s.ms)))}–${r1(Math.max(...cold.map((s) => s.ms)))}, warm ${r1(Math.min(...warm.map((s) => s.ms)))}–${r1(Math.max(...warm.map((s) => s.ms)))} ms`,
  });
  figures.push({
    name: 'warm vs cold, 10k, until checked against the disk (a stat of every file)',
    target: '—',
    value: r1(coldMs / verified),
    unit: '×',
    note: `the extension shows the restored state first and then stats every file, re-reading what moved: warm ${r1(verified)} ms in all (${cold[0].files} stats ${pick('statMs')} ms, ${warm[0].reread ?? 0} re-read)`,
  });
  figures.push({
    name: 'warm vs cold, 10k, until every file’s diagnostics are computed (and checked against the disk)',
    target: '—',
    value: r1(coldFull / warmFull),
    unit: '×',
    note: `cold ${r1(coldFull)} ms, warm ${r1(warmFull)} ms (diagnostics() of every file after the start: cold ${r1(median(cold.map((s) => s.diagMs)))} ms, warm ${r1(median(warm.map((s) => s.diagMs)))} ms, the saved ones, no document decoded); both give ${cold[0].diagnostics} diagnostics${same ? '' : ' — MISMATCH'}`,
  });
  say('  (c) the same in one long-running process … ');
  const steady = runChild<{ cold: number[]; warm: number[] }>(harness, ['steady', dir, indexFile, String(runs)], ['--expose-gc']);
  say('\n');
  figures.push({
    name: 'warm vs cold, 10k, restored, in one long-running process (JIT warm)',
    target: '—',
    value: r1(median(steady.cold) / median(steady.warm)),
    unit: '×',
    note: `the conservative reading (a real start is a fresh process): cold ${r1(median(steady.cold))} ms, warm ${r1(median(steady.warm))} ms, median of ${runs} after one discarded pair`,
  });

  // (c'), (d) through the extension's code, with a fake vscode
  say(`  (c', d) the extension with a fake vscode, ${runs} cold and ${runs} warm activations … `);
  {
    const extCold: ExtSample[] = [];
    const extWarm: ExtSample[] = [];
    const storage = join(WORK, 'storage');
    for (let i = 0; i < runs; i++) {
      fs.rmSync(storage, { recursive: true, force: true });
      extCold.push(runChild<ExtSample>(harness, ['extension', extension, dir, storage]));
      extWarm.push(runChild<ExtSample>(harness, ['extension', extension, dir, storage]));
      say(`${i + 1} `);
    }
    say('\n');
    const all = [...extCold, ...extWarm];
    const act = all.map((s) => s.requireMs + s.activateMs);
    const actMed = median(act);
    const reads = Math.max(...all.map((s) => s.readsDuringActivate));
    const errs = [...new Set(all.flatMap((s) => s.errors))];
    figures.push({
      name: 'activation (require + activate), file reads during activate()',
      target: `≤ ${TARGET_ACTIVATION_MS} ms, no file read`,
      value: r1(actMed),
      unit: `ms, ${reads} file reads`,
      met: actMed <= TARGET_ACTIVATION_MS && reads === 0,
      note: `fake vscode, fresh process, median of ${all.length}: require() of the bundle ${r1(median(all.map((s) => s.requireMs)))} ms + activate() ${r1(median(all.map((s) => s.activateMs)))} ms; reads and stats counted through workspace.fs and node:fs during activate(): ${all.map((s) => s.readsDuringActivate).join(', ')}; after it, the background index made ${median(extCold.map((s) => s.readsAfter))} (cold: a stat and a read a file) and ${median(extWarm.map((s) => s.readsAfter))} (warm: the index and a stat a file)`,
    });
    const ec = median(extCold.map((s) => s.indexedMs));
    const ew = median(extWarm.map((s) => s.indexedMs));
    figures.push({
      name: 'warm vs cold through the extension’s code (fake vscode; a local folder’s files read with Node), 10k',
      target: '—',
      value: r1(ec / ew),
      unit: '×',
      note:
        `diagnostics of every file published on the way; activate() → whenIndexed(): cold ${r1(ec)} ms (${median(extCold.map((s) => s.read))} files read), warm ${r1(ew)} ms (${median(extWarm.map((s) => s.restored))} restored, ${median(extWarm.map((s) => s.read))} read), ` +
        `of which the restore, before the folder is listed and stat'ed, took ${r1(median(extWarm.map((s) => s.restoredMs ?? NaN)))} ms (cold ÷ that: ${r1(ec / median(extWarm.map((s) => s.restoredMs ?? NaN)))}×); ` +
        `CPU ${r1(median(extCold.map((s) => s.indexedCpu)))} vs ${r1(median(extWarm.map((s) => s.indexedCpu)))} ms; the save on deactivate after a cold start took ${r1(median(extCold.map((s) => s.saveMs)))} ms (${extCold.filter((s) => s.saved).length}/${runs} saved)` +
        (errs.length ? `; LOGGED: ${errs.slice(0, 3).join(' | ').slice(0, 400)}` : ''),
    });
  }

  const loadEnd = load();
  for (const f of figures) if (f === figures[0]) f.note = `${f.note}; load average (1/5/15 min) ${loadStart} before, ${loadEnd} after, ${cpus().length} cores`;
  return figures;
}

// ---------------------------------------------------------------------------
// Command line: the figures on their own, or one child measurement

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'child') {
    const [, what, ...rest] = argv;
    let result: unknown;
    if (what === 'start') result = childStart(rest[0] as 'cold' | 'warm', rest[1], rest[2]);
    else if (what === 'steady') result = childSteady(rest[0], rest[1], Number(rest[2]));
    else if (what === 'extension') result = await childExtension(rest[0], rest[1], rest[2]);
    else if (what === 'keys') result = childKeys(rest[0]);
    else throw new Error(`unknown child ${what}`);
    process.stdout.write('\n' + JSON.stringify(result) + '\n');
    process.exit(0);
  }
  let dir = join(ROOT, 'bench', '.work', 'ws-10000-s1');
  let runs = 5;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir') dir = resolve(argv[++i]);
    else if (argv[i] === '--runs') runs = Number(argv[++i]);
    else throw new Error(`usage: tsx bench/extension-figures.ts [--dir DIR] [--runs N]`);
  }
  if (!fs.existsSync(dir)) {
    const { generateWorkspace } = await import('./generate');
    say(`generating 10000 notes into ${dir} …\n`);
    generateWorkspace(dir, { notes: 10000, seed: 1 });
  }
  const figures = await measureExtensionFigures({ workspaces: { 10000: dir }, root: ROOT, runs });
  for (const f of figures) {
    const verdict = f.met === undefined ? '' : f.met ? '  ✅ met' : '  ❌ missed';
    process.stdout.write(`- ${f.name}: ${f.value === undefined ? 'not measured' : `${f.value} ${f.unit}`} (target ${f.target})${verdict}\n    ${f.note ?? ''}\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
