import { byCloseness, replace } from '../fixes';
import type { PersonRef } from '../model';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'unknown-person',
  severity: 'info',
  description: 'An owner or report that has no person file (checked once any person file exists; `me` is always known).',
  kinds: ['1on1', 'okr', 'okr-review'],
  crossFile: true,
  check(doc, ctx, report) {
    if (!ctx.data.hasPeople()) return;
    const check = (ref: PersonRef | undefined, role: string) => {
      if (!ref || ref.key === 'me' || ctx.data.knows(ref.key)) return;
      report(ref.range, l10n.t('No person file for "{0}" ({1}) — add people/{2}.md or fix the id.', ref.id, role, ref.key), { id: ref.id });
    };
    if (doc.kind === 'okr') {
      if (doc.yamlErrors.length) return;
      check(doc.owner, l10n.t('set owner'));
      for (const o of doc.objectives) {
        check(o.owner, l10n.t('owner of {0}', o.id));
        for (const kr of o.keyResults) check(kr.owner, l10n.t('owner of {0}/{1}', o.id, kr.id));
      }
      return;
    }
    if (doc.kind === '1on1') check(doc.report, doc.reportKey === 'with' ? 'with' : 'report');
    for (const item of doc.items) check(item.owner, l10n.t('action item owner'));
    if (doc.kind === '1on1') for (const item of doc.talkingPoints) check(item.owner, l10n.t('raised the talking point'));
  },
  fixes(d, _doc, ctx) {
    const id = (d.data as { id: string }).id;
    const ids = ctx.data.people().map((p) => p.id);
    return byCloseness(id, ids)
      .slice(0, 3)
      .map((p, i) => ({ title: l10n.t('Change to {0}', p), edits: [replace(d.range, p)], preferred: i === 0 }));
  },
});
