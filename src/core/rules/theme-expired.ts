import { addMonths } from '../dates';
import { replace } from '../fixes';
import { defineRule } from './rule';

export default defineRule({
  code: 'theme-expired',
  severity: 'info',
  description: 'A growth theme whose `until` has passed: close it, or extend it by another two months.',
  kinds: ['person'],
  check(doc, ctx, report) {
    for (const t of doc.themes) {
      if (t.until?.value && t.until.value < ctx.today) {
        report(t.until.range, `Growth theme${t.title ? ` "${t.title}"` : ''} ended ${t.until.value} — review it, then extend or replace it.`, { until: t.until.value });
      }
    }
  },
  fixes(d, _doc, ctx) {
    const until = (d.data as { until: string }).until;
    let next = addMonths(until, 2);
    if (next < ctx.today) next = addMonths(ctx.today, 2);
    return [{ title: `Extend two months (until ${next})`, edits: [replace(d.range, next)], preferred: true }];
  },
});
