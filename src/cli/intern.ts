// One string for each value that thousands of kept 1:1s repeat (report
// keys, dates, owners' keys) in what a command-line check keeps of each
// judged note: its summary and its kept document (parallel.ts, keptOfNote). A note's
// parse makes a string of its own for every such value, and a worker's
// results arrive as copies; at 50k notes the repeats cost ~9 MB of heap.

import type { DocSummary } from '../core/dataset';

const NO_STRINGS: readonly string[] = Object.freeze([]);

/** The strings seen so far, each value once (for one check: the table goes with it). */
export class Interner {
  private readonly seen = new Map<string, string>();

  /** The one string equal to `s` (the first one seen); undefined stays undefined. */
  of<T extends string | undefined>(s: T): T {
    if (s === undefined) return s;
    const had = this.seen.get(s);
    if (had !== undefined) return had as T;
    this.seen.set(s, s);
    return s;
  }

  /** Each of `list` interned, in a new list (a shared frozen one when empty). */
  all(list: readonly string[]): readonly string[] {
    return list.length === 0 ? NO_STRINGS : list.map((s) => this.of(s));
  }

  /** A judged note's summary with its repeated values interned: the same values, field for field. */
  summary(s: DocSummary): DocSummary {
    return { kind: s.kind, key: this.of(s.key), date: this.of(s.date), refs: this.all(s.refs), openDue: this.all(s.openDue), feedback: s.feedback };
  }
}
