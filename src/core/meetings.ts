// One 1:1, whatever the file: a note is one, a log (SPEC §12) holds one per
// meeting. Every figure of SPEC §7 and every per-1:1 rule reads 1:1s through
// here, so that a meeting and a note count alike; a 1:1 dated after today is
// an agenda prepared ahead and counts for no figure.

import { inSections, meetingAt } from './markdown/sections';
import type { ActionItem, FeedbackEntry, Field, Meeting, OneOnOneDoc, Relationship, RetroLine } from './model';

/** One 1:1: a whole note, or one meeting of a log. */
export interface OneOnOne {
  readonly doc: OneOnOneDoc;
  /** Set for a meeting of a log. */
  readonly meeting: Meeting | undefined;
  readonly path: string;
  /** 0-based line: the meeting's heading, else 0. */
  readonly line: number;
  /** Its valid date; undefined for a note without one. */
  readonly date: string | undefined;
  readonly happiness: number | undefined;
  readonly managerRating: number | undefined;
  readonly reportRating: number | undefined;
  /** Where `rating-gap` points: the `performance:` key, or a meeting's `manager-rating` key. */
  readonly ratingField: Field | undefined;
  /** Its action items (a meeting's: those standing in it). */
  readonly items: readonly ActionItem[];
  /** Its talking points. */
  readonly talkingPoints: readonly ActionItem[];
  /** Its feedback entries (SPEC §14), dated by it. */
  readonly feedback: readonly FeedbackEntry[];
  /** Its happiness-retrospective lines. */
  readonly retro: readonly RetroLine[];
}

function inMeeting(m: Meeting, line: number): boolean {
  return line > m.line && line < m.endLine;
}

/** The 1:1s a note holds: itself, or a log's meetings in file order. */
export function oneOnOnesOf(doc: OneOnOneDoc): OneOnOne[] {
  if (!doc.log) {
    return [
      {
        doc,
        meeting: undefined,
        path: doc.path,
        line: 0,
        date: doc.date,
        happiness: doc.happiness,
        managerRating: doc.managerRating,
        reportRating: doc.reportRating,
        ratingField: doc.performanceField,
        items: doc.items,
        talkingPoints: doc.talkingPoints,
        feedback: doc.feedback,
        retro: doc.retro,
      },
    ];
  }
  return doc.meetings.map((m) => ({
    doc,
    meeting: m,
    path: doc.path,
    line: m.line,
    date: m.date,
    happiness: m.happiness,
    managerRating: m.managerRating,
    reportRating: m.reportRating,
    ratingField: m.managerRatingField,
    items: doc.items.filter((i) => inMeeting(m, i.line)),
    talkingPoints: doc.talkingPoints.filter((i) => inMeeting(m, i.line)),
    feedback: doc.feedback.filter((f) => inMeeting(m, f.line)),
    retro: doc.retro.filter((r) => inMeeting(m, r.line)),
  }));
}

/** The 1:1s of these notes dated today or earlier (held, not prepared ahead), oldest first. */
export function heldOneOnOnes(notes: readonly OneOnOneDoc[], today: string): OneOnOne[] {
  const out: OneOnOne[] = [];
  for (const n of notes) for (const o of oneOnOnesOf(n)) if (o.date && o.date <= today) out.push(o);
  return out.sort((a, b) => a.date!.localeCompare(b.date!) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** The latest date of a held 1:1 among these notes (SPEC §7 "last 1:1", §12). */
export function lastHeldDate(notes: readonly OneOnOneDoc[], today: string): string | undefined {
  let last: string | undefined;
  for (const n of notes) for (const o of oneOnOnesOf(n)) if (o.date && o.date <= today && (!last || o.date > last)) last = o.date;
  return last;
}

/** Performance fields and rating-gap apply to reports only (SPEC §11). */
export function ratesPerformance(relationship: Relationship | undefined): boolean {
  return relationship === undefined || relationship === 'report';
}

/**
 * Open talking points still waiting (SPEC §13 "pending talking points"): in
 * 1:1s dated today or later and outside every meeting of a log. The inbox is
 * the person file's (PersonDoc.inbox), added by `pendingTalkingPoints`.
 */
export function pendingIn(doc: OneOnOneDoc, today: string): ActionItem[] {
  const out: ActionItem[] = [];
  for (const tp of doc.talkingPoints) {
    if (tp.status !== 'open') continue;
    if (doc.log) {
      const m = meetingAt(doc.meetings, tp.line);
      if (!m || m.date >= today) out.push(tp);
    } else if (doc.date && doc.date >= today) out.push(tp);
  }
  return out;
}

/** Is this line inside a talking-points section of the note? */
export function isTalkingPointLine(doc: OneOnOneDoc, line: number): boolean {
  return inSections(doc.talkingPointSections, line);
}
