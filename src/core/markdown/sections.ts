// Sections of a note's body: talking-points sections (SPEC §13), a log's
// dated headings and meetings (SPEC §12), and per-meeting `key:: value`
// fields. Pure functions over the lines and the block scan's headings.

import { isValidDate } from '../dates';
import type { ActionItem, DateField, Field, Heading, Meeting, Section } from '../model';
import type { Range } from '../types';
import { canonicalKey } from './tokens';

/** The default `cadence.talkingPointHeadings` (compared case-insensitively, trimmed). */
export const DEFAULT_TALKING_POINT_HEADINGS: readonly string[] = ['Talking points', 'Agenda'];

/** A heading's text as a section name: trimmed, lower-cased, without wrapping emphasis. */
export function sectionName(text: string): string {
  return text
    .trim()
    .replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2')
    .trim()
    .toLowerCase();
}

/** The section a heading opens: to the next heading with as many `#`s or fewer, else the end. */
export function sectionOf(headings: readonly Heading[], index: number, lineCount: number): Section {
  const h = headings[index];
  let endLine = lineCount;
  for (let j = index + 1; j < headings.length; j++) {
    if (headings[j].depth <= h.depth) {
      endLine = headings[j].line;
      break;
    }
  }
  return { line: h.line, depth: h.depth, endLine };
}

/** The talking-points sections (SPEC §13): headings named one of `names` (any case), in file order. */
export function talkingPointSections(headings: readonly Heading[], lineCount: number, names: readonly string[] = DEFAULT_TALKING_POINT_HEADINGS): Section[] {
  const wanted = new Set(names.map(sectionName));
  const out: Section[] = [];
  headings.forEach((h, i) => {
    if (wanted.has(sectionName(h.text))) out.push(sectionOf(headings, i, lineCount));
  });
  return out;
}

/** Is `line` inside one of `sections`? */
export function inSections(sections: readonly Section[], line: number): boolean {
  for (const s of sections) if (line > s.line && line < s.endLine) return true;
  return false;
}

/** Splits task items into action items and talking points (those inside a talking-points section). */
export function splitTalkingPoints(items: readonly ActionItem[], sections: readonly Section[]): { items: ActionItem[]; talkingPoints: ActionItem[] } {
  const out: ActionItem[] = [];
  const tps: ActionItem[] = [];
  for (const i of items) (sections.length && inSections(sections, i.line) ? tps : out).push(i);
  return { items: out, talkingPoints: tps };
}

/**
 * A dated heading's date token (SPEC §12): the heading's text starts with
 * `dddd-dd-dd`, optionally inside `[[…]]` or `**…**`, followed by the end of
 * the heading or a character that is not a digit. Read from the source line,
 * so that an ATX heading and the first line of a setext one read alike
 * whatever the block reader made of their markup.
 */
export function datedHeading(lineText: string, line: number): { raw: string; range: Range } | undefined {
  let start = 0;
  const atx = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(lineText);
  if (atx) start = atx[0].length;
  else {
    while (start < lineText.length && (lineText[start] === ' ' || lineText[start] === '\t')) start++;
  }
  const m = /^(\[\[|\*\*|__)?(\d{4}-\d{2}-\d{2})(?!\d)/.exec(lineText.slice(start));
  if (!m) return undefined;
  const s = start + (m[1]?.length ?? 0);
  return { raw: m[2], range: { start: { line, character: s }, end: { line, character: s + 10 } } };
}

/** `key:: value` on its own line or as a list item; the key in Dataview's canonical form. */
const INLINE_FIELD = /^(\s*(?:[-*+]\s+|\d{1,9}[.)]\s+)?)([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)\s*::[ \t]*(.*?)\s*$/u;


function inlineField(lineText: string, line: number): Field | undefined {
  const m = INLINE_FIELD.exec(lineText);
  if (!m) return undefined;
  const keyStart = m[1].length;
  let valueStart = lineText.indexOf('::', keyStart + m[2].length) + 2;
  while (lineText[valueStart] === ' ' || lineText[valueStart] === '\t') valueStart++;
  const raw = m[3];
  const num = /^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : undefined;
  return {
    key: canonicalKey(m[2]),
    value: raw === '' ? null : (num ?? raw),
    isNull: raw === '',
    range: { start: { line, character: valueStart }, end: { line, character: valueStart + raw.length } },
    keyRange: { start: { line, character: keyStart }, end: { line, character: keyStart + m[2].length } },
  };
}

function rating(f: Field | undefined): number | undefined {
  const v = f?.value;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : undefined;
}

export interface LogRead {
  readonly meetings: Meeting[];
  /** The meeting level L, or 0 with no dated heading. */
  readonly depth: number;
  /** Dated headings whose date is not real (invalid-date), as date fields. */
  readonly badDates: DateField[];
}

/**
 * A log's meetings (SPEC §12). L is the level of the first dated heading;
 * each dated heading of level L with a real date begins a meeting that runs
 * to the next heading of level L or above. A dated heading whose date is not
 * real begins none (it is returned in `badDates`). Per-meeting fields are
 * read from the meeting's lines outside `codeLines`. `lines` are the note's
 * visible lines (BodyRead.visible): nothing in hidden text is a field or a
 * dated heading (SPEC §10).
 */
export function readLog(lines: readonly string[], headings: readonly Heading[], codeLines: ReadonlySet<number>): LogRead {
  const dated = headings.map((h) => datedHeading(lines[h.line] ?? '', h.line));
  const first = dated.findIndex((d) => d !== undefined);
  const badDates: DateField[] = [];
  const meetings: Meeting[] = [];
  if (first === -1) return { meetings, depth: 0, badDates };
  const depth = headings[first].depth;
  const headingLines = new Set(headings.map((h) => h.line));
  headings.forEach((h, i) => {
    const d = dated[i];
    if (!d) return;
    if (!isValidDate(d.raw)) {
      badDates.push({ name: 'meeting heading', raw: d.raw, valid: false, value: undefined, range: d.range });
      return;
    }
    if (h.depth !== depth) return;
    let endLine = lines.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= depth) {
        endLine = headings[j].line;
        break;
      }
    }
    const fields = new Map<string, Field>();
    for (let l = h.line + 1; l < endLine; l++) {
      if (codeLines.has(l) || headingLines.has(l)) continue;
      const f = inlineField(lines[l], l);
      if (f && !fields.has(f.key)) fields.set(f.key, f);
    }
    const happinessField = fields.get('happiness');
    const managerRatingField = fields.get('manager-rating');
    const reportRatingField = fields.get('report-rating');
    meetings.push({
      line: h.line,
      depth,
      endLine,
      date: d.raw,
      dateRange: d.range,
      happinessField,
      managerRatingField,
      reportRatingField,
      happiness: rating(happinessField),
      managerRating: rating(managerRatingField),
      reportRating: rating(reportRatingField),
    });
  });
  return { meetings, depth, badDates };
}

/** The meeting a line stands in, if any (meetings in file order). */
export function meetingAt(meetings: readonly Meeting[], line: number): Meeting | undefined {
  for (const m of meetings) if (line > m.line && line < m.endLine) return m;
  return undefined;
}

/** What parsing depends on beyond the text: the setting `cadence.talkingPointHeadings`. */
export interface ParseOptions {
  readonly talkingPointHeadings?: readonly string[];
}
