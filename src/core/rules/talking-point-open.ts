import { replace } from '../fixes';
import { meetingAt } from '../markdown/sections';
import type { Fix } from '../types';
import { defineRule } from './rule';
import * as l10n from '../l10n';

/**
 * SPEC §13, §17: an open talking point in a 1:1 note or log meeting dated
 * before today was neither discussed (checked) nor carried forward. Talking
 * points outside every meeting of a log, in a note without a date, and in
 * 1:1s dated today or later are pending, not judged.
 */
export default defineRule({
  code: 'talking-point-open',
  severity: 'info',
  description: 'A talking point of a past 1:1 that was neither discussed (checked off) nor carried forward to the next one.',
  kinds: ['1on1'],
  check(doc, ctx, report) {
    for (const tp of doc.talkingPoints) {
      if (tp.status !== 'open') continue;
      const date = doc.log ? meetingAt(doc.meetings, tp.line)?.date : doc.date;
      if (!date || date >= ctx.today) continue;
      report(tp.range, l10n.t('Talking point of the {0} 1:1 still open — check it off if it was discussed, or move it to the inbox for the next 1:1.', date), { line: tp.line });
    }
  },
  fixes(d, doc): Fix[] {
    const tp = doc.talkingPoints.find((i) => i.line === d.range.start.line);
    if (!tp) return [];
    // Moving it to the person file's inbox edits two files: the editor's
    // command cadence.moveTalkingPointToInbox does that (core: actions/talking-points.ts).
    return [{ title: l10n.t('Check it off (discussed)'), edits: [replace(tp.boxRange, 'x')], preferred: true }];
  },
});
