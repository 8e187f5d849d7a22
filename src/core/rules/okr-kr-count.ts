import { defineRule } from './rule';

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
        report(o.keyResultsField?.keyRange ?? o.firstLine, `Objective ${o.id} has ${n} key result${n === 1 ? '' : 's'}; aim for 2–4.`);
      }
    }
  },
});
