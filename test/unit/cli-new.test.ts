// `cadence new` end to end (SPEC §16), through the built bundle.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cadence, snapshot, workspace } from './cli-workspace';
import { ensureBuiltCli } from './built-cli';

const today = '2026-11-30';
const ls = (...l: string[]) => l.join('\n') + '\n';
const alex = ls('---', 'type: person', 'name: Alex Kim', 'cadence: weekly', '---', '## Talking points', '- [ ] Conference budget', '- [x] Old point', '', 'Notes.');

before(function () {
  this.timeout(60000);
  ensureBuiltCli();
});

describe('cadence new (SPEC §16)', () => {
  it('a file-per-meeting person: a new note dated today, carrying open items and talking points with their status, the inbox moved in', () => {
    const dir = workspace({
      'people/alex.md': alex,
      '1on1s/alex/2026-11-20.md': ls('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', '## Talking points', '- [ ] Promotion', '- [x] On-call', '## Action items', '- [ ] Draft it @alex due:2026-11-27', '- [ ] Half done @me due:2026-12-01', '- [x] Done @me due:2026-11-21'),
    });
    const r = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '1on1s/alex/2026-11-30.md\n');
    const s = snapshot(dir);
    const note = s['1on1s/alex/2026-11-30.md'];
    assert.match(note, /^---\ntype: 1on1\nreport: alex\ndate: 2026-11-30\n/);
    const tp = note.slice(note.indexOf('## Talking points'), note.indexOf('## OKRs'));
    // Each carried item says where it came from (issue 16); the inbox's point was moved, not carried.
    const from = ' (from [2026-11-20](2026-11-20.md))';
    assert.equal(tp, `## Talking points\n- [ ] Promotion${from}\n- [ ] Conference budget\n\n`);
    const ai = note.slice(note.indexOf('## Action items'));
    assert.equal(ai, `## Action items\n- [ ] Draft it @alex due:2026-11-27${from}\n- [ ] Half done @me due:2026-12-01${from}\n- [ ] \n`);
    assert.ok(note.indexOf('## Talking points') < note.indexOf('## OKRs'), 'talking points come first');
    assert.equal(s['1on1s/alex/2026-11-20.md'], ls('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', '## Talking points', '- [>] Promotion', '- [x] On-call', '## Action items', '- [>] Draft it @alex due:2026-11-27', '- [>] Half done @me due:2026-12-01', '- [x] Done @me due:2026-11-21'));
    assert.equal(s['people/alex.md'], ls('---', 'type: person', 'name: Alex Kim', 'cadence: weekly', '---', '## Talking points', '- [x] Old point', '', 'Notes.'));
    // Running it again changes nothing.
    const again = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, 'exists: 1on1s/alex/2026-11-30.md\n');
    assert.deepEqual(snapshot(dir), s);
  });

  const log = (...meetings: string[]) => ls('---', 'type: 1on1', 'report: alex', '---', '# Alex — 1:1s', '', ...meetings);

  it('a log newest first: a meeting before the first, at its level, sections one level down', () => {
    const dir = workspace({ 'people/alex.md': alex, '1on1s/alex/log.md': log('## 2026-11-26', '- [ ] Carry me @alex due:2026-12-03', '', '## 2026-11-19', '- [ ] Older @alex due:2026-11-20', '') });
    const r = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '1on1s/alex/log.md:7\n');
    const text = snapshot(dir)['1on1s/alex/log.md'];
    assert.equal(
      text,
      log('## 2026-11-30', 'happiness:: ', 'manager-rating:: ', 'report-rating:: ', '### Talking points', '- [ ] Conference budget', '### Action items', '- [ ] Carry me @alex due:2026-12-03', '- [ ] ', '', '## 2026-11-26', '- [>] Carry me @alex due:2026-12-03', '', '## 2026-11-19', '- [ ] Older @alex due:2026-11-20', ''),
    );
    const again = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(again.stdout, 'exists: 1on1s/alex/log.md:7\n');
    assert.equal(snapshot(dir)['1on1s/alex/log.md'], text);
  });

  it('a log oldest first: a meeting after the last one, with the line of its heading', () => {
    const dir = workspace({ 'people/alex.md': alex, '1on1s/alex/log.md': log('# 2026-11-19', '- [x] a @alex due:2026-11-20', '', '# 2026-11-26', '- [ ] Carry @alex due:2026-12-03') });
    const r = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '1on1s/alex/log.md:13\n');
    const lines = snapshot(dir)['1on1s/alex/log.md'].split('\n');
    assert.equal(lines[12], '# 2026-11-30');
    assert.equal(lines[11], '');
    assert.equal(lines[10], '- [>] Carry @alex due:2026-12-03');
    assert.ok(lines.includes('## Talking points') && lines.includes('- [ ] Carry @alex due:2026-12-03'));
    // The inbox moved in, and a second run finds the new meeting and changes nothing.
    assert.ok(lines.includes('- [ ] Conference budget'));
    const s = snapshot(dir);
    assert.ok(!s['people/alex.md'].includes('Conference budget'));
    const again = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, 'exists: 1on1s/alex/log.md:13\n');
    assert.deepEqual(snapshot(dir), s);
  });

  it('a log with a meeting prepared ahead keeps its order: --date between goes below it (newest first) or above it (oldest first)', () => {
    // Newest first: 12-07 prepared, 11-26 held; a 1:1 today (11-30) goes between them, and the next run still reads the log newest first.
    const dir = workspace({ 'people/alex.md': alex, '1on1s/alex/log.md': log('## 2026-12-07', '- [ ] Prepared point', '', '## 2026-11-26', '- [x] Held @alex due:2026-11-27', '') });
    const r = cadence(['new', 'alex', dir, '--today', today, '--date', today]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '1on1s/alex/log.md:10\n');
    const headings = (t: string) => t.split('\n').filter((l) => /^#+ \d/.test(l));
    assert.deepEqual(headings(snapshot(dir)['1on1s/alex/log.md']), ['## 2026-12-07', '## 2026-11-30', '## 2026-11-26']);
    assert.equal(cadence(['new', 'alex', dir, '--today', today, '--date', '2026-12-14']).stdout, '1on1s/alex/log.md:7\n');
    assert.deepEqual(headings(snapshot(dir)['1on1s/alex/log.md']), ['## 2026-12-14', '## 2026-12-07', '## 2026-11-30', '## 2026-11-26']);
    // Oldest first: 11-19 held, 12-07 prepared; today goes before the prepared one.
    const old = workspace({ 'people/alex.md': alex, '1on1s/alex/log.md': log('## 2026-11-19', '- [x] a @alex due:2026-11-20', '', '## 2026-11-26', '- [x] b @alex due:2026-11-27', '', '## 2026-12-07', '- [ ] Prepared point', '') });
    assert.equal(cadence(['new', 'alex', old, '--today', today, '--date', today]).status, 0);
    assert.deepEqual(headings(snapshot(old)['1on1s/alex/log.md']), ['## 2026-11-19', '## 2026-11-26', '## 2026-11-30', '## 2026-12-07']);
  });

  it('a person with a note prepared for a later date: that is the next 1:1, nothing is created', () => {
    const files = { 'people/alex.md': alex, '1on1s/alex/2026-12-04.md': ls('---', 'type: 1on1', 'report: alex', 'date: 2026-12-04', '---') };
    const dir = workspace(files);
    const r = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'exists: 1on1s/alex/2026-12-04.md\n');
    assert.deepEqual(snapshot(dir), files);
  });

  it('--date prepares ahead; a 1:1 on that date exists already; --date on another day still creates', () => {
    const dir = workspace({ 'people/alex.md': alex });
    assert.equal(cadence(['new', 'alex', dir, '--today', today, '--date', '2026-12-07']).stdout, '1on1s/alex/2026-12-07.md\n');
    assert.equal(cadence(['new', 'alex', dir, '--today', today, '--date', '2026-12-07']).stdout, 'exists: 1on1s/alex/2026-12-07.md\n');
    assert.equal(cadence(['new', 'alex', dir, '--today', today]).stdout, 'exists: 1on1s/alex/2026-12-07.md\n');
  });

  it('a person id YAML would read otherwise (007, #ops, [c] bob, q: x) is quoted in report:, so the note is that person\'s: checked clean, and a second run finds it (found by a fresh tester)', () => {
    for (const id of ['007', '#ops', '[c] bob', 'q: x']) {
      const person = id === 'q: x' ? { 'people/qx.md': ls('---', 'type: person', 'id: "q: x"', 'name: Q', 'cadence: weekly', '---') } : { [`people/${id}.md`]: ls('---', 'type: person', 'name: P', 'cadence: weekly', '---') };
      const dir = workspace(person);
      const r = cadence(['new', id, dir, '--today', today]);
      assert.equal(r.status, 0, `${id}: ${r.stderr}`);
      assert.equal(r.stdout, `1on1s/${id}/2026-11-30.md\n`, id);
      const note = snapshot(dir)[`1on1s/${id}/2026-11-30.md`];
      assert.match(note, new RegExp(`^report: ${JSON.stringify(id).replace(/[[\]]/g, '\\$&')}$`, 'm'), id);
      const check = cadence(['check', dir, '--format', 'json', '--today', today]);
      const codes = (JSON.parse(check.stdout) as { file: string; code: string }[]).filter((f) => f.file.startsWith('1on1s/')).map((f) => f.code);
      assert.ok(!codes.some((c) => c === 'unknown-person' || c === 'missing-field' || c === 'yaml-syntax'), `${id}: ${codes.join(', ')}`);
      const again = cadence(['new', id, dir, '--today', today]);
      assert.equal(again.status, 0, `${id}: ${again.stderr}`);
      assert.equal(again.stdout, `exists: 1on1s/${id}/2026-11-30.md\n`, id);
    }
  });

  it('a person id that is no folder name (../../x, a/b, a\\b, ..): exit 1 with the reason, nothing written inside or outside the folder (found by a fresh tester)', () => {
    for (const [file, id] of [['people/x.md', '../../escaped'], ['people/y.md', 'a/b'], ['people/z.md', 'a\\b'], ['people/w.md', '..'], ['people/...md', '..']] as const) {
      // people/...md: the id `..` from the file name itself.
      const files = { [file]: ls('---', 'type: person', ...(file === 'people/...md' ? [] : [`id: ${JSON.stringify(id)}`]), 'name: P', '---') };
      const outer = workspace({});
      const dir = join(outer, 'ws');
      for (const [p, t] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), t);
      }
      const r = cadence(['new', id, dir, '--today', today]);
      assert.equal(r.status, 1, `${id}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /cannot name the folder of its 1:1 notes/, id);
      assert.deepEqual(Object.keys(snapshot(outer)), Object.keys(files).map((p) => `ws/${p}`), `${id}: nothing written`);
    }
  });

  it('a person whose id is written decomposed (NFD) or composed (NFC), in the file name or on the command line: the same person (SPEC §10)', () => {
    const nfd = 'zoe\u0308';
    for (const name of [nfd, nfd.normalize('NFC')]) {
      for (const arg of [nfd, nfd.normalize('NFC'), 'ZOË']) {
        const dir = workspace({ [`people/${name}.md`]: ls('---', 'type: person', 'name: Zoë', 'cadence: weekly', '---') });
        const r = cadence(['new', arg, dir, '--today', today]);
        assert.equal(r.status, 0, `file ${JSON.stringify(name)}, argument ${JSON.stringify(arg)}: ${r.stderr}`);
        assert.equal(r.stdout, `1on1s/${name}/2026-11-30.md\n`);
      }
    }
  });

  it('a person id or folder that starts with -: given after --, the end of options (POSIX); without it, an unknown option', () => {
    const dir = workspace({ 'people/-x.md': ls('---', 'type: person', 'cadence: weekly', '---') });
    const refused = cadence(['new', '-x', dir, '--today', today]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /unknown option "-x"/);
    const r = cadence(['new', '--today', today, '--', '-x', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '1on1s/-x/2026-11-30.md\n');
    assert.match(snapshot(dir)['1on1s/-x/2026-11-30.md'], /^report: -x$/m);
    const packet = cadence(['review', '--today', today, '--format', 'json', '--', '-x', dir]);
    assert.equal(packet.status, 0, packet.stderr);
    assert.equal(JSON.parse(packet.stdout).person, '-x');
    // After --, an option is a word: here a third word, which is bad usage.
    assert.equal(cadence(['new', '--', '-x', dir, '--today', today]).status, 2);
  });

  it('a person file in git conflict: exit 2, the message names the file and its conflict, not "no person file"; cadence review says the same (SPEC §10; found by a fresh tester)', () => {
    const conflicted = ls('---', 'type: person', 'cadence: weekly', '---', '## Talking points', '<<<<<<< HEAD', '- [ ] ours', '=======', '- [ ] theirs', '>>>>>>> branch');
    const files = { 'people/alex.md': conflicted };
    const dir = workspace(files);
    for (const args of [['new', 'alex', dir, '--today', today], ['review', '@Alex', dir, '--today', today]]) {
      const r = cadence(args);
      assert.equal(r.status, 2, args[0]);
      assert.equal(r.stderr, 'cadence: people/alex.md is in git conflict (line 6): resolve the conflict, then run this again; nothing written\n', args[0]);
    }
    assert.deepEqual(snapshot(dir), files);
  });

  it('an unknown person, or bad usage: exit 2, nothing written', () => {
    const files = { 'people/alex.md': alex };
    const dir = workspace(files);
    const r = cadence(['new', 'sam', dir, '--today', today]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no person file for "sam"/);
    // A name as typed, line break and escape character included, stays on the message's one line.
    const odd = cadence(['new', 'sa\nm\u001b[31m', dir, '--today', today]);
    assert.equal(odd.status, 2);
    assert.equal(odd.stderr, 'cadence: no person file for "sa\\nm\\u001b[31m" (people/sa\\nm\\u001b[31m.md)\n');
    // No folder: the current one (here the workspace, not the repository with its generated benchmark folders).
    assert.equal(cadence(['new', dir], {}, dir).status, 2);
    assert.equal(cadence(['new', 'alex', dir, '--date', '2026-02-30']).status, 2);
    assert.equal(cadence(['new', 'alex', dir, '--bogus']).status, 2);
    assert.deepEqual(snapshot(dir), files);
  });

  it('the path taken by a file that is not that 1:1: exit 1, nothing written', () => {
    const files = { 'people/alex.md': alex, '1on1s/alex/2026-11-30.md': 'my own notes, not a 1:1 file\n', '1on1s/alex/2026-11-20.md': ls('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', '- [ ] x @alex due:2026-12-01') };
    // A note without front matter in the 1:1 folder is a 1:1 with no report: not alex's.
    const dir = workspace(files);
    const r = cadence(['new', 'alex', dir, '--today', today]);
    assert.equal(r.status, 1, r.stdout);
    assert.deepEqual(snapshot(dir), files);
  });

  it('private text carried into a shared log lands inside a private block', () => {
    const dir = workspace({ 'people/alex.md': alex, '1on1s/alex/log.md': ls('---', 'type: 1on1', 'report: alex', 'visibility: shared', '---', '## 2026-11-26', '- [ ] Shared item @alex due:2026-12-03') });
    cadence(['new', 'alex', dir, '--today', today]);
    const text = snapshot(dir)['1on1s/alex/log.md'];
    assert.match(text, /### Talking points\n<!-- private -->\n- \[ \] Conference budget\n<!-- \/private -->\n### Action items\n- \[ \] Shared item/);
  });
});
