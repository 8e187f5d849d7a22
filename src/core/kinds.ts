// The file kinds Cadence reads (SPEC §2): one entry per kind, and the only
// place the kinds are listed. Per kind: the `type:` values that name it,
// Markdown or YAML, the setting holding its globs, its parser, what the
// dataset's indexes keep of it (its summary) and its number in the
// persistent index.
//
// Adding a kind is one entry here plus its document type (model.ts, a new
// member of `Doc`, which `FileKind` follows) and its parser. The rules say
// which kinds they judge; the globs setting, its default, the `type:`
// values, classification, parsing and the index number all come from here.
// Two shapes the registry is built for (tested with a registry of their
// own, test/unit/kinds.test.ts):
//   - a kind found only by its `type:`, wherever it lives (SPEC §14's review
//     packet): an entry without `globs`;
//   - a shape of another kind (SPEC §12's running 1:1 log): an entry with
//     `shapeOf` and `claims`, which takes its base kind's `type:` values and
//     globs and is chosen when `claims` holds for the file.

import { conflictBlocks, mayConflict } from './conflicts';
import { globMatcher } from './globs';
import { splitFrontMatter, type Split } from './markdown/body';
import type { ActionItem, Doc, FileKind, NoteBody, OkrSetDoc, OneOnOneDoc, PersonDoc, ReviewDoc, ReviewPacketDoc, SharedDoc } from './model';
import type { ParseOptions } from './markdown/sections';
import { parseOneOnOne, parseReview, parseReviewPacket, parseSharedDoc } from './parse/notes';
import { parseOkrSet } from './parse/okr';
import { parsePerson } from './parse/person';
import type { Settings } from './settings';

/** What the dataset's indexes need of a document (DocSummary without its kind). */
export interface KindSummary {
  /**
   * A person's key; a 1:1's report key (undefined when it names no report);
   * an OKR set's key; an OKR review's `okrs:` (lower-cased).
   */
  readonly key: string | undefined;
  /** A 1:1's date. */
  readonly date: string | undefined;
  /** Keys of the people the document names (report, owners), in order, repeats allowed. */
  readonly refs: readonly string[];
  /** Due dates of its open action items (the status bar counts overdue items without the documents). */
  readonly openDue: readonly string[];
  /**
   * A 1:1 holding at least one feedback entry (SPEC §14: no-recent-feedback
   * speaks only in a workspace that holds one). Absent: false.
   */
  readonly feedback?: boolean;
}

/** Where a kind's files live by default, and the `cadence.*` setting that moves them. */
export interface KindGlobs<S extends string = string> {
  /** The setting's key without `cadence.`: `peopleGlobs`. */
  readonly setting: S;
  /** Workspace-relative globs; `**\/` matches zero or more folders. */
  readonly defaults: readonly string[];
}

interface KindCommon<D extends Doc, S extends string> {
  readonly id: D['kind'];
  /**
   * `type:` values that name the kind, lower-case, compared case-insensitively;
   * the first is the one Cadence writes. Empty for a shape (see `shapeOf`).
   */
  readonly types: readonly string[];
  /** Its globs; absent for a kind found by its `type:` only, or for a shape. */
  readonly globs?: KindGlobs<S>;
  /**
   * A shape of another kind: a file of `shapeOf` (by its `type:` or globs)
   * for which `claims` holds is this kind instead. `claims` gets the
   * normalised text and must not throw.
   */
  readonly shapeOf?: FileKind;
  claims?(path: string, text: string): boolean;
  /**
   * A kind its globs give even to a file that declares a `type:` no kind
   * has, when this holds for that value (SPEC §15: any other file matching
   * `cadence.sharedGlobs` is a shared document).
   */
  otherTypes?(declared: string): boolean;
  /**
   * Its number in the persistent index's kind column: 1–255 (0 is "not a
   * Cadence file"), unique, and never changed or reused once released: an
   * index saved by one version names kinds by these numbers.
   */
  readonly indexNumber: number;
  /** What the dataset's indexes keep of a document of this kind. */
  summarize(doc: D): KindSummary;
}

/** A Markdown kind: its parser gets the text split into front matter and body. */
export interface MarkdownKind<D extends Doc = Doc, S extends string = string> extends KindCommon<D, S> {
  readonly format: 'markdown';
  parse(path: string, split: Split, options?: ParseOptions): D;
}

/** A YAML kind: its parser gets the whole (normalised) text. */
export interface YamlKind<D extends Doc = Doc, S extends string = string> extends KindCommon<D, S> {
  readonly format: 'yaml';
  parse(path: string, text: string): D;
}

export type KindEntry<D extends Doc = Doc, S extends string = string> = MarkdownKind<D, S> | YamlKind<D, S>;

/** Does the document hold action items (a note, not a person file or an OKR set)? */
export function hasActionItems(doc: Doc): doc is Extract<Doc, NoteBody> {
  return 'items' in doc;
}

/** Open items' due dates, for a summary. */
function openDueOf(items: readonly ActionItem[]): string[] {
  const out: string[] = [];
  for (const i of items) if (i.status === 'open' && i.due?.value) out.push(i.due.value);
  return out;
}

/** Keys of the items' owners, and of the wikilinks that name an item's owner once that person exists (SPEC §10). */
function ownersOf(items: readonly ActionItem[], into: string[]): string[] {
  for (const i of items) {
    if (i.owner) into.push(i.owner.key);
    for (const l of i.links) into.push(l.key);
  }
  return into;
}

const person: MarkdownKind<PersonDoc, 'peopleGlobs'> = {
  id: 'person',
  types: ['person'],
  format: 'markdown',
  globs: { setting: 'peopleGlobs', defaults: ['people/*.md'] },
  indexNumber: 1,
  parse: parsePerson,
  summarize: (doc) => ({ key: doc.key, date: undefined, refs: [], openDue: [] }),
};

const oneOnOne: MarkdownKind<OneOnOneDoc, 'oneOnOneGlobs'> = {
  id: '1on1',
  types: ['1on1', 'one-on-one', '1:1'],
  format: 'markdown',
  globs: { setting: 'oneOnOneGlobs', defaults: ['1on1s/**/*.md'] },
  indexNumber: 2,
  parse: parseOneOnOne,
  // A log's date is its latest meeting's; the dataset reads the meetings when that is after today.
  summarize: (doc) => ({
    key: doc.report?.key,
    date: doc.log ? doc.meetings.reduce<string | undefined>((a, m) => (a === undefined || m.date > a ? m.date : a), undefined) : doc.date,
    refs: ownersOf(doc.talkingPoints, ownersOf(doc.items, doc.report ? [doc.report.key] : [])),
    openDue: openDueOf(doc.items),
    feedback: doc.feedback.length > 0,
  }),
};

const okrSet: YamlKind<OkrSetDoc, 'okrGlobs'> = {
  id: 'okr',
  types: ['okr'],
  format: 'yaml',
  globs: { setting: 'okrGlobs', defaults: ['**/*.okr.yaml', '**/*.okr.yml', 'okrs/**/*.yaml'] },
  indexNumber: 3,
  parse: (path, text) => parseOkrSet(path, text, text.split('\n').length),
  summarize: (doc) => {
    const refs: string[] = [];
    if (doc.owner) refs.push(doc.owner.key);
    for (const o of doc.objectives) {
      if (o.owner) refs.push(o.owner.key);
      for (const k of o.keyResults) if (k.owner) refs.push(k.owner.key);
    }
    return { key: doc.key, date: undefined, refs, openDue: [] };
  },
};

const okrReview: MarkdownKind<ReviewDoc, 'okrReviewGlobs'> = {
  id: 'okr-review',
  types: ['okr-review'],
  format: 'markdown',
  globs: { setting: 'okrReviewGlobs', defaults: ['okr-reviews/**/*.md'] },
  indexNumber: 4,
  parse: parseReview,
  summarize: (doc) => ({ key: doc.okrs?.trim().toLowerCase() || undefined, date: undefined, refs: ownersOf(doc.items, []), openDue: openDueOf(doc.items) }),
};

const sharedDoc: MarkdownKind<SharedDoc, 'sharedGlobs'> = {
  id: 'shared-doc',
  types: [],
  format: 'markdown',
  globs: { setting: 'sharedGlobs', defaults: [] },
  // A review packet holds copies of private text: never shared, whatever the globs.
  otherTypes: (t) => t.trim().toLowerCase() !== 'review-packet',
  indexNumber: 5,
  parse: parseSharedDoc,
  summarize: () => ({ key: undefined, date: undefined, refs: [], openDue: [] }),
};

// SPEC §14: found by its `type:` wherever it lives (no globs); no rule judges it.
const reviewPacket: MarkdownKind<ReviewPacketDoc, never> = {
  id: 'review-packet',
  types: ['review-packet'],
  format: 'markdown',
  indexNumber: 6,
  parse: parseReviewPacket,
  summarize: () => ({ key: undefined, date: undefined, refs: [], openDue: [] }),
};

/**
 * Every kind, in the order the globs are tried: a Markdown file matching the
 * people globs and the 1:1 globs is a person file. Keyed by id so that the
 * compiler refuses a `Doc` kind without an entry.
 */
const ENTRIES = {
  person,
  '1on1': oneOnOne,
  okr: okrSet,
  'okr-review': okrReview,
  'shared-doc': sharedDoc,
  'review-packet': reviewPacket,
} satisfies { readonly [K in FileKind]: KindEntry<Extract<Doc, { kind: K }>> };

/** The settings keys of the kinds' globs: `peopleGlobs`, … */
export type GlobSetting = NonNullable<(typeof ENTRIES)[keyof typeof ENTRIES]['globs']>['setting'];

/**
 * A set of file kinds and what follows from it: classification, parsing,
 * summaries, the glob settings and the persistent index's numbers. The
 * core uses the one registry, `FILE_KINDS`; tests build others to try
 * kinds the product does not have yet.
 */
export class KindRegistry {
  /** In the order the globs are tried. */
  readonly all: readonly KindEntry[];
  /** Each glob setting with its default, in registry order. */
  readonly globSettings: readonly KindGlobs[];
  private readonly byId = new Map<string, KindEntry>();
  private readonly byType = new Map<string, KindEntry>();
  private readonly byNumber: (KindEntry | undefined)[] = [];
  private readonly shapes = new Map<string, KindEntry[]>();

  /** Throws on an inconsistent list (a repeated id, `type:` value, setting or number): a programming error. */
  constructor(entries: readonly KindEntry[]) {
    this.all = entries;
    const settings = new Set<string>();
    for (const e of entries) {
      if (this.byId.has(e.id)) throw new Error(`file kind ${e.id} twice`);
      this.byId.set(e.id, e);
      for (const t of e.types) {
        if (t !== t.toLowerCase() || this.byType.has(t)) throw new Error(`type: ${t} is not lower-case or names two kinds`);
        this.byType.set(t, e);
      }
      if (!Number.isInteger(e.indexNumber) || e.indexNumber < 1 || e.indexNumber > 255 || this.byNumber[e.indexNumber]) {
        throw new Error(`file kind ${e.id}: index number ${e.indexNumber} is out of 1–255 or taken`);
      }
      this.byNumber[e.indexNumber] = e;
      if (e.globs) {
        if (settings.has(e.globs.setting)) throw new Error(`glob setting ${e.globs.setting} twice`);
        settings.add(e.globs.setting);
      }
      if (e.shapeOf !== undefined) {
        if (e.types.length || e.globs || !e.claims) throw new Error(`file kind ${e.id}: a shape has claims, and neither types nor globs of its own`);
        const list = this.shapes.get(e.shapeOf) ?? [];
        list.push(e);
        this.shapes.set(e.shapeOf, list);
      }
    }
    for (const [base, list] of this.shapes) {
      const b = this.byId.get(base);
      if (!b || b.shapeOf !== undefined || list.some((s) => s.format !== b.format)) throw new Error(`shapes of ${base}: no such base kind, or another format`);
    }
    this.globSettings = entries.flatMap((e) => (e.globs ? [e.globs] : []));
  }

  /** The entry of a kind; throws for an id that is not one (a programming error). */
  get(kind: FileKind): KindEntry {
    const e = this.byId.get(kind);
    if (!e) throw new Error(`unknown file kind ${kind}`);
    return e;
  }

  /** The kind a `type:` value names (case-insensitive), or undefined. */
  ofType(type: string): KindEntry | undefined {
    return this.byType.get(type.toLowerCase());
  }

  /** The kind stored under a persistent-index number, or undefined. */
  ofIndexNumber(n: number): KindEntry | undefined {
    return this.byNumber[n];
  }

  /**
   * The kind of a file (SPEC §2), or undefined when Cadence ignores it. A
   * recognised `type:` (`declared`, null when the file has none) wins when
   * the file's format is the kind's; any other `type:` value marks the file
   * as not Cadence's (an escape hatch for, say, a README kept in people/);
   * otherwise the first kind of the file's format whose globs match. A shape
   * of the kind found then claims the file if its test holds.
   */
  classify(path: string, text: string, format: 'markdown' | 'yaml', declared: string | null, settings: Settings): FileKind | undefined {
    let kind: KindEntry | undefined;
    const globs = settings as unknown as Readonly<Record<string, readonly string[]>>;
    const matches = (e: KindEntry) => e.format === format && e.globs !== undefined && globMatcher(globs[e.globs.setting] ?? e.globs.defaults)(path);
    if (declared !== null) {
      const typed = this.ofType(declared);
      kind = typed && typed.format === format ? typed : undefined;
      if (!typed) kind = this.all.find((e) => e.otherTypes?.(declared) && matches(e));
    } else {
      kind = this.all.find(matches);
    }
    if (!kind) return undefined;
    for (const s of this.shapes.get(kind.id) ?? []) if (s.claims!(path, text)) return s.id;
    return kind.id;
  }

  /**
   * Parses normalised text (see `normalize`) as the given kind. A text with
   * a git conflict block (SPEC §10) is read as a blank document of the kind
   * (a person's id still from its file name) that holds only where its
   * blocks are: nothing else of it is judged or counted.
   */
  parse(path: string, text: string, kind: FileKind, options?: ParseOptions): Doc {
    const e = this.get(kind);
    try {
      if (mayConflict(text)) {
        const lines = text.split('\n');
        const conflicts = conflictBlocks(lines);
        if (conflicts.length) return { ...this.blank(e, path, lines), conflicts };
      }
      return e.format === 'yaml' ? e.parse(path, text) : e.parse(path, splitFrontMatter(text), options);
    } catch (err) {
      // A reader that throws is a bug: the file is read as blank and says so, and no other file is touched.
      const d = this.blank(e, path, text.split('\n'));
      return { ...d, limits: [{ message: `this file could not be read (${String(err).slice(0, 200)})`, range: d.firstLine }] };
    }
  }

  /** A document of the kind with nothing read (a person's id still from its file name), as long as the text. */
  private blank(e: KindEntry, path: string, lines: readonly string[]): Doc {
    const blank = e.format === 'yaml' ? e.parse(path, '') : e.parse(path, splitFrontMatter(''));
    const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: lines[0].length } };
    return { ...blank, lineCount: lines.length, firstLine, ...('date' in blank ? { date: undefined } : {}) } as Doc;
  }

  /** The kind's summary of a document, `refs` without repeats (first mention kept). */
  summarize(doc: Doc): KindSummary {
    const s = this.get(doc.kind).summarize(doc);
    return s.refs.length > 1 ? { ...s, refs: [...new Set(s.refs)] } : s;
  }
}

/** The kinds Cadence reads. */
export const FILE_KINDS = new KindRegistry(Object.values(ENTRIES) as KindEntry[]);
