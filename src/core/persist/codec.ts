// The compact form: how a document (and a file's diagnostics) is encoded in
// the index. It is generic, so a model change needs no code here (only a
// CORE_VERSION bump): every plain object is written as [shape, ...values]
// against a table of key lists (`shapes`, saved in the index's header);
// arrays, Maps, Sets, null and the numbers JSON cannot spell get tags; a
// range is [-6, line, char, line, char], or, under one of the model's range
// keys (RANGE_KEYS) and on one line, one number. The result is JSON: ~36% of
// the plain model's JSON (~2.6 KB a note); a load is mostly JSON.parse, so
// fewer values is what makes it faster.
//
// Why a document is encoded at all, rather than the whole index being one
// JSON: measured on the generated 10k-note workspace, JSON of the plain model
// is ~7 KB a note and JSON.parse of it costs about what parsing the note's
// Markdown does (~80 against ~100 µs a note, JIT warm), and this form decodes
// only a little faster (~70 µs). Decoding 10k documents can never be a
// fiftieth of parsing them, so a start decodes none: the index's columns hold
// what the Dataset needs (see index.ts), and each document is decoded when
// something first reads it.

import type { Doc } from '../model';
import { encoder, utf8 } from './format';

const ARRAY = -1;
const MAP = -2;
const SET = -3;
const NULL = -5;
const RANGE = -6;
const NUMBER = -7; // NaN, ±Infinity and -0, which JSON cannot spell

/** A value in the compact form, before JSON. */
export type Packed = string | number | boolean | null | Packed[];

/**
 * Keys that hold a Range in the model. A one-line range under one of them is
 * packed into one number: line · 2^32 + start · 2^16 + end (exact below 2^53).
 * A range under another key still works, as [-6, …]; a plain number under one
 * of these keys would be misread, so pack() refuses it.
 */
const RANGE_KEYS = new Set(['range', 'keyRange', 'boxRange', 'tokenRange', 'firstLine', 'flowEnd']);
const LINE = 2 ** 32;
const CHAR = 2 ** 16;

function packRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): number | undefined {
  const { line, character: a } = r.start;
  const b = r.end.character;
  if (r.end.line !== line || !Number.isInteger(line) || line < 0 || line >= 2 ** 21) return undefined;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= CHAR || b >= CHAR) return undefined;
  return line * LINE + a * CHAR + b;
}

function unpackRange(n: number): unknown {
  const line = Math.floor(n / LINE);
  const rest = n - line * LINE;
  const a = Math.floor(rest / CHAR);
  return { start: { line, character: a }, end: { line, character: rest - a * CHAR } };
}

function isPosition(p: Record<string, unknown> | null): p is Record<string, unknown> {
  if (!p || typeof p !== 'object' || Object.getPrototypeOf(p) !== Object.prototype) return false;
  const keys = Object.keys(p);
  return keys.length === 2 && keys[0] === 'line' && keys[1] === 'character' && Number.isFinite(p.line) && Number.isFinite(p.character);
}

/**
 * Encodes and decodes values in the compact form against one table of
 * shapes, which grows as new shapes are met. Documents encoded by one codec
 * decode with a codec made from its `shapes` (a later index continues the
 * table of the one it was read from).
 */
export class Codec {
  private readonly table: string[][];
  /** Per shape, per key: does a number there stand for a packed range? */
  private readonly rangeAt: boolean[][];
  private readonly shapeIds = new Map<string, number>();

  /** `shapes` is a saved table: checked by the caller (strings, no '__proto__'). */
  constructor(shapes: readonly (readonly string[])[] = []) {
    this.table = shapes.map((s) => [...s]);
    this.rangeAt = this.table.map((s) => s.map((k) => RANGE_KEYS.has(k)));
    this.table.forEach((s, i) => this.shapeIds.set(s.join('\0'), i));
  }

  /** The table of shapes, for the index's header. */
  get shapes(): readonly (readonly string[])[] {
    return this.table;
  }

  /** A document's bytes: UTF-8 JSON of its compact form. Throws on a value the form cannot hold (a bug). */
  encode(doc: Doc): Uint8Array {
    return encoder.encode(JSON.stringify(this.pack(doc)));
  }

  /** The inverse of encode; throws on bytes encode cannot have written. */
  decode(bytes: Uint8Array): unknown {
    return this.unpack(JSON.parse(utf8.decode(bytes)) as Packed);
  }

  /** A value in the compact form. Throws on a value the form cannot hold: a non-plain object, a function… */
  pack(v: unknown, rangeKey = false): Packed {
    switch (typeof v) {
      case 'undefined':
        return null;
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (rangeKey) throw new Error('persist: a number under a range key');
        return Number.isFinite(v) && !Object.is(v, -0) ? v : [NUMBER, String(Object.is(v, -0) ? '-0' : v)];
      case 'object': {
        if (v === null) return [NULL];
        if (Array.isArray(v)) {
          const out: Packed[] = [ARRAY];
          for (const x of v) out.push(this.pack(x));
          return out;
        }
        if (v instanceof Map) {
          const out: Packed[] = [MAP];
          for (const [k, x] of v) out.push(this.pack(k), this.pack(x));
          return out;
        }
        if (v instanceof Set) {
          const out: Packed[] = [SET];
          for (const x of v) out.push(this.pack(x));
          return out;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) throw new Error(`persist: cannot store a ${proto?.constructor?.name ?? 'non-plain'} object`);
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        if (keys.length === 2 && keys[0] === 'start' && keys[1] === 'end') {
          const s = o.start as Record<string, unknown> | null;
          const e = o.end as Record<string, unknown> | null;
          if (isPosition(s) && isPosition(e)) {
            const r = { start: { line: s.line as number, character: s.character as number }, end: { line: e.line as number, character: e.character as number } };
            // Under another key (a meeting's dateRange) always the long form: `false` is not nullish.
            return (rangeKey ? packRange(r) : undefined) ?? [RANGE, r.start.line, r.start.character, r.end.line, r.end.character];
          }
        }
        const sk = keys.join('\0');
        let id = this.shapeIds.get(sk);
        if (id === undefined) {
          id = this.table.length;
          this.table.push(keys);
          this.rangeAt.push(keys.map((k) => RANGE_KEYS.has(k)));
          this.shapeIds.set(sk, id);
        }
        const out: Packed[] = [id];
        const ranges = this.rangeAt[id];
        for (let i = 0; i < keys.length; i++) out.push(this.pack(o[keys[i]], ranges[i]));
        return out;
      }
      default:
        throw new Error(`persist: cannot store a ${typeof v}`);
    }
  }

  /** The inverse of pack; throws on anything pack cannot have written. */
  unpack(v: Packed): unknown {
    if (v === null) return undefined;
    if (typeof v !== 'object') return v;
    const tag = v[0];
    if (typeof tag !== 'number') throw new Error('bad tag');
    if (tag >= 0) {
      const keys = this.table[tag];
      if (!keys || v.length !== keys.length + 1) throw new Error('bad shape');
      const ranges = this.rangeAt[tag];
      const o: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const x = v[i + 1];
        o[keys[i]] = ranges[i] && typeof x === 'number' ? unpackRange(x) : this.unpack(x);
      }
      return o;
    }
    switch (tag) {
      case RANGE:
        if (v.length !== 5) throw new Error('bad range');
        return { start: { line: v[1], character: v[2] }, end: { line: v[3], character: v[4] } };
      case ARRAY: {
        const out = new Array(v.length - 1);
        for (let i = 1; i < v.length; i++) out[i - 1] = this.unpack(v[i]);
        return out;
      }
      case MAP: {
        const m = new Map<unknown, unknown>();
        for (let i = 1; i < v.length; i += 2) m.set(this.unpack(v[i]), this.unpack(v[i + 1]));
        return m;
      }
      case SET: {
        const s = new Set<unknown>();
        for (let i = 1; i < v.length; i++) s.add(this.unpack(v[i]));
        return s;
      }
      case NULL:
        return null;
      case NUMBER:
        return v[1] === '-0' ? -0 : Number(v[1]);
      default:
        throw new Error('bad tag');
    }
  }
}
