// What each kind of file is to the two rooms (SPEC §15): a person file's and
// a private 1:1's body is private text; a shared 1:1's, an OKR review's, an
// OKR set's string values and a `cadence.sharedGlobs` file's body are shared
// text; private blocks and `%%` text are private in any of them.

import { dateInFileName } from '../dates';
import { splitFrontMatter } from '../markdown/body';
import type { Doc, FileKind, OkrSetDoc } from '../model';
import { readFastFrontMatter } from '../parse/fast-front-matter';
import type { RoomsFile } from './file';
import type { MeetingSpan } from './profile';

/** What decides a file's rooms, from its document or (a restored file) its text. */
export interface RoomFacts {
  readonly kind: FileKind;
  /** A 1:1 with `visibility: shared` (compared case-insensitively). */
  readonly shared: boolean;
  /** A 1:1's or OKR review's date, when valid. */
  readonly date: string | undefined;
  /** A 1:1 has a `date:` field (valid or not): then it is not a log. */
  readonly dateField: boolean;
  /** An OKR set's objective and key-result titles. */
  readonly titles?: readonly string[];
  /** A log's meetings, as its parser found them. */
  readonly meetings?: readonly MeetingSpan[];
}

/** The titles of an OKR set's objectives and key results (SPEC §15's title exceptions). */
export function okrTitles(doc: OkrSetDoc): string[] {
  const out: string[] = [];
  for (const o of doc.objectives) {
    if (o.title) out.push(o.title);
    for (const k of o.keyResults) if (k.title) out.push(k.title);
  }
  return out;
}

export function factsOfDoc(doc: Doc): RoomFacts {
  switch (doc.kind) {
    case '1on1':
      return {
        kind: doc.kind,
        shared: doc.visibility === 'shared',
        date: doc.date,
        dateField: doc.dateField !== undefined,
        meetings: doc.log ? doc.meetings.map((m) => ({ start: m.line, end: m.endLine, date: m.date })) : [],
      };
    case 'okr-review':
      return { kind: doc.kind, shared: true, date: doc.date, dateField: doc.date !== undefined };
    case 'okr':
      return { kind: doc.kind, shared: true, date: undefined, dateField: false, titles: okrTitles(doc) };
    default:
      return { kind: doc.kind, shared: doc.kind === 'shared-doc', date: undefined, dateField: false };
  }
}

/**
 * The facts of a file restored without its document loaded, from its text
 * and its summary's date (a 1:1's): person files, 1:1s and shared documents
 * whose front matter the fast reader takes; undefined otherwise (the caller
 * then loads the document).
 */
export function factsOfText(kind: FileKind, text: string, summaryDate: string | undefined): RoomFacts | undefined {
  if (kind === 'person' || kind === 'shared-doc' || kind === 'review-packet') return { kind, shared: kind === 'shared-doc', date: undefined, dateField: false };
  if (kind !== '1on1') return undefined;
  const split = splitFrontMatter(text);
  const fm = split.yaml === undefined ? { fields: new Map() } : readFastFrontMatter(split.lines.slice(split.yamlLine, split.bodyLine - 1), split.yamlLine);
  if (!fm) return undefined;
  const vis = fm.fields.get('visibility')?.value;
  return { kind, shared: typeof vis === 'string' && vis.trim().toLowerCase() === 'shared', date: summaryDate, dateField: fm.fields.has('date') };
}

/** The file as the two rooms read it. */
export function roomsFileOf(path: string, text: string, facts: RoomFacts): RoomsFile {
  switch (facts.kind) {
    case 'person':
      return { path, text, format: 'markdown', room: 'private' };
    case '1on1':
      return { path, text, format: 'markdown', room: facts.shared ? 'shared' : 'private', date: facts.date, mayBeLog: !facts.dateField && !dateInFileName(path), meetings: facts.meetings };
    case 'okr-review':
      return { path, text, format: 'markdown', room: 'shared', date: facts.date };
    case 'okr':
      return { path, text, format: 'yaml', room: 'shared', titles: facts.titles ?? [] };
    case 'review-packet':
      // Private, but only copies (SPEC §15): neither a source nor a shared file.
      return { path, text, format: 'markdown', room: 'none' };
    default:
      return { path, text, format: 'markdown', room: 'shared' };
  }
}
