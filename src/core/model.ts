// The dataset's model: what the parsers read out of each file, with the exact
// source range of every field so rules and fixes can point at the value.

import type { Spelling } from './spellings';
import type { Range } from './types';

export type { Spelling };

/** A file kind's id; each kind's entry (type: values, globs, parser): kinds.ts. */
export type FileKind = Doc['kind'];

/** A YAML field: its JS value (scalars) and where its key and value stand. */
export interface Field {
  readonly key: string;
  /** Scalar value, or undefined for maps and sequences (see `node`). */
  readonly value: unknown;
  readonly isNull: boolean;
  readonly range: Range;
  readonly keyRange: Range;
  /** Set when the value is a YAML sequence or map where a scalar was expected (messages name it: writtenValue). */
  readonly collection?: 'list' | 'map';
}

/** A date-valued field (YAML or an action item token). */
export interface DateField {
  readonly name: string;
  readonly raw: string;
  readonly valid: boolean;
  /** Set only when valid. */
  readonly value: string | undefined;
  readonly range: Range;
  /** Set when the field holds a YAML sequence or map, not a date (invalid-date says so). */
  readonly collection?: 'list' | 'map';
}

export interface PersonRef {
  readonly id: string;
  /** Lower-cased id: ids compare case-insensitively. */
  readonly key: string;
  readonly range: Range;
}

/** Where a YAML map stands, so a fix can insert a key in the map's own style. */
export interface MapShape {
  readonly flow: boolean;
  /** Block style: the column of the map's keys. */
  readonly indent: number;
  /** Block style: the line after which a new key goes. */
  readonly lastLine: number;
  /** Flow style: the position just before the closing brace. */
  readonly flowEnd: Range;
}

export interface YamlProblem {
  readonly message: string;
  readonly range: Range;
}

interface DocBase {
  readonly path: string;
  /** Number of lines in the normalised text. */
  readonly lineCount: number;
  /** YAML (front matter or the whole OKR file) that did not parse. */
  readonly yamlErrors: readonly YamlProblem[];
  /**
   * What Cadence did not read because it is beyond a bound (nesting too
   * deep, an alias expanding too far): one notice per place, the rest of
   * the file read (SPEC §10); the rule `beyond-limits` reports them.
   */
  readonly limits: readonly YamlProblem[];
  /**
   * The 0-based lines of the git conflict blocks' `<<<<<<<` (SPEC §10). A
   * file with one is read as blank: nothing else of it is judged or counted.
   */
  readonly conflicts: readonly number[];
  /** Every date field, valid or not, for invalid-date. */
  readonly dates: readonly DateField[];
  /** Line 1 (index 0), where a file's own missing fields are reported. */
  readonly firstLine: Range;
}

export interface Theme {
  readonly title: string | undefined;
  readonly firstLine: Range;
  readonly since: DateField | undefined;
  readonly until: DateField | undefined;
  readonly untilField: Field | undefined;
}

export interface PersonDoc extends DocBase {
  readonly kind: 'person';
  readonly id: string;
  readonly key: string;
  readonly idField: Field | undefined;
  readonly name: string | undefined;
  readonly role: string | undefined;
  /** The `cadence:` field as written, empty or null included (cadence-lapsed reports on its line, SPEC §8). */
  readonly cadenceField: Field | undefined;
  /** Valid cadence in days, or undefined (default applies). */
  readonly cadenceDays: number | undefined;
  readonly since: DateField | undefined;
  readonly me: boolean;
  readonly manages: boolean;
  readonly themes: readonly Theme[];
  readonly developmentField: Field | undefined;
  readonly development: readonly string[];
  readonly frontMatterEnd: number;
  /** `relationship:` (SPEC §11): `report` when absent or not one of RELATIONSHIPS. */
  readonly relationship: Relationship;
  readonly relationshipField: Field | undefined;
  /** The inbox (SPEC §13): the task items of the body's first talking-points section. */
  readonly inbox: readonly ActionItem[];
  /** That section, when there is one (Add Talking Point… appends to it). */
  readonly inboxSection: Section | undefined;
}

/** Who a person is to the manager (SPEC §11). */
export type Relationship = 'report' | 'manager' | 'skip-level' | 'peer' | 'mentor' | 'mentee';

/** A heading and the lines it governs: up to the next heading with as many `#`s or fewer. */
export interface Section {
  /** The heading's line (0-based). */
  readonly line: number;
  readonly depth: number;
  /** First line after the section (exclusive end). */
  readonly endLine: number;
}

/**
 * One meeting of a log (SPEC §12): a dated heading of the log's meeting level
 * and the lines up to the next heading of that level or above.
 */
export interface Meeting extends Section {
  readonly date: string;
  /** The heading's date token. */
  readonly dateRange: Range;
  /** Per-meeting `key:: value` fields (first of each key): value a number when it reads as one. */
  readonly happinessField: Field | undefined;
  readonly managerRatingField: Field | undefined;
  readonly reportRatingField: Field | undefined;
  readonly happiness: number | undefined;
  readonly managerRating: number | undefined;
  readonly reportRating: number | undefined;
}

/** The status character between the brackets: one code point (SPEC §10); its meaning: markdown/task-box.ts. */
export type ItemState = string;
export type ItemStatus = 'open' | 'done' | 'cancelled' | 'forwarded';

export interface ItemToken {
  readonly raw: string;
  /** The value's range (the date, or the id). */
  readonly range: Range;
  /** The whole token: `due:2026-11-27`, `📅 2026-11-27`, `[due:: 2026-11-27]`. */
  readonly tokenRange: Range;
  readonly spelling: Spelling;
}

/** A date of a task line, with its token. */
export type ItemDate = DateField & { readonly token: ItemToken };

export interface ActionItem {
  readonly line: number;
  /** From the list marker to the end of the line. */
  readonly range: Range;
  /** The one code point inside the brackets (two UTF-16 units when astral). */
  readonly boxRange: Range;
  readonly state: ItemState;
  readonly status: ItemStatus;
  readonly owner: (PersonRef & { readonly token: ItemToken }) | undefined;
  readonly due: ItemDate | undefined;
  readonly done: ItemDate | undefined;
  /** Obsidian Tasks' scheduled, start, created and cancelled dates (named so), checked by invalid-date only (SPEC §10). */
  readonly otherDates: readonly ItemDate[];
  /**
   * With no owner token: the line's wikilinks, in order. The first naming a
   * known person is the owner (SPEC §10), which only the dataset can tell:
   * read the owner with `itemOwner` (owners.ts).
   */
  readonly links: readonly PersonRef[];
  /** The item's words, without the checkbox, the tokens read and hidden text. */
  readonly text: string;
  /** The line's spelling; quick fixes write in it (SPEC §4). */
  readonly spelling: Spelling;
  /** The full source line. */
  readonly lineText: string;
}

export interface Heading {
  readonly line: number;
  readonly depth: number;
  readonly text: string;
}

/** Lines [start, end] (0-based, both included) of a `<!-- private -->` block, its markers included (SPEC §15). */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

export interface NoteBody {
  readonly items: readonly ActionItem[];
  readonly headings: readonly Heading[];
  /** The body's private blocks: private text wherever they stand; every export leaves them out (SPEC §15). */
  readonly privateBlocks: readonly LineSpan[];
}

/** What a 1:1 note and an OKR review share: Markdown with front matter, headings and action items, a date and a visibility. */
export interface NoteDocBase extends DocBase, NoteBody {
  /** End line (exclusive) of the front matter, 0 when there is none. */
  readonly frontMatterEnd: number;
  /** The note's date: the valid `date` (a 1:1's, when absent, a real date in its file name). */
  readonly date: string | undefined;
  readonly visibilityField: Field | undefined;
  /** From `visibility`; when it is absent, a 1:1 is private and a review shared. */
  readonly visibility: 'private' | 'shared';
}

export interface OneOnOneDoc extends NoteDocBase {
  readonly kind: '1on1';
  readonly hasFrontMatter: boolean;
  /** The person the 1:1 is with: `report:`, else `with:` (SPEC §11). */
  readonly report: PersonRef | undefined;
  /** Which field named them. */
  readonly reportKey: 'report' | 'with' | undefined;
  /**
   * A running log (SPEC §12): no `date:`, no date in the file name, and at
   * least one dated heading. Its front-matter happiness and performance are
   * then not read (the fields below are undefined); its meetings hold them.
   */
  readonly log: boolean;
  /** A log's meetings in file order (empty for other notes). */
  readonly meetings: readonly Meeting[];
  /** The log's meeting heading level (0 for other notes). */
  readonly meetingDepth: number;
  /** Task items in talking-points sections (SPEC §13): not in `items`, which holds action items only. */
  readonly talkingPoints: readonly ActionItem[];
  /** The talking-points sections, in file order. */
  readonly talkingPointSections: readonly Section[];
  readonly dateField: DateField | undefined;
  readonly happinessField: Field | undefined;
  readonly happiness: number | undefined;
  readonly performanceField: Field | undefined;
  readonly managerRatingField: Field | undefined;
  readonly reportRatingField: Field | undefined;
  readonly managerRating: number | undefined;
  readonly reportRating: number | undefined;
  /** Happiness retrospective lines (SPEC §14): `:-)` keep, `:-(` fix, `:-/` clarify, with text after the marker. */
  readonly retro: readonly RetroLine[];
  /** Feedback entries (SPEC §14) of the note's `Feedback` sections, in file order. */
  readonly feedback: readonly FeedbackEntry[];
  /** The `Feedback` sections, in file order. */
  readonly feedbackSections: readonly Section[];
}

/** `praise` (reinforcing feedback given), `redirect` (redirecting feedback given), `received` (feedback received from the person). */
export type FeedbackKind = 'praise' | 'redirect' | 'received';

/** A feedback entry (SPEC §14): `- praise: …` in a `Feedback` section; dated by its note or meeting. */
export interface FeedbackEntry {
  /** 0-based line. */
  readonly line: number;
  readonly kind: FeedbackKind;
  /** What follows `kind:`, without hidden text, trimmed. */
  readonly text: string;
  /** The kind word (`praise`, as written) in the source line. */
  readonly wordRange: Range;
}

/** A happiness-retrospective line (SPEC §4, §14). */
export interface RetroLine {
  /** 0-based line. */
  readonly line: number;
  readonly mood: 'keep' | 'fix' | 'clarify';
  /** The text after the marker, without hidden text, trimmed (never empty). */
  readonly text: string;
}

export interface Decision {
  readonly line: number;
  readonly raw: string;
  readonly range: Range;
  readonly value: 'continue' | 'cut' | 're-scope' | 'escalate' | undefined;
  /** The heading the decision stands under (its objective). */
  readonly heading: Heading | undefined;
}

export interface ReviewDoc extends NoteDocBase {
  readonly kind: 'okr-review';
  readonly okrs: string | undefined;
  readonly preRead: string | undefined;
  /** The `pre-read:` field as written, empty or not a date included (pre-read-late reports on its line). */
  readonly preReadField: Field | undefined;
  readonly decisions: readonly Decision[];
}

export type KrStatus = 'on-track' | 'at-risk' | 'off-track' | 'done' | 'cut';

export interface CheckIn {
  readonly range: Range;
  readonly date: string | undefined;
  readonly current: number | undefined;
  readonly confidence: number | undefined;
  /** The `confidence:` field as written (out-of-range reads it: 0–1, as a key result's). */
  readonly confidenceField: Field | undefined;
  readonly note: string | undefined;
}

/** What an objective and a key result share: a YAML map in a list, with an id, a title and an owner. */
export interface OkrEntry {
  /** The `id`, or `O1`/`KR1`… by position when it has none. */
  readonly id: string;
  /** Lower-cased id: ids compare case-insensitively. */
  readonly key: string;
  /** Its position in its list, from 0. */
  readonly index: number;
  readonly idField: Field | undefined;
  /** From the map's first key to the end of that line: where its own missing fields are reported. */
  readonly firstLine: Range;
  readonly shape: MapShape;
  /** Its scalar and nested fields by key. */
  readonly fields: ReadonlyMap<string, Field>;
  readonly title: string | undefined;
  readonly owner: PersonRef | undefined;
}

export interface KeyResult extends OkrEntry {
  readonly due: DateField | undefined;
  readonly start: number | undefined;
  readonly target: number | undefined;
  readonly current: number | undefined;
  readonly unit: string | undefined;
  readonly confidence: number | undefined;
  readonly status: KrStatus | undefined;
  readonly checkins: readonly CheckIn[];
}

export interface Objective extends OkrEntry {
  readonly kind: 'committed' | 'aspirational';
  readonly parent: string | undefined;
  readonly keyResultsField: Field | undefined;
  readonly keyResults: readonly KeyResult[];
}

export interface OkrSetDoc extends DocBase {
  readonly kind: 'okr';
  readonly id: string;
  readonly key: string;
  readonly fields: ReadonlyMap<string, Field>;
  readonly period: string | undefined;
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly owner: PersonRef | undefined;
  readonly team: string | undefined;
  readonly objectivesField: Field | undefined;
  readonly objectives: readonly Objective[];
}

/**
 * Any other file matching `cadence.sharedGlobs` (SPEC §15): shared text read
 * for the private-leak rule only (a team update, a shared agenda).
 */
export interface SharedDoc extends DocBase {
  readonly kind: 'shared-doc';
  /** End line (exclusive) of the front matter, 0 when there is none. */
  readonly frontMatterEnd: number;
}

/**
 * A review packet (SPEC §14): a file whose `type:` is `review-packet`,
 * wherever it lives. It holds copies of private text, so it is private and
 * never a source of private text (SPEC §15); no rule judges it.
 */
export interface ReviewPacketDoc extends DocBase {
  readonly kind: 'review-packet';
  /** End line (exclusive) of the front matter. */
  readonly frontMatterEnd: number;
  /** The packet's `person:`, when it has one. */
  readonly person: string | undefined;
  /** The last day it covers (`to:`), when a real date. */
  readonly to: string | undefined;
}

export type Doc = PersonDoc | OneOnOneDoc | OkrSetDoc | ReviewDoc | SharedDoc | ReviewPacketDoc;
