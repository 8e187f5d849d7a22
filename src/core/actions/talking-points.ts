// Talking-point edits (SPEC §13): Add Talking Point… and the quick fix that
// moves an undiscussed point to the person file's inbox. Each returns every
// edit, by path, for the shell to apply as one step.

import type { Dataset } from '../dataset';
import { oneOnOnesOf } from '../meetings';
import type { ActionItem, PersonDoc, Section } from '../model';
import type { TextEdit } from '../types';

/** Where a section's last item ends: after its last non-blank line (the heading when it is empty). */
function sectionEnd(lines: readonly string[], s: Section): number {
  let last = s.endLine - 1;
  while (last > s.line && (lines[last] ?? '').trim() === '') last--;
  return last;
}

function insertAfterLine(lines: readonly string[], line: number, text: string): TextEdit {
  const at = { line, character: (lines[line] ?? '').length };
  return { range: { start: at, end: at }, newText: `\n${text}` };
}

/** Adds `line` as the last item of the person file's inbox, creating `## Talking points` at the end of the file. */
function intoInbox(person: PersonDoc, lines: readonly string[], line: string): TextEdit {
  if (person.inboxSection) return insertAfterLine(lines, sectionEnd(lines, person.inboxSection), line);
  let last = lines.length - 1;
  while (last > 0 && lines[last].trim() === '') last--;
  return insertAfterLine(lines, last, `\n## Talking points\n${line}`);
}

/**
 * *Add Talking Point…* (SPEC §13): `- [ ] text` as the last item of the
 * talking-points section of the person's next 1:1 (the earliest dated today
 * or later) when it has one, else of the person file's inbox (creating the
 * section at the end of the file). Undefined for an unknown person or a
 * file whose lines are not at hand.
 */
export function addTalkingPoint(dataset: Dataset, key: string, text: string, today: string, linesOf: (path: string) => readonly string[] | undefined): { path: string; edits: TextEdit[] } | undefined {
  const person = dataset.query.peopleWithKey(key.toLowerCase())[0];
  if (!person) return undefined;
  const line = `- [ ] ${text.trim()}`;
  const next = dataset.query
    .notesOf(person.key)
    .flatMap(oneOnOnesOf)
    .filter((o) => o.date && o.date >= today)
    .sort((a, b) => a.date!.localeCompare(b.date!))[0];
  if (next) {
    const lines = linesOf(next.path);
    const section = next.doc.talkingPointSections.find((s) => !next.meeting || (s.line > next.meeting.line && s.line < next.meeting.endLine));
    if (lines && section) return { path: next.path, edits: [insertAfterLine(lines, sectionEnd(lines, section), line)] };
  }
  const lines = linesOf(person.path);
  if (!lines) return undefined;
  return { path: person.path, edits: [intoInbox(person, lines, line)] };
}

/**
 * The `talking-point-open` fix "move it to the inbox": the point leaves its
 * note (its line removed) and becomes the last item of the person file's
 * inbox, open. Two files: the shell applies both as one workspace edit.
 */
export function moveToInbox(person: PersonDoc, personLines: readonly string[], notePath: string, point: ActionItem): Map<string, TextEdit[]> {
  const text = point.lineText.slice(point.boxRange.start.character + 2).trim();
  const out = new Map<string, TextEdit[]>();
  out.set(notePath, [{ range: { start: { line: point.line, character: 0 }, end: { line: point.line + 1, character: 0 } }, newText: '' }]);
  out.set(person.path, [intoInbox(person, personLines, `- [ ] ${text}`)]);
  return out;
}
