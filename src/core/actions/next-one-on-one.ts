// The next 1:1 with a person (SPEC §13, §16): what `cadence new` and the
// editor's New 1:1… both write. One function decides whether a 1:1 exists
// already, where the new one goes (a file, or a meeting in the person's log),
// and every edit: the template, the carried action items and talking points
// (marked `[>]` where they were), the inbox moved in, the slipping key
// results. The shells only check the target path and apply the edits.

import type { Dataset } from '../dataset';
import { oneOnOnesOf, type OneOnOne } from '../meetings';
import type { ActionItem, OneOnOneDoc, PersonDoc } from '../model';
import { privateBlocks } from '../rooms/regions';
import type { TextEdit } from '../types';
import { slippingKeyResults } from './templates';

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
      /** What was carried and moved, for the shells' messages. */
      readonly carried: number;
      readonly moved: number;
    };

export interface NextOptions {
  /** The date asked for (`--date`); without it, today, and an existing 1:1 dated today or later is the next one. */
  readonly date?: string;
  /** A file's current lines (LF-split) when the shell has them; else the dataset's text is not needed. */
  readonly linesOf: (path: string) => readonly string[] | undefined;
}

/** Every 1:1 (note or meeting) of a person, by date then file order. */
function oneOnOnes(dataset: Dataset, key: string): OneOnOne[] {
  const all = dataset.query.notesOf(key).flatMap(oneOnOnesOf).filter((o) => o.date);
  return all.sort((a, b) => a.date!.localeCompare(b.date!) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** A carried line: the item's own text from its box on, as a top-level bullet, keeping its status. */
function carriedLine(item: ActionItem): string {
  return `- ${item.lineText.slice(item.boxRange.start.character - 1)}`;
}

/** Is `line` of `lines` inside a private block (SPEC §15)? */
function inPrivateBlock(lines: readonly string[] | undefined, line: number): boolean {
  if (!lines) return false;
  return privateBlocks(lines).some((b) => line >= b.start && line <= b.end);
}

/**
 * Lines to write into a section: private ones (from private text, SPEC §15)
 * inside a private block when the target is shared.
 */
function place(lines: { text: string; private: boolean }[], shared: boolean): string[] {
  if (!shared) return lines.map((l) => l.text);
  const open = lines.filter((l) => !l.private).map((l) => l.text);
  const priv = lines.filter((l) => l.private).map((l) => l.text);
  return priv.length ? [...open, '<!-- private -->', ...priv, '<!-- /private -->'] : open;
}

/**
 * The next 1:1 with `key` (SPEC §16): `exists` when the person has a 1:1
 * dated `options.date` (with a date) or dated today or later (without one);
 * else `create`, dated `options.date ?? today`: a note `1on1s/<id>/<D>.md`,
 * or, when the person's latest 1:1 is a log's meeting, a meeting in that log
 * at its meetings' level — before the first meeting when the first two run
 * newest first or there is only one, else after the last meeting's section.
 * Returns undefined for a person without a person file.
 */
export function nextOneOnOne(dataset: Dataset, key: string, today: string, options: NextOptions): NextOneOnOne | undefined {
  const person: PersonDoc | undefined = dataset.query.peopleWithKey(key.toLowerCase())[0];
  if (!person) return undefined;
  const all = oneOnOnes(dataset, person.key);
  const date = options.date ?? today;
  const existing = options.date ? all.find((o) => o.date === date) : all.find((o) => o.date! >= today);
  if (existing) return { kind: 'exists', path: existing.path, line: existing.meeting ? existing.line : undefined };

  const latest = all[all.length - 1];
  const log = latest?.doc.log ? latest.doc : undefined;
  const previous = [...all].reverse().find((o) => o.date! < date);
  const edits = new Map<string, TextEdit[]>();
  const edit = (path: string, e: TextEdit) => {
    if (!edits.has(path)) edits.set(path, []);
    edits.get(path)!.push(e);
  };

  const shared = log ? log.visibility === 'shared' : false;
  // Carry: open action items and open talking points of the previous 1:1, each marked [>] where it was.
  const prevLines = previous ? options.linesOf(previous.path) : undefined;
  const prevPrivate = previous ? previous.doc.visibility !== 'shared' : false;
  const carry = (items: readonly ActionItem[]) =>
    items
      .filter((i) => i.status === 'open')
      .map((i) => {
        edit(previous!.path, { range: i.boxRange, newText: '>' });
        return { text: carriedLine(i), private: prevPrivate || inPrivateBlock(prevLines, i.line) };
      });
  const carriedItems = previous ? carry(previous.items) : [];
  const carriedPoints = previous ? carry(previous.talkingPoints) : [];
  // The inbox: open talking points move in and leave the person file (private text).
  const inbox = person.inbox.filter((i) => i.status === 'open');
  for (const i of inbox) edit(person.path, { range: { start: { line: i.line, character: 0 }, end: { line: i.line + 1, character: 0 } }, newText: '' });
  const moved = inbox.map((i) => ({ text: carriedLine(i), private: true }));

  const slipping = slippingKeyResults(dataset, person.key).map(
    ({ set, objective, kr }) => `- ${set.id} ${objective.id}/${kr.id} ${kr.title ?? ''} — slipping: status ${kr.status}`,
  );
  const talking = place([...carriedPoints, ...moved], shared);
  const actions = place(carriedItems, shared);
  const reportRated = person.relationship === 'report';

  if (log) {
    const depth = log.meetingDepth;
    const h = '#'.repeat(Math.min(6, depth + 1));
    const body = [
      `${'#'.repeat(depth)} ${date}`,
      'happiness:: ',
      ...(reportRated ? ['manager-rating:: ', 'report-rating:: '] : []),
      `${h} Talking points`,
      ...talking,
      ...(slipping.length ? [`${h} OKRs`, ...slipping] : []),
      `${h} Action items`,
      ...actions,
      '',
    ];
    const lines = options.linesOf(log.path) ?? [];
    const ms = log.meetings;
    const newestFirst = ms.length === 1 || (ms.length >= 2 && ms[0].date > ms[1].date);
    let at: number;
    let text: string;
    if (newestFirst) {
      at = ms[0].line;
      text = body.join('\n') + '\n';
      edit(log.path, { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: text });
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
    return { kind: 'create', path: log.path, line: at, text: undefined, edits, carried: carriedItems.length + carriedPoints.length, moved: moved.length };
  }

  const themes = person.themes.filter((t) => t.title?.trim() && (!t.until?.value || t.until.value >= date));
  const focus = person.development.map((d) => d.trim()).filter(Boolean);
  const lines = [
    '---',
    'type: 1on1',
    `${reportRated ? 'report' : 'with'}: ${person.id}`,
    `date: ${date}`,
    'visibility: private',
    'happiness:          # 1–5',
    ...(reportRated ? ['performance:', '  manager:          # 1–5, your rating', '  report:           # 1–5, their own rating'] : []),
    '---',
    `# 1:1 with ${person.name ?? person.id} — ${date}`,
    '',
    '## Talking points',
    ...talking,
    '',
    '## OKRs',
    ...(slipping.length ? slipping : ['- None of their key results is slipping.']),
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
    '## Action items',
    ...actions,
    '',
  ];
  return {
    kind: 'create',
    path: `1on1s/${person.id}/${date}.md`,
    line: undefined,
    text: lines.join('\n'),
    edits,
    carried: carriedItems.length + carriedPoints.length,
    moved: moved.length,
  };
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

export type { OneOnOneDoc };
