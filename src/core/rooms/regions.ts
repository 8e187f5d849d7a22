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
// and task boxes at the start of a line are markup, not text.

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
  /** `lineText[start, end)` of line `line` is text in `role`. */
  text(line: number, lineText: string, start: number, end: number, role: Role): void;
  /** A run of words ends here. */
  brk(): void;
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
/** Markup at the start of a line: indentation, block quotes, a list marker and its task box. */
const LINE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[^\]]\](?=[ \t]|$))?|$))?/u;

function closesFence(line: string, fence: { ch: string; len: number }): boolean {
  const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1][0] === fence.ch && m[1].length >= fence.len;
}

function openFence(line: string): { ch: string; len: number } | undefined {
  const m = FENCE_OPEN.exec(line);
  if (!m) return undefined;
  if (m[1][0] === '`' && m[2].includes('`')) return undefined;
  return { ch: m[1][0], len: m[1].length };
}

/**
 * The headings of `lines[from..]`: ATX headings and setext headings (a
 * paragraph directly above a `===` or `---` line), outside fenced code.
 * Hidden text (`%%`, HTML comments) is not looked at here; scanRegions
 * treats a heading inside hidden text as hidden text.
 */
export function headingsOf(lines: readonly string[], from: number): HeadingAt[] {
  const out: HeadingAt[] = [];
  let fence: { ch: string; len: number } | undefined;
  // The first line of the paragraph being read; -1 after a blank line (or at
  // the start), -2 inside another block (a list item, a quote, a table).
  let para = -1;
  let lastHeading = -1;
  for (let ln = from; ln < lines.length; ln++) {
    const line = lines[ln];
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const f = openFence(line);
    if (f) {
      fence = f;
      para = -1;
      continue;
    }
    if (!line.trim()) {
      para = -1;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      out.push({ line: ln, depth: atx[1].length, text: (atx[2] ?? '').trim() });
      lastHeading = ln;
      para = -1;
      continue;
    }
    if (para >= 0 && SETEXT_UNDERLINE.test(line)) {
      const text = lines.slice(para, ln).map((l) => l.trim()).join(' ');
      const depth = line.trim()[0] === '=' ? 1 : 2;
      for (let l = para; l < ln; l++) out.push({ line: l, depth, text });
      lastHeading = ln;
      para = -1;
      continue;
    }
    if (para === -1) {
      // A paragraph starts only after a blank line, a heading, a fence or the body's start:
      // text right under a list item or a quote is a continuation of it.
      const fresh = ln === from || !lines[ln - 1].trim() || lastHeading === ln - 1 || FENCE_OPEN.test(lines[ln - 1]);
      para = fresh && !NOT_PARAGRAPH.test(line) ? ln : -2;
    } else if (para >= 0 && INTERRUPTS.test(line)) para = -2;
  }
  return out;
}

/**
 * The private blocks of `lines[from..]` (SPEC §15), outside fenced code and
 * hidden text. For editors and previews that show or hide them: the lines
 * from `start` to `end` are private, the markers included.
 */
export function privateBlocks(lines: readonly string[], from = 0): PrivateBlock[] {
  const out: PrivateBlock[] = [];
  let open = -1;
  scanRegions(lines, from, { text() {}, brk() {} }, {
    marker(line, opening) {
      if (opening && open === -1) open = line;
      else if (!opening && open !== -1) {
        out.push({ start: open, end: line, closed: true });
        open = -1;
      }
    },
  });
  if (open !== -1) out.push({ start: open, end: Math.max(open, lines.length - 1), closed: false });
  return out;
}

export interface ScanExtras {
  /** Headings of the body, when the caller has them already (else headingsOf). */
  readonly headings?: readonly HeadingAt[];
  /** A private block's marker line. */
  marker?(line: number, opening: boolean): void;
}

/**
 * Hands the text of `lines[from..]` to `sink`, piece by piece, each with its
 * role, and each end of a run (see the top of this file).
 */
export function scanRegions(lines: readonly string[], from: number, sink: RegionSink, extras: ScanExtras = {}): void {
  const headingLines = new Set((extras.headings ?? headingsOf(lines, from)).map((h) => h.line));
  let fence: { ch: string; len: number } | undefined;
  let inPrivate = false;
  let inPercent = false;
  let inComment = false;
  for (let ln = from; ln < lines.length; ln++) {
    const line = lines[ln];
    const base = inPrivate ? Role.Private : Role.Body;
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      else sink.text(ln, line, 0, line.length, base);
      continue;
    }
    let pos = 0;
    if (!inPercent && !inComment) {
      if (OPEN_MARKER.test(line)) {
        sink.brk();
        inPrivate = true;
        extras.marker?.(ln, true);
        continue;
      }
      if (CLOSE_MARKER.test(line)) {
        sink.brk();
        if (inPrivate) extras.marker?.(ln, false);
        inPrivate = false;
        continue;
      }
      if (headingLines.has(ln)) {
        sink.brk();
        continue;
      }
      const f = openFence(line);
      if (f) {
        fence = f;
        continue;
      }
      pos = LINE_PREFIX.exec(line)![0].length;
    }
    // Inline: plain text, `%% … %%` and `<!-- … -->`, each possibly left open to later lines.
    while (pos <= line.length) {
      if (inPercent) {
        const close = line.indexOf('%%', pos);
        const end = close === -1 ? line.length : close;
        if (end > pos) sink.text(ln, line, pos, end, Role.Private);
        if (close === -1) break;
        sink.brk();
        inPercent = false;
        pos = close + 2;
        continue;
      }
      if (inComment) {
        const close = line.indexOf('-->', pos);
        const end = close === -1 ? line.length : close;
        if (end > pos) sink.text(ln, line, pos, end, inPrivate ? Role.Private : Role.Comment);
        if (close === -1) break;
        sink.brk();
        inComment = false;
        pos = close + 3;
        continue;
      }
      const pct = line.indexOf('%%', pos);
      const cmt = line.indexOf('<!--', pos);
      const next = pct === -1 ? cmt : cmt === -1 ? pct : Math.min(pct, cmt);
      const end = next === -1 ? line.length : next;
      if (end > pos) sink.text(ln, line, pos, end, base);
      if (next === -1) break;
      sink.brk();
      if (next === pct) {
        inPercent = true;
        pos = pct + 2;
      } else {
        inComment = true;
        pos = cmt + 4;
      }
    }
  }
}

/**
 * Does the text hold a git conflict block (SPEC §10: a line starting with
 * `<<<<<<<`, later a line that is exactly `=======`, later a line starting
 * with `>>>>>>>`)? Such a file has no private or shared text.
 */
export function hasConflictBlock(lines: readonly string[]): boolean {
  let stage = 0;
  for (const l of lines) {
    if (stage === 0 && l.startsWith('<<<<<<<')) stage = 1;
    else if (stage === 1 && l === '=======') stage = 2;
    else if (stage === 2 && l.startsWith('>>>>>>>')) return true;
  }
  return false;
}
