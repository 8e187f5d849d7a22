// SPEC §10, task statuses: a list item whose text starts with `[`, one code
// point, `]`, then a space or the end of the line is a task item; `[/]` and
// every unknown status character are open; `- [ ]` alone is a placeholder.
import assert from 'node:assert/strict';
import type { OneOnOneDoc } from '../../src/core/index';
import { isPlaceholder, readTaskBox, statusOf } from '../../src/core/markdown/task-box';
import { checkCode, makeDataset, note, row } from './helpers';

const P = '1on1s/alex/2026-11-20.md';
// note(): body from line 7 (0-based line 6). Today is 2026-11-22.
const itemsOf = (...body: string[]) => (makeDataset({ [P]: note('alex', '2026-11-20', ...body) }).doc(P) as OneOnOneDoc).items;

describe('task statuses (SPEC §10)', () => {
  it('reads the four meanings of §4 and counts every other character as open', () => {
    const states: [string, string][] = [
      [' ', 'open'],
      ['x', 'done'],
      ['X', 'done'],
      ['-', 'cancelled'],
      ['>', 'forwarded'],
      ['/', 'open'],
      ['!', 'open'],
      ['?', 'open'],
      ['*', 'open'],
      ['<', 'open'],
      ['d', 'open'],
      ['0', 'open'],
      ['✅', 'open'],
      ['🙂', 'open'],
      ['𝕏', 'open'],
      ['é', 'open'],
      ['\t', 'open'],
      [']', 'open'],
      ['[', 'open'],
    ];
    for (const [state, status] of states) {
      const items = itemsOf(`- [${state}] Do it @alex due:2026-12-01`);
      assert.equal(items.length, 1, `[${state}] is a task item`);
      assert.equal(items[0].state, state);
      assert.equal(items[0].status, status, `[${state}]`);
      assert.equal(items[0].text, 'Do it', `[${state}] text`);
      assert.equal(statusOf(state), status);
    }
  });

  it('an astral status character is one code point: the box range covers both UTF-16 units', () => {
    const [item] = itemsOf('- [🙂] Smile @alex due:2026-12-01');
    assert.deepEqual(item.boxRange, { start: { line: 6, character: 3 }, end: { line: 6, character: 5 } });
    assert.equal(item.text, 'Smile');
  });

  it('two code points, none, or no space after the box: not a task item', () => {
    for (const text of ['- [e\u0301] decomposed', '- [✔️] with a variation selector', '- [] empty', '- [  ] two spaces', '- [xx] two', '- [x]done', '- [/]x', '- x [ ] not first', '- [[alex]] a link']) {
      assert.deepEqual(itemsOf(text), [], text);
    }
  });

  it('a tab or the end of the line after the box', () => {
    assert.equal(itemsOf('- [/]\tIn progress @alex')[0]?.status, 'open');
    assert.ok(readTaskBox('[x]', 0));
    assert.equal(readTaskBox('[x]y', 0), undefined);
  });

  it('`- [ ]` alone (or with trailing blanks) is a placeholder: no item, no rule', () => {
    for (const text of ['- [ ]', '- [x]  ', '- [/]', '* [ ]\t', '1. [ ]']) {
      assert.deepEqual(itemsOf(text), [], text);
    }
    assert.ok(isPlaceholder('- [ ]   ', readTaskBox('- [ ]   ', 2)!));
    // A placeholder does not keep no-action-items quiet either.
    assert.deepEqual(checkCode('no-action-items', { [P]: note('alex', '2026-11-20', '- [ ]') }), [row(P, 1, 'info', 'no-action-items')]);
  });

  it('`[/]` in progress and past its date is overdue; an unknown status without an owner misses its owner', () => {
    const files = { [P]: note('alex', '2026-11-20', '- [/] In progress @alex due:2026-11-20', '- [?] Unsure due:2026-12-20', '- [-] Cancelled due:2026-11-01') };
    assert.deepEqual(checkCode('action-overdue', files), [row(P, 7, 'warning', 'action-overdue')]);
    assert.deepEqual(checkCode('action-missing-owner', files), [row(P, 8, 'warning', 'action-missing-owner')]);
  });

  it('every bullet and ordered marker, nested, in a quote; never in code or HTML blocks', () => {
    const items = itemsOf('* [/] a', '+ [!] b', '1. [?] c', '2) [*] d', '  - [<] e', '> - [/] f', '```', '- [/] code', '```', '<div>', '- [/] html', '</div>');
    assert.deepEqual(
      items.map((i) => [i.line + 1, i.state]),
      [
        [7, '/'],
        [8, '!'],
        [9, '?'],
        [10, '*'],
        [11, '<'],
        [12, '/'],
      ],
    );
  });
});
