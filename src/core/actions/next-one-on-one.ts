// The next 1:1 with a person (SPEC §13, §16, §18): what `cadence new` and
// the editor's New 1:1… both write. One function decides whether a 1:1
// exists already, where the new one goes (a file, or a meeting in the
// person's log), and every edit: the template, the carried action items and
// talking points (markers and nesting kept, each group marked with its
// source, `[>]` where they were; actions/carry.ts), the inbox moved in, the
// slipping key results with why (core/slipping.ts), and where the cursor
// goes. The shells only check the target path and apply the edits.

import type { Dataset } from '../dataset';
import { krScoreText } from '../format';
import { oneOnOnesOf, type OneOnOne } from '../meetings';
import type { ActionItem, OneOnOneDoc, PersonDoc } from '../model';
import { yamlScalar } from '../fixes';
import { idKey } from '../ids';
import { displayName } from '../people';
import { privateBlocks } from '../rooms/regions';
import { isLiveSet, slippingKeyResults, slipText } from '../slipping';
import type { Position, TextEdit } from '../types';
import { carryOver, carrySource, type CarryOver } from './carry';

export type NextOneOnOne =
  | {
      readonly kind: 'exists';
      /** The existing 1:1's file, and its meeting heading's 0-based line for a log. */
      readonly path: string;
      readonly line: number | undefined;
    }
  | {
      readonly kind: 'create';
      /** The new note (`text`), or the log that gains a meeting (`line` is its heading, 0-based). */
      readonly path: string;
      readonly line: number | undefined;
      /** A new note's whole text; undefined when a log is edited (its edits are in `edits`). */
      readonly text: string | undefined;
      /** Edits to existing files, by path: the log's new meeting, `[>]` marks, the inbox emptied. */
      readonly edits: ReadonlyMap<string, readonly TextEdit[]>;
      /** Where the cursor goes in `path` once everything is applied (0-based): the new, empty action line. */
      readonly cursor: Position;
      /** What was carried from the previous 1:1: its action items and its talking points (undefined: nothing open). */
      readonly carriedItems: CarryOver | undefined;
      readonly carriedPoints: CarryOver | undefined;
      /** How many were carried (action items and talking points) and moved in from the inbox, for the shells' messages. */
      readonly carried: number;
      readonly moved: number;
    }
  /** The person's id cannot be the folder of a new note (`1on1s/<id>/`): isFolderName. Nothing is planned. */
  | { readonly kind: 'unsafe-id'; readonly id: string };

/**
 * Can `id` be the folder of a person's 1:1 notes (`1on1s/<id>/`, SPEC §16):
 * one path segment, so the note lands inside the folder it names? Not empty,
 * `.` or `..`, and no `/`, `\` or control character (`id: ../../x` in a
 * person file would otherwise have a new note written outside the
 * workspace).
 */
export function isFolderName(id: string): boolean {
  return id !== '' && id !== '.' && id !== '..' && !/[/\\\u0000-\u001f\u007f]/.test(id);
}

export interface NextOptions {
  /** The date asked for (`--date`); without it, today, and an existing 1:1 dated today or later is the next one. */
  readonly date?: string;
  /** A file's current lines (LF-split) when the shell has them: carried items keep the plain bullets they sit under, a log's end is found. */
  readonly linesOf: (path: string) => readonly string[] | undefined;
}

/** Every 1:1 (note or meeting) of a person, by date then file order. */
function oneOnOnes(dataset: Dataset, key: string): OneOnOne[] {
  const all = dataset.query.notesOf(key).flatMap(oneOnOnesOf).filter((o) => o.date);
  return all.sort((a, b) => a.date!.localeCompare(b.date!) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** A line moved in from the inbox: the item's own text from its box on, as a top-level bullet, keeping its status. */
function movedLine(item: ActionItem): string {
  return `- ${item.lineText.slice(item.boxRange.start.character - 1)}`;
}

/** The empty task line the cursor lands on: a placeholder, not an item (SPEC §10). */
const ENTRY = '- [ ] ';

interface Block {
  readonly lines: readonly string[];
  /** Private text (SPEC §15): a private note's, a private block's, or the person file's. */
  readonly private: boolean;
}

/**
 * Lines to write into a section, block by block (a carried group stays
 * whole): private ones inside one private block when the target is shared.
 */
function place(blocks: readonly Block[], shared: boolean): string[] {
  if (!shared) return blocks.flatMap((b) => b.lines);
  const open = blocks.filter((b) => !b.private).flatMap((b) => b.lines);
  const priv = blocks.filter((b) => b.private).flatMap((b) => b.lines);
  return priv.length ? [...open, '<!-- private -->', ...priv, '<!-- /private -->'] : open;
}

/** Carried groups as blocks: private when the source 1:1 is private, or any of a group's lines stands in a private block. */
function carriedBlocks(c: CarryOver | undefined, sourcePrivate: boolean, lines: readonly string[] | undefined): Block[] {
  if (!c) return [];
  const blocks = lines ? privateBlocks(lines) : [];
  const inBlock = (l: number) => blocks.some((b) => l >= b.start && l <= b.end);
  return c.groups.map((g) => ({ lines: g.lines, private: sourcePrivate || g.sourceLines.some(inBlock) }));
}

/**
 * The OKRs section's lines (SPEC §18): each slipping key result the person
 * owns in a live set on `date`, with its score and why it is listed; else a
 * line that says none is slipping, or (`owns` false) that they own none.
 */
function okrLines(dataset: Dataset, person: PersonDoc, date: string): { lines: string[]; owns: boolean } {
  const sets = dataset.okrSets();
  const slipping = slippingKeyResults(sets, date, person.key);
  if (slipping.length) return { owns: true, lines: slipping.map(({ set, objective, kr, reasons }) => `- ${set.id} ${objective.id}/${kr.id} ${kr.title ?? ''} — score ${krScoreText(kr)}; slipping: ${slipText(reasons)}`) };
  const owns = sets.some((s) => isLiveSet(s, date) && s.objectives.some((o) => o.keyResults.some((k) => k.owner?.key === person.key)));
  return { owns, lines: [owns ? '- None of their key results is slipping (none at risk or off track, none below 0.5 confidence, none behind schedule).' : '- They own no key result in a current OKR set.'] };
}

/**
 * The next 1:1 with `key` (SPEC §16): `exists` when the person has a 1:1
 * dated `options.date` (with a date) or dated today or later (without one);
 * else `create`, dated `options.date ?? today`: a note `1on1s/<id>/<D>.md`,
 * or, when the person's latest 1:1 is a log's meeting, a meeting in that log
 * at its meetings' level — before the first meeting when the first two run
 * newest first or there is only one, else after the last meeting's section;
 * where a meeting is prepared for a later date, the log keeps its order (the
 * new one goes before the first meeting dated before it, newest first, or
 * dated after it, oldest first; with none, after the last meeting's section).
 * Either way: talking points (carried, then the inbox's), OKRs (slipping key
 * results with why, SPEC §18), the development plan (nothing untitled or
 * empty), happiness, performance (reports only) and action items (carried,
 * then an empty entry line where the cursor goes). Returns undefined for a
 * person without a person file.
 */
export function nextOneOnOne(dataset: Dataset, key: string, today: string, options: NextOptions): NextOneOnOne | undefined {
  const person: PersonDoc | undefined = dataset.query.peopleWithKey(idKey(key))[0];
  if (!person) return undefined;
  const all = oneOnOnes(dataset, person.key);
  const date = options.date ?? today;
  const existing = options.date ? all.find((o) => o.date === date) : all.find((o) => o.date! >= today);
  if (existing) return { kind: 'exists', path: existing.path, line: existing.meeting ? existing.line : undefined };

  const latest = all[all.length - 1];
  const log = latest?.doc.log ? latest.doc : undefined;
  if (!log && !isFolderName(person.id)) return { kind: 'unsafe-id', id: person.id };
  const previous = [...all].reverse().find((o) => o.date! < date);
  const edits = new Map<string, TextEdit[]>();
  const edit = (path: string, e: TextEdit) => {
    if (!edits.has(path)) edits.set(path, []);
    edits.get(path)!.push(e);
  };

  const target = log ? log.path : `1on1s/${person.id}/${date}.md`;
  const shared = log ? log.visibility === 'shared' : false;
  // Carry: open action items and open talking points of the previous 1:1, each marked [>] where it was.
  const prevLines = previous ? options.linesOf(previous.path) : undefined;
  const prevPrivate = previous ? previous.doc.visibility !== 'shared' : false;
  const carriedItems = previous ? carryOver(carrySource(previous, 'items'), target, prevLines) : undefined;
  const carriedPoints = previous ? carryOver(carrySource(previous, 'talkingPoints'), target, prevLines) : undefined;
  for (const c of [carriedItems, carriedPoints]) for (const e of c?.edits ?? []) edit(c!.from.path, e);
  // The inbox: open talking points move in and leave the person file (private text).
  const inbox = person.inbox.filter((i) => i.status === 'open');
  for (const i of inbox) edit(person.path, { range: { start: { line: i.line, character: 0 }, end: { line: i.line + 1, character: 0 } }, newText: '' });
  const moved: Block[] = inbox.map((i) => ({ lines: [movedLine(i)], private: true }));

  const okrs = okrLines(dataset, person, date);
  const talking = place([...carriedBlocks(carriedPoints, prevPrivate, prevLines), ...moved], shared);
  const actions = place(carriedBlocks(carriedItems, prevPrivate, prevLines), shared);
  const reportRated = person.relationship === 'report';
  const counts = { carriedItems, carriedPoints, carried: (carriedItems?.items.length ?? 0) + (carriedPoints?.items.length ?? 0), moved: moved.length };

  if (log) {
    const depth = log.meetingDepth;
    const h = '#'.repeat(Math.min(6, depth + 1));
    const body = [
      `${'#'.repeat(depth)} ${date}`,
      'happiness:: ',
      ...(reportRated ? ['manager-rating:: ', 'report-rating:: '] : []),
      `${h} Talking points`,
      ...talking,
      // A log's meeting has an OKRs section only when they own a key result (a note always has one).
      ...(okrs.owns ? [`${h} OKRs`, ...okrs.lines] : []),
      `${h} Action items`,
      ...actions,
      ENTRY,
      '',
    ];
    const entry = body.length - 2;
    const lines = options.linesOf(log.path) ?? [];
    const ms = log.meetings;
    const newestFirst = ms.length === 1 || (ms.length >= 2 && ms[0].date > ms[1].date);
    // The log keeps its order when a meeting is prepared ahead (dated after the new one): newest
    // first, the new meeting goes before the first meeting dated before it; oldest first, before the
    // first dated after it; with none, after the last meeting's section.
    const before = newestFirst ? ms.find((m) => m.date < date) : ms.find((m) => m.date > date);
    let at: number;
    if (before) {
      at = before.line;
      edit(log.path, { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: body.join('\n') + '\n' });
    } else {
      const end = ms[ms.length - 1].endLine;
      if (end < lines.length) {
        at = end;
        edit(log.path, { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: body.join('\n') + '\n' });
      } else {
        // At the end of the file: after a blank line.
        const last = lines.length - 1;
        const tail = lines[last] ?? '';
        const lead = tail !== '' ? '\n\n' : lines[last - 1]?.trim() === '' ? '' : '\n';
        at = tail !== '' ? last + 2 : lead === '' ? last : last + 1;
        edit(log.path, { range: { start: { line: last, character: tail.length }, end: { line: last, character: tail.length } }, newText: lead + body.join('\n') });
      }
    }
    return { kind: 'create', path: log.path, line: at, text: undefined, edits, cursor: { line: at + entry, character: ENTRY.length }, ...counts };
  }

  const themes = person.themes.filter((t) => t.title?.trim() && (!t.until?.value || t.until.value >= date));
  const focus = person.development.map((d) => d.trim()).filter(Boolean);
  const lines = [
    '---',
    'type: 1on1',
    `${reportRated ? 'report' : 'with'}: ${yamlScalar(person.id)}`,
    `date: ${date}`,
    'visibility: private',
    'happiness:          # 1–5',
    ...(reportRated ? ['performance:', '  manager:          # 1–5, your rating', '  report:           # 1–5, their own rating'] : []),
    '---',
    `# 1:1 with ${displayName(person)} — ${date}`,
    '',
    '## Talking points',
    ...talking,
    '',
    '## OKRs',
    ...okrs.lines,
    '',
    '## Development plan',
    ...themes.map((t) => `- Theme: ${t.title!.trim()}${t.until?.value ? ` (until ${t.until.value})` : ''}`),
    ...focus.map((d) => `- Focus: ${d}`),
    ...(themes.length || focus.length ? [] : ['- ']),
    '',
    '## Happiness retrospective',
    '- :-) ',
    '- :-( ',
    '- :-/ ',
    '',
    ...(reportRated ? ['## Performance', ''] : []),
    '## Feedback',
    '- praise: ',
    '- redirect: ',
    '',
    '## Action items',
    ...actions,
    ENTRY,
    '',
  ];
  return { kind: 'create', path: target, line: undefined, text: lines.join('\n'), edits, cursor: { line: lines.length - 2, character: ENTRY.length }, ...counts };
}

/** Applies non-overlapping edits to LF text (for the CLI and tests; the editor applies them itself). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => {
    let o = 0;
    for (let i = 0; i < l && i < lines.length; i++) o += lines[i].length + 1;
    return o + c;
  };
  const sorted = [...edits].map((e) => ({ s: offset(e.range.start.line, e.range.start.character), e: offset(e.range.end.line, e.range.end.character), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** An edit that takes one of `edits` back: `range` is where its new text stands afterwards, `expect` that text. */
export interface UndoEdit extends TextEdit {
  readonly expect: string;
}

/**
 * What takes non-overlapping `edits` on LF `text` back (for New 1:1's Undo):
 * the text after them, and per edit the range its new text occupies there,
 * the text it replaced (`newText`) and the text the range should still hold
 * (`expect`) for the undo to apply as is.
 */
export function undoEdits(text: string, edits: readonly TextEdit[]): { after: string; undo: UndoEdit[] } {
  const starts = lineStarts(text);
  const offset = (p: Position) => (starts[p.line] ?? text.length) + p.character;
  const sorted = edits.map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText })).sort((a, b) => a.s - b.s || a.e - b.e);
  const after = applyTextEdits(text, edits);
  const afterStarts = lineStarts(after);
  const position = (o: number): Position => {
    let line = 0;
    while (line + 1 < afterStarts.length && afterStarts[line + 1] <= o) line++;
    return { line, character: o - afterStarts[line] };
  };
  let delta = 0;
  const undo: UndoEdit[] = [];
  for (const e of sorted) {
    const from = e.s + delta;
    undo.push({ range: { start: position(from), end: position(from + e.t.length) }, newText: text.slice(e.s, e.e), expect: e.t });
    delta += e.t.length - (e.e - e.s);
  }
  return { after, undo };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

export type { OneOnOneDoc };
