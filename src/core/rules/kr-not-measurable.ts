import { defineRule } from './rule';
import { writtenValue } from '../parse/yaml-fields';
import * as l10n from '../l10n';

export default defineRule({
  code: 'kr-not-measurable',
  severity: 'warning',
  description: 'A key result whose `target` is absent or not a number: it cannot be scored 0.0–1.0.',
  kinds: ['okr'],
  check(doc, _ctx, report) {
    if (doc.yamlErrors.length) return;
    for (const o of doc.objectives) {
      for (const kr of o.keyResults) {
        if (kr.target === undefined) {
          const t = kr.fields.get('target');
          const why = t && !t.isNull ? t.collection ? l10n.t('`target:` holds {0}, not a number', writtenValue(t)) : typeof t.value === 'string' ? l10n.t('`target: {0}` is text, not a number: write the number without quotes or units', JSON.stringify(t.value)) : l10n.t('`target: {0}` is not a number', writtenValue(t)) : l10n.t('it has no `target:`');
          report(kr.firstLine, l10n.t('Key result {0}/{1} is not measurable: {2}. Give it a numeric start, target and current.', o.id, kr.id, why));
        }
      }
    }
  },
});
