// SPEC §18: when a key result is *slipping*, and why. New 1:1, the
// dashboard's signals and OKR tab, and the pre-read all ask this one module,
// and all say the reasons in its words: documents (New 1:1, the pre-read)
// and the assistant's answers in English (slipText), the views in the UI's
// language (slipWords, the same sentences through core/l10n.ts).

import { formatConfidence, formatScore, formatShare } from './format';
import * as l10n from './l10n';
import { krMeasurable, krScore, okrSetEnd, periodElapsed, validConfidence } from './metrics';
import type { KeyResult, Objective, OkrSetDoc } from './model';

/** Confidence below this is a reason (SPEC §18). */
export const LOW_CONFIDENCE = 0.5;
/** A score this far below the elapsed share of the period is behind schedule. */
export const BEHIND_MARGIN = 0.25;

export type SlipReason =
  | { readonly kind: 'status'; readonly status: 'at-risk' | 'off-track' }
  | { readonly kind: 'confidence'; readonly confidence: number }
  | { readonly kind: 'behind'; readonly score: number; readonly elapsed: number };

/**
 * Why a key result is slipping on `today` (SPEC §18), in this order: its
 * status (`at-risk`, `off-track`), its confidence (below 0.5), its schedule
 * (measurable, and its score more than 0.25 below the share of the set's
 * period elapsed). Empty when it is not slipping — always for `done` and
 * `cut`. The key result's own `confidence` and `current` are used (a
 * check-in updates them when it is written).
 */
export function slipReasons(kr: KeyResult, set: OkrSetDoc, today: string): SlipReason[] {
  if (kr.status === 'done' || kr.status === 'cut') return [];
  const out: SlipReason[] = [];
  if (kr.status === 'at-risk' || kr.status === 'off-track') out.push({ kind: 'status', status: kr.status });
  if (kr.confidence !== undefined && kr.confidence < LOW_CONFIDENCE) out.push({ kind: 'confidence', confidence: kr.confidence });
  const elapsed = periodElapsed(set, today);
  if (krMeasurable(kr) && elapsed !== undefined) {
    const score = krScore(kr);
    // Rounded so that float noise (0.58 − 0.33 = 0.25000000000000006) is not a reason.
    if (Math.round((elapsed - score) * 1e9) / 1e9 > BEHIND_MARGIN) out.push({ kind: 'behind', score, elapsed });
  }
  return out;
}

/** One reason in words: `status at-risk`, `confidence 0.40 (below 0.5)`, `behind schedule: score 0.33 with 58% of the period gone`. */
export function slipReasonText(r: SlipReason): string {
  switch (r.kind) {
    case 'status':
      return `status ${r.status}`;
    case 'confidence':
      // An out-of-range confidence is not printed as a value (SPEC §5: it is invalid).
      return validConfidence(r.confidence) ? `confidence ${formatConfidence(r.confidence)} (below ${LOW_CONFIDENCE})` : `confidence below ${LOW_CONFIDENCE} (and not a valid 0–1 value)`;
    case 'behind':
      return `behind schedule: score ${formatScore(r.score)} with ${formatShare(r.elapsed)} of the period gone`;
  }
}

/** All reasons, `; `-separated. */
export function slipText(reasons: readonly SlipReason[]): string {
  return reasons.map(slipReasonText).join('; ');
}

// The words above as a view shows them (the Objectives tree's tooltip, the
// dashboard), in the UI's language (core/l10n.ts); English: the same bytes.
// Documents and the assistant keep slipReasonText/slipText.

/** slipReasonText in the UI's language. The status stays the OKR file's value (`at-risk`). */
export function slipReasonWords(r: SlipReason): string {
  switch (r.kind) {
    case 'status':
      return l10n.t('status {0}', r.status);
    case 'confidence':
      return validConfidence(r.confidence) ? l10n.t('confidence {0} (below {1})', formatConfidence(r.confidence), LOW_CONFIDENCE) : l10n.t('confidence below {0} (and not a valid 0–1 value)', LOW_CONFIDENCE);
    case 'behind':
      return l10n.t('behind schedule: score {0} with {1} of the period gone', formatScore(r.score), formatShare(r.elapsed));
  }
}

/** slipText in the UI's language: all reasons, `; `-separated. */
export function slipWords(reasons: readonly SlipReason[]): string {
  return reasons.map(slipReasonWords).join('; ');
}

export interface SlippingKr {
  readonly set: OkrSetDoc;
  readonly objective: Objective;
  readonly kr: KeyResult;
  readonly reasons: readonly SlipReason[];
}

/**
 * A set whose key results can still slip: its period has not ended before
 * `today` (a set without a readable period counts). A finished quarter's key
 * results are graded, not slipping.
 */
export function isLiveSet(set: OkrSetDoc, today: string): boolean {
  const end = okrSetEnd(set);
  return end === undefined || end >= today;
}

/**
 * The slipping key results of the live sets, in set, objective and key-result
 * order; `owner` (a lower-cased person key) keeps only that person's.
 */
export function slippingKeyResults(sets: readonly OkrSetDoc[], today: string, owner?: string): SlippingKr[] {
  const out: SlippingKr[] = [];
  for (const set of sets) {
    if (!isLiveSet(set, today)) continue;
    for (const objective of set.objectives) {
      for (const kr of objective.keyResults) {
        if (owner !== undefined && kr.owner?.key !== owner) continue;
        const reasons = slipReasons(kr, set, today);
        if (reasons.length) out.push({ set, objective, kr, reasons });
      }
    }
  }
  return out;
}
