// ISO calendar dates as 'YYYY-MM-DD' strings. Day arithmetic goes through UTC
// so that no time zone or daylight-saving change can shift a date.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || !ISO.test(value)) return false;
  const y = +value.slice(0, 4);
  const mo = +value.slice(5, 7);
  const d = +value.slice(8, 10);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1];
}

export function toDayNumber(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86400000;
}

export function fromDayNumber(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addMonths(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12 + 1;
  const d = Math.min(+date.slice(8, 10), daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function endOfMonth(date: string): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function endOfQuarter(date: string): string {
  const y = +date.slice(0, 4);
  const q = Math.floor((+date.slice(5, 7) - 1) / 3);
  const m = q * 3 + 3;
  return `${y}-${String(m).padStart(2, '0')}-${daysInMonth(y, m)}`;
}

/** The next Monday strictly after `date`. */
export function nextMonday(date: string): string {
  const dow = new Date(toDayNumber(date) * 86400000).getUTCDay(); // 0 = Sunday
  return addDays(date, ((8 - dow) % 7) || 7);
}

/**
 * The nearest real date to an invalid `YYYY-MM-DD`-shaped value, for the
 * invalid-date quick fix: 2026-02-30 → 2026-02-28, 2026-13-01 → 2026-12-01.
 */
export function nearestRealDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m) return undefined;
  const y = +m[1];
  const mo = Math.min(12, Math.max(1, +m[2]));
  const d = Math.min(daysInMonth(y, mo), Math.max(1, +m[3]));
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A YYYY-MM-DD found in a file name, if it is a real date. */
export function dateInFileName(path: string): { value: string; real: boolean } | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const m = /(\d{4}-\d{2}-\d{2})/.exec(base);
  if (!m) return undefined;
  return { value: m[1], real: isValidDate(m[1]) };
}
