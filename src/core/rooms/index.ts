// The two rooms (SPEC §15): what of each file is private text and what is
// shared text, and the passages of shared files that repeat private text.
// Pure: texts in, passages out. The Dataset keeps one LeakIndex and feeds
// it each file as it changes (rooms-input.ts says what each kind of file
// is); `findLeaks` does the same for a list of texts at once.

import { isValidDate } from '../dates';
import { splitFrontMatter } from '../markdown/body';
import { LeakIndex, type LeakPassage } from './leak-index';
import { markdownProfile, yamlProfile, type MeetingSpan, type RoomsProfile } from './profile';
import { hasConflictBlock, headingsOf, type HeadingAt } from './regions';
import type { WordDictionary } from './words';

export { LeakIndex, type LeakPassage } from './leak-index';
export { privateBlocks, headingsOf, hasConflictBlock, type PrivateBlock, type HeadingAt } from './regions';
export type { RoomsProfile } from './profile';
export { WordDictionary } from './words';

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
    if (hasConflictBlock(file.text.split('\n'))) return undefined;
    return yamlProfile(file.text, dict);
  }
  const split = splitFrontMatter(file.text);
  if (hasConflictBlock(split.lines)) return undefined;
  const headings = headingsOf(split.lines, split.bodyLine);
  const meetings = file.mayBeLog ? meetingsOf(headings, split.lines.length) : [];
  return markdownProfile(
    {
      lines: split.lines,
      bodyLine: split.bodyLine,
      body: file.room,
      date: file.date && isValidDate(file.date) ? file.date : undefined,
      meetings: meetings.length ? meetings : undefined,
      headings,
    },
    dict,
  );
}

/**
 * Every passage of a shared file that repeats private text (SPEC §15), by
 * path, for a whole workspace at once; `today` (YYYY-MM-DD) dates the files
 * that have no date. Files without passages are left out.
 */
export function findLeaks(files: readonly RoomsFile[], today: string): Map<string, LeakPassage[]> {
  const index = new LeakIndex();
  for (const f of files) {
    index.set(f.path, profileOf(f, index.dict));
    if (f.titles) index.setTitles(f.path, f.titles);
  }
  const out = new Map<string, LeakPassage[]>();
  for (const f of files) {
    const p = index.passages(f.path, today);
    if (p.length) out.set(f.path, p);
  }
  return out;
}
