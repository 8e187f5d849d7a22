// The board's moves the page shows before the extension has made them: a
// card goes to its new column at once, and stays there until a `data`
// message that already holds the edit arrives. Each move is numbered; the
// extension handles moves in order and says, with every `data`, the number
// of the last one it has handled (`moves`), so that data computed before a
// move's edit (a live update already on its way) does not send the card
// back for a moment.

import type { KrStatus } from '../core/model';

export class PendingMoves {
  private readonly byCard = new Map<string, { readonly status: KrStatus; readonly move: number }>();
  private last = 0;

  /** Records a move of the card `key` (krKey) to `status`; returns its number, for the `setStatus` message (1, 2, … in this page's life). */
  add(key: string, status: KrStatus): number {
    const move = ++this.last;
    this.byCard.set(key, { status, move });
    return move;
  }

  /**
   * A `data` message came: forgets the moves it already shows, those
   * numbered up to `settled` (the extension's `moves`); every move when
   * `settled` is undefined (a host that does not number them).
   */
  settle(settled: number | undefined): void {
    for (const [key, p] of this.byCard) if (settled === undefined || p.move <= settled) this.byCard.delete(key);
  }

  /** The status the page shows for the card `key` while its move is pending, else undefined. */
  get(key: string): KrStatus | undefined {
    return this.byCard.get(key)?.status;
  }

  get size(): number {
    return this.byCard.size;
  }

  /** The cards with a pending move. */
  keys(): IterableIterator<string> {
    return this.byCard.keys();
  }
}
