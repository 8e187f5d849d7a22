// Edit builders shared by the rules' fixes. Each returns the smallest edit
// that does the job: an insertion beside the token, or the token replaced.

import { isMap, parseDocument } from 'yaml';
import { writeToken } from './markdown/tokens';
import type { ActionItem, MapShape } from './model';
import type { Meaning } from './spellings';
import type { Fix, Position, Range, TextEdit } from './types';

export function insertAt(p: Position, text: string): TextEdit {
  return { range: { start: p, end: p }, newText: text };
}

export function replace(range: Range, text: string): TextEdit {
  return { range, newText: text };
}

/** A YAML alias token (`*defaults`): what a field reached through an alias or a `<<: *alias` merge stands at (parse/yaml-fields.ts). */
const ALIAS_TOKEN = /^\*[^\s,[\]{}]+$/;

/**
 * `fixes` without those that would replace a YAML alias: a value reached
 * through an alias or a merge key stands, for its diagnostic, at the alias
 * (SPEC §10), and a fix that writes a value there would put it in the alias's
 * place, dropping everything else the alias or merge brought in (`<<:
 * *defaults` holds the owner and due date too). Such a value is fixed where
 * its anchor is, by hand. `lines`: the file's lines (LF).
 */
export function withoutAliasEdits(fixes: Fix[], lines: readonly string[]): Fix[] {
  const replacesAlias = (e: TextEdit) =>
    e.range.start.line === e.range.end.line && ALIAS_TOKEN.test((lines[e.range.start.line] ?? '').slice(e.range.start.character, e.range.end.character));
  return fixes.some((f) => f.edits.some(replacesAlias)) ? fixes.filter((f) => !f.edits.some(replacesAlias)) : fixes;
}

export function fix(title: string, edits: TextEdit[], extra: Partial<Fix> = {}): Fix {
  return { title, edits, ...extra };
}

/**
 * Adds a token at the end of a task line, after one space, in the line's own
 * spelling (SPEC §4: quick fixes keep a line's spelling; tables: spellings.ts).
 */
export function appendToken(item: ActionItem, meaning: Meaning, value: string): TextEdit {
  return insertAt(item.range.end, ` ${writeToken(item.spelling, meaning, value)}`);
}

/**
 * Inserts the owner before the item's first date token, where people look for
 * it (`Draft it @alex due:…`), or at the end of the line.
 */
export function insertOwner(item: ActionItem, id: string): TextEdit {
  const first = [item.due?.token, item.done?.token]
    .filter((t) => t !== undefined)
    .sort((a, b) => a!.tokenRange.start.character - b!.tokenRange.start.character)[0];
  return first ? insertAt(first.tokenRange.start, `${writeToken(item.spelling, 'owner', id)} `) : appendToken(item, 'owner', id);
}

/** Ticks the box and sets the done date to `today`: the one there is replaced, else one is added. */
export function markDone(item: ActionItem, today: string): TextEdit[] {
  return [replace(item.boxRange, 'x'), item.done ? replace(item.done.range, today) : appendToken(item, 'done', today)];
}

/**
 * `value` as a YAML scalar that Cadence reads back as exactly that string
 * (a person id, a name, a title written into front matter or an OKR file):
 * plain when the `yaml` library, with the options Cadence's own reading
 * uses (parse/yaml-fields.ts), reads `k: value` back as that string: not a
 * number (`007`), boolean, null, comment (`#ops`), anchor, alias, tag, flow
 * (`[c] bob`) or nested mapping (`q: x`), with no blank at either end and no
 * tab or line break; else double-quoted (JSON's string escapes are YAML's).
 * Never throws.
 */
export function yamlScalar(value: string): string {
  if (value && value.trim() === value && !/[\r\n\t]/.test(value)) {
    try {
      const doc = parseDocument(`k: ${value}\n`, { prettyErrors: false, strict: false, merge: true, uniqueKeys: false });
      if (!doc.errors.length && isMap(doc.contents) && doc.contents.items.length === 1 && doc.get('k') === value) return value;
    } catch {
      // Quoted below.
    }
  }
  return JSON.stringify(value);
}

/**
 * Adds `key: value` to a YAML map in its own style: a new line at the map's
 * indentation after `afterLine` (block), or `, key: value` before `}` (flow).
 */
export function insertYamlKey(shape: MapShape, afterLine: number, lines: readonly string[], key: string, value: string): TextEdit {
  if (shape.flow) {
    // A pure insertion after the last entry, so several keys added at once
    // merge into one edit (see mergeInsertions).
    const p = shape.flowEnd.start;
    const trimmed = (lines[p.line] ?? '').slice(0, p.character).trimEnd();
    return insertAt({ line: p.line, character: trimmed.length }, `${trimmed.endsWith('{') ? ' ' : ', '}${key}: ${value}`);
  }
  const line = Math.min(afterLine, lines.length - 1);
  return insertAt({ line, character: lines[line].length }, `\n${' '.repeat(shape.indent)}${key}: ${value}`);
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Allowed values, closest to `raw` first. */
export function byCloseness(raw: string, allowed: readonly string[]): string[] {
  const r = raw.toLowerCase();
  return [...allowed].sort((a, b) => levenshtein(r, a) - levenshtein(r, b));
}

/**
 * VS Code rejects two edits at one point; insertions at the same position are
 * joined into one, in order.
 */
export function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  const empty = (e: TextEdit) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
  for (const e of edits) {
    const i = empty(e) ? out.findIndex((o) => empty(o) && o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character) : -1;
    if (i === -1) out.push(e);
    else out[i] = { range: out[i].range, newText: out[i].newText + e.newText };
  }
  return out;
}

/** A fix's edits with the user's answer in place of `${value}`. */
export function withAnswer(fix: Fix, answer: string): TextEdit[] {
  const v = fix.ask?.yaml ? yamlScalar(answer) : answer;
  return fix.edits.map((e) => ({ range: e.range, newText: e.newText.split('${value}').join(v) }));
}
