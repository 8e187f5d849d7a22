// Lines a 1:1 note says something in (SPEC §14): feedback entries in a
// `Feedback` section, and happiness-retrospective lines (`:-)` keep, `:-(`
// fix, `:-/` clarify). Both are read from what a reader sees of a line:
// hidden text (`%% … %%`, also over lines, and `<!-- … -->`, SPEC §10) is
// left out first (by markdown/hidden.ts, the one scanner), and code lines are
// never read.

import * as l10n from '../l10n';
import type { FeedbackEntry, FeedbackKind, Heading, RetroLine, Section } from '../model';
import { sectionName, sectionOf } from './sections';

/**
 * What a reader sees of the body lines that hold hidden text: line → the
 * line with its hidden text turned to spaces (blank when all of it is
 * hidden; columns stay the file's), from the one hidden-text scanner
 * (`visible`: markdown/hidden.ts's visibleLines, as BodyRead.visible holds
 * them). Lines not in the map are shown whole; code lines are not in it.
 */
export function hiddenTextLines(lines: readonly string[], visible: readonly string[], from: number, codeLines: ReadonlySet<number>): Map<number, string> {
  const out = new Map<number, string>();
  if (visible === lines) return out;
  for (let l = from; l < lines.length; l++) if (visible[l] !== lines[l] && !codeLines.has(l)) out.set(l, visible[l]);
  return out;
}

/** The `Feedback` sections (SPEC §14): headings whose text is `Feedback` (any case), each to the next heading with as many `#`s or fewer. */
export function feedbackSections(headings: readonly Heading[], lineCount: number, hidden: ReadonlyMap<number, string>): Section[] {
  const out: Section[] = [];
  headings.forEach((h, i) => {
    if (sectionName(h.text) === 'feedback' && hidden.get(h.line)?.trim() !== '') out.push(sectionOf(headings, i, lineCount));
  });
  return out;
}

/** A list item's marker: a bullet (`-`, `*`, `+`) or an ordered marker (`1.`, `1)`), then blanks. */
const LIST_ITEM = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$/;
/** A task item's box (SPEC §10: one code point between the brackets, then a blank or the end). */
const TASK_BOX = /^\[(?:[^\]\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])\](?:[ \t]|$)/;
const FEEDBACK_WORD = /^(praise|redirect|received):/i;

/**
 * The feedback entries of a note (SPEC §14): in its `Feedback` sections, each
 * list item that is not a task item and whose text starts with `praise:`,
 * `redirect:` or `received:` (any case). Its text is what follows the colon,
 * trimmed; an entry with no text is a placeholder (as an empty task item is,
 * SPEC §10) and is not read, so a template's `- praise: ` counts for nothing.
 */
export function readFeedback(lines: readonly string[], sections: readonly Section[], codeLines: ReadonlySet<number>, hidden: ReadonlyMap<number, string>): FeedbackEntry[] {
  const out: FeedbackEntry[] = [];
  for (const s of sections) {
    for (let l = s.line + 1; l < s.endLine; l++) {
      if (codeLines.has(l)) continue;
      const raw = lines[l];
      const seen = hidden.get(l) ?? raw;
      const m = LIST_ITEM.exec(seen);
      if (!m || TASK_BOX.test(m[2])) continue;
      const w = FEEDBACK_WORD.exec(m[2]);
      if (!w) continue;
      const text = collapse(m[2].slice(w[0].length));
      if (!text) continue;
      // Hidden text is blanked, not cut: the shown line keeps the source's columns.
      const wordStart = m[1].length;
      out.push({
        line: l,
        kind: w[1].toLowerCase() as FeedbackKind,
        text,
        wordRange: { start: { line: l, character: Math.max(0, wordStart) }, end: { line: l, character: Math.max(0, wordStart) + w[1].length } },
      });
    }
  }
  // Nested Feedback sections would read a line twice.
  return out.length > 1 ? dedupe(out) : out;
}

const RETRO_LINE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(:-[)(/])(.*)$/;
const MOOD: Record<string, RetroLine['mood']> = { ':-)': 'keep', ':-(': 'fix', ':-/': 'clarify' };

/**
 * Happiness-retrospective lines (SPEC §14): a body line that starts, after
 * an optional list marker, with `:-)`, `:-(` or `:-/` and has text after it;
 * outside code and hidden text. A task line starts with its box, so it never
 * is one.
 */
export function readRetro(lines: readonly string[], from: number, codeLines: ReadonlySet<number>, hidden: ReadonlyMap<number, string>): RetroLine[] {
  const out: RetroLine[] = [];
  for (let l = from; l < lines.length; l++) {
    if (codeLines.has(l)) continue;
    const m = RETRO_LINE.exec(hidden.get(l) ?? lines[l]);
    if (!m) continue;
    const text = collapse(m[2]);
    if (text) out.push({ line: l, mood: MOOD[m[1]], text });
  }
  return out;
}

function collapse(s: string): string {
  return s.trim().replace(/[ \t]+/g, ' ');
}

function dedupe(entries: FeedbackEntry[]): FeedbackEntry[] {
  const seen = new Set<number>();
  return entries.filter((e) => (seen.has(e.line) ? false : (seen.add(e.line), true))).sort((a, b) => a.line - b.line);
}

/**
 * What a feedback kind means in the UI's language (hovers, completions;
 * core/l10n.ts). FEEDBACK_KINDS says it in English, for documents.
 */
export function feedbackMeaning(kind: FeedbackKind): string {
  if (kind === 'praise') return l10n.t('reinforcing feedback you gave: what to keep doing');
  if (kind === 'redirect') return l10n.t('redirecting feedback you gave: what to do differently');
  return l10n.t('feedback you received from them');
}

/** The word a feedback kind is written with, and what it means (hovers, completions, the packet). */
export const FEEDBACK_KINDS: readonly { readonly kind: FeedbackKind; readonly meaning: string }[] = [
  { kind: 'praise', meaning: 'reinforcing feedback you gave: what to keep doing' },
  { kind: 'redirect', meaning: 'redirecting feedback you gave: what to do differently' },
  { kind: 'received', meaning: 'feedback you received from them' },
];
