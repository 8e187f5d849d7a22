// A JSON document written as its one long array's items come: exactly what
// `JSON.stringify(document, null, 2)` gives, but never the whole text (or
// the whole array) at once. The command line's reports (SPEC §9) use it:
// 50k notes make ~10 MB of JSON (~25 MB of SARIF), which V8 would hold as
// UTF-16 and copy again into bytes. Each item is V8's own JSON.stringify;
// only the array's brackets and indentation are written here (~20 lines).
// json-stream-stringify (3.1.7) was looked at: it serialises every value
// again in JavaScript, token by token, through an asynchronous Node stream,
// where this keeps JSON.stringify's bytes by construction.

/**
 * Stands for the array of items in the shell given to jsonPieces. U+2063
 * (invisible separator) is written as it is by JSON.stringify.
 */
export const ITEMS = '\u2063cadence:items\u2063';

/**
 * `JSON.stringify(shell, null, 2) + '\n'` with the one `ITEMS` string in
 * `shell` replaced by the array of `items`, in pieces of about `size`
 * characters (UTF-16 code units; a piece may be longer by one item). No
 * string holds a raw line break (JSON escapes it), so indenting each item's
 * lines as the array's place asks is what one whole stringify gives.
 * Throws when `shell` does not hold `ITEMS` exactly once.
 */
export function* jsonPieces(shell: unknown, items: Iterable<unknown>, size = 1 << 16): Generator<string> {
  const text = JSON.stringify(shell, null, 2);
  const mark = JSON.stringify(ITEMS);
  const at = text.indexOf(mark);
  if (at === -1 || text.includes(mark, at + 1)) throw new Error('jsonPieces: the shell must hold ITEMS exactly once');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let indent = 0;
  while (text[lineStart + indent] === ' ') indent++;
  const inner = '\n' + ' '.repeat(indent + 2);
  let piece = text.slice(0, at);
  let n = 0;
  for (const item of items) {
    piece += (n++ ? ',' : '[') + inner + JSON.stringify(item, null, 2).replace(/\n/g, inner);
    if (piece.length >= size) {
      yield piece;
      piece = '';
    }
  }
  yield piece + (n ? '\n' + ' '.repeat(indent) + ']' : '[]') + text.slice(at + mark.length) + '\n';
}
