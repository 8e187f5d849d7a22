// The action-item spellings (SPEC §4, §10): one table per spelling, saying
// how it writes the owner, the due date and the done date of a task line,
// and which other tokens it has that are read but mean none of those. The
// tables are data; one engine (markdown/tokens.ts) reads and writes every
// table, for the reader (markdown/items.ts), the quick fixes and actions
// (fixes.ts, actions/) and the completions (extension/completions.ts), as
// Obsidian Tasks hands a symbol table to one serializer.
//
// A new spelling is one table here (and its tests, test/unit/spellings.test.ts),
// as long as its tokens take one of the engine's shapes; a new shape is
// one case in the engine. The TextMate grammar (syntaxes/) is static JSON:
// test/unit/grammar.test.ts tells when a table's tokens are not scoped.

/** What a token of a task line says. */
export type Meaning = 'owner' | 'due' | 'done';

/**
 * What a token says that is none of the item's owner, due or done (Obsidian
 * Tasks' scheduled, start, created and cancelled dates, and its recurrence):
 * read so that it is left out of the item's text, and a date in it checked.
 */
export type OtherMeaning = 'scheduled' | 'start' | 'created' | 'cancelled' | 'recurrence';

/**
 * The shapes a token can take; the engine knows how to find, write and
 * complete each.
 *
 * - `mention`: the symbol, then an id: `@alex`. The id is Unicode letters,
 *   marks, digits, `_` and `-`, with `.` only between two of those; a symbol
 *   after a letter, digit, `.`, `_` or `-` is part of an e-mail address, and
 *   one in inline code or a URL is not a token. Owners only.
 * - `word`: todo.txt's `key:value`: `due:2026-11-27`, at the start of the
 *   line or after white space, the value running to the next white space.
 * - `emoji`: an Obsidian Tasks signifier, an optional U+FE0F, optional
 *   spaces and a date-shaped value (`dddd-dd-dd` and what is glued to it):
 *   `📅 2026-11-27`. Without a date-shaped value it is not a token but text.
 *   The first symbol is the one written.
 * - `recurrence`: Obsidian Tasks' `🔁 every week`: the symbol and the words
 *   of the rule (ASCII letters, digits, spaces, `,` and `!`).
 * - `field`: a Dataview inline field `[key:: value]` or `(key:: value)`
 *   (`open` says which), brackets nested inside the value; keys compare in
 *   Dataview's canonical form (case-insensitive, white space and `_` read as
 *   `-`), the first key is the one written. The value is trimmed; an owner's
 *   may start with `@`, and any value may be a wikilink (`[[alex]]`).
 */
export type TokenSyntax =
  | { readonly shape: 'mention'; readonly symbol: string }
  | { readonly shape: 'word'; readonly key: string }
  | { readonly shape: 'emoji'; readonly symbols: readonly string[] }
  | { readonly shape: 'recurrence'; readonly symbols: readonly string[] }
  | { readonly shape: 'field'; readonly keys: readonly string[]; readonly open: '[' | '(' };

export interface SpellingTable {
  readonly id: string;
  /** Its name in the README and messages. */
  readonly title: string;
  readonly owner: TokenSyntax;
  readonly due: TokenSyntax;
  readonly done: TokenSyntax;
  /** Tokens read and left out of the text that are none of the three (never written). */
  readonly others?: readonly { readonly meaning: OtherMeaning; readonly syntax: TokenSyntax }[];
}

const MENTION = { shape: 'mention', symbol: '@' } as const;

/** Cadence's own, todo.txt style: `@alex due:2026-11-27 done:2026-11-21`. */
const CADENCE = {
  id: 'cadence',
  title: 'Cadence (todo.txt style)',
  owner: MENTION,
  due: { shape: 'word', key: 'due:' },
  done: { shape: 'word', key: 'done:' },
} as const satisfies SpellingTable;

/**
 * Obsidian Tasks: `@alex 📅 2026-11-27 ✅ 2026-11-21` (the owner as Cadence
 * writes it); the due date also as `📆` and `🗓`; scheduled `⏳`, start `🛫`,
 * created `➕` and cancelled `❌` dates and the `🔁` recurrence are read and
 * left out of the text.
 */
const TASKS = {
  id: 'tasks',
  title: 'Obsidian Tasks',
  owner: MENTION,
  due: { shape: 'emoji', symbols: ['📅', '📆', '🗓'] },
  done: { shape: 'emoji', symbols: ['✅'] },
  others: [
    { meaning: 'scheduled', syntax: { shape: 'emoji', symbols: ['⏳'] } },
    { meaning: 'start', syntax: { shape: 'emoji', symbols: ['🛫'] } },
    { meaning: 'created', syntax: { shape: 'emoji', symbols: ['➕'] } },
    { meaning: 'cancelled', syntax: { shape: 'emoji', symbols: ['❌'] } },
    { meaning: 'recurrence', syntax: { shape: 'recurrence', symbols: ['🔁'] } },
  ],
} as const satisfies SpellingTable;

/** Dataview's inline fields in one bracket kind: owner (also `assignee`), due, done (`completion`, also `done`). */
function dataview<Id extends string>(id: Id, title: string, open: '[' | '(') {
  return {
    id,
    title,
    owner: { shape: 'field', keys: ['owner', 'assignee'], open },
    due: { shape: 'field', keys: ['due'], open },
    done: { shape: 'field', keys: ['completion', 'done'], open },
  } as const satisfies SpellingTable;
}

/** Dataview inline fields: `[owner:: alex] [due:: 2026-11-27] [completion:: 2026-11-21]`. */
const DATAVIEW = dataview('dataview', 'Dataview fields', '[');

/** Dataview's hidden-key form: `(owner:: alex) (due:: 2026-11-27) (completion:: 2026-11-21)`. */
const DATAVIEW_PARENS = dataview('dataview-parens', 'Dataview fields in parentheses', '(');

/**
 * Every spelling, in rank order. A token spelled alike in two tables (the
 * `@` owner) is read once and belongs to the first; a line is in the last
 * spelling one of its tokens belongs to, so a line with any Dataview field
 * gets its quick fixes as Dataview fields (SPEC §4), and a line with no
 * token is in the first.
 */
export const SPELLINGS = [CADENCE, TASKS, DATAVIEW, DATAVIEW_PARENS] as const satisfies readonly SpellingTable[];

/** A spelling's id: `cadence`, `tasks`, `dataview`, `dataview-parens`. */
export type Spelling = (typeof SPELLINGS)[number]['id'];

export const MEANINGS: readonly Meaning[] = ['owner', 'due', 'done'];
