// Hidden text (SPEC §10, §15): an HTML comment (`<!-- … -->`) or an
// Obsidian comment (`%% … %%`), inside a line or over lines; an unclosed one
// hides to the end of the file, as Obsidian does. Nothing in hidden text
// sets an owner, a date, a field or a figure, and it is no item's text. Not
// hidden: what stands in fenced code or in an inline code span (`` `%%` ``),
// where the markers are literal. The one scanner of hidden text: the note
// readers blank it out (visibleLines) and the two rooms read it as private
// text or comments (rooms/regions.ts, through scanHiddenLine).
//
// Linear in the text: each line is walked once, and a line's inline code
// spans come from one table of its backtick runs.

/** What a line ends in, for the next: visible text, a `%%` comment or an HTML comment. */
export const enum Hidden {
  None = 0,
  Percent = 1,
  Comment = 2,
}

/**
 * A piece of one line: visible text (`hidden` None; never empty) or the
 * inside of a comment (possibly empty: `%%%%`); markers are in neither.
 */
export type PieceSink = (start: number, end: number, hidden: Hidden) => void;

/**
 * Inline code spans of the line `text[ls, le)`, flat: [start0, end0,
 * start1, end1, …] as offsets of `text`, sorted. A backtick run is closed by the next run of the same length
 * (CommonMark), else it is literal.
 */
function codeSpans(text: string, ls: number, le: number, find: (marker: string, from: number) => number): Int32Array {
  const starts: number[] = [];
  const lens: number[] = [];
  for (let i = find('`', ls); i !== -1 && i < le; i = find('`', i)) {
    let j = i;
    while (j < le && text.charCodeAt(j) === 0x60) j++;
    starts.push(i);
    lens.push(j - i);
    i = j;
  }
  const next = new Int32Array(starts.length).fill(-1);
  const seen = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    next[k] = seen.get(lens[k]) ?? -1;
    seen.set(lens[k], k);
  }
  const spans: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    if (next[k] === -1) continue;
    spans.push(starts[k], starts[next[k]] + lens[next[k]]);
    k = next[k];
  }
  return Int32Array.from(spans);
}

/**
 * Walks one line from offset `pos`, starting in `state`, and hands each
 * piece to `sink`: visible text, and the inside of each comment (its
 * markers, `%%`, `<!--` and `-->`, belong to no piece). Returns the state the
 * line ends in. Markers inside an inline code span of visible text are
 * literal. The line is `text[lineStart, lineEnd)` (by default all of
 * `text`), so a scanner of a whole file reads it in place; offsets handed
 * to `sink` and `pos` are offsets of `text`.
 */
export function scanHiddenLine(text: string, pos: number, state: Hidden, sink: PieceSink, lineStart = 0, lineEnd = text.length, markers?: MarkerIndex): Hidden {
  const line = text;
  const le = lineEnd;
  // A marker counts only if it ends within the line.
  const find = (marker: string, from: number): number => {
    const at = markers ? markers.find(marker, from) : line.indexOf(marker, from);
    return at === -1 || at + marker.length > le ? -1 : at;
  };
  const tick = find('`', pos);
  const spans = tick === -1 ? undefined : codeSpans(line, lineStart, le, find);
  // The next opening marker of each kind at or after `pos`, outside code
  // spans; each found once and kept until passed, so a line costs linear time.
  let nextPct = -2;
  let nextCmt = -2;
  let spanPct = 0;
  let spanCmt = 0;
  const outside = (marker: string, at: number, span: number): [number, number] => {
    while (at !== -1 && spans) {
      while (span < spans.length && spans[span + 1] <= at) span += 2;
      if (span < spans.length && spans[span] <= at) at = find(marker, spans[span + 1]);
      else break;
    }
    return [at, span];
  };
  while (pos <= le) {
    if (state !== Hidden.None) {
      const marker = state === Hidden.Percent ? '%%' : '-->';
      const close = find(marker, pos);
      sink(pos, close === -1 ? le : close, state);
      if (close === -1) return state;
      state = Hidden.None;
      pos = close + marker.length;
      continue;
    }
    if (nextPct === -2 || (nextPct !== -1 && nextPct < pos)) [nextPct, spanPct] = outside('%%', find('%%', pos), spanPct);
    if (nextCmt === -2 || (nextCmt !== -1 && nextCmt < pos)) [nextCmt, spanCmt] = outside('<!--', find('<!--', pos), spanCmt);
    const at = nextPct === -1 ? nextCmt : nextCmt === -1 ? nextPct : Math.min(nextPct, nextCmt);
    const end = at === -1 ? le : at;
    if (end > pos) sink(pos, end, Hidden.None);
    if (at === -1) return Hidden.None;
    state = at === nextPct ? Hidden.Percent : Hidden.Comment;
    pos = at + (state === Hidden.Percent ? 2 : 4);
  }
  return state;
}

/**
 * Finds markers in a whole text for a scan that walks its lines in order
 * (scanHiddenLine over a file read in place): each search's answer is kept
 * and reused until the scan passes it, so the scan of the file stays linear
 * however far apart the markers are (a bare `indexOf` per line would search
 * to the next marker from every line).
 */
export class MarkerIndex {
  private readonly memo = new Map<string, { from: number; at: number }>();
  constructor(readonly text: string) {}
  /** `text.indexOf(marker, from)`. */
  find(marker: string, from: number): number {
    const m = this.memo.get(marker);
    if (m && m.from <= from && (m.at === -1 || m.at >= from)) return m.at;
    const at = this.text.indexOf(marker, from);
    this.memo.set(marker, { from, at });
    return at;
  }
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;

/** A fence the line opens (its character and length), unless a backtick fence's info string holds a backtick. */
export function openFence(line: string): { ch: string; len: number } | undefined {
  const m = FENCE_OPEN.exec(line);
  if (!m) return undefined;
  if (m[1][0] === '`' && m[2].includes('`')) return undefined;
  return { ch: m[1][0], len: m[1].length };
}

export function closesFence(line: string, fence: { ch: string; len: number }): boolean {
  const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1][0] === fence.ch && m[1].length >= fence.len;
}

/**
 * `lines` with the hidden text of `lines[from..]` blanked out: every hidden
 * character, markers included, becomes a space, so columns stay the
 * file's own. Lines without hidden text are the same strings; when nothing
 * is hidden the array returned is `lines` itself.
 */
export function visibleLines(lines: readonly string[], from: number): readonly string[] {
  let out: string[] | undefined;
  let fence: { ch: string; len: number } | undefined;
  let state = Hidden.None;
  for (let ln = from; ln < lines.length; ln++) {
    const line = lines[ln];
    if (state === Hidden.None) {
      if (fence) {
        if (closesFence(line, fence)) fence = undefined;
        continue;
      }
      const f = openFence(line);
      if (f) {
        fence = f;
        continue;
      }
      if (line.indexOf('%%') === -1 && line.indexOf('<!--') === -1) continue;
    }
    const hiddenAt: number[] = [];
    let at = 0;
    state = scanHiddenLine(line, 0, state, (start, end, hidden) => {
      if (hidden !== Hidden.None) return;
      if (start > at) hiddenAt.push(at, start);
      at = end;
    });
    if (at < line.length) hiddenAt.push(at, line.length);
    if (!hiddenAt.length) continue;
    const visible = blankOut(line, hiddenAt);
    if (visible !== line) (out ??= lines.slice())[ln] = visible;
  }
  return out ?? lines;
}

/** `line` with the spans [s0, e0, s1, e1, …) turned to spaces. */
function blankOut(line: string, spans: readonly number[]): string {
  if (spans.length <= 64) {
    let out = '';
    let at = 0;
    for (let k = 0; k < spans.length; k += 2) {
      out += line.slice(at, spans[k]) + blanks(spans[k + 1] - spans[k]);
      at = spans[k + 1];
    }
    return out + line.slice(at);
  }
  // Many spans (a long line of comments): one array of UTF-16 units, filled, and back.
  const units = new Uint16Array(line.length);
  for (let i = 0; i < line.length; i++) units[i] = line.charCodeAt(i);
  for (let k = 0; k < spans.length; k += 2) units.fill(0x20, spans[k], spans[k + 1]);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

let spaces = ' '.repeat(256);
/** `n` spaces, cut from one string that grows as needed. */
function blanks(n: number): string {
  while (spaces.length < n) spaces += spaces;
  return spaces.slice(0, n);
}
