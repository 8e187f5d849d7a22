// From a path and its text to a typed document: the kind by `type:` first,
// then by the globs (SPEC §2), then the kind's parser.

import { FILE_KINDS } from '../kinds';
import type { Doc, FileKind } from '../model';
import type { Settings } from '../settings';
import type { ParseOptions } from '../markdown/sections';

const TYPE_LINE = /^type:[ \t]*(?:"([^"]*)"|'([^']*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m;

/**
 * The declared `type:` of a file, read without a YAML parse (most files in a
 * workspace are not Cadence's, and this runs for each of them): a top-level
 * `type:` line in the front matter (Markdown) or the document (YAML).
 * Returns null when there is no `type:` line, '' for an empty value.
 */
export function declaredType(text: string, markdown: boolean): string | null {
  let region = text;
  if (markdown) {
    if (!/^---[ \t]*\n/.test(text)) return null;
    const end = text.search(/\n---[ \t]*(\n|$)/);
    if (end === -1) return null;
    region = text.slice(0, end + 1);
  }
  const m = TYPE_LINE.exec(region);
  if (!m) return null;
  return (m[1] ?? m[2] ?? m[3] ?? '').trim();
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Could this path be a Cadence file at all (before reading it)? */
export function isCandidatePath(path: string): boolean {
  return isMarkdownPath(path) || isYamlPath(path);
}

/**
 * The kind of a file, or undefined when Cadence ignores it. A recognised
 * `type:` wins; any other `type:` value marks the file as not Cadence's (an
 * escape hatch for, say, a README kept in people/); otherwise the globs
 * decide. The kinds, their `type:` values and globs: kinds.ts.
 */
export function classify(path: string, text: string, settings: Settings): FileKind | undefined {
  const md = isMarkdownPath(path);
  if (!md && !isYamlPath(path)) return undefined;
  return FILE_KINDS.classify(path, text, md ? 'markdown' : 'yaml', declaredType(text, md), settings);
}

/** Parses normalised text (see `normalize`); the kind must come from `classify`. */
export function parseDoc(path: string, text: string, kind: FileKind, options?: ParseOptions): Doc {
  return FILE_KINDS.parse(path, text, kind, options);
}
