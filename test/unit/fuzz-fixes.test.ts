// Property tests (issue 8, item 2): fixes never lose text. On generated 1:1
// notes whose open action items lack an owner, lack a due date or are overdue
// (in the Cadence, Obsidian Tasks and Dataview spellings, LF or CRLF), every
// fix the core offers changes only its target line's token: every other line
// and every line ending is byte-identical, and the diagnostic it fixes is
// gone. Fix-all (the safe fixes with no question, non-overlapping, as
// `fixAllChoice` in src/core/fix-all.ts picks them for the editor and the CLI) applied twice
// equals applying it once.
//
// numRuns scales with CADENCE_FUZZ_RUNS like fuzz.test.ts.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAllChoice } from '../../src/core/fix-all';
import { Dataset, normalize } from '../../src/core/index';
import { applyEdits, applyFix, personFile, settingsWith, TODAY } from './helpers';

const TOTAL = Number(process.env.CADENCE_FUZZ_RUNS ?? 2500);
const LONG = process.env.CADENCE_FUZZ_RUNS !== undefined;
const SEED = Number(process.env.CADENCE_FUZZ_SEED ?? 20261122);
const PATH = '1on1s/alex/2026-11-20.md';
const ACTION_CODES = ['action-missing-owner', 'action-missing-due', 'action-overdue'];
export const fixCounter = { notes: 0, fixesChecked: 0, fixAll: 0 };

function dataset(text: string): Dataset {
  const ds = new Dataset({ today: TODAY, settings: settingsWith() });
  ds.setFile('people/alex.md', personFile('name: Alex'));
  ds.setFile('people/sam.md', personFile('name: Sam'));
  ds.setFile(PATH, text);
  return ds;
}

/** Lines with their own terminators: `[content, eol]` pairs (BOM kept on line 0). */
function split(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /\r\n|\n|\r/g;
  let s = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([text.slice(s, m.index), m[0]]);
    s = m.index + m[0].length;
  }
  out.push([text.slice(s), '']);
  return out;
}

// ---------------------------------------------------------------------------
// Generators

type Spelling = 'cadence' | 'tasks' | 'tasks-calendar' | 'dataview' | 'dataview-parens';
const word = fc.constantFrom('Draft', 'the', 'rotation', 'plan', 'émigré', '日本語', '👩‍💻', 'x@y.z', 'a:b', 'v2.0', '#tag', '`code`', '**bold**');
const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const owner = fc.constantFrom('alex', 'sam', 'me', 'Alex');
const pastDue = fc.constantFrom('2026-11-01', '2026-11-21', '2025-01-31', '2020-02-29');
const futureDue = fc.constantFrom('2026-11-22', '2026-12-01', '2027-03-31');

/** One open item with some of owner / due (past or future) / done, in one spelling. */
const item = fc
  .record({
    depth: fc.integer({ min: 0, max: 3 }),
    bullet: fc.constantFrom('-', '*', '+', '1.', '2)'),
    text,
    owner: fc.option(owner, { freq: 2 }),
    due: fc.option(fc.oneof(pastDue, futureDue), { freq: 2 }),
    spelling: fc.constantFrom<Spelling>('cadence', 'tasks', 'tasks-calendar', 'dataview', 'dataview-parens'),
    status: fc.constantFrom('[ ]', '[ ]', '[ ]', '[x]', '[-]', '[/]', '[!]', '[🙂]'),
    link: fc.boolean(),
    ownerFirst: fc.boolean(),
    trailing: fc.constantFrom('', '', ' ', '\t'),
  })
  .map((i) => {
    // SPEC §10: an owner may be a wikilink in a field; the Tasks due date has three emoji; Dataview two brackets.
    const who = i.link ? `[[${i.owner}]]` : i.owner;
    const field = (k: string, v: string) => (i.spelling === 'dataview-parens' ? `(${k}:: ${v})` : `[${k}:: ${v}]`);
    const dv = i.spelling === 'dataview' || i.spelling === 'dataview-parens';
    const o = i.owner === null ? [] : [dv ? field('owner', who!) : `@${i.owner}`];
    const d = i.due === null ? [] : [dv ? field('due', i.due) : i.spelling === 'tasks' ? `📅 ${i.due}` : i.spelling === 'tasks-calendar' ? `📆\uFE0F${i.due}` : `due:${i.due}`];
    const tokens = i.ownerFirst ? [...o, ...d] : [...d, ...o];
    return `${'  '.repeat(i.depth * (i.bullet.length + 1))}${i.bullet} ${i.status} ${[i.text, ...tokens].join(' ')}${i.trailing}`;
  });

const noteText = fc
  .record({
    items: fc.array(item, { minLength: 1, maxLength: 8 }),
    prose: fc.array(fc.constantFrom('', 'Some prose.', '## Notes', '- :-) good week', '> quoted'), { maxLength: 3 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    final: fc.boolean(),
  })
  .map(({ items, prose, eol, bom, final }) => {
    const ls = ['---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', ...prose, '## Action items', ...items];
    return (bom ? '\uFEFF' : '') + ls.join(eol) + (final ? eol : '');
  });

// ---------------------------------------------------------------------------

function checkEveryFix(text: string): void {
  fixCounter.notes++;
  const ds = dataset(text);
  const before = ds.diagnostics(PATH);
  const orig = split(text);
  for (const d of before.filter((x) => ACTION_CODES.includes(x.code))) {
    const line = d.range.start.line;
    for (const f of ds.fixes(PATH, d, text)) {
      fixCounter.fixesChecked++;
      const value = f.ask ? (f.ask.kind === 'date' ? '2026-12-01' : 'alex') : undefined;
      const what = `"${f.title}" for ${d.code} on line ${line + 1} of ${JSON.stringify(text)}`;
      // Every edit is on the target line and writes no line break.
      for (const e of f.edits) {
        assert.ok(e.range.start.line === line && e.range.end.line === line, `edit off the target line: ${what}`);
        assert.ok(!/[\r\n]/.test(e.newText), `edit writes a line break: ${what}`);
        // It replaces nothing, the box's one character, or one token.
        const replaced = normalize(text).split('\n')[line].slice(e.range.start.character, e.range.end.character);
        assert.match(replaced, /^(\S*| )$/, `edit replaces more than a token (${JSON.stringify(replaced)}): ${what}`);
      }
      const out = applyFix(text, f, value);
      const after = split(out);
      assert.equal(after.length, orig.length, `line count changed: ${what}`);
      for (let i = 0; i < orig.length; i++) {
        assert.equal(after[i][1], orig[i][1], `line ending ${i + 1} changed: ${what}`);
        if (i !== line) assert.equal(after[i][0], orig[i][0], `line ${i + 1} changed: ${what}`);
      }
      // The diagnostic is gone, and the other lines' diagnostics are as they were.
      const again = dataset(out).diagnostics(PATH);
      assert.ok(!again.some((x) => x.code === d.code && x.range.start.line === line), `${d.code} still on line ${line + 1} after ${what}`);
      const others = (ds2: typeof before) =>
        ds2
          .filter((x) => x.range.start.line !== line && x.code !== 'no-action-items')
          .map((x) => `${x.code}@${x.range.start.line}`)
          .sort();
      assert.deepEqual(others(again), others(before), `other lines' diagnostics changed: ${what}`);
    }
  }
}

function fixAll(text: string): string {
  const ds = dataset(text);
  const { edits } = fixAllChoice(ds.diagnostics(PATH).map((d) => ({ diagnostic: d, fixes: ds.fixes(PATH, d, text) })));
  return edits.length ? applyEdits(text, edits) : text;
}

/** Notes with things fix-all repairs: impossible dates, out-of-range ratings, a missing date. */
const fixableNote = fc
  .record({
    date: fc.constantFrom('date: 2026-11-20', 'date: 2026-11-31', 'date: 2026-02-30', null),
    happiness: fc.constantFrom('happiness: 4', 'happiness: 7', 'happiness: 0', 'happiness: 9', null),
    perf: fc.constantFrom(['performance:', '  manager: 6', '  report: 0'], ['performance:', '  manager: 3', '  report: 4'], []),
    items: fc.array(
      fc.tuple(item, fc.constantFrom('', ' due:2026-11-31', ' 📅 2026-02-30', ' [due:: 2026-13-01]', ' done:2026-04-31')).map(([i, extra]) => i + extra),
      { minLength: 1, maxLength: 6 },
    ),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
  })
  .map(({ date, happiness, perf, items, eol, bom }) => {
    const fm = ['type: 1on1', 'report: alex', date, happiness, ...perf].filter((l): l is string => l !== null);
    return (bom ? '\uFEFF' : '') + ['---', ...fm, '---', '## Action items', ...items].join(eol) + eol;
  });

describe('fuzz: fixes never lose text', function () {
  this.timeout(LONG ? 0 : 60_000);

  after(() => {
    if (LONG) console.log(`\nfuzz fixes: ${fixCounter.notes} notes, ${fixCounter.fixesChecked} fixes checked, ${fixCounter.fixAll} fix-all cases; seed ${SEED}`);
  });

  it('every action-item fix changes only its token, keeps CRLF and clears its diagnostic', () => {
    fc.assert(fc.property(noteText, checkEveryFix), { seed: SEED, numRuns: Math.max(50, Math.round(TOTAL * 0.12)) });
  });

  it('fix-all applied twice equals applying it once', () => {
    fc.assert(
      fc.property(fixableNote, (text) => {
        fixCounter.fixAll++;
        const once = fixAll(text);
        assert.equal(fixAll(once), once);
      }),
      { seed: SEED + 1, numRuns: Math.max(50, Math.round(TOTAL * 0.12)) },
    );
  });

  it('fix-all actually repairs something on the generated notes (the property is not vacuous)', () => {
    const text = ['---', 'type: 1on1', 'report: alex', 'happiness: 7', '---', '## Action items', '- [ ] Draft @alex due:2026-11-31'].join('\r\n') + '\r\n';
    const once = fixAll(text);
    assert.notEqual(once, text);
    assert.ok(!/(^|[^\r])\n/.test(once), 'fix-all left a bare LF in a CRLF file');
  });
});
