// The two rooms (SPEC §15): what of each file is private text and what is
// shared text, and the passages of shared files that repeat private text.
// Pure: texts in, passages out. The Dataset keeps one LeakIndex and feeds
// it each file as it changes (rooms-input.ts says what each kind of file
// is); `findLeaks` does the same for a list of texts at once.

import { LeakIndex, type LeakPassage } from './leak-index';
import type { RoomsFile } from './file';

export { LeakIndex, type LeakPassage } from './leak-index';
export { privateBlocks, headingsOf, hasConflictBlock, type PrivateBlock, type HeadingAt } from './regions';
export type { RoomsProfile } from './profile';
export { meetingsOf, profileOf, type RoomsFile } from './file';
export { WordDictionary } from './words';
export { blankPrivateBlocks } from './preview';

/**
 * Every passage of a shared file that repeats private text (SPEC §15), by
 * path, for a whole workspace at once; `today` (YYYY-MM-DD) dates the files
 * that have no date. Files without passages are left out.
 */
export function findLeaks(files: readonly RoomsFile[], today: string): Map<string, LeakPassage[]> {
  const index = new LeakIndex();
  for (const f of files) {
    index.set(f.path, f);
    if (f.titles) index.setTitles(f.path, f.titles);
  }
  const out = new Map<string, LeakPassage[]>();
  for (const f of files) {
    const p = index.passages(f.path, today);
    if (p.length) out.set(f.path, p);
  }
  return out;
}
