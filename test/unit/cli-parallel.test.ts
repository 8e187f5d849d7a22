// A plain `cadence check` reads its 1:1 notes in worker threads and keeps
// only what the cross-file rules need of them (src/cli/parallel.ts): its
// output must be, byte for byte, what reading every file into one Dataset
// gives (loadFolder, which --fix still uses), whatever the number of workers.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv } from '../../scripts/lib/clean-env';
import { findingsOf, formatText, loadFolder } from '../../src/cli/check';
import { chunkSize, KEPT_DATE_FIELD, keptOfNote, loadFolderLean, workerCount } from '../../src/cli/parallel';
import { packHeld, unpackHeld } from '../../src/cli/held-bytes';
import { factsOfDoc } from '../../src/core/rooms/rooms-input';
import { comparePaths } from '../../src/core/paths';
import { Dataset } from '../../src/core/dataset';
import type { OneOnOneDoc } from '../../src/core/model';
import { generateWorkspace } from '../../bench/generate';
import { CLI, ensureBuiltCli, ROOT } from './built-cli';

const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples');
const TODAY = '2026-11-22';

function cadence(args: string[], workers: number) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...cleanEnv(), CADENCE_TODAY: '', CADENCE_CHECK_WORKERS: String(workers) } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `cadence check` prints when every file is read into one Dataset (the reference). */
function reference(folder: string, today: string) {
  const loaded = loadFolder({ folder, today, rules: {} });
  // SPEC §9's order by one sort of the whole list (the CLI sorts a file's at a time, as they come).
  const findings = findingsOf(loaded.dataset).sort(
    (a, b) => comparePaths(a.file, b.file) || a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    json: JSON.stringify(findings, null, 2) + '\n',
    text: formatText({ findings, files: loaded.dataset.size, notes: loaded.notes }),
    stderr: loaded.notes.map((n) => `cadence: ${n}\n`).join(''),
    status: findings.some((f) => f.severity === 'error') ? 1 : 0,
  };
}

function assertSameAsReference(folder: string, today: string): void {
  const want = reference(folder, today);
  for (const workers of [0, 1, 2]) {
    const json = cadence(['check', folder, '--format', 'json', '--today', today], workers);
    assert.equal(json.stderr, want.stderr, `stderr, ${workers} workers`);
    assert.equal(json.status, want.status, `exit status, ${workers} workers`);
    assert.ok(json.stdout === want.json, `JSON output differs with ${workers} workers`);
    const text = cadence(['check', folder, '--today', today], workers);
    assert.ok(text.stdout === want.text, `text output differs with ${workers} workers`);
  }
}

before(function () {
  this.timeout(300000);
  ensureBuiltCli();
});

describe('cadence check through workers: byte-identical output', function () {
  // Twelve CLI runs per workspace; a loaded 2-core machine took 46–120 s for the generated one (a harness bound, not a speed test).
  this.timeout(300000);

  for (const name of readdirSync(EXAMPLES)) {
    it(`examples/${name}: the same JSON, text, stderr and exit status with 0, 1 and 2 workers as one Dataset of every file`, () => {
      assertSameAsReference(join(EXAMPLES, name), TODAY);
    });
  }

  it('the bundled sample team', () => {
    assertSameAsReference(join(ROOT, 'samples', 'team'), TODAY);
  });

  it('a generated workspace (400 notes: shared and private 1:1s, logs, OKR sets and reviews, leaks), LF and CRLF, plus files to skip and a shared 1:1 in conflict', () => {
    for (const crlf of [false, true]) {
      const dir = mkdtempSync(join(tmpdir(), 'cadence-parallel-'));
      try {
        generateWorkspace(join(dir, 'ws'), { notes: 400, seed: 7, crlf });
        const ws = join(dir, 'ws');
        writeFileSync(join(ws, '1on1s', 'binary.md'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
        writeFileSync(join(ws, '1on1s', 'bom.md'), '\ufeff---\nreport: p0002\ndate: 2026-11-02\n---\n\n- [ ] a task with no owner\n');
        writeFileSync(
          join(ws, '1on1s', 'conflict.md'),
          '---\nreport: p0002\ndate: 2026-11-03\nvisibility: shared\n---\n<<<<<<< HEAD\n- [ ] ours @p0002 due:2026-11-01\n=======\n- [ ] theirs\n>>>>>>> b\n',
        );
        assertSameAsReference(ws, TODAY);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('what the person files read of their notes (feedback entries, a log\'s meetings) survives: no-recent-feedback and cadence-lapsed as with every document whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-parallel-'));
    const write = (rel: string, text: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    try {
      for (const id of ['alex', 'sam', 'kim', 'lee']) write(`people/${id}.md`, `---\ntype: person\nname: ${id}\ncadence: 14\n---\n`);
      // Alex: met in the window with praise given; Sam: met, nothing given (no-recent-feedback).
      write('1on1s/alex/2026-11-10.md', '---\ntype: 1on1\nreport: alex\n---\n## Feedback\n- praise: ran the incident review well\n');
      write('1on1s/sam/2026-11-12.md', '---\ntype: 1on1\nreport: sam\n---\n## Notes\nquiet week\n');
      // Kim: a log whose last meeting is recent (not lapsed); Lee: a log whose last is old (lapsed).
      write('1on1s/kim/log.md', '---\ntype: 1on1\nreport: kim\n---\n## 2026-10-01\nfirst\n## 2026-11-18\n### Feedback\n- redirect: late on reviews\n');
      write('1on1s/lee/log.md', '---\ntype: 1on1\nreport: lee\n---\n## 2026-08-01\nfirst\n## 2026-09-02\nsecond\n');
      const codes = JSON.parse(reference(dir, TODAY).json) as { file: string; code: string }[];
      const on = (code: string) => codes.filter((f) => f.code === code).map((f) => f.file);
      assert.deepEqual(on('no-recent-feedback'), ['people/sam.md']);
      assert.deepEqual(on('cadence-lapsed'), ['people/lee.md']);
      assertSameAsReference(dir, TODAY);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in process (from the sources, no worker): the same findings and file count as loadFolder, with every note\'s bytes kept from step 1, some, or none (each read again)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-parallel-'));
    try {
      generateWorkspace(join(dir, 'ws'), { notes: 120, seed: 3 });
      const folder = join(dir, 'ws');
      const full = loadFolder({ folder, today: TODAY, rules: {} });
      for (const holdBytes of [undefined, 60000, 0]) {
        const lean = await loadFolderLean({ folder, today: TODAY, rules: {}, holdBytes });
        assert.deepEqual(findingsOf(lean.dataset), findingsOf(full.dataset), `holdBytes ${holdBytes}`);
        assert.equal(lean.dataset.size, full.dataset.size);
        assert.deepEqual(lean.notes, full.notes);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('workers that stop: the main thread judges what they had not sent back', function () {
  this.timeout(120000);
  let dir: string;
  let folder: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadence-parallel-'));
    folder = join(dir, 'ws');
    generateWorkspace(folder, { notes: 400, seed: 11 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A worker script that runs the CLI bundle's worker, but exits (code 3) after sending N messages (its 'ready' first, then one a chunk). */
  function dyingAfter(n: number): string {
    const script = join(dir, `dies-after-${n}.cjs`);
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
const post = parentPort.postMessage.bind(parentPort);
let sent = 0;
parentPort.postMessage = (m, t) => { if (sent++ >= ${n}) process.exit(3); post(m, t); };
require(${JSON.stringify(CLI)});
`,
    );
    return script;
  }

  async function assertLeanSame(workers: number, workerScript: string, holdBytes?: number): Promise<void> {
    const lean = await loadFolderLean({ folder, today: TODAY, rules: {}, workers, workerScript, holdBytes });
    const full = loadFolder({ folder, today: TODAY, rules: {} });
    assert.deepEqual(findingsOf(lean.dataset), findingsOf(full.dataset), `${workers} workers, holdBytes ${holdBytes}`);
    assert.equal(lean.dataset.size, full.dataset.size);
    assert.deepEqual(lean.notes, full.notes);
  }

  it('a worker that runs to the end: the same findings as loadFolder (the bundle, from the sources\' main thread)', async () => {
    await assertLeanSame(1, CLI);
    await assertLeanSame(2, CLI);
  });

  it('workers handed every note\'s bytes from step 1, some of them (a chunk with held and unheld notes), or none (each read again): the same findings', async () => {
    for (const holdBytes of [undefined, 90000, 0]) await assertLeanSame(1, CLI, holdBytes);
  });

  it('a worker that stops before it is ready, once ready with two chunks held, after sending two: the same findings', async () => {
    for (const n of [0, 1, 3]) {
      await assertLeanSame(1, dyingAfter(n));
      await assertLeanSame(2, dyingAfter(n));
    }
  });

  it('a worker whose script cannot be loaded: the same findings', async () => {
    await assertLeanSame(1, join(dir, 'no-such-script.js'));
  });

  it('a chunk\'s held bytes packed for a worker come back note by note: held, not held (undefined), empty', () => {
    const jobs = [0, 1, 2, 3, 4].map((index) => ({ index, path: `n${index}.md` }));
    const bytes = (s: string) => new TextEncoder().encode(s);
    const held: (Uint8Array | undefined)[] = [bytes('first'), undefined, new Uint8Array(0), bytes('fourth é'), undefined];
    const want = held.map((b) => (b ? [...b] : undefined));
    const packed = packHeld(jobs, held);
    assert.ok(packed);
    assert.deepEqual(held, [undefined, undefined, undefined, undefined, undefined], 'the main thread lets go of what it hands over');
    assert.deepEqual(unpackHeld(jobs.length, packed).map((b) => (b ? [...b] : undefined)), want);
    assert.equal(packHeld(jobs, [undefined, undefined, undefined, undefined, undefined]), undefined, 'none held: nothing to hand over');
    assert.deepEqual(unpackHeld(3, undefined), [undefined, undefined, undefined]);
  });

  it('chunks: at least eight for each judge, at most 64 notes, never empty', () => {
    assert.equal(chunkSize(400, 0), 50);
    assert.equal(chunkSize(400, 1), 25);
    assert.equal(chunkSize(10000, 1), 64);
    assert.equal(chunkSize(3, 2), 1);
    assert.equal(chunkSize(0, 0), 1);
  });
});

describe('what a check keeps of a private 1:1 (keptOfNote)', () => {
  it('keeps what the person files and the leak index read, drops the items and the other bulk', () => {
    const ds = new Dataset({ today: TODAY });
    const doc = ds.setFile(
      '1on1s/sam/log.md',
      '---\nreport: sam\n---\n\n## 2026-11-02\n\nHappiness:: 4\n\n## Feedback\n\n- praise: shipped the rollout\n\n## Actions\n\n- [ ] write it up @sam due:2026-11-09\n\n## 2026-11-16\n\n:-) calmer week\n',
    ) as OneOnOneDoc;
    assert.equal(doc.kind, '1on1');
    assert.ok(doc.items.length > 0, 'the note has an item');
    const kept = keptOfNote(doc);
    for (const k of ['kind', 'path', 'date', 'log', 'meetings', 'feedback', 'visibility', 'report', 'conflicts', 'happiness', 'managerRating', 'reportRating'] as const) {
      assert.deepEqual(kept[k], doc[k], k);
    }
    assert.deepEqual(Object.keys(kept).sort(), Object.keys(doc).sort(), 'every field of the type is there');
    assert.deepEqual(kept.items, []);
    assert.deepEqual(kept.retro, []);
    assert.equal(kept.dateField, undefined, 'a log without a `date:` field keeps none');
  });

  it('keeps of a `date:` field only that the note had one: one shared object for every note, the date itself in `date`', () => {
    const ds = new Dataset({ today: TODAY });
    const a = ds.setFile('1on1s/sam/2026-11-02.md', '---\nreport: sam\ndate: 2026-11-02\n---\n\n- [ ] x @sam due:2026-11-09\n') as OneOnOneDoc;
    const b = ds.setFile('1on1s/sam/2026-11-09.md', '---\nreport: sam\ndate: 2026-13-40\n---\n') as OneOnOneDoc;
    assert.ok(a.dateField && b.dateField, 'both notes have the field');
    const [ka, kb] = [keptOfNote(a), keptOfNote(b)];
    assert.equal(ka.dateField, KEPT_DATE_FIELD);
    assert.equal(kb.dateField, KEPT_DATE_FIELD, 'an invalid value too: its own rule has reported it');
    assert.equal(ka.date, '2026-11-02');
    assert.ok(Object.isFrozen(KEPT_DATE_FIELD) && Object.isFrozen(KEPT_DATE_FIELD.range));
    // What reads it: the rooms (a note with the field is no running log) and missing-field, the same for the kept note.
    assert.deepEqual(factsOfDoc(ka), factsOfDoc(a));
    assert.deepEqual(factsOfDoc(kb), factsOfDoc(b));
    assert.equal(keptOfNote(ka).dateField, KEPT_DATE_FIELD, 'kept again (a worker\'s result): the same object');
  });
});

describe('how many workers a check starts', () => {
  it('none below the threshold (higher with one spare core), at most one per spare core above it and slices of 2,500 notes or more, CADENCE_CHECK_WORKERS when set', () => {
    assert.equal(workerCount(10, {}, 8), 0);
    assert.equal(workerCount(2999, {}, 8), 0);
    assert.equal(workerCount(3000, {}, 8), 1);
    assert.equal(workerCount(10000, {}, 8), 3, 'four slices of 2,500');
    assert.equal(workerCount(10000, {}, 2), 0, 'one spare core: not yet worth a worker');
    assert.equal(workerCount(15999, {}, 2), 0);
    assert.equal(workerCount(16000, {}, 2), 1, 'one spare core');
    assert.equal(workerCount(3000, {}, 3), 1, 'two spare cores');
    assert.equal(workerCount(10000, {}, 1), 0, 'no spare core');
    assert.equal(workerCount(500000, {}, 64), 3, 'at most three');
    assert.equal(workerCount(100000, { CADENCE_CHECK_WORKERS: '0' }), 0);
    assert.equal(workerCount(100000, { CADENCE_CHECK_WORKERS: '2' }), 2);
    assert.equal(workerCount(100000, { CADENCE_CHECK_WORKERS: '12' }), 7, 'a forced count is capped');
    assert.equal(workerCount(1, { CADENCE_CHECK_WORKERS: '2' }), 1, 'never more workers than notes');
  });
});
