// Text normalisation and offset/position mapping. Every parser in the core
// works on normalised text (no BOM, LF only); because VS Code also hides the
// BOM and counts positions per line, a position in normalised text is the
// same position in the user's CRLF document.

import type { Position, Range } from './types';
import * as l10n from './l10n';

export function normalize(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** Maps offsets of one normalised text to positions, lazily and in O(log n). */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(readonly text: string, private readonly baseLine = 0, private readonly baseOffset = 0) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + this.baseLine, character: o - starts[lo] + (lo === 0 ? this.baseOffset : 0) };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole of one line (relative to this index), trimmed of trailing blanks. */
  lineRange(line: number): Range {
    const starts = this.lineStarts();
    const l = Math.max(0, Math.min(line - this.baseLine, starts.length - 1));
    const s = starts[l];
    let e = l + 1 < starts.length ? starts[l + 1] - 1 : this.text.length;
    while (e > s && (this.text[e - 1] === ' ' || this.text[e - 1] === '\t')) e--;
    return this.rangeAt(s, e);
  }

  /** From `offset` to the end of its line: "the first line of the object". */
  restOfLine(offset: number): Range {
    const nl = this.text.indexOf('\n', offset);
    let e = nl === -1 ? this.text.length : nl;
    while (e > offset && (this.text[e - 1] === ' ' || this.text[e - 1] === '\t')) e--;
    return this.rangeAt(offset, e);
  }
}

/** Heuristic used by the CLI and the extension before handing text to the core. */
export function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 8000);
  for (let i = 0; i < n; i++) if (sample[i] === 0) return true;
  return false;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { readonly text: string } | { readonly skip: string };

const SIZE_SETTING = 'cadence.maxFileSizeKB';

/** Whether decodeFile skipped a file for its size (the editor shows those on the file). */
export function skippedForSize(reason: string): boolean {
  return reason.includes(` is over ${SIZE_SETTING} `);
}

/**
 * decodeFile's reason in the UI's language (core/l10n.ts). The reason itself
 * stays English: it is stored with the index and read by skippedForSize.
 */
export function skipWords(reason: string): string {
  if (reason === 'binary file') return l10n.t('binary file');
  if (reason === 'not UTF-8 text') return l10n.t('not UTF-8 text');
  const m = /^(\d+) KB is over (\S+) \((\d+)\)$/.exec(reason);
  return m ? l10n.t('{0} KB is over {1} ({2})', m[1], m[2], m[3]) : reason;
}

/**
 * Bytes to text for the dataset, or the one-line reason the file is skipped
 * (too large, binary, not UTF-8). The CLI and the extension share it.
 */
export function decodeFile(bytes: Uint8Array, maxKB: number): Decoded {
  if (bytes.length > maxKB * 1024) return { skip: `${Math.round(bytes.length / 1024)} KB is over ${SIZE_SETTING} (${maxKB})` };
  if (looksBinary(bytes)) return { skip: 'binary file' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { skip: 'not UTF-8 text' };
  }
}
