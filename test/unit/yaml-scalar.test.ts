// yamlScalar (src/core/fixes.ts): every value Cadence writes into YAML (a
// person id in `report:` or `owner:`, a name, a title) reads back, as
// Cadence reads YAML, as exactly the string written. Found by a fresh tester:
// `cadence new 007` wrote `report: 007`, read back as the number 7.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { yamlScalar } from '../../src/core/fixes';
import { lines, makeDataset } from './helpers';

/** What Cadence's YAML reading (parse/yaml-fields.ts's options) gives for `k: <written>`. */
function readBack(written: string): unknown {
  const doc = parseDocument(`k: ${written}\n`, { prettyErrors: false, strict: false, merge: true, uniqueKeys: false });
  assert.deepEqual(doc.errors, [], written);
  return doc.get('k');
}

describe('yamlScalar: a value written into YAML reads back as the same string', () => {
  const plain = ['alex', 'Zoë Müller', 'p0042', 'sam-lee', 'a.b', 'Engineer II', "it's", 'say "hi"', '2026-11-20', 'me', 'O1', 'x-1', 'alex@example.com', 'a#b', 'Ship it', 'a, b]', '---', '...'];
  const quoted = [
    '007', '42', '-1', '+3', '1.5', '1e3', '0x1F', '0o17', '.inf', '-.inf', '.nan', // numbers
    'true', 'false', 'True', 'null', 'Null', '~', // booleans and null
    '#ops', 'a #b', // comments
    '[c] bob', '{x}', // flow collections
    'q: x', 'key:', // mappings
    '*alias', '&anchor', '!tag', '@alex', '`x`', '%x', '|', '>', "'x", '"x', // indicators
    '- a', '-', '? x', // block indicators
    ' lead', 'trail ', '', // blanks at either end, empty
    'a\nb', 'a\rb', 'tab\tin', // line breaks, a tab
  ];

  it('a value that is already a plain string stays plain', () => {
    for (const v of plain) {
      assert.equal(yamlScalar(v), v, v);
      assert.equal(readBack(yamlScalar(v)), v, v);
    }
  });

  it('anything else is double-quoted, and reads back as the string: numbers, booleans, null, comments, flow, mappings, indicators, blanks, line breaks', () => {
    for (const v of quoted) {
      const w = yamlScalar(v);
      assert.ok(w.startsWith('"'), `${JSON.stringify(v)} written ${w}`);
      assert.equal(readBack(w), v, JSON.stringify(v));
    }
  });

  it('every code point of the Basic Latin block, alone and inside a word, reads back', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      for (const v of [ch, `a${ch}b`, `${ch}ab`, `ab${ch}`]) assert.equal(readBack(yamlScalar(v)), v, JSON.stringify(v));
    }
  });
});

describe('ids written into YAML by fixes', () => {
  it('kr-missing-owner and objective-missing-owner quote an id that would not read back (007), and the asked answer too', () => {
    const okr = lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: O1', '    title: One', '    key_results:', '      - id: KR1', '        title: a', '        target: 3', '        due: 2026-12-31');
    const ds = makeDataset({ 'okrs/q.okr.yaml': okr, 'people/007.md': lines('---', 'type: person', 'name: Bond', '---') }, { today: '2026-11-22' });
    for (const code of ['kr-missing-owner', 'objective-missing-owner']) {
      const d = ds.diagnostics('okrs/q.okr.yaml').find((x) => x.code === code)!;
      const fixes = ds.fixes('okrs/q.okr.yaml', d, okr);
      const bond = fixes.find((f) => f.title.includes('007'))!;
      assert.match(bond.edits[0].newText, /owner: "007"/, code);
      const ask = fixes.find((f) => f.ask)!;
      assert.equal(ask.ask!.yaml, true, code);
    }
  });
});
