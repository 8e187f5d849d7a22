import { appendToken } from '../fixes';
import { plainDueDate } from '../plain-dates';
import { dueFixes } from './shared';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'action-missing-due',
  severity: 'warning',
  description: 'An open action item with no due date: without one it never comes back up.',
  kinds: ['1on1', 'okr-review'],
  check(doc, _ctx, report) {
    for (const item of doc.items) {
      if (item.status === 'open' && !item.due) report(item.range, l10n.t('Action item has no due date — add due:YYYY-MM-DD.'), { line: item.line });
    }
  },
  fixes(d, doc, ctx) {
    const item = doc.items.find((i) => i.line === d.range.start.line);
    if (!item) return [];
    const report = doc.kind === '1on1' ? doc.report?.id : undefined;
    const edit = (date: string) => appendToken(item, 'due', date);
    const fixes = dueFixes(ctx, report, edit);
    // The item's own words name the day ("by Friday", "in two weeks"): that date first, and preferred (the words stay).
    const said = plainDueDate(item.text, ctx.today);
    if (!said) return fixes;
    const title = said.phrase === said.date ? l10n.t('Due {0}', said.date) : l10n.t('Due {0}, {1}', said.phrase, said.date);
    return [{ title, edits: [edit(said.date)], preferred: true }, ...fixes.map((f) => ({ ...f, preferred: false }))];
  },
});
