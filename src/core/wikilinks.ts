// People as wikilinks (SPEC §10): `[[alex]]`, `[[people/alex]]`,
// `[[alex.md]]`, `[[alex|Alex Kim]]`, `[[alex#Notes]]` all name the id
// `alex` — the link target's last path segment, without `.md`, `#…` and
// `|…`. Used wherever a person id is expected: a 1:1's `report`, an OKR
// `owner`, a Dataview owner field's value, and a task line's wikilinks.

import { idKey } from './ids';

/** A wikilink's id and where it stands, as offsets of the text it was found in. */
export interface WikiRef {
  /** The whole `[[…]]`: `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** The id (as written, not lower-cased): `[idStart, idEnd)`. */
  readonly id: string;
  readonly idStart: number;
  readonly idEnd: number;
}

/**
 * The id named by a link's inside (what stands between `[[` and `]]`),
 * with its offsets in `inner`; undefined when it names no file (`[[#Notes]]`).
 */
export function linkTarget(inner: string): { id: string; start: number; end: number } | undefined {
  let end = inner.length;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '|' || c === '#') {
      end = i;
      break;
    }
  }
  // `[[alex\|Alex]]` in a table cell: the escaped pipe is the alias's.
  if (end > 0 && inner[end - 1] === '\\' && inner[end] === '|') end--;
  const slash = inner.lastIndexOf('/', end - 1);
  let start = slash + 1;
  while (start < end && (inner[start] === ' ' || inner[start] === '\t')) start++;
  while (end > start && (inner[end - 1] === ' ' || inner[end - 1] === '\t')) end--;
  if (end - start > 3 && inner.slice(end - 3, end).toLowerCase() === '.md') end -= 3;
  if (end <= start) return undefined;
  return { id: inner.slice(start, end), start, end };
}

/**
 * The wikilinks of `text` from offset `from`, in order (the first `max`). A
 * link's inside holds no `[`, `]` or line break (Obsidian file names
 * cannot); one scan, linear in the text.
 */
export function findWikilinks(text: string, from = 0, max = Infinity): WikiRef[] {
  const out: WikiRef[] = [];
  let at = text.indexOf('[[', from);
  while (at !== -1 && out.length < max) {
    let i = at + 2;
    while (i < text.length && text[i] !== '[' && text[i] !== ']' && text[i] !== '\n') i++;
    if (text.startsWith(']]', i)) {
      const t = linkTarget(text.slice(at + 2, i));
      if (t) out.push({ start: at, end: i + 2, id: t.id, idStart: at + 2 + t.start, idEnd: at + 2 + t.end });
      at = text.indexOf('[[', i + 2);
    } else {
      // `[[[alex]]`: the link may start at the next bracket.
      at = text.indexOf('[[', text[i] === '[' ? i - 1 : i);
    }
  }
  return out;
}

/** The id a whole value names when it is one wikilink (`[[alex|Alex]]`, blanks around allowed), else undefined. */
export function wholeWikilink(value: string): WikiRef | undefined {
  const t = value.trim();
  if (!t.startsWith('[[') || !t.endsWith(']]')) return undefined;
  const lead = value.indexOf('[[');
  const links = findWikilinks(value, lead);
  return links.length === 1 && links[0].start === lead && links[0].end === lead + t.length ? links[0] : undefined;
}

/**
 * Does `text` name a person with a wikilink — a link whose id `knows`
 * (a DatasetQuery.knows: the key of a person file)? A note or OKR file that
 * does is one that writes people as links (SPEC §10), and completions offer
 * people in that form there. Linear in the text.
 */
export function linksPeople(text: string, knows: (key: string) => boolean): boolean {
  for (const l of findWikilinks(text)) if (knows(idKey(l.id))) return true;
  return false;
}
