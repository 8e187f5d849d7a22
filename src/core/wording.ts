// Words and numbers as every view shows them (SPEC §18 "one count
// everywhere"): the dashboard, the hovers, the review packet and the CLI
// word feedback the same way (numbers: format.ts). One import, core/l10n.ts
// (itself without imports): the dashboard's webview bundles this file.

import * as l10n from './l10n';

/** Feedback counts: `2 praise, 1 redirect, 1 received`; with `given` only, `2 praise, 1 redirect`. */
export function feedbackWords(c: { readonly praise: number; readonly redirect: number; readonly received: number }, given = false): string {
  return given ? `${c.praise} praise, ${c.redirect} redirect` : `${c.praise} praise, ${c.redirect} redirect, ${c.received} received`;
}

/** feedbackWords in the UI's language (core/l10n.ts): hovers and the dashboard; documents keep feedbackWords' English. */
export function feedbackCountWords(c: { readonly praise: number; readonly redirect: number; readonly received: number }, given = false): string {
  return given ? l10n.t('{0} praise, {1} redirect', c.praise, c.redirect) : l10n.t('{0} praise, {1} redirect, {2} received', c.praise, c.redirect, c.received);
}
