// Each file's diagnostics in the index: a JSON array after the columns, one
// entry a file (its diagnostics in the compact form, or null). Diagnostics
// depend on the day (overdue items, lapsed 1:1s) and on the settings, so the
// index says which day and settings they were computed for (diagnosticsKey);
// a start on another day or with other settings judges every file again.

import type { Diagnostic } from '../types';
import type { Codec, Packed } from './codec';
import { hash32, isCount, isStr, utf8 } from './format';

/**
 * The diagnostics section of a read index: checked and parsed when the
 * Dataset first asks for one file's (a warm start's first publication asks
 * for them all). A damaged section serves none: they are computed then.
 */
export class DiagnosticsSection {
  private list: unknown[] | undefined;

  constructor(
    private bytes: Uint8Array | undefined,
    private readonly hash: number,
    private readonly count: number,
    private readonly codec: Codec,
  ) {}

  /** File `i`'s saved diagnostics; undefined when none were saved or they cannot be read. */
  at(i: number): Diagnostic[] | undefined {
    if (!this.list) {
      try {
        const v: unknown = hash32(this.bytes!) === this.hash ? JSON.parse(utf8.decode(this.bytes!)) : undefined;
        this.list = Array.isArray(v) && v.length === this.count ? v : [];
      } catch {
        this.list = [];
      }
      this.bytes = undefined;
    }
    try {
      const packed = this.list[i];
      if (!Array.isArray(packed)) return undefined;
      const list = this.codec.unpack(packed as Packed);
      return Array.isArray(list) && list.every(isDiagnostic) ? (list as Diagnostic[]) : undefined;
    } catch {
      return undefined;
    }
  }
}

function isDiagnostic(d: unknown): d is Diagnostic {
  if (!d || typeof d !== 'object') return false;
  const o = d as Record<string, unknown>;
  const r = o.range as { start?: { line?: unknown }; end?: { line?: unknown } } | undefined;
  return isStr(o.code) && isStr(o.severity) && isStr(o.message) && !!r && isCount(r.start?.line) && isCount(r.end?.line);
}

/**
 * Packs files' diagnostics for the section, each list remembered by its
 * identity (the Dataset keeps a file's list until a change names the file),
 * so a save after one keystroke packs that file's only.
 */
export class DiagnosticsWriter {
  private readonly memo = new WeakMap<readonly Diagnostic[], string>();

  constructor(private readonly codec: Codec) {}

  /**
   * A file's entry in the section, as JSON. Diagnostics carry their rule's
   * `data`: should one hold what the compact form cannot, that file's are not
   * saved ('null').
   */
  json(list: readonly Diagnostic[]): string {
    let json = this.memo.get(list);
    if (json === undefined) {
      try {
        json = JSON.stringify(this.codec.pack(list));
      } catch {
        json = 'null';
      }
      this.memo.set(list, json);
    }
    return json;
  }
}
