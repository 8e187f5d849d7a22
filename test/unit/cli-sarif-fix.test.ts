// `cadence check --format sarif` and `cadence check --fix`, through the built
// bundle (what users run), plus the write path of --fix in-process where a
// race has to be staged.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { findingsOf, loadFolder, type Finding } from '../../src/cli/check';
import { fixFolder } from '../../src/cli/fix';
import { fixAllChoice } from '../../src/core/fix-all';
import { ruleDoc } from '../../src/core/rule-docs';
import { RULES } from '../../src/core/rules/index';
import { CLI, ensureBuiltCli, ROOT } from './built-cli';
import { OKR_BAD_THROUGH_ALIASES, testWorkspaces } from './helpers';
import { tempDir } from './temp-dirs';

const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples');

function cadence(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CADENCE_TODAY: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return tempDir('cadence-fix-');
}

function copyOf(dir: string): string {
  const to = join(tmp(), 'ws');
  cpSync(dir, to, { recursive: true });
  return to;
}

/** Every file under `dir`: relative path → bytes, inode and mtime (a write changes one of them). */
function snapshot(dir: string): Map<string, { bytes: Buffer; ino: number; mtimeMs: number }> {
  const out = new Map<string, { bytes: Buffer; ino: number; mtimeMs: number }>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else {
        const st = lstatSync(p);
        out.set(relative(dir, p), { bytes: e.isSymbolicLink() ? Buffer.from(readlinkSync(p)) : readFileSync(p), ino: st.ino, mtimeMs: st.mtimeMs });
      }
    }
  };
  visit(dir);
  return out;
}

function changedFiles(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string[] {
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'files were added or removed');
  return [...before.keys()].filter((k) => {
    const a = before.get(k)!;
    const b = after.get(k)!;
    return !a.bytes.equals(b.bytes) || a.ino !== b.ino || a.mtimeMs !== b.mtimeMs;
  }).sort();
}

const workspaces = testWorkspaces;

before(function () {
  this.timeout(60000);
  ensureBuiltCli();
});

describe('cadence check --format sarif', () => {
  const schema = JSON.parse(
    readFileSync(join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as object;
  // The SARIF schema is draft-04 and checks uri, uri-reference and date-time formats.
  // Its language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` is no valid regular expression under the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  function sarifOf(dir: string, today: string): { log: Sarif.Log; status: number | null; json: Finding[] } {
    const s = cadence(['check', dir, '--format', 'sarif', '--today', today]);
    const j = cadence(['check', dir, '--format', 'json', '--today', today]);
    assert.equal(s.status, j.status, 'the exit status does not depend on the format');
    return { log: JSON.parse(s.stdout) as Sarif.Log, status: s.status, json: JSON.parse(j.stdout) as Finding[] };
  }

  it('examples/basic: a valid SARIF 2.1.0 log with one result per diagnostic, each as --format json reports it', () => {
    const { log, json } = sarifOf(join(EXAMPLES, 'basic'), '2026-11-22');
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(json.length, 18, 'basic has 18 diagnostics (expected.json)');
    assert.equal(run.results!.length, json.length);
    const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as Record<string, string>;
    run.results!.forEach((r, i) => {
      const f = json[i];
      const loc = r.locations![0].physicalLocation!;
      assert.deepEqual(
        { ruleId: r.ruleId, level: r.level, message: r.message.text, uri: loc.artifactLocation!.uri, base: loc.artifactLocation!.uriBaseId, region: loc.region },
        {
          ruleId: f.code,
          level: level[f.severity],
          message: f.message,
          uri: f.file,
          base: 'SRCROOT',
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        `result ${i}`,
      );
      assert.equal(run.tool.driver.rules![r.ruleIndex!].id, r.ruleId, 'ruleIndex points at the rule');
    });
    assert.equal(fileURLToPath(run.originalUriBaseIds!.SRCROOT.uri!), join(EXAMPLES, 'basic') + '/');
  });

  it('describes every rule, with its help page inline and a help link to the shipped page', () => {
    const { log } = sarifOf(join(EXAMPLES, 'basic'), '2026-11-22');
    const rules = log.runs[0].tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.code));
    for (const r of rules) {
      const rule = RULES.find((x) => x.code === r.id)!;
      assert.equal(r.help!.markdown, ruleDoc(r.id));
      assert.equal(r.fullDescription!.text, rule.description);
      assert.ok(r.helpUri, `${r.id} has no helpUri`);
      const page = fileURLToPath(r.helpUri!);
      assert.equal(readFileSync(page, 'utf8'), ruleDoc(r.id), `${r.id}'s helpUri is its page`);
      assert.equal(r.defaultConfiguration!.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.severity]);
      assert.match(r.name!, /^[A-Z][A-Za-z0-9]+$/);
    }
  });

  it('every test workspace: valid, and exactly as many results as --format json has diagnostics', function () {
    this.timeout(120000);
    for (const w of workspaces()) {
      const { log, json } = sarifOf(w.dir, w.today);
      assert.ok(validate(log), `${w.name}: ${JSON.stringify(validate.errors)}`);
      assert.equal(log.runs[0].results!.length, json.length, w.name);
      assert.deepEqual(log.runs[0].results!.map((r) => `${decodeURIComponent(r.locations![0].physicalLocation!.artifactLocation!.uri!)}:${r.locations![0].physicalLocation!.region!.startLine} ${r.ruleId}`), json.map((f) => `${f.file}:${f.line} ${f.code}`), w.name);
    }
  });

  it('percent-encodes paths with spaces and letters outside ASCII; skipped files become tool notifications', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'people'));
    mkdirSync(join(dir, '1on1s', 'zoë kim'), { recursive: true });
    writeFileSync(join(dir, 'people', 'Zoë Kim.md'), '---\ntype: person\nname: Zoë Kim\n---\n');
    writeFileSync(join(dir, '1on1s', 'zoë kim', '2026-11-20.md'), '---\ntype: 1on1\nreport: Zoë Kim\n---\n- [ ] Write it up\n');
    writeFileSync(join(dir, 'people', 'bin.md'), Buffer.from([0x2d, 0x00, 0x01]));
    const { log } = sarifOf(dir, '2026-11-22');
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const uris = log.runs[0].results!.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri!);
    assert.ok(uris.includes('1on1s/zo%C3%AB%20kim/2026-11-20.md'), uris.join(' '));
    for (const u of uris) assert.doesNotMatch(u, /[ ë]/);
    const notes = log.runs[0].invocations![0].toolExecutionNotifications!.map((n) => n.message.text!);
    assert.ok(notes.some((n) => n.startsWith('people/bin.md: binary file')), notes.join('\n'));
  });

  it('a severity set with --rule is the result level; off leaves no result', () => {
    const { log: a } = sarifOf(join(EXAMPLES, 'basic'), '2026-11-22');
    const s = cadence(['check', join(EXAMPLES, 'basic'), '--format', 'sarif', '--today', '2026-11-22', '--rule', 'action-missing-due=error', '--rule', 'unknown-person=off']);
    const b = JSON.parse(s.stdout) as Sarif.Log;
    const levels = (l: Sarif.Log, id: string) => l.runs[0].results!.filter((r) => r.ruleId === id).map((r) => r.level);
    assert.ok(levels(a, 'action-missing-due').length > 0 && levels(a, 'action-missing-due').every((x) => x === 'warning'));
    assert.ok(levels(b, 'action-missing-due').every((x) => x === 'error'));
    assert.ok(levels(a, 'unknown-person').length > 0);
    assert.equal(levels(b, 'unknown-person').length, 0);
    assert.equal(s.status, 1);
  });

  it('refuses an unknown format', () => {
    const r = cadence(['check', join(EXAMPLES, 'basic'), '--format', 'xml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be text, json or sarif/);
  });
});

describe('cadence check --fix', () => {
  it('examples/broken: fixes what is safe, only that; lists each fix; a second run changes nothing', () => {
    const dir = copyOf(join(EXAMPLES, 'broken'));
    const before = snapshot(dir);
    const first = cadence(['check', dir, '--fix', '--today', '2026-11-22']);
    const after = snapshot(dir);
    assert.deepEqual(changedFiles(before, after), ['1on1s/alex/kickoff.md'], 'only the note with safe fixes is written');
    assert.equal(
      after.get('1on1s/alex/kickoff.md')!.bytes.toString('utf8'),
      [
        '---',
        'type: 1on1',
        'report: alex',
        'happiness: 7', // offered (Change to 5), not applied: it may be on a scale of 10
        'visibility: team', // an enum has no safe fix: which value is a choice
        '---', // no `date:` of today: the note is not from today (the file name has no date)
        '- [ ] Fix the flaky test @alex due:2026-02-28',
        '- [ ] Send the team charter to alex@example.com @me due:2026-12-01',
        '',
      ].join('\n'),
    );
    const out = first.stdout.split('\n');
    assert.deepEqual(out.slice(0, 2), ['fixed 1on1s/alex/kickoff.md:7 invalid-date: Change to 2026-02-28', 'Fixed 1 problem in 1 file.']);
    // What is left is reported, as a plain check of the fixed folder reports it.
    const plain = cadence(['check', dir, '--today', '2026-11-22']);
    assert.equal(out.slice(2).join('\n'), plain.stdout);
    assert.equal(first.status, plain.status);
    assert.equal(first.status, 1, 'errors without a safe fix are left');

    const second = cadence(['check', dir, '--fix', '--today', '2026-11-22']);
    assert.equal(second.stdout.split('\n')[0], 'Nothing to fix.');
    assert.deepEqual(changedFiles(after, snapshot(dir)), [], 'the second run writes nothing');
  });

  it('every test workspace: after one run no safe fix is left, a second run writes nothing, and files with nothing to fix are never written', function () {
    this.timeout(180000);
    let written = 0;
    for (const w of workspaces()) {
      const dir = copyOf(w.dir);
      const before = snapshot(dir);
      const loaded = loadFolder({ folder: dir, today: w.today, rules: {}, keepFiles: true });
      const fixable = new Set<string>();
      for (const path of loaded.dataset.paths()) {
        const text = loaded.files.get(path)!.text;
        if (fixAllChoice(loaded.dataset.diagnostics(path).map((d) => ({ diagnostic: d, fixes: loaded.dataset.fixes(path, d, text) }))).edits.length) fixable.add(path);
      }
      const first = cadence(['check', dir, '--fix', '--today', w.today]);
      assert.notEqual(first.status, 2, `${w.name}: ${first.stderr}`);
      const after = snapshot(dir);
      assert.deepEqual(changedFiles(before, after), [...fixable].sort(), `${w.name}: exactly the files with safe fixes are written`);
      written += fixable.size;
      const again = loadFolder({ folder: dir, today: w.today, rules: {}, keepFiles: true });
      for (const path of again.dataset.paths()) {
        const text = again.files.get(path)!.text;
        const left = fixAllChoice(again.dataset.diagnostics(path).map((d) => ({ diagnostic: d, fixes: again.dataset.fixes(path, d, text) })));
        assert.equal(left.edits.length, 0, `${w.name}: ${path} still has safe fixes: ${left.chosen.map((c) => c.fix.title).join(', ')}`);
      }
      const second = cadence(['check', dir, '--fix', '--today', w.today]);
      assert.match(second.stdout, /^Nothing to fix\.\n/, w.name);
      assert.deepEqual(changedFiles(after, snapshot(dir)), [], `${w.name}: the second run writes nothing`);
    }
    assert.ok(written >= 2, `the workspaces hold files with safe fixes (${written})`);
  });

  it('never writes over a YAML alias or merge key: a value it brings is fixed at its anchor, by hand (found by a fresh tester)', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'okrs'), { recursive: true });
    const file = join(dir, 'okrs', '2026-Q4.okr.yaml');
    const yaml = OKR_BAD_THROUGH_ALIASES;
    writeFileSync(file, yaml);
    const r = cadence(['check', dir, '--fix', '--today', '2026-11-22']);
    assert.match(r.stdout, /^Nothing to fix\.\n/);
    assert.equal(readFileSync(file, 'utf8'), yaml, 'the file is not written');
    assert.match(r.stdout, /2026-Q4\.okr\.yaml:16:13 error invalid-date/);
    assert.match(r.stdout, /2026-Q4\.okr\.yaml:20:14 error invalid-date/);
    assert.match(r.stdout, /2026-Q4\.okr\.yaml:21:21 error out-of-range/);
  });

  // Inserted lines taking the file's line ending: fix-all.test.ts (applyToFileText, which --fix writes with).
  it('keeps a BOM, CR LF line endings and the file mode', () => {
    const dir = tmp();
    mkdirSync(join(dir, '1on1s', 'alex'), { recursive: true });
    const file = join(dir, '1on1s', 'alex', 'kickoff.md');
    writeFileSync(file, '\uFEFF---\r\ntype: 1on1\r\nreport: alex\r\nhappiness: 0\r\n---\r\n- [ ] Plan it @alex due:2026-04-31\r\n');
    chmodSync(file, 0o640);
    const r = cadence(['check', dir, '--fix', '--today', '2026-11-22']);
    assert.match(r.stdout, /^fixed 1on1s\/alex\/kickoff\.md:6 invalid-date: Change to 2026-04-30$/m);
    assert.equal(readFileSync(file, 'utf8'), '\uFEFF---\r\ntype: 1on1\r\nreport: alex\r\nhappiness: 0\r\n---\r\n- [ ] Plan it @alex due:2026-04-30\r\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dirname(file)), ['kickoff.md'], 'no temporary file is left');
  });

  it('writes through a symbolic link to the file it names; the link stays a link', () => {
    const dir = tmp();
    mkdirSync(join(dir, '1on1s', 'alex'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    const real = join(dir, 'elsewhere', 'real.md');
    writeFileSync(real, '---\ntype: 1on1\nreport: alex\ndate: 2026-11-20\n---\n- [ ] Do it @alex due:2026-11-31\n');
    const link = join(dir, '1on1s', 'alex', '2026-11-20.md');
    symlinkSync(real, link);
    cadence(['check', dir, '--fix', '--today', '2026-11-22']);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.match(readFileSync(real, 'utf8'), /^- \[ \] Do it @alex due:2026-11-30$/m);
  });

  it('leaves a file that changed on disk after it was read, and says so', () => {
    const dir = tmp();
    mkdirSync(join(dir, '1on1s', 'alex'), { recursive: true });
    const file = join(dir, '1on1s', 'alex', '2026-11-20.md');
    writeFileSync(file, '---\ntype: 1on1\nreport: alex\n---\n- [ ] Do it @alex due:2026-11-31\n');
    const loaded = loadFolder({ folder: dir, today: '2026-11-22', rules: {}, keepFiles: true });
    const theirs = '---\ntype: 1on1\nreport: alex\n---\n- [ ] Do it @alex due:2026-11-31\n- [ ] Another @alex due:2026-12-02\n';
    writeFileSync(file, theirs);
    const report = fixFolder(loaded);
    assert.deepEqual(report.fixed, []);
    assert.deepEqual(report.notes, ['1on1s/alex/2026-11-20.md: it changed on disk while it was being checked; not fixed']);
    assert.equal(readFileSync(file, 'utf8'), theirs, 'their change is kept');
    // What is reported afterwards is the file as it was read, unfixed.
    assert.ok(findingsOf(loaded.dataset).some((f) => f.code === 'invalid-date'));
  });

  it('with --format json or sarif, stdout is the one document and the list of fixes goes to stderr', () => {
    for (const format of ['json', 'sarif']) {
      const dir = copyOf(join(EXAMPLES, 'broken'));
      const r = cadence(['check', dir, '--fix', '--format', format, '--today', '2026-11-22']);
      const doc = JSON.parse(r.stdout) as unknown;
      assert.ok(doc);
      assert.match(r.stderr, /^fixed 1on1s\/alex\/kickoff\.md:7 invalid-date: Change to 2026-02-28$/m);
      assert.match(r.stderr, /^Fixed 1 problem in 1 file\.$/m);
    }
  });

  it('takes no value', () => {
    const r = cadence(['check', join(EXAMPLES, 'basic'), '--fix=yes']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--fix takes no value/);
  });
});
