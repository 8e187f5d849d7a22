import { insertYamlKey } from '../fixes';
import { lastLineOf, ownerFixes } from './shared';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'objective-missing-owner',
  severity: 'warning',
  description: 'An objective with no owner: someone has to be accountable for it.',
  kinds: ['okr'],
  check(doc, _ctx, report) {
    if (doc.yamlErrors.length) return;
    for (const o of doc.objectives) {
      if (!o.owner) report(o.firstLine, l10n.t('Objective {0} has no owner — add `owner:`.', o.id), { objective: o.index });
    }
  },
  fixes(d, doc, ctx) {
    const o = doc.objectives[(d.data as { objective: number }).objective];
    if (!o) return [];
    const after = lastLineOf(o.fields.get('title')) ?? o.firstLine.start.line;
    return ownerFixes(ctx, undefined, (id) => insertYamlKey(o.shape, after, ctx.lines, 'owner', id), true);
  },
});
