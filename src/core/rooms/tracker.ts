// The dataset's indexes for the two rooms (SPEC §15) and the OKR meeting
// (SPEC §19): the leak index, fed each file's text as it changes, and the
// OKR sets by key with the reviews that name each, so that a changed set
// re-judges its reviews.
//
// A file restored from the persistent index comes without its text: it is
// "textless" until the caller hands the text over (provideText); until then
// it holds no text for the leak index, and `complete` is false.

import type { DocSummary } from '../dataset';
import { comparePaths } from '../paths';
import { LeakIndex, type LeakPassage } from './leak-index';
import { roomsFileOf, type RoomFacts } from './rooms-input';
import type { TextKeeper } from './text-store';

export class RoomsTracker {
  private leaks: LeakIndex;
  /** OKR set paths by set key, in path order. */
  private readonly setPaths = new Map<string, string[]>();
  /** OKR review paths by the key of the set they review. */
  private readonly reviewsBySet = new Map<string, Set<string>>();
  private readonly textless = new Set<string>();
  /** Whether the leak index is kept at all (not when private-leak is off: then it costs nothing). */
  private leaksOn = true;

  /** `texts`: where each new leak index keeps the texts it has not read yet (default: in memory). */
  constructor(private readonly texts: (() => TextKeeper) | undefined = undefined) {
    this.leaks = this.newIndex();
  }

  private newIndex(): LeakIndex {
    return new LeakIndex(undefined, this.texts?.());
  }

  /**
   * Keep the leak index or not (the private-leak rule turned off). Turned
   * on again, every file in `paths` waits for its text (provideText).
   */
  setLeaksOn(on: boolean, paths: Iterable<string>): void {
    if (on === this.leaksOn) return;
    this.leaksOn = on;
    this.leaks.close();
    this.leaks = this.newIndex();
    this.textless.clear();
    if (on) for (const p of paths) this.textless.add(p);
  }

  get leaksKept(): boolean {
    return this.leaksOn;
  }

  /** Every file's text is known: the leak index is whole. */
  get complete(): boolean {
    return this.textless.size === 0;
  }

  /** Files restored without their text, still waiting for it. */
  waiting(): string[] {
    return [...this.textless];
  }

  /**
   * The `affected` sets below collect the files whose results may change;
   * undefined when nobody could see the difference (nothing judged yet, no
   * listener: a first load), which spares the leak index its look-ups.
   */

  /** A file left the dataset (or is about to be replaced): its old summary. */
  remove(path: string, summary: DocSummary, affected: Set<string> | undefined): void {
    if (summary.kind === 'okr' && summary.key !== undefined) {
      const list = this.setPaths.get(summary.key);
      if (list) {
        const i = list.indexOf(path);
        if (i !== -1) list.splice(i, 1);
        if (!list.length) this.setPaths.delete(summary.key);
      }
      this.touchSet(summary.key, affected);
      this.leaks.setTitles(path, [], affected);
    } else if (summary.kind === 'okr-review' && summary.key !== undefined) {
      this.reviewsBySet.get(summary.key)?.delete(path);
    }
    this.textless.delete(path);
    this.leaks.set(path, undefined, affected);
  }

  /**
   * A file entered the dataset: its summary, and (unless restored without
   * it) its normalised text and document.
   */
  add(path: string, summary: DocSummary, affected: Set<string> | undefined, content?: { text: string; facts: RoomFacts }): void {
    if (summary.kind === 'okr' && summary.key !== undefined) {
      let list = this.setPaths.get(summary.key);
      if (!list) this.setPaths.set(summary.key, (list = []));
      list.push(path);
      list.sort(comparePaths);
      this.touchSet(summary.key, affected);
    } else if (summary.kind === 'okr-review' && summary.key !== undefined) {
      let set = this.reviewsBySet.get(summary.key);
      if (!set) this.reviewsBySet.set(summary.key, (set = new Set()));
      set.add(path);
    }
    if (!this.leaksOn) return;
    if (content) this.provideText(path, content.text, content.facts, affected);
    else this.textless.add(path);
  }

  /** Is this file (restored without its text) still waiting for it? */
  waitsFor(path: string): boolean {
    return this.textless.has(path);
  }

  /** The normalised text of a file the dataset holds, and what decides its rooms. */
  provideText(path: string, text: string, facts: RoomFacts, affected: Set<string> | undefined): void {
    if (!this.leaksOn) return;
    this.textless.delete(path);
    this.leaks.set(path, roomsFileOf(path, text, facts), affected);
    if (facts.kind === 'okr') this.leaks.setTitles(path, facts.titles ?? [], affected);
  }

  /** A set's reviews are judged against it (review-decision-missing). */
  private touchSet(key: string, affected: Set<string> | undefined): void {
    if (affected) for (const p of this.reviewsBySet.get(key) ?? []) affected.add(p);
  }

  /** The path of the OKR set with this key, first in path order. */
  setPath(key: string): string | undefined {
    return this.setPaths.get(key)?.[0];
  }

  passages(path: string, today: string): LeakPassage[] {
    return this.leaks.passages(path, today);
  }

  /** Bytes held by the leak index's window tables (for the benchmark). */
  get tableBytes(): number {
    return this.leaks.tableBytes;
  }

  clear(): void {
    this.setPaths.clear();
    this.reviewsBySet.clear();
    this.textless.clear();
    this.leaks.close();
    this.leaks = this.newIndex();
  }
}
