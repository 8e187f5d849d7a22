// Display formats. Dates in the data are ISO days (YYYY-MM-DD) in no time
// zone; they are formatted in UTC so a day never shifts by the viewer's zone.

import { formatScore } from '../core/format';
import type { KrStatus } from '../core/model';
import type { CadenceStatus } from '../core/metrics';

function parseDay(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const fmt = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { ...opts, timeZone: 'UTC' });
const LONG = fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const SHORT = fmt({ day: 'numeric', month: 'short' });
const SHORT_YEAR = fmt({ day: 'numeric', month: 'short', year: 'numeric' });
const MONTH = fmt({ month: 'short' });

export function longDate(iso: string): string {
  const d = parseDay(iso);
  return d ? LONG.format(d) : iso;
}

/** "19 Nov", with the year only when it is not `today`'s year. */
export function shortDate(iso: string | undefined, today?: string): string {
  if (!iso) return '—';
  const d = parseDay(iso);
  if (!d) return iso;
  return today && today.slice(0, 4) === iso.slice(0, 4) ? SHORT.format(d) : SHORT_YEAR.format(d);
}

export function monthName(iso: string): string {
  const d = parseDay(iso);
  return d ? MONTH.format(d) : '';
}

export function dayOfMonth(iso: string): string {
  return String(Number(iso.slice(8, 10)));
}

export function daysBetween(a: string, b: string): number | undefined {
  const x = parseDay(a);
  const y = parseDay(b);
  return x && y ? Math.round((y.getTime() - x.getTime()) / 86400000) : undefined;
}

export function relativeDays(n: number | undefined): string {
  if (n === undefined) return '';
  if (n === 0) return 'today';
  if (n === 1) return 'yesterday';
  if (n === -1) return 'tomorrow';
  return n > 0 ? `${n} days ago` : `in ${-n} days`;
}

/** A score as every view shows it: two decimals (SPEC §18), the core's own format. */
export function score(x: number | null | undefined): string {
  return formatScore(x);
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`;
}

export const STATUS_LABEL: Readonly<Record<KrStatus, string>> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  done: 'Done',
  cut: 'Cut',
};

export const CADENCE_LABEL: Readonly<Record<CadenceStatus, string>> = {
  ok: 'On cadence',
  due: 'Due',
  lapsed: 'Lapsed',
  unknown: 'No 1:1 yet',
  me: 'You',
};

export function cadenceEvery(days: number): string {
  if (days === 7) return 'weekly';
  if (days === 14) return 'every two weeks';
  if (days === 30) return 'monthly';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}
