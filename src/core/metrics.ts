// The figures of SPEC §7, computed from the dataset: what the trees and the
// dashboard show, and what some fixes need (the next 1:1's date).

import { addDays, daysBetween, isValidDate } from './dates';
import { heldOneOnOnes, pendingIn, ratesPerformance } from './meetings';
import { meetingAt } from './markdown/sections';
import type { ActionItem, KeyResult, Objective, OkrSetDoc, OneOnOneDoc, PersonDoc, Relationship } from './model';
import type { DatasetQuery } from './rules/rule';
import type { Settings } from './settings';

interface Ctx {
  readonly today: string;
  readonly settings: Settings;
  readonly data: DatasetQuery;
}

export function cadenceOf(person: PersonDoc | undefined, settings: Settings): number {
  return person?.cadenceDays ?? settings.defaultCadenceDays;
}

/**
 * The next 1:1 with a person: the first date on their cadence after the last
 * 1:1 that is still ahead of today (today + cadence when there was none).
 */
export function nextOneOnOneDate(ctx: Ctx, key: string): string {
  const person = ctx.data.peopleWithKey(key)[0];
  const cadence = cadenceOf(person, ctx.settings);
  const last = ctx.data.lastOneOnOne(key);
  if (!last) return addDays(ctx.today, cadence);
  let next = addDays(last, cadence);
  if (next <= ctx.today) next = addDays(next, Math.ceil((daysBetween(next, ctx.today) + 1) / cadence) * cadence);
  return next;
}

export type CadenceStatus = 'ok' | 'due' | 'lapsed' | 'unknown' | 'me';

export interface PersonFigures {
  readonly lastOneOnOne: string | undefined;
  readonly daysSinceLast: number | undefined;
  readonly cadenceDays: number;
  /** last 1:1 + cadence (undefined with no 1:1 and no `since`). */
  readonly nextDue: string | undefined;
  readonly status: CadenceStatus;
  readonly openItems: number;
  readonly overdueItems: number;
  readonly completion: CompletionRate;
  readonly previousCompletion: CompletionRate;
  /** Below 70% in this window and the one before: suggest a tighter cadence. */
  readonly tightenCadence: boolean;
  /** Open talking points waiting for the next 1:1 (SPEC §13). */
  readonly pendingTalkingPoints: number;
}

export interface CompletionRate {
  readonly done: number;
  readonly open: number;
  /** done ÷ (done + open), or undefined with no items in the window. */
  readonly rate: number | undefined;
}

/**
 * Completion over the items of `notes` due in [to − days + 1, to] (SPEC §7),
 * leaving out the items of a 1:1 note or log meeting dated after `today`:
 * an agenda prepared ahead counts for no figure (SPEC §12).
 */
export function completionRate(notes: readonly OneOnOneDoc[], to: string, days: number, today: string): CompletionRate {
  const from = addDays(to, -(days - 1));
  let done = 0;
  let open = 0;
  for (const n of notes) {
    if (!n.log && n.date && n.date > today) continue;
    for (const i of n.items) {
      if (n.log && (meetingAt(n.meetings, i.line)?.date ?? '') > today) continue;
      const due = i.due?.value;
      if (!due || due < from || due > to) continue;
      if (i.status === 'done') done++;
      else if (i.status === 'open') open++;
    }
  }
  return { done, open, rate: done + open > 0 ? done / (done + open) : undefined };
}

/**
 * Where a person's 1:1s stand against their cadence, from the dates alone
 * (no note is read): what the status bar counts as lapsed.
 */
export function cadenceStatus(ctx: Ctx, person: PersonDoc): { status: CadenceStatus; last: string | undefined; ref: string | undefined; cadence: number } {
  const cadence = cadenceOf(person, ctx.settings);
  const last = ctx.data.lastOneOnOne(person.key);
  const ref = last ?? person.since?.value;
  let status: CadenceStatus = 'unknown';
  if (person.me) status = 'me';
  else if (ref) {
    const d = daysBetween(ref, ctx.today);
    status = d > 1.5 * cadence ? 'lapsed' : d >= cadence ? 'due' : 'ok';
  }
  return { status, last, ref, cadence };
}

export function personFigures(ctx: Ctx, person: PersonDoc): PersonFigures {
  const notes = ctx.data.notesOf(person.key);
  const { status, last, ref, cadence } = cadenceStatus(ctx, person);
  // The manager has no 1:1 with themselves: no next one is due.
  const nextDue = ref && !person.me ? addDays(ref, cadence) : undefined;
  const daysSinceLast = last ? daysBetween(last, ctx.today) : undefined;
  let openItems = 0;
  let overdueItems = 0;
  for (const n of notes) {
    for (const i of n.items) {
      if (i.status !== 'open') continue;
      openItems++;
      if (i.due?.value && i.due.value < ctx.today) overdueItems++;
    }
  }
  const w = ctx.settings.completionWindowDays;
  const completion = completionRate(notes, ctx.today, w, ctx.today);
  const previousCompletion = completionRate(notes, addDays(ctx.today, -w), w, ctx.today);
  const tightenCadence = completion.rate !== undefined && previousCompletion.rate !== undefined && completion.rate < 0.7 && previousCompletion.rate < 0.7;
  const pending = pendingTalkingPoints(ctx, person).length;
  return { lastOneOnOne: last, daysSinceLast, cadenceDays: cadence, nextDue, status, openItems, overdueItems, completion, previousCompletion, tightenCadence, pendingTalkingPoints: pending };
}

/** (current − start) / (target − start), clamped to 0–1; start defaults to 0. */
export function krScore(kr: KeyResult): number {
  const start = kr.start ?? 0;
  const target = kr.target;
  const current = kr.current ?? start;
  if (target === undefined) return 0;
  if (target === start) return (target >= start ? current >= target : current <= target) ? 1 : 0;
  const s = (current - start) / (target - start);
  return Math.max(0, Math.min(1, s));
}

function mean(xs: number[]): number | undefined {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

/** Mean of the key results' scores, cut ones left out. */
export function objectiveScore(o: Objective): number | undefined {
  return mean(o.keyResults.filter((k) => k.status !== 'cut').map(krScore));
}

export function setScore(set: OkrSetDoc): number | undefined {
  return mean(set.objectives.flatMap((o) => o.keyResults.filter((k) => k.status !== 'cut').map(krScore)));
}

export type ScoreColour = 'red' | 'yellow' | 'green';

/**
 * SPEC §18 (amends §7): below 0.4 red, below 0.7 yellow, else green, on the
 * score itself (only floating-point noise such as 0.39999999999 is rounded
 * away, so 7/10 and 2.1/3 read alike).
 */
export function scoreColour(score: number): ScoreColour {
  const s = Math.round(score * 1e9) / 1e9;
  return s >= 0.7 ? 'green' : s >= 0.4 ? 'yellow' : 'red';
}

/** A key result can be scored: its `target` is a number (SPEC §8 `kr-not-measurable`). */
export function krMeasurable(kr: KeyResult): boolean {
  return kr.target !== undefined;
}

/** A confidence inside 0.0–1.0 (SPEC §5); any other number is `out-of-range`. */
export function validConfidence(c: number | undefined): c is number {
  return c !== undefined && c >= 0 && c <= 1;
}

/** A committed key result is on track only at 1.0; an aspirational one from 0.7. */
export function krOnTrack(kr: KeyResult, objective: Objective): boolean {
  const s = krScore(kr);
  return objective.kind === 'aspirational' ? s >= 0.7 : s >= 1;
}

/**
 * Happiness trend (SPEC §7, §12): (date, happiness) of each held 1:1 — note
 * or log meeting dated today or earlier — that has one, oldest first; `line`
 * is the meeting's heading (0 for a note).
 */
export function happinessTrend(notes: readonly OneOnOneDoc[], today: string): { date: string; happiness: number; path: string; line: number }[] {
  return heldOneOnOnes(notes, today)
    .filter((o) => o.happiness !== undefined)
    .map((o) => ({ date: o.date!, happiness: o.happiness!, path: o.path, line: o.line }));
}

/**
 * Rating alignment (SPEC §7, §11, §12): (date, manager, report) of each held
 * 1:1 that has both ratings, oldest first; none for someone who is not a report.
 */
export function ratingAlignment(notes: readonly OneOnOneDoc[], today: string, relationship?: Relationship): { date: string; manager: number; report: number; path: string; line: number }[] {
  if (!ratesPerformance(relationship)) return [];
  return heldOneOnOnes(notes, today)
    .filter((o) => o.managerRating !== undefined && o.reportRating !== undefined)
    .map((o) => ({ date: o.date!, manager: o.managerRating!, report: o.reportRating!, path: o.path, line: o.line }));
}

/**
 * Pending talking points of a person (SPEC §13): the open talking points of
 * their inbox, of their 1:1s dated today or later, and outside every meeting
 * of their logs; inbox first, then notes oldest first.
 */
export function pendingTalkingPoints(ctx: Ctx, person: PersonDoc): { path: string; item: ActionItem }[] {
  const out: { path: string; item: ActionItem }[] = [];
  for (const i of person.inbox) if (i.status === 'open') out.push({ path: person.path, item: i });
  for (const n of ctx.data.notesOf(person.key)) for (const i of pendingIn(n, ctx.today)) out.push({ path: n.path, item: i });
  return out;
}

/** Is `period` one Cadence reads (SPEC §5: `YYYY-Qn`, `YYYY-Hn` or `YYYY`, Q and H in either case, blanks around allowed)? */
export function isReadablePeriod(period: string): boolean {
  return /^\d{4}(?:-(?:Q[1-4]|H[12]))?$/i.test(period.trim());
}

/** The last day of an OKR set: `end`, or the end of its period (`YYYY-Qn`, `YYYY-Hn`, `YYYY`). */
export function okrSetEnd(set: OkrSetDoc): string | undefined {
  if (set.end) return set.end;
  const p = set.period?.trim() ?? '';
  let m = /^(\d{4})-Q([1-4])$/i.exec(p);
  if (m) return endOf(+m[1], +m[2] * 3);
  m = /^(\d{4})-H([12])$/i.exec(p);
  if (m) return endOf(+m[1], +m[2] * 6);
  m = /^(\d{4})$/.exec(p);
  if (m) return `${m[1]}-12-31`;
  return undefined;
}

/** The first day of an OKR set: `start`, or the start of its period (`YYYY-Qn`, `YYYY-Hn`, `YYYY`). */
export function okrSetStart(set: OkrSetDoc): string | undefined {
  if (set.start) return set.start;
  const p = set.period?.trim() ?? '';
  let m = /^(\d{4})-Q([1-4])$/i.exec(p);
  if (m) return `${m[1]}-${String(+m[2] * 3 - 2).padStart(2, '0')}-01`;
  m = /^(\d{4})-H([12])$/i.exec(p);
  if (m) return `${m[1]}-${m[2] === '1' ? '01' : '07'}-01`;
  m = /^(\d{4})$/.exec(p);
  if (m) return `${m[1]}-01-01`;
  return undefined;
}

/**
 * SPEC §18: the share of a set's period already elapsed on `today`,
 * (today − first day + 1) ÷ (length in days), clamped to 0–1. Undefined when
 * the set has no readable period (or its end comes before its start).
 */
export function periodElapsed(set: OkrSetDoc, today: string): number | undefined {
  const first = okrSetStart(set);
  const last = okrSetEnd(set);
  if (!first || !last || last < first) return undefined;
  const length = daysBetween(first, last) + 1;
  return Math.max(0, Math.min(1, (daysBetween(first, today) + 1) / length));
}

function endOf(year: number, month: number): string {
  const d = `${year}-${String(month).padStart(2, '0')}-${month === 6 || month === 9 ? 30 : 31}`;
  return isValidDate(d) ? d : `${year}-${String(month).padStart(2, '0')}-30`;
}
