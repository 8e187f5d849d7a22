import assert from 'node:assert/strict';
import { assertSeverityConfigurable, check, lines, makeDataset, note, row } from '../helpers';

const CODE = 'yaml-syntax';
const N = '1on1s/alex/2026-11-20.md';
const O = 'okrs/q.okr.yaml';
const P = 'people/alex.md';

/** Every row is yaml-syntax, an error, on a line within [from, to]. */
function onlyYamlSyntax(rows: ReturnType<typeof check>, file: string, from: number, to: number): void {
  const mine = rows.filter((r) => r.file === file);
  assert.ok(mine.length > 0, 'no yaml-syntax reported');
  for (const r of mine) {
    assert.equal(r.code, CODE, `unexpected ${r.code} on line ${r.line}`);
    assert.equal(r.severity, 'error');
    assert.ok(r.line >= from && r.line <= to, `yaml-syntax on line ${r.line}, outside ${from}–${to}`);
  }
}

describe(CODE, () => {
  it('an OKR file that does not parse yields yaml-syntax alone', () => {
    // The basic shape of the "broken" example: an unterminated quoted title.
    const text = lines('type: okr', 'objectives:', '  - title: "Ship it', '    owner: alex');
    onlyYamlSyntax(check({ [O]: text }), O, 1, 5);
  });

  it('bad indentation and a tab are syntax errors too', () => {
    onlyYamlSyntax(check({ [O]: lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: O1', '   title: x', ' bad: [') }), O, 1, 7);
  });

  it('an alias to no anchor defined before it is a YAML error, on the alias (not read as null: found by a fresh tester)', () => {
    const cases: [string, string, number][] = [
      [N, lines('---', 'type: 1on1', 'report: *who', 'date: 2026-11-20', '---', '- [ ] Draft it @alex due:2026-11-27'), 3],
      [O, lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: O1', '    title: *t', '    owner: me'), 5],
      [O, lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: O1', '    title: One', '    owner: me', '    key_results:', '      - title: a', '        confidence: *c', 'c: &c 0.5'), 9], // the anchor comes after
      [O, lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: O1', '    title: One', '    <<: *defaults'), 6], // a merge of nothing
    ];
    for (const [file, text, line] of cases) {
      const rows = check({ [file]: text }).filter((r) => r.file === file);
      assert.deepEqual(rows.map((r) => [r.code, r.line]), [[CODE, line]], text);
      assert.match(makeDataset({ [file]: text }).diagnostics(file)[0].message, /alias \*\w+ names no anchor defined before it/);
    }
    // An anchor before its alias is YAML: nothing to say about the syntax.
    const ok = check({ [O]: lines('type: okr', 'period: 2026-Q4', 'c: &c 0.5', 'objectives:', '  - id: O1', '    title: One', '    owner: me', '    key_results:', '      - title: a', '        confidence: *c') });
    assert.ok(!ok.some((r) => r.code === CODE), ok.map((r) => r.code).join());
  });

  it('duplicate keys are a YAML error', () => {
    onlyYamlSyntax(check({ [O]: lines('type: okr', 'period: 2026-Q4', 'period: 2026-Q3', 'objectives: []') }), O, 1, 5);
  });

  it('bad front matter: yaml-syntax within the front matter, and the body is still checked', () => {
    const text = lines(
      '---', //                               1
      'type: 1on1', //                        2
      'report: [alex', //                     3
      'happiness: 9', //                      4
      '---', //                               5
      '## Action items', //                   6
      '- [ ] No owner due:2026-12-01', //     7
      '- [ ] Late @alex due:2026-11-01', //   8
    );
    const rows = check({ [N]: text });
    const body = rows.filter((r) => r.code !== CODE);
    // No missing-field, out-of-range or unknown-person from the unreadable YAML; the body's items are judged.
    assert.deepEqual(body, [row(N, 7, 'warning', 'action-missing-owner'), row(N, 8, 'warning', 'action-overdue')]);
    onlyYamlSyntax(
      rows.filter((r) => r.code === CODE),
      N,
      2,
      4,
    );
  });

  it('a body with no items after bad front matter is still no-action-items', () => {
    const rows = check({ [N]: lines('---', 'type: 1on1', 'report: alex: bob', '---', 'Notes only.') });
    assert.deepEqual(
      rows.filter((r) => r.code !== CODE),
      [row(N, 1, 'info', 'no-action-items')],
    );
  });

  it('a person whose front matter does not parse gives yaml-syntax alone', () => {
    const text = lines('---', 'type: person', 'since: 2020-01-01', 'cadence: {', '---');
    onlyYamlSyntax(check({ [P]: text }), P, 2, 4);
  });

  it('one bad file never hides the diagnostics of the others', () => {
    const files = {
      [O]: lines('type: okr', 'objectives:', '  - title: "Ship it'),
      [N]: note('alex', '2026-11-20', '- [ ] x due:2026-12-01'),
      'okrs/good.okr.yaml': lines('type: okr', 'objectives: []'),
    };
    const rows = check(files);
    assert.deepEqual(
      rows.filter((r) => r.file !== O),
      [row(N, 7, 'warning', 'action-missing-owner'), row('okrs/good.okr.yaml', 1, 'error', 'missing-field'), row('okrs/good.okr.yaml', 2, 'info', 'okr-objective-count')],
    );
    onlyYamlSyntax(rows, O, 1, 4);
  });

  it('valid YAML gives none', () => {
    assert.deepEqual(check({ [N]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01') }).filter((r) => r.code === CODE), []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'error', { [O]: lines('type: okr', 'objectives:', '  - title: "Ship it') });
  });
});
