// Private blocks left out of a rendering of a file (SPEC §15, issue 19: the
// Markdown preview hides them), by the one private-block finder the rule,
// the exports and the editor's decorations use.

import { splitFrontMatter } from '../markdown/body';
import { privateBlocks } from './regions';

/**
 * `text` with every private block blanked: each line from a
 * `<!-- private -->` line to its `<!-- /private -->` line (both included;
 * an unclosed block runs to the end of the file) becomes an empty line.
 * Blocks are looked for after the front matter, as the rule does; markers
 * in fenced code or in `%% … %%` text open none. Line breaks are kept, so
 * every other line keeps its number (a preview's scroll sync stays right).
 * Lines are split at `\n`; a `\r` before it stays. Text without a private
 * block is returned as it is (the same string).
 */
export function blankPrivateBlocks(text: string): string {
  if (!text.includes('<!--')) return text;
  const split = splitFrontMatter(text);
  const blocks = privateBlocks(split.lines, split.bodyLine);
  if (!blocks.length) return text;
  const lines = split.lines.slice();
  for (const b of blocks) {
    for (let l = b.start; l <= b.end; l++) lines[l] = lines[l].endsWith('\r') ? '\r' : '';
  }
  return lines.join('\n');
}
