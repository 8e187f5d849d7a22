import { insertYamlKey } from '../fixes';
import { lastLineOf, ownerFixes } from './shared';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'kr-missing-owner',
  severity: 'warning',
  description: 'A key result (not cut) with no owner: a key result without one drifts.',
  kinds: ['okr'],
  check(doc, _ctx, report) {
    if (doc.yamlErrors.length) return;
    for (const o of doc.objectives) {
      for (const kr of o.keyResults) {
        if (!kr.owner && kr.status !== 'cut') report(kr.firstLine, l10n.t('Key result {0}/{1} has no owner — add `owner:`.', o.id, kr.id), { objective: o.index, keyResult: kr.index });
      }
    }
  },
  fixes(d, doc, ctx) {
    const at = d.data as { objective: number; keyResult: number };
    const o = doc.objectives[at.objective];
    const kr = o?.keyResults[at.keyResult];
    if (!kr) return [];
    const after = lastLineOf(kr.fields.get('title')) ?? kr.firstLine.start.line;
    return ownerFixes(ctx, o.owner ? { id: o.owner.id, as: 'objective-owner' } : undefined, (id) => insertYamlKey(kr.shape, after, ctx.lines, 'owner', id), true);
  },
});
