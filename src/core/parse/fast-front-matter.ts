// A reader for the front matter 1:1 notes are written with: `key: scalar`
// lines and one level of nested `key:` maps (performance:). It skips the
// general YAML machinery, which dominates the cost of reading a note.
// Anything else — sequences, flow collections, block scalars, anchors, tags,
// escapes, duplicate keys, tabs — makes it decline, and the caller parses
// with `yaml`. test/unit/front-matter-differential.test.ts holds it to `yaml`.

import type { Field } from '../model';
import type { Range } from '../types';

export interface FastMap {
  readonly fields: Map<string, Field>;
  /** Nested maps by their key (e.g. performance → manager, report). */
  readonly nested: Map<string, Map<string, Field>>;
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_-]*):(?= |$)/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain or simply quoted scalar as YAML 1.2's core schema reads it; undefined to decline. */
function scalar(raw: string): { value: unknown; isNull: boolean } | undefined {
  const c = raw[0];
  if (c === '"' || c === "'") {
    if (raw.length < 2 || raw[raw.length - 1] !== c) return undefined;
    const inner = raw.slice(1, -1);
    if (inner.includes(c) || inner.includes('\\')) return undefined;
    return { value: inner, isNull: false };
  }
  if (/^[[\]{},&*!|>%@`#]/.test(raw) || /^[-?:](?: |$)/.test(raw) || raw.includes(': ') || raw.endsWith(':')) return undefined;
  if (raw === '' || raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL') return { value: undefined, isNull: true };
  if (/^(?:true|True|TRUE)$/.test(raw)) return { value: true, isNull: false };
  if (/^(?:false|False|FALSE)$/.test(raw)) return { value: false, isNull: false };
  if (INT.test(raw)) {
    const n = Number(raw);
    return Number.isSafeInteger(n) ? { value: n, isNull: false } : undefined;
  }
  if (FLOAT.test(raw)) return { value: Number(raw), isNull: false };
  // Other number spellings (0x1F, .inf, 1_000) and anything YAML may read specially.
  if (/^[-+.]?(?:0[xo]|\.?(?:inf|Inf|INF|nan|NaN|NAN)$)/.test(raw)) return undefined;
  return { value: raw, isNull: false };
}

/**
 * Reads `lines` (the YAML between the fences; `baseLine` is the file line of
 * lines[0]). Returns undefined when the text is not in the simple subset.
 */
export function readFastFrontMatter(lines: readonly string[], baseLine: number): FastMap | undefined {
  const fields = new Map<string, Field>();
  const nested = new Map<string, Map<string, Field>>();
  let open: { key: string; map: Map<string, Field>; indent: number; keyRange: Range; last: number; lastEmpty: boolean } | undefined;
  // A nested map's value range runs from its first key to the start of the
  // line after its last entry, as `yaml` reports it.
  const close = () => {
    if (!open) return;
    const first = open.map.values().next().value as Field;
    const atEof = open.last - baseLine + 1 >= lines.length;
    // `yaml` ends the map after the newline, unless the last value is empty or the text ends.
    const end = atEof || open.lastEmpty ? { line: open.last, character: lines[open.last - baseLine].length } : { line: open.last + 1, character: 0 };
    fields.set(open.key, { key: open.key, value: undefined, isNull: false, range: { start: first.keyRange.start, end }, keyRange: open.keyRange, collection: 'map' });
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.indexOf('\t') !== -1) return undefined;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === '#') continue;
    if (indent > 0) {
      if (!open) return undefined;
      if (open.indent === -1) open.indent = indent;
      else if (indent !== open.indent) return undefined;
    } else if (open) {
      if (open.map.size === 0) return undefined;
      close();
    }
    const rest = line.slice(indent);
    const k = KEY.exec(rest);
    if (!k) return undefined;
    const key = k[1];
    let valueStart = indent + k[0].length;
    while (line.charCodeAt(valueStart) === 32) valueStart++;
    let valueEnd = line.length;
    const hash = line.indexOf(' #', valueStart - 1);
    if (hash !== -1 && hash >= indent + k[0].length - 1) valueEnd = hash;
    while (valueEnd > valueStart && line.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    if (valueStart > valueEnd) valueStart = valueEnd;
    const raw = line.slice(valueStart, valueEnd);
    const target = open ? open.map : fields;
    if (target.has(key) || (!open && (nested.has(key) || fields.has(key)))) return undefined;
    const l = baseLine + i;
    const keyRange: Range = { start: { line: l, character: indent }, end: { line: l, character: indent + key.length } };
    if (raw === '' && !open) {
      // Either null or the start of a nested map: decided by the next lines.
      const map = new Map<string, Field>();
      const next = lines.slice(i + 1).find((x) => x.trim() !== '' && !x.trimStart().startsWith('#'));
      if (next !== undefined && next.startsWith(' ')) {
        nested.set(key, map);
        open = { key, map, indent: -1, keyRange, last: l, lastEmpty: false };
        continue;
      }
    }
    const s = scalar(raw);
    if (!s) return undefined;
    const range: Range = s.isNull ? keyRange : { start: { line: l, character: valueStart }, end: { line: l, character: valueEnd } };
    target.set(key, { key, value: s.value, isNull: s.isNull, range, keyRange });
    if (open) {
      open.last = l;
      open.lastEmpty = raw === '';
    }
  }
  if (open && open.map.size === 0) return undefined;
  close();
  return { fields, nested };
}
