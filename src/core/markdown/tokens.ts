// The one engine over the spelling tables (spellings.ts): finds the owner,
// due and done tokens of a task line in every spelling at once, writes a
// token in a given spelling, and tells where the text before the cursor
// asks for an owner or a due date. Each table is compiled once, at load.

import { MEANINGS, SPELLINGS, type Meaning, type Spelling, type SpellingTable, type TokenSyntax } from '../spellings';

/** One token of a task line, as columns of the line. */
export interface FoundToken {
  readonly meaning: Meaning;
  /** The value as written (an owner without its `@`); '' when the token has none (`📅` alone). */
  readonly raw: string;
  /** The whole token: `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Where the value starts (`end` when there is none). */
  readonly valueStart: number;
  readonly spelling: Spelling;
}

interface Scanner {
  /** Adds the tokens of `text` from column `from` to `out`, in line order. */
  scan(text: string, from: number, out: FoundToken[]): void;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A mention's id; and what before the symbol makes it part of a word or an e-mail address.
const MENTION_ID = /[\p{L}\p{N}_][\p{L}\p{N}_-]*/uy;
const WORDISH = /[\p{L}\p{N}_.+\-@]/u;
const NOT_WORDISH = '[^\\p{L}\\p{N}_.+\\-@]';

/** `@id`, found from each symbol rather than by a regex tried at every column. */
function mentionScanner(symbol: string, meaning: Meaning, spelling: Spelling): Scanner {
  return {
    scan(text, from, out) {
      for (let at = text.indexOf(symbol, from); at !== -1; at = text.indexOf(symbol, at + 1)) {
        if (at > 0 && WORDISH.test(text[at - 1])) continue;
        MENTION_ID.lastIndex = at + symbol.length;
        const m = MENTION_ID.exec(text);
        if (m) out.push({ meaning, raw: m[0], start: at, end: at + symbol.length + m[0].length, valueStart: at + symbol.length, spelling });
      }
    },
  };
}

/**
 * A token found by a regex: `lead` is the group before the token (white
 * space a `word` needs), `value` the value's group (may not participate).
 */
function regexScanner(re: RegExp, hints: readonly string[], lead: number, value: number, meaning: Meaning, spelling: Spelling): Scanner {
  return {
    scan(text, from, out) {
      if (!hints.some((h) => text.indexOf(h, from) !== -1)) return;
      re.lastIndex = from;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const end = m.index + m[0].length;
        const raw = m[value] ?? '';
        out.push({ meaning, raw, start: m.index + (lead ? m[lead].length : 0), end, valueStart: raw ? end - raw.length : end, spelling });
      }
    },
  };
}

/**
 * A table's Dataview fields, in one regex: a field inside another one's
 * brackets (`[due:: [owner:: x]`) is part of that one's value, as Dataview
 * reads it, not a token of its own.
 */
function fieldScanner(fields: readonly (readonly [string, Meaning])[], spelling: Spelling): Scanner {
  const meaningOf = new Map(fields);
  const re = new RegExp(`\\[(${fields.map(([k]) => escape(k)).join('|')})::[ ]*([^\\]]*?)[ ]*\\]`, 'g');
  return {
    scan(text, from, out) {
      if (text.indexOf('::', from) === -1) return;
      re.lastIndex = from;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const meaning = meaningOf.get(m[1])!;
        const at = meaning === 'owner' && m[2].startsWith('@') ? 1 : 0;
        const raw = at ? m[2].slice(1) : m[2];
        const valueStart = m.index + m[0].indexOf(m[2], m[1].length + 3) + at;
        out.push({ meaning, raw, start: m.index, end: m.index + m[0].length, valueStart, spelling });
      }
    },
  };
}

/** Throws on two tables that read one token as two meanings: a programming error. */
function compile(tables: readonly SpellingTable[]): Scanner[] {
  const seen = new Map<string, Meaning>();
  const scanners: Scanner[] = [];
  for (const t of tables) {
    const spelling = t.id as Spelling;
    const fields: [string, Meaning][] = [];
    for (const meaning of MEANINGS) {
      const s: TokenSyntax = t[meaning];
      const key = JSON.stringify(s);
      if (seen.has(key)) {
        if (seen.get(key) !== meaning) throw new Error(`spelling ${t.id}: ${key} is an ${seen.get(key)} token in an earlier table`);
        continue;
      }
      seen.set(key, meaning);
      if (s.shape === 'mention') scanners.push(mentionScanner(s.symbol, meaning, spelling));
      else if (s.shape === 'word') scanners.push(regexScanner(new RegExp(`(^|\\s)${escape(s.key)}(\\S+)`, 'g'), [s.key], 1, 2, meaning, spelling));
      else if (s.shape === 'emoji') scanners.push(regexScanner(new RegExp(`(?:${s.symbols.map(escape).join('|')})\\uFE0F?[ ]*(\\S+)?`, 'gu'), s.symbols, 0, 1, meaning, spelling));
      else fields.push([s.key, meaning]);
    }
    if (fields.length) scanners.push(fieldScanner(fields, spelling));
  }
  return scanners;
}

const SCANNERS = compile(SPELLINGS);
const RANK = new Map<string, number>(SPELLINGS.map((t, i) => [t.id, i]));
const TABLE = new Map<string, SpellingTable>(SPELLINGS.map((t) => [t.id, t]));

/**
 * Every owner, due and done token of a task line from column `from`, in
 * every spelling, sorted by column. Tokens may overlap (`[owner:: @alex]`
 * holds an `@alex`); the reader takes the first of overlapping ones.
 */
export function findTokens(text: string, from: number): FoundToken[] {
  const out: FoundToken[] = [];
  for (const s of SCANNERS) s.scan(text, from, out);
  return out.sort((a, b) => a.start - b.start);
}

/** The spelling of a line whose tokens are `used`: the highest-ranked of theirs, else the first table's. */
export function spellingOf(used: readonly FoundToken[]): Spelling {
  let rank = 0;
  for (const u of used) rank = Math.max(rank, RANK.get(u.spelling)!);
  return SPELLINGS[rank].id;
}

/** A token in a spelling: `due:2026-11-27`, `📅 2026-11-27`, `[due:: 2026-11-27]`, `@alex`. */
export function writeToken(spelling: Spelling, meaning: Meaning, value: string): string {
  const s = TABLE.get(spelling)![meaning];
  switch (s.shape) {
    case 'mention':
      return `${s.symbol}${value}`;
    case 'word':
      return `${s.key}${value}`;
    case 'emoji':
      return `${s.symbols[0]} ${value}`;
    case 'field':
      return `[${s.key}:: ${value}]`;
  }
}

/** The text before a value of `s`, as a regex source, when the value is being typed. */
function triggerOf(s: TokenSyntax): string {
  switch (s.shape) {
    case 'mention':
      return `(?:^|${NOT_WORDISH})${escape(s.symbol)}`;
    case 'word':
      return `(?:^|\\s)${escape(s.key)}`;
    case 'emoji':
      return `(?:${s.symbols.map(escape).join('|')})\\uFE0F? ?`;
    case 'field':
      return `\\[${escape(s.key)}:: ?`;
  }
}

/** Where a completion goes in a task line: what is asked for, from which column, written after which prefix. */
export interface CompletionSpot {
  readonly meaning: 'owner' | 'due';
  /** The column the completed text replaces from: an owner's from its symbol, a date's from its value. */
  readonly start: number;
  /** What the completed text starts with: the mention symbol, or ''. */
  readonly prefix: string;
}

const distinct = <T>(list: readonly T[]): T[] => [...new Set(list)];
// Owners are completed where a mention is typed (the item writes `@id`);
// the dates after every spelling's due token.
const OWNER_TRIGGERS = distinct(SPELLINGS.flatMap((t) => (t.owner.shape === 'mention' ? [t.owner.symbol] : []))).map(
  (symbol) => ({ symbol, re: new RegExp(`${triggerOf({ shape: 'mention', symbol })}([\\p{L}\\p{N}_-]*)$`, 'u') }),
);
const DUE_TRIGGER = new RegExp(`(?:${distinct(SPELLINGS.map((t) => triggerOf(t.due))).join('|')})([\\d-]*)$`, 'u');

/** What the text before the cursor (`before`, one line) is typing: an owner, a due date, or neither. */
export function completionAt(before: string): CompletionSpot | undefined {
  for (const { symbol, re } of OWNER_TRIGGERS) {
    const m = re.exec(before);
    if (m) return { meaning: 'owner', start: before.length - m[1].length - symbol.length, prefix: symbol };
  }
  const due = DUE_TRIGGER.exec(before);
  return due ? { meaning: 'due', start: before.length - due[1].length, prefix: '' } : undefined;
}
