// SPEC §10, "YAML as YAML", "People as wikilinks" in YAML and "Unicode":
// anchors, aliases and merge keys resolved before any field is read, a
// diagnostic reached through one reported where it is used, once per use;
// date-times in date fields read as their calendar date as written; a
// person named by a wikilink, quoted or not; ids and file names compared
// after NFC and lower-casing.
import assert from 'node:assert/strict';
import type { OkrSetDoc, OneOnOneDoc, PersonDoc } from '../../src/core/index';
import { calendarDate } from '../../src/core/parse/yaml-fields';
import { check, lines, makeDataset, note, personFile, row } from './helpers';

const O = 'okrs/2026-Q4.okr.yaml';
const P = '1on1s/alex/2026-11-20.md';

describe('YAML as YAML (SPEC §10)', () => {
  describe('anchors, aliases and merge keys', () => {
    const set = lines(
      'type: okr', //                                  1
      'period: 2026-Q4', //                            2
      'owner: &lead alex', //                          3
      'defaults: &kr', //                              4
      '  owner: *lead', //                             5
      '  due: &eoq 2026-12-15', //                     6
      '  target: 10', //                               7
      'objectives:', //                                8
      '  - id: O1', //                                 9
      '    title: Ship the importer', //               10
      '    owner: *lead', //                           11
      '    key_results:', //                           12
      '      - id: KR1', //                            13
      '        title: Ten customers', //               14
      '        <<: *kr', //                            15
      '      - id: KR2', //                            16
      '        title: Five case studies', //           17
      '        <<: *kr', //                            18
      '        due: 2026-11-30', //                    19 (explicit keys win)
      '        target: 5', //                          20
    );

    it('an alias is its anchor’s value; a merge key brings the keys the map lacks, explicit keys winning', () => {
      const doc = makeDataset({ [O]: set }).doc(O) as OkrSetDoc;
      const [o] = doc.objectives;
      assert.equal(doc.owner?.id, 'alex');
      assert.equal(o.owner?.id, 'alex');
      assert.deepEqual(
        o.keyResults.map((k) => [k.id, k.owner?.id, k.due?.value, k.target]),
        [
          ['KR1', 'alex', '2026-12-15', 10],
          ['KR2', 'alex', '2026-11-30', 5],
        ],
      );
      assert.deepEqual(
        check({ [O]: set }, { codes: ['objective-missing-owner', 'kr-missing-owner', 'kr-missing-due', 'invalid-date', 'kr-not-measurable'] }),
        [],
      );
    });

    it('the realworld shape: owner *lead and due *eoq are the aliased values, no invalid-date', () => {
      const rw = lines('type: okr', 'period: 2026-Q4', 'owner: &lead alex', 'objectives:', '  - id: O1', '    title: Ship', '    owner: *lead', '    key_results:', '      - id: KR1', '        title: Ten', '        owner: *lead', '        due: &eoq 2026-12-15', '        target: 10', '      - id: KR2', '        title: Five', '        owner: *lead', '        due: *eoq', '        target: 5');
      assert.deepEqual(check({ [O]: rw }), [row(O, 4, 'info', 'okr-objective-count')]);
    });

    it('a diagnostic about a value reached through an alias or merge key is on the alias (or << ) line, once per use', () => {
      const bad = lines('type: okr', 'period: 2026-Q4', 'd: &bad 2026-02-30', 'm: &m {due: 2026-13-01}', 'objectives:', '  - id: O1', '    title: x', '    owner: alex', '    key_results:', '      - {id: KR1, title: a, owner: alex, target: 1, due: *bad}', '      - id: KR2', '        title: b', '        owner: alex', '        target: 1', '        <<: *m', '      - id: KR3', '        title: c', '        owner: alex', '        target: 1', '        <<: [*m]');
      assert.deepEqual(check({ [O]: bad }, { codes: ['invalid-date'] }), [row(O, 10, 'error', 'invalid-date'), row(O, 15, 'error', 'invalid-date'), row(O, 20, 'error', 'invalid-date')]);
    });

    it('a whole list or map through an alias; a list of merge maps, the earlier winning', () => {
      const y = lines('type: okr', 'period: 2026-Q4', 'a: &a {owner: sam, due: 2026-12-01}', 'b: &b {owner: kim, target: 3}', 'krs: &krs', '  - id: KR1', '    title: t', '    <<: [*a, *b]', 'objectives:', '  - id: O1', '    title: x', '    owner: alex', '    key_results: *krs');
      const kr = (makeDataset({ [O]: y }).doc(O) as OkrSetDoc).objectives[0].keyResults[0];
      assert.deepEqual([kr.owner?.id, kr.due?.value, kr.target], ['sam', '2026-12-01', 3]);
      // The key result came through the alias: it stands on the alias's line.
      assert.equal(kr.firstLine.start.line + 1, 13);
    });

    it('in front matter too', () => {
      const text = lines('---', 'type: 1on1', 'who: &r alex', 'report: *r', 'when: &d 2026-11-20', 'date: *d', '---', '- [ ] x @alex due:2026-12-01');
      const doc = makeDataset({ [P]: text }).doc(P) as OneOnOneDoc;
      assert.equal(doc.report?.id, 'alex');
      assert.equal(doc.date, '2026-11-20');
      const person = makeDataset({ 'people/alex.md': lines('---', 'type: person', 'base: &base', '  cadence: 7', '  since: 2026-01-05', '<<: *base', 'cadence: 14', '---') }).doc('people/alex.md') as PersonDoc;
      assert.deepEqual([person.cadenceDays, person.since?.value], [14, '2026-01-05']);
    });

    it('a cycle or an unknown anchor is not read, and nothing throws', () => {
      assert.doesNotThrow(() => check({ [O]: lines('type: okr', 'period: 2026-Q4', 'a: &a [1, *a]', 'owner: *nope', 'objectives: &o [{id: O1, title: x, key_results: *o}]') }));
    });
  });

  describe('date-times in date fields', () => {
    it('read as the calendar date written: T or space, with or without seconds, Z or an offset, no time-zone conversion', () => {
      for (const [v, d] of [
        ['2026-11-20', '2026-11-20'],
        ['2026-11-20T10:00', '2026-11-20'],
        ['2026-11-20 10:00:00', '2026-11-20'],
        ['2026-11-20T23:30:00Z', '2026-11-20'],
        ['2026-11-20T23:30:00-05:00', '2026-11-20'],
        ['2026-11-20T00:30+14:00', '2026-11-20'],
        ['2026-11-20 9:05:07.123 +01:00', '2026-11-20'],
        ['2026-11-20t10:00', '2026-11-20'],
      ] as const) {
        assert.equal(calendarDate(v), d, v);
      }
      for (const v of ['2026-02-30T10:00', '2026-11-20T25:00', '2026-11-20T10:60', '2026-11-20T', '2026-11-20 noon', '2026-11-20T10']) assert.equal(calendarDate(v), undefined, v);
    });

    it('in front matter and OKR files, plain, quoted and !!timestamp', () => {
      const text = lines('---', 'type: 1on1', 'report: alex', 'date: !!timestamp 2026-11-20T23:30:00-05:00', '---', '- [ ] x @alex due:2026-12-01');
      assert.equal((makeDataset({ [P]: text }).doc(P) as OneOnOneDoc).date, '2026-11-20');
      const q = lines('---', 'type: 1on1', 'report: alex', 'date: "2026-11-20 10:00"', '---', '- [ ] x @alex due:2026-12-01');
      assert.equal((makeDataset({ [P]: q }).doc(P) as OneOnOneDoc).date, '2026-11-20');
      const okr = lines('type: okr', 'start: 2026-10-01T00:00:00Z', 'end: !!timestamp 2026-12-31 23:59:59', 'objectives: []');
      const doc = makeDataset({ [O]: okr }).doc(O) as OkrSetDoc;
      assert.deepEqual([doc.start, doc.end], ['2026-10-01', '2026-12-31']);
      assert.deepEqual(check({ [O]: okr }, { codes: ['invalid-date', 'missing-field'] }), []);
    });

    it('a date-time on a task line is invalid-date (task-line dates are dates only)', () => {
      assert.deepEqual(check({ [P]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-11-20T10:00') }, { codes: ['invalid-date'] }), [row(P, 7, 'error', 'invalid-date')]);
    });
  });

  describe('people as wikilinks in YAML', () => {
    const people = { 'people/alex.md': personFile('name: Alex Kim', 'cadence: 14') };
    for (const value of ['"[[alex]]"', "'[[alex]]'", '[[alex]]', '"[[people/alex]]"', '[[alex.md]]', '"[[alex|Alex Kim]]"', '[[alex|Alex Kim]]', '[[alex#Notes]]', '"[[Alex]]"', '"@alex"']) {
      it(`report: ${value}`, () => {
        const text = lines('---', 'type: 1on1', `report: ${value}`, 'date: 2026-11-20', '---', '- [ ] x @alex due:2026-12-01');
        const ds = makeDataset({ ...people, [P]: text });
        const doc = ds.doc(P) as OneOnOneDoc;
        assert.equal(doc.report?.key, 'alex');
        assert.equal(ds.query.lastOneOnOne('alex'), '2026-11-20');
        assert.deepEqual(ds.diagnostics(P).filter((d) => d.code === 'unknown-person'), []);
        assert.deepEqual(ds.diagnostics('people/alex.md'), [], 'the 1:1 counts: alex is not lapsed');
      });
    }

    it('unknown-person on a wikilink points at the id inside it, and its fix keeps the link', () => {
      const text = lines('---', 'type: 1on1', 'report: "[[alx|Alex]]"', 'date: 2026-11-20', '---', '- [ ] x @alex due:2026-12-01');
      const ds = makeDataset({ ...people, [P]: text });
      const d = ds.diagnostics(P).find((x) => x.code === 'unknown-person')!;
      assert.deepEqual(d.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 14 } });
      const fix = ds.fixes(P, d, text)[0];
      assert.equal(fix.edits[0].newText, 'alex');
    });

    it('an OKR owner, and a person id with spaces', () => {
      const y = lines('type: okr', 'period: 2026-Q4', 'owner: [[Alex Kim]]', 'objectives:', '  - id: O1', '    title: x', '    owner: "[[people/Alex Kim|AK]]"');
      const files = { 'people/Alex Kim.md': personFile(), [O]: y };
      const doc = makeDataset(files).doc(O) as OkrSetDoc;
      assert.equal(doc.owner?.id, 'Alex Kim');
      assert.equal(doc.objectives[0].owner?.key, 'alex kim');
      assert.deepEqual(check(files, { codes: ['unknown-person'] }), []);
      assert.deepEqual(check({ ...files, [P]: note('[[Alex Kim]]', '2026-11-20', '- [ ] Call [[Alex Kim]] due:2026-12-01') }, { codes: ['unknown-person', 'action-missing-owner'] }), []);
    });
  });

  describe('Unicode: ids and file names compare after NFC and lower-casing', () => {
    it('people/zoë.md saved decomposed is @Zoë typed composed', () => {
      const decomposed = 'people/zoe\u0308.md';
      const files = { [decomposed]: personFile('cadence: 14'), [P]: note('ZOË', '2026-11-20', '- [ ] x @Zoë due:2026-12-01', '- [ ] y [owner:: [[zoe\u0308]]] due:2026-12-01') };
      const ds = makeDataset(files);
      assert.equal((ds.doc(decomposed) as PersonDoc).key, 'zoë');
      assert.deepEqual(check(files, { codes: ['unknown-person', 'cadence-lapsed', 'action-missing-owner'] }), []);
      assert.equal(ds.query.lastOneOnOne('zoë'), '2026-11-20');
    });

    it('OKR set, objective and key result ids too; duplicate ids found across forms', () => {
      const y = lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: Ö1', '    title: a', '    owner: alex', '  - id: o\u03081', '    title: b', '    owner: alex');
      assert.deepEqual(check({ [O]: y }, { codes: ['duplicate-id'] }), [row(O, 7, 'error', 'duplicate-id')]);
    });
  });
});
