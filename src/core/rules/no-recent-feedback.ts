import { addDays } from '../dates';
import { heldOneOnOnes, ratesPerformance } from '../meetings';
import { feedbackIn } from '../review-packet';
import { displayName } from '../people';
import { defineRule } from './rule';
import * as l10n from '../l10n';

// SPEC §14, §17: a report met in the window but given no feedback in it. Only
// in a workspace that keeps a feedback log at all (a manager who keeps none
// is not nagged); the window is cadence.feedbackWindowDays, today included.
export default defineRule({
  code: 'no-recent-feedback',
  severity: 'info',
  description: 'A report you met in the feedback window (cadence.feedbackWindowDays) but gave no praise or redirecting feedback in any 1:1 of it: ongoing feedback, both kinds, is what a review rests on.',
  kinds: ['person'],
  crossFile: true,
  check(doc, ctx, report) {
    if (doc.me || doc.yamlErrors.length || !ratesPerformance(doc.relationship)) return;
    const w = ctx.settings.feedbackWindowDays;
    const window = { from: addDays(ctx.today, -(w - 1)), to: ctx.today };
    const notes = ctx.data.notesOf(doc.key);
    const met = heldOneOnOnes(notes, ctx.today).filter((o) => o.date! >= window.from);
    if (!met.length) return;
    const given = feedbackIn(notes, window);
    if (given.praise + given.redirect > 0 || !ctx.data.hasFeedback()) return;
    const last = met[met.length - 1].date!;
    report(
      doc.firstLine,
      l10n.t('No praise: or redirect: entry for {0} in the last {1} days, though you met on {2}. Add one to the Feedback section of your next 1:1 (- praise: … / - redirect: …).', displayName(doc), w, last),
    );
  },
});
