import { nearestRealDate } from '../dates';
import { replace } from '../fixes';
import type { DateField } from '../model';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'invalid-date',
  severity: 'error',
  description: 'A date that is not a real YYYY-MM-DD; it is then ignored by every figure and rule.',
  kinds: ['person', '1on1', 'okr', 'okr-review'],
  check(doc, _ctx, report) {
    const bad = (d: DateField | undefined) => {
      if (!d || d.valid) return;
      if (d.collection) report(d.range, l10n.t('{0}: holds {1}, not a date — write one YYYY-MM-DD.', d.name, d.collection === 'list' ? l10n.t('a list') : l10n.t('a map')), { raw: '' });
      else report(d.range, l10n.t('{0}: "{1}" is not a real date — write YYYY-MM-DD.', d.name, d.raw), { raw: d.raw });
    };
    for (const d of doc.dates) bad(d);
    if (doc.kind === '1on1' || doc.kind === 'okr-review') {
      for (const item of doc.items) {
        bad(item.due);
        bad(item.done);
        for (const d of item.otherDates) bad(d);
      }
      if (doc.kind === '1on1') {
        for (const item of doc.talkingPoints) {
          bad(item.due);
          bad(item.done);
        }
      }
    }
  },
  fixes(d) {
    const near = nearestRealDate(String((d.data as { raw: string }).raw).replace(/^["']|["']$/g, ''));
    return near ? [{ title: l10n.t('Change to {0}', near), edits: [replace(d.range, near)], preferred: true, safe: true }] : [];
  },
});
