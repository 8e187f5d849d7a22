// Screen-share mode in the editor: while it is on, the text of private 1:1
// notes and person files in visible editors is masked (a decoration that
// paints each line's text as a solid bar: nothing is changed in the file),
// and a status-bar item says the mode is on (a click turns it off). The
// trees and the dashboard hide their own text (views/, webview/).

import * as vscode from 'vscode';
import type { Doc } from '../core/model';
import type { Feature } from './feature';
import { VisibleEditorsRedraw } from './visible-editors';
import type { CadenceWorkspace } from './workspace-index';

/** Whose text screen-share mode masks (SPEC §15: private text): person files and 1:1 notes not marked `visibility: shared`. */
export function isPrivateDoc(model: Doc | undefined): boolean {
  return model?.kind === 'person' || (model?.kind === '1on1' && model.visibility !== 'shared');
}

/** Each non-blank line's text in lines [from, to] (default: all), from its first to its last non-space character. */
export function maskRanges(doc: vscode.TextDocument, from = 0, to = doc.lineCount - 1): vscode.Range[] {
  const out: vscode.Range[] = [];
  for (let l = from; l <= to; l++) {
    const line = doc.lineAt(l);
    if (line.isEmptyOrWhitespace) continue;
    out.push(new vscode.Range(l, line.firstNonWhitespaceCharacterIndex, l, line.text.trimEnd().length));
  }
  return out;
}

/** The mask's look: the glyphs drawn in no colour over a solid bar, so a line's shape stays and its words do not. */
export function maskDecoration(): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    color: 'transparent',
    backgroundColor: new vscode.ThemeColor('editorWidget.border'),
    borderRadius: '2px',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

export class ScreenShareMask implements vscode.Disposable {
  private readonly decoration = maskDecoration();
  private readonly item = vscode.window.createStatusBarItem('cadence.screenShare', vscode.StatusBarAlignment.Left, 49);
  private readonly disposables: vscode.Disposable[] = [];
  /** What is masked now, per editor (the integration tests read it). */
  private readonly masked = new Map<vscode.TextEditor, vscode.Range[]>();
  private readonly redraw: VisibleEditorsRedraw;

  constructor(
    private readonly ws: CadenceWorkspace,
    private readonly on: () => boolean,
    onModeChange: vscode.Event<void>,
  ) {
    this.item.name = vscode.l10n.t('Cadence Screen-Share Mode');
    this.item.text = `$(eye-closed) ${vscode.l10n.t('Screen-share')}`;
    this.item.tooltip = vscode.l10n.t('Cadence screen-share mode is on: names, ratings and note text are hidden in the trees and the dashboard, and private notes and person files are masked in the editor. Click to turn it off.');
    this.item.command = 'cadence.toggleScreenShare';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    // Text edits and re-indexes matter only while the mode is on.
    this.redraw = new VisibleEditorsRedraw(ws, onModeChange, () => this.update(), on);
    this.disposables.push(this.decoration, this.item, this.redraw);
    this.update();
  }

  /** Masks (or unmasks) every visible editor, and shows the status-bar item while the mode is on. */
  update(): void {
    this.redraw.cancel();
    const on = this.on();
    if (on) this.item.show();
    else this.item.hide();
    this.masked.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      const ranges = on && isPrivateDoc(this.modelOf(editor.document)) ? maskRanges(editor.document) : [];
      editor.setDecorations(this.decoration, ranges);
      if (ranges.length) this.masked.set(editor, ranges);
    }
  }

  /** The file's model as the dataset holds it (read only: masking never writes into the index). */
  private modelOf(doc: vscode.TextDocument): Doc | undefined {
    const f = this.ws.folderFor(doc.uri);
    const rel = f?.relPath(doc.uri);
    return f && rel ? f.dataset.doc(rel) : undefined;
  }

  /** The ranges masked in an editor now (none when the mode is off or the file is not private). */
  maskedIn(editor: vscode.TextEditor): readonly vscode.Range[] {
    return this.masked.get(editor) ?? [];
  }

  /** Whether the status-bar item is shown, and what it says. */
  statusText(): string | undefined {
    return this.on() ? this.item.text : undefined;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export const screenShareFeature: Feature = {
  activate(context, { workspace, state, api }) {
    const mask = new ScreenShareMask(workspace, () => state.screenShare(), state.onDidChange);
    context.subscriptions.push(mask);
    api.screenShareMask = mask;
  },
};
