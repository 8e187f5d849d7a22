// A file's text for the two rooms (SPEC §15), as numbers: its private text
// and its shared text, each a stream of word numbers cut into runs, with
// what the rule needs to know of each word (the line it stands on; for
// private text whether it is always a source or dated; for shared text the
// date it is judged at and its exact columns).
//
// Built once per version of a file (`markdownProfile`, `yamlProfile`), from
// its text and what its parser found (kind, visibility, date, meetings). The
// leak index (leak-index.ts) keeps the profiles of every file.

import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { guardYaml, MAX_YAML_CHARS } from '../parse/yaml-guard';
import { LineIndex } from '../text';
import { headingsOf, Role, scanRegions, TextLines, type HeadingAt, type RegionSink } from './regions';
import { CUT, cut, type WordDictionary } from './words';

/** A date as the number yyyymmdd (0: none). */
export function dateNumber(date: string | undefined): number {
  // Read digit by digit (it runs for every piece of a log's text): no string made.
  if (!date || date.length !== 10) return 0;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    const c = date.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return 0;
    } else if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else return 0;
  }
  return n;
}

/** Private text: where each word stands and whether it is always a source. */
export interface PrivateStream {
  /** Word numbers (WordDictionary), in text order. */
  readonly ids: Uint32Array;
  /** The exclusive end of each run, ascending; the last is ids.length. */
  readonly runEnds: Uint32Array;
  /** Pairs [first word, line (0-based)], one per line that has words, ascending. */
  readonly lines: Uint32Array;
  /**
   * Pairs [first word, date], ascending: from that word on, the text is a
   * 1:1 note's or meeting's (date yyyymmdd, a source only for shared files
   * dated that day or later) or always a source (0: person files, private
   * blocks, `%%` text, undated notes).
   */
  readonly dates: Uint32Array;
}

/** Shared text: where each word stands, exactly, and the date it is judged at. */
export interface SharedStream {
  readonly ids: Uint32Array;
  readonly runEnds: Uint32Array;
  /** Pairs [first word, line (0-based)], one per line that has words, ascending (`wordLine`). */
  readonly lines: Uint32Array;
  /**
   * Pairs per word: start column, end column on its line (UTF-16, 0-based,
   * end exclusive); 16-bit unless a column reaches 65,536 (4 bytes a word,
   * not 12 with the line beside each: shared text is held for every shared file).
   */
  readonly cols: Uint16Array | Uint32Array;
  /** Pairs [first word, date yyyymmdd]; 0 is "today" (an undated file, text outside every meeting). */
  readonly dates: Uint32Array;
}

export interface RoomsProfile {
  readonly private?: PrivateStream;
  readonly shared?: SharedStream;
}

/** The line (0-based) word `w` of a stream stands on. */
export function wordLine(stream: PrivateStream | SharedStream, w: number): number {
  return valueAt(stream.lines, w);
}

/** Which words of `stream` stand on line `line`: [first, end). */
export function lineWords(stream: PrivateStream, line: number): [number, number] {
  const l = stream.lines;
  for (let i = 0; i < l.length; i += 2) {
    if (l[i + 1] === line) return [l[i], i + 2 < l.length ? l[i + 2] : stream.ids.length];
  }
  return [0, 0];
}

/** The value of a [first word, value] pair list at word `w`. */
export function valueAt(pairs: Uint32Array, w: number): number {
  let lo = 0;
  let hi = pairs.length / 2 - 1;
  if (hi < 0 || pairs[0] > w) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pairs[mid * 2] <= w) lo = mid;
    else hi = mid - 1;
  }
  return pairs[lo * 2 + 1];
}

/** A growable scratch buffer of numbers, reused from one file to the next. */
class Scratch {
  buf = new Uint32Array(4096);
  n = 0;
  push(x: number): void {
    if (this.n === this.buf.length) {
      const b = new Uint32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = x;
  }
  /** A copy of what was pushed. */
  take(): Uint32Array {
    return this.buf.slice(0, this.n);
  }
}

/**
 * Collects one stream of a file (a RoomSink): each word with the `line`,
 * `lineStart` and `date` set before the piece of text it stands in. The
 * scratch buffers are reused, so a builder serves one file at a time.
 */
class StreamBuilder {
  private readonly ids = new Scratch();
  private readonly runEnds = new Scratch();
  private readonly lineTable = new Scratch();
  private readonly dateTable = new Scratch();
  private readonly cols = new Scratch();
  /** The largest column in `cols`. */
  private maxCol = 0;
  private lastLine = -1;
  private lastDate = -1;
  /** The line, its start offset and the date of the words to come. */
  line = 0;
  lineStart = 0;
  date = 0;

  constructor(private readonly withPos: boolean) {}

  reset(): void {
    this.ids.n = this.runEnds.n = this.lineTable.n = this.dateTable.n = this.cols.n = 0;
    this.lastLine = this.lastDate = -1;
    this.maxCol = 0;
  }

  words(text: string, start: number, end: number, dict: WordDictionary): void {
    const n = cut(text, start, end, dict);
    for (let k = 0; k < n; k++) this.word(CUT.ids[k], CUT.starts[k], CUT.ends[k]);
  }

  private word(id: number, start: number, end: number): void {
    const w = this.ids.n;
    if (this.line !== this.lastLine) {
      this.lineTable.push(w);
      this.lineTable.push(this.line);
      this.lastLine = this.line;
    }
    if (this.date !== this.lastDate) {
      this.dateTable.push(w);
      this.dateTable.push(this.date);
      this.lastDate = this.date;
    }
    if (this.withPos) {
      const to = end - this.lineStart;
      this.cols.push(start - this.lineStart);
      this.cols.push(to);
      if (to > this.maxCol) this.maxCol = to;
    }
    this.ids.push(id);
  }

  brk(): void {
    const n = this.ids.n;
    if (n > (this.runEnds.n ? this.runEnds.buf[this.runEnds.n - 1] : 0)) this.runEnds.push(n);
  }

  private finishCommon(): { ids: Uint32Array; runEnds: Uint32Array; lines: Uint32Array; dates: Uint32Array } | undefined {
    this.brk();
    if (!this.ids.n) return undefined;
    return { ids: this.ids.take(), runEnds: this.runEnds.take(), lines: this.lineTable.take(), dates: this.dateTable.take() };
  }

  private(): PrivateStream | undefined {
    return this.finishCommon();
  }

  shared(): SharedStream | undefined {
    const c = this.finishCommon();
    if (!c) return undefined;
    const cols = this.maxCol < 0x10000 ? Uint16Array.from(this.cols.buf.subarray(0, this.cols.n)) : this.cols.take();
    return { ...c, cols };
  }
}

/** The two builders every profile is made with (one file at a time). */
const PRIVATE = new StreamBuilder(false);
const SHARED = new StreamBuilder(true);

/** A meeting of a 1:1 log (SPEC §12): lines [start, end) dated `date`. */
export interface MeetingSpan {
  readonly start: number;
  readonly end: number;
  readonly date: string;
}

export interface MarkdownRoomsInput {
  readonly lines: TextLines;
  /** The first line after the front matter (0 without one). */
  readonly bodyLine: number;
  /**
   * What the body is: private text (a private 1:1 note or log, a person
   * file), shared text (a shared 1:1, an OKR review, a `sharedGlobs` file),
   * or neither (only its private blocks and `%%` text are private text).
   */
  readonly body: 'private' | 'shared' | 'none';
  /** The note's date (YYYY-MM-DD) when it has one: private text dated, shared text judged at it. */
  readonly date?: string;
  /** A log's meetings: their lines take the meeting's date; lines outside every meeting are undated. */
  readonly meetings?: readonly MeetingSpan[];
  /** The body's headings, when already found (headingsOf). */
  readonly headings?: readonly HeadingAt[];
}

/**
 * The profile of a Markdown file (SPEC §15). Front matter and headings are
 * not text; private blocks and `%%` text are private text always; an HTML
 * comment is private text in a private body and no text in a shared one.
 */
export function markdownProfile(input: MarkdownRoomsInput, dict: WordDictionary): RoomsProfile {
  PRIVATE.reset();
  SHARED.reset();
  scanMarkdown(input, dict, PRIVATE, SHARED);
  return { private: PRIVATE.private(), shared: SHARED.shared() };
}

/** What takes the words of one room's text, piece by piece, with the line and date set before each, and run ends. */
export interface RoomSink {
  /** Takes the words of text[start, end) (cut them: `cut`, CUT). */
  words(text: string, start: number, end: number, dict: WordDictionary): void;
  line: number;
  /** The offset in the text where `line` starts (a word's column is its offset minus it). */
  lineStart: number;
  date: number;
  brk(): void;
}

/**
 * The words of a Markdown file's private text into `priv` and of its shared
 * text into `shared` (left out when undefined), as markdownProfile reads them.
 */
export function scanMarkdown(input: MarkdownRoomsInput, dict: WordDictionary, priv: RoomSink, shared: RoomSink | undefined): void {
  const noteDate = dateNumber(input.date);
  const meetings = input.meetings ?? [];
  let m = 0;
  const dateOfLine = (line: number): number => {
    if (!input.meetings) return noteDate;
    while (m < meetings.length && meetings[m].end <= line) m++;
    return m < meetings.length && meetings[m].start <= line ? dateNumber(meetings[m].date) : 0;
  };
  const sink: RegionSink = {
    text(line, lineStart, text, start, end, role) {
      let into: RoomSink | undefined;
      let date = 0;
      if (role === Role.Private) into = priv;
      else if (input.body === 'private') {
        into = priv;
        date = dateOfLine(line);
      } else if (input.body === 'shared' && role === Role.Body) {
        into = shared;
        date = dateOfLine(line);
      }
      if (!into) return;
      into.line = line;
      into.lineStart = lineStart;
      into.date = date;
      into.words(text, start, end, dict);
    },
    brk() {
      priv.brk();
      shared?.brk();
    },
  };
  // Without hidden text (`<!--`, `%%`), the scan finds the same headings on
  // its way as headingsOf would (it reads fences alike), and asks headingsOf
  // itself when a setext underline may stand: no first pass over most files.
  const t = input.lines.text;
  const inline = !input.headings && t.indexOf('<!--') === -1 && t.indexOf('%%') === -1;
  scanRegions(input.lines, input.bodyLine, sink, { headings: inline ? undefined : input.headings ?? headingsOf(input.lines, input.bodyLine) });
  priv.brk();
}

/**
 * The profile of an OKR set (SPEC §15): each string value is shared text,
 * its own run, judged as of today; `%%` text inside a value (and a private
 * block inside a multi-line value) is private text. Keys, numbers, dates and
 * YAML comments are not text. YAML that does not parse has no text, and
 * neither has YAML beyond what Cadence reads (SPEC §10): it goes through the
 * same guard as the OKR parser (parse/yaml-guard.ts), keys are not checked
 * for repeats (the parser's check is quadratic; the OKR parser reports
 * them), and a value is scanned as its own source, without copying the
 * columns before it, so a megabyte one-line collection stays linear.
 */
export function yamlProfile(text: string, dict: WordDictionary): RoomsProfile {
  const priv = PRIVATE;
  const shared = SHARED;
  priv.reset();
  shared.reset();
  const guarded = guardYaml(text);
  if (guarded.size > MAX_YAML_CHARS) return {};
  const source = guarded.text;
  let doc;
  try {
    doc = parseDocument(source, { prettyErrors: false, strict: false, uniqueKeys: false });
  } catch {
    return {};
  }
  if (doc.errors.length) return {};
  const lines = source.split('\n');
  const index = new LineIndex(source);
  const value = (node: Node): void => {
    const r = node.range;
    if (!r || r[1] <= r[0]) return;
    const from = index.positionAt(r[0]);
    const to = index.positionAt(r[1]);
    const first = from.line;
    // The value's own source; its first line starts at column `from.character` of the file.
    const slice: string[] = [];
    for (let l = first; l <= to.line; l++) {
      const line = lines[l];
      const a = l === first ? from.character : 0;
      const b = l === to.line ? Math.min(line.length, to.character) : line.length;
      slice.push(b > a ? line.slice(a, b) : '');
    }
    const shift = from.character;
    priv.brk();
    shared.brk();
    scanRegions(TextLines.of(slice), 0, {
      text(line, lineStart, t, start, end, role) {
        const into = role === Role.Private ? priv : role === Role.Body ? shared : undefined;
        if (!into) return;
        into.line = first + line;
        // Columns are the file's: on the value's first line, offsets count from its column.
        into.lineStart = line === 0 ? lineStart - shift : lineStart;
        into.date = 0;
        into.words(t, start, end, dict);
      },
      brk() {
        priv.brk();
        shared.brk();
      },
    }, { headings: [] });
    priv.brk();
    shared.brk();
  };
  const visit = (node: unknown): void => {
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) visit(item.value);
        else visit(item);
      }
    } else if (isScalar(node) && typeof node.value === 'string') value(node);
  };
  visit(doc.contents);
  return { private: priv.private(), shared: shared.shared() };
}
