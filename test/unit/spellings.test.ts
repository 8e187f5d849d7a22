// The action-item spellings (src/core/spellings.ts) and the one engine over
// them (src/core/markdown/tokens.ts): per table, what it writes (SPEC §4's
// table), that what it writes reads back (owner, due, done, their ranges,
// the item's text and spelling), that the quick fixes and actions write in
// the line's spelling and read back, and where completions start. The
// round-trips run over every table, so a new spelling is tested by them.
import assert from 'node:assert/strict';
import { appendToken, insertOwner, markDone } from '../../src/core/fixes';
import { toggleItem } from '../../src/core/actions/items';
import { readItem } from '../../src/core/markdown/items';
import { readTaskBox } from '../../src/core/markdown/task-box';
import { completionAt, findTokens, writeToken } from '../../src/core/markdown/tokens';
import type { ActionItem } from '../../src/core/model';
import { MEANINGS, SPELLINGS, type Meaning, type Spelling } from '../../src/core/spellings';
import type { Range, TextEdit } from '../../src/core/types';
import { linksPeople } from '../../src/core/wikilinks';
import { check, lines, note, row } from './helpers';
import { cpuNow } from './cpu-time';

const LINE = 4;
const BOX = 2;
/** Reads `- [s] rest` as line LINE of a note. */
const item = (rest: string, state = ' '): ActionItem => readItem(`- [${state}] ${rest}`, LINE, 0, readTaskBox(`- [${state}] ${rest}`, BOX)!);
const slice = (text: string, r: Range) => {
  assert.equal(r.start.line, LINE);
  assert.equal(r.end.line, LINE);
  return text.slice(r.start.character, r.end.character);
};
/** Applies one-line edits (all on LINE) to the line, last first. */
function edit(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    assert.equal(e.range.start.line, LINE);
    out = out.slice(0, e.range.start.character) + e.newText + out.slice(e.range.end.character);
  }
  return out;
}
const reread = (it: ActionItem, edits: readonly TextEdit[]) => {
  const text = edit(it.lineText, edits);
  return readItem(text, LINE, 0, readTaskBox(text, BOX)!);
};

/** Does the table own a token (one no earlier table spells alike)? */
function owns(id: Spelling, meaning: Meaning): boolean {
  const i = SPELLINGS.findIndex((t) => t.id === id);
  const key = JSON.stringify(SPELLINGS[i][meaning]);
  return !SPELLINGS.slice(0, i).some((t) => MEANINGS.some((m) => JSON.stringify(t[m]) === key));
}
/** The spelling a line of the table's tokens for `meanings` reads as. */
function expectedSpelling(id: Spelling, meanings: readonly Meaning[]): Spelling {
  return meanings.some((m) => owns(id, m)) ? id : SPELLINGS[0].id;
}
const value: Record<Meaning, string> = { owner: 'alex', due: '2026-12-04', done: '2026-11-21' };
const subsets: Meaning[][] = [[], ['owner'], ['due'], ['done'], ['owner', 'due'], ['owner', 'done'], ['due', 'done'], ['owner', 'due', 'done']];

describe('action-item spellings', () => {
  describe('the tables (SPEC §4)', () => {
    it('are Cadence, Obsidian Tasks, Dataview and Dataview in parentheses, in rank order', () => {
      assert.deepEqual(
        SPELLINGS.map((t) => t.id),
        ['cadence', 'tasks', 'dataview', 'dataview-parens'],
      );
    });

    it('write the owner, due date and done date as SPEC §4’s table spells them', () => {
      const written = Object.fromEntries(SPELLINGS.map((t) => [t.id, MEANINGS.map((m) => writeToken(t.id, m, value[m]))]));
      assert.deepEqual(written, {
        cadence: ['@alex', 'due:2026-12-04', 'done:2026-11-21'],
        tasks: ['@alex', '📅 2026-12-04', '✅ 2026-11-21'],
        dataview: ['[owner:: alex]', '[due:: 2026-12-04]', '[completion:: 2026-11-21]'],
        'dataview-parens': ['(owner:: alex)', '(due:: 2026-12-04)', '(completion:: 2026-11-21)'],
      });
    });

    it('no two tables read one token as two meanings', () => {
      const seen = new Map<string, Meaning>();
      for (const t of SPELLINGS) {
        for (const m of MEANINGS) {
          const key = JSON.stringify(t[m]);
          assert.equal(seen.get(key) ?? m, m, `${t.id} ${m}`);
          seen.set(key, m);
        }
      }
    });
  });

  for (const table of SPELLINGS) {
    describe(`${table.title} (${table.id})`, () => {
      it('reads back every combination of its tokens: values, ranges, text and spelling', () => {
        for (const meanings of subsets) {
          for (const state of [' ', 'x']) {
            const tokens = meanings.map((m) => writeToken(table.id, m, value[m]));
            const rest = ['Draft the plan', ...tokens].join(' ');
            const it = item(rest, state);
            const what = `${table.id}: ${rest}`;
            assert.equal(it.text, 'Draft the plan', what);
            assert.equal(it.spelling, expectedSpelling(table.id, meanings), what);
            for (const m of MEANINGS) {
              const got = m === 'owner' ? it.owner : m === 'due' ? it.due : it.done;
              if (!meanings.includes(m)) {
                assert.equal(got, undefined, `${what}: no ${m}`);
                continue;
              }
              assert.ok(got, `${what}: ${m}`);
              assert.equal(got.token.raw, value[m], what);
              assert.equal(slice(it.lineText, got.token.tokenRange), writeToken(table.id, m, value[m]), what);
              assert.equal(slice(it.lineText, got.range), value[m], what);
              assert.equal(got.token.spelling, owns(table.id, m) ? table.id : SPELLINGS[0].id, what);
            }
            if (it.due) assert.equal(it.due.value, value.due);
            if (it.done) assert.equal(it.done.value, value.done);
            if (it.owner) assert.equal(it.owner.key, 'alex');
          }
        }
      });

      it('reads its tokens in any order and with extra spaces, the first of each meaning counting', () => {
        const [o, d, x] = MEANINGS.map((m) => writeToken(table.id, m, value[m]));
        const it = item(`${x}   ${d}  Draft ${o}  the plan ${writeToken(table.id, 'due', '2027-01-01')}`);
        assert.equal(it.due?.value, value.due);
        assert.equal(it.done?.value, value.done);
        assert.equal(it.owner?.id, 'alex');
        // The second due token is not read: it stays in the text.
        assert.equal(it.text, `Draft the plan ${writeToken(table.id, 'due', '2027-01-01')}`);
      });

      it('quick fixes and actions write in its spelling, and what they write reads back', () => {
        const base = item(`Draft the plan ${writeToken(table.id, 'due', value.due)}`);
        const line = base.lineText;
        assert.equal(base.spelling, expectedSpelling(table.id, ['due']));
        const spelling = base.spelling;

        const owned = reread(base, [insertOwner(base, 'sam')]);
        assert.equal(owned.owner?.id, 'sam');
        assert.equal(owned.due?.value, value.due);
        assert.equal(owned.text, 'Draft the plan');
        // The owner goes before the first date token.
        assert.equal(owned.lineText, `- [ ] Draft the plan ${writeToken(spelling, 'owner', 'sam')} ${writeToken(table.id, 'due', value.due)}`);

        const done = reread(base, markDone(base, '2026-11-30'));
        assert.equal(done.status, 'done');
        assert.equal(done.done?.value, '2026-11-30');
        assert.equal(done.done?.token.spelling, owns(spelling, 'done') ? spelling : SPELLINGS[0].id);
        assert.equal(done.lineText, `- [x] Draft the plan ${writeToken(table.id, 'due', value.due)} ${writeToken(spelling, 'done', '2026-11-30')}`);
        assert.equal(done.spelling, spelling);

        // Reopening takes the done token and its space away: the line is as it was.
        assert.equal(reread(done, toggleItem(done, '2026-12-01')).lineText, line);
        // Marking a done item done again replaces its date, adds nothing.
        assert.equal(reread(done, markDone(done, '2026-12-01')).lineText, done.lineText.replace('2026-11-30', '2026-12-01'));

        const bare = item('Draft the plan');
        for (const m of MEANINGS) {
          const inSpelling = { ...bare, spelling } as ActionItem;
          const back = reread(inSpelling, [appendToken(inSpelling, m, value[m])]);
          assert.equal(back.lineText, `- [ ] Draft the plan ${writeToken(spelling, m, value[m])}`);
          const got = m === 'owner' ? back.owner?.token.raw : m === 'due' ? back.due?.token.raw : back.done?.token.raw;
          assert.equal(got, value[m], `${table.id} ${m}`);
        }
      });

      it('completes a due date after its due token, from the value', () => {
        const token = writeToken(table.id, 'due', '2026-1');
        const at = token.indexOf('2026-1');
        // Typing the value, and just before it.
        for (const typed of ['2026-1', '']) {
          const before = `- [ ] Draft ${token.slice(0, at)}${typed}`;
          assert.deepEqual(completionAt(before), { meaning: 'due', start: before.length - typed.length, prefix: '' }, before);
        }
      });
    });
  }

  describe('lines mixing spellings', () => {
    it('a line is in the highest-ranked spelling among the tokens it uses', () => {
      assert.equal(item('x @alex due:2026-12-01').spelling, 'cadence');
      assert.equal(item('x @alex 📅 2026-12-01').spelling, 'tasks');
      assert.equal(item('x due:2026-12-01 ✅ 2026-11-21').spelling, 'tasks');
      assert.equal(item('x @alex due:2026-12-01 [completion:: 2026-11-21]').spelling, 'dataview');
      assert.equal(item('x 📅 2026-12-01 [owner:: alex]').spelling, 'dataview');
      assert.equal(item('x').spelling, 'cadence');
    });

    it('a token not used (a second due date) does not decide the spelling', () => {
      const it = item('x due:2026-12-01 [due:: 2026-12-02]');
      assert.equal(it.due?.value, '2026-12-01');
      assert.equal(it.spelling, 'cadence');
      assert.equal(it.text, 'x [due:: 2026-12-02]');
    });

    it('the first of each meaning in line order, whatever its spelling', () => {
      const it = item('x [owner:: kim] @alex 📅 2026-12-02 due:2026-12-01 ✅ 2026-11-20 done:2026-11-21');
      assert.deepEqual([it.owner?.id, it.due?.value, it.done?.value], ['kim', '2026-12-02', '2026-11-20']);
      assert.equal(it.text, 'x @alex due:2026-12-01 done:2026-11-21');
    });

    it('a token inside another is part of it: `[owner:: @alex]`, a field inside a field', () => {
      const a = item('x [owner:: @alex]');
      assert.equal(a.owner?.id, 'alex');
      assert.equal(slice(a.lineText, a.owner!.range), 'alex');
      assert.equal(a.text, 'x');
      // Dataview's reading: `[due::` is never closed (the `]` closes the inner
      // bracket), so it is no field; the `[owner:: kim]` inside is one.
      const b = item('x [due:: [owner:: kim] y');
      assert.equal(b.owner?.id, 'kim');
      assert.equal(b.due, undefined);
      const c = item('x [note:: see [due:: 2026-12-01]] y');
      assert.equal(c.due, undefined, 'a field inside a closed field is part of its value');
      assert.equal(c.text, 'x [note:: see [due:: 2026-12-01]] y');
    });

    it('the engine finds every token of every spelling, sorted by column', () => {
      const found = findTokens('- [ ] a @alex due:2026-12-01 📅 2026-12-02 [completion:: 2026-11-21]', 6);
      assert.deepEqual(
        found.map((t) => [t.meaning, t.raw, t.spelling]),
        [
          ['owner', 'alex', 'cadence'],
          ['due', '2026-12-01', 'cadence'],
          ['due', '2026-12-02', 'tasks'],
          ['done', '2026-11-21', 'dataview'],
        ],
      );
    });

    it('a field without a value: the date is invalid and reported on the token', () => {
      const it = item('x @alex [due::]');
      assert.equal(it.due?.raw, '');
      assert.equal(it.due?.valid, false);
      assert.deepEqual(it.due?.range, it.due?.token.tokenRange);
      const P = '1on1s/alex/2026-11-20.md';
      assert.deepEqual(check({ [P]: note('alex', '2026-11-20', '- [ ] x @alex [due::]') }, { codes: ['invalid-date', 'action-missing-due'] }), [row(P, 7, 'error', 'invalid-date')]);
    });

    it('an emoji without a date-shaped value is text (SPEC §10)', () => {
      const it = item('x @alex 📅 soon');
      assert.equal(it.due, undefined);
      assert.equal(it.text, 'x 📅 soon');
      const P = '1on1s/alex/2026-11-20.md';
      assert.deepEqual(check({ [P]: note('alex', '2026-11-20', '- [ ] x @alex 📅') }, { codes: ['invalid-date', 'action-missing-due'] }), [row(P, 7, 'warning', 'action-missing-due')]);
    });
  });

  describe('completions', () => {
    it('an owner after `@`, from the `@`, not in an e-mail address', () => {
      assert.deepEqual(completionAt('- [ ] Draft @al'), { meaning: 'owner', start: 12, prefix: '@' });
      assert.deepEqual(completionAt('@'), { meaning: 'owner', start: 0, prefix: '@' });
      assert.equal(completionAt('- [ ] mail bob@co'), undefined);
      assert.equal(completionAt('- [ ] x @alex '), undefined);
    });

    it('a due date only right after a due token, and nothing after a done token', () => {
      assert.equal(completionAt('- [ ] x overdue:'), undefined);
      assert.equal(completionAt('- [ ] x due:2026-12-01 '), undefined);
      assert.equal(completionAt('- [ ] x done:'), undefined);
      assert.equal(completionAt('- [ ] x ✅ '), undefined);
      assert.deepEqual(completionAt('- [ ] x 📅\uFE0F 2026'), { meaning: 'due', start: '- [ ] x 📅\uFE0F '.length, prefix: '' });
      // Dataview keys in any case (SPEC §10).
      assert.deepEqual(completionAt('- [ ] x (Due:: '), { meaning: 'due', start: '- [ ] x (Due:: '.length, prefix: '' });
      assert.equal(completionAt('- [ ] x [Due Date:: '), undefined);
    });

    it("an owner field's value, in every owner key and both brackets, from the value (SPEC §10)", () => {
      for (const open of ['[owner:: ', '(owner:: ', '[assignee:: ', '(Owner::', '[ASSIGNEE:: ']) {
        for (const typed of ['', 'al', 'Zoë']) {
          const before = `- [ ] x ${open}${typed}`;
          assert.deepEqual(completionAt(before), { meaning: 'owner', start: before.length - typed.length, prefix: '' }, before);
        }
        const link = `- [ ] x ${open}[[al`;
        assert.deepEqual(completionAt(link), { meaning: 'owner', start: link.length - 4, prefix: '[[' }, link);
      }
      assert.equal(completionAt('- [ ] x [owner:: alex] '), undefined);
      assert.equal(completionAt('- [ ] x [due:: 2026-12-01] [completion:: '), undefined);
    });

    it('a wikilink being typed, from its `[[`, with spaces in the id; not once closed, aliased or anchored', () => {
      assert.deepEqual(completionAt('- [ ] Book it [['), { meaning: 'owner', start: 14, prefix: '[[' });
      assert.deepEqual(completionAt('- [ ] Book it [[Alex K'), { meaning: 'owner', start: 14, prefix: '[[' });
      assert.deepEqual(completionAt('[['), { meaning: 'owner', start: 0, prefix: '[[' });
      for (const done of ['- [ ] x [[alex]] ', '- [ ] x [[alex|Al', '- [ ] x [[alex#No', '- [ ] x [[[al', '- [ ] x [al']) assert.equal(completionAt(done), undefined, done);
    });

    it('looks at the end of the line only: a megabyte line is cheap', () => {
      const long = 'x [['.repeat(250_000);
      const t0 = cpuNow();
      assert.deepEqual(completionAt(`${long}@al`), { meaning: 'owner', start: long.length, prefix: '@' });
      assert.equal(completionAt(`${long}]] `), undefined);
      assert.ok(cpuNow() - t0 < 500);
    });

    it('linksPeople: a text names a known person with a wikilink, in any link form', () => {
      const knows = (k: string) => k === 'alex' || k === 'zoë';
      for (const t of ['report: "[[alex]]"', '- [ ] x [owner:: [[people/Alex.md|Al]]]', 'x [[Zoe\u0308#Notes]]']) assert.equal(linksPeople(t, knows), true, t);
      for (const t of ['report: alex', '- [ ] see [[Design doc]]', '[[alex', '`@alex`']) assert.equal(linksPeople(t, knows), false, t);
    });
  });

  it('the three spellings in one note give the same diagnostics (one truth)', () => {
    const P = '1on1s/alex/2026-11-20.md';
    for (const t of SPELLINGS) {
      const w = (m: Meaning, v: string) => writeToken(t.id, m, v);
      const body = lines(`- [ ] Overdue ${w('owner', 'alex')} ${w('due', '2026-11-01')}`, `- [ ] No owner ${w('due', '2026-12-20')}`, `- [x] Done ${w('owner', 'alex')} ${w('due', '2026-11-01')} ${w('done', '2026-10-30')}`, `- [ ] Bad ${w('owner', 'alex')} ${w('due', '2026-02-30')}`);
      assert.deepEqual(
        check({ [P]: note('alex', '2026-11-20', body.trimEnd()) }, { codes: ['action-overdue', 'action-missing-owner', 'action-missing-due', 'invalid-date'] }),
        [row(P, 7, 'warning', 'action-overdue'), row(P, 8, 'warning', 'action-missing-owner'), row(P, 10, 'error', 'invalid-date')],
        t.id,
      );
    }
  });
});
