// Choices that several rules' fixes offer: people to assign, dates to pick.

import { addDays, endOfQuarter } from '../dates';
import { nextOneOnOneDate } from '../metrics';
import type { Field } from '../model';
import type { Fix, TextEdit } from '../types';
import type { RuleContext } from './rule';

/**
 * Owner fixes: the report, `me`, up to three others from the dataset —
 * reports first, in path order, then everyone else (SPEC §11: your manager
 * or a peer owns fewer of your items) — then "Assign to…" which asks (its
 * edit carries `${value}`).
 */
export function ownerFixes(ctx: RuleContext, report: string | undefined, edit: (id: string) => TextEdit): Fix[] {
  const out: Fix[] = [];
  const seen = new Set<string>();
  const add = (id: string, title: string, preferred = false) => {
    if (seen.has(id.toLowerCase())) return;
    seen.add(id.toLowerCase());
    out.push({ title, edits: [edit(id)], preferred });
  };
  if (report) add(report, `Assign to @${report} (the report)`, true);
  add('me', 'Assign to @me');
  const me = ctx.data.meKey();
  seen.add(me);
  let others = 0;
  const people = ctx.data.people();
  for (const p of [...people.filter((x) => x.relationship === 'report'), ...people.filter((x) => x.relationship !== 'report')]) {
    if (others >= 3 || p.me) continue;
    if (seen.has(p.key)) continue;
    add(p.id, `Assign to @${p.id}${p.name ? ` (${p.name})` : ''}`);
    others++;
  }
  out.push({ title: 'Assign to…', edits: [edit('${value}')], ask: { kind: 'person', prompt: 'Who owns this?' } });
  return out;
}

/** Due-date fixes: next 1:1 with the report, in a week, end of quarter, "Due on…". */
export function dueFixes(ctx: RuleContext, report: string | undefined, edit: (date: string) => TextEdit): Fix[] {
  const out: Fix[] = [];
  if (report) {
    const next = nextOneOnOneDate(ctx, report.toLowerCase());
    out.push({ title: `Due at the next 1:1 with @${report} (${next})`, edits: [edit(next)], preferred: true });
  }
  const week = addDays(ctx.today, 7);
  out.push({ title: `Due in a week (${week})`, edits: [edit(week)], preferred: !report });
  const eoq = endOfQuarter(ctx.today);
  out.push({ title: `Due at the end of the quarter (${eoq})`, edits: [edit(eoq)] });
  out.push({ title: 'Due on…', edits: [edit('${value}')], ask: { kind: 'date', prompt: 'Due date (YYYY-MM-DD)' } });
  return out;
}

/**
 * The last line of a field's value, after which a fix may add a key. A block
 * scalar's (`title: >`) range runs to the start of the line after it, which
 * may already belong to the next key or the next list item.
 */
export function lastLineOf(f: Field | undefined): number | undefined {
  if (!f) return undefined;
  const { start, end } = f.range;
  return end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
}
