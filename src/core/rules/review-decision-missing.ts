import { insertAt } from '../fixes';
import { DECISIONS } from '../parse/notes';
import { objectiveSections } from '../reviews';
import type { Fix } from '../types';
import { defineRule } from './rule';
import * as l10n from '../l10n';

/**
 * SPEC §19: a held OKR review (dated today or earlier) ends every objective
 * with a decision. Each objective section (a `##` heading starting with the
 * id of an objective of the reviewed set) without a `Decision:` line is
 * reported on its heading. Fixes: the four decisions, each one line under
 * the heading.
 */
export default defineRule({
  code: 'review-decision-missing',
  severity: 'warning',
  description: 'A held OKR review that leaves an objective without a decision (continue, cut, re-scope or escalate).',
  kinds: ['okr-review'],
  crossFile: true,
  check(doc, ctx, report) {
    if (!doc.date || doc.date > ctx.today || !doc.okrs) return;
    const set = ctx.data.okrSet(doc.okrs.trim().toLowerCase());
    for (const s of objectiveSections(doc, set)) {
      if (s.decisions.length) continue;
      // The heading as written (`## ` and its text): its line is what the contract names.
      const range = { start: { line: s.heading.line, character: 0 }, end: { line: s.heading.line, character: s.heading.depth + 1 + s.heading.text.length } };
      report(range, l10n.t('{0} was reviewed on {1} without a decision — add a line `Decision: continue`, `cut`, `re-scope` or `escalate` under its heading.', s.objective.id, doc.date), { line: s.heading.line });
    }
  },
  fixes(d, _doc, ctx): Fix[] {
    const { line } = d.data as { line: number };
    const text = ctx.lines[line];
    if (text === undefined) return [];
    const at = { line, character: text.length };
    return DECISIONS.map((v, i) => ({ title: l10n.t('Decision: {0}', v), edits: [insertAt(at, `\nDecision: ${v}`)], preferred: i === 0 }));
  },
});
