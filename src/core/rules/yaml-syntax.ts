import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'yaml-syntax',
  severity: 'error',
  description: 'Front matter or an OKR file is not valid YAML; nothing in that YAML can be read until it is fixed.',
  kinds: ['person', '1on1', 'okr', 'okr-review'],
  check(doc, _ctx, report) {
    for (const e of doc.yamlErrors) report(e.range, l10n.t('YAML does not parse: {0}', e.message));
  },
});
