// Splits a Markdown file into front matter and body, and reads the body's
// blocks with the one linear block scanner (blocks.ts), hidden text blanked.

import type { ActionItem, Heading, LineSpan, NoteBody, YamlProblem } from '../model';
import { privateBlocks } from '../rooms/regions';
import { scanBlocks, MAX_CONTAINERS, type BlockScan } from './blocks';
import { visibleLines } from './hidden';
import { readItem } from './items';
import { isPlaceholder, readTaskBox, type TaskBox } from './task-box';

export interface Split {
  readonly lines: string[];
  /** The YAML between the fences, or undefined when there is no front matter. */
  readonly yaml: string | undefined;
  /** Line of the first YAML line (1) — front matter always starts at the top. */
  readonly yamlLine: number;
  /** First body line. */
  readonly bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(text: string): Split {
  const lines = text.split('\n');
  if (lines.length > 1 && FENCE.test(lines[0])) {
    for (let i = 1; i < lines.length; i++) {
      if (FENCE.test(lines[i])) return { lines, yaml: lines.slice(1, i).join('\n'), yamlLine: 1, bodyLine: i + 1 };
    }
  }
  return { lines, yaml: undefined, yamlLine: 0, bodyLine: 0 };
}

/** A list item that is a task item (SPEC §10): its text starts with a task box and goes on after it. */
export interface TaskLine {
  readonly line: number;
  readonly markerCol: number;
  readonly box: TaskBox;
}

/**
 * The task items among a scan's list items: each item's text read for a
 * task box (task-box.ts), placeholders (`- [ ]` alone) left out.
 */
export function taskLines(scan: BlockScan, lines: readonly string[]): TaskLine[] {
  const out: TaskLine[] = [];
  for (const li of scan.items) {
    const text = lines[li.line];
    const box = readTaskBox(text, li.textCol);
    if (box && !isPlaceholder(text, box)) out.push({ line: li.line, markerCol: li.markerCol, box });
  }
  return out;
}

/**
 * The body's model, plus what the parsers need and the model does not keep
 * (which saves memory and room in the persistent index): the lines inside
 * code or HTML blocks (never items, never Decision: lines), and the lines
 * with their hidden text blanked (hidden.ts), which every line reader of a
 * note reads (SPEC §10: nothing hidden sets anything).
 */
export interface BodyRead extends NoteBody {
  readonly codeLines: ReadonlySet<number>;
  /** The file's lines, hidden text in the body turned to spaces (same lengths). */
  readonly visible: readonly string[];
  /** What is beyond what Cadence reads (nesting too deep): one notice per place. */
  readonly limits: YamlProblem[];
}

export function readBody(split: Split): BodyRead {
  const visible = visibleLines(split.lines, split.bodyLine);
  const scan = scanBlocks(visible, split.bodyLine);
  const items: ActionItem[] = taskLines(scan, visible).map((t) => readItem(split.lines[t.line], t.line, t.markerCol, t.box, visible[t.line]));
  const headings: Heading[] = scan.headings;
  const limits: YamlProblem[] = scan.tooDeep.map((l) => ({
    message: `lists and quotes nest deeper than ${MAX_CONTAINERS} levels here; the rest of the line is read as text`,
    range: { start: { line: l, character: 0 }, end: { line: l, character: split.lines[l].length } },
  }));
  return { items, headings, privateBlocks: privateBlocksOf(split), codeLines: scan.codeLines, visible, limits };
}

/** The body's private blocks (most notes have none: one look for the marker first). */
function privateBlocksOf(split: Split): LineSpan[] {
  let any = false;
  for (let l = split.bodyLine; l < split.lines.length && !any; l++) any = split.lines[l].includes('<!--');
  return any ? privateBlocks(split.lines, split.bodyLine).map(({ start, end }) => ({ start, end })) : [];
}

/** Does line `line` of the note stand in one of its private blocks? */
export function inPrivateBlock(body: NoteBody, line: number): boolean {
  return body.privateBlocks.some((b) => line >= b.start && line <= b.end);
}
