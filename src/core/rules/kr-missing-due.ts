import { insertYamlKey } from '../fixes';
import { okrSetEnd } from '../metrics';
import type { Fix } from '../types';
import { dueFixes, lastLineOf } from './shared';
import { defineRule } from './rule';
import * as l10n from '../l10n';

export default defineRule({
  code: 'kr-missing-due',
  severity: 'warning',
  description: 'A key result (not cut) with no due date.',
  kinds: ['okr'],
  check(doc, _ctx, report) {
    if (doc.yamlErrors.length) return;
    for (const o of doc.objectives) {
      for (const kr of o.keyResults) {
        if (!kr.due && kr.status !== 'cut') report(kr.firstLine, l10n.t('Key result {0}/{1} has no due date — add `due: YYYY-MM-DD`.', o.id, kr.id), { objective: o.index, keyResult: kr.index });
      }
    }
  },
  fixes(d, doc, ctx): Fix[] {
    const at = d.data as { objective: number; keyResult: number };
    const kr = doc.objectives[at.objective]?.keyResults[at.keyResult];
    if (!kr) return [];
    const after = lastLineOf(kr.fields.get('owner')) ?? lastLineOf(kr.fields.get('title')) ?? kr.firstLine.start.line;
    const edit = (date: string) => insertYamlKey(kr.shape, after, ctx.lines, 'due', date);
    const end = okrSetEnd(doc);
    const fixes = dueFixes(ctx, undefined, edit);
    if (end) fixes.unshift({ title: l10n.t('Due at the end of {0} ({1})', doc.period ?? 'the set', end), edits: [edit(end)], preferred: true });
    return fixes;
  },
});
