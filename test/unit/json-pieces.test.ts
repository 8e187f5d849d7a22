// The command line's reports written in pieces (src/cli/json-pieces.ts): the
// pieces join to exactly what one JSON.stringify of the whole gives, for any
// place of the array in its document and any piece size.
import assert from 'node:assert/strict';
import { ITEMS, jsonPieces } from '../../src/cli/json-pieces';
import { sarifPieces, toSarif } from '../../src/cli/sarif';
import type { Finding } from '../../src/cli/check';

const ITEMS_OF_EVERY_KIND: unknown[] = [
  { a: 1, b: 'plain', c: [1, 2, { d: null }], e: {} , f: [] },
  'a string with "quotes", a \\ backslash,\na line break, \r\n, \t, \u2028 and \u0000',
  42,
  null,
  [],
  { nested: { deeper: { deepest: ['x', { y: 'Zoë’s 1:1 🙂 —' }] } } },
];

/** Every place the array may stand: top level, a key (last or not), an element, deep down. */
const SHELLS: ((items: unknown) => unknown)[] = [
  (items) => items,
  (items) => ({ results: items }),
  (items) => ({ before: 1, results: items, after: { x: [1, 2] } }),
  (items) => [0, items, 'after'],
  (items) => ({ runs: [{ tool: { name: 't' }, results: items }] }),
  (items) => ({ a: { b: { c: [{ d: [items] }] } } }),
];

describe('json-pieces: a JSON document written as its array\'s items come', () => {
  for (const [i, shell] of SHELLS.entries()) {
    it(`shell ${i}: joins to JSON.stringify(document, null, 2) + "\\n", empty, one item or many, any piece size`, () => {
      for (const items of [[], [ITEMS_OF_EVERY_KIND[0]], ITEMS_OF_EVERY_KIND, Array.from({ length: 200 }, (_, k) => ITEMS_OF_EVERY_KIND[k % ITEMS_OF_EVERY_KIND.length])]) {
        const want = JSON.stringify(shell(items), null, 2) + '\n';
        for (const size of [1, 10, 500, 1 << 16]) {
          const pieces = [...jsonPieces(shell(ITEMS), items, size)];
          assert.equal(pieces.join(''), want, `${items.length} items, pieces of ${size}`);
          if (items.length === 200 && size === 500) assert.ok(pieces.length > 20, 'many pieces');
          if (size === 1 << 16) assert.equal(pieces.length, 1);
        }
      }
    });
  }

  it('takes the items as they come (a generator is read once, in order)', () => {
    let read = 0;
    const items = (function* () {
      for (let k = 0; k < 5; k++) {
        read++;
        yield { k };
      }
    })();
    const pieces = jsonPieces({ results: ITEMS }, items, 1);
    assert.equal(read, 0, 'nothing before the first piece is asked for');
    pieces.next();
    assert.ok(read <= 1);
    assert.equal([...pieces].length > 0, true);
    assert.equal(read, 5);
  });

  it('refuses a shell without the marker, or with it twice', () => {
    assert.throws(() => [...jsonPieces({ results: [] }, [1])], /exactly once/);
    assert.throws(() => [...jsonPieces({ a: ITEMS, b: ITEMS }, [1])], /exactly once/);
  });

  it('SARIF in pieces is the whole log toSarif gives', () => {
    const f = (k: number, message: string): Finding => ({ file: `1on1s/zoë/2026-11-${10 + k}.md`, line: k + 1, column: 2, endLine: k + 1, endColumn: 9, severity: ['error', 'warning', 'info', 'hint'][k % 4], code: k % 5 ? 'action-overdue' : 'not-a-rule', message });
    const opts = { folder: '/tmp/team notes', version: '1.2.3', notes: ['a note'] };
    for (const findings of [[], [f(0, 'one')], Array.from({ length: 50 }, (_, k) => f(k, `message ${k} — "q"\n`))]) {
      for (const size of [1, 300, 1 << 16]) {
        assert.equal([...sarifPieces(findings, opts, size)].join(''), JSON.stringify(toSarif(findings, opts), null, 2) + '\n');
      }
    }
  });
});
