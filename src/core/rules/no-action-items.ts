import { insertAt } from '../fixes';
import { nextOneOnOneDate } from '../metrics';
import { defineRule } from './rule';

export default defineRule({
  code: 'no-action-items',
  severity: 'info',
  description: 'A 1:1 or OKR review with no action item: every meeting should end with at least one.',
  kinds: ['1on1', 'okr-review'],
  check(doc, _ctx, report) {
    if (doc.items.length === 0) report(doc.firstLine, 'This meeting has no action items — end it with at least one, with an owner and a due date.');
  },
  fixes(_d, doc, ctx) {
    const report = doc.kind === '1on1' ? doc.report : undefined;
    const owner = report?.id ?? 'me';
    const due = report ? nextOneOnOneDate(ctx, report.key) : ctx.today;
    const hasHeading = doc.headings.some((h) => /^action items$/i.test(h.text));
    const last = ctx.lines.length - 1;
    const end = { line: last, character: ctx.lines[last].length };
    const lead = ctx.lines[last] === '' ? '' : '\n';
    const text = `${lead}${hasHeading ? '' : '\n## Action items\n'}- [ ] \${value} @${owner} due:${due}\n`;
    return [{ title: 'Add an action item…', edits: [insertAt(end, text)], ask: { kind: 'text', prompt: 'What is to be done?' } }];
  },
});
