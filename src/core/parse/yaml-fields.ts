// Reads YAML through `yaml`'s document API so every value keeps its source
// range: a diagnostic points at the value, a fix edits exactly that token.
// Anchors, aliases and merge keys are resolved before any field is read
// (SPEC §10): a value reached through an alias or a `<<` key stands, with
// everything inside it, at the alias, so that a diagnostic about it is
// reported where it is used, once per use.

import { isAlias, isMap, isPair, isScalar, isSeq, Pair, parseDocument, type Node, type ParsedNode, type YAMLMap } from 'yaml';
import { isValidDate } from '../dates';
import { idKey } from '../ids';
import type { DateField, Field, MapShape, PersonRef, YamlProblem } from '../model';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { wholeWikilink } from '../wikilinks';
import * as l10n from '../l10n';
import { guardYaml, MAX_YAML_CHARS } from './yaml-guard';

export interface YamlRead {
  readonly root: YAMLMap | undefined;
  readonly errors: YamlProblem[];
  readonly index: LineIndex;
  /** What Cadence did not read because it is beyond a bound (an alias expanding past the budget). */
  readonly limits: YamlProblem[];
}

/** YAML errors reported per document at most: the first ones are what to fix. */
const MAX_ERRORS = 50;

/**
 * A key repeated in a map is an error (YAML 1.2), reported at each repeat,
 * as the parser words it; one pass over the tree.
 */
function repeatedKeys(root: Node, index: LineIndex, errors: YamlProblem[]): void {
  const stack: unknown[] = [root];
  while (stack.length && errors.length < MAX_ERRORS) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Set<unknown>();
      for (const p of n.items) {
        if (isScalar(p.key) && !isMergeKey(p.key)) {
          const k = typeof p.key.value === 'string' ? `s${p.key.value}` : p.key.value;
          if (seen.has(k)) {
            const r = (p.key as Node).range ?? [0, 0, 0];
            errors.push({ message: 'Map keys must be unique', range: index.rangeAt(r[0], r[1]) });
          }
          seen.add(k);
        }
        stack.push(p.value);
      }
    } else if (isSeq(n)) for (const i of n.items) stack.push(i);
  }
}

/** Nodes that alias resolution may create in one document (a "billion laughs" stops here). */
const ALIAS_BUDGET = 20_000;

type Range3 = [number, number, number];

/** Every node of a copy stands at the alias it came through. */
function placeAt(node: unknown, at: Range3): void {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (!n || typeof n !== 'object') continue;
    const x = n as { range?: Range3; anchor?: string; items?: unknown[] };
    x.range = [at[0], at[1], at[2]];
    delete x.anchor;
    if (Array.isArray(x.items)) for (const i of x.items) stack.push(i);
  }
}

function countNodes(node: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [node];
  while (stack.length && n <= limit) {
    const x = stack.pop();
    if (isPair(x)) stack.push(x.key, x.value);
    else if (x && typeof x === 'object') {
      n++;
      const items = (x as { items?: unknown[] }).items;
      if (Array.isArray(items)) for (const i of items) stack.push(i);
    }
  }
  return n;
}

const isMergeKey = (k: unknown): boolean => isScalar(k) && (typeof k.value === 'symbol' || k.value === '<<');

/**
 * Resolves the anchors, aliases and merge keys of a document in place, in
 * document order (an anchor is defined before its aliases): an alias
 * becomes a copy of its anchor's node placed at the alias; a map's `<<`
 * keys (an alias, a map, or a list of them) add the keys of those maps the
 * map does not have itself (explicit keys win; in a list, the earlier map
 * wins), placed at the `<<` value. An alias to an anchor still being read
 * (a cycle) stays unresolved, and so does one past the budget (`limits`).
 * An alias to no anchor defined before it is not YAML (the `yaml` library
 * parses it and fails only when asked for the value): an error in `errors`.
 */
function resolveAliases(root: Node, index: LineIndex, limits: YamlProblem[], errors: YamlProblem[]): void {
  const anchors = new Map<string, Node>();
  const open = new Set<Node>();
  let budget = ALIAS_BUDGET;
  const copyOf = (alias: Node & { source: string }): Node | undefined => {
    const target = anchors.get(alias.source);
    const at = alias.range as Range3 | undefined;
    if (!target && at && errors.length < MAX_ERRORS) errors.push({ message: `alias *${alias.source} names no anchor defined before it`, range: index.rangeAt(at[0], at[1]) });
    if (!target || open.has(target) || !at) return undefined;
    const size = countNodes(target, budget);
    if (size > budget) {
      if (budget >= 0) limits.push({ message: `alias *${alias.source}: expanding aliases past ${ALIAS_BUDGET} values; the rest is not read`, range: index.rangeAt(at[0], at[1]) });
      budget = -1;
      return undefined;
    }
    budget -= size;
    const copy = (target as unknown as { clone(): Node }).clone();
    placeAt(copy, at);
    return copy;
  };
  // Pre-order, iteratively, in document order: a node is entered (an alias
  // replaced in its holder by a copy; an anchor noted), its children walked
  // (each pushed with the way to replace it), then it is left (a map's
  // merges applied, its own and its children's aliases resolved by then).
  type Step = { node: unknown; leave: boolean; put?: (n: Node) => void };
  const stack: Step[] = [{ node: root, leave: false }];
  while (stack.length) {
    const { node, leave, put } = stack.pop()!;
    if (leave) {
      open.delete(node as Node);
      if (isMap(node)) applyMerges(node);
      continue;
    }
    if (isAlias(node)) {
      const copy = copyOf(node as Node & { source: string });
      if (copy && put) put(copy);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (!isMap(node) && !isSeq(node)) continue;
    open.add(node);
    stack.push({ node, leave: true });
    const children: Step[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        children.push({ node: pair.key, leave: false });
        children.push({ node: pair.value, leave: false, put: (n) => (pair.value = n) });
      }
    } else {
      const items = node.items;
      items.forEach((item, i) => children.push({ node: item, leave: false, put: (n) => (items[i] = n) }));
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
}

/** A map's `<<` keys replaced by the keys they bring that the map does not have. */
function applyMerges(map: YAMLMap): void {
  if (!map.items.some((p) => isMergeKey(p.key))) return;
  const own = new Set<unknown>();
  for (const p of map.items) if (!isMergeKey(p.key)) own.add(isScalar(p.key) ? p.key.value : p.key);
  const items: Pair[] = [];
  const merged: Pair[] = [];
  for (const p of map.items) {
    if (!isMergeKey(p.key)) {
      items.push(p as Pair);
      continue;
    }
    const sources = isSeq(p.value) ? p.value.items : [p.value];
    for (const src of sources) {
      if (!isMap(src)) continue;
      for (const q of src.items) {
        const k = isScalar(q.key) ? q.key.value : q.key;
        if (own.has(k)) continue;
        own.add(k);
        merged.push(q as Pair);
      }
    }
  }
  map.items = items.concat(merged);
}

/**
 * Parses `text` (which starts at `baseLine` of the file). A document that is
 * not a mapping is reported like a syntax error: nothing in it can be read.
 */
export function readYaml(source: string, baseLine: number): YamlRead {
  // What is beyond the parser's bounds is taken out first (yaml-guard.ts); lines and columns stay the source's.
  const guarded = guardYaml(source);
  const text = guarded.text;
  const index = new LineIndex(text, baseLine);
  // Limits are offsets of the source (its lines and columns are the parsed text's too).
  const at = guarded.limits.length ? new LineIndex(source, baseLine) : index;
  const limits: YamlProblem[] = guarded.limits.map((l) => ({ message: l.message, range: at.restOfLine(l.at) }));
  if (guarded.size > MAX_YAML_CHARS) {
    limits.unshift({ message: `${Math.round(guarded.size / 1024)} KB of YAML is more than the ${MAX_YAML_CHARS / 1024} KB Cadence reads`, range: index.restOfLine(0) });
    return { root: undefined, errors: [], index, limits };
  }
  // Keys are checked for repeats here, in linear time (the parser's own check is quadratic).
  const doc = parseDocument(text, { prettyErrors: false, strict: false, merge: true, uniqueKeys: false });
  const errors: YamlProblem[] = doc.errors.slice(0, MAX_ERRORS).map((e) => ({
    message: e.message.split('\n')[0],
    range: index.rangeAt(e.pos[0], Math.max(e.pos[0], e.pos[1])),
  }));
  if (!errors.length && doc.contents) repeatedKeys(doc.contents as Node, index, errors);
  if (errors.length) return { root: undefined, errors, index, limits };
  if (doc.contents && (text.indexOf('*') !== -1 || text.indexOf('<<') !== -1)) {
    resolveAliases(doc.contents as ParsedNode, index, limits, errors);
    if (errors.length) return { root: undefined, errors, index, limits };
  }
  const c = doc.contents;
  if (c === null || (isScalar(c) && (c.value === null || c.value === undefined))) return { root: undefined, errors, index, limits };
  if (!isMap(c)) {
    const r = (c as Node).range ?? [0, 0, 0];
    errors.push({ message: 'expected key: value pairs here', range: index.rangeAt(r[0], r[1]) });
    return { root: undefined, errors, index, limits };
  }
  return { root: c, errors, index, limits };
}

export function nodeRange(index: LineIndex, node: Node | null | undefined, fallback: Range): Range {
  const r = node?.range;
  return r ? index.rangeAt(r[0], r[1]) : fallback;
}

/**
 * A scalar's value as the model keeps it: strings, numbers, booleans; a
 * value a YAML 1.1 tag made into something else (`!!timestamp` a Date,
 * `!!binary` bytes) is its source text, as written — a date-time's calendar
 * date is then the one written, with no time-zone conversion (SPEC §10).
 */
function scalarValue(node: Node): unknown {
  const v = (node as { value?: unknown }).value;
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  const source = (node as { source?: unknown }).source;
  return typeof source === 'string' ? source : String(v);
}

/**
 * An unquoted wikilink: YAML reads `[[alex|Alex Kim]]` as a list holding a
 * list holding one string. Its value is the text as written, which reads as
 * the wikilink (SPEC §10: both forms count).
 */
function unquotedWikilink(node: Node, index: LineIndex): string | undefined {
  if (!isSeq(node) || !node.flow || node.items.length !== 1) return undefined;
  const inner = node.items[0];
  if (!isSeq(inner) || !inner.flow || inner.items.length !== 1 || !isScalar(inner.items[0])) return undefined;
  const r = node.range;
  if (!r) return undefined;
  const text = index.text.slice(r[0], r[1]);
  return wholeWikilink(text) ? text : undefined;
}

/** The map's fields by key (first occurrence; duplicate keys are YAML errors). */
export function fieldsOf(map: YAMLMap, index: LineIndex): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key) || isMergeKey(pair.key)) continue;
    const key = String(pair.key.value);
    if (out.has(key)) continue;
    const k = pair.key as Node;
    const keyRange = nodeRange(index, k, index.rangeAt(0, 0));
    const v = pair.value as Node | null;
    const scalar = v && isScalar(v) ? scalarValue(v) : v ? unquotedWikilink(v, index) : undefined;
    const isNull = !v || (isScalar(v) && (scalar === null || scalar === undefined));
    out.set(key, {
      key,
      value: isNull ? undefined : scalar,
      isNull,
      range: isNull ? keyRange : nodeRange(index, v, keyRange),
      keyRange,
      ...(scalar === undefined && v && (isSeq(v) || isMap(v)) ? { collection: isSeq(v) ? ('list' as const) : ('map' as const) } : {}),
    });
  }
  return out;
}

export function valueNode(map: YAMLMap, key: string): Node | undefined {
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && !isMergeKey(pair.key) && String(pair.key.value) === key) return (pair.value as Node) ?? undefined;
  }
  return undefined;
}

export function mapItems(node: Node | undefined): YAMLMap[] {
  if (!node || !isSeq(node)) return [];
  return node.items.filter((i): i is YAMLMap => isMap(i));
}

export function seqScalars(node: Node | undefined): string[] {
  if (!node || !isSeq(node)) return [];
  return node.items.map((i) => (isScalar(i) ? String(scalarValue(i) ?? '') : isMap(i) ? String(i.toJSON?.() ?? '') : ''));
}

/**
 * How a field's value reads in a message: a scalar as text (`NaN` for
 * `.nan`), `a list` or `a map` for a collection where a scalar was expected,
 * the empty string for a null.
 */
export function writtenValue(f: Field): string {
  if (f.collection) return f.collection === 'list' ? l10n.t('a list') : l10n.t('a map');
  return f.isNull || f.value === undefined ? '' : String(f.value);
}

export function stringOf(f: Field | undefined): string | undefined {
  if (!f || f.isNull || f.value === undefined) return undefined;
  return typeof f.value === 'string' ? f.value : String(f.value);
}

export function numberOf(f: Field | undefined): number | undefined {
  return f && typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : undefined;
}

/**
 * A YAML date-time (SPEC §10): `2026-11-20T10:00`, `2026-11-20 10:00:00`,
 * with or without seconds (and their fraction), `Z` or a `±HH:MM` offset.
 * Its calendar date is the one written, whatever the offset.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?$/;

/** The calendar date of a date field's value: a real `YYYY-MM-DD`, or a date-time on one; else undefined. */
export function calendarDate(value: unknown): string | undefined {
  if (isValidDate(value)) return value;
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const m = DATE_TIME.exec(value.trim());
  if (!m || !isValidDate(m[1])) return undefined;
  const [h, min, sec] = [+m[2], +m[3], m[4] === undefined ? 0 : +m[4]];
  return h <= 24 && min <= 59 && sec <= 60 && (h < 24 || (min === 0 && sec === 0)) ? m[1] : undefined;
}

/** A date field, registered in `dates` whether valid or not; null counts as absent. A date-time reads as its date. */
export function dateOf(f: Field | undefined, dates: DateField[]): DateField | undefined {
  if (!f || f.isNull) return undefined;
  const raw = typeof f.value === 'string' ? f.value : String(f.value);
  const value = calendarDate(f.value);
  const d: DateField = f.collection ? { name: f.key, raw, valid: false, value, range: f.range, collection: f.collection } : { name: f.key, raw, valid: value !== undefined, value, range: f.range };
  dates.push(d);
  return d;
}

/**
 * A person reference (SPEC §3, §10): an id, `@id`, or a wikilink naming one
 * (`"[[alex]]"` quoted, or unquoted), whose range is then the id inside it
 * when the value stands on one line as written.
 */
export function personOf(f: Field | undefined): PersonRef | undefined {
  const value = stringOf(f)?.trim();
  if (!f || !value) return undefined;
  const link = wholeWikilink(value);
  if (link) {
    const raw = stringOf(f)!;
    const { start, end } = f.range;
    const width = end.character - start.character;
    // Quoted (the quotes around it) or plain; an escaped or folded value keeps the whole range.
    const shift = start.line === end.line ? (width === raw.length + 2 ? 1 : width === raw.length ? 0 : -1) : -1;
    const at = raw.indexOf(value) + link.idStart;
    const range = shift < 0 ? f.range : { start: { line: start.line, character: start.character + shift + at }, end: { line: start.line, character: start.character + shift + at + link.id.length } };
    return { id: link.id, key: idKey(link.id), range };
  }
  const id = value.replace(/^@/, '');
  if (!id) return undefined;
  return { id, key: idKey(id), range: f.range };
}

export function shapeOf(map: YAMLMap, index: LineIndex): MapShape {
  const r = map.range ?? [0, 0, 0];
  const start = index.positionAt(r[0]);
  const end = index.positionAt(r[1]);
  if (map.flow) {
    // The closing brace is the last character of the value range.
    const close = index.text.lastIndexOf('}', r[1]);
    const at = index.positionAt(close >= r[0] ? close : r[1]);
    return { flow: true, indent: start.character, lastLine: at.line, flowEnd: { start: at, end: at } };
  }
  // A block map's value range ends after its last line's newline, or at EOF.
  const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return { flow: false, indent: start.character, lastLine, flowEnd: { start: end, end } };
}
