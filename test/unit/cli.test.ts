// `cadence check` end to end, through the built bundle (the thing users run).

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureBuiltCli, CLI, ROOT } from './built-cli';
import { join } from 'node:path';
import { cleanEnv } from '../../scripts/lib/clean-env';
import { formatText, jsonChunks, oneLine, textChunks, type Finding } from '../../src/cli/check';
import { tempDir } from './temp-dirs';
import { generateWorkspace } from '../../bench/generate';

const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples');

interface Expected {
  today: string;
  exitCode: number;
  diagnostics: { file: string; line: number | null; severity: string; code: string }[];
}

function cadence(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...cleanEnv(), CADENCE_TODAY: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}


before(function () {
  this.timeout(60000);
  ensureBuiltCli();
});

function tmp(): string {
  return tempDir('cadence-cli-');
}

describe('cadence check on the shared examples', () => {
  for (const name of readdirSync(EXAMPLES)) {
    it(`${name}: reports exactly expected.json`, () => {
      const expected = JSON.parse(readFileSync(join(EXAMPLES, name, 'expected.json'), 'utf8')) as Expected;
      const r = cadence(['check', join(EXAMPLES, name), '--format', 'json', '--today', expected.today]);
      assert.equal(r.status, expected.exitCode, r.stderr);
      const got = JSON.parse(r.stdout) as { file: string; line: number; severity: string; code: string }[];
      assert.equal(got.length, expected.diagnostics.length, `count differs:\n${r.stdout}`);
      expected.diagnostics.forEach((e, i) => {
        const g = got[i];
        assert.deepEqual(
          { file: g.file, line: e.line === null ? null : g.line, severity: g.severity, code: g.code },
          e,
          `diagnostic ${i}`,
        );
      });
    });
  }

  it('the bundled sample team: exactly its hand-computed diagnostics (samples/team/EXPECTED.md)', () => {
    const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sample-team.expected.json'), 'utf8')) as Expected;
    const r = cadence(['check', join(ROOT, 'samples', 'team'), '--format', 'json', '--today', expected.today]);
    assert.equal(r.status, expected.exitCode, r.stderr);
    const got = (JSON.parse(r.stdout) as Expected['diagnostics']).map(({ file, line, severity, code }) => ({ file, line, severity, code }));
    assert.deepEqual(got, expected.diagnostics);
  });

  it('prints the JSON fields of SPEC §9, sorted by file, line, column, code', () => {
    const r = cadence(['check', join(EXAMPLES, 'basic'), '--format=json', '--today=2026-11-22']);
    const got = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const g of got) assert.deepEqual(Object.keys(g), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.file) < String(b.file) ? -1 : String(a.file) > String(b.file) ? 1 : (a.line as number) - (b.line as number) || (a.column as number) - (b.column as number) || String(a.code).localeCompare(String(b.code));
    assert.deepEqual(got, [...got].sort(order));
  });

  it('text format: path:line:column severity code message, then a summary', () => {
    const r = cadence(['check', join(EXAMPLES, 'basic'), '--today', '2026-11-22']);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^1on1s\/alex\/2026-11-20\.md:18:1 warning action-missing-due \S/);
    assert.match(lines[lines.length - 1], /^18 problems \(2 errors, 10 warnings, 6 infos, 0 hints\) in 8 Cadence files\.$/);
  });

  it('text summary: each count in the singular when it is one, in the plural otherwise (0 included)', () => {
    const finding = (severity: string) => ({ file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity, code: 'x', message: 'm' });
    const last = (findings: ReturnType<typeof finding>[], files: number) => formatText({ findings, files, notes: [] }).trim().split('\n').pop();
    assert.equal(last([finding('error')], 1), '1 problem (1 error, 0 warnings, 0 infos, 0 hints) in 1 Cadence file.');
    assert.equal(last([finding('warning'), finding('info'), finding('hint')], 2), '3 problems (0 errors, 1 warning, 1 info, 1 hint) in 2 Cadence files.');
    assert.equal(last([], 1), 'No problems in 1 Cadence file.');
    assert.equal(last([], 0), 'No problems in 0 Cadence files.');
  });

  it('writes its JSON and text reports in pieces that join to exactly the whole document, for any piece size', () => {
    const f = (i: number, message: string): Finding => ({ file: `1on1s/p${i}/2026-11-20.md`, line: i + 1, column: 1, endLine: i + 1, endColumn: 9, severity: ['error', 'warning', 'info', 'hint'][i % 4], code: 'action-overdue', message });
    const messages = ['plain', 'a "quoted" line\nbroken — twice\r\nand a tab\t', 'Zoë’s 1:1 🙂 \\ \u2028 \u0000', ''];
    for (const findings of [[], [f(0, 'one')], messages.map((m, i) => f(i, m)), Array.from({ length: 300 }, (_, i) => f(i, messages[i % 4]))]) {
      for (const size of [1, 7, 200, 1 << 16]) {
        const json = [...jsonChunks(findings, size)];
        assert.equal(json.join(''), JSON.stringify(findings, null, 2) + '\n', `${findings.length} findings, pieces of ${size}`);
        assert.ok(json.every((p) => p.length > 0));
        if (findings.length > 100 && size === 200) assert.ok(json.length > 50, 'a long report comes in many pieces');
        const result = { findings, files: 3, notes: [] };
        const text = [...textChunks(findings, 3, size)].join('');
        const summary = findings.length ? `${findings.length} problem${findings.length === 1 ? '' : 's'} (` : 'No problems in 3 Cadence files.';
        assert.equal(text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1), findings.map((x) => `${oneLine(x.file)}:${x.line}:${x.column} ${x.severity} ${x.code} ${oneLine(x.message)}\n`).join(''));
        assert.ok(text.slice(text.lastIndexOf('\n', text.length - 2) + 1).startsWith(summary));
        assert.equal(text, formatText(result));
      }
    }
  });

  it('stops quietly with status 141 when its reader stops early (cadence check | head), in every format', async function () {
    this.timeout(120000);
    const dir = tempDir('cadence-pipe-');
    // Enough findings for many pieces of report: the reader goes after the first.
    generateWorkspace(dir, { notes: 1000, seed: 3 });
    for (const format of ['json', 'text', 'sarif']) {
      const child = spawn(process.execPath, [CLI, 'check', dir, '--format', format, '--today', '2026-11-22'], { env: { ...cleanEnv(), CADENCE_TODAY: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      assert.equal(stderr, '', `${format}: no stack trace`);
      assert.equal(status, 141, format);
    }
  });

  it('stops quietly with status 141 when the reader of its notes on stderr stops early (2>&1 | head)', async function () {
    this.timeout(120000);
    const dir = tempDir('cadence-pipe-');
    // Many skipped files with long names: notes on stderr several times what a pipe holds.
    mkdirSync(join(dir, '1on1s'));
    for (let i = 0; i < 2000; i++) writeFileSync(join(dir, '1on1s', `${'a'.repeat(150)}-${i}.md`), Buffer.from([0, 1, 2]));
    const child = spawn(process.execPath, [CLI, 'check', dir, '--today', '2026-11-22'], { env: { ...cleanEnv(), CADENCE_TODAY: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.once('data', () => child.stderr.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(status, 141);
  });

  it('writes every line break and control character of a message or path as its escape in the text report (one line a finding)', () => {
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), 0x2028, 0x2029].map((c) => String.fromCharCode(c));
    for (const c of controls) {
      const escaped = oneLine(`a${c}b`);
      assert.equal(escaped, `a${JSON.stringify(c).slice(1, -1).replace(/^[\u007f-\u009f\u2028\u2029]$/, (x) => `\\u${x.charCodeAt(0).toString(16).padStart(4, '0')}`)}b`, `U+${c.charCodeAt(0).toString(16)}`);
      assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(escaped));
    }
    for (const kept of ['plain', 'back\\slash', 'Zoë’s 1:1 🙂', '\ue000\uffff', '"quoted"']) assert.equal(oneLine(kept), kept);
    const f: Finding = { file: '1on1s/a\nb.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'warning', code: 'unknown-person', message: 'No person "bo\nb\u001b[31m" here\u2028.' };
    const text = formatText({ findings: [f, f], files: 1, notes: [] });
    assert.equal(text.split('\n').length, 4, 'two findings, the summary, the final line break');
    assert.ok(text.startsWith('1on1s/a\\nb.md:1:1 warning unknown-person No person "bo\\nb\\u001b[31m" here\\u2028.\n'));
  });

  it('skips a file whose name is not valid UTF-8 with a note saying so, and reads a name that holds U+FFFD itself', function () {
    const dir = tempDir('cadence-names-');
    mkdirSync(join(dir, '1on1s'));
    const note = '---\ntype: 1on1\nreport: alex\ndate: 2026-11-20\n---\n- [ ] x @alex due:2026-12-01\n';
    try {
      for (const bad of [[0xff, 0xfe], [0xfe, 0xff], [0xc3]]) writeFileSync(Buffer.concat([Buffer.from(join(dir, '1on1s') + '/'), Buffer.from(bad), Buffer.from('.md')]), note);
      // A file Cadence would not read anyway: no note. A folder: one note, not entered.
      writeFileSync(Buffer.concat([Buffer.from(join(dir, '1on1s') + '/'), Buffer.from([0xff]), Buffer.from('.png')]), 'x');
      mkdirSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xe9]), Buffer.from('quipe')]));
      writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xe9]), Buffer.from('quipe/n.md')]), note);
    } catch {
      this.skip(); // a file system that takes only UTF-8 names (APFS)
    }
    writeFileSync(join(dir, '1on1s', 'real-\ufffd.md'), note);
    writeFileSync(join(dir, 'alex.md'), '---\ntype: person\nid: alex\n---\n');
    const r = cadence(['check', dir, '--format', 'json', '--today', '2026-11-22']);
    assert.deepEqual(
      r.stderr.trim().split('\n').sort(),
      ['cadence: 1on1s/\ufffd.md: its name is not valid UTF-8; skipped', 'cadence: 1on1s/\ufffd\ufffd.md: its name is not valid UTF-8; skipped', 'cadence: 1on1s/\ufffd\ufffd.md: its name is not valid UTF-8; skipped', 'cadence: \ufffdquipe: its name is not valid UTF-8; skipped'],
    );
    assert.ok((JSON.parse(r.stdout) as { file: string }[]).every((f) => !f.file.startsWith('1on1s/') || f.file === '1on1s/real-\ufffd.md'));
    assert.equal(r.status, 0);
    const text = cadence(['check', dir, '--today', '2026-11-22']).stdout;
    assert.match(text, / in 2 Cadence files\.\n$/, 'the person file and the note whose name holds U+FFFD itself');
  });

  it('takes today from CADENCE_TODAY, and --today over it', () => {
    const dir = join(EXAMPLES, 'basic');
    const early = cadence(['check', dir, '--format', 'json'], { CADENCE_TODAY: '2026-11-07' });
    const lapsed = (JSON.parse(early.stdout) as { code: string; file: string }[]).filter((d) => d.code === 'cadence-lapsed').map((d) => d.file);
    // Sam met on 2026-11-06; Alex's only 1:1 (2026-11-20) is still ahead on 2026-11-07, an
    // agenda prepared ahead that counts for no figure (SPEC §12), so Alex lapsed since 2026-03-01.
    assert.deepEqual(lapsed, ['people/alex.md'], 'sam is not lapsed on 2026-11-07');
    const flag = cadence(['check', dir, '--format', 'json', '--today', '2026-11-22'], { CADENCE_TODAY: '2026-11-07' });
    assert.ok((JSON.parse(flag.stdout) as { code: string }[]).some((d) => d.code === 'cadence-lapsed'));
  });

  it('--rule changes a severity, and turning errors off changes the exit status', () => {
    const dir = join(EXAMPLES, 'basic');
    const r = cadence(['check', dir, '--format', 'json', '--today', '2026-11-22', '--rule', 'out-of-range=warning', '--rule', 'action-overdue=off']);
    assert.equal(r.status, 0);
    const got = JSON.parse(r.stdout) as { code: string; severity: string }[];
    assert.ok(!got.some((d) => d.code === 'action-overdue'));
    assert.ok(got.filter((d) => d.code === 'out-of-range').every((d) => d.severity === 'warning'));
  });
});

describe('cadence check usage', () => {
  const bad: [string, string[], RegExp][] = [
    ['unknown option', ['check', '--frobnicate'], /unknown option "--frobnicate"/],
    ['missing folder', ['check', '/nonexistent/cadence'], /folder not found/],
    ['bad format', ['check', '--format', 'xml'], /--format must be text, json or sarif/],
    ['bad date', ['check', '--today', '2026-02-30'], /--today must be a real date/],
    ['missing value', ['check', '--today'], /--today needs a value/],
    ['unknown rule', ['check', '--rule', 'nope=off'], /unknown rule code "nope"/],
    ['bad severity', ['check', '--rule', 'rating-gap=loud'], /unknown severity "loud"/],
    ['rule shape', ['check', '--rule', 'rating-gap'], /--rule takes CODE=SEVERITY/],
    ['unknown command', ['lint'], /unknown command "lint"/],
    ['two folders', ['check', '.', '.'], /only one FOLDER/],
  ];
  for (const [what, args, message] of bad) {
    it(`${what}: one-line reason, exit 2`, () => {
      const r = cadence(args);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    });
  }

  it('a bad CADENCE_TODAY is bad usage', () => {
    const r = cadence(['check', join(EXAMPLES, 'basic')], { CADENCE_TODAY: 'tomorrow' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /CADENCE_TODAY/);
  });

  it('--help prints usage and exits 0', () => {
    const r = cadence(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: cadence check/);
  });

  it('defaults FOLDER to the current directory', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--today', '2026-11-22'], { cwd: join(EXAMPLES, 'broken'), encoding: 'utf8', env: cleanEnv() });
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 12);
  });

  it('exits 0 on a clean workspace and 0 on one with warnings only', () => {
    const dir = tmp();
    try {
      assert.equal(cadence(['check', dir]).status, 0);
      mkdirSync(join(dir, '1on1s'));
      writeFileSync(join(dir, '1on1s', '2026-11-20.md'), '---\nreport: me\n---\n- [ ] no owner due:2026-12-01\n');
      const r = cadence(['check', dir, '--today', '2026-11-22', '--format', 'json']);
      assert.equal(r.status, 0);
      assert.deepEqual((JSON.parse(r.stdout) as { code: string }[]).map((d) => d.code), ['action-missing-owner']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cadence check never stops at a bad file', () => {
  let dir: string;
  beforeEach(() => {
    dir = tmp();
    cpSync(join(EXAMPLES, 'basic'), dir, { recursive: true });
    rmSync(join(dir, 'expected.json'));
  });
  afterEach(() => {
    try {
      chmodSync(join(dir, '1on1s', 'alex', 'locked.md'), 0o644);
    } catch {
      // only some tests lock a file
    }
    rmSync(dir, { recursive: true, force: true });
  });

  function codes(): { status: number | null; list: string[]; stderr: string } {
    const r = cadence(['check', dir, '--format', 'json', '--today', '2026-11-22']);
    return { status: r.status, list: (JSON.parse(r.stdout) as { file: string; code: string }[]).map((d) => `${d.file} ${d.code}`), stderr: r.stderr };
  }

  const baseline = 18;

  it('skips binary, non-UTF-8 and unreadable files with a note; the rest are checked', () => {
    writeFileSync(join(dir, '1on1s', 'alex', 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, '1on1s', 'alex', 'latin1.md'), Buffer.from('---\nreport: alex\n---\n- [ ] caf\xe9 @alex\n', 'latin1'));
    writeFileSync(join(dir, '1on1s', 'alex', 'locked.md'), '---\nreport: alex\n---\n');
    chmodSync(join(dir, '1on1s', 'alex', 'locked.md'), 0o000);
    const r = codes();
    assert.match(r.stderr, /binary\.md: binary file; skipped/);
    assert.match(r.stderr, /latin1\.md: not UTF-8 text; skipped/);
    const rootCanRead = process.getuid?.() === 0;
    if (!rootCanRead) assert.match(r.stderr, /locked\.md: cannot read/);
    assert.equal(r.list.filter((l) => !l.includes('locked.md')).length, baseline);
  });

  it('an empty 1:1 file gives its own diagnostics and nothing else changes', () => {
    writeFileSync(join(dir, '1on1s', 'alex', 'empty.md'), '');
    const r = codes();
    assert.deepEqual(
      r.list.filter((l) => l.includes('empty.md')),
      ['1on1s/alex/empty.md missing-field', '1on1s/alex/empty.md missing-field', '1on1s/alex/empty.md no-action-items'],
    );
    assert.equal(r.list.length, baseline + 3);
  });

  it('CRLF and BOM-prefixed files give exactly the LF diagnostics', () => {
    const lf = cadence(['check', dir, '--format', 'json', '--today', '2026-11-22']).stdout;
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const f of walk(dir)) writeFileSync(f, '\ufeff' + readFileSync(f, 'utf8').replace(/\n/g, '\r\n'));
    const crlf = cadence(['check', dir, '--format', 'json', '--today', '2026-11-22']).stdout;
    assert.equal(crlf, lf);
  });

  it('a broken .vscode/settings.json is reported and defaults apply', () => {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), '{ "cadence.rules": { ');
    const r = codes();
    assert.match(r.stderr, /settings\.json: .* using default settings/);
    assert.equal(r.list.length, baseline);
  });

  it('reads .vscode/settings.json with comments and trailing commas', () => {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(
      join(dir, '.vscode', 'settings.json'),
      '{\n  // quiet the review\n  "cadence.rules": { "action-overdue": "off", "out-of-range": "info", },\n  "cadence.defaultCadenceDays": 7,\n  "files.exclude": { "okr-reviews": true, },\n}\n',
    );
    const r = codes();
    assert.equal(r.status, 0, 'no errors left');
    assert.ok(!r.list.some((l) => l.includes('action-overdue')));
    assert.ok(!r.list.some((l) => l.startsWith('okr-reviews/')), 'files.exclude is honoured');
  });
});
