import { markDone, replace } from '../fixes';
import { nextOneOnOneDate } from '../metrics';
import type { Fix } from '../types';
import { defineRule } from './rule';

export default defineRule({
  code: 'action-overdue',
  severity: 'warning',
  description: 'An open action item whose due date has passed: close it, or move it to the next 1:1.',
  kinds: ['1on1', 'okr-review'],
  check(doc, ctx, report) {
    for (const item of doc.items) {
      if (item.status === 'open' && item.due?.value && item.due.value < ctx.today) {
        report(item.range, `Action item was due ${item.due.value} — mark it done or give it a new date.`, { line: item.line });
      }
    }
  },
  fixes(d, doc, ctx): Fix[] {
    const item = doc.items.find((i) => i.line === d.range.start.line);
    if (!item || !item.due) return [];
    const out: Fix[] = [
      {
        title: `Mark done today (${ctx.today})`,
        edits: markDone(item, ctx.today),
        preferred: true,
      },
    ];
    const report = doc.kind === '1on1' ? doc.report : undefined;
    if (report) {
      const next = nextOneOnOneDate(ctx, report.key);
      out.push({ title: `Move to the next 1:1 (${next})`, edits: [replace(item.due.range, next)] });
    }
    return out;
  },
});
