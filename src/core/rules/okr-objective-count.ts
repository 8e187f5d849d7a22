import { defineRule } from './rule';

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
      report(where, `${n} objective${n === 1 ? '' : 's'}; a set works best with 3–5.`);
    }
  },
});
