// Reads the tokens of one task line: owner, due date and done date in the
// three spellings of SPEC §4 (todo.txt, Obsidian Tasks, Dataview fields).

import { isValidDate } from '../dates';
import type { ActionItem, ItemState, ItemStatus, ItemToken, Spelling } from '../model';
import type { Range } from '../types';

const STATUS: Record<string, ItemStatus> = { ' ': 'open', x: 'done', X: 'done', '-': 'cancelled', '>': 'forwarded' };

// `@id` where the `@` does not continue a word: `bob@corp.io` is an address.
const ID_AT = /[\p{L}\p{N}_][\p{L}\p{N}_-]*/uy;
const WORDISH = /[\p{L}\p{N}_.+\-@]/u;
const DUE = /(^|\s)due:(\S+)/g;
const DONE = /(^|\s)done:(\S+)/g;
const DUE_TASKS = /📅\uFE0F?[ ]*(\S+)?/gu;
const DONE_TASKS = /✅\uFE0F?[ ]*(\S+)?/gu;
const FIELD = /\[(owner|due|completion)::[ ]*([^\]]*?)[ ]*\]/g;

interface Found {
  readonly kind: 'owner' | 'due' | 'done';
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
  readonly spelling: Spelling;
}

function findTokens(text: string, from: number): Found[] {
  const out: Found[] = [];
  const scan = (re: RegExp, kind: Found['kind'], spelling: Spelling, group: number, lead: number) => {
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + (lead ? m[lead].length : 0);
      const raw = m[group] ?? '';
      const valueStart = raw ? m.index + m[0].length - raw.length : m.index + m[0].length;
      out.push({ kind, raw, start, end: m.index + m[0].length, valueStart, spelling });
    }
  };
  // Owners: found from each '@' rather than by a regex tried at every column.
  for (let at = text.indexOf('@', from); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORDISH.test(text[at - 1])) continue;
    ID_AT.lastIndex = at + 1;
    const m = ID_AT.exec(text);
    if (m) out.push({ kind: 'owner', raw: m[0], start: at, end: at + 1 + m[0].length, valueStart: at + 1, spelling: 'cadence' });
  }
  if (text.indexOf('due:', from) !== -1) scan(DUE, 'due', 'cadence', 2, 1);
  if (text.indexOf('done:', from) !== -1) scan(DONE, 'done', 'cadence', 2, 1);
  if (text.indexOf('📅', from) !== -1) scan(DUE_TASKS, 'due', 'tasks', 1, 0);
  if (text.indexOf('✅', from) !== -1) scan(DONE_TASKS, 'done', 'tasks', 1, 0);
  if (text.indexOf('::', from) !== -1) {
    FIELD.lastIndex = from;
    for (let m = FIELD.exec(text); m; m = FIELD.exec(text)) {
      const kind = m[1] === 'owner' ? 'owner' : m[1] === 'due' ? 'due' : 'done';
      const raw = m[1] === 'owner' ? m[2].replace(/^@/, '') : m[2];
      const valueStart = m.index + m[0].indexOf(m[2], m[1].length + 3) + (m[2].startsWith('@') && m[1] === 'owner' ? 1 : 0);
      out.push({ kind, raw, start: m.index, end: m.index + m[0].length, valueStart, spelling: 'dataview' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Trims and folds runs of spaces, without a regex pass over every item. */
function collapse(s: string): string {
  let t = s.trim();
  if (t.indexOf('  ') !== -1 || t.indexOf('\t') !== -1) t = t.replace(/[ \t]+/g, ' ');
  return t;
}

/** Builds one action item from its source line and the scanner's facts. */
export function readItem(lineText: string, line: number, markerCol: number, boxCol: number, state: string): ActionItem {
  const at = (s: number, e: number): Range => ({ start: { line, character: s }, end: { line, character: e } });
  let end = lineText.length;
  while (end > markerCol && (lineText[end - 1] === ' ' || lineText[end - 1] === '\t')) end--;
  const textStart = boxCol + 3;
  const tokens = findTokens(lineText, textStart);

  let owner: ActionItem['owner'];
  let due: ActionItem['due'];
  let done: ActionItem['done'];
  const used: Found[] = [];
  for (const t of tokens) {
    if (used.some((u) => t.start < u.end && u.start < t.end)) continue;
    const token: ItemToken = { raw: t.raw, range: at(t.valueStart, t.valueStart + t.raw.length), tokenRange: at(t.start, t.end), spelling: t.spelling };
    if (t.kind === 'owner' && !owner && t.raw) {
      owner = { id: t.raw, key: t.raw.toLowerCase(), range: token.range, token };
      used.push(t);
    } else if ((t.kind === 'due' && !due) || (t.kind === 'done' && !done)) {
      const valid = isValidDate(t.raw);
      const field = { name: t.kind, raw: t.raw, valid, value: valid ? t.raw : undefined, range: t.raw ? token.range : token.tokenRange, token };
      if (t.kind === 'due') due = field;
      else done = field;
      used.push(t);
    }
  }
  const spelling: Spelling = used.some((u) => u.spelling === 'dataview')
    ? 'dataview'
    : used.some((u) => u.spelling === 'tasks')
      ? 'tasks'
      : 'cadence';
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
    boxRange: at(boxCol + 1, boxCol + 2),
    state: state as ItemState,
    status: STATUS[state] ?? 'open',
    owner,
    due,
    done,
    text: collapse(text),
    spelling,
    lineText,
  };
}
