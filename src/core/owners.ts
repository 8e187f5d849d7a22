// An action item's owner (SPEC §10): its first owner token in line order
// (an `@id` or a Dataview owner field), read with the item; only when the
// line has neither, the first of its wikilinks that names a known person (a
// person file with that id exists). That last part depends on the other
// files, so it is decided here, against the dataset, by every reader of an
// owner: rules, views, counts.

import { withoutSourceMark } from './actions/carry';
import { idKey } from './ids';
import type { ActionItem, PersonRef } from './model';
import { findWikilinks } from './wikilinks';

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

/**
 * `text` (an item's text, or part of it) without the wikilink that names the
 * item's owner, when a wikilink does (the line has no owner token): as the
 * item's text already leaves out an `@id` owner (SPEC §10), the spaces the
 * link leaves closed up and the ends trimmed. Unchanged otherwise.
 */
export function withoutOwnerLink(text: string, item: ActionItem, people: KnownPeople): string {
  const owner = item.owner ? undefined : itemOwner(item, people);
  const link = owner && findWikilinks(text).find((l) => idKey(l.id) === owner.key);
  return link ? (text.slice(0, link.start) + text.slice(link.end)).replace(/[ \t]{2,}/g, ' ').trim() : text;
}

/**
 * An action item's words as the views show them (the Action Items tree, the
 * status bar's overdue list): its text (SPEC §10: without its checkbox and
 * the tokens read, so an `@id` owner is already out) without a carried
 * item's "(from [date](link))" mark and, when a wikilink names its owner,
 * without that link, so that an owner is never both in the words and beside
 * them, however it is written. Trimmed; '' when nothing is left.
 */
export function itemWords(item: ActionItem, people: KnownPeople): string {
  return withoutOwnerLink(withoutSourceMark(item.text), item, people)
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
