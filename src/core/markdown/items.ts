// Reads one task line: its status, and its owner, due date and done date in
// every spelling of SPEC §4 (the tables: spellings.ts; the engine that finds
// their tokens: tokens.ts).

import { isValidDate } from '../dates';
import type { ActionItem, ItemToken } from '../model';
import type { Range } from '../types';
import { statusOf, type TaskBox } from './task-box';
import { findTokens, spellingOf, type FoundToken } from './tokens';

/** Trims and folds runs of spaces, without a regex pass over every item. */
function collapse(s: string): string {
  let t = s.trim();
  if (t.indexOf('  ') !== -1 || t.indexOf('\t') !== -1) t = t.replace(/[ \t]+/g, ' ');
  return t;
}

/** Builds one action item from its source line and the scanner's facts. */
export function readItem(lineText: string, line: number, markerCol: number, box: TaskBox): ActionItem {
  const at = (s: number, e: number): Range => ({ start: { line, character: s }, end: { line, character: e } });
  let end = lineText.length;
  while (end > markerCol && (lineText[end - 1] === ' ' || lineText[end - 1] === '\t')) end--;
  const textStart = box.after;
  const tokens = findTokens(lineText, textStart);

  let owner: ActionItem['owner'];
  let due: ActionItem['due'];
  let done: ActionItem['done'];
  const used: FoundToken[] = [];
  for (const t of tokens) {
    if (used.some((u) => t.start < u.end && u.start < t.end)) continue;
    const token: ItemToken = { raw: t.raw, range: at(t.valueStart, t.valueStart + t.raw.length), tokenRange: at(t.start, t.end), spelling: t.spelling };
    if (t.meaning === 'owner' && !owner && t.raw) {
      owner = { id: t.raw, key: t.raw.toLowerCase(), range: token.range, token };
      used.push(t);
    } else if ((t.meaning === 'due' && !due) || (t.meaning === 'done' && !done)) {
      const valid = isValidDate(t.raw);
      const field = { name: t.meaning, raw: t.raw, valid, value: valid ? t.raw : undefined, range: t.raw ? token.range : token.tokenRange, token };
      if (t.meaning === 'due') due = field;
      else done = field;
      used.push(t);
    }
  }
  const spelling = spellingOf(used);
  let text = '';
  let cursor = textStart;
  for (const u of used.sort((a, b) => a.start - b.start)) {
    text += lineText.slice(cursor, u.start);
    cursor = u.end;
  }
  text += lineText.slice(cursor);
  return {
    line,
    range: at(markerCol, end),
    boxRange: at(box.boxCol + 1, box.after - 1),
    state: box.state,
    status: statusOf(box.state),
    owner,
    due,
    done,
    text: collapse(text),
    spelling,
    lineText,
  };
}
