// Choices that several rules' fixes offer: people to assign, dates to pick.

import { addDays, endOfQuarter } from '../dates';
import { nextOneOnOneDate } from '../metrics';
import type { Field } from '../model';
import type { Fix, TextEdit } from '../types';
import type { RuleContext } from './rule';
import * as l10n from '../l10n';
import { idKey } from '../ids';
import { yamlScalar } from '../fixes';

/** Who the first-offered owner is, as the fix's title says it. */
export type SuggestedOwner =
  /** The person the 1:1 is with: the title names their relationship (SPEC §11). */
  | { id: string; as: 'partner' }
  /** The owner of the objective a key result belongs to. */
  | { id: string; as: 'objective-owner' };

/**
 * The first owner fix's title: "Assign to @alex (the report)", "(your manager)",
 * "(skip-level)", "(peer)", "(your mentor)", "(your mentee)" by the 1:1 partner's
 * `relationship:` (SPEC §11; a person with no file is taken as a report), or
 * "(owns the objective)" for a key result.
 */
function suggestedTitle(ctx: RuleContext, s: SuggestedOwner): string {
  if (s.as === 'objective-owner') return l10n.t('Assign to @{0} (owns the objective)', s.id);
  const person = ctx.data.peopleWithKey(idKey(s.id))[0];
  switch (person?.relationship ?? 'report') {
    case 'manager':
      return l10n.t('Assign to @{0} (your manager)', s.id);
    case 'skip-level':
      return l10n.t('Assign to @{0} (skip-level)', s.id);
    case 'peer':
      return l10n.t('Assign to @{0} (peer)', s.id);
    case 'mentor':
      return l10n.t('Assign to @{0} (your mentor)', s.id);
    case 'mentee':
      return l10n.t('Assign to @{0} (your mentee)', s.id);
    default:
      return l10n.t('Assign to @{0} (the report)', s.id);
  }
}

/**
 * Owner fixes: the suggested owner (the 1:1 partner, or a key result's
 * objective owner), `me`, up to three others from the dataset — reports
 * first, in path order, then everyone else (SPEC §11: your manager or a peer
 * owns fewer of your items) — then "Assign to…" which asks (its edit carries
 * `${value}`). With `yaml` (an `owner:` written into an OKR file) each id,
 * and the answer, is written as a YAML scalar that reads back as that id
 * (`"007"`, not the number 7: yamlScalar).
 */
export function ownerFixes(ctx: RuleContext, suggested: SuggestedOwner | undefined, edit: (id: string) => TextEdit, yaml = false): Fix[] {
  const out: Fix[] = [];
  const seen = new Set<string>();
  const add = (id: string, title: string, preferred = false) => {
    if (seen.has(idKey(id))) return;
    seen.add(idKey(id));
    out.push({ title, edits: [edit(yaml ? yamlScalar(id) : id)], preferred });
  };
  if (suggested) add(suggested.id, suggestedTitle(ctx, suggested), true);
  add('me', l10n.t('Assign to @me'));
  const me = ctx.data.meKey();
  seen.add(me);
  let others = 0;
  const people = ctx.data.people();
  for (const p of [...people.filter((x) => x.relationship === 'report'), ...people.filter((x) => x.relationship !== 'report')]) {
    if (others >= 3 || p.me) continue;
    if (seen.has(p.key)) continue;
    add(p.id, p.name ? l10n.t('Assign to @{0} ({1})', p.id, p.name) : l10n.t('Assign to @{0}', p.id));
    others++;
  }
  out.push({ title: l10n.t('Assign to…'), edits: [edit('${value}')], ask: { kind: 'person', prompt: l10n.t('Who owns this?'), yaml } });
  return out;
}

/** Due-date fixes: next 1:1 with the report, in a week, end of quarter, "Due on…". */
export function dueFixes(ctx: RuleContext, report: string | undefined, edit: (date: string) => TextEdit): Fix[] {
  const out: Fix[] = [];
  if (report) {
    const next = nextOneOnOneDate(ctx, idKey(report));
    out.push({ title: l10n.t('Due at the next 1:1 with @{0} ({1})', report, next), edits: [edit(next)], preferred: true });
  }
  const week = addDays(ctx.today, 7);
  out.push({ title: l10n.t('Due in a week ({0})', week), edits: [edit(week)], preferred: !report });
  const eoq = endOfQuarter(ctx.today);
  out.push({ title: l10n.t('Due at the end of the quarter ({0})', eoq), edits: [edit(eoq)] });
  out.push({ title: l10n.t('Due on…'), edits: [edit('${value}')], ask: { kind: 'date', prompt: l10n.t('Due date (YYYY-MM-DD)') } });
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
