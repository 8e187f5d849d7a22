// What every view renderer gets: the data, the mode, and the ways to talk back.

import type { DashboardData, Location } from '../core/dashboard-data';
import type { KrStatus } from '../core/model';
import type { WebviewState } from './protocol';

export interface KrRef {
  readonly set: string;
  readonly objectiveIndex: number;
  readonly index: number;
}

export interface ViewContext {
  readonly data: DashboardData;
  readonly state: WebviewState;
  readonly screenShare: boolean;
  /** Click-through to a file and line. */
  open(at: Location): void;
  /** Board move: posts `setStatus` and moves the card optimistically. */
  move(kr: KrRef, status: KrStatus, label: string): void;
  selectSet(id: string): void;
  /** The person card's link to Prepare Review Packet… (SPEC §14). */
  prepareReview(personId: string): void;
  /** Polite screen-reader announcement. */
  announce(text: string): void;
}

export function krKey(kr: KrRef): string {
  return `${kr.set}\u0000${kr.objectiveIndex}\u0000${kr.index}`;
}
