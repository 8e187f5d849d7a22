import { replace } from '../fixes';
import type { Field, Objective, KeyResult } from '../model';
import type { Range } from '../types';
import { defineRule, type Report } from './rule';
import * as l10n from '../l10n';

interface Dup {
  suggestion: string;
}

function where(idField: Field | undefined, firstLine: Range): Range {
  return idField && !idField.isNull ? idField.range : firstLine;
}

/** Reports every item after the first that shares an id; suggests a free id. */
function duplicates<T extends Objective | KeyResult>(items: readonly T[], what: (x: T) => string, prefix: string, report: Report) {
  const seen = new Set<string>();
  const all = new Set(items.map((x) => x.key));
  for (const x of items) {
    if (seen.has(x.key)) {
      let n = items.length + 1;
      while (all.has(`${prefix}${n}`.toLowerCase())) n++;
      all.add(`${prefix}${n}`.toLowerCase());
      report(where(x.idField, x.firstLine), l10n.t('{0} has the same id as an earlier one (ids are case-insensitive).', what(x)), { suggestion: `${prefix}${n}` } satisfies Dup);
    }
    seen.add(x.key);
  }
}

export default defineRule({
  code: 'duplicate-id',
  severity: 'error',
  description: 'Two people, two objectives in a set, or two key results in an objective share an id; references to it become ambiguous.',
  kinds: ['person', 'okr'],
  crossFile: true,
  check(doc, ctx, report) {
    if (doc.kind === 'person') {
      const same = ctx.data.peopleWithKey(doc.key);
      const first = same[0];
      if (same.length > 1 && first !== doc) {
        const range = where(doc.idField, doc.firstLine);
        report(range, l10n.t('Person id "{0}" is already used by {1}; give this person another id.', doc.id, first.path), { suggestion: `${doc.id}-2` } satisfies Dup);
      }
      return;
    }
    if (doc.yamlErrors.length) return;
    duplicates(doc.objectives, (o) => l10n.t('Objective {0}', o.id), 'O', report);
    for (const o of doc.objectives) duplicates(o.keyResults, (k) => l10n.t('Key result {0}/{1}', o.id, k.id), 'KR', report);
  },
  fixes(d, doc) {
    const s = (d.data as Dup).suggestion;
    const onId = doc.kind === 'person' ? doc.idField && !doc.idField.isNull : true;
    if (!onId) return [];
    return [{ title: l10n.t('Rename to {0}', s), edits: [replace(d.range, s)], preferred: true }];
  },
});
