// Words and numbers as every view shows them (SPEC §18 "one count
// everywhere"): the dashboard, the hovers, the review packet and the CLI
// word feedback the same way (numbers: format.ts). No imports: the
// dashboard's webview bundles this file.

/** Feedback counts: `2 praise, 1 redirect, 1 received`; with `given` only, `2 praise, 1 redirect`. */
export function feedbackWords(c: { readonly praise: number; readonly redirect: number; readonly received: number }, given = false): string {
  return given ? `${c.praise} praise, ${c.redirect} redirect` : `${c.praise} praise, ${c.redirect} redirect, ${c.received} received`;
}
