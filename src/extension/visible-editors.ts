// When the visible editors' decorations must be drawn again: the one
// schedule that screen-share masking (screen-share.ts) and the private-block
// decorations (private-blocks.ts) share.

import * as vscode from 'vscode';
import type { CadenceWorkspace } from './workspace-index';

/** The pause, in milliseconds, after a typed change or a dataset change before drawing. */
const REDRAW_DELAY_MS = 50;

/**
 * Calls `draw` for the visible editors: at once when the mode changes or the
 * visible editors change; REDRAW_DELAY_MS after a change to a visible
 * document's text or to the dataset (a note's kind or visibility can change
 * with an edit, or a re-index), while `active()` says the decorations depend
 * on it. `cancel()` drops a pending draw (a draw called directly makes it
 * needless).
 */
export class VisibleEditorsRedraw implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(ws: CadenceWorkspace, onModeChange: vscode.Event<void>, draw: () => void, active: () => boolean = () => true) {
    const schedule = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(draw, REDRAW_DELAY_MS);
    };
    this.subscriptions = [
      onModeChange(draw),
      vscode.window.onDidChangeVisibleTextEditors(() => draw()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (active() && vscode.window.visibleTextEditors.some((ed) => ed.document === e.document)) schedule();
      }),
      ws.onDidChange(() => {
        if (active()) schedule();
      }),
    ];
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  dispose(): void {
    this.cancel();
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
