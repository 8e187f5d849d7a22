// The block structure of a note, read in one pass over its lines: CommonMark's
// own parsing strategy (the spec's appendix; commonmark.js's incorporateLine):
// per line, match the open containers (block quotes, list items, code, HTML,
// paragraphs), then start new blocks, then add the rest as text, lazy
// continuation included; tabs count to the next multiple of 4 columns. What
// Cadence needs of it: every list item (its marker, and where its first
// paragraph starts on the marker's line: task-box.ts reads the task box
// there), headings, and the lines inside code and HTML blocks.
//
// Linear in the text: each line matches at most the open containers, and no
// more than MAX_CONTAINERS containers are open; a line that would open more
// is read as text from there, and said so (SPEC §10: beyond a bound, one
// notice on that line, the rest read). remark-gfm is the reference reading:
// test/unit/markdown-differential.test.ts holds this scanner to it.

import { ATX, BULLET, CLOSING_FENCE, DEFINITION, delimiterCells, FENCE, HTML_CLOSE, HTML_OPEN, MAYBE_SPECIAL, ORDERED, rowCells, SETEXT, THEMATIC } from './block-lines';

/** A list item, as its marker's line shows it. */
export interface ListItemLine {
  readonly line: number;
  /** Column (UTF-16 index) of the list marker. */
  readonly markerCol: number;
  /**
   * Column where the item's first paragraph starts on the marker's line (a
   * task box, if any, stands there: task-box.ts); -1 when the item has no
   * paragraph starting on that line (empty, or another block first).
   */
  readonly textCol: number;
}

export interface HeadingLine {
  readonly line: number;
  readonly depth: number;
  readonly text: string;
}

export interface BlockScan {
  /** Every list item, in order of its marker (line, then column). */
  readonly items: ListItemLine[];
  readonly headings: HeadingLine[];
  /** Lines inside code blocks (fences included) and HTML blocks. */
  readonly codeLines: Set<number>;
  /** First lines of runs of lines that nest deeper than MAX_CONTAINERS. */
  readonly tooDeep: number[];
}

/** Block quotes and list items open at once, at most (real notes use fewer than ten). */
export const MAX_CONTAINERS = 64;

type Kind = 'document' | 'list' | 'item' | 'quote' | 'paragraph' | 'heading' | 'thematic' | 'fence' | 'icode' | 'html' | 'table';

/** An open block. One class, fields set where they matter: cheap to make (a line may open 64). */
class Block {
  /** item: has it a child yet (an item may start with at most one blank line). */
  hasChild = false;
  /** item: marker offset (columns, relative) + padding. */
  width = 0;
  /** list: its marker's kind (`-`, `*`, `+`, `0.`, `0)`). */
  marker = '';
  /** item: its ListItemLine (textCol filled when its first child is known). */
  out: { line: number; markerCol: number; textCol: number } | undefined = undefined;
  /** fence: character, length and indentation. */
  fenceChar = '';
  fenceLen = 0;
  fenceIndent = 0;
  /** html: its start condition (1–7). */
  htmlType = 0;
  /** paragraph: first line, and whether every line so far is a link reference definition. */
  start = 0;
  onlyDefinitions = false;
  /** paragraph: its lines; icode: blank lines waiting for more code. */
  lines: string[] = [];
  /** paragraph: the item whose text it starts on the item's marker line, if any. */
  itemOut: { textCol: number } | undefined = undefined;
  /**
   * icode: started on a line where a block quote or list item ended (or
   * since the last line with text). remark's parser (micromark) then ends it
   * with that line, and it interrupts nothing after it.
   */
  afterExit = false;
  constructor(readonly kind: Kind) {}
}

const CONTAINERS: ReadonlySet<Kind> = new Set(['document', 'quote', 'item']);
const canContain = (parent: Kind, child: Kind): boolean => (parent === 'list' ? child === 'item' : CONTAINERS.has(parent) && child !== 'item');

/**
 * Reads the block structure of `lines[from..]` (lines before `from`, the
 * front matter, are not looked at). Never throws; linear in the text.
 */
export function scanBlocks(lines: readonly string[], from: number): BlockScan {
  const items: ListItemLine[] = [];
  const headings: HeadingLine[] = [];
  const codeLines = new Set<number>();
  const tooDeep: number[] = [];
  const stack: Block[] = [new Block('document')];
  let containers = 0;

  // The line being read, and where in it.
  let ln = 0;
  let line = '';
  let offset = 0;
  let column = 0;
  let nextNonspace = 0;
  let nextNonspaceColumn = 0;
  let indent = 0;
  let indented = false;
  let blank = false;
  let partialTab = false;

  // The white space run last scanned: matching many containers on a deeply
  // indented line moves through one run, which is scanned once.
  let runFrom = -1;
  const findNextNonspace = (): void => {
    if (runFrom !== -1 && runFrom <= offset && offset <= nextNonspace) {
      indent = nextNonspaceColumn - column;
      indented = indent >= 4;
      return;
    }
    runFrom = offset;
    let i = offset;
    let cols = column;
    let c = '';
    while (i < line.length) {
      c = line[i];
      if (c === ' ') cols++;
      else if (c === '\t') cols += 4 - (cols % 4);
      else break;
      i++;
    }
    blank = i >= line.length;
    nextNonspace = i;
    nextNonspaceColumn = cols;
    indent = nextNonspaceColumn - column;
    indented = indent >= 4;
  };
  const advanceNextNonspace = (): void => {
    offset = nextNonspace;
    column = nextNonspaceColumn;
    partialTab = false;
  };
  const advanceOffset = (count: number, columns: boolean): void => {
    while (count > 0 && offset < line.length) {
      if (line[offset] === '\t') {
        const toTab = 4 - (column % 4);
        if (columns) {
          partialTab = toTab > count;
          const n = toTab > count ? count : toTab;
          column += n;
          offset += partialTab ? 0 : 1;
          count -= n;
        } else {
          partialTab = false;
          column += toTab;
          offset++;
          count--;
        }
      } else {
        partialTab = false;
        offset++;
        column++;
        count--;
      }
    }
  };
  const isSpaceOrTab = (i: number): boolean => line[i] === ' ' || line[i] === '\t';

  /** Closes the top block: what it leaves behind (a heading, an item's text) is written out. */
  const finalize = (): void => {
    const b = stack.pop()!;
    if (b.kind === 'item' || b.kind === 'quote') containers--;
    if (b.kind === 'item' && !b.hasChild) b.out!.textCol = -1;
  };
  let matchedDepth = 0;
  /** Has this line opened a block quote or list item? */
  let openedContainer = false;
  /** Did a block quote or list item not go on on this line (before any is closed)? */
  const containersUnmatched = (): boolean => {
    if (allClosed) return false;
    for (let i = matchedDepth + 1; i < stack.length; i++) if (stack[i].kind === 'item' || stack[i].kind === 'quote') return true;
    return false;
  };
  let allClosed = true;
  // A list item closed on a blank line since the last line with text (micromark
  // keeps it open through blank lines, and ends it on the next line).
  let closedOnBlank = false;
  const closeUnmatched = (): void => {
    if (allClosed) return;
    if (blank) {
      // Items ending on a blank line themselves (not with a block quote around them).
      let items = false;
      for (let i = matchedDepth + 1; i < stack.length; i++) {
        if (stack[i].kind === 'quote') {
          items = false;
          break;
        }
        if (stack[i].kind === 'item') items = true;
      }
      if (items) closedOnBlank = true;
    }
    while (stack.length > matchedDepth + 1) finalize();
    allClosed = true;
  };
  /** Adds a child of `kind` under the innermost block that can hold it. */
  const addChild = (kind: Kind): Block => {
    while (!canContain(stack[stack.length - 1].kind, kind)) finalize();
    const parent = stack[stack.length - 1];
    let itemOut: Block['itemOut'];
    if (parent.kind === 'item' && !parent.hasChild) {
      // An item's text starts here only if its first child is a paragraph on its marker's line.
      if (kind !== 'paragraph' || parent.out!.line !== ln) parent.out!.textCol = -1;
      else {
        parent.out!.textCol = nextNonspace;
        itemOut = parent.out;
      }
    }
    parent.hasChild = true;
    const b = new Block(kind);
    b.itemOut = itemOut;
    stack.push(b);
    if (kind === 'item' || kind === 'quote') {
      containers++;
      openedContainer = true;
    }
    return b;
  };

  // Where, per marker character, the line's tail of that character, spaces and
  // tabs begins: a thematic break from p needs p at or after it (computed once
  // a line, so a long line of `- - - …` costs linear time).
  let thematicTail: Map<string, number> | undefined;
  const thematicFrom = (p: number, c: string): boolean => {
    if (line.length - p < 256) return THEMATIC.test(line.slice(p));
    thematicTail ??= new Map();
    let tail = thematicTail.get(c);
    if (tail === undefined) {
      tail = line.length;
      while (tail > 0 && (line[tail - 1] === c || line[tail - 1] === ' ' || line[tail - 1] === '\t')) tail--;
      thematicTail.set(c, tail);
    }
    if (p < tail) return false;
    let n = 0;
    for (let i = p; i < line.length && n < 3; i++) if (line[i] === c) n++;
    return n >= 3;
  };

  /** CommonMark's list marker test; the marker's data, or undefined. */
  // Whether new blocks on this line interrupt the flow (micromark's reading,
  // remark's parser: every block quote and list item went on, and a
  // paragraph or an indented code block is open): then an ordered list must
  // start at 1, an item may not start empty, and an HTML block of kind 7 may
  // not start — for every container the line opens.
  let interrupting = false;
  const listMarker = (): { marker: string; width: number; bullet: boolean; len: number } | undefined => {
    const asParagraph = interrupting;
    if (indent >= 4) return undefined;
    const rest = line.slice(nextNonspace, nextNonspace + 11);
    let marker: string;
    let len: number;
    const b = BULLET.exec(rest);
    if (b) {
      marker = b[0];
      len = 1;
    } else {
      const o = ORDERED.exec(rest);
      if (!o || (asParagraph && o[1] !== '1')) return undefined;
      marker = o[2];
      len = o[0].length;
    }
    const next = nextNonspace + len;
    if (next < line.length && line[next] !== ' ' && line[next] !== '\t') return undefined;
    // Interrupting a paragraph, the item may not start blank.
    if (asParagraph && /^[ \t]*$/.test(line.slice(next))) return undefined;
    const markerIndent = indent;
    advanceNextNonspace();
    advanceOffset(len, true);
    const spacesStartCol = column;
    const spacesStartOffset = offset;
    do {
      advanceOffset(1, true);
    } while (column - spacesStartCol < 5 && isSpaceOrTab(offset));
    const blankItem = offset >= line.length;
    const spaces = column - spacesStartCol;
    let padding: number;
    if (spaces >= 5 || spaces < 1 || blankItem) {
      padding = len + 1;
      column = spacesStartCol;
      offset = spacesStartOffset;
      partialTab = false;
      if (isSpaceOrTab(offset)) advanceOffset(1, true);
    } else padding = len + spaces;
    return { marker: b ? marker : `0${marker}`, width: markerIndent + padding, bullet: !!b, len };
  };

  /** Are MAX_CONTAINERS open, not counting those this line leaves (they close when a new one opens)? */
  const full = (): boolean => {
    if (containers < MAX_CONTAINERS || allClosed) return containers >= MAX_CONTAINERS;
    let n = containers;
    for (let i = matchedDepth + 1; i < stack.length; i++) if (stack[i].kind === 'item' || stack[i].kind === 'quote') n--;
    return n >= MAX_CONTAINERS;
  };

  /** Tries each block start at the current position; 0 none, 1 a container, 2 a leaf. */
  const blockStart = (container: Block): 0 | 1 | 2 => {
    const c = line[nextNonspace];
    if (!indented && c === '>') {
      if (full()) {
        limitHit = true;
        return 0;
      }
      advanceNextNonspace();
      advanceOffset(1, false);
      if (isSpaceOrTab(offset)) advanceOffset(1, true);
      closeUnmatched();
      addChild('quote');
      return 1;
    }
    if (!indented && c === '#') {
      const m = ATX.exec(line.slice(nextNonspace, nextNonspace + 8));
      if (m) {
        advanceNextNonspace();
        advanceOffset(m[0].length, false);
        closeUnmatched();
        addChild('heading');
        const text = line
          .slice(offset)
          .replace(/^[ \t]*#+[ \t]*$/, '')
          .replace(/[ \t]+#+[ \t]*$/, '')
          .trim();
        headings.push({ line: ln, depth: m[0].trim().length, text });
        offset = line.length;
        return 2;
      }
    }
    if (!indented && (c === '`' || c === '~')) {
      const m = FENCE.exec(line.slice(nextNonspace));
      if (m) {
        closeUnmatched();
        const f = addChild('fence');
        f.fenceChar = m[0][0];
        f.fenceLen = m[0].length;
        f.fenceIndent = indent;
        codeLines.add(ln);
        advanceNextNonspace();
        advanceOffset(m[0].length, false);
        return 2;
      }
    }
    if (!indented && c === '<') {
      const s = line.slice(nextNonspace);
      for (let t = 1; t <= 7; t++) {
        // A type 7 start may not interrupt a paragraph (a lazy line's may, in micromark).
        if (HTML_OPEN[t].test(s) && (t < 7 || container.kind !== 'paragraph')) {
          closeUnmatched();
          addChild('html').htmlType = t;
          return 2;
        }
      }
    }
    if (!indented && container.kind === 'paragraph' && (c === '=' || c === '-') && SETEXT.test(line.slice(nextNonspace))) {
      if (!container.onlyDefinitions) {
        closeUnmatched();
        // The paragraph becomes a heading (on the paragraph's first line, as remark places it).
        headings.push({ line: container.start, depth: c === '=' ? 1 : 2, text: container.lines.map((l) => l.trim()).join(' ') });
        // An item whose text this paragraph was now starts with a heading.
        if (container.itemOut) container.itemOut.textCol = -1;
        finalize();
        addChild('heading');
        offset = line.length;
        return 2;
      }
    }
    if (!indented && (c === '*' || c === '_' || c === '-') && thematicFrom(nextNonspace, c)) {
      closeUnmatched();
      addChild('thematic');
      offset = line.length;
      return 2;
    }
    if ((!indented || container.kind === 'list') && (c === '*' || c === '+' || c === '-' || (c >= '0' && c <= '9'))) {
      if (full()) {
        limitHit ||= /^(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/.test(line.slice(nextNonspace, nextNonspace + 11));
        return 0;
      }
      const data = listMarker();
      if (data) {
        closeUnmatched();
        const top = stack[stack.length - 1];
        if (top.kind !== 'list' || top.marker !== data.marker) addChild('list').marker = data.marker;
        const out = { line: ln, markerCol: nextNonspace, textCol: -1 };
        items.push(out);
        const item = addChild('item');
        item.width = data.width;
        item.out = out;
        return 1;
      }
    }
    if (indented && stack[stack.length - 1].kind !== 'paragraph' && !blank) {
      advanceOffset(4, true);
      const afterExit = (containersUnmatched() || closedOnBlank) && !openedContainer;
      closeUnmatched();
      addChild('icode').afterExit = afterExit;
      return 2;
    }
    return 0;
  };

  /** Does an open block go on on this line? 0 yes, 1 no, 2 it ended here (a closing fence). */
  const matches = (b: Block): 0 | 1 | 2 => {
    switch (b.kind) {
      case 'quote':
        if (!indented && line[nextNonspace] === '>') {
          advanceNextNonspace();
          advanceOffset(1, false);
          if (isSpaceOrTab(offset)) advanceOffset(1, true);
          return 0;
        }
        return 1;
      case 'item':
        if (blank) {
          if (!b.hasChild) return 1;
          advanceNextNonspace();
        } else if (indent >= b.width) advanceOffset(b.width, true);
        else return 1;
        return 0;
      case 'fence': {
        if (indent <= 3 && line[nextNonspace] === b.fenceChar) {
          const m = CLOSING_FENCE.exec(line.slice(nextNonspace));
          if (m && m[0].length >= b.fenceLen) {
            codeLines.add(ln);
            finalize();
            return 2;
          }
        }
        for (let i = b.fenceIndent; i > 0 && isSpaceOrTab(offset); i--) advanceOffset(1, true);
        return 0;
      }
      case 'icode':
        if (b.afterExit) return 1;
        if (indent >= 4) advanceOffset(4, true);
        else if (blank) advanceNextNonspace();
        else return 1;
        return 0;
      case 'html':
        return blank && (b.htmlType === 6 || b.htmlType === 7) ? 1 : 0;
      case 'paragraph':
      case 'table':
        return blank ? 1 : 0;
      case 'heading':
      case 'thematic':
        return 1;
      default:
        return 0;
    }
  };

  let deepRun = false;
  let limitHit = false;
  for (ln = from; ln < lines.length; ln++) {
    line = lines[ln];
    runFrom = -1;
    offset = 0;
    column = 0;
    partialTab = false;
    blank = false;

    // Match the open blocks, outermost first.
    let matched = 0;
    let ended = false;
    for (let i = 1; i < stack.length; i++) {
      findNextNonspace();
      const r = matches(stack[i]);
      if (r === 2) {
        ended = true;
        break;
      }
      if (r === 1) break;
      matched = i;
    }
    if (ended) continue;
    matchedDepth = matched;
    allClosed = matched === stack.length - 1;
    let container = stack[matched];
    const oldTip = stack[stack.length - 1];

    // New blocks, as long as one starts.
    let leaf = container.kind === 'fence' || container.kind === 'icode' || container.kind === 'html';
    limitHit = false;
    thematicTail = undefined;
    openedContainer = false;
    findNextNonspace();
    interrupting = !blank && (oldTip.kind === 'paragraph' || (oldTip.kind === 'icode' && !oldTip.afterExit)) && !containersUnmatched();
    while (!leaf) {
      findNextNonspace();
      if (!indented && !MAYBE_SPECIAL.test(line[nextNonspace] ?? '')) {
        advanceNextNonspace();
        break;
      }
      const r = blockStart(container);
      if (r === 0) {
        advanceNextNonspace();
        break;
      }
      container = stack[stack.length - 1];
      if (r === 2) leaf = true;
    }
    if (limitHit && !deepRun) tooDeep.push(ln);
    deepRun = limitHit;
    const lineBlank = blank;

    // The rest of the line is text: a lazy continuation, or added to the container.
    const tip = stack[stack.length - 1];
    if (!allClosed && !blank && tip.kind === 'paragraph' && tip === oldTip) {
      tip.lines.push(line.slice(nextNonspace));
      if (tip.onlyDefinitions && !DEFINITION.test(line.slice(nextNonspace))) tip.onlyDefinitions = false;
      closedOnBlank = false;
      continue;
    }
    closeUnmatched();
    const top = stack[stack.length - 1];
    if (top.kind === 'icode') {
      // Blank lines belong to indented code only when more code follows (remark's reading).
      if (blank) top.lines.push('');
      else {
        for (let k = top.lines.length; k > 0; k--) codeLines.add(ln - k);
        top.lines.length = 0;
        codeLines.add(ln);
      }
    } else if (top.kind === 'fence' || top.kind === 'html') {
      codeLines.add(ln);
      if (top.kind === 'html' && top.htmlType >= 1 && top.htmlType <= 5 && HTML_CLOSE[top.htmlType].test(line.slice(offset))) finalize();
    } else if (top.kind === 'paragraph') {
      const text = line.slice(nextNonspace);
      const head = top.lines[top.lines.length - 1];
      const n = text.indexOf('|') !== -1 ? delimiterCells(text) : 0;
      if (n > 0 && n === rowCells(head)) {
        // A GFM table: the paragraph's last line is its header, this its delimiter row.
        top.lines.pop();
        if (top.lines.length === 0 && top.itemOut) top.itemOut.textCol = -1;
        finalize();
        addChild('table');
      } else {
        top.lines.push(text);
        if (top.onlyDefinitions && !DEFINITION.test(text)) top.onlyDefinitions = false;
      }
    } else if (top.kind === 'table') {
      // a row
    } else if (offset < line.length && !blank) {
      findNextNonspace();
      if (!blank) {
        const p = addChild('paragraph');
        p.start = ln;
        p.lines.push(line.slice(nextNonspace));
        p.onlyDefinitions = DEFINITION.test(line.slice(nextNonspace));
        // A definition is no paragraph text: an item starting with one has no text on its line.
        if (p.onlyDefinitions && p.itemOut) p.itemOut.textCol = -1;
      }
    }
    if (!lineBlank) closedOnBlank = false;
  }
  while (stack.length > 1) finalize();
  items.sort((a, b) => a.line - b.line || a.markerCol - b.markerCol);
  return { items, headings, codeLines, tooDeep };
}
