// What one line of a note starts, for the block scanner (blocks.ts): the
// CommonMark and GFM line patterns — headings, fences, thematic breaks, list
// markers, link reference definitions, the seven kinds of HTML block and
// table rows. Each pattern is tried on one line, anchored at its start.

export const ATX = /^#{1,6}(?:[ \t]+|$)/;
export const FENCE = /^`{3,}(?!.*`)|^~{3,}/;
export const CLOSING_FENCE = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
export const SETEXT = /^(?:=+|-+)[ \t]*$/;
export const THEMATIC = /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:-[ \t]*){3,}$/;
export const BULLET = /^[*+-]/;
export const ORDERED = /^(\d{1,9})([.)])/;
export const MAYBE_SPECIAL = /^[#`~*+_=<>0-9-]/;
/** A link reference definition on one line (`[a]: /url "title"`): no paragraph text. */
export const DEFINITION = /^\[(?=[^\]]*\S)(?:[^\\[\]]|\\.){1,999}\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/;

const TAG = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = '(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)';
export const HTML_OPEN: readonly RegExp[] = [
  /./,
  /^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|[/]?[>]|$)/i,
  new RegExp(`^(?:<${TAG}${ATTRIBUTE}*\\s*/?>|</${TAG}\\s*[>])\\s*$`, 'i'),
];
export const HTML_CLOSE: readonly RegExp[] = [/./, /<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];

/** Cells of a table row: split at unescaped `|`, a leading and a trailing one not counting. */
export function rowCells(row: string): number {
  let t = row.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  let n = 1;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '|') n++;
  }
  return n;
}

/** Cells of a GFM delimiter row (`| --- | :-: |`), or 0 when the line is not one. */
export function delimiterCells(row: string): number {
  const t = row.trim();
  if (!/^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/.test(t)) return 0;
  return rowCells(t);
}
