// What of a Markdown body is which text for the two rooms (SPEC §15), and
// what is hidden (SPEC §10): private blocks (`<!-- private -->` …
// `<!-- /private -->` lines; an unclosed one runs to the end of the file),
// Obsidian comments (`%% … %%`, inline or over lines; an unclosed one hides
// to the end), HTML comments, headings (ATX and setext: not text), fenced
// code (its lines are text, and nothing in it is a marker, a heading or a
// comment).
//
// One pass over the lines hands each piece of text to a sink with its role,
// and says where a run of words ends: at a heading, a private block's
// markers, and on both sides of a `%%` text and of an HTML comment (the front
// matter ends a run by not being scanned). List markers, block-quote markers
// and task boxes at the start of a line are markup, not text. Hidden text is
// read by the one hidden-text scanner (markdown/hidden.ts): markers inside an
// inline code span are literal there too.

import { conflictBlocks, mayConflict } from '../conflicts';
import { closesFence, Hidden, MarkerIndex, openFence, scanHiddenLine } from '../markdown/hidden';

/** The role of a piece of text. */
export const enum Role {
  /** The file's own text: private or shared according to the file. */
  Body = 0,
  /** Private wherever it stands: a private block's lines, `%%` text. */
  Private = 1,
  /** An HTML comment outside a private block: hidden from readers of a shared file. */
  Comment = 2,
}

export interface RegionSink {
  /**
   * `text[start, end)` is text in `role`; it stands on line `line`, which
   * starts at offset `lineStart` of `text` (columns are offsets minus it).
   */
  text(line: number, lineStart: number, text: string, start: number, end: number, role: Role): void;
  /** A run of words ends here. */
  brk(): void;
}

/**
 * A text cut into lines without copying it: line `l` is
 * `text.slice(starts[l], end(l))`. The scanners read the text in place (a
 * line is copied only when a pattern must be tried on it), and hand pieces
 * of the one flat string to the word cutter.
 */
export class TextLines {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  static of(lines: readonly string[]): TextLines {
    return new TextLines(lines.join('\n'));
  }
  get count(): number {
    return this.starts.length;
  }
  /** The offset just past line `l` (its newline excluded). */
  end(l: number): number {
    return l + 1 < this.starts.length ? this.starts[l + 1] - 1 : this.text.length;
  }
  line(l: number): string {
    return this.text.slice(this.starts[l], this.end(l));
  }
  /** The offset of line `l`'s first character that is not a space or tab; -1 for a blank line. */
  firstNonBlank(l: number): number {
    const t = this.text;
    for (let i = this.starts[l], e = this.end(l); i < e; i++) {
      const c = t.charCodeAt(i);
      if (c !== 32 && c !== 9) return i;
    }
    return -1;
  }
  isBlank(l: number): boolean {
    return this.firstNonBlank(l) === -1;
  }
}

/** The offset where line `line` (0-based) of `text` starts; -1 when the text has fewer lines. */
export function lineStartOf(text: string, line: number): number {
  let s = 0;
  for (let l = 0; l < line && s !== -1; l++) {
    const nl = text.indexOf('\n', s);
    s = nl === -1 ? -1 : nl + 1;
  }
  return s;
}

/** A heading line of the body (ATX or the text lines of a setext heading). */
export interface HeadingAt {
  readonly line: number;
  readonly depth: number;
  /** Its text, without `#`s (a setext heading's lines joined by a space). */
  readonly text: string;
}

/** A private block: from its `<!-- private -->` line to its `<!-- /private -->` line, both included. */
export interface PrivateBlock {
  /** The opening marker's line (0-based). */
  readonly start: number;
  /** The closing marker's line, or the file's last line when it is never closed. */
  readonly end: number;
  readonly closed: boolean;
}

const OPEN_MARKER = /^[ \t]*<!--[ \t]*private[ \t]*-->[ \t]*$/i;
const CLOSE_MARKER = /^[ \t]*<!--[ \t]*\/[ \t]*private[ \t]*-->[ \t]*$/i;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A line that starts a block other than a paragraph (it cannot start a setext heading's text). */
const NOT_PARAGRAPH = /^(?: {4,}| {0,3}(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<|\|))/;
/** A line that ends a paragraph by starting another block (a list item, a quote). */
const INTERRUPTS = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>)/;

/** Could a line whose first non-blank character is `c` open a fence? (` or ~) */
const mayFence = (c: number): boolean => c === 96 || c === 126;

/** Could it start with markup (a list marker, a quote): - * + > or a digit? */
const mayHavePrefix = (c: number): boolean => c === 45 || c === 42 || c === 43 || c === 62 || (c >= 48 && c <= 57);

const isBlankChar = (c: number): boolean => c === 32 || c === 9;

/**
 * The end of the markup at the start of a line (from `s`, the line ending
 * at `e`): indentation, block-quote markers, a list marker (`-`, `*`, `+`,
 * `1.`, `1)`) and, after one, a task box (`[x]`, one code point inside).
 */
export function prefixEnd(t: string, s: number, e: number): number {
  let i = s;
  while (i < e && isBlankChar(t.charCodeAt(i))) i++;
  while (i < e && t.charCodeAt(i) === 62) {
    i++;
    while (i < e && isBlankChar(t.charCodeAt(i))) i++;
  }
  let m = i;
  const c = t.charCodeAt(m);
  if (c === 45 || c === 42 || c === 43) m++;
  else {
    while (m < e && m - i < 9 && t.charCodeAt(m) >= 48 && t.charCodeAt(m) <= 57) m++;
    if (m === i || m >= e || (t.charCodeAt(m) !== 46 && t.charCodeAt(m) !== 41)) return i;
    m++;
  }
  if (m === e) return m;
  if (!isBlankChar(t.charCodeAt(m))) return i;
  while (m < e && isBlankChar(t.charCodeAt(m))) m++;
  // A task box: `[`, one code point, `]`, then a blank or the end of the line.
  if (t.charCodeAt(m) === 91) {
    const w = t.codePointAt(m + 1)! > 0xffff ? 2 : 1;
    const close = m + 1 + w;
    if (close < e && t.charCodeAt(close) === 93 && t.charCodeAt(m + 1) !== 93 && (close + 1 === e || (close + 1 < e && isBlankChar(t.charCodeAt(close + 1))))) return close + 1;
  }
  return m;
}

/** Could lines `from..` hold a setext heading's underline (a line of only `=` or `-`)? */
function mayHaveSetext(v: TextLines, from: number): boolean {
  const re = /\n {0,3}(?:=+|-+)[ \t]*(?=\n|$)/g;
  re.lastIndex = Math.max(0, v.starts[Math.min(from, v.count - 1)] - 1);
  return re.test(v.text);
}

/**
 * The headings of `lines[from..]`: ATX headings and setext headings (a
 * paragraph directly above a `===` or `---` line), outside fenced code.
 * Hidden text (`%%`, HTML comments) is not looked at here; scanRegions
 * treats a heading inside hidden text as hidden text.
 */
export function headingsOf(lines: readonly string[] | TextLines, from: number): HeadingAt[] {
  const v = lines instanceof TextLines ? lines : TextLines.of(lines);
  const t = v.text;
  const out: HeadingAt[] = [];
  let fence: { ch: string; len: number } | undefined;
  // The first line of the paragraph being read; -1 after a blank line (or at
  // the start), -2 inside another block (a list item, a quote, a table).
  let para = -1;
  let lastHeading = -1;
  for (let ln = from; ln < v.count; ln++) {
    const at = v.firstNonBlank(ln);
    const c = at === -1 ? 0 : t.charCodeAt(at);
    if (fence) {
      if (mayFence(c) && closesFence(v.line(ln), fence)) fence = undefined;
      continue;
    }
    const f = mayFence(c) ? openFence(v.line(ln)) : undefined;
    if (f) {
      fence = f;
      para = -1;
      continue;
    }
    if (at === -1) {
      para = -1;
      continue;
    }
    const atx = c === 35 ? ATX.exec(v.line(ln)) : null;
    if (atx) {
      out.push({ line: ln, depth: atx[1].length, text: (atx[2] ?? '').trim() });
      lastHeading = ln;
      para = -1;
      continue;
    }
    if (para >= 0 && (c === 61 || c === 45) && SETEXT_UNDERLINE.test(v.line(ln))) {
      const lines: string[] = [];
      for (let l = para; l < ln; l++) lines.push(v.line(l).trim());
      const text = lines.join(' ');
      const depth = c === 61 ? 1 : 2;
      for (let l = para; l < ln; l++) out.push({ line: l, depth, text });
      lastHeading = ln;
      para = -1;
      continue;
    }
    if (para === -1) {
      // A paragraph starts only after a blank line, a heading, a fence or the body's start:
      // text right under a list item or a quote is a continuation of it.
      const prevAt = ln === from ? -1 : v.firstNonBlank(ln - 1);
      const fresh = ln === from || prevAt === -1 || lastHeading === ln - 1 || (mayFence(t.charCodeAt(prevAt)) && FENCE_OPEN.test(v.line(ln - 1)));
      para = fresh && !(at - v.starts[ln] >= 4 || mayHavePrefix(c) || c === 35 || mayFence(c) || c === 60 || c === 124 ? NOT_PARAGRAPH.test(v.line(ln)) : false) ? ln : -2;
    } else if (para >= 0 && mayHavePrefix(c) && INTERRUPTS.test(v.line(ln))) para = -2;
  }
  return out;
}

/**
 * The private blocks of `lines[from..]` (SPEC §15), outside fenced code and
 * hidden text. For editors and previews that show or hide them: the lines
 * from `start` to `end` are private, the markers included.
 */
export function privateBlocks(lines: readonly string[] | TextLines, from = 0): PrivateBlock[] {
  const v = lines instanceof TextLines ? lines : TextLines.of(lines);
  const out: PrivateBlock[] = [];
  let open = -1;
  scanRegions(v, from, { text() {}, brk() {} }, {
    marker(line, opening) {
      if (opening && open === -1) open = line;
      else if (!opening && open !== -1) {
        out.push({ start: open, end: line, closed: true });
        open = -1;
      }
    },
  });
  if (open !== -1) out.push({ start: open, end: Math.max(open, v.count - 1), closed: false });
  return out;
}

export interface ScanExtras {
  /** Headings of the body, when the caller has them already (else headingsOf). */
  readonly headings?: readonly HeadingAt[];
  /** A private block's marker line. */
  marker?(line: number, opening: boolean): void;
}

/**
 * Hands the text of lines `from..` to `sink`, piece by piece, each with its
 * role, and each end of a run (see the top of this file).
 */
export function scanRegions(v: TextLines, from: number, sink: RegionSink, extras: ScanExtras = {}): void {
  const t = v.text;
  // Without a `===` or `---` line there is no setext heading: ATX headings are
  // then found on the way, without a first pass.
  const given = extras.headings ?? (mayHaveSetext(v, from) ? headingsOf(v, from) : undefined);
  const headingLines = given ? new Set(given.map((h) => h.line)) : undefined;
  let fence: { ch: string; len: number } | undefined;
  let inPrivate = false;
  let hidden = Hidden.None;
  // The kind of the last piece handed on: a run ends where text goes into or out of a comment.
  let last = Hidden.None;
  const markers = new MarkerIndex(t);
  for (let ln = from; ln < v.count; ln++) {
    const ls = v.starts[ln];
    const le = v.end(ln);
    const base = inPrivate ? Role.Private : Role.Body;
    if (fence) {
      const at = v.firstNonBlank(ln);
      if (at !== -1 && mayFence(t.charCodeAt(at)) && closesFence(v.line(ln), fence)) fence = undefined;
      else sink.text(ln, ls, t, ls, le, base);
      continue;
    }
    let pos = ls;
    if (hidden === Hidden.None) {
      const cmt = markers.find('<!--', ls);
      const hasComment = cmt !== -1 && cmt < le;
      if (hasComment && OPEN_MARKER.test(v.line(ln))) {
        sink.brk();
        inPrivate = true;
        extras.marker?.(ln, true);
        continue;
      }
      if (hasComment && CLOSE_MARKER.test(v.line(ln))) {
        sink.brk();
        if (inPrivate) extras.marker?.(ln, false);
        inPrivate = false;
        continue;
      }
      const at = v.firstNonBlank(ln);
      const c = at === -1 ? 0 : t.charCodeAt(at);
      if (headingLines ? headingLines.has(ln) : c === 35 && at - ls < 4 && ATX.test(v.line(ln))) {
        sink.brk();
        continue;
      }
      const f = mayFence(c) ? openFence(v.line(ln)) : undefined;
      if (f) {
        fence = f;
        continue;
      }
      if (mayHavePrefix(c)) pos = prefixEnd(t, ls, le);
    }
    // Inline: plain text, `%% … %%` and `<!-- … -->`, each possibly left open
    // to later lines (the one hidden-text scanner, markdown/hidden.ts).
    hidden = scanHiddenLine(
      t,
      pos,
      hidden,
      (start, end, kind) => {
        if (kind !== last) {
          sink.brk();
          last = kind;
        }
        const role = kind === Hidden.None ? base : kind === Hidden.Percent || inPrivate ? Role.Private : Role.Comment;
        if (end > start) sink.text(ln, ls, t, start, end, role);
      },
      ls,
      le,
      markers,
    );
  }
}

/**
 * Does the text hold a git conflict block (SPEC §10: a line starting with
 * `<<<<<<<`, later a line that is exactly `=======`, later a line starting
 * with `>>>>>>>`)? Such a file has no private or shared text.
 */
export function hasConflictBlock(lines: readonly string[] | TextLines): boolean {
  if (!(lines instanceof TextLines)) return conflictBlocks(lines).length > 0;
  return mayConflict(lines.text) && conflictBlocks(lines.text.split('\n')).length > 0;
}
