// How figures are written, in one place: the trees, the dashboard, hovers,
// CodeLens, the New 1:1 template and the pre-read all format a score, a
// confidence or a missing value through these, so the same data reads the
// same everywhere (SPEC §18: a score is shown to two decimals everywhere).

import * as l10n from './l10n';
import { krMeasurable, krScore, validConfidence } from './metrics';
import type { KeyResult } from './model';

/** What a missing value is written as. */
export const NONE = '—';

/** A check-in without a (valid) date, in every view. */
export const UNDATED = 'undated';

/** A key result without a `status:` (SPEC §18: never "on track" because of that). */
export const NO_STATUS = 'no status';

/** A score (0–1) to two decimals: `0.35`; `—` when there is none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? NONE : score.toFixed(2);
}

/**
 * A confidence to two decimals (`0.60`), `—` when absent, and `invalid` when
 * it lies outside 0.0–1.0 (SPEC §5): an invalid value is never printed as if
 * it were one.
 */
export function formatConfidence(confidence: number | undefined): string {
  if (confidence === undefined) return NONE;
  return validConfidence(confidence) ? confidence.toFixed(2) : 'invalid';
}

/**
 * A key result's score as a reader should take it: `cut` for a cut one (it
 * counts for nothing), `not measurable` when its target is not a number
 * (the 0.00 it scores in the means is not a measurement), else the score.
 */
export function krScoreText(kr: KeyResult): string {
  if (kr.status === 'cut') return 'cut';
  if (!krMeasurable(kr)) return 'not measurable';
  return formatScore(krScore(kr));
}

// The words above as a view shows them, in the UI's language (core/l10n.ts);
// documents keep the English constants and functions above.

/** krScoreText's words in the UI's language: `cut`, `not measurable`, or the score. */
export function krScoreWords(kr: KeyResult): string {
  if (kr.status === 'cut') return l10n.t('cut');
  if (!krMeasurable(kr)) return l10n.t('not measurable');
  return formatScore(krScore(kr));
}

/** formatConfidence in the UI's language (`invalid` is a word). */
export function confidenceWords(confidence: number | undefined): string {
  const text = formatConfidence(confidence);
  return text === 'invalid' ? l10n.t('invalid') : text;
}

/** NO_STATUS in the UI's language. */
export const noStatusWords = (): string => l10n.t('no status');

/** UNDATED in the UI's language. */
export const undatedWords = (): string => l10n.t('undated');

/** A percentage of a 0–1 share, rounded: `58%`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A day count as the views say it: `today`, `yesterday`, `3 days ago`, `in 2 days`. */
export function daysAgo(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'yesterday' : n < 0 ? `in ${-n} days` : `${n} days ago`;
}

/** daysAgo in the UI's language (core/l10n.ts), for the trees; the assistant's answers keep daysAgo's English. */
export function daysAgoWords(n: number): string {
  return n === 0 ? l10n.t('today') : n === 1 ? l10n.t('yesterday') : n < 0 ? l10n.t('in {0} days', -n) : l10n.t('{0} days ago', n);
}
