// Reads one task line: its status, and its owner, due date and done date in
// every spelling of SPEC §4 and §10 (the tables: spellings.ts; the engine
// that finds their tokens: tokens.ts), the other tokens a spelling has
// (Obsidian Tasks' scheduled, start, created and cancelled dates and its
// recurrence: read, left out of the text, their dates checked), and the
// wikilinks that may name the owner when no token does (SPEC §10: only one
// naming a known person, which the dataset decides: owners.ts).

import { isValidDate } from '../dates';
import { idKey } from '../ids';
import type { ActionItem, ItemDate, ItemToken, PersonRef } from '../model';
import type { Range } from '../types';
import { findWikilinks } from '../wikilinks';
import { statusOf, type TaskBox } from './task-box';
import { findTokens, literalSpans, MAX_TOKENS, spellingOf, type FoundToken } from './tokens';

/** Trims and folds runs of spaces, without a regex pass over every item. */
function collapse(s: string): string {
  let t = s.trim();
  if (t.indexOf('  ') !== -1 || t.indexOf('\t') !== -1) t = t.replace(/[ \t]+/g, ' ');
  return t;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Builds one action item from its source line and the scanner's facts.
 * `visible` is the line with its hidden text blanked (hidden.ts; the same
 * length as `lineText`): tokens, links and text are read from it, so that
 * nothing in a comment sets anything (SPEC §10). Linear in the line.
 */
export function readItem(lineText: string, line: number, markerCol: number, box: TaskBox, visible: string = lineText): ActionItem {
  const at = (s: number, e: number): Range => ({ start: { line, character: s }, end: { line, character: e } });
  let end = lineText.length;
  while (end > markerCol && (lineText[end - 1] === ' ' || lineText[end - 1] === '\t')) end--;
  const textStart = box.after;
  const tokens = findTokens(visible, textStart);

  let owner: ActionItem['owner'];
  let due: ActionItem['due'];
  let done: ActionItem['done'];
  let otherDates: ItemDate[] | undefined;
  const used: FoundToken[] = [];
  let lastEnd = -1;
  for (const t of tokens) {
    // Sorted by start: a token overlaps a used one only if it starts before the last used end.
    if (t.start < lastEnd) continue;
    const token: ItemToken = { raw: t.raw, range: at(t.valueStart, t.valueStart + t.raw.length), tokenRange: at(t.start, t.end), spelling: t.spelling };
    const date = (): ItemDate => {
      const valid = isValidDate(t.raw);
      return { name: t.meaning, raw: t.raw, valid, value: valid ? t.raw : undefined, range: t.raw ? token.range : token.tokenRange, token };
    };
    if (t.meaning === 'owner') {
      if (owner || !t.raw) continue;
      owner = { id: t.raw, key: idKey(t.raw), range: token.range, token };
    } else if (t.meaning === 'due' || t.meaning === 'done') {
      if (t.meaning === 'due' ? due : done) continue;
      if (t.meaning === 'due') due = date();
      else done = date();
    } else if (t.meaning !== 'recurrence') (otherDates ??= []).push(date());
    used.push(t);
    lastEnd = Math.max(lastEnd, t.end);
  }
  // Without an owner token, the wikilinks outside tokens may name the owner.
  let links: PersonRef[] | undefined;
  if (!owner && visible.indexOf('[[', textStart) !== -1) {
    let u = 0;
    // A link written inside inline code (`[[alex]]`) is code, as an `@alex` there is (SPEC §10).
    const literal = visible.indexOf('`', textStart) !== -1 ? literalSpans(visible) : undefined;
    for (const l of findWikilinks(visible, textStart, MAX_TOKENS)) {
      while (u < used.length && used[u].end <= l.start) u++;
      if (u < used.length && used[u].start < l.end) continue;
      if (literal?.some(([s, e]) => visible[s] === '`' && s < l.end && l.start < e)) continue;
      (links ??= []).push({ id: l.id, key: idKey(l.id), range: at(l.idStart, l.idEnd) });
    }
  }
  const spelling = spellingOf(used);
  let text = '';
  let cursor = textStart;
  for (const u of used) {
    text += visible.slice(cursor, u.start);
    cursor = u.end;
  }
  text += visible.slice(cursor);
  return {
    line,
    range: at(markerCol, end),
    boxRange: at(box.boxCol + 1, box.after - 1),
    state: box.state,
    status: statusOf(box.state),
    owner,
    due,
    done,
    otherDates: otherDates ?? NONE,
    links: links ?? NONE,
    text: collapse(text),
    spelling,
    lineText,
  };
}
