// The OKR meeting's structure (SPEC §19): which sections of an OKR review
// are about which objective of the reviewed set, and which decisions they
// hold. The rules review-decision-missing and pre-read-late, and the
// pre-read, read reviews through here.

import { addDays } from './dates';
import type { Decision, Heading, Objective, OkrSetDoc, ReviewDoc } from './model';

/** A review's section about one objective: from its `##` heading to the next `##` or `#` heading. */
export interface ObjectiveSection {
  readonly objective: Objective;
  readonly heading: Heading;
  /** Lines [from, to) of the section, its heading line first. */
  readonly from: number;
  readonly to: number;
  /** The `Decision:` lines in the section, valid or not, in order. */
  readonly decisions: readonly Decision[];
}

/**
 * A heading's first word, as an objective id is written at the start of it:
 * the first run of non-blank characters, without emphasis or code marks
 * around it and without a `:`, `.`, `,`, `;` or `)` after it (`**O1**`,
 * `O1:` and `O1.` all give `O1`).
 */
export function headingFirstWord(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return first.replace(/^[*_`]+/, '').replace(/[*_`]+$/, '').replace(/[:.,;)]+$/, '').replace(/[*_`]+$/, '');
}

/**
 * The objective sections of `review` (SPEC §19): each `##` heading whose
 * first word is the id of an objective of `set` (compared
 * case-insensitively), up to the next `##` or `#` heading. None when the set
 * is not found (`set` undefined).
 */
export function objectiveSections(review: ReviewDoc, set: OkrSetDoc | undefined): ObjectiveSection[] {
  if (!set) return [];
  const byKey = new Map(set.objectives.map((o) => [o.key, o] as const));
  const out: ObjectiveSection[] = [];
  const hs = review.headings;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    if (h.depth !== 2) continue;
    const objective = byKey.get(headingFirstWord(h.text).toLowerCase());
    if (!objective) continue;
    let to = review.lineCount;
    for (let j = i + 1; j < hs.length; j++) {
      if (hs[j].depth <= 2) {
        to = hs[j].line;
        break;
      }
    }
    out.push({ objective, heading: h, from: h.line, to, decisions: review.decisions.filter((d) => d.line > h.line && d.line < to) });
  }
  return out;
}

/** The latest date a review's pre-read may be sent: 7 days before the meeting (SPEC §6, §19). */
export function preReadDue(meeting: string): string {
  return addDays(meeting, -7);
}
