import assert from 'node:assert/strict';
import { conflictBlocks } from '../../../src/core/conflicts';
import type { OneOnOneDoc } from '../../../src/core/index';
import { assertSeverityConfigurable, check, checkCode, lines, makeDataset, note, okr, personFile, row } from '../helpers';

const CODE = 'merge-conflict';
const P = '1on1s/sam/2026-11-27.md';
/** A 1:1 whose front matter holds a conflict block (line 5). */
const conflicted = lines('---', 'type: 1on1', 'report: sam', 'date: 2026-11-27', '<<<<<<< HEAD', 'happiness: 4', '=======', 'happiness: 2', '>>>>>>> laptop', '---', '## Action items', '- [ ] Book the room @sam due:2026-01-01');

describe(CODE, () => {
  it('one error per conflict block, on its <<<<<<< line, and nothing else from that file', () => {
    const files = { [P]: conflicted, 'people/sam.md': personFile('cadence: weekly', 'since: 2026-09-01') };
    assert.deepEqual(
      check(files, { today: '2026-11-30' }).filter((r) => r.file === P),
      [row(P, 5, 'error', CODE)],
    );
  });

  it('blocks anywhere: in the body, in a code fence, in an OKR file; each reported', () => {
    const body = lines('---', 'type: 1on1', 'report: sam', 'date: 2026-11-27', '---', '```', '<<<<<<< ours', '- [ ] x', '=======', '- [ ] y', '>>>>>>> theirs', '```', 'text', '<<<<<<< HEAD', 'a', '||||||| base', 'b', '=======', 'c', '>>>>>>> main');
    assert.deepEqual(checkCode(CODE, { [P]: body }), [row(P, 7, 'error', CODE), row(P, 14, 'error', CODE)]);
    const O = 'okrs/2026-Q4.okr.yaml';
    assert.deepEqual(check({ [O]: okr('<<<<<<< HEAD', '  - id: O1', '=======', '  - id: O2', '>>>>>>> x') }), [row(O, 4, 'error', CODE)]);
  });

  it('markers without all three parts are ordinary text', () => {
    for (const body of [
      ['<<<<<<< HEAD', 'a', '>>>>>>> x'],
      ['<<<<<<< HEAD', '=======', 'a'],
      ['=======', '>>>>>>> x'],
      ['<<<<<<< HEAD', '======= ', '>>>>>>> x'],
      ['<<<<<<< HEAD', ' =======', '>>>>>>> x'],
      ['<<<<<<< HEAD', '>>>>>>> x', '======='],
      ['<<<<<< HEAD', '=======', '>>>>>>> x'],
    ]) {
      assert.deepEqual(conflictBlocks(body), [], JSON.stringify(body));
    }
    assert.deepEqual(conflictBlocks(['<<<<<<< a', 'x', '<<<<<<< b', '=======', '>>>>>>> c', '<<<<<<<< d', '========', '=======', '>>>>>>>>']), [2, 5]);
    const ds = makeDataset({ [P]: note('sam', '2026-11-27', '- [ ] <<<<<<< not a block @sam due:2026-12-01', '=======') });
    assert.equal((ds.doc(P) as OneOnOneDoc).items.length, 1);
    assert.deepEqual(ds.diagnostics(P).filter((d) => d.code === CODE), []);
  });

  it('other files are judged as if it were absent: no 1:1, no items, no date', () => {
    const files = { [P]: conflicted, 'people/sam.md': personFile('cadence: weekly', 'since: 2026-09-01') };
    const ds = makeDataset(files, { today: '2026-11-30' });
    assert.equal(ds.query.lastOneOnOne('sam'), undefined);
    assert.deepEqual(ds.query.notesOf('sam'), []);
    assert.deepEqual([...ds.docs()].map((d) => d.path), ['people/sam.md']);
    assert.equal(ds.overdueCount(), 0);
    assert.deepEqual(checkCode('cadence-lapsed', files, { today: '2026-11-30' }), [row('people/sam.md', 3, 'warning', 'cadence-lapsed')]);
  });

  it('a person file in conflict still makes its id (from its file name) known, and nothing else', () => {
    const person = lines('---', 'type: person', '<<<<<<< HEAD', 'id: samuel', 'cadence: 7', '=======', 'cadence: 14', '>>>>>>> x', '---');
    const files = { 'people/sam.md': person, '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20', '- [ ] x @sam due:2026-12-01'), 'people/alex.md': personFile('id: sam') };
    const ds = makeDataset(files);
    assert.equal(ds.query.knows('sam'), true);
    assert.deepEqual(
      ds.query.people().map((p) => p.path),
      ['people/alex.md'],
    );
    assert.deepEqual(check(files), [row('people/sam.md', 3, 'error', CODE)], 'no unknown-person, no duplicate-id, no cadence-lapsed');
    // Known without any other person file: unknown-person stays quiet for @sam.
    assert.deepEqual(check({ 'people/sam.md': person, '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20', '- [ ] x @sam due:2026-12-01') }), [row('people/sam.md', 3, 'error', CODE)]);
  });

  it('resolving the conflict brings the file back', () => {
    const ds = makeDataset({ [P]: conflicted });
    ds.setFile(P, note('sam', '2026-11-27', '- [ ] Book the room @sam due:2026-01-01'));
    assert.deepEqual(
      ds.diagnostics(P).map((d) => d.code),
      ['action-overdue'],
    );
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'error', { [P]: conflicted });
  });
});
