import { dateInFileName } from '../dates';
import { insertAt, insertYamlKey } from '../fixes';
import type { Fix } from '../types';
import { defineRule, type FixContext } from './rule';
import { lastLineOf } from './shared';
import * as l10n from '../l10n';

interface Missing {
  field: string;
  objective?: number;
  keyResult?: number;
}

export default defineRule({
  code: 'missing-field',
  severity: 'error',
  description: 'A required field is absent: a 1:1 needs `report` and `date`, an OKR set a `period` (or `start` and `end`), objectives and key results a `title`.',
  kinds: ['1on1', 'okr'],
  check(doc, _ctx, report) {
    if (doc.yamlErrors.length) return;
    const first = doc.firstLine;
    if (doc.kind === '1on1') {
      if (!doc.report) report(first, l10n.t('This 1:1 has no `report:` (or `with:`) — add the id of the person it is with.'), { field: 'report' } satisfies Missing);
      // A log's dates are its meetings' headings (SPEC §12).
      if (!doc.dateField && !doc.date && !doc.log) {
        const named = dateInFileName(doc.path);
        const why = named && !named.real ? l10n.t(' ({0} in the file name is not a real date)', named.value) : '';
        report(first, l10n.t('This 1:1 has no `date:`{0} — add one, or name the file YYYY-MM-DD.md.', why), { field: 'date' } satisfies Missing);
      }
      return;
    }
    const has = (k: string) => doc.fields.has(k) && !doc.fields.get(k)!.isNull;
    if (!has('period') && !(has('start') && has('end'))) {
      report(first, l10n.t('This OKR set has no `period:` (2026-Q4, 2026-H2 or 2026) or `start:` and `end:` dates.'), { field: 'period' } satisfies Missing);
    }
    for (const o of doc.objectives) {
      if (!o.title) report(o.firstLine, l10n.t('Objective {0} has no `title:`.', o.id), { field: 'title', objective: o.index } satisfies Missing);
      for (const kr of o.keyResults) {
        if (!kr.title) report(kr.firstLine, l10n.t('Key result {0}/{1} has no `title:`.', o.id, kr.id), { field: 'title', objective: o.index, keyResult: kr.index } satisfies Missing);
      }
    }
  },
  fixes(d, doc, ctx: FixContext): Fix[] {
    const m = d.data as Missing;
    if (doc.kind === '1on1') {
      // A date from the file name is the note's own; today is a guess (an old note dated today would hide a lapsed cadence): offered, never applied by Fix All or --fix.
      const named = m.field === 'date' ? dateInFileName(doc.path) : undefined;
      const fromName = named?.real ? named.value : undefined;
      const value = m.field === 'date' ? (fromName ?? ctx.today) : '${value}';
      const safe = fromName !== undefined;
      // The answer is written into the front matter: as a YAML scalar that reads back as the id (withAnswer).
      const ask = m.field === 'report' ? ({ kind: 'person', prompt: l10n.t('Who is this 1:1 with?'), yaml: true } as const) : undefined;
      const title = m.field === 'date' ? l10n.t('Add date: {0}', value) : l10n.t('Add report: …');
      if (!doc.hasFrontMatter) {
        const fm = `---\ntype: 1on1\n${m.field}: ${value}\n---\n`;
        return [{ title, edits: [insertAt({ line: 0, character: 0 }, fm)], ask, safe, preferred: true }];
      }
      const at = { line: doc.frontMatterEnd - 1, character: 0 };
      return [{ title, edits: [insertAt(at, `${m.field}: ${value}\n`)], ask, safe, preferred: true }];
    }
    if (m.field === 'period') {
      const q = `${ctx.today.slice(0, 4)}-Q${Math.floor((+ctx.today.slice(5, 7) - 1) / 3) + 1}`;
      // Before the first top-level key: after any `---` marker, directive or comment.
      let first = Infinity;
      for (const f of doc.fields.values()) first = Math.min(first, f.keyRange.start.line);
      const line = first !== Infinity ? first : /^---[ \t]*$/.test(ctx.lines[0] ?? '') ? 1 : 0;
      // A file that is only a `---` line has no line after it: add one.
      const edit =
        line < ctx.lines.length
          ? insertAt({ line, character: 0 }, `period: ${q}\n`)
          : insertAt({ line: ctx.lines.length - 1, character: ctx.lines[ctx.lines.length - 1].length }, `\nperiod: ${q}`);
      return [{ title: l10n.t('Add period: {0}', q), edits: [edit], preferred: true }];
    }
    const o = doc.objectives[m.objective ?? 0];
    const target = m.keyResult !== undefined ? o?.keyResults[m.keyResult] : o;
    if (!target) return [];
    // After the whole of the field that opens the object: its value may be a
    // block scalar or a nested list running over several lines.
    const first = target.firstLine.start.line;
    const opening = [...target.fields.values()].find((f) => f.keyRange.start.line === first);
    return [
      {
        title: l10n.t('Add a title…'),
        edits: [insertYamlKey(target.shape, lastLineOf(opening) ?? first, ctx.lines, 'title', '${value}')],
        ask: { kind: 'text', prompt: l10n.t('Title'), yaml: true },
      },
    ];
  },
});
