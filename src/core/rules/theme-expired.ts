import { addMonths } from '../dates';
import { replace } from '../fixes';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'theme-expired',
  severity: 'info',
  description: 'A growth theme whose `until` has passed: close it, or extend it by another two months.',
  kinds: ['person'],
  check(doc, ctx, report) {
    for (const t of doc.themes) {
      if (t.until?.value && t.until.value < ctx.today) {
        report(t.until.range, t.title ? l10n.t('Growth theme "{0}" ended {1} — review it, then extend or replace it.', t.title, t.until.value!) : l10n.t('Growth theme ended {0} — review it, then extend or replace it.', t.until.value!), { until: t.until.value });
      }
    }
  },
  fixes(d, _doc, ctx) {
    const until = (d.data as { until: string }).until;
    let next = addMonths(until, 2);
    if (next < ctx.today) next = addMonths(ctx.today, 2);
    return [{ title: l10n.t('Extend two months (until {0})', next), edits: [replace(d.range, next)], preferred: true }];
  },
});
