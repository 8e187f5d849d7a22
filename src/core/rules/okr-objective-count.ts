import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'okr-objective-count',
  severity: 'info',
  description: 'An OKR set with fewer than 3 or more than 5 objectives: focus on 3–5.',
  kinds: ['okr'],
  check(doc, _ctx, report) {
    if (doc.yamlErrors.length) return;
    const n = doc.objectives.length;
    if (n < 3 || n > 5) {
      const where = doc.objectivesField?.keyRange ?? doc.firstLine;
      report(where, n === 1 ? l10n.t('1 objective; a set works best with 3–5.') : l10n.t('{0} objectives; a set works best with 3–5.', n));
    }
  },
});
