// The extension host's memory, in-process: the bundled extension with the
// fake `vscode` (bench/fake-vscode.ts) on the real-editor corpus (bench/
// editor.ts's: 10k notes plus a year-long running log), each phase in a fresh
// process run with --expose-gc, the JS heap read after a forced collection:
//
//   npx tsx bench/extension-memory.ts [--dir bench/.work/editor-10000-1]
//
//   cold:  activate() on a fresh storage, every file read; the heap once the
//          index is shown, and again once the persistent index is saved;
//   warm:  activate() on that storage; the heap once restored and checked
//          against the disk; then one edit of the running log (the editor's
//          text after a typing pause, as editor-sync.ts applies it): the heap
//          and how many documents were decoded; then the save that follows.
//          CADENCE_TRACE_DECODES=1 in the environment says who decoded them.
//
// Beside each heap: the documents the dataset holds parsed (after a save it
// lets go of those nothing read since the save before: Dataset.release), the
// documents decoded from the persistent index after the start, and Node's
// arrayBuffers (file bytes are held outside the JS heap). What the real editor's extension host holds
// besides (VS Code's own objects) is bench/editor.ts's to measure.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { walk } from '../src/cli/walk';
import { cleanEnv } from '../scripts/lib/clean-env';
import { makeFakeVscode } from './fake-vscode';

const ROOT = process.env.CADENCE_BENCH_ROOT ?? resolve(__dirname, '..');
const WORK = join(ROOT, 'bench', '.work', 'ext-memory');
const LOG_REL = '1on1s/log0001/log.md';
const MiB = 1024 * 1024;

interface Snapshot {
  heapMiB: number;
  arrayBuffersMiB: number;
  /** Documents the datasets hold parsed (decoded or read). */
  held: number;
  /** Documents decoded from the persistent index since the start. */
  decoded: number;
}

interface Phase {
  name: string;
  at: Snapshot;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(20);
  }
}

async function child(extensionFile: string, dir: string, storage: string, mode: 'cold' | 'warm'): Promise<{ baseline: Snapshot; phases: Phase[]; errors: string[] }> {
  const Module = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const errors: string[] = [];
  const infos: string[] = [];
  const files = walk(dir, [], []);
  const vscode = makeFakeVscode({ root: ROOT, dir, storage, files, counters: { reads: 0 }, errors, infos });
  const names = vscode.api;
  for (const m of fs.readFileSync(extensionFile, 'utf8').matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)) if (!Object.prototype.hasOwnProperty.call(names, m[1])) names[m[1]] = vscode.inert;
  const original = Module._load;
  Module._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode.api : original.call(this, request, parent, isMain);
  };
  // CADENCE_TRACE_DECODES=1: where documents are decoded from the index (the
  // callers of CachedFile.load, counted by stack), and each change event, on stderr.
  const bySite = new Map<string, number>();
  if (process.env.CADENCE_TRACE_DECODES) {
    const parse = JSON.parse;
    JSON.parse = function (text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) {
      const stack = new Error().stack!.split('\n');
      const at = stack.findIndex((l) => l.includes('CachedFile.load'));
      if (at !== -1) {
        const site = stack.slice(at + 1, at + 9).map((l) => l.trim().replace(/\(.*\/(\w+\.cjs):(\d+):\d+\)/, '$1:$2')).join(' < ');
        bySite.set(site, (bySite.get(site) ?? 0) + 1);
      }
      return parse(text, reviver);
    };
    process.on('exit', () => {
      for (const [k, v] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 12)) process.stderr.write(`${v} ${k}\n`);
    });
  }
  await settle();
  const heap = () => process.memoryUsage();
  const b = heap();
  const baseline: Snapshot = { heapMiB: b.heapUsed / MiB, arrayBuffersMiB: b.arrayBuffers / MiB, held: 0, decoded: 0 };
  const ext = require(extensionFile) as { activate(ctx: unknown): { whenIndexed(): Promise<void>; workspace: Workspace }; deactivate(): Promise<void> | undefined };
  const api = ext.activate(vscode.context);
  if (process.env.CADENCE_TRACE_DECODES) api.workspace.onDidChange(({ change }) => process.stderr.write(`change: ${change.paths.size} paths, all ${change.all}\n`));
  await api.whenIndexed();
  const folder = [...api.workspace.folders.values()][0];
  const ds = folder.dataset as unknown as { entries: Map<string, { doc?: unknown; lazy?: { load(): unknown } }> };
  let decoded = 0;
  // Count decodes: wrap the lazy documents' load (CachedFile.prototype.load).
  const lazy = [...ds.entries.values()].find((e) => e.lazy)?.lazy;
  if (lazy) {
    const proto = Object.getPrototypeOf(lazy) as { load(): unknown };
    const load = proto.load;
    proto.load = function (this: unknown) {
      decoded++;
      return load.call(this);
    };
  }
  const snap = async (): Promise<Snapshot> => {
    await settle();
    const m = heap();
    let held = 0;
    for (const e of ds.entries.values()) if (e.doc) held++;
    return { heapMiB: m.heapUsed / MiB, arrayBuffersMiB: m.arrayBuffers / MiB, held, decoded };
  };
  const saved = async (before: number) => {
    const deadline = Date.now() + 120_000;
    while (infos.filter((l) => l.includes('saved the persistent index')).length <= before) {
      if (Date.now() > deadline) throw new Error('no save within 120 s');
      await sleep(100);
    }
  };
  const phases: Phase[] = [];
  const savesSoFar = () => infos.filter((l) => l.includes('saved the persistent index')).length;
  if (mode === 'cold') {
    phases.push({ name: 'cold: indexed', at: await snap() });
    await saved(0);
    phases.push({ name: 'cold: index saved', at: await snap() });
  } else {
    // The check against the disk may find something to save: let it.
    await sleep(6000);
    phases.push({ name: 'warm: restored and checked', at: await snap() });
    const text = fs.readFileSync(join(dir, LOG_REL), 'utf8');
    const n = savesSoFar();
    // Backspace at the end of the last line's due date, as bench/editor.ts types.
    const cut = text.trimEnd().length - 1;
    folder.fromEditor(LOG_REL, text.slice(0, cut) + text.slice(cut + 1));
    await sleep(400);
    phases.push({ name: 'warm: after the first edit of the running log', at: await snap() });
    folder.fromEditor(LOG_REL, text);
    await sleep(400);
    phases.push({ name: 'warm: after a second edit', at: await snap() });
    await saved(n);
    phases.push({ name: 'warm: index saved after the edits', at: await snap() });
  }
  return { baseline, phases, errors };
}

interface Workspace {
  onDidChange(l: (e: { change: { paths: Set<string>; all: boolean } }) => void): unknown;
  folders: Map<string, { dataset: unknown; fromEditor(rel: string, text: string): void }>;
}

function run(harness: string, args: string[]): { baseline: Snapshot; phases: Phase[]; errors: string[] } {
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), CADENCE_BENCH_ROOT: ROOT, CADENCE_TODAY: '2026-11-22' };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['--expose-gc', harness, 'child', ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last);
  } catch {
    throw new Error(`child ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-8).join(' / ')}`);
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'child') {
    const result = await child(argv[1], argv[2], argv[3], argv[4] as 'cold' | 'warm');
    process.stdout.write('\n' + JSON.stringify(result) + '\n');
    process.exit(0);
  }
  let dir = join(ROOT, 'bench', '.work', 'editor-10000-1');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir') dir = resolve(argv[++i]);
    else throw new Error('usage: tsx bench/extension-memory.ts [--dir DIR]');
  }
  if (!fs.existsSync(dir)) {
    const { prepareCorpus } = await import('./editor');
    prepareCorpus(10000, 1);
  }
  fs.mkdirSync(WORK, { recursive: true });
  // Not imported at the top: bundled into the child, its own main would run there.
  const { bundle } = await import('./extension-figures');
  const { extension, harness } = await bundle(WORK, join(ROOT, 'bench', 'extension-memory.ts'));
  const storage = join(WORK, 'storage');
  fs.rmSync(storage, { recursive: true, force: true });
  const before = loadavg().map((x) => x.toFixed(2)).join(' / ');
  const f = (x: number) => x.toFixed(1);
  for (const mode of ['cold', 'warm'] as const) {
    const r = run(harness, [extension, dir, storage, mode]);
    process.stdout.write(`${mode}: baseline heap ${f(r.baseline.heapMiB)} MiB, arrayBuffers ${f(r.baseline.arrayBuffersMiB)} MiB\n`);
    for (const p of r.phases) process.stdout.write(`  ${p.name}: heap +${f(p.at.heapMiB - r.baseline.heapMiB)} MiB, arrayBuffers +${f(p.at.arrayBuffersMiB - r.baseline.arrayBuffersMiB)} MiB, ${p.at.held} documents held, ${p.at.decoded} decoded\n`);
    if (r.errors.length) process.stdout.write(`  logged: ${r.errors.slice(0, 3).join(' | ')}\n`);
  }
  process.stdout.write(`load average (1/5/15 min) ${before} before, ${loadavg().map((x) => x.toFixed(2)).join(' / ')} after\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
