// The pre-commit hook that runs `cadence check` (https://pre-commit.com):
// what *Add the Pre-commit Hook* writes into a notes repository's
// `.pre-commit-config.yaml`, and where, without rewriting anything else.

import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { LineIndex } from '../text';
import type { TextEdit } from '../types';

export const PRE_COMMIT_FILE = '.pre-commit-config.yaml';

/**
 * The hook, as one item of `repos:` (indented by two spaces). `action-overdue`
 * is off: an item falling overdue is no reason to refuse a commit. The rules
 * read the whole folder, so no file names are passed.
 */
export const PRE_COMMIT_REPO = [
  '  - repo: local',
  '    hooks:',
  '      - id: cadence',
  '        name: cadence check',
  '        entry: npx --no-install cadence check --rule action-overdue=off',
  '        language: system',
  '        pass_filenames: false',
  '        files: \\.(md|ya?ml)$',
].join('\n');

export type PreCommitPlan =
  /** No config yet: create it with this text. */
  | { readonly kind: 'create'; readonly text: string }
  /** It runs `cadence check` already. */
  | { readonly kind: 'present' }
  /** Add the hook as the last item of `repos:` with this edit (positions in the normalised text). */
  | { readonly kind: 'insert'; readonly edit: TextEdit }
  /** A shape this does not edit safely (not YAML, no block `repos:` list): the person adds it. */
  | { readonly kind: 'manual'; readonly reason: string };

/**
 * What to do to the config whose normalised text is `text` (undefined: no such
 * file). Never rewrites what is there: at most one insertion after the last
 * item of a block-style `repos:` list, indented as its items are.
 */
export function planPreCommit(text: string | undefined): PreCommitPlan {
  if (text === undefined || text.trim() === '') return { kind: 'create', text: `repos:\n${PRE_COMMIT_REPO}\n` };
  if (/\bcadence\s+check\b/.test(text)) return { kind: 'present' };
  const doc = parseDocument(text);
  if (doc.errors.length) return { kind: 'manual', reason: `${PRE_COMMIT_FILE} is not valid YAML` };
  const root = doc.contents;
  const repos = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'repos')?.value : undefined;
  if (!isSeq(repos) || repos.flow || !repos.range) return { kind: 'manual', reason: `${PRE_COMMIT_FILE} has no block-style repos: list` };
  const index = new LineIndex(text);
  const first = repos.items[0] as { range?: [number, number, number] } | undefined;
  // The column of the items' dash: the first item's node starts after "- ".
  const dash = first?.range ? text.lastIndexOf('-', first.range[0] - 1) : -1;
  const indent = dash >= 0 ? index.positionAt(dash).character : 2;
  // After the last line of the list (its range ends after the last item's value).
  let end = repos.range[1];
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === ' ')) end--;
  const at = index.positionAt(end);
  const lines = text.split('\n');
  const lineEnd = { line: at.line, character: lines[at.line].length };
  const item = PRE_COMMIT_REPO.split('\n')
    .map((l) => ' '.repeat(indent) + l.slice(2))
    .join('\n');
  return { kind: 'insert', edit: { range: { start: lineEnd, end: lineEnd }, newText: `\n${item}` } };
}
