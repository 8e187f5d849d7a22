// SPEC §10 "Dates in task lines": each Obsidian Tasks signifier on its own.
// `⏳` scheduled, `🛫` start, `➕` created and `❌` cancelled dates and a
// `🔁 …` recurrence are recognised, are never the due or done date, and are
// left out of the item's text — the text every view shows (the Action Items
// tree's label, the status bar's list, the assistant's answers) and the text
// plain-English due dates are read from (action-missing-due). After any of
// them a date-shaped token that is not a real date is invalid-date; anything
// else after one is text. `✅` is the done date (SPEC §4), left out alike.
import assert from 'node:assert/strict';
import { readItem } from '../../src/core/markdown/items';
import { readTaskBox } from '../../src/core/markdown/task-box';
import type { ActionItem } from '../../src/core/model';
import { plainDueDate } from '../../src/core/plain-dates';
import { check, note, row } from './helpers';

const item = (rest: string): ActionItem => {
  const line = `- [ ] ${rest}`;
  return readItem(line, 0, 0, readTaskBox(line, 2)!);
};
const P = '1on1s/alex/2026-11-20.md';
/** The diagnostics of one action item line in a 1:1 of 2026-11-20 (the line is line 7). */
const diagnose = (rest: string, codes: string[]) => check({ [P]: note('alex', '2026-11-20', `- [ ] ${rest}`) }, { codes });

const DATED = [
  { emoji: '⏳', name: 'scheduled' },
  { emoji: '🛫', name: 'start' },
  { emoji: '➕', name: 'created' },
  { emoji: '❌', name: 'cancelled' },
] as const;

describe('Obsidian Tasks signifiers, each on its own (SPEC §10)', () => {
  for (const { emoji, name } of DATED) {
    describe(`${emoji} (${name})`, () => {
      it('its date is read as that date, never the due or done date, in every spacing, ± U+FE0F', () => {
        for (const vs of ['', '\uFE0F']) {
          for (const sp of ['', ' ', '   ', '\t']) {
            const it = item(`Draft the rota ${emoji}${vs}${sp}2026-11-25 @alex`);
            const where = JSON.stringify(emoji + vs + sp);
            assert.deepEqual(it.otherDates.map((d) => [d.name, d.value]), [[name, '2026-11-25']], where);
            assert.equal(it.due, undefined, where);
            assert.equal(it.done, undefined, where);
            assert.equal(it.owner?.id, 'alex', where);
          }
        }
      });

      it('is left out of the item’s text wherever it stands', () => {
        assert.equal(item(`${emoji} 2026-11-25 Draft the rota`).text, 'Draft the rota');
        assert.equal(item(`Draft ${emoji} 2026-11-25 the rota`).text, 'Draft the rota');
        assert.equal(item(`Draft the rota ${emoji} 2026-11-25`).text, 'Draft the rota');
        assert.equal(item(`Draft the rota ${emoji}2026-11-25 due:2026-12-01`).text, 'Draft the rota');
      });

      it('a date-shaped value that is not a real date is invalid-date, on the value; no due date comes of it', () => {
        const line = `x @alex due:2026-12-01 ${emoji} 2026-02-30`;
        const col = `- [ ] ${line}`.indexOf('2026-02-30');
        const [d] = diagnose(line, ['invalid-date']);
        assert.deepEqual(d, row(P, 7, 'error', 'invalid-date'));
        assert.equal(item(line).otherDates[0].range.start.character, col);
        assert.equal(item(line).due?.value, '2026-12-01');
        assert.deepEqual(diagnose(`x @alex due:2026-12-01 ${emoji} 2026-13-01`, ['invalid-date']).length, 1);
        assert.deepEqual(diagnose(`x @alex due:2026-12-01 ${emoji} 2026-11-25T10:00`, ['invalid-date']).length, 1, 'dates only');
      });

      it('anything else after it is text, and is no date', () => {
        for (const after of ['soon', 'next week', '25/11/2026', '2026-1-5']) {
          const it = item(`x ${emoji} ${after}`);
          assert.equal(it.text, `x ${emoji} ${after}`, after);
          assert.deepEqual(it.otherDates, [], after);
        }
        assert.deepEqual(diagnose(`x @alex due:2026-12-01 ${emoji} soon`, ['invalid-date']), []);
      });

      it('is never taken for the due date: an item with only it has no due date (action-missing-due)', () => {
        assert.deepEqual(diagnose(`Draft the rota @alex ${emoji} 2026-11-25`, ['action-missing-due']), [row(P, 7, 'warning', 'action-missing-due')]);
      });
    });
  }

  describe('🔁 (recurrence)', () => {
    it('the rule’s words are left out of the text, and are no date', () => {
      for (const rule of ['every day', 'every week on Monday', 'every 2 weeks on Monday, Friday', 'every month on the 1st', 'every weekday when done', 'every year!']) {
        for (const vs of ['', '\uFE0F']) {
          const it = item(`Water the plants 🔁${vs} ${rule}`);
          assert.equal(it.text, 'Water the plants', rule + vs);
          assert.deepEqual(it.otherDates, [], rule);
          assert.equal(it.due, undefined, rule);
        }
      }
    });

    it('stops where another token starts: the due, done and other dates and the owner after it are read', () => {
      const it = item('Water the plants 🔁 every week 📅 2026-11-27 ⏳ 2026-11-25 ✅ 2026-11-26 @alex');
      assert.equal(it.text, 'Water the plants');
      assert.equal(it.due?.value, '2026-11-27');
      assert.equal(it.done?.value, '2026-11-26');
      assert.equal(it.owner?.id, 'alex');
      assert.deepEqual(it.otherDates.map((d) => d.name), ['scheduled']);
    });

    it('its words are not read as a plain-English due date (no “Due Friday” fix from “every week on Friday”)', () => {
      assert.equal(plainDueDate(item('Water the plants @alex 🔁 every week on Friday').text, '2026-11-23'), undefined);
      assert.equal(plainDueDate(item('Water the plants by Friday @alex 🔁 every week').text, '2026-11-23')?.date, '2026-11-27');
    });
  });

  describe('✅ (done, SPEC §4)', () => {
    it('is the done date, left out of the text; the first one counts', () => {
      const it = item('Share the plan ✅ 2026-11-21 @alex ✅ 2026-11-22');
      assert.equal(it.done?.value, '2026-11-21');
      assert.equal(it.text, 'Share the plan ✅ 2026-11-22', 'the second is not the done date: text, as a second due:/done: is');
    });

    it('a value that is not a real date is invalid-date; anything else after it is text', () => {
      assert.equal(diagnose('x @alex due:2026-12-01 ✅ 2026-11-31', ['invalid-date']).length, 1);
      assert.equal(item('x ✅ yesterday').text, 'x ✅ yesterday');
      assert.equal(item('x ✅ yesterday').done, undefined);
    });
  });

  it('signifiers SPEC §10 does not list (priorities 🔺 ⏫ 🔼 🔽 ⏬, dependencies 🆔 ⛔) stay in the text', () => {
    for (const rest of ['Draft 🔺', 'Draft ⏫', 'Draft 🔼', 'Draft 🔽', 'Draft ⏬', 'Draft 🆔 abc123', 'Draft ⛔ abc123']) {
      assert.equal(item(rest).text, rest);
    }
  });

  it('all of them on one line: the text is the words alone, each date in its place', () => {
    const it = item('Review the rota ⏳ 2026-11-25 🛫 2026-11-24 ➕ 2026-11-20 ❌ 2026-11-26 🔁 every week 📅 2026-11-27 ✅ 2026-11-28 @alex');
    assert.equal(it.text, 'Review the rota');
    assert.deepEqual(it.otherDates.map((d) => `${d.name} ${d.value}`), ['scheduled 2026-11-25', 'start 2026-11-24', 'created 2026-11-20', 'cancelled 2026-11-26']);
    assert.equal(it.due?.value, '2026-11-27');
    assert.equal(it.done?.value, '2026-11-28');
  });
});
