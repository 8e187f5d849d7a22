// A line scanner for the subset of CommonMark that 1:1 notes are written in:
// ATX headings, paragraphs, bullet and ordered lists at any depth, and fenced
// code at the top level. It finds list items (and so task items, task-box.ts)
// ~50× faster than a full remark parse. Whenever a line could mean something this scanner does
// not model exactly (HTML, block quotes, tabs, indented code, setext headings,
// fences inside lists, link definitions, lists that may not interrupt a
// paragraph) it gives up and the caller parses the note with remark instead.
// test/unit/markdown-differential.test.ts holds it to remark-gfm's reading.

/** A list item, as its marker's line shows it. */
export interface ListItemLine {
  readonly line: number;
  /** Column of the list marker. */
  readonly markerCol: number;
  /**
   * Column where the item's first paragraph starts on the marker's line (a
   * task box, if any, stands there: task-box.ts); -1 when the item has no
   * paragraph starting on that line (empty, or another block).
   */
  readonly textCol: number;
}

export interface HeadingLine {
  readonly line: number;
  readonly depth: number;
  readonly text: string;
}

export interface BlockScan {
  /** Every list item, in line order (a nested item after its parent). */
  readonly items: ListItemLine[];
  readonly headings: HeadingLine[];
  readonly codeLines: Set<number>;
}

interface OpenItem {
  readonly contentCol: number;
  /** '-', '*', '+' for bullets; '.' or ')' for ordered lists. */
  readonly marker: string;
}

const BULLET = /^([-+*])( +|$)/;
const ORDERED = /^(\d{1,9})([.)])( +|$)/;
const THEMATIC = /^(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const ATX = /^(#{1,6})(?:[ ]+(.*?))?(?:[ ]+#+)?[ ]*$/;
const LINK_DEF = /^\[[^\]]*\]:/;

/** Could `s`, at the start of a list item's content, open a block of its own? */
function startsBlock(s: string): boolean {
  return (
    /^(?:[-+*](?: |$)|\d{1,9}[.)](?: |$)|[<>]|#{1,6}(?: |$)|```|~~~)/.test(s) || THEMATIC.test(s) || LINK_DEF.test(s)
  );
}

/** Scans `lines[from..]`; returns undefined when the note needs a full parse. */
export function scanBlocksFast(lines: readonly string[], from: number): BlockScan | undefined {
  const items: ListItemLine[] = [];
  const headings: HeadingLine[] = [];
  const codeLines = new Set<number>();
  const stack: OpenItem[] = [];
  let inParagraph = false;
  let fence: { ch: string; len: number } | undefined;

  for (let ln = from; ln < lines.length; ln++) {
    const line = lines[ln];
    if (line.indexOf('\t') !== -1) return undefined;

    if (fence) {
      codeLines.add(ln);
      const m = /^ {0,3}(`{3,}|~{3,}) *$/.exec(line);
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len) fence = undefined;
      continue;
    }

    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length) {
      inParagraph = false;
      continue;
    }

    // The innermost open item whose content column this line reaches.
    let depth = 0;
    while (depth < stack.length && stack[depth].contentCol <= indent) depth++;
    const rel = indent - (depth > 0 ? stack[depth - 1].contentCol : 0);
    const rest = line.slice(indent);

    if (rel >= 4) {
      if (inParagraph) continue; // paragraph continuation text
      return undefined; // indented code
    }

    const c = rest[0];
    if (c === '>' || c === '<' || LINK_DEF.test(rest)) return undefined;
    if (inParagraph && (c === '-' || c === '=') && /^(?:-+|=+) *$/.test(rest)) return undefined; // setext

    const f = FENCE.exec(rest);
    if (f) {
      if (depth > 0 || (f[1][0] === '`' && f[2].includes('`'))) return undefined;
      stack.length = 0;
      fence = { ch: f[1][0], len: f[1].length };
      codeLines.add(ln);
      inParagraph = false;
      continue;
    }

    if (c === '#') {
      const h = ATX.exec(rest);
      if (h) {
        stack.length = depth;
        headings.push({ line: ln, depth: h[1].length, text: (h[2] ?? '').trim() });
        inParagraph = false;
        continue;
      }
    }

    if ((c === '-' || c === '*' || c === '_') && THEMATIC.test(rest)) {
      stack.length = depth;
      inParagraph = false;
      continue;
    }

    const b = BULLET.exec(rest);
    const o = b ? undefined : ORDERED.exec(rest);
    if (b || o) {
      const marker = b ? b[1] : o![2];
      const markerLen = b ? 1 : o![1].length + 1;
      const spaces = b ? b[2] : o![3];
      if (spaces.length === 0 || spaces.length >= 5) return undefined; // empty item or code inside
      const sibling = depth < stack.length && stack[depth].marker === marker;
      if (inParagraph && o && o[1] !== '1' && !sibling) return undefined; // may not interrupt
      const contentCol = indent + markerLen + spaces.length;
      const content = line.slice(contentCol);
      // An item empty on its marker's line, and nested block starts there, are left to remark.
      if (content.trim() === '' || startsBlock(content)) return undefined;
      stack.length = depth;
      stack.push({ contentCol, marker });
      inParagraph = true;
      items.push({ line: ln, markerCol: indent, textCol: contentCol });
      continue;
    }

    // Paragraph text. A lazy continuation keeps deeper items open.
    if (!inParagraph) stack.length = depth;
    inParagraph = true;
  }
  return { items, headings, codeLines };
}
