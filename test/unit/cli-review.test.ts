// `cadence review` end to end (SPEC §14), through the built bundle.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cadence, snapshot, workspace } from './cli-workspace';
import { ensureBuiltCli, ROOT } from './built-cli';

const EXAMPLE = join(ROOT, 'test', 'fixtures', 'examples', 'review');

const ls = (...l: string[]) => l.join('\n') + '\n';

before(function () {
  this.timeout(60000);
  ensureBuiltCli();
});

describe('cadence review (SPEC §14)', () => {
  it('the shared example: prints exactly review.expected.json’s output', () => {
    const expected = JSON.parse(readFileSync(join(EXAMPLE, 'review.expected.json'), 'utf8')) as { command: string[]; output: unknown };
    const [cmd, person, ...rest] = expected.command;
    const r = cadence([cmd, person, EXAMPLE, ...rest]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), expected.output);
  });

  it('Markdown by default: private review-packet front matter; every evidence line links to an existing file and line holding its words', () => {
    const r = cadence(['review', 'alex', EXAMPLE, '--from', '2026-06-01', '--to', '2026-11-30', '--today', '2026-11-30']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^---\ntype: review-packet\nperson: alex\nfrom: 2026-06-01\nto: 2026-11-30\nvisibility: private\n---\n/);
    const ev = r.stdout.split('\n').filter((l) => /\]\([^)]*#L\d+\)$/.test(l));
    assert.equal(ev.length, 13);
    for (const l of ev) {
      const m = /^- (.*) \[(\d{4}-\d{2}-\d{2})\]\(([^)#]+)#L(\d+)\)$/.exec(l)!;
      assert.ok(m, l);
      const src = readFileSync(join(EXAMPLE, decodeURIComponent(m[3])), 'utf8').split('\n')[+m[4] - 1];
      const text = m[1].replace(/\\(.)/g, '$1');
      if (/^manager \d, report \d$/.test(text)) assert.match(src, /^performance:/, l);
      else assert.ok(src.includes(text), `${text} in ${src}`);
    }
  });

  it('the period defaults: --to today (also from CADENCE_TODAY), --from 182 days before', () => {
    const r = cadence(['review', 'alex', EXAMPLE, '--format', 'json'], { CADENCE_TODAY: '2026-11-30' });
    assert.equal(r.status, 0, r.stderr);
    const p = JSON.parse(r.stdout) as { from: string; to: string; evidence: unknown[] };
    assert.deepEqual([p.from, p.to, p.evidence.length], ['2026-06-01', '2026-11-30', 13]);
    const q = JSON.parse(cadence(['review', 'alex', EXAMPLE, '--to=2026-09-15', '--format=json', '--today', '2026-11-30']).stdout) as { from: string; to: string };
    assert.deepEqual([q.from, q.to], ['2026-03-17', '2026-09-15']);
  });

  it('an unknown person: exit 2, a message, nothing on stdout', () => {
    const r = cadence(['review', 'nobody', EXAMPLE, '--today', '2026-11-30']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no person file for "nobody"/);
    // A name as typed, line break included, stays on the message's one line.
    const odd = cadence(['review', 'no\nbody', EXAMPLE, '--today', '2026-11-30']);
    assert.equal(odd.status, 2);
    assert.equal(odd.stderr, 'cadence: no person file for "no\\nbody" (people/no\\nbody.md, or a file with type: person and id: no\\nbody)\n');
  });

  it('bad usage: exit 2 with the reason', () => {
    const cases: [string[], RegExp][] = [
      [['review'], /needs a PERSON/],
      [['review', 'alex', EXAMPLE, '--from', '2026-02-30'], /--from must be a real date/],
      [['review', 'alex', EXAMPLE, '--to'], /--to needs a value/],
      [['review', 'alex', EXAMPLE, '--format', 'html'], /--format must be md or json/],
      [['review', 'alex', EXAMPLE, '--since', '2026-01-01'], /unknown option "--since"/],
      [['review', 'alex', EXAMPLE, 'extra'], /one FOLDER/],
      [['review', 'alex', join(EXAMPLE, 'nope')], /folder not found/],
      [['review', 'alex', EXAMPLE, '--from', '2026-11-02', '--to', '2026-11-01'], /is after --to/],
      [['review', 'alex', EXAMPLE], /CADENCE_TODAY must be a real date/],
    ];
    for (const [args, re] of cases) {
      const r = cadence(args, args.length === 3 ? { CADENCE_TODAY: 'soon' } : {});
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, re, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });

  it('writes nothing, and reads person files by id in any case, a log’s meetings and an empty period alike', () => {
    const dir = workspace({
      'people/Zoë.md': ls('---', 'type: person', 'name: Zoë Park', 'cadence: biweekly', '---'),
      '1on1s/zoe.md': ls('---', 'type: 1on1', 'report: zoë', '---', '## 2026-11-02', 'happiness:: 3', '### Feedback', '- Praise: shipped it', '## 2026-11-16', 'happiness:: 4', '### Feedback', '- redirect: scope creep'),
    });
    const before = snapshot(dir);
    const r = cadence(['review', 'ZOË', dir, '--from', '2026-11-01', '--to', '2026-11-30', '--today', '2026-11-30', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const p = JSON.parse(r.stdout) as { person: string; summary: { oneOnOnes: number; expectedOneOnOnes: number; happiness: unknown; feedback: unknown }; evidence: { kind: string; line: number }[] };
    assert.equal(p.person, 'zoë');
    assert.deepEqual([p.summary.oneOnOnes, p.summary.expectedOneOnOnes], [2, 2]);
    assert.deepEqual(p.summary.happiness, { mean: 3.5, first: 3, last: 4 });
    assert.deepEqual(p.summary.feedback, { praise: 1, redirect: 1, received: 0 });
    assert.deepEqual(p.evidence.map((e) => [e.kind, e.line]), [['praise', 8], ['redirect', 12]]);
    const empty = cadence(['review', 'zoë', dir, '--from', '2025-01-01', '--to', '2025-03-01', '--today', '2026-11-30', '--format', 'json']);
    assert.equal(empty.status, 0, empty.stderr);
    assert.deepEqual((JSON.parse(empty.stdout) as { evidence: unknown[] }).evidence, []);
    const md = cadence(['review', 'zoë', dir, '--from', '2025-01-01', '--to', '2025-03-01', '--today', '2026-11-30']);
    assert.match(md.stdout, /No evidence in this period/);
    assert.deepEqual(snapshot(dir), before);
    assert.equal(existsSync(join(dir, 'reviews')), false);
  });

  it('--help lists review', () => {
    const r = cadence(['review', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /cadence review PERSON \[FOLDER\] \[--from YYYY-MM-DD\]/);
  });
});
