// The contract every rule file implements (one file per rule, markdownlint
// style): an id, a default severity, a check that reports ranges, and the
// fixes it offers — as data, never applied by the rule.

import type { Doc, FileKind, OkrSetDoc, OneOnOneDoc, PersonDoc } from '../model';
import type { LeakPassage } from '../rooms/leak-index';
import type { Settings } from '../settings';
import type { Diagnostic, Fix, Range, Severity } from '../types';

/** What a rule may ask of the rest of the dataset. */
export interface DatasetQuery {
  /** At least one person file exists (unknown-person is silent otherwise). */
  hasPeople(): boolean;
  /** Person files with this key (ids.ts), in path order; not those in git conflict. */
  peopleWithKey(key: string): readonly PersonDoc[];
  /**
   * A person file with this key exists, one in git conflict included (SPEC
   * §10: it still makes its id known): for unknown-person and the owner a
   * wikilink names.
   */
  knows(key: string): boolean;
  /** Every person (first file per id), in path order. */
  people(): readonly PersonDoc[];
  /** The latest date of a person's 1:1s (notes and log meetings) dated today or earlier (SPEC §7, §12), if any. */
  lastOneOnOne(key: string): string | undefined;
  /** A person's 1:1 notes, oldest first. */
  notesOf(key: string): readonly OneOnOneDoc[];
  /** The id `@me` stands for: the `me: true` person's, else 'me'. */
  meKey(): string;
  /** The OKR set with this key (its `id:` or file name, lower-cased), first in path order. */
  okrSet(key: string): OkrSetDoc | undefined;
  /** At least one 1:1 note holds a feedback entry of any kind (SPEC §14: no-recent-feedback nags only then). */
  hasFeedback(): boolean;
  /** The passages of a shared file that repeat private text (SPEC §15), as of the dataset's today. */
  leaks(path: string): readonly LeakPassage[];
}

export interface RuleContext {
  readonly today: string;
  readonly settings: Settings;
  readonly data: DatasetQuery;
}

export interface FixContext extends RuleContext {
  /** The document's current (normalised) lines. */
  readonly lines: readonly string[];
}

/** Reports a diagnostic: its range, message, the data its fixes need, other places it is about. */
export type Report = (range: Range, message: string, data?: unknown, related?: Diagnostic['related']) => void;

export interface Rule {
  readonly code: string;
  readonly severity: Severity;
  /** One sentence: what the rule checks and why a manager cares. */
  readonly description: string;
  readonly kinds: readonly FileKind[];
  /** Reads other files (through ctx.data): re-judged when they change. */
  readonly crossFile?: boolean;
  check(doc: Doc, ctx: RuleContext, report: Report): void;
  fixes?(diagnostic: Diagnostic, doc: Doc, ctx: FixContext): Fix[];
}

export function defineRule<K extends FileKind>(rule: Omit<Rule, 'check' | 'fixes' | 'kinds'> & {
  kinds: readonly K[];
  check(doc: Extract<Doc, { kind: K }>, ctx: RuleContext, report: Report): void;
  fixes?(diagnostic: Diagnostic, doc: Extract<Doc, { kind: K }>, ctx: FixContext): Fix[];
}): Rule {
  return rule as unknown as Rule;
}
