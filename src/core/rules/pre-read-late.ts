import { preReadDue } from '../reviews';
import { defineRule } from './rule';
import * as l10n from '../l10n';

/**
 * SPEC §19: an upcoming OKR review (dated today or later) needs its pre-read
 * sent 7 days ahead: `pre-read:` absent, or later than 7 days before `date:`,
 * is reported on the `pre-read:` line, else on the `date:` line.
 */
export default defineRule({
  code: 'pre-read-late',
  severity: 'info',
  description: 'An upcoming OKR review without its pre-read sent 7 days ahead.',
  kinds: ['okr-review'],
  check(doc, ctx, report) {
    if (!doc.date || doc.date < ctx.today) return;
    const due = preReadDue(doc.date);
    if (doc.preRead && doc.preRead <= due) return;
    // The `pre-read:` line whatever it holds (empty, null, not a date), else the `date:` line.
    const field = doc.preReadField ?? doc.dates.find((d) => d.name === 'date');
    if (!field) return;
    const written = doc.preReadField && !doc.preReadField.isNull && !(typeof doc.preReadField.value === 'string' && doc.preReadField.value.trim() === '');
    const message = doc.preRead
      ? l10n.t('The pre-read goes out on {0}, less than 7 days before the review on {1} — send it by {2}.', doc.preRead, doc.date, due)
      : written
        ? l10n.t('pre-read: is not a real date — the review on {0} needs its pre-read sent by {1}.', doc.date, due)
        : l10n.t('No pre-read for the review on {0} — send one by {1} and note it as `pre-read: {1}` (Cadence: Prepare OKR Review Pre-read…).', doc.date, due);
    report(field.range, message);
  },
});
