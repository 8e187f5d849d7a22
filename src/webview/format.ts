// Display formats. Dates in the data are ISO days (YYYY-MM-DD) in no time
// zone; they are formatted in UTC so a day never shifts by the viewer's zone.

import { formatScore } from '../core/format';
import type { KrStatus } from '../core/model';
import type { CadenceStatus } from '../core/metrics';
import * as l10n from '../core/l10n';

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
  if (n === 0) return l10n.t('today');
  if (n === 1) return l10n.t('yesterday');
  if (n === -1) return l10n.t('tomorrow');
  return n > 0 ? l10n.t('{0} days ago', n) : l10n.t('in {0} days', -n);
}

/** A score as every view shows it: two decimals (SPEC §18), the core's own format. */
export function score(x: number | null | undefined): string {
  return formatScore(x);
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`;
}

// Labels are read when shown (getters): the string table arrives after the script loads.
export const STATUS_LABEL: Readonly<Record<KrStatus, string>> = {
  get 'on-track'() {
    return l10n.t('On track');
  },
  get 'at-risk'() {
    return l10n.t('At risk');
  },
  get 'off-track'() {
    return l10n.t('Off track');
  },
  get done() {
    return l10n.t('Done');
  },
  get cut() {
    return l10n.t('Cut');
  },
};

export const CADENCE_LABEL: Readonly<Record<CadenceStatus, string>> = {
  get ok() {
    return l10n.t('On cadence');
  },
  get due() {
    return l10n.t('Due');
  },
  get lapsed() {
    return l10n.t('Lapsed');
  },
  get unknown() {
    return l10n.t('No 1:1 yet');
  },
  get me() {
    return l10n.t('You');
  },
};

export function cadenceEvery(days: number): string {
  if (days === 7) return l10n.t('weekly');
  if (days === 14) return l10n.t('every two weeks');
  if (days === 30) return l10n.t('monthly');
  if (days % 7 === 0) return l10n.t('every {0} weeks', days / 7);
  return l10n.t('every {0} days', days);
}
