// The Markdown preview hides private blocks (SPEC §15, issue 19): Cadence
// contributes a markdown-it plugin (package.json
// `contributes["markdown.markdownItPlugins"]`); VS Code's Markdown extension
// activates Cadence and calls `extendMarkdownIt` with its engine. The plugin
// blanks each private block's lines before the engine reads the blocks, with
// the core's blankPrivateBlocks (the finder the rule and the exports use).

import { blankPrivateBlocks } from '../core/rooms/preview';

/** The part of markdown-it the plugin uses (no dependency on its types). */
export interface MarkdownItEngine {
  readonly core: {
    readonly ruler: {
      after(afterName: string, ruleName: string, fn: (state: { src: string }) => void): void;
    };
  };
}

/**
 * Adds the rule `cadence_private_blocks` right after markdown-it's
 * `normalize` (line breaks are `\n` by then): every line of every private
 * block, markers included, is rendered as an empty line, so nothing of it
 * reaches the preview and the other lines keep their numbers. Returns `md`.
 */
export function extendMarkdownIt<T extends MarkdownItEngine>(md: T): T {
  md.core.ruler.after('normalize', 'cadence_private_blocks', (state) => {
    state.src = blankPrivateBlocks(state.src);
  });
  return md;
}
