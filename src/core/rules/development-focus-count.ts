import { defineRule } from './rule';

export default defineRule({
  code: 'development-focus-count',
  severity: 'info',
  description: 'A development plan with more than 3 focus areas: keep it to 2–3.',
  kinds: ['person'],
  check(doc, _ctx, report) {
    if (doc.developmentField && doc.development.length > 3) {
      report(doc.developmentField.keyRange, `${doc.development.length} development focus areas; pick the 2–3 that matter most now.`);
    }
  },
});
