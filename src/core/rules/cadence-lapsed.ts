import { daysBetween } from '../dates';
import { defineRule } from './rule';
import * as l10n from '../l10n';

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
      const what = last ? l10n.t('Last 1:1 with {0} was {1}', doc.name ?? doc.id, last) : l10n.t('No 1:1 with {0} since they started on {1}', doc.name ?? doc.id, ref);
      report(doc.cadenceField?.range ?? doc.firstLine, l10n.t('{0}, {1} days ago; the cadence is every {2} days. Book one.', what, days, cadence));
    }
  },
});
