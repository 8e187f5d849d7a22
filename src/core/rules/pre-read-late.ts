import { preReadDue } from '../reviews';
import { defineRule } from './rule';

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
    const field = doc.dates.find((d) => d.name === 'pre-read') ?? doc.dates.find((d) => d.name === 'date');
    if (!field) return;
    const message = doc.preRead
      ? `The pre-read goes out on ${doc.preRead}, less than 7 days before the review on ${doc.date} — send it by ${due}.`
      : field.name === 'pre-read'
        ? `pre-read: is not a real date — the review on ${doc.date} needs its pre-read sent by ${due}.`
        : `No pre-read for the review on ${doc.date} — send one by ${due} and note it as \`pre-read: ${due}\` (Cadence: Prepare OKR Review Pre-read…).`;
    report(field.range, message);
  },
});
