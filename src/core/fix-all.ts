// Fix-all: the fixes that need no choice, chosen once and applied as one
// change. The editor's source.fixAll.cadence and `cadence check --fix` both
// choose through fixAllChoice, so the two never apply different edits.

import { mergeInsertions } from './fixes';
import type { Diagnostic, Fix, TextEdit } from './types';

/** One fix chosen by fix-all, with the diagnostic it repairs. */
export interface ChosenFix {
  readonly diagnostic: Diagnostic;
  readonly fix: Fix;
}

/** What fix-all does to one file. */
export interface FixAllChoice {
  /** The fixes applied, in the order of their diagnostics. */
  readonly chosen: readonly ChosenFix[];
  /** Their edits: non-overlapping, insertions at one point merged (VS Code rejects two there). */
  readonly edits: readonly TextEdit[];
  /** Safe fixes left out because they overlap one already chosen: a second pass may apply them. */
  readonly skipped: number;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (x: TextEdit, y: TextEdit) =>
    x.range.end.line < y.range.start.line || (x.range.end.line === y.range.start.line && x.range.end.character <= y.range.start.character);
  // Two insertions at one point do not overlap: they are merged, in order.
  return !(before(a, b) || before(b, a));
}

/**
 * Chooses the fixes fix-all applies: per diagnostic, its first fix that is
 * `safe` and asks nothing (a preferred one first); a fix whose edits overlap
 * an already chosen one is skipped (and counted). Positions are those of the
 * normalised text the diagnostics were computed on (see text.ts).
 */
export function fixAllChoice(candidates: readonly { readonly diagnostic: Diagnostic; readonly fixes: readonly Fix[] }[]): FixAllChoice {
  const chosen: ChosenFix[] = [];
  const edits: TextEdit[] = [];
  let skipped = 0;
  for (const { diagnostic, fixes } of candidates) {
    const safe = fixes.filter((f) => f.safe && !f.ask);
    const fix = safe.find((f) => f.preferred) ?? safe[0];
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((c) => overlaps(c, e)))) {
      skipped++;
      continue;
    }
    chosen.push({ diagnostic, fix });
    edits.push(...fix.edits);
  }
  return { chosen, edits: mergeInsertions(edits), skipped };
}

/**
 * Applies edits made against the normalised text (no BOM, LF) to the file's
 * own text: a leading BOM stays, every line keeps its own line ending, and a
 * line break in inserted text takes the file's line ending as VS Code picks a
 * document's: CR LF when more than half of its line breaks hold a CR, else LF
 * (LF when it has none). Edits must not overlap. Throws a RangeError for a position
 * outside the text (a stale edit), so nothing half-applied is ever written.
 */
export function applyToFileText(raw: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return raw;
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const starts: number[] = [];
  const lengths: number[] = [];
  const re = /\r\n|\n|\r/g;
  let s = bom;
  let withCr = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (m[0] !== '\n') withCr++;
    starts.push(s);
    lengths.push(m.index - s);
    s = m.index + m[0].length;
  }
  starts.push(s);
  lengths.push(raw.length - s);
  const eol = withCr > (starts.length - 1) / 2 ? '\r\n' : '\n';
  const offset = (line: number, character: number): number => {
    if (line < 0 || line >= starts.length || character < 0 || character > lengths[line]) {
      throw new RangeError(`edit at line ${line + 1}, column ${character + 1} is outside the text`);
    }
    return starts[line] + character;
  };
  const spans = edits
    .map((e, i) => ({
      from: offset(e.range.start.line, e.range.start.character),
      to: offset(e.range.end.line, e.range.end.character),
      text: e.newText.replace(/\r\n|\n|\r/g, eol),
      i,
    }))
    // Last first, so earlier offsets stay valid; insertions at one point keep their order.
    .sort((a, b) => b.from - a.from || b.to - a.to || b.i - a.i);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].to > spans[k - 1].from) throw new RangeError('edits overlap');
  }
  let out = raw;
  for (const sp of spans) out = out.slice(0, sp.from) + sp.text + out.slice(sp.to);
  return out;
}
