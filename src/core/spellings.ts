// The action-item spellings (SPEC §4): one table per spelling, saying how
// it writes the owner, the due date and the done date of a task line. The
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
 * The shapes a token can take; the engine knows how to find, write and
 * complete each.
 *
 * - `mention`: the symbol, then an id: `@alex`. Not after a letter, digit,
 *   `_`, `.`, `+`, `-` or `@` (`bob@corp.io` is an address); the id is
 *   letters, digits, `_` and `-`. Owners only.
 * - `word`: todo.txt's `key:value`: `due:2026-11-27`, at the start of the
 *   line or after white space, the value running to the next white space.
 * - `emoji`: an Obsidian Tasks signifier, an optional U+FE0F, optional
 *   spaces and the value: `📅 2026-11-27`. The first symbol is the one written.
 * - `field`: a Dataview inline field `[key:: value]`, the value trimmed; an
 *   owner's value may start with `@`.
 */
export type TokenSyntax =
  | { readonly shape: 'mention'; readonly symbol: string }
  | { readonly shape: 'word'; readonly key: string }
  | { readonly shape: 'emoji'; readonly symbols: readonly string[] }
  | { readonly shape: 'field'; readonly key: string };

export interface SpellingTable {
  readonly id: string;
  /** Its name in the README and messages. */
  readonly title: string;
  readonly owner: TokenSyntax;
  readonly due: TokenSyntax;
  readonly done: TokenSyntax;
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

/** Obsidian Tasks: `@alex 📅 2026-11-27 ✅ 2026-11-21` (the owner as Cadence writes it). */
const TASKS = {
  id: 'tasks',
  title: 'Obsidian Tasks',
  owner: MENTION,
  due: { shape: 'emoji', symbols: ['📅'] },
  done: { shape: 'emoji', symbols: ['✅'] },
} as const satisfies SpellingTable;

/** Dataview inline fields: `[owner:: alex] [due:: 2026-11-27] [completion:: 2026-11-21]`. */
const DATAVIEW = {
  id: 'dataview',
  title: 'Dataview fields',
  owner: { shape: 'field', key: 'owner' },
  due: { shape: 'field', key: 'due' },
  done: { shape: 'field', key: 'completion' },
} as const satisfies SpellingTable;

/**
 * Every spelling, in rank order. A token spelled alike in two tables (the
 * `@` owner) is read once and belongs to the first; a line is in the last
 * spelling one of its tokens belongs to, so a line with any Dataview field
 * gets its quick fixes as Dataview fields (SPEC §4), and a line with no
 * token is in the first.
 */
export const SPELLINGS = [CADENCE, TASKS, DATAVIEW] as const satisfies readonly SpellingTable[];

/** A spelling's id: `cadence`, `tasks`, `dataview`. */
export type Spelling = (typeof SPELLINGS)[number]['id'];

export const MEANINGS: readonly Meaning[] = ['owner', 'due', 'done'];
