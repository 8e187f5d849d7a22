import { defineRule } from './rule';

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
          const why = t && !t.isNull ? `\`target: ${String(t.value)}\` is not a number` : 'it has no `target:`';
          report(kr.firstLine, `Key result ${o.id}/${kr.id} is not measurable: ${why}. Give it a numeric start, target and current.`);
        }
      }
    }
  },
});
