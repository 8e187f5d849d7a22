// Reads YAML through `yaml`'s document API so every value keeps its source
// range: a diagnostic points at the value, a fix edits exactly that token.

import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { isValidDate } from '../dates';
import type { DateField, Field, MapShape, PersonRef, YamlProblem } from '../model';
import { LineIndex } from '../text';
import type { Range } from '../types';

export interface YamlRead {
  readonly root: YAMLMap | undefined;
  readonly errors: YamlProblem[];
  readonly index: LineIndex;
}

/**
 * Parses `text` (which starts at `baseLine` of the file). A document that is
 * not a mapping is reported like a syntax error: nothing in it can be read.
 */
export function readYaml(text: string, baseLine: number): YamlRead {
  const index = new LineIndex(text, baseLine);
  const doc = parseDocument(text, { prettyErrors: false, strict: false });
  const errors: YamlProblem[] = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    range: index.rangeAt(e.pos[0], Math.max(e.pos[0], e.pos[1])),
  }));
  if (errors.length) return { root: undefined, errors, index };
  const c = doc.contents;
  if (c === null || (isScalar(c) && (c.value === null || c.value === undefined))) return { root: undefined, errors, index };
  if (!isMap(c)) {
    const r = (c as Node).range ?? [0, 0, 0];
    errors.push({ message: 'expected key: value pairs here', range: index.rangeAt(r[0], r[1]) });
    return { root: undefined, errors, index };
  }
  return { root: c, errors, index };
}

export function nodeRange(index: LineIndex, node: Node | null | undefined, fallback: Range): Range {
  const r = node?.range;
  return r ? index.rangeAt(r[0], r[1]) : fallback;
}

/** The map's fields by key (first occurrence; duplicate keys are YAML errors). */
export function fieldsOf(map: YAMLMap, index: LineIndex): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (out.has(key)) continue;
    const k = pair.key as Node;
    const keyRange = nodeRange(index, k, index.rangeAt(0, 0));
    const v = pair.value as Node | null;
    const scalar = v && isScalar(v) ? v.value : undefined;
    const isNull = !v || (isScalar(v) && (scalar === null || scalar === undefined));
    out.set(key, {
      key,
      value: isNull ? undefined : scalar,
      isNull,
      range: isNull ? keyRange : nodeRange(index, v, keyRange),
      keyRange,
    });
  }
  return out;
}

export function valueNode(map: YAMLMap, key: string): Node | undefined {
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return (pair.value as Node) ?? undefined;
  }
  return undefined;
}

export function mapItems(node: Node | undefined): YAMLMap[] {
  if (!node || !isSeq(node)) return [];
  return node.items.filter((i): i is YAMLMap => isMap(i));
}

export function seqScalars(node: Node | undefined): string[] {
  if (!node || !isSeq(node)) return [];
  return node.items.map((i) => (isScalar(i) ? String(i.value ?? '') : isMap(i) ? String(i.toJSON?.() ?? '') : ''));
}

export function stringOf(f: Field | undefined): string | undefined {
  if (!f || f.isNull || f.value === undefined) return undefined;
  return typeof f.value === 'string' ? f.value : String(f.value);
}

export function numberOf(f: Field | undefined): number | undefined {
  return f && typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : undefined;
}

/** A date field, registered in `dates` whether valid or not; null counts as absent. */
export function dateOf(f: Field | undefined, dates: DateField[]): DateField | undefined {
  if (!f || f.isNull) return undefined;
  const raw = typeof f.value === 'string' ? f.value : String(f.value);
  const valid = isValidDate(f.value);
  const d: DateField = { name: f.key, raw, valid, value: valid ? (f.value as string) : undefined, range: f.range };
  dates.push(d);
  return d;
}

export function personOf(f: Field | undefined): PersonRef | undefined {
  const id = stringOf(f)?.trim().replace(/^@/, '');
  if (!f || !id) return undefined;
  return { id, key: id.toLowerCase(), range: f.range };
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
