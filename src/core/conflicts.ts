// Git merge conflicts (SPEC §10): notes live in git. A conflict block is a
// line starting with `<<<<<<<`, later a line that is exactly `=======`
// (optionally preceded by a `|||||||` section), later a line starting with
// `>>>>>>>`, wherever they stand (code fences included: git does not know
// Markdown). Markers without all three parts are ordinary text. A file
// holding a block is judged for nothing but its blocks (rule
// `merge-conflict`); the dataset keeps it out of every figure (dataset.ts).

/** A parsed file's conflicts: none (kinds.ts reads a file with some as blank). */
export const NO_CONFLICTS: readonly number[] = Object.freeze([]);

/**
 * The 0-based lines of the `<<<<<<<` of each conflict block, in order. A
 * `<<<<<<<` seen again before the block's `=======` starts the block afresh:
 * the earlier one lacks its parts. One pass over the lines.
 */
export function conflictBlocks(lines: readonly string[]): number[] {
  const out: number[] = [];
  let stage = 0;
  let start = -1;
  for (let ln = 0; ln < lines.length; ln++) {
    const l = lines[ln];
    if (l.startsWith('<<<<<<<')) {
      if (stage !== 2) {
        stage = 1;
        start = ln;
      }
    } else if (stage === 1 && l === '=======') stage = 2;
    else if (stage === 2 && l.startsWith('>>>>>>>')) {
      out.push(start);
      stage = 0;
    }
  }
  return out;
}

/** Whether a (normalised) text may hold a conflict block: the cheap test before splitting it. */
export function mayConflict(text: string): boolean {
  return text.indexOf('<<<<<<<') !== -1;
}
