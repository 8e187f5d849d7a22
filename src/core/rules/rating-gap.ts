import { oneOnOnesOf, ratesPerformance } from '../meetings';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'rating-gap',
  severity: 'info',
  description: 'Manager and report rated performance 2 or more apart: a conversation to have.',
  kinds: ['1on1'],
  // Only 1:1s with a report are rated (SPEC §11): the person file decides.
  crossFile: true,
  check(doc, ctx, report) {
    if (!ratesPerformance(doc.report ? ctx.data.peopleWithKey(doc.report.key)[0]?.relationship : undefined)) return;
    // Per note, or per meeting of a log on its manager-rating line (SPEC §12).
    for (const o of oneOnOnesOf(doc)) {
      if (o.managerRating === undefined || o.reportRating === undefined || !o.ratingField) continue;
      const gap = Math.abs(o.managerRating - o.reportRating);
      if (gap >= 2) {
        report(o.ratingField.keyRange, l10n.t('Performance ratings differ by {0} (you {1}, them {2}) — talk about why.', gap, o.managerRating, o.reportRating));
      }
    }
  },
});
