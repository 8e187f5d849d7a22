import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'okr-kr-count',
  severity: 'info',
  description: 'An objective with fewer than 2 or more than 4 key results (cut ones not counted).',
  kinds: ['okr'],
  check(doc, _ctx, report) {
    if (doc.yamlErrors.length) return;
    for (const o of doc.objectives) {
      const n = o.keyResults.filter((k) => k.status !== 'cut').length;
      if (n < 2 || n > 4) {
        report(o.keyResultsField?.keyRange ?? o.firstLine, n === 1 ? l10n.t('Objective {0} has 1 key result; aim for 2–4.', o.id) : l10n.t('Objective {0} has {1} key results; aim for 2–4.', o.id, n));
      }
    }
  },
});
