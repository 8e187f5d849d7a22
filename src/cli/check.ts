// `cadence check`: reads a folder into a Dataset and reports every file's
// diagnostics. The same core judges the editor's files, so the two agree.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dataset } from '../core/dataset';
import { ITEMS, jsonPieces } from './json-pieces';
import type { Settings } from '../core/settings';
import { decodeFile, skipWords } from '../core/text';
import type { Diagnostic, SeveritySetting } from '../core/types';
import { readSettingsText } from './settings-file';
import { walk } from './walk';
import * as l10n from '../core/l10n';
import { idKey } from '../core/ids';
import { fileStem } from '../core/parse/person';

export interface CheckOptions {
  readonly folder: string;
  readonly today: string;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /**
   * Keep each file's bytes and text in `LoadedFolder.files` (for `--fix` and
   * `cadence new`, which write files back). Off for a plain check: holding
   * them costs ~25 MB on the 10k-note bench corpus.
   */
  readonly keepFiles?: boolean;
}

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

export interface CheckResult {
  readonly findings: Finding[];
  readonly files: number;
  /** One line each: files skipped and settings problems (for stderr). */
  readonly notes: string[];
}

/** A folder read into a Dataset, with each file's text as read (for --fix). */
export interface LoadedFolder {
  readonly folder: string;
  readonly dataset: Dataset;
  /** Path (relative, `/` form) → the bytes read and their text (a BOM is not part of the text); empty unless `keepFiles`. */
  readonly files: Map<string, { readonly bytes: Buffer; readonly text: string }>;
  /** One line each: files skipped and settings problems (for stderr). */
  readonly notes: string[];
}

/**
 * FOLDER's settings as `cadence check` reads them: .vscode/settings.json's
 * (its problems as notes, one line each) with `rules` (--rule) over them.
 */
export function folderSettings(folder: string, rules: Readonly<Record<string, SeveritySetting>>): { settings: Settings; filesExclude: readonly string[]; notes: string[] } {
  let settingsText: string | undefined;
  try {
    settingsText = readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8');
  } catch {
    settingsText = undefined;
  }
  const ws = readSettingsText(settingsText);
  return { settings: { ...ws.settings, rules: { ...ws.settings.rules, ...rules } }, filesExclude: ws.filesExclude, notes: [...ws.problems] };
}

/**
 * One file of FOLDER read and decoded, or undefined when it is skipped (then
 * why is pushed onto `notes`: cannot read, too large, binary, not UTF-8).
 */
export function readCandidate(folder: string, path: string, maxKB: number, notes: string[]): { bytes: Buffer; text: string } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(folder, path));
  } catch (e) {
    notes.push(l10n.t('{0}: cannot read ({1}); skipped', path, String((e as NodeJS.ErrnoException).code ?? e)));
    return undefined;
  }
  const decoded = decodeFile(bytes, maxKB);
  if ('skip' in decoded) {
    notes.push(l10n.t('{0}: {1}; skipped', path, skipWords(decoded.skip)));
    return undefined;
  }
  return { bytes, text: decoded.text };
}

/** Reads FOLDER the way `cadence check` does: its settings, its walk, each file decoded. */
export function loadFolder(opts: CheckOptions): LoadedFolder {
  const { settings, filesExclude, notes } = folderSettings(opts.folder, opts.rules);
  const dataset = new Dataset({ today: opts.today, settings });
  const files = new Map<string, { bytes: Buffer; text: string }>();

  dataset.batch(() => {
    for (const path of walk(opts.folder, filesExclude, notes)) {
      const read = readCandidate(opts.folder, path, settings.maxFileSizeKB, notes);
      if (read && dataset.setFile(path, read.text) && opts.keepFiles) files.set(path, read);
    }
  });
  return { folder: opts.folder, dataset, files, notes };
}

/** SPEC §9's order within one file: line, column, code (stable: ties keep the rules' order). */
function byPlace(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Every file's diagnostics as SPEC §9's JSON objects, in its order (file,
 * line, column, code) as they come: files in code-point order of their
 * paths, each file's sorted. None is kept (`Dataset.diagnostics(path,
 * false)`), so a report written as they come holds one file's at a time.
 */
export function* eachFinding(dataset: Dataset): Generator<Finding> {
  for (const path of dataset.paths()) {
    const found = dataset.diagnostics(path, false).map((d) => toFinding(path, d));
    found.sort(byPlace);
    yield* found;
  }
}

/** Every file's diagnostics as SPEC §9's JSON objects, in its order: eachFinding, as one list. */
export function findingsOf(dataset: Dataset): Finding[] {
  return [...eachFinding(dataset)];
}

export function runCheck(opts: CheckOptions): CheckResult {
  const loaded = loadFolder(opts);
  return { findings: findingsOf(loaded.dataset), files: loaded.dataset.size, notes: loaded.notes };
}

function toFinding(file: string, d: Diagnostic): Finding {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

/** "1 error", "2 errors": a count and its noun, in the plural unless it is one (each form a message of the catalogue). */
const COUNTED: Record<string, (n: number) => string> = {
  'Cadence file': (n) => (n === 1 ? l10n.t('1 Cadence file') : l10n.t('{0} Cadence files', n)),
  problem: (n) => (n === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', n)),
  error: (n) => (n === 1 ? l10n.t('1 error') : l10n.t('{0} errors', n)),
  warning: (n) => (n === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', n)),
  info: (n) => (n === 1 ? l10n.t('1 info') : l10n.t('{0} infos', n)),
  hint: (n) => (n === 1 ? l10n.t('1 hint') : l10n.t('{0} hints', n)),
};
const counted = (n: number, noun: keyof typeof COUNTED): string => COUNTED[noun](n);

/**
 * The JSON report (SPEC §9) in pieces of about `size` characters, written as
 * the findings come: joined, exactly `JSON.stringify([...findings], null, 2)
 * + '\n'` (json-pieces.ts).
 */
export function jsonChunks(findings: Iterable<Finding>, size = 1 << 16): Generator<string> {
  return jsonPieces(ITEMS, findings, size);
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ESCAPED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * `s` on one line for a line-per-item text (the text report, the list of
 * fixes, the notes on stderr): each line break and control character
 * (C0, DEL, C1, U+2028/U+2029) written as its JSON escape (`\n`,
 * `\u001b`), so that a message or path holding one neither breaks the line
 * a problem matcher reads nor reaches the terminal raw. Anything else,
 * backslashes included, is left as it is.
 */
export function oneLine(s: string): string {
  return s.replace(CONTROL, (c) => ESCAPED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A note for stderr (a file skipped, a setting ignored), as every command writes it: `cadence: <note>` on one line. */
export function noteLine(note: string): string {
  return `cadence: ${oneLine(note)}\n`;
}

/**
 * The text report (SPEC §9): one line a finding, then a summary line, e.g.
 * "3 problems (1 error, 2 warnings, 0 infos, 0 hints) in 8 Cadence files."
 */
export function formatText(result: CheckResult): string {
  return [...textChunks(result.findings, result.files)].join('');
}

/**
 * The text report (formatText) of `files` Cadence files in pieces of about
 * `size` characters, written as the findings come (see jsonChunks).
 */
export function* textChunks(findings: Iterable<Finding>, files: number, size = 1 << 16): Generator<string> {
  const bySeverity = new Map<string, number>();
  let piece = '';
  let n = 0;
  for (const f of findings) {
    n++;
    bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
    piece += `${oneLine(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${oneLine(f.message)}\n`;
    if (piece.length >= size) {
      yield piece;
      piece = '';
    }
  }
  const count = (s: string) => bySeverity.get(s) ?? 0;
  yield piece +
    (n === 0
      ? l10n.t('No problems in {0}.', counted(files, 'Cadence file'))
      : l10n.t('{0} ({1}, {2}, {3}, {4}) in {5}.', counted(n, 'problem'), counted(count('error'), 'error'), counted(count('warning'), 'warning'), counted(count('info'), 'info'), counted(count('hint'), 'hint'), counted(files, 'Cadence file'))) +
    '\n';
}

/**
 * Why `cadence new` and `cadence review` find no person for `id` (`@` allowed
 * before it): a line for stderr, after `noteLine`. A person file of that id
 * in git conflict makes the id known but holds nothing (SPEC §10), and then
 * the line says so and where; otherwise `fallback` (no person file).
 */
export function noPersonLine(dataset: Dataset, id: string, fallback: string): string {
  const key = idKey(id.replace(/^@/, ''));
  const conflicted = dataset.paths().find((p) => {
    const d = dataset.doc(p);
    return d?.kind === 'person' && d.conflicts.length > 0 && idKey(fileStem(p)) === key;
  });
  return noteLine(conflicted ? l10n.t('{0} is in git conflict (line {1}): resolve the conflict, then run this again; nothing written', conflicted, dataset.doc(conflicted)!.conflicts[0] + 1) : fallback);
}
