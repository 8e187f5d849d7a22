import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, checkCode, fixesFor, lines, note, personFile, row } from '../helpers';

const CODE = 'no-action-items';
const N = '1on1s/alex/2026-11-20.md';
const R = 'okr-reviews/q4.md';
const fm = ['---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---'];

describe(CODE, () => {
  it('a 1:1 with no action item: line 1, as info', () => {
    assert.deepEqual(checkCode(CODE, { [N]: lines(...fm, '## Notes', 'Talked about the migration.') }), [row(N, 1, 'info', CODE)]);
  });

  it('an OKR review with no action item', () => {
    assert.deepEqual(checkCode(CODE, { [R]: lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '## O1', 'Decision: continue') }), [row(R, 1, 'info', CODE)]);
  });

  it('any action item counts, whatever its state', () => {
    for (const s of [' ', 'x', 'X', '-', '>']) assert.deepEqual(checkCode(CODE, { [N]: note('alex', '2026-11-20', `- [${s}] Thing @alex due:2026-12-01`) }), [], `[${s}]`);
  });

  it('plain bullets and task lines in code fences are not action items', () => {
    assert.deepEqual(checkCode(CODE, { [N]: note('alex', '2026-11-20', '- Talk about X', '```', '- [ ] not an item', '```') }), [row(N, 1, 'info', CODE)]);
  });

  it('an empty 1:1 file', () => {
    assert.deepEqual(checkCode(CODE, { [N]: '' }), [row(N, 1, 'info', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [N]: lines(...fm, 'Notes.') });
  });

  describe('fixes', () => {
    // alex: cadence 7, last 1:1 2026-11-20 → next 1:1 2026-11-27.
    const people = { 'people/alex.md': personFile('cadence: weekly') };

    it('adds an Action items section with an item for the report, due at the next 1:1', () => {
      const text = lines(...fm, '## Notes', 'Talked.');
      const { fixes } = fixesFor({ ...people, [N]: text }, N, CODE);
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0].ask?.kind, 'text');
      assertFix({ ...people, [N]: text }, N, CODE, /action item/i, lines(...fm, '## Notes', 'Talked.', '', '## Action items', '- [ ] Book the design review @alex due:2026-11-27'), {
        value: 'Book the design review',
      });
    });

    it('adds under an existing Action items heading, even without a final newline', () => {
      const text = [...fm, '## Action items'].join('\n');
      assertFix({ ...people, [N]: text }, N, CODE, /action item/i, lines(...fm, '## Action items', '- [ ] Write it up @alex due:2026-11-27'), { value: 'Write it up' });
    });

    it('in a review the item is for @me, due today', () => {
      const text = lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '## O1', 'Decision: continue');
      assertFix({ [R]: text }, R, CODE, /action item/i, lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '## O1', 'Decision: continue', '', '## Action items', '- [ ] Follow up @me due:2026-11-22'), {
        value: 'Follow up',
      });
    });
  });
});
