// The OKR-set JSON schema (contributes.yamlValidation): current with the core,
// matched to the files Cadence reads as OKR sets, and judging every OKR file
// of the fixtures as Cadence does — the same lines, for the same reason
// (missing-field, invalid-date, out-of-range), by ajv and by the YAML
// extension's own language server (yaml-language-server, in-process).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import picomatch from 'picomatch';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { getLanguageService } from 'yaml-language-server';
import { okrSchemaText, OKR_SCHEMA_FILE } from '../../scripts/gen-schemas';
import { Dataset, DEFAULT_SETTINGS, isValidDate, LineIndex, normalize } from '../../src/core/index';
import { DATE_FIELD_PATTERN, okrSetSchema, REAL_DATE_PATTERN } from '../../src/core/okr-schema';
import { calendarDate } from '../../src/core/parse/yaml-fields';

const ROOT = join(__dirname, '..', '..');
const SCHEMA_PATH = join(ROOT, OKR_SCHEMA_FILE);
const CODES = new Set(['missing-field', 'invalid-date', 'out-of-range']);
const DATE_FIELDS = new Set(['due', 'date', 'start', 'end']);

interface Manifest {
  contributes: { yamlValidation?: { fileMatch: string | string[]; url: string }[] };
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/**
 * The fileMatch globs as the YAML extension hands them to its server (a
 * pattern that is not a URI or absolute gets a leading `/`), and the server's
 * matcher (leading `/` stripped, `**​/` put in front, picomatch).
 */
function yamlExtensionMatcher(): (path: string) => boolean {
  const entries = manifest.contributes.yamlValidation ?? [];
  const ours = entries.filter((e) => e.url === `./${OKR_SCHEMA_FILE}`);
  assert.equal(ours.length, 1, 'package.json contributes the OKR schema once');
  const globs = (Array.isArray(ours[0].fileMatch) ? ours[0].fileMatch : [ours[0].fileMatch]).map((g) => (/^(\w+:\/\/|\/|!)/.test(g) ? g : `/${g}`));
  const server = globs.map((g) => `**/${g.startsWith('/') ? g.slice(1) : g}`);
  const isMatch = picomatch(server);
  return (path) => isMatch(`/workspace/${path}`);
}

/** Every .yaml/.yml file under the fixtures and the sample team, with the workspace it belongs to. */
function yamlFiles(): { workspace: string; path: string; text: string }[] {
  const out: { workspace: string; path: string; text: string }[] = [];
  const workspaces: string[] = [join(ROOT, 'samples', 'team')];
  for (const group of ['examples', 'traps']) {
    const dir = join(ROOT, 'test', 'fixtures', group);
    for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isDirectory()) workspaces.push(join(dir, name));
  }
  for (const ws of workspaces) {
    const visit = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) visit(p);
        else if (/\.ya?ml$/.test(e.name)) out.push({ workspace: ws, path: relative(ws, p), text: readFileSync(p, 'utf8') });
      }
    };
    visit(ws);
  }
  return out;
}

/** Cadence's verdict on one OKR file: `line code` of every schema-shaped error (0-based lines). */
function cadenceVerdict(path: string, text: string): { kind: string | undefined; lines: Set<string>; yamlSyntax: boolean } {
  const ds = new Dataset({ today: '2026-11-22', settings: DEFAULT_SETTINGS });
  const doc = ds.setFile(path, text);
  const all = doc ? ds.diagnostics(path) : [];
  return {
    kind: doc?.kind,
    lines: new Set(all.filter((d) => CODES.has(d.code)).map((d) => `${d.range.start.line} ${d.code}`)),
    yamlSyntax: all.some((d) => d.code === 'yaml-syntax'),
  };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

/** The node at a JSON pointer, or undefined. */
function nodeAt(root: Node | null, pointer: string): Node | undefined {
  let node: Node | null | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value as Node | undefined;
    else if (isSeq(node)) node = node.items[Number(seg)] as Node | undefined;
    else return undefined;
  }
  return node ?? undefined;
}

/**
 * The schema's verdict through ajv, as Cadence would word it: each error's
 * line (0-based; an object's own errors on its first line, the file's on line
 * 0) and the rule it stands for.
 */
function schemaVerdict(text: string): { lines: Set<string>; errors: string[] } {
  const t = normalize(text);
  const doc = parseDocument(t);
  const index = new LineIndex(t);
  const ok = validate(doc.toJS() ?? null);
  const lines = new Set<string>();
  const errors: string[] = [];
  if (ok) return { lines, errors };
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if') continue; // "must match else": its own errors follow
    const last = e.instancePath.split('/').pop() ?? '';
    const depth = e.instancePath.split('/').length - 1;
    const node = nodeAt(doc.contents as Node | null, e.instancePath);
    // A field that must hold a value is checked on its object (`required`, and `not` for a null or empty one).
    const onObject = e.instancePath === '' || e.keyword === 'required' || (e.keyword === 'not' && isMap(node));
    const code = onObject ? 'missing-field' : DATE_FIELDS.has(last) && !(last === 'start' && depth > 1) ? 'invalid-date' : 'out-of-range';
    const line = e.instancePath === '' || !node?.range ? 0 : index.positionAt(node.range[0]).line;
    lines.add(`${line} ${code}`);
    errors.push(`${e.instancePath || '/'} ${e.keyword} ${e.message}`);
  }
  return { lines, errors };
}

function sorted(s: Set<string>): string[] {
  return [...s].sort();
}

describe('the OKR-set schema', () => {
  it(`${OKR_SCHEMA_FILE} is okrSetSchema() as written by scripts/gen-schemas.ts`, () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), okrSchemaText(), 'stale: run npx tsx scripts/gen-schemas.ts');
  });

  it('its date pattern accepts exactly the real dates isValidDate accepts (every day of 1600–2400, and the shapes around them)', () => {
    const re = new RegExp(REAL_DATE_PATTERN);
    let real = 0;
    for (let y = 1600; y <= 2400; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          assert.equal(re.test(s), isValidDate(s), s);
          if (isValidDate(s)) real++;
        }
      }
    }
    assert.equal(real, 292560, 'days in 801 Gregorian years');
    for (const s of ['2026-1-01', '02026-01-01', '2026-01-1', '2026-01-01 ', ' 2026-01-01', '2026/01/01', '2026-01-01T10:00']) assert.equal(re.test(s), isValidDate(s), s);
  });

  it('a date field accepts exactly what Cadence reads as a date: real dates and date-times on them (SPEC §10)', () => {
    const re = new RegExp(DATE_FIELD_PATTERN);
    const days = ['2026-11-20', '2024-02-29', '2026-02-29', '2026-13-01', '26-11-20'];
    const times = ['', 'T10:00', 't10:00', ' 10:00:00', '  9:05', 'T10:00:60', 'T10:00:61', 'T10:60', 'T23:59:59.999', 'T24:00', 'T24:00:00', 'T24:00:01', 'T24:01', 'T25:00', 'T1000', 'T10:0', 'T10:00Z', 'T10:00z', 'T10:00 Z', 'T10:00+05:30', 'T10:00-0800', 'T10:00+5', 'T10:00+05:3', 'T10:00 +01:00', 'T10:00UTC', 'T', ' ', 'T10:00:00.' + '5'.repeat(40), 'T10:00:00.' + '5'.repeat(60)];
    let read = 0;
    for (const d of days) {
      for (const t of times) {
        for (const s of [d + t, ` ${d + t}`, `${d + t} `]) {
          const cadence = calendarDate(s) !== undefined;
          assert.equal(re.test(s), cadence, JSON.stringify(s));
          if (cadence) read++;
        }
      }
    }
    assert.ok(read > 50, `${read} values read as dates`);
    assert.equal(calendarDate('2026-11-20T10:00'), '2026-11-20');
  });

  it('package.json contributes it to the YAML extension for every file the default okrGlobs name, and no other YAML of the fixtures', () => {
    const matches = yamlExtensionMatcher();
    const okrGlobs = picomatch(DEFAULT_SETTINGS.okrGlobs as string[]);
    for (const f of yamlFiles()) {
      assert.equal(matches(f.path), okrGlobs(f.path), `${relative(ROOT, join(f.workspace, f.path))}: schema ${matches(f.path)}, okrGlobs ${okrGlobs(f.path)}`);
    }
    for (const p of ['okrs/2026-Q4.okr.yaml', 'a/b/c.okr.yml', 'okrs/nested/deep/plan.yaml', 'plans/x.okr.yaml', 'x.okr.yaml']) assert.ok(matches(p), p);
    for (const p of ['config/settings.yaml', 'okr.yaml', 'notokrs/plan.yaml', 'okrs/plan.yml.bak']) assert.ok(!matches(p), p);
  });

  it('every OKR file of the fixtures: valid exactly when Cadence finds no such error, and broken on the same lines for the same reason', () => {
    let checked = 0;
    let broken = 0;
    let syntax = 0;
    for (const f of yamlFiles()) {
      const name = relative(ROOT, join(f.workspace, f.path));
      const c = cadenceVerdict(f.path, f.text);
      if (c.kind !== 'okr') continue;
      if (c.yamlSyntax) {
        // Not YAML at all: no schema can judge it; the YAML extension reports the syntax itself.
        assert.throws(() => {
          const d = parseDocument(normalize(f.text));
          if (d.errors.length) throw d.errors[0];
        }, name);
        syntax++;
        continue;
      }
      const s = schemaVerdict(f.text);
      assert.deepEqual(sorted(s.lines), sorted(c.lines), `${name}\nschema errors:\n  ${s.errors.join('\n  ')}`);
      checked++;
      if (c.lines.size) broken++;
    }
    assert.ok(checked >= 10, `OKR files checked: ${checked}`);
    assert.ok(broken >= 3, `of them with errors: ${broken}`);
    assert.ok(syntax >= 1, 'the one that is not YAML');
  });

  it('a file in okrs/ whose type: is something else is not an OKR set, for Cadence and for the schema', () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'traps', 'outside-globs', 'okrs', 'not-okr.yaml'), 'utf8');
    assert.equal(cadenceVerdict('okrs/not-okr.yaml', text).kind, undefined);
    assert.deepEqual(schemaVerdict(text).errors, []);
    assert.deepEqual(schemaVerdict('type: OKR\nobjectives: []\n').errors.length > 0, true, 'type: OKR (any case) is an OKR set: it needs a period');
  });

  describe('each kind of break, made in a valid file: the schema and Cadence agree on the line and the reason', () => {
    const base = readFileSync(join(ROOT, 'samples', 'team', 'okrs', '2026-Q4.okr.yaml'), 'utf8');
    const lines = base.split('\n');
    const find = (re: RegExp, from = 0) => {
      const i = lines.findIndex((l, k) => k >= from && re.test(l));
      assert.ok(i >= 0, `no line ${re} in the sample`);
      return i;
    };
    const edit = (i: number, to: string | null) => {
      const copy = [...lines];
      if (to === null) copy.splice(i, 1);
      else copy[i] = to;
      return copy.join('\n');
    };
    const indentOf = (i: number) => /^\s*(- )?/.exec(lines[i])![0].replace('- ', '  ');
    const conf = find(/^\s+confidence:/);
    const due = find(/^\s+due:/);
    const kind = find(/^\s+kind:/);
    const status = find(/^\s+status:/);
    const krTitle = find(/^\s+title:/, find(/key_results:/));
    const period = find(/^period:/);
    const checkinDate = find(/date:/, find(/checkins:/));
    const cases: [string, string, boolean][] = [
      ['confidence 1.5', edit(conf, `${indentOf(conf)}confidence: 1.5`), true],
      ['confidence -0.1', edit(conf, `${indentOf(conf)}confidence: -0.1`), true],
      ['confidence "high"', edit(conf, `${indentOf(conf)}confidence: high`), true],
      ['confidence 0 (the bound)', edit(conf, `${indentOf(conf)}confidence: 0`), false],
      ['confidence null (absent)', edit(conf, `${indentOf(conf)}confidence:`), false],
      ['due 2026-02-30', edit(due, `${indentOf(due)}due: 2026-02-30`), true],
      ['due 2026-13-01', edit(due, `${indentOf(due)}due: 2026-13-01`), true],
      ['due 20261215 (a number)', edit(due, `${indentOf(due)}due: 20261215`), true],
      ['due 2028-02-29 (leap day)', edit(due, `${indentOf(due)}due: 2028-02-29`), false],
      ['kind stretch', edit(kind, `${indentOf(kind)}kind: stretch`), true],
      ['kind " Aspirational " (case and blanks)', edit(kind, `${indentOf(kind)}kind: " Aspirational "`), false],
      ['status sliding', edit(status, `${indentOf(status)}status: sliding`), true],
      ['status At-Risk (case)', edit(status, `${indentOf(status)}status: At-Risk`), false],
      ['key result without title', edit(krTitle, null), true],
      ['key result title ""', edit(krTitle, `${indentOf(krTitle)}title: ""`), true],
      ['key result title null', edit(krTitle, `${indentOf(krTitle)}title:`), true],
      ['key result title 42 (read as text)', edit(krTitle, `${indentOf(krTitle)}title: 42`), false],
      ['no period', edit(period, null), true],
      ['period null', edit(period, 'period:'), true],
      ['no period, start and end instead', edit(period, 'start: 2026-10-01\nend: 2026-12-31'), false],
      ['no period, start only', edit(period, 'start: 2026-10-01'), true],
      ['no period, start and an impossible end', edit(period, 'start: 2026-10-01\nend: 2026-12-32'), true],
      ['a check-in dated 2026-11-31', lines.map((l, i) => (i === checkinDate ? l.replace(/date: [0-9-]+/, 'date: 2026-11-31') : l)).join('\n'), true],
    ];
    for (const [what, text, isBroken] of cases) {
      it(what, () => {
        const c = cadenceVerdict('okrs/2026-Q4.okr.yaml', text);
        const s = schemaVerdict(text);
        assert.equal(c.lines.size > 0, isBroken, `Cadence: ${sorted(c.lines).join(', ') || 'nothing'}`);
        assert.deepEqual(sorted(s.lines), sorted(c.lines), `schema errors:\n  ${s.errors.join('\n  ')}`);
      });
    }
  });

  describe('in the YAML extension’s language server (yaml-language-server)', () => {
    const schemaUri = pathToFileURL(SCHEMA_PATH).href;
    const ls = getLanguageService({
      schemaRequestService: async (uri: string) => {
        assert.equal(uri, schemaUri);
        return readFileSync(SCHEMA_PATH, 'utf8');
      },
      workspaceContext: { resolveRelativePath: (p: string, r: string) => new URL(p, r).href },
    });
    const fileMatch = manifest.contributes.yamlValidation!.find((e) => e.url === `./${OKR_SCHEMA_FILE}`)!.fileMatch;
    // What the YAML extension does with an extension's yamlValidation.
    ls.configure({
      validate: true,
      completion: true,
      hover: true,
      schemas: [{ fileMatch: (Array.isArray(fileMatch) ? fileMatch : [fileMatch]).map((g) => (/^(\w+:\/\/|\/|!)/.test(g) ? g : `/${g}`)), uri: schemaUri }],
    });
    // The server caches a document's parse by URI and version: each text gets its own version.
    let version = 0;
    const open = (path: string, text: string) => TextDocument.create(`file:///workspace/${path}`, 'yaml', ++version, text);

    it('reports the broken example’s errors on Cadence’s lines, and nothing on the sample team', async () => {
      const text = readFileSync(join(ROOT, 'test', 'fixtures', 'examples', 'broken', 'okrs', '2026-H2.okr.yaml'), 'utf8');
      const got = await ls.doValidation(open('okrs/2026-H2.okr.yaml', text), false);
      const ours = got.filter((d) => String(d.source ?? '').includes('Cadence OKR set'));
      const c = cadenceVerdict('okrs/2026-H2.okr.yaml', text);
      assert.deepEqual([...new Set(ours.map((d) => d.range.start.line))].sort(), [...new Set(sorted(c.lines).map((l) => Number(l.split(' ')[0])))].sort(), JSON.stringify(ours));
      assert.ok(ours.some((d) => /on-track/.test(typeof d.message === 'string' ? d.message : d.message.value)), 'the status error lists the values');
      for (const f of ['2026-Q3.okr.yaml', '2026-Q4.okr.yaml']) {
        const t = readFileSync(join(ROOT, 'samples', 'team', 'okrs', f), 'utf8');
        assert.deepEqual(await ls.doValidation(open(`okrs/${f}`, t), false), [], f);
      }
    });

    it('does not judge YAML the globs do not name', async () => {
      const got = await ls.doValidation(open('config/settings.yaml', 'objectives: 3\nperiod:\n'), false);
      assert.deepEqual(got, []);
    });

    it('completes a key result’s fields and the status values, and explains a field on hover', async () => {
      const head = 'type: okr\nperiod: 2026-Q4\nobjectives:\n  - id: O1\n    title: Ship\n';
      const labels = async (text: string, line: number, character: number) =>
        (await ls.doComplete(open('okrs/2026-Q4.okr.yaml', text), { line, character }, false)).items.map((i) => i.label);
      const fields = await labels(`${head}    key_results:\n      - title: Fast\n        \n`, 7, 8);
      for (const f of ['owner', 'due', 'target', 'confidence', 'status', 'checkins']) assert.ok(fields.includes(f), `${f} among ${fields.join(', ')}`);
      assert.ok(!fields.includes('title'), 'a field already there is not offered again');
      const values = await labels(`${head}    key_results:\n      - title: Fast\n        status: \n`, 7, 16);
      assert.deepEqual(values, ['on-track', 'at-risk', 'off-track', 'done', 'cut']);
      assert.deepEqual(await labels(`${head}    kind: \n`, 5, 10), ['committed', 'aspirational']);
      const objective = await labels(`${head}    \n`, 5, 4);
      for (const f of ['owner', 'kind', 'parent', 'key_results']) assert.ok(objective.includes(f), `${f} among ${objective.join(', ')}`);
      const top = await labels('\n', 0, 0);
      for (const f of ['type', 'period', 'start', 'end', 'team', 'owner', 'objectives']) assert.ok(top.includes(f), `${f} among ${top.join(', ')}`);
      const hover = await ls.doHover(open('okrs/x.okr.yaml', 'type: okr\nperiod: 2026-Q4\nobjectives:\n  - title: A\n    key_results:\n      - title: B\n        confidence: 0.5\n'), { line: 6, character: 10 });
      assert.match(JSON.stringify(hover?.contents ?? ''), /0\.0–1\.0/);
    });
  });

  it('names the values of each keyword as the parser does', () => {
    const s = JSON.stringify(okrSetSchema());
    for (const v of ['on-track', 'at-risk', 'off-track', 'done', 'cut', 'committed', 'aspirational']) assert.ok(s.includes(`"${v}"`), v);
  });
});
