import { byCloseness, replace } from '../fixes';
import type { Field } from '../model';
import { DECISIONS } from '../parse/notes';
import { KR_STATUSES, OBJECTIVE_KINDS } from '../parse/okr';
import { ratesPerformance } from '../meetings';
import { cadenceDays, CADENCE_WORDS, relationshipOf, RELATIONSHIPS } from '../parse/person';
import { writtenValue } from '../parse/yaml-fields';
import { isReadablePeriod } from '../metrics';
import type { Fix, Range } from '../types';
import { defineRule, type Report } from './rule';
import * as l10n from '../l10n';

type Bad = { kind: 'number'; min: number; max: number; integer: boolean; value: unknown } | { kind: 'enum'; allowed: readonly string[]; value: string } | { kind: 'period' };

function checkNumber(f: Field | undefined, name: string, min: number, max: number, integer: boolean, report: Report) {
  if (!f || f.isNull) return;
  const v = f.value;
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  if (!ok) {
    const want = integer ? l10n.t('a whole number from {0} to {1}', min, max) : l10n.t('a number from {0} to {1}', min, max);
    report(f.range, l10n.t('{0} must be {1}, not {2}.', name, want, typeof v === 'string' ? JSON.stringify(v) : writtenValue(f)), { kind: 'number', min, max, integer, value: v } satisfies Bad);
  }
}

function checkEnum(f: Field | undefined, name: string, allowed: readonly string[], report: Report) {
  if (!f || f.isNull) return;
  const v = typeof f.value === 'string' ? f.value.trim().toLowerCase() : undefined;
  if (v === undefined || !allowed.includes(v)) {
    const raw = writtenValue(f);
    if (f.collection) report(f.range, l10n.t('{0} holds {1}; write one of: {2}.', name, raw, allowed.join(', ')), { kind: 'enum', allowed, value: '' } satisfies Bad);
    else report(f.range, l10n.t('{0} "{1}" is not one of: {2}.', name, raw, allowed.join(', ')), { kind: 'enum', allowed, value: raw } satisfies Bad);
  }
}

/** A number the value was written as: a YAML number, or a string that holds only one (`"4"`); not empty, true, false or null. */
function writtenNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Fixes for a number out of its range: the number brought into it (rounded
 * when it must be whole) and, for a confidence written as a whole
 * percentage (`60`), that share (`0.6`) first. Offered, never applied by
 * Fix All or `--fix`: which value was meant is the writer's choice (a happiness of 7
 * may be on a scale of 10; a 60 is more likely 60% than 100%). Nothing for
 * a value that is not a number at all (empty, true, null): there is no
 * number to start from.
 */
function numberFixes(range: Range, bad: Extract<Bad, { kind: 'number' }>): Fix[] {
  const n = writtenNumber(bad.value);
  if (n === undefined) return [];
  const values: number[] = [];
  if (bad.min === 0 && bad.max === 1 && !bad.integer && Number.isInteger(n) && n > 1 && n <= 100) values.push(n / 100);
  let v = Math.min(bad.max, Math.max(bad.min, n));
  if (bad.integer) v = Math.round(v);
  if (!values.includes(v)) values.push(v);
  return values.map((x, i) => ({ title: l10n.t('Change to {0}', x), edits: [replace(range, String(x))], preferred: i === 0 }));
}

export default defineRule({
  code: 'out-of-range',
  severity: 'error',
  description: 'A rating, confidence or keyword outside what Cadence understands (happiness and ratings 1–5, confidence 0–1 for a key result and each of its check-ins, known cadence, kind, status, visibility and Decision: values, and an OKR period of YYYY-Qn, YYYY-Hn or YYYY unless start: and end: are given).',
  kinds: ['person', '1on1', 'okr', 'okr-review'],
  // Performance ratings are checked only on 1:1s with a report (SPEC §11): the person file decides.
  crossFile: true,
  check(doc, ctx, report) {
    if (doc.kind === 'person') {
      const f = doc.cadenceField;
      if (f && !f.isNull && cadenceDays(f.value) === undefined) {
        const allowed = Object.keys(CADENCE_WORDS);
        report(f.range, f.collection ? l10n.t('cadence holds {0}, not a number of days or one of {1}; the default cadence applies.', writtenValue(f), allowed.join(', ')) : l10n.t('cadence "{0}" is not a number of days or one of {1}; the default cadence applies.', writtenValue(f), allowed.join(', ')), { kind: 'enum', allowed, value: f.collection ? '' : writtenValue(f) } satisfies Bad);
      }
      const r = doc.relationshipField;
      if (r && relationshipOf(r.value) === undefined) {
        report(r.range, r.collection ? l10n.t('relationship holds {0}, not one of: {1}; read as report.', writtenValue(r), RELATIONSHIPS.join(', ')) : l10n.t('relationship "{0}" is not one of: {1}; read as report.', writtenValue(r), RELATIONSHIPS.join(', ')), { kind: 'enum', allowed: RELATIONSHIPS, value: r.collection ? '' : writtenValue(r) } satisfies Bad);
      }
    } else if (doc.kind === '1on1') {
      const rates = ratesPerformance(doc.report ? ctx.data.peopleWithKey(doc.report.key)[0]?.relationship : undefined);
      if (doc.log) {
        for (const m of doc.meetings) {
          checkNumber(m.happinessField, 'happiness', 1, 5, true, report);
          if (!rates) continue;
          checkNumber(m.managerRatingField, 'manager-rating', 1, 5, true, report);
          checkNumber(m.reportRatingField, 'report-rating', 1, 5, true, report);
        }
      } else {
        checkNumber(doc.happinessField, 'happiness', 1, 5, true, report);
        if (rates) {
          checkNumber(doc.managerRatingField, 'performance.manager', 1, 5, true, report);
          checkNumber(doc.reportRatingField, 'performance.report', 1, 5, true, report);
        }
      }
      checkEnum(doc.visibilityField, 'visibility', ['private', 'shared'], report);
    } else if (doc.kind === 'okr') {
      // A period Cadence cannot read leaves the set without a schedule (no key result is behind it, SPEC §18),
      // unless start: and end: give one; then the period is only the set's name.
      const period = doc.fields.get('period');
      if (period && !period.isNull && !(doc.start && doc.end) && (period.collection || !isReadablePeriod(writtenValue(period)))) {
        report(period.range, l10n.t('period "{0}" is not a quarter (2026-Q4), a half (2026-H2) or a year (2026), so the set has no schedule: write one of those, or give start: and end: dates.', writtenValue(period)), { kind: 'period' } satisfies Bad);
      }
      for (const o of doc.objectives) {
        checkEnum(o.fields.get('kind'), 'kind', OBJECTIVE_KINDS, report);
        for (const kr of o.keyResults) {
          checkNumber(kr.fields.get('confidence'), 'confidence', 0, 1, false, report);
          for (const c of kr.checkins) checkNumber(c.confidenceField, 'check-in confidence', 0, 1, false, report);
          checkEnum(kr.fields.get('status'), 'status', KR_STATUSES, report);
        }
      }
    } else {
      checkEnum(doc.visibilityField, 'visibility', ['private', 'shared'], report);
      for (const d of doc.decisions) {
        if (!d.value) {
          report(d.range, l10n.t('Decision "{0}" is not one of: {1}.', d.raw, DECISIONS.join(', ')), { kind: 'enum', allowed: DECISIONS, value: d.raw } satisfies Bad);
        }
      }
    }
  },
  fixes(d): Fix[] {
    const bad = d.data as Bad;
    if (bad.kind === 'number') return numberFixes(d.range, bad);
    if (bad.kind === 'period') return [];
    return byCloseness(bad.value, bad.allowed).map((v, i) => ({ title: l10n.t('Change to {0}', v), edits: [replace(d.range, v)], preferred: i === 0 }));
  },
});
