import { replace } from '../fixes';
import type { LeakPassage } from '../rooms/leak-index';
import type { Fix, Range } from '../types';
import { defineRule } from './rule';
import * as l10n from '../l10n';

interface LeakData {
  readonly source: { readonly path: string; readonly line: number };
  /** The passage, to remove it or wrap its lines. */
  readonly range: Range;
  /** Only a shared 1:1 may keep a private block (SPEC §15). */
  readonly wrap: boolean;
}

/** Only markup before a passage on its line: a list marker, a task box, a quote marker. */
const MARKUP_ONLY = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[^\]]\][ \t]+)?$/u;
/** Only closing punctuation after it. */
const PUNCTUATION_ONLY = /^[\s.,;:!?…)\]"'”’*_]*$/u;

/**
 * SPEC §15: a shared file (a shared 1:1 note or log, an OKR set or review,
 * a `cadence.sharedGlobs` file) must not repeat 8 or more consecutive words
 * of private text. Reported once per passage, on the line it starts; the
 * message names a private file and line holding it and never quotes it.
 * The passages come from the dataset's leak index (rooms/leak-index.ts).
 */
export default defineRule({
  code: 'private-leak',
  severity: 'error',
  description:
    'A shared file (a shared 1:1, an OKR set or review, a cadence.sharedGlobs file) repeats 8 or more words of private text (private 1:1s, person files, private blocks, %% text): what was said in the private room must not reach the public one.',
  kinds: ['1on1', 'okr', 'okr-review', 'shared-doc'],
  crossFile: true,
  check(doc, ctx, report) {
    const passages: readonly LeakPassage[] = ctx.data.leaks(doc.path);
    if (!passages.length) return;
    const wrap = doc.kind === '1on1';
    for (const p of passages) {
      const where = l10n.t('{0}, line {1}', p.source.path, p.source.line + 1);
      const todo = wrap ? l10n.t('remove it, reword it, or keep it in a private block') : l10n.t('remove it or reword it');
      report(p.range, l10n.t('This passage ({0} words) repeats private text from {1}: a shared file must not hold it — {2}.', p.words, where, todo), { source: p.source, range: p.range, wrap } satisfies LeakData, [
        { path: p.source.path, line: p.source.line, message: l10n.t('the private text this passage repeats') },
      ]);
    }
  },
  fixes(d, _doc, ctx): Fix[] {
    const data = d.data as LeakData;
    const { start, end } = data.range;
    const fixes: Fix[] = [{ title: l10n.t('Open the private source ({0}, line {1})', data.source.path, data.source.line + 1), edits: [], open: data.source }];
    const first = ctx.lines[start.line];
    const last = ctx.lines[end.line];
    if (first === undefined || last === undefined) return fixes;
    if (data.wrap) {
      const lines = ctx.lines.slice(start.line, end.line + 1);
      fixes.push({
        title: l10n.t('Keep it in a private block'),
        edits: [replace({ start: { line: start.line, character: 0 }, end: { line: end.line, character: last.length } }, ['<!-- private -->', ...lines, '<!-- /private -->'].join('\n'))],
        preferred: true,
      });
    }
    // The passage is all its lines hold but markup: the lines go; else only the passage.
    const whole = MARKUP_ONLY.test(first.slice(0, start.character)) && PUNCTUATION_ONLY.test(last.slice(end.character));
    const next = ctx.lines[end.line + 1];
    const range: Range = !whole
      ? data.range
      : next !== undefined
        ? { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } }
        : { start: { line: start.line, character: 0 }, end: { line: end.line, character: last.length } };
    fixes.push({ title: whole ? l10n.t('Remove the passage (its lines)') : l10n.t('Remove the passage'), edits: [replace(range, '')], preferred: !data.wrap });
    return fixes;
  },
});
