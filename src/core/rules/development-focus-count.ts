import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'development-focus-count',
  severity: 'info',
  description: 'A development plan with more than 3 focus areas: keep it to 2–3.',
  kinds: ['person'],
  check(doc, _ctx, report) {
    if (doc.developmentField && doc.development.length > 3) {
      report(doc.developmentField.keyRange, l10n.t('{0} development focus areas; pick the 2–3 that matter most now.', doc.development.length));
    }
  },
});
