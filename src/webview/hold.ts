// A re-draw the extension asks for (new `data`, screen-share toggled) waits
// while a board card is pressed or dragged: the page is re-built on every
// draw, so one that landed mid-gesture would replace the card under the
// pointer with a new one, and another card when the update moved cards
// (the drop then moves the wrong one, or looks like it did). The latest
// draw runs once the gesture ends.

/** Why drawing waits: a card pressed (the button down, no drag yet), or dragged. */
export type HoldReason = 'press' | 'drag';

/**
 * Holds the extension's re-draws during a gesture. `request(draw)` draws at
 * once when nothing holds, else keeps the latest `draw` for when the last
 * hold ends; a draw of the page's own (a move, a tab) calls `drawn()`,
 * which makes a kept one unneeded. A released hold draws on the next turn
 * of the event loop (`defer`), so that the drag which follows a press's
 * end in the same gesture takes its hold first.
 */
export class DrawHold {
  private readonly holds = new Set<HoldReason>();
  private kept: (() => void) | undefined;
  private scheduled = false;

  constructor(private readonly defer: (run: () => void) => void = (run) => setTimeout(run, 0)) {}

  /** True while a gesture holds drawing. */
  get holding(): boolean {
    return this.holds.size > 0;
  }

  hold(why: HoldReason): void {
    this.holds.add(why);
  }

  /** Ends one hold (or every hold, without `why`); the kept draw runs once none is left. */
  release(why?: HoldReason): void {
    if (why) this.holds.delete(why);
    else this.holds.clear();
    if (this.holds.size || !this.kept || this.scheduled) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      if (this.holds.size) return;
      const draw = this.kept;
      this.kept = undefined;
      draw?.();
    });
  }

  /** Draws now, or keeps `draw` (replacing any kept one) until the gesture ends. */
  request(draw: () => void): void {
    if (this.holds.size) this.kept = draw;
    else {
      this.kept = undefined;
      draw();
    }
  }

  /** The page drew itself with the latest data: a kept draw is no longer needed. */
  drawn(): void {
    this.kept = undefined;
  }
}

/**
 * Wires `hold` to the page's pointer and drag events (capture phase, on
 * `doc`): a press on an element matching `cards` (not on a control inside
 * it) holds until the button is up; a drag holds until it is dropped or
 * ends. The page losing the focus ends a press; a pointer that moves with
 * no button down ends any hold left over (pointer events stop during a
 * drag, and a drag whose source was taken away never reports its end).
 */
export function holdDuringGestures(doc: Document, hold: DrawHold, cards: string): void {
  const onCard = (t: EventTarget | null) => t instanceof Element && !!t.closest(cards) && !t.closest('select, button, input, a');
  doc.addEventListener(
    'pointerdown',
    (ev) => {
      if (ev.button === 0 && onCard(ev.target)) hold.hold('press');
      else hold.release();
    },
    true,
  );
  doc.addEventListener('pointerup', () => hold.release('press'), true);
  doc.addEventListener('pointercancel', () => hold.release('press'), true);
  doc.addEventListener(
    'pointermove',
    (ev) => {
      if (ev.buttons === 0 && hold.holding) hold.release();
    },
    true,
  );
  doc.addEventListener('dragstart', () => hold.hold('drag'), true);
  doc.addEventListener('drop', () => hold.release('drag'), true);
  doc.addEventListener('dragend', () => hold.release('drag'), true);
  doc.defaultView?.addEventListener('blur', () => hold.release('press'));
}
