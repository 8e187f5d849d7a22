// 1:1 notes and OKR reviews: Markdown with front matter and action items.

import { NO_CONFLICTS } from '../conflicts';
import { dateInFileName } from '../dates';
import type { DateField, Decision, Field, OneOnOneDoc, ReviewDoc, ReviewPacketDoc, SharedDoc, YamlProblem } from '../model';
import type { Range } from '../types';
import { readFastFrontMatter } from './fast-front-matter';
import { readBody, type Split } from '../markdown/body';
import { isMap } from 'yaml';
import { readLog, splitTalkingPoints, talkingPointSections, type ParseOptions } from '../markdown/sections';
import { feedbackSections, hiddenTextLines, readFeedback, readRetro } from '../markdown/feedback';
import { dateOf, fieldsOf, numberOf, personOf, readYaml, stringOf, valueNode } from './yaml-fields';

/**
 * Front matter fields: the fast reader for the simple `key: value` shape
 * notes use, `yaml` for everything else (and for every error message).
 */
function frontMatter(split: Split): { errors: YamlProblem[]; limits: YamlProblem[]; fields: Map<string, Field>; nested: (key: string) => Map<string, Field> } {
  if (split.yaml === undefined) return { errors: [], limits: [], fields: new Map(), nested: () => new Map() };
  const fast = readFastFrontMatter(split.lines.slice(split.yamlLine, split.bodyLine - 1), split.yamlLine);
  if (fast) return { errors: [], limits: [], fields: fast.fields, nested: (k) => fast.nested.get(k) ?? new Map() };
  const y = readYaml(split.yaml, split.yamlLine);
  const fields = y.root ? fieldsOf(y.root, y.index) : new Map<string, Field>();
  return {
    errors: y.errors,
    limits: y.limits,
    fields,
    nested: (k) => {
      const node = y.root ? valueNode(y.root, k) : undefined;
      return node && isMap(node) ? fieldsOf(node, y.index) : new Map();
    },
  };
}

/**
 * The fields every note's document starts with (NoteDocBase, in its field
 * order), written out in each parser's object literal rather than spread in:
 * `{ ...base, more }` made V8 build every document in a slower, larger shape
 * (measured on the 10k-note bench corpus: +50 MB peak memory, +10% time).
 */
function firstLineOf(split: Split): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: split.lines[0].length } };
}

/** `visibility:` read case-insensitively; any value but `shared` is private, and `absent` stands when there is none. */
function visibilityOf(f: Field | undefined, absent: 'private' | 'shared'): 'private' | 'shared' {
  if (!f) return absent;
  return typeof f.value === 'string' && f.value.trim().toLowerCase() === 'shared' ? 'shared' : 'private';
}

function rating(f: Field | undefined): number | undefined {
  const n = numberOf(f);
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

/**
 * A 1:1 note or log (SPEC §4, §11–§13). The person is `report:`, else
 * `with:`; a file with no `date:`, no date in its name and a dated heading is
 * a log, whose meetings carry the happiness and ratings; task items in
 * talking-points sections are talking points, not action items.
 */
export function parseOneOnOne(path: string, split: Split, options: ParseOptions = {}): OneOnOneDoc {
  const dates: DateField[] = [];
  const { errors, limits, fields, nested } = frontMatter(split);
  const dateField = dateOf(fields.get('date'), dates);
  const fromName = dateInFileName(path);
  const date = dateField ? dateField.value : fromName?.real ? fromName.value : undefined;
  const read = readBody(split);
  const logRead = !dateField && !fromName ? readLog(read.visible, read.headings, read.codeLines) : undefined;
  const log = logRead !== undefined && (logRead.meetings.length > 0 || logRead.badDates.length > 0);
  if (log) dates.push(...logRead!.badDates);
  const sections = talkingPointSections(read.headings, split.lines.length, options.talkingPointHeadings);
  const { items, talkingPoints } = splitTalkingPoints(read.items, sections);
  const body = { ...read, items };
  const performanceField = log ? undefined : fields.get('performance');
  const perf = log ? new Map<string, Field>() : nested('performance');
  const fromReport = personOf(fields.get('report'));
  const report = fromReport ?? personOf(fields.get('with'));
  const hidden = hiddenTextLines(split.lines, body.visible, split.bodyLine, body.codeLines);
  const retro = readRetro(split.lines, split.bodyLine, body.codeLines, hidden);
  const fbSections = feedbackSections(read.headings, split.lines.length, hidden);
  const feedback = readFeedback(split.lines, fbSections, body.codeLines, hidden);
  return {
    kind: '1on1',
    path,
    lineCount: split.lines.length,
    firstLine: firstLineOf(split),
    yamlErrors: errors,
    limits: body.limits.length ? limits.concat(body.limits) : limits,
    conflicts: NO_CONFLICTS,
    dates,
    items: body.items,
    headings: body.headings,
    privateBlocks: body.privateBlocks,
    hasFrontMatter: split.yaml !== undefined,
    frontMatterEnd: split.bodyLine,
    report,
    reportKey: fromReport ? 'report' : report ? 'with' : undefined,
    log,
    meetings: log ? logRead!.meetings : [],
    meetingDepth: log ? logRead!.depth : 0,
    talkingPoints,
    talkingPointSections: sections,
    dateField,
    date,
    visibilityField: fields.get('visibility'),
    visibility: visibilityOf(fields.get('visibility'), 'private'),
    happinessField: log ? undefined : fields.get('happiness'),
    happiness: log ? undefined : rating(fields.get('happiness')),
    performanceField: performanceField && !performanceField.isNull ? performanceField : undefined,
    managerRatingField: perf.get('manager'),
    reportRatingField: perf.get('report'),
    managerRating: rating(perf.get('manager')),
    reportRating: rating(perf.get('report')),
    retro,
    feedback,
    feedbackSections: fbSections,
  };
}

/**
 * A `Decision:` line (SPEC §6, §19), as people write it: the word `Decision` in any case, at the start of the line after
 * indentation, blockquote marks (`> `) and a list marker (`- `, `* `, `+ `, `1. `, `1) `), bare or in emphasis
 * (`**Decision**:`, `**Decision:**`, `__Decision__:`, `*Decision*:`, `**Decision: cut**`), then `:` (or Dataview's `::`),
 * spaces allowed before it. Not a task item (`- [ ] Decision: …`), a heading, `Decisions:` or `Decision-maker:`.
 * Groups: 1 everything before the value, 2 the emphasis mark, 3 the value and what follows it.
 */
const DECISION = /^([ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(\*\*\*|___|\*\*|__|\*|_)?Decision(?:\2)?[ \t]*::?(?:\2)?[ \t]*)(.*)$/i;
/** Marks before a decision's value: emphasis, code, quotes, an opening bracket (`**cut**`, `` `cut` ``, `"cut"`, `[cut](…)`). */
const VALUE_LEAD = /^[*_`"'“‘([]*/;
/** The value: up to a space, emphasis or code mark, a dash (`cut—for now`) or `(`; punctuation glued after it is not part of it (`re-scope.`, `cut,`). */
const VALUE_WORD = /^[^\s*_`—–(]*/;
const VALUE_TRAIL = '.,;:!?)]}"\'’”…';

/** `word` without the punctuation glued after it (a loop, not a `[…]+$` regex: that one is quadratic on a long run of punctuation). */
function withoutTrail(word: string): string {
  let end = word.length;
  while (end > 0 && VALUE_TRAIL.includes(word[end - 1])) end--;
  return word.slice(0, end);
}
export const DECISIONS = ['continue', 'cut', 're-scope', 'escalate'] as const;

export function parseReview(path: string, split: Split): ReviewDoc {
  const dates: DateField[] = [];
  const { errors, limits, fields } = frontMatter(split);
  const body = readBody(split);
  const decisions: Decision[] = [];
  let h = 0;
  for (let l = split.bodyLine; l < split.lines.length; l++) {
    while (h < body.headings.length && body.headings[h].line <= l) h++;
    if (body.codeLines.has(l)) continue;
    const m = DECISION.exec(body.visible[l]);
    if (!m) continue;
    // The value is the first word; what follows may be a reason or a comment. Its range is the word alone, so a fix replaces just it.
    const start = m[1].length + VALUE_LEAD.exec(m[3])![0].length;
    const word = withoutTrail(VALUE_WORD.exec(body.visible[l].slice(start))![0]);
    const v = word.toLowerCase();
    decisions.push({
      line: l,
      raw: word,
      range: { start: { line: l, character: word ? start : m[1].length }, end: { line: l, character: word ? start + word.length : m[1].length } },
      value: (DECISIONS as readonly string[]).includes(v) ? (v as Decision['value']) : undefined,
      heading: h > 0 ? body.headings[h - 1] : undefined,
    });
  }
  return {
    kind: 'okr-review',
    path,
    lineCount: split.lines.length,
    firstLine: firstLineOf(split),
    yamlErrors: errors,
    limits: body.limits.length ? limits.concat(body.limits) : limits,
    conflicts: NO_CONFLICTS,
    dates,
    items: body.items,
    headings: body.headings,
    privateBlocks: body.privateBlocks,
    frontMatterEnd: split.bodyLine,
    date: dateOf(fields.get('date'), dates)?.value,
    okrs: stringOf(fields.get('okrs')),
    preRead: dateOf(fields.get('pre-read'), dates)?.value,
    preReadField: fields.get('pre-read'),
    visibilityField: fields.get('visibility'),
    visibility: visibilityOf(fields.get('visibility'), 'shared'),
    decisions,
  };
}

/**
 * A file matching `cadence.sharedGlobs` (SPEC §15): nothing is read from it
 * but its text, by the private-leak rule; its front matter is not checked.
 */
export function parseSharedDoc(path: string, split: Split): SharedDoc {
  return plainDoc('shared-doc', path, split);
}

/** A Markdown file read for its text, not judged: no YAML errors, no dates. */
function plainDoc<K extends string>(kind: K, path: string, split: Split) {
  return {
    kind,
    path,
    lineCount: split.lines.length,
    firstLine: { start: { line: 0, character: 0 }, end: { line: 0, character: split.lines[0].length } },
    yamlErrors: [],
    limits: [],
    dates: [],
    frontMatterEnd: split.bodyLine,
    conflicts: NO_CONFLICTS,
  };
}

/**
 * A review packet (SPEC §14): found by its `type:` only; nothing is read
 * from it but its `person:`, and no rule judges it.
 */
export function parseReviewPacket(path: string, split: Split): ReviewPacketDoc {
  const { fields } = frontMatter(split);
  return {
    ...plainDoc('review-packet', path, split),
    person: stringOf(fields.get('person')),
    to: dateOf(fields.get('to'), [])?.value,
  };
}
