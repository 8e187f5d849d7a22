import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, checkCode, fixesFor, lines, makeDataset, note, personFile, row, rowsOf } from '../helpers';

const CODE = 'unknown-person';
const N = '1on1s/sam/2026-11-20.md';
const R = 'okr-reviews/q4.md';
const O = 'okrs/2026-Q4.okr.yaml';
const alexFile = { 'people/alex.md': personFile() };

describe(CODE, () => {
  it('fires on the report: line of a 1:1 about someone with no person file, as info', () => {
    // note(): report on line 3.
    assert.deepEqual(checkCode(CODE, { ...alexFile, [N]: note('sam', '2026-11-20', '- [ ] x @alex due:2026-12-01') }), [row(N, 3, 'info', CODE)]);
  });

  it('fires on the task line of an unknown action-item owner, in 1:1s and reviews, in @ and Dataview spelling', () => {
    const n = note('alex', '2026-11-20', '- [ ] x @bob due:2026-12-01', '- [ ] y [owner:: carol] [due:: 2026-12-01]', '- [ ] z @alex due:2026-12-01');
    const r = lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '## O1', 'Decision: continue', '- [ ] Move it @dana due:2026-12-01');
    assert.deepEqual(checkCode(CODE, { ...alexFile, '1on1s/alex/2026-11-20.md': n, [R]: r }), [
      row('1on1s/alex/2026-11-20.md', 7, 'info', CODE),
      row('1on1s/alex/2026-11-20.md', 8, 'info', CODE),
      row(R, 7, 'info', CODE),
    ]);
  });

  it('checks owners in OKR YAML: the set, objectives and key results, on the reference line', () => {
    const text = lines(
      'type: okr', //                1
      'period: 2026-Q4', //          2
      'owner: pat', //               3
      'objectives:', //              4
      '  - id: O1', //               5
      '    title: T', //             6
      '    owner: quinn', //         7
      '    key_results:', //         8
      '      - id: KR1', //          9
      '        title: K', //         10
      '        owner: ALEX', //      11  (known: ids are case-insensitive)
      '      - id: KR2', //          12
      '        title: K2', //        13
      '        owner: robin', //     14
    );
    assert.deepEqual(checkCode(CODE, { ...alexFile, [O]: text }), [row(O, 3, 'info', CODE), row(O, 7, 'info', CODE), row(O, 14, 'info', CODE)]);
  });

  it('is silent while there is no person file at all', () => {
    assert.deepEqual(checkCode(CODE, { [N]: note('sam', '2026-11-20', '- [ ] x @bob due:2026-12-01') }), []);
  });

  it('me is always known (@me, report: me, owner: me), even when the me: true person has another id', () => {
    const files = {
      'people/pat.md': personFile('me: true'),
      '1on1s/me/2026-11-20.md': note('me', '2026-11-20', '- [ ] x @me due:2026-12-01', '- [ ] y @Me due:2026-12-01'),
      [O]: lines('type: okr', 'period: 2026-Q4', 'owner: me', 'objectives: []'),
    };
    assert.deepEqual(checkCode(CODE, files), []);
  });

  it('ids compare case-insensitively (@Alex with people/alex.md)', () => {
    assert.deepEqual(checkCode(CODE, { ...alexFile, '1on1s/a/2026-11-20.md': note('Alex', '2026-11-20', '- [ ] x @ALEX due:2026-12-01') }), []);
  });

  it("a person's id is their id: field, not the file name", () => {
    const files = { 'people/alex-kim.md': personFile('id: alex'), [N]: note('alex', '2026-11-20', '- [ ] x @alex-kim due:2026-12-01') };
    assert.deepEqual(checkCode(CODE, files), [row(N, 7, 'info', CODE)]);
  });

  it('an e-mail address is not a reference', () => {
    assert.deepEqual(checkCode(CODE, { ...alexFile, [N]: note('alex', '2026-11-20', '- [ ] mail bob@corp.io @alex due:2026-12-01') }), []);
  });

  it('appears when the person file is deleted from the Dataset, and goes when the last person file goes', () => {
    const ds = makeDataset({ ...alexFile, 'people/sam.md': personFile(), [N]: note('sam', '2026-11-20', '- [ ] x @alex due:2026-12-01') });
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), []);
    ds.deleteFile('people/alex.md');
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), [row(N, 7, 'info', CODE)]);
    ds.setFile('people/alex.md', personFile());
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), []);
    ds.deleteFile('people/alex.md');
    ds.deleteFile('people/sam.md');
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), [], 'silent again with no person file');
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { ...alexFile, [N]: note('sam', '2026-11-20', '- [ ] x @bob due:2026-12-01') });
  });

  describe('fixes', () => {
    const people = { 'people/alex.md': personFile(), 'people/sam.md': personFile(), 'people/priya.md': personFile() };

    it('offers the closest known ids, the closest preferred', () => {
      const files = { ...people, [N]: note('sam', '2026-11-20', '- [ ] x @alx due:2026-12-01') };
      const { fixes } = fixesFor(files, N, CODE);
      assert.equal(fixes[0].title, 'Change to alex');
      assert.equal(fixes[0].preferred, true);
      assertFix(files, N, CODE, 'Change to alex', note('sam', '2026-11-20', '- [ ] x @alex due:2026-12-01'));
    });

    it('replaces a YAML reference', () => {
      const text = lines('type: okr', 'period: 2026-Q4', 'owner: prya', 'objectives: []');
      assertFix({ ...people, [O]: text }, O, CODE, 'Change to priya', lines('type: okr', 'period: 2026-Q4', 'owner: priya', 'objectives: []'));
    });

    it('replaces the report of a 1:1', () => {
      const files = { ...people, [N]: note('sma', '2026-11-20', '- [ ] x @alex due:2026-12-01') };
      assertFix(files, N, CODE, 'Change to sam', note('sam', '2026-11-20', '- [ ] x @alex due:2026-12-01'));
    });
  });
});
