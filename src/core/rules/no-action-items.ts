import { insertAt } from '../fixes';
import { oneOnOnesOf } from '../meetings';
import { nextOneOnOneDate } from '../metrics';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'no-action-items',
  severity: 'info',
  description: 'A 1:1 or OKR review with no action item: every meeting should end with at least one.',
  kinds: ['1on1', 'okr-review'],
  check(doc, ctx, report) {
    const message = l10n.t('This meeting has no action items — end it with at least one, with an owner and a due date.');
    if (doc.kind === '1on1' && doc.log) {
      // Per meeting, on its heading; an agenda prepared ahead is not judged yet (SPEC §12).
      for (const o of oneOnOnesOf(doc)) {
        if (o.items.length || o.date! > ctx.today) continue;
        report(o.meeting!.dateRange, message, { meeting: o.line });
      }
      return;
    }
    if (doc.kind === '1on1' && doc.date && doc.date > ctx.today) return;
    if (doc.items.length === 0) report(doc.firstLine, message);
  },
  fixes(_d, doc, ctx) {
    const report = doc.kind === '1on1' ? doc.report : undefined;
    const owner = report?.id ?? 'me';
    const due = report ? nextOneOnOneDate(ctx, report.key) : ctx.today;
    // In a log, at the end of the meeting, under a heading one level below its own.
    const meeting = doc.kind === '1on1' && doc.log ? doc.meetings.find((m) => m.line === _d.range.start.line) : undefined;
    const endLine = meeting ? meeting.endLine : ctx.lines.length;
    const hasHeading = doc.headings.some((h) => /^action items$/i.test(h.text) && (!meeting || (h.line > meeting.line && h.line < meeting.endLine)));
    let last = endLine - 1;
    if (meeting) while (last > meeting.line && ctx.lines[last].trim() === '') last--;
    const end = { line: last, character: ctx.lines[last].length };
    const lead = !meeting && ctx.lines[last] === '' ? '' : '\n';
    const heading = `${'#'.repeat(Math.min(6, (meeting?.depth ?? 1) + 1))} Action items`;
    const text = `${lead}${hasHeading ? '' : `${meeting ? '' : '\n'}${heading}\n`}- [ ] \${value} @${owner} due:${due}${meeting ? '' : '\n'}`;
    return [{ title: l10n.t('Add an action item…'), edits: [insertAt(end, text)], ask: { kind: 'text', prompt: l10n.t('What is to be done?') } }];
  },
});
