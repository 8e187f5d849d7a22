// SPEC §10: how task lines are read when written for Obsidian, Dataview and
// GitHub — owner tokens, people as wikilinks, the Obsidian Tasks date emoji,
// Dataview's two field forms and key spelling. Each kind with its variants.
import assert from 'node:assert/strict';
import type { ActionItem, OneOnOneDoc } from '../../src/core/index';
import { readItem } from '../../src/core/markdown/items';
import { readTaskBox } from '../../src/core/markdown/task-box';
import { canonicalKey } from '../../src/core/markdown/tokens';
import { itemOwner, itemWords } from '../../src/core/owners';
import { findWikilinks, linkTarget } from '../../src/core/wikilinks';
import { check, makeDataset, note, personFile, row } from './helpers';

/** `- [ ] rest` read alone. */
const item = (rest: string, state = ' '): ActionItem => {
  const line = `- [${state}] ${rest}`;
  return readItem(line, 0, 0, readTaskBox(line, 2)!);
};
const P = '1on1s/alex/2026-11-20.md';
const NOBODY = { knows: () => false };
const ALEX = { knows: (k: string) => k === 'alex' };

describe('task lines as people write them (SPEC §10)', () => {
  describe('owner tokens', () => {
    const owner = (rest: string) => item(rest).owner?.id;

    it('@ then letters, marks, digits, _ and -, with . only between', () => {
      assert.equal(owner('Ask @alex.'), 'alex');
      assert.equal(owner("Ask @alex's team"), 'alex');
      assert.equal(owner('Ask @alex.kim now'), 'alex.kim');
      assert.equal(owner('Ask @alex..kim'), 'alex');
      assert.equal(owner('Ask @sam-lee_2, then'), 'sam-lee_2');
      assert.equal(owner('Ask @Zoë'), 'Zoë');
      assert.equal(owner('Ask @Zoe\u0308'), 'Zoe\u0308', 'a combining mark is part of the id');
      assert.equal(owner('Ask @李明'), '李明');
      assert.equal(owner('Ask @(alex)'), undefined);
      assert.equal(owner('Ask @'), undefined);
    });

    it('keys are NFC and lower case: @Zoë typed composed or decomposed is one person', () => {
      assert.equal(item('@Zoë').owner?.key, 'zoë');
      assert.equal(item('@Zoe\u0308').owner?.key, 'zoë');
    });

    it('an @ after a letter, digit, ., _ or - is an e-mail address', () => {
      for (const rest of ['Mail bob@corp.io', 'Mail a.b@x.io', 'Mail x_@y.io', 'Mail x-@y.io', 'Mail 42@y.io', 'Mail é@y.io', 'Mail 𝕏@y.io']) assert.equal(owner(rest), undefined, rest);
      assert.equal(owner('Mail bob@corp.io and @alex'), 'alex');
      assert.equal(owner('(@alex)'), 'alex');
    });

    it('not in inline code or a URL', () => {
      for (const rest of ['Type `@alex` here', 'Type ``a @alex b`` here', 'See https://m.social/@alex', 'See <https://m.social/@alex>', 'See [me](https://m.social/@alex)', 'See [me](/users/@alex)', 'See www.x.io/@alex', 'mailto:x@y.io']) {
        assert.equal(owner(rest), undefined, rest);
      }
      assert.equal(owner('Type `@sam` then @alex'), 'alex');
      assert.equal(owner('An unclosed ` then @alex'), 'alex');
      assert.equal(owner('See [@alex](https://x.io)'), 'alex', 'a link text is text');
    });

    it('the first owner token in line order, whatever its spelling', () => {
      assert.equal(owner('x (owner:: sam) @alex'), 'sam');
      assert.equal(owner('x @alex [owner:: sam]'), 'alex');
      assert.equal(owner('x [assignee:: kim] (owner:: sam)'), 'kim');
    });
  });

  describe('people as wikilinks', () => {
    it('every form names the id: the target’s last path segment, without .md, #… and |…', () => {
      for (const link of ['[[alex]]', '[[people/alex]]', '[[alex.md]]', '[[alex|Alex Kim]]', '[[alex#Notes]]', '[[people/alex.md#Notes|Alex]]', '[[ alex ]]', '[[alex\\|Alex]]', '[[alex#^block]]']) {
        assert.deepEqual(
          findWikilinks(`x ${link} y`).map((l) => l.id),
          ['alex'],
          link,
        );
      }
      assert.equal(linkTarget('Alex Kim')?.id, 'Alex Kim');
      assert.equal(linkTarget('#Notes'), undefined);
      assert.deepEqual(
        findWikilinks('[[[alex]] [[a]b]] [[x\n]]').map((l) => l.id),
        ['alex'],
      );
    });

    it('a Dataview owner field may hold one, in either bracket', () => {
      for (const rest of ['x [owner:: [[alex]]]', 'x (owner:: [[people/alex|Alex]])', 'x [assignee:: [[alex.md]]]']) {
        const it = item(rest);
        assert.equal(it.owner?.id, 'alex', rest);
        assert.equal(it.lineText.slice(it.owner!.range.start.character, it.owner!.range.end.character), 'alex', `${rest}: the range is the id`);
        assert.equal(it.text, 'x');
      }
    });

    it('a bare wikilink owns the item only when it names a known person, and only without an owner token', () => {
      const it = item('Call [[Project X]] and [[alex]] about it');
      assert.equal(it.owner, undefined);
      assert.deepEqual(
        it.links.map((l) => l.id),
        ['Project X', 'alex'],
      );
      assert.equal(itemOwner(it, ALEX)?.id, 'alex');
      assert.equal(itemOwner(it, NOBODY), undefined);
      assert.equal(it.text, 'Call [[Project X]] and [[alex]] about it', 'every wikilink stays text');
      assert.equal(itemOwner(item('Call [[alex]] @sam'), ALEX)?.id, 'sam');
    });

    it('a wikilink inside inline code is code, not a link: it owns nothing, as an @ there does not (found by a fresh tester)', () => {
      for (const text of ['Document the `[[alex]]` link syntax', 'Fix ``a `[[alex]]` b`` today', 'Use `x [[alex]] y` here']) {
        const it = item(text);
        assert.deepEqual(it.links, [], text);
        assert.equal(itemOwner(it, ALEX), undefined, text);
        assert.equal(it.text, text, 'the code stays as written');
      }
      // Outside the code, on the same line, it still names the owner.
      assert.equal(itemOwner(item('Document `[[alex]]` with [[alex]]'), ALEX)?.id, 'alex');
      assert.equal(itemOwner(item('Ask [[alex]] about `code`'), ALEX)?.id, 'alex');
      // An unclosed backtick opens no code: the link is a link.
      assert.equal(itemOwner(item('A stray ` then [[alex]]'), ALEX)?.id, 'alex');
    });

    it("the views' words (itemWords): the owner is never in them, however it is written", () => {
      // Every owner form: the words left are the same.
      for (const rest of [
        'Send the draft @alex due:2026-12-01',
        'Send the draft [owner:: alex] due:2026-12-01',
        'Send the draft (owner:: [[alex]]) 📅 2026-12-01',
        'Send the draft [[alex]] due:2026-12-01',
        'Send [[alex]] the draft',
        'Send the draft [[people/alex|Alex]]',
        'Send the draft [[alex.md]]',
        '[[Alex]] Send the draft',
      ]) {
        assert.equal(itemWords(item(rest), ALEX), 'Send the draft', rest);
      }
      // A link that names nobody known, and one that is not the owner, stay words.
      assert.equal(itemWords(item('Call [[Project X]] and [[alex]] about it'), ALEX), 'Call [[Project X]] and about it');
      assert.equal(itemWords(item('Call [[alex]] @sam'), ALEX), 'Call [[alex]]', 'the owner is @sam: the link is words');
      assert.equal(itemWords(item('Send the draft [[alex]]'), NOBODY), 'Send the draft [[alex]]', 'no such person: no owner, the link stays');
      // A carried item's mark goes; an item of nothing but its owner has no words.
      assert.equal(itemWords(item('Send the draft @alex (from [2026-11-02](2026-11-02.md))'), ALEX), 'Send the draft');
      assert.equal(itemWords(item('[[alex]]'), ALEX), '');
    });

    it('in a note: the owner resolves once the person file exists, and unknown-person never fires for it', () => {
      const files = { [P]: note('alex', '2026-11-20', '- [ ] Call [[sam]] due:2026-12-01') };
      assert.deepEqual(check(files, { codes: ['action-missing-owner', 'unknown-person'] }), [row(P, 7, 'warning', 'action-missing-owner')]);
      const ds = makeDataset({ ...files, 'people/alex.md': personFile() });
      assert.deepEqual(ds.diagnostics(P).map((d) => d.code).filter((c) => c === 'action-missing-owner'), ['action-missing-owner']);
      // Adding sam's file re-judges the note (the note names sam as a possible owner).
      const changed: string[] = [];
      ds.onDidChange((e) => changed.push(...e.paths));
      ds.setFile('people/sam.md', personFile());
      assert.ok(changed.includes(P));
      assert.deepEqual(ds.diagnostics(P).filter((d) => d.code === 'action-missing-owner' || d.code === 'unknown-person'), []);
    });
  });

  describe('Obsidian Tasks dates', () => {
    it('the due date: 📅, 📆 or 🗓, each ± U+FE0F, with or without spaces', () => {
      for (const emoji of ['📅', '📆', '🗓']) {
        for (const vs of ['', '\uFE0F']) {
          for (const sp of ['', ' ', '   ', '\t']) {
            const it = item(`Draft @alex ${emoji}${vs}${sp}2026-11-27 later`);
            assert.equal(it.due?.value, '2026-11-27', JSON.stringify(emoji + vs + sp));
            assert.equal(it.text, 'Draft later');
            assert.equal(it.spelling, 'tasks');
          }
        }
      }
    });

    it('⏳ scheduled, 🛫 start, ➕ created and ❌ cancelled dates and 🔁 recurrence: read, never due or done, left out of the text', () => {
      const it = item('Review ⏳ 2026-11-25 🛫 2026-11-24 ➕ 2026-11-20 ❌ 2026-11-26 🔁 every week on Monday 📅 2026-11-27 ✅ 2026-11-28 @alex');
      assert.equal(it.due?.value, '2026-11-27');
      assert.equal(it.done?.value, '2026-11-28');
      assert.deepEqual(
        it.otherDates.map((d) => [d.name, d.value]),
        [
          ['scheduled', '2026-11-25'],
          ['start', '2026-11-24'],
          ['created', '2026-11-20'],
          ['cancelled', '2026-11-26'],
        ],
      );
      assert.equal(it.text, 'Review');
      assert.equal(item('Only scheduled ⏳ 2026-11-25').due, undefined);
      assert.equal(item('x 🔁 every day').text, 'x');
    });

    it('a date-shaped token that is not a real date after any of them is invalid-date; anything else is text', () => {
      const body = ['- [ ] A @alex 📅 2026-02-30', '- [ ] B @alex due:2026-12-01 ⏳ 2026-13-01', '- [ ] C @alex due:2026-12-01 🛫 soon', '- [ ] D @alex 📆 2026-11-20T10:00', '- [ ] E @alex due:2026-11-20T10:00', '- [ ] F @alex ➕2026-1-1 due:2026-12-01'];
      assert.deepEqual(check({ [P]: note('alex', '2026-11-20', ...body) }, { codes: ['invalid-date', 'action-missing-due'] }), [
        row(P, 7, 'error', 'invalid-date'),
        row(P, 8, 'error', 'invalid-date'),
        row(P, 10, 'error', 'invalid-date'),
        row(P, 11, 'error', 'invalid-date'),
      ]);
      assert.equal(item('x 🛫 soon due:2026-12-01').text, 'x 🛫 soon');
      assert.equal(item('x 📅 2026-11-20. Then').due?.value, '2026-11-20', 'a full stop ends the date');
      assert.equal(item('x (📅 2026-11-20)').due?.value, '2026-11-20');
      assert.equal(item('x 📅 2026-11-201').due?.valid, false);
    });
  });

  describe('Dataview fields', () => {
    it('both [key:: value] and (key:: value); keys case-insensitive, blanks around them allowed', () => {
      for (const [rest, owner, due, done] of [
        ['x [owner:: alex] [due:: 2026-11-20]', 'alex', '2026-11-20', undefined],
        ['x (owner:: alex) (due:: 2026-11-20)', 'alex', '2026-11-20', undefined],
        ['x [Owner:: alex] [Due:: 2026-12-21]', 'alex', '2026-12-21', undefined],
        ['x (ASSIGNEE:: @alex) (DUE::2026-12-21)', 'alex', '2026-12-21', undefined],
        ['x [ owner :: alex ] [ due ::  2026-12-21 ]', 'alex', '2026-12-21', undefined],
        ['x [completion:: 2026-11-21]', undefined, undefined, '2026-11-21'],
        ['x (Done:: 2026-11-21)', undefined, undefined, '2026-11-21'],
        ['x [due:: [[2026-11-20]]]', undefined, '2026-11-20', undefined],
        ['x [owner:: Alex Kim]', 'Alex Kim', undefined, undefined],
      ] as const) {
        const it = item(rest);
        assert.deepEqual([it.owner?.id, it.due?.value, it.done?.value], [owner, due, done], rest);
        assert.equal(it.text, 'x', rest);
      }
    });

    it('keys compare in canonical form: `Due Date` is due-date, not due; spaces and _ read as -', () => {
      assert.equal(canonicalKey(' Due Date '), 'due-date');
      assert.equal(canonicalKey('due_date'), 'due-date');
      assert.equal(canonicalKey('**Owner**'), 'owner');
      for (const rest of ['x [Due Date:: 2026-11-20]', 'x (due_date:: 2026-11-20)', 'x [overdue:: 2026-11-20]', 'x [due date:: 2026-11-20]']) {
        assert.equal(item(rest).due, undefined, rest);
      }
    });

    it('quick fixes keep the line’s own bracket', () => {
      assert.equal(item('x (due:: 2026-11-20)').spelling, 'dataview-parens');
      assert.equal(item('x [due:: 2026-11-20]').spelling, 'dataview');
    });

    it('brackets nest; a field never closed is text', () => {
      assert.equal(item('x [owner:: [[alex|A [x]]]]').owner?.id, '[[alex|A [x]]]', 'a link holding a bracket is no wikilink: the value as written');
      assert.equal(item('x (due:: (soon) 2026-11-20)').due?.raw, '(soon) 2026-11-20');
      assert.equal(item('x (due:: 2026-11-20').due, undefined);
      assert.equal(item('x [due:: 2026-11-20\\]').due, undefined, 'an escaped bracket does not close');
    });
  });

  it('the realworld kinds in one note give the diagnostics SPEC §10 says', () => {
    const files = {
      'people/alex.md': personFile('cadence: 14'),
      [P]: note(
        'alex',
        '2026-11-20',
        '- [/] In progress and past its date @alex due:2026-11-20',
        '- [/] In progress, nobody owns it due:2026-12-20',
        '- [ ] Owner as a link [owner:: [[alex]]] [due:: 2026-12-20]',
        '- [ ] Parenthesised fields (owner:: alex) (due:: 2026-11-20)',
        '- [ ] Capitalised keys [Owner:: alex] [Due:: 2026-12-21]',
        '- [ ] Tear-off calendar due date @alex 📆 2026-11-21',
      ),
    };
    assert.deepEqual(check(files, { today: '2026-11-30', codes: ['action-overdue', 'action-missing-owner', 'action-missing-due', 'unknown-person', 'invalid-date'] }), [
      row(P, 7, 'warning', 'action-overdue'),
      row(P, 8, 'warning', 'action-missing-owner'),
      row(P, 10, 'warning', 'action-overdue'),
      row(P, 12, 'warning', 'action-overdue'),
    ]);
    const doc = makeDataset(files).doc(P) as OneOnOneDoc;
    assert.deepEqual(
      doc.items.map((i) => i.text),
      ['In progress and past its date', 'In progress, nobody owns it', 'Owner as a link', 'Parenthesised fields', 'Capitalised keys', 'Tear-off calendar due date'],
    );
  });
});
