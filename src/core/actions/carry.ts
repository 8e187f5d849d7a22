// Carrying open items from the previous 1:1 into a new one (SPEC §4, §13):
// each open item (an action item or a talking point) goes over with the box
// it had, its list marker and its nesting; an ancestor that is not carried
// itself (a done parent, a plain bullet the items sit under) comes along as
// a plain bullet holding its words, so a nested item keeps its context; each
// carried group says which note it came from (not within a log: the meeting
// it came from is in the same file); and the previous 1:1 marks each carried
// item `[>]`. The previous 1:1 is a note or a meeting of a log.

import type { OneOnOne } from '../meetings';
import type { ActionItem, Heading } from '../model';
import type { TextEdit } from '../types';

/** The 1:1 items are carried from, and which of its items (action items or talking points). */
export interface CarrySource {
  readonly path: string;
  /** The 1:1's date (the source mark's text); the file's name when it has none. */
  readonly date: string | undefined;
  /** Its items of the kind carried, open or not, in line order. */
  readonly items: readonly ActionItem[];
  readonly headings: readonly Heading[];
  /** 0-based: no list line before it belongs to this 1:1 (the end of the front matter, or a meeting's heading). */
  readonly firstLine: number;
}

/** The action items (`items`) or talking points of a 1:1, as a source to carry from. */
export function carrySource(one: OneOnOne, which: 'items' | 'talkingPoints'): CarrySource {
  return { path: one.path, date: one.date, items: one[which], headings: one.doc.headings, firstLine: one.meeting ? one.meeting.line + 1 : one.doc.frontMatterEnd };
}

/** One carried item with the ancestors it sits under: written together, marked once. */
export interface CarriedGroup {
  readonly lines: readonly string[];
  /** The source's 0-based lines these were written from, in order. */
  readonly sourceLines: readonly number[];
}

/** What was carried, for the new 1:1 and the message saying so. */
export interface CarryOver {
  /** The 1:1 the items came from. */
  readonly from: CarrySource;
  /** The open items carried (marked `[>]` in `from`), in line order. */
  readonly items: readonly ActionItem[];
  /** The lines for the new 1:1's section, nesting and markers kept: every group's, in order. */
  readonly lines: readonly string[];
  /** The same lines by top-level group. */
  readonly groups: readonly CarriedGroup[];
  /** Edits to `from`'s file: each carried item's box becomes `>`. */
  readonly edits: readonly TextEdit[];
}

// A list item's marker at the start of a line: `-`, `*`, `+`, `1.`, `1)`.
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const HEADING = /^ {0,3}(#{1,6}(?:[ \t]|$)|(=+|-+)[ \t]*$)/;

/**
 * The source mark a carried item gets, ` (from [2026-11-19](2026-11-19.md))`,
 * and the pattern that finds an earlier one, so an item carried again points
 * at the note it came from last and marks never pile up.
 */
const SOURCE_MARK = /[ \t]*\(from \[[^\]\n]*\]\((?:<[^>\n]*>|[^()\s]*)\)\)/g;

/** The line without any source mark Cadence wrote into it. */
export function withoutSourceMark(text: string): string {
  return text.replace(SOURCE_MARK, '');
}

/** The date (or name) in an item's source mark, if it has one: where it was carried from. */
export function sourceMarkOf(text: string): string | undefined {
  return /\(from \[([^\]\n]*)\]\((?:<[^>\n]*>|[^()\s]*)\)\)/.exec(text)?.[1];
}

/** The relative link from a file in `toPath`'s folder to `fromPath` ('/' paths), as a Markdown link target. */
export function relativeLink(toPath: string, fromPath: string): string {
  const to = toPath.split('/').slice(0, -1);
  const from = fromPath.split('/');
  let i = 0;
  while (i < to.length && i < from.length - 1 && to[i] === from[i]) i++;
  const rel = [...to.slice(i).map(() => '..'), ...from.slice(i)].join('/');
  return /[\s()<>]/.test(rel) ? `<${rel.replace(/[<>]/g, encodeURIComponent)}>` : rel;
}

/** The visual column of index `i` in `line`, tabs to the next multiple of 4 (CommonMark). */
function columnOf(line: string, i: number): number {
  let col = 0;
  for (let k = 0; k < i && k < line.length; k++) col = line[k] === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

interface ListLine {
  readonly line: number;
  /** Visual column of the marker. */
  readonly markerCol: number;
  /** Visual column of the item's content (after the marker and one to four spaces). */
  readonly contentCol: number;
  /** `-`, `*`, `+`, or an ordered marker's delimiter kind (`1.` / `1)`). */
  readonly marker: string;
  /** Everything after the marker and its spaces. */
  readonly content: string;
}

function listLine(text: string, line: number): ListLine | undefined {
  const m = LIST_ITEM.exec(text);
  if (!m) return undefined;
  const markerStart = m[1].length;
  const markerEnd = markerStart + m[2].length;
  let contentStart = markerEnd;
  while (contentStart < text.length && (text[contentStart] === ' ' || text[contentStart] === '\t')) contentStart++;
  const markerCol = columnOf(text, markerStart);
  const afterMarker = columnOf(text, markerEnd);
  let contentCol = columnOf(text, contentStart);
  // Five or more spaces after the marker: the content starts one column after it (indented code).
  if (contentCol - afterMarker > 4 || contentStart === text.length) contentCol = afterMarker + 1;
  return { line, markerCol, contentCol, marker: m[2], content: text.slice(contentStart) };
}

/**
 * The line of the list item a line's item is nested in, read from the note's
 * lines: the nearest list item above it whose marker is left of this one's
 * (and whose content column it reaches), within the same list — a heading,
 * the front matter, or text at column 0 ends the search.
 */
function parentFromLines(lines: readonly string[], first: number, of: ListLine): number | undefined {
  for (let l = of.line - 1; l >= first; l--) {
    const t = lines[l] ?? '';
    if (!t.trim()) continue;
    if (HEADING.test(t) && !LIST_ITEM.test(t)) return undefined;
    const li = listLine(t, l);
    if (li) {
      if (li.markerCol < of.markerCol) return li.contentCol <= of.markerCol ? l : undefined;
      continue;
    }
    if (columnOf(t, t.length - t.trimStart().length) === 0) return undefined;
  }
  return undefined;
}

/**
 * Carries `from`'s open items into a 1:1 at `toPath`. `lines` are the
 * current lines (LF-split) of `from`'s file: with them, plain bullets an item
 * is nested under are found and kept as context; without them only items are
 * seen, and nesting is read from the items' own lines. Undefined when nothing
 * is open.
 */
export function carryOver(from: CarrySource, toPath: string, lines?: readonly string[]): CarryOver | undefined {
  const open = from.items.filter((i) => i.status === 'open');
  if (!open.length) return undefined;
  const itemAt = new Map(from.items.map((i) => [i.line, i] as const));
  const textOf = (line: number) => lines?.[line] ?? itemAt.get(line)?.lineText ?? '';

  // Each list line's parent line, from the note's lines or (without them) from the items alone.
  const parent = new Map<number, number | undefined>();
  const node = new Map<number, ListLine>();
  const nodeAt = (line: number): ListLine | undefined => {
    if (!node.has(line)) {
      const li = listLine(textOf(line), line);
      if (li) node.set(line, li);
    }
    return node.get(line);
  };
  if (lines) {
    const parentOf = (line: number): number | undefined => {
      if (!parent.has(line)) {
        const li = nodeAt(line);
        parent.set(line, li ? parentFromLines(lines, from.firstLine, li) : undefined);
      }
      return parent.get(line);
    };
    for (const i of open) for (let l = parentOf(i.line); l !== undefined; l = parentOf(l));
  } else {
    // Items only: a stack of the items above, cut at every heading.
    const headingLines = new Set(from.headings.map((h) => h.line));
    const stack: ListLine[] = [];
    let lastLine = -1;
    for (const i of from.items) {
      for (let l = lastLine + 1; l <= i.line; l++) if (headingLines.has(l)) stack.length = 0;
      lastLine = i.line;
      const li = nodeAt(i.line);
      if (!li) continue;
      while (stack.length && stack[stack.length - 1].contentCol > li.markerCol) stack.pop();
      const top = stack[stack.length - 1];
      parent.set(i.line, top && top.markerCol < li.markerCol ? top.line : undefined);
      stack.push(li);
    }
  }

  // The lines to write: the open items and every ancestor of one, in line order.
  const keep = new Set<number>();
  for (const i of open) for (let l: number | undefined = i.line; l !== undefined && !keep.has(l); l = parent.get(l)) keep.add(l);
  const order = [...keep].sort((a, b) => a - b);

  // From another file, each carried group says where it came from. Into the same file (a
  // log's next meeting) it does not: the previous meeting is right there, marked [>], and
  // a mark repeated on every item (with its due date) would read as one shared passage.
  const date = from.date ?? from.path.slice(from.path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const mark = toPath === from.path ? '' : ` (from [${date}](${relativeLink(toPath, from.path)}))`;
  const newContentCol = new Map<number, number>();
  const ordinal = new Map<string, number>();
  const groups: { lines: string[]; sourceLines: number[] }[] = [];
  for (const line of order) {
    const li = nodeAt(line);
    if (!li) continue;
    const p = parent.get(line);
    const root = p === undefined || !keep.has(p);
    const indent = root ? 0 : (newContentCol.get(p) ?? 0);
    // Ordered markers are numbered afresh among the siblings written, keeping `.` or `)`.
    let marker = li.marker;
    if (/^\d/.test(marker)) {
      const k = `${root ? 'root' : p}:${marker.slice(-1)}`;
      const n = (ordinal.get(k) ?? 0) + 1;
      ordinal.set(k, n);
      marker = `${n}${marker.slice(-1)}`;
    }
    const item = itemAt.get(line);
    let content: string;
    if (item && item.status === 'open') content = withoutSourceMark(li.content).trimEnd();
    else if (item) content = withoutSourceMark(item.text).trim() || '(no text)';
    else content = withoutSourceMark(li.content).trimEnd();
    if (root || !groups.length) groups.push({ lines: [], sourceLines: [] });
    const g = groups[groups.length - 1];
    g.lines.push(`${' '.repeat(indent)}${marker} ${content}${root ? mark : ''}`);
    g.sourceLines.push(line);
    newContentCol.set(line, indent + marker.length + 1);
  }
  return { from, items: open, lines: groups.flatMap((g) => g.lines), groups, edits: open.map((i) => ({ range: i.boxRange, newText: '>' })) };
}
