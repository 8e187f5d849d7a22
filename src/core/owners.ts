// An action item's owner (SPEC §10): its first owner token in line order
// (an `@id` or a Dataview owner field), read with the item; only when the
// line has neither, the first of its wikilinks that names a known person (a
// person file with that id exists). That last part depends on the other
// files, so it is decided here, against the dataset, by every reader of an
// owner: rules, views, counts.

import type { ActionItem, PersonRef } from './model';

/** What `itemOwner` needs of the dataset: is there a person file with this key (DatasetQuery.knows)? */
export interface KnownPeople {
  knows(key: string): boolean;
}

/** The item's owner: its owner token, else its first wikilink naming a known person, else undefined. */
export function itemOwner(item: ActionItem, people: KnownPeople): PersonRef | undefined {
  if (item.owner) return item.owner;
  for (const l of item.links) if (people.knows(l.key)) return l;
  return undefined;
}
