// One file as the two rooms see it (RoomsFile), and what becomes of it: its
// profile (its private and shared text as word numbers), or, for a file
// with private text only, just the windows of that text (windowsOf: what a
// first judgement of a whole workspace needs of most files).

import { isValidDate } from '../dates';
import { markdownProfile, scanMarkdown, yamlProfile, type MeetingSpan, type RoomSink, type RoomsProfile } from './profile';
import { hasConflictBlock, headingsOf, TextLines, type HeadingAt } from './regions';
import type { WordDictionary } from './words';

/** One file as the two rooms see it. */
export interface RoomsFile {
  /** Workspace-relative, `/`-separated. */
  readonly path: string;
  /** Normalised text (see `normalize`): LF line ends, no BOM. */
  readonly text: string;
  /** Markdown (front matter, then a body) or YAML (an OKR set: each string value is text). */
  readonly format: 'markdown' | 'yaml';
  /**
   * Whose text the body is: `private` (a 1:1 note or log that is not
   * shared, a person file), `shared` (a shared 1:1, an OKR review or set,
   * a `cadence.sharedGlobs` file) or `none` (only its private blocks and
   * `%%` text count: a review packet, which holds only copies, has neither).
   */
  readonly room: 'private' | 'shared' | 'none';
  /** A 1:1 note's or OKR review's date (YYYY-MM-DD), when valid. */
  readonly date?: string;
  /** A 1:1 file with no `date:` field and no date in its name: a log when it has dated headings (SPEC §12). */
  readonly mayBeLog?: boolean;
  /** A log's meetings as its parser found them (else found here when `mayBeLog`). */
  readonly meetings?: readonly MeetingSpan[];
  /** An OKR set's objective and key-result titles. */
  readonly titles?: readonly string[];
}

const DATED_HEADING = /^(?:\[\[|\*\*)?(\d{4}-\d{2}-\d{2})(?!\d)/;

/**
 * A log's meetings (SPEC §12): with L the level of the first dated heading,
 * each dated heading of level L whose date is real begins a meeting, which
 * runs to the next heading of level L or above. Empty when the body has no
 * dated heading (it is then not a log).
 */
export function meetingsOf(headings: readonly HeadingAt[], lineCount: number): MeetingSpan[] {
  // A setext heading's text lines are one heading.
  const hs = headings.filter((h, i) => !(i > 0 && headings[i - 1].line === h.line - 1 && headings[i - 1].text === h.text && headings[i - 1].depth === h.depth));
  const firstDated = hs.find((h) => DATED_HEADING.test(h.text));
  if (!firstDated) return [];
  const level = firstDated.depth;
  const out: MeetingSpan[] = [];
  let open: { start: number; date: string } | undefined;
  for (const h of hs) {
    if (h.depth > level) continue;
    if (open) {
      out.push({ start: open.start, end: h.line, date: open.date });
      open = undefined;
    }
    const m = DATED_HEADING.exec(h.text);
    if (m && h.depth === level && isValidDate(m[1])) open = { start: h.line, date: m[1] };
  }
  if (open) out.push({ start: open.start, end: lineCount, date: open.date });
  return out;
}

/** The rooms profile of one file (undefined when it has no text for the rule: a file in git conflict). */
export function profileOf(file: RoomsFile, dict: WordDictionary): RoomsProfile | undefined {
  if (file.format === 'yaml') {
    if (hasConflictBlock(new TextLines(file.text))) return undefined;
    return yamlProfile(file.text, dict);
  }
  const input = markdownInput(file);
  return input && markdownProfile(input, dict);
}

/** The first body line: after a front matter (`---` lines at the very top), else 0 (as splitFrontMatter reads it). */
function bodyLineOf(v: TextLines): number {
  const fence = (l: number) => /^---[ \t]*$/.test(v.line(l));
  if (v.count < 2 || !v.text.startsWith('---') || !fence(0)) return 0;
  for (let l = 1; l < v.count; l++) if (v.text.startsWith('---', v.starts[l]) && fence(l)) return l + 1;
  return 0;
}

function markdownInput(file: RoomsFile) {
  const v = new TextLines(file.text);
  if (hasConflictBlock(v)) return undefined;
  const bodyLine = bodyLineOf(v);
  // Headings are found by the scan itself, unless a log's meetings need them first.
  const headings = file.mayBeLog && !file.meetings ? headingsOf(v, bodyLine) : undefined;
  const meetings = file.meetings ?? (headings ? meetingsOf(headings, v.count) : []);
  return {
    lines: v,
    bodyLine,
    body: file.room,
    date: file.date && isValidDate(file.date) ? file.date : undefined,
    meetings: meetings.length ? meetings : undefined,
    headings,
  };
}

/** Has the file shared text (a body others read, or an OKR set's values)? Without, it is only ever a source. */
export function hasSharedText(file: Pick<RoomsFile, 'room'>): boolean {
  return file.room === 'shared';
}

/**
 * The words of a file without shared text into `sink` (its private text,
 * run by run), without making its profile.
 */
export function privateWordsOf(file: RoomsFile, dict: WordDictionary, sink: RoomSink): void {
  if (file.format === 'yaml' || hasSharedText(file)) throw new Error('privateWordsOf: a file with shared text');
  const input = markdownInput(file);
  if (input) scanMarkdown(input, dict, sink, undefined);
}

