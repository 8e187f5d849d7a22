// Key-result edits in an OKR file: check-ins and status changes. Each edit
// touches only the values concerned and keeps the map's block or flow style.

import { insertAt, insertYamlKey, mergeInsertions, replace } from '../fixes';
import type { KeyResult, KrStatus } from '../model';
import type { TextEdit } from '../types';

function setValue(kr: KeyResult, lines: readonly string[], key: string, value: string, after?: number): TextEdit {
  const f = kr.fields.get(key);
  if (f && !f.isNull) return replace(f.range, value);
  if (f) return replace({ start: f.keyRange.start, end: { line: f.keyRange.end.line, character: lines[f.keyRange.end.line].length } }, `${key}: ${value}`);
  return insertYamlKey(kr.shape, after ?? lastScalarLine(kr), lines, key, value);
}

/** The last line of the key result's own scalar fields (before nested lists). */
function lastScalarLine(kr: KeyResult): number {
  let line = kr.firstLine.start.line;
  for (const f of kr.fields.values()) if (f.value !== undefined || f.isNull) line = Math.max(line, f.range.end.line);
  return line;
}

export function setStatus(kr: KeyResult, lines: readonly string[], status: KrStatus): TextEdit[] {
  return [setValue(kr, lines, 'status', status)];
}

export interface CheckInInput {
  readonly date: string;
  readonly current: number;
  readonly confidence: number;
  readonly note?: string;
}

/**
 * Updates `current` and `confidence` and appends a dated check-in,
 * `{ date, current, confidence, note }`, to `checkins` (created if absent).
 */
export function checkIn(kr: KeyResult, lines: readonly string[], input: CheckInInput): TextEdit[] {
  const note = input.note ? `, note: ${JSON.stringify(input.note)}` : '';
  const entry = `{ date: ${input.date}, current: ${input.current}, confidence: ${input.confidence}${note} }`;
  const edits: TextEdit[] = [setValue(kr, lines, 'current', String(input.current)), setValue(kr, lines, 'confidence', String(input.confidence))];
  const f = kr.fields.get('checkins');
  if (!f || f.isNull) {
    if (kr.shape.flow) {
      edits.push(insertYamlKey(kr.shape, 0, lines, 'checkins', `[${entry}]`));
    } else if (f) {
      edits.push(replace({ start: f.keyRange.start, end: { line: f.keyRange.end.line, character: lines[f.keyRange.end.line].length } }, `checkins:\n${' '.repeat(kr.shape.indent + 2)}- ${entry}`));
    } else {
      const line = Math.min(Math.max(kr.shape.lastLine, lastScalarLine(kr)), lines.length - 1);
      const pad = ' '.repeat(kr.shape.indent);
      edits.push(insertAt({ line, character: lines[line].length }, `\n${pad}checkins:\n${pad}  - ${entry}`));
    }
    return mergeInsertions(edits);
  }
  const start = f.range.start;
  const text = lines[start.line].slice(start.character);
  if (text.startsWith('[')) {
    // Flow sequence: add before the closing bracket.
    const endLine = f.range.end.line;
    const endText = lines[endLine].slice(0, f.range.end.character);
    const close = endText.lastIndexOf(']');
    const inner = lines.slice(start.line, endLine + 1).join('\n').slice(start.character);
    const empty = /^\[\s*\]/.test(inner);
    edits.push({ range: { start: { line: endLine, character: close }, end: { line: endLine, character: close } }, newText: empty ? entry : `, ${entry}` });
  } else {
    // Block sequence: a new item after the last one, at the dash's column.
    const lastLine = f.range.end.character === 0 ? f.range.end.line - 1 : f.range.end.line;
    const at = { line: lastLine, character: lines[lastLine].length };
    edits.push({ range: { start: at, end: at }, newText: `\n${' '.repeat(start.character)}- ${entry}` });
  }
  return mergeInsertions(edits);
}

