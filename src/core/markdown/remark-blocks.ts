// The reference reading of a note's blocks: remark-parse + remark-gfm. Used
// for notes the fast scanner declines, and as the oracle in the differential
// test that keeps the fast scanner honest.

import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockScan, HeadingLine, TaskLine } from './fast-blocks';

interface MdNode {
  type: string;
  checked?: boolean | null;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

/** Nodes whose html children are HTML blocks (mdast: the rest hold phrasing content). */
const BLOCK_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

const processor = unified().use(remarkParse).use(remarkGfm);

function textOf(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Parses `lines[from..]` as one Markdown document (lines before `from`, the
 * front matter, are blanked so that line numbers stay the file's own).
 */
export function scanBlocksRemark(lines: readonly string[], from: number): BlockScan {
  const body = lines.map((l, i) => (i < from ? '' : l)).join('\n');
  const tree = processor.parse(body) as MdNode;
  const tasks: TaskLine[] = [];
  const headings: HeadingLine[] = [];
  const codeLines = new Set<number>();

  // Only block-level HTML excludes its lines: an inline comment or tag in a
  // paragraph (`- praise: shown <!-- hidden --> too`) leaves the line a line.
  const visit = (node: MdNode, parent?: MdNode): void => {
    const p = node.position;
    if (p && (node.type === 'code' || (node.type === 'html' && (!parent || BLOCK_PARENTS.has(parent.type))))) {
      for (let l = p.start.line - 1; l <= p.end.line - 1; l++) codeLines.add(l);
    }
    if (p && node.type === 'heading') {
      headings.push({ line: p.start.line - 1, depth: node.depth ?? 1, text: textOf(node).trim() });
    }
    if (p && node.type === 'listItem') {
      const task = taskOf(node, lines);
      if (task) tasks.push(task);
    }
    for (const child of node.children ?? []) visit(child, node);
  };
  visit(tree);
  tasks.sort((a, b) => a.line - b.line);
  return { tasks, headings, codeLines };
}

function taskOf(item: MdNode, lines: readonly string[]): TaskLine | undefined {
  const p = item.position!;
  const line = p.start.line - 1;
  const markerCol = p.start.column - 1;
  const first = item.children?.[0];
  if (!first || first.type !== 'paragraph' || !first.position) return undefined;
  const src = lines[line] ?? '';
  if (typeof item.checked === 'boolean') {
    // remark-gfm took the box out of the paragraph; find it after the marker.
    const m = /^(?:[-+*]|\d{1,9}[.)])[ \t]*\[([ \txX])\]/.exec(src.slice(markerCol));
    if (!m) return undefined;
    const boxCol = markerCol + m[0].length - 3;
    return { line, markerCol, boxCol, state: m[1] === '\t' ? ' ' : m[1] };
  }
  // `[-]` (cancelled) and `[>]` (forwarded) are Cadence's, not GFM's: accept
  // them where GFM would accept `[ ]` — first in the item's first paragraph,
  // on the marker's line, followed by white space and more text.
  if (first.position.start.line - 1 !== line) return undefined;
  const start = first.position.start.column - 1;
  const m = /^\[([>-])\][ \t]+\S/.exec(src.slice(start));
  if (!m) return undefined;
  return { line, markerCol, boxCol: start, state: m[1] };
}
