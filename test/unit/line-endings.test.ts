// Issue #8 item 3, SPEC §2: "A leading byte-order mark is ignored, and CRLF
// line endings read exactly as LF". Every test workspace on disk — each
// folder of test/fixtures/examples/ and test/fixtures/traps/, and each
// samples/<name> — is copied three times with its text files rewritten: CRLF
// line endings, a UTF-8 BOM, and both. Each copy must give exactly the LF
// original's diagnostics: file, line, column, end, severity, code and message,
// and the same skipped-file notes. The workspaces are found by listing their
// folders, so a new one is covered without touching this file.
//
// .vscode/settings.json is rewritten too: VS Code reads a CRLF or BOM settings
// file like any other, so `cadence check` must honour it the same way.
//
// Binary and non-UTF-8 (Latin-1) files in a 1:1 folder being skipped with a
// note, the rest still checked, is proven in cli.test.ts ("skips binary,
// non-UTF-8 and unreadable files with a note; the rest are checked").

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck, type CheckResult, type Finding } from '../../src/cli/check';
import { readSettingsText } from '../../src/cli/settings-file';
import { decodeFile, normalize } from '../../src/core/text';
import { CLI, ensureBuiltCli, ROOT } from './built-cli';
import { sortRows, type Row } from './helpers';
import { cleanEnv } from '../../scripts/lib/clean-env';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const BOM = '\uFEFF';

interface Expected {
  today: string;
  exitCode: number;
  /** `line: null` (examples/broken's yaml-syntax) means "any line". */
  diagnostics: { file: string; line: number | null; severity: string; code: string }[];
}

interface Workspace {
  /** e.g. `traps/line-endings`, `samples/team`. */
  readonly name: string;
  readonly dir: string;
  readonly expected: Expected;
}

const subfolders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

const readJson = (path: string): Expected => JSON.parse(readFileSync(path, 'utf8')) as Expected;

function discover(): Workspace[] {
  const out: Workspace[] = [];
  for (const group of ['examples', 'traps']) {
    for (const name of subfolders(join(FIXTURES, group))) {
      const dir = join(FIXTURES, group, name);
      out.push({ name: `${group}/${name}`, dir, expected: readJson(join(dir, 'expected.json')) });
    }
  }
  // samples/<name>'s hand-computed diagnostics are test/fixtures/sample-<name>.expected.json.
  for (const name of subfolders(join(ROOT, 'samples'))) {
    out.push({ name: `samples/${name}`, dir: join(ROOT, 'samples', name), expected: readJson(join(FIXTURES, `sample-${name}.expected.json`)) });
  }
  return out;
}

const WORKSPACES = discover();

interface Variant {
  readonly id: string;
  readonly crlf: boolean;
  readonly bom: boolean;
}

const VARIANTS: readonly Variant[] = [
  { id: 'crlf', crlf: true, bom: false },
  { id: 'bom', crlf: false, bom: true },
  { id: 'bom-crlf', crlf: true, bom: true },
];

/** Every file under `dir`, dot folders (.vscode) included, as `/`-separated relative paths. */
function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, p) : e.isFile() ? [p] : [];
  });
}

/**
 * The text of a UTF-8 text file, BOM kept (decodeFile drops it), or undefined
 * for a binary or non-UTF-8 one, which is copied as is.
 */
function textOf(bytes: Buffer): string | undefined {
  return 'text' in decodeFile(bytes, Number.MAX_SAFE_INTEGER) ? bytes.toString('utf8') : undefined;
}

/** Only lone LFs become CR LF: a file that already has CR LF (or mixes both) keeps its CR LFs. */
const toCrlf = (text: string): string => text.replace(/(?<!\r)\n/g, '\r\n');

function rewrite(text: string, v: Variant): string {
  let t = v.crlf ? toCrlf(text) : text;
  if (v.bom && !t.startsWith(BOM)) t = BOM + t;
  return t;
}

/** Copies `from` to `to` with every text file rewritten; returns how many files changed. */
function buildVariant(from: string, to: string, v: Variant): number {
  let changed = 0;
  for (const rel of filesUnder(from)) {
    const bytes = readFileSync(join(from, rel));
    const text = textOf(bytes);
    const out = text === undefined ? bytes : Buffer.from(rewrite(text, v), 'utf8');
    if (!out.equals(bytes)) changed++;
    mkdirSync(join(to, rel, '..'), { recursive: true });
    writeFileSync(join(to, rel), out);
  }
  return changed;
}

const check = (dir: string, today: string): CheckResult => runCheck({ folder: dir, today, rules: {} });

/** The original's findings as expected.json's rows (a `null` line there matches any line). */
function asExpectedRows(findings: readonly Finding[], expected: Expected): Row[] {
  const anyLine = new Set(expected.diagnostics.filter((d) => d.line === null).map((d) => `${d.file}\0${d.code}`));
  return sortRows(
    findings.map((f) => ({ file: f.file, line: anyLine.has(`${f.file}\0${f.code}`) ? (null as unknown as number) : f.line, severity: f.severity, code: f.code })),
  );
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI, asynchronously, so that every workspace's run can go at once. */
function cli(dir: string, today: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'check', dir, '--format', 'json', '--today', today], { env: { ...cleanEnv(), CADENCE_TODAY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('line endings and encodings: every test workspace as CRLF, BOM and BOM + CRLF', () => {
  let tmp: string;
  const variantDir = (ws: Workspace, v: Variant) => join(tmp, ws.name.replace('/', '__'), v.id);
  const changedFiles = new Map<string, number>();
  const originals = new Map<string, CheckResult>();
  const cliRuns = new Map<string, Promise<Run>>();

  before(function () {
    this.timeout(120000);
    ensureBuiltCli();
    tmp = mkdtempSync(join(tmpdir(), 'cadence-line-endings-'));
    for (const ws of WORKSPACES) {
      originals.set(ws.name, check(ws.dir, ws.expected.today));
      for (const v of VARIANTS) changedFiles.set(`${ws.name} ${v.id}`, buildVariant(ws.dir, variantDir(ws, v), v));
      // Started now, awaited by the test: the CLI on the BOM + CRLF copy.
      const run = cli(variantDir(ws, VARIANTS[2]), ws.expected.today);
      run.catch(() => undefined);
      cliRuns.set(ws.name, run);
    }
  });

  after(async () => {
    await Promise.allSettled(cliRuns.values());
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('finds every test workspace', () => {
    const names = WORKSPACES.map((w) => w.name);
    for (const n of ['examples/basic', 'examples/broken', 'traps/line-endings', 'traps/settings', 'samples/team']) assert.ok(names.includes(n), `${n} not found among ${names.join(', ')}`);
  });

  it('every workspace has diagnostics to compare (an empty list would prove nothing)', () => {
    for (const ws of WORKSPACES) assert.ok(originals.get(ws.name)!.findings.length > 0, ws.name);
  });

  it('a .vscode/settings.json with a BOM and CRLF reads as the plain one', () => {
    const text = readFileSync(join(FIXTURES, 'traps', 'settings', '.vscode', 'settings.json'), 'utf8');
    const plain = readSettingsText(text);
    assert.deepEqual(plain.problems, []);
    assert.deepEqual(readSettingsText(BOM + toCrlf(text)), plain);
  });

  for (const ws of WORKSPACES) {
    describe(ws.name, () => {
      it('the LF original gives its expected diagnostics (the baseline every copy is held to)', () => {
        const original = originals.get(ws.name)!;
        assert.deepEqual(asExpectedRows(original.findings, ws.expected), sortRows([...(ws.expected.diagnostics as Row[])]));
        assert.equal(original.findings.some((f) => f.severity === 'error') ? 1 : 0, ws.expected.exitCode);
      });

      for (const v of VARIANTS) {
        it(`${v.id}: exactly the original's diagnostics, positions and messages included`, () => {
          const dir = variantDir(ws, v);
          // The copy really is rewritten, and differs from the original only in line breaks and BOM.
          if (ws.name !== 'traps/empty-files' || v.bom) assert.ok(changedFiles.get(`${ws.name} ${v.id}`)! > 0, 'no file was rewritten');
          for (const rel of filesUnder(ws.dir)) {
            const before = readFileSync(join(ws.dir, rel));
            const after = readFileSync(join(dir, rel));
            const text = textOf(before);
            if (text === undefined) {
              assert.ok(after.equals(before), `${rel}: binary file changed`);
              continue;
            }
            const t = after.toString('utf8');
            assert.equal(normalize(t), normalize(text), `${rel}: content changed`);
            if (v.crlf) assert.ok(!/(^|[^\r])\n/.test(t), `${rel}: a lone LF is left`);
            if (v.bom) assert.ok(t.startsWith(BOM) && !t.startsWith(BOM + BOM), `${rel}: not exactly one BOM`);
            else assert.equal(t.startsWith(BOM), text.startsWith(BOM), `${rel}: BOM added or lost`);
          }

          const original = originals.get(ws.name)!;
          const got = check(dir, ws.expected.today);
          assert.deepEqual(got.findings, original.findings);
          assert.deepEqual(got.notes, original.notes);
          assert.equal(got.files, original.files);
        });
      }

      it('bom-crlf through the built CLI: the same JSON, notes and exit status', async () => {
        const original = originals.get(ws.name)!;
        const r = await cliRuns.get(ws.name)!;
        assert.equal(r.status, ws.expected.exitCode, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout) as Finding[], original.findings);
        assert.equal(r.stderr, original.notes.map((n) => `cadence: ${n}\n`).join(''));
      });
    });
  }
});

