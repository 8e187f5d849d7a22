// Workspaces on disk that hold the traps of SPEC §2 and §4 (test/fixtures/traps/<name>/),
// each with an expected.json worked out by hand from SPEC.md. Every one is
// checked twice: through runCheck (the CLI's engine, in process) and through
// the built CLI itself, for its JSON and its exit status.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ensureBuiltCli, CLI, ROOT } from './built-cli';
import { join } from 'node:path';
import { runCheck, type Finding } from '../../src/cli/check';
import { sortRows, type Row } from './helpers';
import { cleanEnv } from '../../scripts/lib/clean-env';

const TRAPS = join(ROOT, 'test', 'fixtures', 'traps');

interface Expected {
  today: string;
  exitCode: number;
  diagnostics: Row[];
}

const readExpected = (dir: string): Expected => JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
const rows = (fs: readonly { file: string; line: number; severity: string; code: string }[]): Row[] =>
  sortRows(fs.map((f) => ({ file: f.file, line: f.line, severity: f.severity, code: f.code })));
const exitOf = (fs: readonly Finding[]): number => (fs.some((f) => f.severity === 'error') ? 1 : 0);


function cli(dir: string, today: string) {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', '--today', today], { encoding: 'utf8', env: { ...cleanEnv(), CADENCE_TODAY: '' } });
  return { status: r.status, stderr: r.stderr, findings: r.stdout ? (JSON.parse(r.stdout) as Finding[]) : [] };
}

const NAMES = readdirSync(TRAPS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('traps (fixture workspaces with hand-computed expected.json)', () => {
  before(function () {
    this.timeout(120000);
    ensureBuiltCli();
  });

  it('has the trap workspaces', () => {
    assert.deepEqual(NAMES, ['empty-files', 'fences', 'line-endings', 'outside-globs', 'owners', 'settings']);
  });

  for (const name of NAMES) {
    describe(name, () => {
      const dir = join(TRAPS, name);
      const expected = readExpected(dir);

      it('runCheck reports exactly expected.json', () => {
        const result = runCheck({ folder: dir, today: expected.today, rules: {} });
        assert.deepEqual(rows(result.findings), sortRows([...expected.diagnostics]));
        assert.equal(exitOf(result.findings), expected.exitCode);
      });

      it('the built CLI reports the same, with the expected exit status', () => {
        const r = cli(dir, expected.today);
        assert.equal(r.status, expected.exitCode, r.stderr);
        assert.deepEqual(rows(r.findings), sortRows([...expected.diagnostics]));
      });
    });
  }

  describe('line endings and BOM', () => {
    const dir = join(TRAPS, 'line-endings');
    const findings = runCheck({ folder: dir, today: '2026-11-22', rules: {} }).findings;
    /** Everything but the file name: CRLF and a BOM must not move a single column. */
    const of = (file: string) => findings.filter((f) => f.file === file).map(({ file: _f, ...rest }) => rest);

    it('CRLF, BOM and BOM+CRLF notes give exactly the LF diagnostics, ranges and messages included', () => {
      const lf = of('1on1s/lf/2026-11-20.md');
      assert.equal(lf.length, 3);
      for (const v of ['crlf', 'bom', 'bom-crlf']) assert.deepEqual(of(`1on1s/${v}/2026-11-20.md`), lf, v);
      // The BOM does not hide `type:` from a file outside the globs.
      assert.deepEqual(of('notes/bom-crlf-typed.md'), lf);
    });

    it('CRLF and BOM OKR sets give exactly the LF diagnostics', () => {
      const lf = of('okrs/lf.okr.yaml');
      assert.equal(lf.length, 3);
      for (const f of ['okrs/crlf.okr.yaml', 'okrs/bom.okr.yaml', 'plans/bom-crlf.okr.yaml']) assert.deepEqual(of(f), lf, f);
    });

    it('the fixture files really have the bytes they claim', () => {
      const bytes = (p: string) => readFileSync(join(dir, p));
      assert.ok(!bytes('1on1s/lf/2026-11-20.md').includes('\r'));
      assert.ok(bytes('1on1s/crlf/2026-11-20.md').includes('\r\n'));
      assert.deepEqual([...bytes('1on1s/bom/2026-11-20.md').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.deepEqual([...bytes('1on1s/bom-crlf/2026-11-20.md').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.ok(bytes('1on1s/bom-crlf/2026-11-20.md').includes('\r\n'));
    });
  });

  describe('node_modules and .git are never read', () => {
    let tmp: string;
    before(() => {
      tmp = mkdtempSync(join(tmpdir(), 'cadence-traps-'));
      cpSync(join(TRAPS, 'settings'), tmp, { recursive: true });
      // Each would end alex's lapse (a 1:1 yesterday) and add diagnostics of its own, if read.
      const later = '---\ntype: 1on1\nreport: alex\ndate: 2026-11-21\nhappiness: 9\n---\n- [ ] no owner\n';
      for (const d of ['node_modules/pkg/1on1s/alex', '.git/1on1s/alex', 'meetings/node_modules/alex']) {
        mkdirSync(join(tmp, d), { recursive: true });
        writeFileSync(join(tmp, d, '2026-11-21.md'), later);
      }
    });
    after(() => rmSync(tmp, { recursive: true, force: true }));

    it('gives exactly the settings workspace’s expected.json', () => {
      const expected = readExpected(join(TRAPS, 'settings'));
      assert.deepEqual(rows(runCheck({ folder: tmp, today: expected.today, rules: {} }).findings), sortRows([...expected.diagnostics]));
      const r = cli(tmp, expected.today);
      assert.equal(r.status, expected.exitCode, r.stderr);
      assert.deepEqual(rows(r.findings), sortRows([...expected.diagnostics]));
    });
  });
});
