// Talking points in the editor (SPEC §13, issue 17): the command *Add
// Talking Point…* (palette, the Reports tree's person items, the editor's
// context menu on a selection) and the `talking-point-open` quick fix "Move
// it to the inbox". Both compute their edits with the core
// (core/actions/talking-points.ts) and apply them as ONE workspace edit:
// adding edits one file, moving edits the note and the person file together.

import * as vscode from 'vscode';
import { addTalkingPoint, moveToInbox } from '../core/actions/talking-points';
import { oneOnOnesOf } from '../core/meetings';
import type { OneOnOneDoc, PersonDoc } from '../core/model';
import type { TextEdit } from '../core/types';
import { toVsEdit } from './adapter';
import type { Feature } from './feature';
import type { FolderIndex } from './folder-index';
import type { CadenceWorkspace } from './workspace-index';

const MOVE_TITLE = 'Move it to the inbox (for the next 1:1)';

/** The current lines (LF-split, unsaved edits included) of each workspace-relative path. */
async function linesOfPaths(folder: FolderIndex, paths: readonly string[]): Promise<Map<string, readonly string[]>> {
  const out = new Map<string, readonly string[]>();
  for (const p of new Set(paths)) {
    const doc = await vscode.workspace.openTextDocument(folder.uriOf(p));
    const lines: string[] = [];
    for (let l = 0; l < doc.lineCount; l++) lines.push(doc.lineAt(l).text);
    out.set(p, lines);
  }
  return out;
}

/** Core edits, by path, as one VS Code workspace edit. */
function workspaceEdit(folder: FolderIndex, edits: ReadonlyMap<string, readonly TextEdit[]>): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const [path, list] of edits) we.set(folder.uriOf(path), list.map((e) => toVsEdit(e)));
  return we;
}

/** The person a document is about: a 1:1's person, or a person file's own id. */
function personOf(doc: vscode.TextDocument, ws: CadenceWorkspace): string | undefined {
  const model = ws.sync(doc)?.model;
  if (model?.kind === '1on1') return model.report?.id;
  if (model?.kind === 'person') return model.id;
  return undefined;
}

/** Asks for the person (not you): the one the current file is about first. */
async function pickPersonFor(folder: FolderIndex, first: string | undefined): Promise<string | undefined> {
  const people = folder.dataset.people().filter((p) => !p.me);
  if (!people.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: there are no people yet. Run "Cadence: Add Person…" first.'));
    return undefined;
  }
  const key = first?.toLowerCase();
  people.sort((a, b) => Number(b.key === key) - Number(a.key === key));
  const picked = await vscode.window.showQuickPick(
    people.map((p) => ({ label: `@${p.id}`, description: p.name, detail: p.relationship === 'report' ? p.role : `${p.relationship}${p.role ? ` — ${p.role}` : ''}`, id: p.id })),
    { title: vscode.l10n.t('Add a talking point for…'), placeHolder: vscode.l10n.t('Type a name or id'), matchOnDescription: true },
  );
  return picked?.id;
}

/** A selection as one line of text (its lines joined by spaces). */
function selectionText(editor: vscode.TextEditor | undefined): string {
  if (!editor || editor.selection.isEmpty) return '';
  return editor.document
    .getText(editor.selection)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * *Add Talking Point…*: `arg` is a person id, or a Reports-tree item
 * (`{ personId }`); `textArg` the text. Whatever is missing is asked for
 * (the text starts as the editor's selection). Returns the path written to,
 * or undefined when nothing was written.
 */
async function addTalkingPointCommand(ws: CadenceWorkspace, arg?: string | { personId?: string }, textArg?: string): Promise<string | undefined> {
  await ws.whenIndexed();
  const editor = vscode.window.activeTextEditor;
  const folder = ws.activeFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: open a folder of 1:1 notes first (File → Open Folder…).'));
    return undefined;
  }
  // From the editor's context menu the first argument is the document's Uri: no person then.
  const given = typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? undefined : arg?.personId;
  const id = given ?? (await pickPersonFor(folder, editor ? personOf(editor.document, ws) : undefined));
  if (!id) return undefined;
  const text =
    typeof textArg === 'string'
      ? textArg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Talking point for @{0}', id),
          prompt: vscode.l10n.t('Added to the next 1:1\'s Talking points, or to the person file\'s inbox'),
          value: selectionText(editor),
          validateInput: (s) => (s.trim() ? undefined : vscode.l10n.t('Type the talking point, or press Escape to cancel.')),
        });
  if (text === undefined || !text.trim()) return undefined;
  ws.flushTyping();
  const person = folder.dataset.query.peopleWithKey(id.toLowerCase())[0];
  if (!person) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: there is no person file for "{0}"; nothing was added.', id));
    return undefined;
  }
  // The files the core may edit: the person file and the person's 1:1s dated today or later.
  const today = folder.dataset.today;
  const upcoming = folder.dataset.query
    .notesOf(person.key)
    .flatMap(oneOnOnesOf)
    .filter((o) => o.date && o.date >= today)
    .map((o) => o.path);
  const lines = await linesOfPaths(folder, [person.path, ...upcoming]);
  const result = addTalkingPoint(folder.dataset, person.key, text.replace(/\s*\r?\n\s*/g, ' '), today, (p) => lines.get(p));
  if (!result) return undefined;
  if (!(await vscode.workspace.applyEdit(workspaceEdit(folder, new Map([[result.path, result.edits]]))))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: the talking point could not be added (the file changed meanwhile?). Nothing was edited.'));
    return undefined;
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Cadence: talking point added to {0}', result.path), 4000);
  return result.path;
}

/** A "move it to the inbox" action, its edit filled in when chosen (resolveCodeAction). */
class MoveAction extends vscode.CodeAction {
  constructor(
    readonly folder: FolderIndex,
    readonly notePath: string,
    readonly line: number,
    readonly version: number,
    readonly uri: vscode.Uri,
  ) {
    super(MOVE_TITLE, vscode.CodeActionKind.QuickFix);
  }
}

class MoveToInboxProvider implements vscode.CodeActionProvider<MoveAction> {
  constructor(private readonly ws: CadenceWorkspace) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): MoveAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const synced = this.ws.sync(document);
    if (!synced || synced.model?.kind !== '1on1') return [];
    const doc = synced.model;
    const person = doc.report && synced.folder.dataset.query.peopleWithKey(doc.report.key)[0];
    if (!person) return [];
    const out: MoveAction[] = [];
    for (const d of context.diagnostics) {
      const code = typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
      if (d.source !== 'cadence' || code !== 'talking-point-open') continue;
      if (!doc.talkingPoints.some((t) => t.line === d.range.start.line)) continue;
      const a = new MoveAction(synced.folder, synced.rel, d.range.start.line, document.version, document.uri);
      a.diagnostics = [d];
      out.push(a);
    }
    return out;
  }

  /** Reads the person file (as open, unsaved edits included) and fills in the edit over both files. */
  async resolveCodeAction(action: MoveAction): Promise<MoveAction> {
    const note = await vscode.workspace.openTextDocument(action.uri);
    if (note.version !== action.version) return action;
    const synced = this.ws.sync(note);
    const doc = synced?.model?.kind === '1on1' ? (synced.model as OneOnOneDoc) : undefined;
    const point = doc?.talkingPoints.find((t) => t.line === action.line);
    const person: PersonDoc | undefined = doc?.report && action.folder.dataset.query.peopleWithKey(doc.report.key)[0];
    if (!doc || !point || !person) return action;
    const lines = await linesOfPaths(action.folder, [person.path]);
    action.edit = workspaceEdit(action.folder, moveToInbox(person, lines.get(person.path)!, action.notePath, point));
    return action;
  }
}

export const talkingPointsFeature: Feature = {
  activate(context, { workspace }) {
    context.subscriptions.push(
      vscode.commands.registerCommand('cadence.addTalkingPoint', (arg?: string | { personId?: string }, text?: string) => addTalkingPointCommand(workspace, arg, text)),
      vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new MoveToInboxProvider(workspace), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    );
  },
};
