// Localisation (issue 20 item 6), proved with a pseudo-locale: the one
// catalogue (core/l10n.ts; l10n/bundle.l10n.json, which vscode.l10n.t reads
// too), every diagnostic and quick fix of every test workspace through it,
// the CLI choosing a bundle from its environment, and the manifest's words
// from package.nls.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFolder } from '../../src/cli/check';
import { localeOf } from '../../src/cli/locale';
import { dashboardData } from '../../src/core/dashboard-data';
import { t, useBundle, type Bundle } from '../../src/core/l10n';
import { slipReasonText, slipReasonWords, slippingKeyResults, slipText, slipWords, type SlipReason } from '../../src/core/slipping';
import { CLI, ensureBuiltCli, ROOT } from './built-cli';
import { testWorkspaces } from './helpers';
import { localize, nlsKeys, readNls } from './manifest-text';

const PSEUDO: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', n: 'ñ', c: 'ç', y: 'ý' };

/** A pseudo-translation as VS Code's qps-ploc does it: accented letters, bracketed, placeholders and `code` kept. */
function pseudo(text: string): string {
  const parts = text.split(/(\{\d+\}|`[^`]*`)/);
  return `⟦${parts.map((p, i) => (i % 2 ? p : p.replace(/[aeiouAEIOUncy]/g, (c) => PSEUDO[c]))).join('')}⟧`;
}

function pseudoBundle(): Bundle {
  const english = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.keys(english).map((k) => [k, pseudo(k)]));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}


describe('localisation: the one catalogue', () => {
  afterEach(() => useBundle(undefined));

  it('t(): the bundle’s words with {n} filled in; English without a bundle or an entry', () => {
    assert.equal(t('Due {0}, {1}', 'Friday', '2026-12-04'), 'Due Friday, 2026-12-04');
    useBundle({ 'Due {0}, {1}': '{1} fällig ({0})' });
    assert.equal(t('Due {0}, {1}', 'Freitag', '2026-12-04'), '2026-12-04 fällig (Freitag)');
    assert.equal(t('Due in a week ({0})', '2026-12-07'), 'Due in a week (2026-12-07)', 'no entry: English');
    assert.equal(t('{0} and {2}', 'a'), 'a and {2}', 'a placeholder without its argument stays');
    useBundle(undefined);
    assert.equal(t('Due {0}, {1}', 'Friday', '2026-12-04'), 'Due Friday, 2026-12-04');
  });

  it('l10n/bundle.l10n.json holds exactly the messages the code passes to l10n.t, each a single-quoted literal', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'l10n.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const bad = sources(join(ROOT, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bl10n\.t\((?!\s*')/g)].map(() => f));
    assert.deepEqual(bad, [], 'a message the catalogue cannot list');
  });

  it('a pseudo-locale: every diagnostic and every quick fix of every test workspace is worded from the bundle', function () {
    this.timeout(120_000);
    useBundle(pseudoBundle());
    let diagnostics = 0;
    let fixes = 0;
    const english: string[] = [];
    const match = (text: string, where: string) => {
      if (!/^⟦[\s\S]*⟧$/.test(text)) english.push(`${where}: "${text}"`);
    };
    for (const w of testWorkspaces()) {
      const { dataset, files } = loadFolder({ folder: w.dir, today: w.today, rules: {}, keepFiles: true });
      for (const path of dataset.paths()) {
        for (const d of dataset.diagnostics(path)) {
          diagnostics++;
          match(d.message, `${path}: ${d.code}`);
          for (const f of dataset.fixes(path, d, files.get(path)?.text ?? '')) {
            fixes++;
            match(f.title, `${path}: ${d.code} fix`);
            if (f.ask) match(f.ask.prompt, `${path}: ${d.code} fix ${f.title} asks`);
          }
        }
      }
    }
    assert.deepEqual([...new Set(english)], [], 'words not from the bundle');
    assert.ok(diagnostics > 100 && fixes > 100, `${diagnostics} diagnostics, ${fixes} fixes seen`);
  });
});

describe('localisation: the slipping reasons (SPEC §18)', () => {
  afterEach(() => useBundle(undefined));

  /** Every kind of reason (an invalid confidence too), then every slipping key result's of every test workspace. */
  function everyReason(): { where: string; reasons: readonly SlipReason[] }[] {
    const kinds: SlipReason[] = [
      { kind: 'status', status: 'at-risk' },
      { kind: 'status', status: 'off-track' },
      { kind: 'confidence', confidence: 0.3 },
      { kind: 'confidence', confidence: 1.7 },
      { kind: 'behind', score: 0.1, elapsed: 0.66 },
    ];
    const out: { where: string; reasons: readonly SlipReason[] }[] = kinds.map((r) => ({ where: r.kind, reasons: [r] }));
    for (const w of testWorkspaces()) {
      const { dataset } = loadFolder({ folder: w.dir, today: w.today, rules: {} });
      for (const s of slippingKeyResults(dataset.okrSets(), dataset.today)) out.push({ where: `${w.name} ${s.set.id} ${s.objective.id}/${s.kr.id}`, reasons: s.reasons });
    }
    return out;
  }

  it('in English the views’ words are the documents’ words, byte for byte', () => {
    const all = everyReason();
    assert.ok(all.length > 10, `${all.length} reason lists`);
    for (const { where, reasons } of all) assert.equal(slipWords(reasons), slipText(reasons), where);
  });

  it('under a pseudo-locale every reason is the bundle’s, in the views and the dashboard’s data; the documents’ words stay English', () => {
    const english = everyReason().map(({ reasons }) => slipText(reasons));
    useBundle(pseudoBundle());
    const all = everyReason();
    all.forEach(({ where, reasons }, i) => {
      for (const r of reasons) assert.match(slipReasonWords(r), /^⟦[^⟧]*⟧$/, where);
      assert.notEqual(slipWords(reasons), english[i], where);
      assert.equal(slipText(reasons), english[i], `${where}: documents and the assistant keep English`);
      for (const r of reasons) assert.doesNotMatch(slipReasonText(r), /⟦/);
    });
    const team = testWorkspaces().find((w) => w.name === 'samples/team')!;
    const data = dashboardData(loadFolder({ folder: team.dir, today: team.today, rules: {} }).dataset);
    const shown = data.sets.flatMap((s) => s.objectives.flatMap((o) => o.keyResults.flatMap((k) => k.slipping)));
    assert.ok(shown.length > 0, 'the sample team has slipping key results');
    for (const r of shown) assert.match(r, /^⟦[^⟧]*⟧$/, 'a key result card’s reason');
    const signals = data.signals.filter((x) => x.kind === 'kr-slipping-no-1on1');
    for (const x of signals) assert.ok(shown.some((r) => x.text.includes(r)), `the signal says the reasons in the bundle's words: ${x.text}`);
  });
});

describe('localisation: the CLI', () => {
  before(function () {
    this.timeout(60_000);
    ensureBuiltCli();
  });

  it('takes its locale from CADENCE_LOCALE, LC_ALL, LC_MESSAGES, LANG, in that order; C and POSIX are English', () => {
    assert.equal(localeOf({ LANG: 'de_DE.UTF-8' }), 'de-de');
    assert.equal(localeOf({ LANG: 'de_DE.UTF-8', LC_ALL: 'fr_CA' }), 'fr-ca');
    assert.equal(localeOf({ LANG: 'de_DE', LC_MESSAGES: 'sv_SE.utf8' }), 'sv-se');
    assert.equal(localeOf({ LANG: 'de_DE', CADENCE_LOCALE: 'qps-ploc' }), 'qps-ploc');
    assert.equal(localeOf({ LANG: 'C.UTF-8' }), undefined);
    assert.equal(localeOf({ LC_ALL: 'POSIX' }), undefined);
    assert.equal(localeOf({}), undefined);
  });

  it('words cadence check from the locale’s bundle beside it (the same bundle the extension ships), English without one', function () {
    this.timeout(60_000);
    // An installed copy: dist/cli.js with l10n/ beside dist/, as in the .vsix and the npm package.
    const root = mkdtempSync(join(tmpdir(), 'cadence-l10n-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'l10n'));
    copyFileSync(CLI, join(root, 'dist', 'cli.js'));
    writeFileSync(join(root, 'l10n', 'bundle.l10n.qps-ploc.json'), JSON.stringify(pseudoBundle()));
    writeFileSync(join(root, 'l10n', 'bundle.l10n.xx.json'), '{"not": 1}');
    const basic = join(ROOT, 'test', 'fixtures', 'examples', 'basic');
    const run = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', basic, '--format', 'json', '--today', '2026-11-22'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...env },
      });
      return { findings: JSON.parse(r.stdout) as { code: string; line: number; message: string }[], stderr: r.stderr };
    };
    const english = run({ LANG: 'C.UTF-8' }).findings;
    assert.equal(english.length, 18);
    for (const env of [{ CADENCE_LOCALE: 'qps-ploc' }, { LANG: 'qps_PLOC.UTF-8' }] as Record<string, string>[]) {
      const pseudoRun = run(env).findings;
      assert.deepEqual(pseudoRun.map((f) => [f.code, f.line]), english.map((f) => [f.code, f.line]), 'the same diagnostics');
      pseudoRun.forEach((f, i) => assert.match(f.message, /^⟦[\s\S]*⟧$/, `${f.code}: ${f.message} (English: ${english[i].message})`));
    }
    const missing = run({ LANG: 'de_DE.UTF-8' });
    assert.deepEqual(missing.findings, english, 'no bundle for the locale: English');
    const broken = run({ CADENCE_LOCALE: 'xx' });
    assert.deepEqual(broken.findings, english, 'a broken bundle: English');
    assert.match(broken.stderr, /bundle\.l10n\.xx\.json is not a JSON object of strings; messages stay in English/);
  });
});

/**
 * What of a pseudo-locale run's output is not in the bundle's words: the
 * output without its ⟦…⟧ messages (data inside them is a message's value),
 * the CLI's machine fields (a finding's `file:line:col severity code`, a
 * fix's, `cadence:` before a message) and the synopsis. Whatever holds a
 * letter after that is an English word that did not go through the catalogue.
 */
function outsideMessages(output: string): string[] {
  // Innermost first: a message may hold another as a value (a count in a summary).
  let rest = output;
  for (let was = ''; was !== rest; ) [was, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')];
  return rest
    .split('\n')
    .map((line) =>
      line
        .replace(/^\S+:\d+:\d+ (?:error|warning|info|hint) [a-z-]+ /, '')
        .replace(/^\s*cadence (?:check|new|review) .*$/, '')
        .replace(/\bcadence:/g, '')
        .trim(),
    )
    .filter((rest) => /\p{L}/u.test(rest));
}

describe('localisation: the CLI under a pseudo-locale says no English word', () => {
  let root: string;
  let work: string;
  before(function () {
    this.timeout(60_000);
    ensureBuiltCli();
    root = mkdtempSync(join(tmpdir(), 'cadence-l10n-cli-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'l10n'));
    copyFileSync(CLI, join(root, 'dist', 'cli.js'));
    writeFileSync(join(root, 'l10n', 'bundle.l10n.qps-ploc.json'), JSON.stringify(pseudoBundle()));
    // A folder that makes every kind of note: the broken examples, a binary note, settings with wrong values.
    work = join(root, 'work');
    cpSync(join(ROOT, 'test', 'fixtures', 'examples', 'broken'), work, { recursive: true });
    mkdirSync(join(work, '.vscode'), { recursive: true });
    writeFileSync(join(work, '.vscode', 'settings.json'), JSON.stringify({ 'cadence.peopleGlobs': 3, 'cadence.defaultCadenceDays': -1, 'cadence.talkingPointHeadings': [], 'cadence.rules': { 'action-overdue': 'loud' } }));
    mkdirSync(join(work, '1on1s', 'alex'), { recursive: true });
    writeFileSync(join(work, '1on1s', 'alex', '2026-11-01.md'), Buffer.from([0, 1, 2, 3, 0, 255]));
  });
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CADENCE_LOCALE: 'qps-ploc', CADENCE_TODAY: '2026-11-22' } });
    return `${r.stdout}\n${r.stderr}`;
  };

  it('check: each finding, the summary, the notes (settings, skipped files); --fix: each fix and its count', function () {
    this.timeout(60_000);
    const check = run('check', work);
    assert.match(check, /⟦[^⟧]*⟧\.?\s*$/m, 'the summary is worded from the bundle');
    assert.ok(check.split('\n').filter((l) => l.includes('⟦')).length > 10, check);
    assert.deepEqual(outsideMessages(check), []);
    const fix = run('check', '--fix', work);
    assert.match(fix, /⟦/);
    assert.deepEqual(outsideMessages(fix), []);
    assert.deepEqual(outsideMessages(run('check', '--fix', work)), [], 'nothing left to fix, in the bundle\'s words');
  });

  it('--help, and every usage error', function () {
    this.timeout(60_000);
    const help = run('--help');
    assert.ok(help.includes('cadence review PERSON'), 'the synopsis is as typed');
    assert.deepEqual(outsideMessages(help), []);
    for (const args of [
      ['frobnicate'],
      ['check', '--format', 'xml'],
      ['check', '--fix=yes'],
      ['check', '--today', '2026-02-30'],
      ['check', '--rule', 'nope'],
      ['check', '--rule', 'nope=error'],
      ['check', '--rule', 'action-overdue=loud'],
      ['check', work, work],
      ['check', '--today'],
      ['check', '--frob'],
      ['check', join(work, 'nowhere')],
      ['new'],
      ['new', 'a', 'b', 'c'],
      ['new', 'alex', work, '--date', 'soon'],
      ['new', 'nobody', work],
      ['review', 'nobody', work],
      ['review', 'alex', work, '--from', '2026-12-01', '--to', '2026-11-01'],
      ['review', 'alex', work, '--format', 'pdf'],
    ]) {
      const out = run(...args);
      assert.match(out, /⟦/, args.join(' '));
      assert.deepEqual(outsideMessages(out), [], args.join(' '));
    }
  });

  it('the leak finder finds an English word outside the messages, and none in data inside them', () => {
    assert.deepEqual(outsideMessages('a.md:3:1 error action-overdue ⟦Ñó ówñér "Draft the plan"⟧\nNo problems in 3 files.'), ['No problems in 3 files.']);
    assert.deepEqual(outsideMessages('cadence: ⟦fóldér ñót fóúñd: /tmp/x⟧\n  cadence new PERSON [FOLDER]'), []);
  });
});

describe('localisation: the manifest (package.nls.json)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { contributes: Record<string, unknown> };
  const nls = readNls();

  it('every "%key%" in package.json has its words in package.nls.json, and every entry is used', () => {
    const used = new Set(nlsKeys(manifest));
    assert.deepEqual([...used].filter((k) => !(k in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
    assert.equal(manifest.l10n, './l10n', 'the runtime bundles are declared');
  });

  it('no word a person reads is left in package.json itself: a pseudo-locale’s package.nls.<locale>.json rewords every one', () => {
    const c = manifest.contributes as {
      commands: { title: string; category?: string }[];
      views: Record<string, { name: string }[]>;
      viewsWelcome: { contents: string }[];
      walkthroughs: { title: string; description: string; steps: { title: string; description: string }[] }[];
      configuration: { title?: string; properties: Record<string, { description?: string; markdownDescription?: string; enumDescriptions?: string[] }> };
    };
    const words: unknown[] = [
      manifest.displayName,
      manifest.description,
      ...c.commands.flatMap((x) => [x.title, x.category]),
      ...Object.values(c.views).flat().map((v) => v.name),
      ...c.viewsWelcome.map((w) => w.contents),
      ...c.walkthroughs.flatMap((w) => [w.title, w.description, ...w.steps.flatMap((s) => [s.title, s.description])]),
      c.configuration.title,
      ...Object.values(c.configuration.properties).flatMap((p) => [p.description ?? p.markdownDescription, ...(p.enumDescriptions ?? [])]),
    ].filter((w) => w !== undefined);
    const pseudoNls = Object.fromEntries(Object.entries(nls).map(([k, v]) => [k, pseudo(v)]));
    for (const w of localize(words, pseudoNls)) assert.match(String(w), /^⟦[\s\S]*⟧$/, `"${String(w)}" is not from the nls file`);
  });
});
