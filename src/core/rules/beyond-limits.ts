import * as l10n from '../l10n';
import { defineRule } from './rule';

export default defineRule({
  code: 'beyond-limits',
  severity: 'info',
  description:
    'Part of the file is beyond what Cadence reads (lists, quotes or brackets nested deeper than it follows, aliases expanding too far); that part is left out, and the rest of the file is read as usual.',
  kinds: ['person', '1on1', 'okr', 'okr-review'],
  check(doc, _ctx, report) {
    for (const l of doc.limits) report(l.range, l10n.t('Not read: {0}.', l.message));
  },
});
