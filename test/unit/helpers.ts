// Shared helpers for the core's unit tests: build a Dataset from a few files,
// read its diagnostics as comparable rows (1-based lines, as SPEC §8 and the
// CLI count them), and apply a fix's edits to the user's original text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyToFileText } from '../../src/core/fix-all';
import { comparePaths, Dataset, DEFAULT_SETTINGS, type Diagnostic, type Fix, type Settings, type TextEdit } from '../../src/core/index';

/** The "today" of the shared examples; every test uses it unless it says otherwise. */
export const TODAY = '2026-11-22';

export interface Row {
  readonly file: string;
  /** 1-based, as SPEC §8's "line it is reported on" and the CLI's JSON. */
  readonly line: number;
  readonly severity: string;
  readonly code: string;
}

export interface Opts {
  readonly today?: string;
  readonly settings?: Partial<Settings>;
}

export function settingsWith(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...over };
}

/** Joins lines with LF and ends the file with a newline. */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

export function makeDataset(files: Record<string, string>, opts: Opts = {}): Dataset {
  const ds = new Dataset({ today: opts.today ?? TODAY, settings: settingsWith(opts.settings) });
  ds.batch(() => {
    for (const [path, text] of Object.entries(files)) ds.setFile(path, text);
  });
  return ds;
}

export function sortRows<T extends Row>(rows: T[]): T[] {
  return rows.sort(
    (a, b) =>
      comparePaths(a.file, b.file) ||
      a.line - b.line ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0),
  );
}

export function rowsOf(ds: Dataset, paths: readonly string[] = ds.paths()): Row[] {
  const out: Row[] = [];
  for (const file of paths) {
    for (const d of ds.diagnostics(file)) out.push({ file, line: d.range.start.line + 1, severity: d.severity, code: d.code });
  }
  return sortRows(out);
}

/** Every diagnostic of every file, optionally only those of some codes. */
export function check(files: Record<string, string>, opts: Opts & { codes?: readonly string[] } = {}): Row[] {
  const rows = rowsOf(makeDataset(files, opts));
  return opts.codes ? rows.filter((r) => opts.codes!.includes(r.code)) : rows;
}

/** The rows of one code only: the usual shape of a rule test. */
export function checkCode(code: string, files: Record<string, string>, opts: Opts = {}): Row[] {
  return check(files, { ...opts, codes: [code] });
}

export function row(file: string, line: number, severity: string, code: string): Row {
  return { file, line, severity, code };
}

/** The one diagnostic of `code` in `path` (optionally on 1-based `line`). */
export function diagnosticOf(ds: Dataset, path: string, code: string, line?: number, message?: RegExp): Diagnostic {
  const found = ds
    .diagnostics(path)
    .filter((d) => d.code === code && (line === undefined || d.range.start.line + 1 === line) && (!message || message.test(d.message)));
  assert.equal(found.length, 1, `expected exactly one ${code} in ${path}${line ? ` on line ${line}` : ''}, got ${found.length}`);
  return found[0];
}

export interface FixCase {
  readonly ds: Dataset;
  readonly diagnostic: Diagnostic;
  readonly fixes: Fix[];
}

/** Builds the dataset, finds the one `code` diagnostic in `path` and asks for its fixes. */
export function fixesFor(files: Record<string, string>, path: string, code: string, opts: Opts & { line?: number; message?: RegExp } = {}): FixCase {
  const ds = makeDataset(files, opts);
  const diagnostic = diagnosticOf(ds, path, code, opts.line, opts.message);
  return { ds, diagnostic, fixes: ds.fixes(path, diagnostic, files[path]) };
}

export function fixTitled(fixes: readonly Fix[], title: string | RegExp): Fix {
  const f = fixes.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(f, `no fix titled ${String(title)} among: ${fixes.map((x) => x.title).join(' | ')}`);
  return f;
}

/**
 * Applies edits (0-based line/UTF-16 character ranges of the normalised text)
 * to the ORIGINAL text, the way VS Code applies a WorkspaceEdit to a document:
 * a leading BOM is not part of line 0, lines end at CR LF or LF, and the
 * inserted text's line breaks take the document's own end-of-line sequence.
 * `value` replaces `${value}` (the answer to a fix's `ask`).
 */
export function applyEdits(original: string, edits: readonly TextEdit[], value?: string): string {
  const withValue = edits.map((e) => {
    if (!e.newText.includes('${value}')) return e;
    assert.notEqual(value, undefined, 'this edit needs a value for ${value}');
    return { range: e.range, newText: e.newText.split('${value}').join(value!) };
  });
  // The core's own (what `cadence check --fix` writes with); it throws on an
  // edit outside the text or overlapping another.
  return applyToFileText(original, withValue);
}

export function applyFix(original: string, fix: Fix, value?: string): string {
  if (fix.ask) assert.notEqual(value, undefined, `fix "${fix.title}" asks for a value`);
  else assert.ok(!fix.edits.some((e) => e.newText.includes('${value}')), `fix "${fix.title}" has \${value} but no ask`);
  return applyEdits(original, fix.edits, value);
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** True when every line break of `text` is CR LF. */
export function isAllCrlf(text: string): boolean {
  return !/(^|[^\r])\n/.test(text) && !/\r(?!\n)/.test(text);
}

/**
 * The usual fix test: apply `fix` (found by title) to the file's text, check the
 * result and that the diagnostic is gone on re-check; then do the same on the
 * CRLF form of the file and check it stays CRLF with the same content.
 */
export function assertFix(
  files: Record<string, string>,
  path: string,
  code: string,
  title: string | RegExp,
  expected: string,
  opts: Opts & { line?: number; message?: RegExp; value?: string } = {},
): void {
  const { ds, diagnostic, fixes } = fixesFor(files, path, code, opts);
  const fix = fixTitled(fixes, title);
  const out = applyFix(files[path], fix, opts.value);
  assert.equal(out, expected);
  const before = ds.diagnostics(path);
  ds.setFile(path, out);
  const after = ds.diagnostics(path);
  assert.deepEqual(
    after.filter((d) => d.code === code && d.message === diagnostic.message),
    [],
    `${code} still reported after applying "${fix.title}"`,
  );
  assert.equal(after.filter((d) => d.code === code).length, before.filter((d) => d.code === code).length - 1, `applying "${fix.title}" did not remove exactly one ${code}`);
  const had = new Set(before.map((d) => d.code));
  const added = after.filter((d) => !had.has(d.code)).map((d) => `${d.code}@${d.range.start.line + 1}`);
  assert.deepEqual(added, [], `applying "${fix.title}" brought new diagnostics`);

  // The same on the CRLF and BOM + CRLF forms of the file: the same edit
  // positions, and the line breaks and the BOM kept.
  for (const [name, variant] of [
    ['CRLF', toCrlf],
    ['BOM + CRLF', (t: string) => '\uFEFF' + toCrlf(t)],
  ] as const) {
    const variantFiles = { ...files, [path]: variant(files[path]) };
    const v = fixesFor(variantFiles, path, code, opts);
    assert.deepEqual(v.diagnostic.range, diagnostic.range, `${name} moves the diagnostic`);
    const vOut = applyFix(variantFiles[path], fixTitled(v.fixes, title), opts.value);
    assert.ok(isAllCrlf(vOut), `applying "${fix.title}" to a ${name} file left a bare LF or CR: ${JSON.stringify(vOut)}`);
    assert.equal(vOut, variant(expected), `${name} result`);
  }
}

/** `settings.rules` turns the rule off, or changes its severity. */
export function assertSeverityConfigurable(code: string, defaultSeverity: string, files: Record<string, string>, opts: Opts = {}): void {
  const rows = checkCode(code, files, opts);
  assert.ok(rows.length > 0, `${code} does not fire on the files given`);
  assert.ok(rows.every((r) => r.severity === defaultSeverity), `${code} is not ${defaultSeverity} by default`);
  const rules = { ...(opts.settings?.rules ?? {}) };
  assert.deepEqual(checkCode(code, files, { ...opts, settings: { ...opts.settings, rules: { ...rules, [code]: 'off' } } }), []);
  const other = defaultSeverity === 'hint' ? 'error' : 'hint';
  const changed = checkCode(code, files, { ...opts, settings: { ...opts.settings, rules: { ...rules, [code]: other } } });
  assert.deepEqual(
    changed,
    rows.map((r) => ({ ...r, severity: other })),
  );
}

// ---------------------------------------------------------------------------
// Small builders for the files most tests need. Line numbers are spelled out
// where each is used, so every expected line can be checked by eye.

/** `people/<id>.md` with only `type: person` (+ extra front-matter lines). */
export function personFile(...extra: string[]): string {
  return lines('---', 'type: person', ...extra, '---');
}

/**
 * A 1:1 note: lines 1–5 are the front matter (`---`, type, report, date, `---`),
 * line 6 is `## Action items`, and the body lines follow from line 7.
 */
export function note(report: string, date: string, ...body: string[]): string {
  return lines('---', 'type: 1on1', `report: ${report}`, `date: ${date}`, '---', '## Action items', ...body);
}

/** An OKR set YAML: `type`, `period`, `objectives:` on line 3, then `yaml`. */
export function okr(...yaml: string[]): string {
  return lines('type: okr', 'period: 2026-Q4', 'objectives:', ...yaml);
}

/** A complete key result (id, title, owner, due, target) at the KR indentation. */
export function kr(id: string, ...extra: string[]): string[] {
  return [`      - id: ${id}`, `        title: Key result ${id}`, '        owner: alex', '        due: 2026-12-31', '        target: 10', ...extra.map((e) => `        ${e}`)];
}

/** A complete objective with two complete key results. */
export function objective(id: string, ...krs: string[][]): string[] {
  const list = krs.length ? krs : [kr('KR1'), kr('KR2')];
  return [`  - id: ${id}`, `    title: Objective ${id}`, '    owner: alex', '    key_results:', ...list.flat()];
}

/** Every workspace the tests hold: the examples and traps that have an expected.json, and the sample team, each with the today it is judged on. */
export function testWorkspaces(): { name: string; dir: string; today: string }[] {
  const root = join(__dirname, '..', '..');
  const out: { name: string; dir: string; today: string }[] = [];
  for (const base of [join(root, 'test', 'fixtures', 'examples'), join(root, 'test', 'fixtures', 'traps')]) {
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name);
      try {
        out.push({ name: relative(root, dir), dir, today: (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { today: string }).today });
      } catch {
        // Not a workspace (no expected.json).
      }
    }
  }
  const team = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'sample-team.expected.json'), 'utf8')) as { today: string };
  out.push({ name: 'samples/team', dir: join(root, 'samples', 'team'), today: team.today });
  return out;
}

/**
 * An OKR set whose bad values come through a merge key and aliases: a
 * confidence of 1.5 and an impossible due date through `<<: *defaults`
 * (line 16), an impossible date through `*bad` (line 20), a confidence of 60
 * through `*c` (line 21). No fix may write over an alias (fixes.ts,
 * withoutAliasEdits): the quick-fix and --fix tests.
 */
export const OKR_BAD_THROUGH_ALIASES = [
  'type: okr',
  'period: 2026-Q4',
  'defaults: &defaults',
  '  owner: me',
  '  due: 2026-11-31',
  '  confidence: 1.5',
  'c: &c 60',
  'bad: &bad 2026-02-30',
  'objectives:',
  '  - id: O1',
  '    title: One',
  '    owner: me',
  '    key_results:',
  '      - title: a',
  '        target: 3',
  '        <<: *defaults',
  '      - title: b',
  '        target: 3',
  '        owner: me',
  '        due: *bad',
  '        confidence: *c',
  '',
].join('\n');
