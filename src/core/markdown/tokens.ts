// The one engine over the spelling tables (spellings.ts): finds the owner,
// due and done tokens of a task line (and the other tokens a spelling has)
// in every spelling at once, writes a token in a given spelling, and tells
// where the text before the cursor asks for an owner or a due date. Each
// table is compiled once, at load. Every scan is linear in the line's
// length, whatever it holds (SPEC §10: no input stalls a check).

import { MEANINGS, SPELLINGS, type Meaning, type OtherMeaning, type Spelling, type SpellingTable, type TokenSyntax } from '../spellings';
import { wholeWikilink } from '../wikilinks';

/** One token of a task line, as columns of the line. */
export interface FoundToken {
  readonly meaning: Meaning | OtherMeaning;
  /** The value as written (an owner without its `@`, a wikilink's id); '' when the token has none (`[due::]`). */
  readonly raw: string;
  /** The whole token: `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Where the value starts (`end` when there is none). */
  readonly valueStart: number;
  readonly spelling: Spelling;
}

interface Scanner {
  /** Adds the tokens of `text` from column `from` to `out`: at most MAX_TOKENS of its own. */
  scan(text: string, from: number, out: FoundToken[]): void;
}

/**
 * Tokens one scanner reads on a line, at most: the item takes the first of
 * each meaning, and a line of a hundred thousand `@a` must not make as many
 * objects (the rest of such a line is text).
 */
export const MAX_TOKENS = 64;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------
// Mentions: `@id`

// An id: letters, marks, digits, `_`, `-`; a `.` only between two of those.
const ID_CHAR = '[\\p{L}\\p{M}\\p{Nd}_-]';
const MENTION_ID = new RegExp(`${ID_CHAR}+(?:\\.${ID_CHAR}+)*`, 'uy');
/** What before the symbol makes it part of an e-mail address (`bob@corp.io`, `a.b@x`). */
const ADDRESS_CHAR = /^[\p{L}\p{M}\p{Nd}._-]$/u;

/** The code point that ends just before `at` (a surrogate pair as one). */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const lo = text.charCodeAt(at - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && at >= 2) {
    const hi = text.charCodeAt(at - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(at - 2, at);
  }
  return text[at - 1];
}

// A scheme is at most 32 characters, so that a long run of letters costs linear time.
const URL = /(?:[a-z][a-z0-9+.-]{0,31}:\/\/|www\.|mailto:)[^\s<>]*|\]\([^\s)]*/gi;

/**
 * Spans of `text` where an `@` is not a mention, nor a wikilink a link
 * (items.ts): inline code (a backtick run closed by the next run of the same
 * length, CommonMark's rule) and URLs (`scheme://…`, `www.…`, `mailto:…`, a
 * link's `](destination)`). Sorted by start; found in one pass each.
 */
export function literalSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (text.indexOf('`') !== -1) {
    const runs: [number, number][] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '`') continue;
      let j = i;
      while (j < text.length && text[j] === '`') j++;
      if (!(i > 0 && text[i - 1] === '\\')) runs.push([i, j - i]);
      i = j - 1;
    }
    // The next run of each length, from the right.
    const next: number[] = new Array(runs.length).fill(-1);
    const seen = new Map<number, number>();
    for (let k = runs.length - 1; k >= 0; k--) {
      next[k] = seen.get(runs[k][1]) ?? -1;
      seen.set(runs[k][1], k);
    }
    for (let k = 0; k < runs.length; k++) {
      if (next[k] === -1) continue;
      const close = runs[next[k]];
      spans.push([runs[k][0], close[0] + close[1]]);
      k = next[k];
    }
  }
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans.sort((a, b) => a[0] - b[0]);
}

/** `@id`, found from each symbol rather than by a regex tried at every column. */
function mentionScanner(symbol: string, meaning: Meaning, spelling: Spelling): Scanner {
  return {
    scan(text, from, out) {
      let spans: [number, number][] | undefined;
      let s = 0;
      let n = 0;
      for (let at = text.indexOf(symbol, from); at !== -1 && n < MAX_TOKENS; at = text.indexOf(symbol, at + 1)) {
        if (ADDRESS_CHAR.test(charBefore(text, at))) continue;
        MENTION_ID.lastIndex = at + symbol.length;
        const m = MENTION_ID.exec(text);
        if (!m) continue;
        spans ??= literalSpans(text);
        while (s < spans.length && spans[s][1] <= at) s++;
        if (s < spans.length && spans[s][0] <= at) continue;
        out.push({ meaning, raw: m[0], start: at, end: at + symbol.length + m[0].length, valueStart: at + symbol.length, spelling });
        n++;
      }
    },
  };
}

// ---------------------------------------------------------------------------
// todo.txt words and Obsidian Tasks emoji

/**
 * A token found by a regex: `lead` is the group before the token (white
 * space a `word` needs), `value` the value's group (may not participate).
 */
function regexScanner(re: RegExp, hints: readonly string[], lead: number, value: number, meaning: FoundToken['meaning'], spelling: Spelling): Scanner {
  return {
    scan(text, from, out) {
      if (!hints.some((h) => text.indexOf(h, from) !== -1)) return;
      re.lastIndex = from;
      let n = 0;
      for (let m = re.exec(text); m && n++ < MAX_TOKENS; m = re.exec(text)) {
        let end = m.index + m[0].length;
        const raw = (m[value] ?? '').trimEnd();
        if (raw !== (m[value] ?? '')) end -= (m[value] ?? '').length - raw.length;
        out.push({ meaning, raw, start: m.index + (lead ? m[lead].length : 0), end, valueStart: raw ? end - raw.length : end, spelling });
      }
    },
  };
}

/**
 * A date-shaped value after an emoji (SPEC §10): `dddd-dd-dd` and whatever is
 * glued to it that could make it a longer token (`T10:00`, more digits); a
 * `.` only before a letter or digit, so a full stop ends it.
 */
const DATE_VALUE = '(\\d{4}-\\d{2}-\\d{2}(?:[\\p{L}\\p{N}_:+\\-/]|\\.(?=[\\p{L}\\p{N}]))*)';
const emojiSymbols = (symbols: readonly string[]): string => `(?:${symbols.map(escape).join('|')})\\uFE0F?[ \\t]*`;

// ---------------------------------------------------------------------------
// Dataview fields: `[key:: value]`, `(key:: value)`

/** Dataview's canonical key: case-insensitive, white space and `_` read as `-`, other marks dropped (SPEC §10). */
export function canonicalKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, '-')
    .replace(/[^\p{L}\p{M}\p{N}\p{Extended_Pictographic}-]/gu, '');
}

const BRACKETS = new Set(['[', ']', '(', ')']);

/**
 * Every Dataview field of `text` opened by `open` from `from`, as Dataview
 * reads them: from each opening bracket, the key runs to the next `::` and
 * holds no bracket; the value runs to the bracket that closes the field,
 * brackets of the same kind nested inside it and backslash escapes
 * respected; after a field the search goes on past its end. Linear: the next
 * `::` and the next bracket are pointers that only move forward, and the
 * closing bracket comes from a table of where the nesting depth next drops.
 */
function dataviewFields(text: string, from: number, open: '[' | '('): { key: string; start: number; valueStart: number; valueEnd: number; end: number }[] {
  const close = open === '[' ? ']' : ')';
  const out: { key: string; start: number; valueStart: number; valueEnd: number; end: number }[] = [];
  if (text.indexOf(open, from) === -1 || text.indexOf('::', from) === -1) return out;
  // depth[k]: nesting after column k; drop[k]: first j > k with depth[j] < depth[k].
  const n = text.length;
  const depth = new Int32Array(n + 1);
  let d = 0;
  let escaped = false;
  for (let k = 0; k < n; k++) {
    const c = text[k];
    if (c === '\\') escaped = !escaped;
    else if (escaped) escaped = false;
    else if (c === open) d++;
    else if (c === close) d--;
    depth[k] = d;
  }
  const drop = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let k = n - 1; k >= 0; k--) {
    while (stack.length && depth[stack[stack.length - 1]] >= depth[k]) stack.pop();
    drop[k] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(k);
  }
  let sep = -1;
  let bracket = -1;
  for (let at = text.indexOf(open, from); at !== -1; ) {
    if (sep < at + 1) sep = text.indexOf('::', at + 1);
    if (sep === -1) break;
    if (bracket < at + 1) {
      bracket = at + 1;
      while (bracket < n && !BRACKETS.has(text[bracket])) bracket++;
    }
    // The closing bracket: where the depth first drops below its level before the value.
    const end = bracket >= sep ? drop[sep + 1] : -1;
    if (end === -1 || text[end] !== close) {
      at = text.indexOf(open, at + 1);
      continue;
    }
    let vs = sep + 2;
    let ve = end;
    while (vs < ve && /\s/.test(text[vs])) vs++;
    while (ve > vs && /\s/.test(text[ve - 1])) ve--;
    out.push({ key: text.slice(at + 1, sep).trim(), start: at, valueStart: vs, valueEnd: ve, end: end + 1 });
    at = text.indexOf(open, end + 1);
  }
  return out;
}

/**
 * The Dataview fields of one bracket kind, of every table, in one scanner.
 * A field whose key is none of the tables' is read too (and dropped): a
 * field inside another one's brackets (`[note:: see [due:: x]]`) is part of
 * that one's value, as Dataview reads it, not a token of its own.
 */
function fieldScanner(open: '[' | '(', keys: ReadonlyMap<string, { meaning: Meaning; spelling: Spelling }>): Scanner {
  return {
    scan(text, from, out) {
      let n = 0;
      for (const f of dataviewFields(text, from, open)) {
        if (n++ >= MAX_TOKENS) break;
        const k = keys.get(canonicalKey(f.key));
        if (!k) continue;
        let vs = f.valueStart;
        let raw = text.slice(vs, f.valueEnd);
        const link = wholeWikilink(raw);
        if (link) {
          vs += link.idStart;
          raw = link.id;
        } else if (k.meaning === 'owner' && raw.startsWith('@')) {
          vs++;
          raw = raw.slice(1);
        }
        out.push({ meaning: k.meaning, raw, start: f.start, end: f.end, valueStart: raw ? vs : f.end, spelling: k.spelling });
      }
    },
  };
}

// ---------------------------------------------------------------------------
// The tables, compiled

/** Throws on two tables that read one token as two meanings: a programming error. */
function compile(tables: readonly SpellingTable[]): Scanner[] {
  const seen = new Map<string, string>();
  const fields = { '[': new Map<string, { meaning: Meaning; spelling: Spelling }>(), '(': new Map<string, { meaning: Meaning; spelling: Spelling }>() };
  const scanners: Scanner[] = [];
  for (const t of tables) {
    const spelling = t.id as Spelling;
    const tokens: [FoundToken['meaning'], TokenSyntax][] = [...MEANINGS.map((m) => [m, t[m]] as [Meaning, TokenSyntax]), ...(t.others ?? []).map((o) => [o.meaning, o.syntax] as [OtherMeaning, TokenSyntax])];
    for (const [meaning, s] of tokens) {
      const key = JSON.stringify(s);
      if (seen.has(key)) {
        if (seen.get(key) !== meaning) throw new Error(`spelling ${t.id}: ${key} is an ${seen.get(key)} token in an earlier table`);
        continue;
      }
      seen.set(key, meaning);
      if (s.shape === 'mention') scanners.push(mentionScanner(s.symbol, meaning as Meaning, spelling));
      else if (s.shape === 'word') scanners.push(regexScanner(new RegExp(`(^|\\s)${escape(s.key)}(\\S+)`, 'g'), [s.key], 1, 2, meaning, spelling));
      else if (s.shape === 'emoji') scanners.push(regexScanner(new RegExp(`${emojiSymbols(s.symbols)}${DATE_VALUE}`, 'gu'), s.symbols, 0, 1, meaning, spelling));
      else if (s.shape === 'recurrence') scanners.push(regexScanner(new RegExp(`${emojiSymbols(s.symbols)}([a-zA-Z0-9, !]*)`, 'gu'), s.symbols, 0, 1, meaning, spelling));
      else {
        for (const k of s.keys) {
          const ck = canonicalKey(k);
          const had = fields[s.open].get(ck);
          if (had && had.meaning !== meaning) throw new Error(`spelling ${t.id}: field ${s.open}${k}:: is an ${had.meaning} token in an earlier table`);
          if (!had) fields[s.open].set(ck, { meaning: meaning as Meaning, spelling });
        }
      }
    }
  }
  for (const open of ['[', '('] as const) if (fields[open].size) scanners.push(fieldScanner(open, fields[open]));
  return scanners;
}

const SCANNERS = compile(SPELLINGS);
const RANK = new Map<string, number>(SPELLINGS.map((t, i) => [t.id, i]));
const TABLE = new Map<string, SpellingTable>(SPELLINGS.map((t) => [t.id, t]));

/**
 * Every token of a task line from column `from`, in every spelling, sorted
 * by column. Tokens may overlap (`[owner:: @alex]` holds an `@alex`); the
 * reader takes the first of overlapping ones.
 */
export function findTokens(text: string, from: number): FoundToken[] {
  const out: FoundToken[] = [];
  for (const s of SCANNERS) s.scan(text, from, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The spelling of a line whose tokens are `used`: the highest-ranked of theirs, else the first table's. */
export function spellingOf(used: readonly FoundToken[]): Spelling {
  let rank = 0;
  for (const u of used) rank = Math.max(rank, RANK.get(u.spelling)!);
  return SPELLINGS[rank].id;
}

/** A token in a spelling: `due:2026-11-27`, `📅 2026-11-27`, `[due:: 2026-11-27]`, `(due:: 2026-11-27)`, `@alex`. */
export function writeToken(spelling: Spelling, meaning: Meaning, value: string): string {
  const s = TABLE.get(spelling)![meaning];
  switch (s.shape) {
    case 'mention':
      return `${s.symbol}${value}`;
    case 'word':
      return `${s.key}${value}`;
    case 'emoji':
    case 'recurrence':
      return `${s.symbols[0]} ${value}`;
    case 'field':
      return `${s.open}${s.keys[0]}:: ${value}${s.open === '[' ? ']' : ')'}`;
  }
}

/** The text before a value of `s`, as a regex source, when the value is being typed. */
function triggerOf(s: TokenSyntax): string {
  switch (s.shape) {
    case 'mention':
      return `(?:^|[^\\p{L}\\p{M}\\p{Nd}._-])${escape(s.symbol)}`;
    case 'word':
      return `(?:^|\\s)${escape(s.key)}`;
    case 'emoji':
    case 'recurrence':
      return `(?:${s.symbols.map(escape).join('|')})\\uFE0F?[ \\t]*`;
    case 'field':
      // Keys compare as Dataview's canonical form does: any letter case, `_` or a space for `-`.
      return `${escape(s.open)}[ \\t]*(?:${s.keys.map(caseless).join('|')})[ \\t]*:: ?`;
  }
}

/** A regex source matching `key` in any letter case, `-` also as `_` or a space. */
function caseless(key: string): string {
  return [...key].map((c) => (c === '-' ? '[-_ ]' : c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c))).join('');
}

/** Where a completion goes in a task line: what is asked for, from which column, written after which prefix. */
export interface CompletionSpot {
  readonly meaning: 'owner' | 'due';
  /** The column the completed text replaces from: an owner's from its symbol or `[[`, a date's from its value. */
  readonly start: number;
  /**
   * What the completed text starts with: the mention symbol (`@alex`),
   * `[[` (a wikilink being typed: `[[alex]]`), or '' (a date, or an owner
   * field's value, written as the note writes people: SPEC §10).
   */
  readonly prefix: string;
}

const distinct = <T>(list: readonly T[]): T[] => [...new Set(list)];
// Owners are completed where a mention is typed (the item writes `@id`), in
// an owner field's value, and in a wikilink being typed; dates after every
// spelling's due token.
const OWNER_TRIGGERS = distinct(SPELLINGS.flatMap((t) => (t.owner.shape === 'mention' ? [t.owner.symbol] : []))).map(
  (symbol) => ({ symbol, re: new RegExp(`${triggerOf({ shape: 'mention', symbol })}([\\p{L}\\p{M}\\p{Nd}_-]*)$`, 'u') }),
);
/** A wikilink's inside as it is typed: no bracket, `|`, `#` or line break yet. */
const TYPED_LINK = '\\[\\[[^\\[\\]|#\\n]*';
const OWNER_FIELD_TRIGGER = new RegExp(
  `(?:${distinct(SPELLINGS.flatMap((t) => (t.owner.shape === 'field' ? [triggerOf(t.owner)] : []))).join('|')})(${TYPED_LINK}|[\\p{L}\\p{M}\\p{Nd}_.-]*)$`,
  'u',
);
const LINK_TRIGGER = new RegExp(`(?:^|[^\\[])(${TYPED_LINK})$`, 'u');
const DUE_TRIGGER = new RegExp(`(?:${distinct(SPELLINGS.map((t) => triggerOf(t.due))).join('|')})([\\d-]*)$`, 'u');

/**
 * What the text before the cursor (`before`, one line) is typing: an owner
 * (after `@`, in an owner field's value, or in a `[[` wikilink), a due
 * date, or neither.
 */
export function completionAt(before: string): CompletionSpot | undefined {
  // What is being typed ends the line: the last characters are enough (and keep a megabyte line cheap).
  const tail = before.length > 512 ? before.slice(-512) : before;
  for (const { symbol, re } of OWNER_TRIGGERS) {
    const m = re.exec(tail);
    if (m) return { meaning: 'owner', start: before.length - m[1].length - symbol.length, prefix: symbol };
  }
  const field = OWNER_FIELD_TRIGGER.exec(tail);
  if (field) return { meaning: 'owner', start: before.length - field[1].length, prefix: field[1].startsWith('[[') ? '[[' : '' };
  const link = LINK_TRIGGER.exec(tail);
  if (link) return { meaning: 'owner', start: before.length - link[1].length, prefix: '[[' };
  const due = DUE_TRIGGER.exec(tail);
  return due ? { meaning: 'due', start: before.length - due[1].length, prefix: '' } : undefined;
}
