import { daysBetween } from '../dates';
import { defineRule } from './rule';

export default defineRule({
  code: 'cadence-lapsed',
  severity: 'warning',
  description: 'No 1:1 for more than 1.5 × the person’s cadence: the 1:1s have lapsed.',
  kinds: ['person'],
  crossFile: true,
  check(doc, ctx, report) {
    if (doc.me || doc.yamlErrors.length) return;
    const last = ctx.data.lastOneOnOne(doc.key);
    const ref = last ?? doc.since?.value;
    if (!ref) return;
    const cadence = doc.cadenceDays ?? ctx.settings.defaultCadenceDays;
    const days = daysBetween(ref, ctx.today);
    if (days > 1.5 * cadence) {
      const what = last ? `Last 1:1 with ${doc.name ?? doc.id} was ${last}` : `No 1:1 with ${doc.name ?? doc.id} since they started on ${ref}`;
      report(doc.cadenceField?.range ?? doc.firstLine, `${what}, ${days} days ago; the cadence is every ${cadence} days. Book one.`);
    }
  },
});
