// The reference reading of a note's blocks: remark-parse + remark-gfm, the
// oracle in the differential test that keeps Cadence's own block scanner
// (blocks.ts) honest. Not used to read notes: it is slow (~0.5 MB/s) and
// superlinear on nested lists.

import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockScan, HeadingLine, ListItemLine } from './blocks';

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
  // Columns from offsets: micromark counts a tab to the next tab stop.
  const lineStart: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    lineStart.push(at);
    at += (i < from ? 0 : lines[i].length) + 1;
  }
  const colOf = (pt: { line: number; column: number; offset?: number }): number =>
    pt.offset !== undefined ? pt.offset - lineStart[pt.line - 1] : pt.column - 1;
  const items: ListItemLine[] = [];
  const headings: HeadingLine[] = [];
  const codeLines = new Set<number>();

  // Only block-level HTML excludes its lines: an inline comment or tag in a
  // paragraph (`- praise: shown <!-- hidden --> too`) leaves the line a line.
  const visit = (node: MdNode, parent?: MdNode): void => {
    const p = node.position;
    if (p && (node.type === 'code' || (node.type === 'html' && (!parent || BLOCK_PARENTS.has(parent.type))))) {
      // A block ending at column 1 of a line ends with the line break before it.
      const last = p.end.column === 1 && p.end.line > p.start.line ? p.end.line - 2 : p.end.line - 1;
      for (let l = p.start.line - 1; l <= last; l++) codeLines.add(l);
    }
    if (p && node.type === 'heading') {
      headings.push({ line: p.start.line - 1, depth: node.depth ?? 1, text: textOf(node).trim() });
    }
    if (p && node.type === 'listItem') items.push(itemOf(node, lines, colOf));
    for (const child of node.children ?? []) visit(child, node);
  };
  visit(tree);
  items.sort((a, b) => a.line - b.line || a.markerCol - b.markerCol);
  return { items, headings, codeLines, tooDeep: [] };
}

/**
 * A list item's marker line and where its text starts there. remark-gfm takes
 * a GFM task box (`[ ]`, `[x]`) out of the paragraph, so for its task items
 * the text starts at the box, found after the marker; Cadence's other
 * statuses (`[/]`, `[-]`, …) are not GFM's and stay in the paragraph.
 */
function itemOf(item: MdNode, lines: readonly string[], colOf: (pt: { line: number; column: number; offset?: number }) => number): ListItemLine {
  const p = item.position!;
  const line = p.start.line - 1;
  const markerCol = colOf(p.start);
  const src = lines[line] ?? '';
  if (typeof item.checked === 'boolean') {
    const m = /^(?:[-+*]|\d{1,9}[.)])[ \t]*\[[ \txX]\]/.exec(src.slice(markerCol));
    if (m) return { line, markerCol, textCol: markerCol + m[0].length - 3 };
  }
  const first = item.children?.[0];
  if (!first || first.type !== 'paragraph' || !first.position || first.position.start.line - 1 !== line) return { line, markerCol, textCol: -1 };
  return { line, markerCol, textCol: colOf(first.position.start) };
}
