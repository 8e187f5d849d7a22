// People as the views show them: by name, and in the order a manager reads
// them (who needs a 1:1 first). The Reports tree and the dashboard's cards
// and heatmap use the same order.

import { cadenceStatus, type CadenceStatus } from './metrics';
import type { PersonDoc, PersonRef } from './model';
import type { DatasetQuery } from './rules/rule';
import type { Settings } from './settings';

/** `urgency`: lapsed, then due, then the rest, each by name; `name`: by name alone. */
export type PeopleOrder = 'urgency' | 'name';

const URGENCY: Readonly<Record<CadenceStatus, number>> = { lapsed: 0, due: 1, ok: 2, unknown: 2, me: 3 };

/** The name a person is shown by: their `name:`, else their id as the person file spells it. */
export function displayName(p: PersonDoc): string {
  return p.name?.trim() || p.id;
}

/**
 * Everyone but the manager, ordered by `order` (ties by name, then id, in
 * the user's locale, case-insensitively), and the manager's own card (`me:
 * true`) apart.
 */
export function orderPeople(
  people: readonly PersonDoc[],
  ctx: { readonly today: string; readonly settings: Settings; readonly data: DatasetQuery },
  order: PeopleOrder,
): { readonly others: PersonDoc[]; readonly me: PersonDoc[] } {
  const rank = new Map<PersonDoc, number>();
  if (order === 'urgency') for (const p of people) rank.set(p, URGENCY[cadenceStatus(ctx, p).status]);
  const byName = (a: PersonDoc, b: PersonDoc) =>
    displayName(a).localeCompare(displayName(b), undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const others = people.filter((p) => !p.me).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || byName(a, b));
  return { others, me: people.filter((p) => p.me) };
}

/**
 * How an owner or report is shown (SPEC §3: ids compare case-insensitively,
 * so `@LEE` and `@lee` are one person): the person's name, else their id as
 * the person file spells it; `@me` is the `me: true` person (else "me"); an id
 * with no person file is shown as typed.
 */
export function personLabel(data: DatasetQuery, ref: Pick<PersonRef, 'id' | 'key'> | undefined): string | undefined {
  if (!ref) return undefined;
  const key = ref.key === 'me' ? data.meKey() : ref.key;
  const p = data.peopleWithKey(key)[0];
  if (p) return displayName(p);
  return ref.key === 'me' ? 'me' : ref.id;
}
