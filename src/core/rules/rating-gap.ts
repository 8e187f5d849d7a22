import { defineRule } from './rule';

export default defineRule({
  code: 'rating-gap',
  severity: 'info',
  description: 'Manager and report rated performance 2 or more apart: a conversation to have.',
  kinds: ['1on1'],
  check(doc, _ctx, report) {
    if (doc.managerRating === undefined || doc.reportRating === undefined || !doc.performanceField) return;
    const gap = Math.abs(doc.managerRating - doc.reportRating);
    if (gap >= 2) {
      report(doc.performanceField.keyRange, `Performance ratings differ by ${gap} (you ${doc.managerRating}, them ${doc.reportRating}) — talk about why.`);
    }
  },
});
