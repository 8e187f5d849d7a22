// Private blocks in the files others read (SPEC §15): in a shared 1:1, an
// OKR review or a `cadence.sharedGlobs` file, the lines of each
// `<!-- private -->` … `<!-- /private -->` block are dimmed, with a
// "private" label on its opening line, so the manager sees what stays in the
// private room. In screen-share mode they are masked entirely (each line's
// text painted over, as the mode does to private notes): nothing in the file
// changes. The blocks come from the core's privateBlocks, the function the
// private-leak rule, the exports and the Markdown preview use.

import * as vscode from 'vscode';
import type { Doc } from '../core/model';
import { privateBlocks, type PrivateBlock } from '../core/rooms/regions';
import type { Feature } from './feature';
import { maskDecoration, maskRanges } from './screen-share';
import { VisibleEditorsRedraw } from './visible-editors';
import type { CadenceWorkspace } from './workspace-index';

/** A file other people read, whose private blocks are marked: not a private note or a person file. */
export function isSharedDoc(model: Doc | undefined): boolean {
  switch (model?.kind) {
    case '1on1':
      return model.visibility === 'shared';
    case 'okr-review':
    case 'shared-doc':
      return true;
    default:
      return false;
  }
}

/** The private blocks of an open document (after its front matter). */
export function documentBlocks(doc: vscode.TextDocument, model: Doc): PrivateBlock[] {
  const lines: string[] = [];
  for (let l = 0; l < doc.lineCount; l++) lines.push(doc.lineAt(l).text);
  const from = 'frontMatterEnd' in model ? model.frontMatterEnd : 0;
  return privateBlocks(lines, from);
}

export class PrivateBlockDecorations implements vscode.Disposable {
  private readonly dim = vscode.window.createTextEditorDecorationType({
    opacity: '0.6',
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.inactiveSelectionBackground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly label = vscode.window.createTextEditorDecorationType({
    after: {
      contentText: 'private',
      color: new vscode.ThemeColor('descriptionForeground'),
      fontStyle: 'italic',
      margin: '0 0 0 2em',
    },
  });
  // As screen-share mode masks private notes.
  private readonly mask = maskDecoration();
  private readonly disposables: vscode.Disposable[] = [];
  /** What is decorated now, per editor (the integration tests read it). */
  private readonly shown = new Map<vscode.TextEditor, { dimmed: vscode.Range[]; labels: vscode.Range[]; masked: vscode.Range[] }>();
  private readonly redraw: VisibleEditorsRedraw;

  constructor(
    private readonly ws: CadenceWorkspace,
    private readonly screenShare: () => boolean,
    onModeChange: vscode.Event<void>,
  ) {
    // Whether a note is shared can change with an edit to it, or a re-index.
    this.redraw = new VisibleEditorsRedraw(ws, onModeChange, () => this.update());
    this.disposables.push(this.dim, this.label, this.mask, this.redraw);
    this.update();
  }

  update(): void {
    this.redraw.cancel();
    const hide = this.screenShare();
    this.shown.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      const model = this.ws.sync(editor.document)?.model;
      const blocks = isSharedDoc(model) ? documentBlocks(editor.document, model!) : [];
      const dimmed: vscode.Range[] = [];
      const labels: vscode.Range[] = [];
      const masked: vscode.Range[] = [];
      for (const b of blocks) {
        if (hide) masked.push(...maskRanges(editor.document, b.start, b.end));
        else {
          dimmed.push(new vscode.Range(b.start, 0, b.end, editor.document.lineAt(b.end).text.length));
          const end = editor.document.lineAt(b.start).text.length;
          labels.push(new vscode.Range(b.start, end, b.start, end));
        }
      }
      editor.setDecorations(this.dim, dimmed);
      editor.setDecorations(this.label, labels);
      editor.setDecorations(this.mask, masked);
      if (blocks.length) this.shown.set(editor, { dimmed, labels, masked });
    }
  }

  /** The ranges decorated in an editor now. */
  decoratedIn(editor: vscode.TextEditor): { dimmed: readonly vscode.Range[]; labels: readonly vscode.Range[]; masked: readonly vscode.Range[] } {
    return this.shown.get(editor) ?? { dimmed: [], labels: [], masked: [] };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export const privateBlocksFeature: Feature = {
  activate(context, { workspace, state, api }) {
    const decorations = new PrivateBlockDecorations(workspace, () => state.screenShare(), state.onDidChange);
    context.subscriptions.push(decorations);
    api.privateBlocks = decorations;
  },
};
