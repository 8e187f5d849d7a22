// Due dates in plain English (issue 20 item 3): "by Friday", "tomorrow",
// "next week", "end of month", "Dec 5", "in two weeks" read as a YYYY-MM-DD
// relative to a given today (never the clock), with chrono-node (its English
// casual parser) and a few rules of Cadence's own that keep a quick fix from
// guessing:
//
// - a due date is a day: a phrase that names no day ("March", "next month",
//   "at 3pm", "in an hour", "now") is not one;
// - a due date is today or later: "yesterday", "last Friday", "3 days ago",
//   "Nov 2" said on Nov 30 are refused (a month and day without a year is the
//   nearest such date, as a person means it; when that is past, refused);
// - a bare weekday is the next one on or after today ("Friday"); chrono's
//   own "next Friday" (the Friday of next week) and "this Friday" stand;
// - day/month numbers ("12/5", "5/12") are refused: which is the month
//   depends on the writer's country;
// - a weekday's short name ("Sat", "sun", "Wed") counts only after "by",
//   "before", "on", "until", "till", "due" or with "next"/"this" ("Sat with
//   Alex" is no date);
// - "end of (the|this|next) day|week|month|quarter|year" and EOD, EOW, EOM,
//   EOQ, EOY: the day itself, the first Friday on or after the day (the end
//   of the working week), the month's, the calendar quarter's, the year's
//   last day.

import { Chrono, casual, type ParsedResult } from 'chrono-node';
import { addDays, addMonths, daysBetween, endOfMonth, endOfQuarter, isValidDate, toDayNumber } from './dates';
import * as l10n from './l10n';

/** A plain-English due date found in a text. */
export interface PlainDate {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The words as written ("Friday", "in two weeks", "end of month"), without a "by" before them. */
  readonly phrase: string;
  /** Where `phrase` starts in the text (UTF-16 offset). */
  readonly index: number;
}

const WEEKDAY_NAME = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const MODIFIER = /\b(next|this|coming)\b/i;
const DUE_WORD_BEFORE = /\b(by|before|on|until|till|til|due|for)[ \t]*$/i;
const PAST_WORD = /\b(last|ago|yesterday|previous|past|earlier)\b/i;
const END_OF = /\b(?:(?:the[ \t]+)?end[ \t]+of[ \t]+(?:the[ \t]+)?(?:(this|next)[ \t]+)?(day|week|month|quarter|year)|eo(d|w|m|q|y))\b/i;
const UNIT: Record<string, 'day' | 'week' | 'month' | 'quarter' | 'year'> = { d: 'day', w: 'week', m: 'month', q: 'quarter', y: 'year' };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The first Friday on or after `date`. */
function fridayFrom(date: string): string {
  const dow = new Date(toDayNumber(date) * 86400000).getUTCDay(); // 0 = Sunday
  return addDays(date, (5 - dow + 7) % 7);
}

/** The last day of `unit` around `today`, or of the next one. */
function endOf(unit: 'day' | 'week' | 'month' | 'quarter' | 'year', next: boolean, today: string): string {
  switch (unit) {
    case 'day':
      return next ? addDays(today, 1) : today;
    case 'week':
      return fridayFrom(next ? addDays(today, 7) : today);
    case 'month':
      return endOfMonth(next ? addMonths(today.slice(0, 8) + '01', 1) : today);
    case 'quarter':
      return endOfQuarter(next ? addMonths(today.slice(0, 8) + '01', 3) : today);
    case 'year':
      return `${+today.slice(0, 4) + (next ? 1 : 0)}-12-31`;
  }
}

let last: { today: string; chrono: Chrono } | undefined;

/** chrono's English parser with "end of …" read as above (the longer match wins over chrono's own); the last one is kept. */
function parserFor(today: string): Chrono {
  if (last?.today === today) return last.chrono;
  const c = casual.clone();
  c.parsers.unshift({
    pattern: () => END_OF,
    extract: (_ctx, m) => {
      const unit = m[2] ? (m[2].toLowerCase() as 'day') : UNIT[m[3].toLowerCase()];
      const d = endOf(unit, m[1]?.toLowerCase() === 'next', today);
      return { year: +d.slice(0, 4), month: +d.slice(5, 7), day: +d.slice(8, 10) };
    },
  });
  last = { today, chrono: c };
  return c;
}

/** The date a chrono result names under the rules above; 'past' for a day before today; undefined for no day. */
function dateOf(r: ParsedResult, forward: ParsedResult | undefined, text: string, today: string): string | 'past' | undefined {
  const s = r.start;
  const tags = r.tags();
  if (PAST_WORD.test(r.text)) return 'past';
  if (tags.has('result/relativeDateAndTime') || tags.has('casualReference/now')) return undefined;
  if (tags.has('parser/SlashDateFormatParser')) return undefined;
  let date: string;
  if (s.isCertain('day')) {
    const y = s.isCertain('year') ? s.get('year')! : nearestYear(s.get('month')!, s.get('day')!, today);
    date = iso(y, s.get('month')!, s.get('day')!);
  } else if (s.isCertain('weekday')) {
    const named = WEEKDAY_NAME.test(r.text) || MODIFIER.test(r.text) || DUE_WORD_BEFORE.test(text.slice(0, r.index));
    if (!named || !forward) return undefined;
    // chrono with forwardDate: a bare weekday is the next one on or after today.
    date = iso(forward.start.get('year')!, forward.start.get('month')!, forward.start.get('day')!);
  } else {
    return undefined;
  }
  if (!isValidDate(date)) return undefined;
  return date >= today ? date : 'past';
}

/** The year that puts month/day nearest to today (Dec 30 said on Jan 2 is last year's). */
function nearestYear(month: number, day: number, today: string): number {
  const y = +today.slice(0, 4);
  let best = y;
  for (const c of [y - 1, y + 1]) {
    const d = iso(c, month, day);
    const b = iso(best, month, day);
    if (isValidDate(d) && (!isValidDate(b) || Math.abs(daysBetween(today, d)) < Math.abs(daysBetween(today, b)))) best = c;
  }
  return best;
}

function reference(today: string): Date {
  // Local noon of today: chrono counts days in local time; noon keeps clear of any daylight-saving edge.
  return new Date(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10), 12);
}

/**
 * Every plain-English due date in `text` (an action item's words), in text
 * order, each as {date: YYYY-MM-DD, phrase as written, index}. `today` is
 * YYYY-MM-DD. Never reads the clock. An empty list when the text names none
 * (see the rules at the top of this file).
 */
export function plainDatesIn(text: string, today: string): PlainDate[] {
  return read(text, today).filter((d): d is PlainDate => d.date !== 'past');
}

/** How much of a text chrono reads (UTF-16 code units from its start). */
export const PLAIN_DATE_CHARS = 1000;

/** The dates chrono finds in `text` (its first PLAIN_DATE_CHARS), each kept by the rules above; `date: 'past'` for one before today. */
function read(full: string, today: string): (PlainDate | { date: 'past'; phrase: string; index: number })[] {
  // chrono is slow on long runs of date-like words (a 256 KB task line of
  // emoji dates took 4 s): it reads the first PLAIN_DATE_CHARS only, where
  // an item's words say when it is due (SPEC §10: no input stalls a check).
  const text = full.length > PLAIN_DATE_CHARS ? full.slice(0, PLAIN_DATE_CHARS) : full;
  if (!isValidDate(today) || !text.trim()) return [];
  const chrono = parserFor(today);
  const ref = reference(today);
  const forward = chrono.parse(text, ref, { forwardDate: true });
  const out: (PlainDate | { date: 'past'; phrase: string; index: number })[] = [];
  for (const r of chrono.parse(text, ref)) {
    const date = dateOf(r, forward.find((f) => f.index === r.index && f.text === r.text), text, today);
    if (date) out.push({ date, phrase: r.text.trim(), index: r.index });
  }
  return out;
}

/**
 * What of an item's text is not words: Obsidian Tasks dates (`⏳ 2026-11-23`,
 * SPEC §10) and a `🔁 …` recurrence (to the next emoji date or the end),
 * Dataview fields, `%%…%%` and HTML comments, inline code, URLs.
 */
const NOT_WORDS = [
  /(?:📅|📆|🗓|⏳|🛫|➕|❌|✅)\uFE0F?[ \t]*\S*/gu,
  /🔁\uFE0F?[^📅📆🗓⏳🛫➕❌✅]*/gu,
  /[[(][^\][()]*?::[^\][()]*[\])]/g,
  /%%[\s\S]*?(?:%%|$)/g,
  /<!--[\s\S]*?(?:-->|$)/g,
  /`[^`]*`/g,
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi,
];

/**
 * The first plain-English due date in an action item's words (its text
 * without the tokens above, each replaced by spaces so offsets stay), if
 * any: the preferred quick fix's date on action-missing-due.
 */
export function plainDueDate(text: string, today: string): PlainDate | undefined {
  let words = text;
  for (const re of NOT_WORDS) words = words.replace(re, (m) => ' '.repeat(m.length));
  return plainDatesIn(words, today)[0];
}

/**
 * A due date typed in an input: `YYYY-MM-DD` (taken as it is when it is a
 * real date) or plain English that is the whole input, after an optional
 * "by", "due", "on", "before" or "until" ("next friday", "by Dec 5").
 * Returns {date} or {problem}: a sentence saying why it is refused, in the
 * language of the bundle in use (core/l10n.ts). `what` says which date it
 * is, for that sentence (words in the past: "… is in the past: a due date
 * is today or later").
 */
export function readDueDate(input: string, today: string, what: 'due date' | 'new 1:1' = 'due date'): { date: string; phrase?: string } | { problem: string } {
  const v = input.trim();
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(v)) {
    return isValidDate(v) ? { date: v } : { problem: l10n.t('{0} is not a real date (check the month and the day).', v) };
  }
  const words = v.replace(/^(by|due|on|before|until)[ \t]+/i, '').replace(/[.!]+$/, '');
  if (!words) return { problem: l10n.t('Write the date as YYYY-MM-DD or in words: tomorrow, Friday, next week, Dec 5, in two weeks, end of month.') };
  const found = read(words, today).find((d) => d.index === 0 && d.phrase.length === words.length);
  if (found && found.date !== 'past') return { date: found.date, phrase: found.phrase };
  if (found) return { problem: what === 'new 1:1' ? l10n.t('“{0}” is in the past: a new 1:1 is today or later.', words) : l10n.t('“{0}” is in the past: a due date is today or later.', words) };
  return { problem: l10n.t('“{0}” is not a date Cadence reads. Write YYYY-MM-DD or words like tomorrow, Friday, next week, Dec 5, in two weeks, end of month.', words) };
}
