import { appendToken } from '../fixes';
import { dueFixes } from './shared';
import { defineRule } from './rule';

export default defineRule({
  code: 'action-missing-due',
  severity: 'warning',
  description: 'An open action item with no due date: without one it never comes back up.',
  kinds: ['1on1', 'okr-review'],
  check(doc, _ctx, report) {
    for (const item of doc.items) {
      if (item.status === 'open' && !item.due) report(item.range, 'Action item has no due date — add due:YYYY-MM-DD.', { line: item.line });
    }
  },
  fixes(d, doc, ctx) {
    const item = doc.items.find((i) => i.line === d.range.start.line);
    if (!item) return [];
    const report = doc.kind === '1on1' ? doc.report?.id : undefined;
    return dueFixes(ctx, report, (date) => appendToken(item, 'due', date));
  },
});
