import { markDone, replace } from '../fixes';
import { nextOneOnOneDate } from '../metrics';
import type { Fix } from '../types';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'action-overdue',
  severity: 'warning',
  description: 'An open action item whose due date has passed: close it, or move it to the next 1:1.',
  kinds: ['1on1', 'okr-review'],
  check(doc, ctx, report) {
    for (const item of doc.items) {
      if (item.status === 'open' && item.due?.value && item.due.value < ctx.today) {
        report(item.range, l10n.t('Action item was due {0} — mark it done or give it a new date.', item.due.value), { line: item.line });
      }
    }
  },
  fixes(d, doc, ctx): Fix[] {
    const item = doc.items.find((i) => i.line === d.range.start.line);
    if (!item || !item.due) return [];
    const out: Fix[] = [
      {
        title: l10n.t('Mark done today ({0})', ctx.today),
        edits: markDone(item, ctx.today),
        preferred: true,
      },
    ];
    const report = doc.kind === '1on1' ? doc.report : undefined;
    if (report) {
      const next = nextOneOnOneDate(ctx, report.key);
      out.push({ title: l10n.t('Move to the next 1:1 ({0})', next), edits: [replace(item.due.range, next)] });
    }
    return out;
  },
});
