import * as l10n from '../l10n';
import { defineRule } from './rule';

export default defineRule({
  code: 'merge-conflict',
  severity: 'error',
  description:
    'A git conflict block (<<<<<<<, =======, >>>>>>>) is in the file. Until it is resolved, nothing else in the file is read: no item, no figure, no other diagnostic (a person file still makes its id known).',
  kinds: ['person', '1on1', 'okr', 'okr-review'],
  check(doc, _ctx, report) {
    for (const line of doc.conflicts) {
      report({ start: { line, character: 0 }, end: { line, character: 7 } }, l10n.t('Git conflict block: keep one side (or merge both), remove the <<<<<<<, ======= and >>>>>>> lines, and Cadence reads the file again.'), { line });
    }
  },
});
