// The Command Palette's "Cadence" commands. Commands that create files never
// write over one (they open it instead); every edit is one WorkspaceEdit.

import * as vscode from 'vscode';
import { toggleItem } from '../core/actions/items';
import { checkIn } from '../core/actions/okr-edits';
import { idFromName, isPersonId, newOkrSet, newPerson, quartersFrom, type NewFile } from '../core/actions/templates';
import { formatScore } from '../core/format';
import { idKey } from '../core/ids';
import { krScore } from '../core/metrics';
import type { ActionItem, KeyResult, OkrSetDoc } from '../core/model';
import { toVsEdit } from './adapter';
import { meetingDateNote, newOneOnOne, readMeetingDate, undoCarryOver, type CarryNotice } from './carry-over';
import { displayName } from '../core/people';
import { addDays } from '../core/dates';
import { buildPreRead, preReadSendDate } from '../core/pre-read';
import { preReadDue } from '../core/reviews';
import { applyCoreEdits, askDate, pickPerson } from './edits';
import { readDueDate } from '../core/plain-dates';
import type { Feature } from './feature';
import type { FolderIndex } from './folder-index';
import type { CadenceWorkspace } from './workspace-index';
import { hasActionItems } from '../core/kinds';

function needFolder(ws: CadenceWorkspace): FolderIndex | undefined {
  const f = ws.activeFolder();
  if (!f) void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: open a folder of 1:1 notes first (File → Open Folder…).'));
  return f;
}

/** Does a file (or folder) exist at `uri`? */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the file and applies the edits to other files in ONE workspace
 * edit, or opens the file when it already exists (never overwrites).
 */
export async function createAndOpen(folder: FolderIndex, file: NewFile, line = 0): Promise<vscode.Uri> {
  const uri = folder.uriOf(file.path);
  if (await exists(uri)) {
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: {0} already exists; opened it (nothing was overwritten).', file.path));
    return uri;
  }
  const we = new vscode.WorkspaceEdit();
  we.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(file.text) });
  for (const [path, edits] of file.otherEdits) we.set(folder.uriOf(path), edits.map((e) => toVsEdit(e)));
  if (!(await vscode.workspace.applyEdit(we))) throw new Error(`could not create ${file.path}`);
  // Edits to other notes (items marked forwarded) are saved, like the new file.
  for (const path of file.otherEdits.keys()) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === folder.uriOf(path).toString());
    await doc?.save();
  }
  const editor = await vscode.window.showTextDocument(uri);
  const at = Math.min(line, editor.document.lineCount - 1);
  const pos = new vscode.Position(at, editor.document.lineAt(at).text.length);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return uri;
}

/** The action item on the editor's cursor line, or at (uri, line). */
function itemAt(ws: CadenceWorkspace, doc: vscode.TextDocument, line: number): ActionItem | undefined {
  const synced = ws.sync(doc);
  const m = synced?.model;
  if (!m || !hasActionItems(m)) return undefined;
  return m.items.find((i) => i.line === line);
}

function keyResultAt(model: OkrSetDoc, line: number): { o: number; k: number } | undefined {
  for (const o of model.objectives) {
    for (const kr of o.keyResults) {
      const end = kr.shape.flow ? kr.shape.flowEnd.start.line : kr.shape.lastLine;
      if (line >= kr.firstLine.start.line && line <= end) return { o: o.index, k: kr.index };
    }
  }
  return undefined;
}

function numberProblem(s: string, min?: number, max?: number): string | undefined {
  const n = Number(s.trim());
  if (s.trim() === '' || !Number.isFinite(n)) return vscode.l10n.t('Type a number.');
  if (min !== undefined && max !== undefined && (n < min || n > max)) return vscode.l10n.t('Type a number from {0} to {1}.', min, max);
  return undefined;
}

/** Copies a folder tree, never replacing a file that exists. */
async function copyTree(from: vscode.Uri, to: vscode.Uri): Promise<{ written: number; skipped: number }> {
  let written = 0;
  let skipped = 0;
  for (const [name, type] of await vscode.workspace.fs.readDirectory(from)) {
    const src = vscode.Uri.joinPath(from, name);
    const dst = vscode.Uri.joinPath(to, name);
    if (type === vscode.FileType.Directory) {
      const r = await copyTree(src, dst);
      written += r.written;
      skipped += r.skipped;
    } else if (await exists(dst)) skipped++;
    else {
      await vscode.workspace.fs.copy(src, dst, { overwrite: false });
      written++;
    }
  }
  return { written, skipped };
}

export const commandsFeature: Feature = {
  activate(context, { workspace: ws, state, api }) {
    const extensionUri = context.extensionUri;
    const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

    reg('cadence.reindex', async () => {
      if (!needFolder(ws)) return;
      await ws.reindexNow();
      let files = 0;
      let problems = 0;
      for (const f of ws.folders.values()) {
        files += f.dataset.size;
        for (const p of f.dataset.paths()) problems += f.dataset.diagnostics(p).length;
      }
      void vscode.window.showInformationMessage(problems === 1 ? vscode.l10n.t('Cadence: indexed {0} files; 1 problem.', files) : vscode.l10n.t('Cadence: indexed {0} files; {1} problems.', files, problems));
    });

    let lastCarry: CarryNotice | undefined;
    api.lastCarryOver = () => lastCarry;

    // `arg`: a person id or a Reports-tree item ({ personId }); `dateArg`: the 1:1's date
    // (YYYY-MM-DD or words, today or later). Whatever is missing is asked for.
    reg('cadence.newOneOnOne', async (arg?: string | { personId?: string }, dateArg?: string) => {
      const personId = typeof arg === 'string' ? arg : arg?.personId;
      // After the index: a re-index (settings, folders changed) replaces the folders' indexes.
      await ws.whenIndexed();
      const folder = needFolder(ws);
      if (!folder) return;
      if (!folder.dataset.people().length) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: there are no people yet. Run "Cadence: Add Person…" first.'));
        return;
      }
      const id = typeof personId === 'string' ? personId : await pickPerson(folder, vscode.l10n.t('New 1:1 with…'));
      if (!id) return;
      const today = folder.dataset.today;
      const person = folder.dataset.query.peopleWithKey(idKey(id))[0];
      if (!person) return void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: there is no person file for "{0}"; nothing was written.', id));
      let date: string | undefined;
      if (typeof dateArg === 'string') {
        const read = readMeetingDate(dateArg, today);
        if ('problem' in read) return void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: {0} Nothing was written.', read.problem));
        date = read.date;
      } else {
        // The meeting's date: today by default, any later day to prepare it ahead (SPEC §13).
        date = await askDate(vscode.l10n.t('Date of the 1:1 with {0} (today, or later to prepare it ahead)', displayName(person)), today, today, {
          read: (s) => readMeetingDate(s, today),
          note: (d) => meetingDateNote(folder, person.key, d),
        });
        if (!date) return;
      }
      ws.flushTyping();
      const result = await newOneOnOne(folder, idKey(id), date, (doc) => ws.sync(doc));
      if (!result) return;
      const { uri, notice } = result;
      if (notice) {
        lastCarry = notice;
        void vscode.commands.executeCommand('setContext', 'cadence.canUndoCarryOver', true);
        const undo = vscode.l10n.t('Undo');
        void vscode.window.showInformationMessage(notice.message, undo).then(async (choice) => {
          if (choice === undo) await vscode.commands.executeCommand('cadence.undoCarryOver');
        });
      }
      return uri;
    });

    reg('cadence.undoCarryOver', async () => {
      const notice = lastCarry;
      if (!notice) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: there is no carry-over to undo.'));
        return false;
      }
      const result = await undoCarryOver(notice);
      if (result === 'gone') {
        lastCarry = undefined;
        void vscode.commands.executeCommand('setContext', 'cadence.canUndoCarryOver', false);
        void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: {0} is gone already; there is no carry-over to undo.', vscode.workspace.asRelativePath(notice.created!.uri)));
        return false;
      }
      const done = result;
      if (done) {
        lastCarry = undefined;
        void vscode.commands.executeCommand('setContext', 'cadence.canUndoCarryOver', false);
        void vscode.window.setStatusBarMessage(
          notice.created
            ? vscode.l10n.t('Cadence: removed {0} and put the carried items back.', vscode.workspace.asRelativePath(notice.created.uri))
            : vscode.l10n.t('Cadence: took the new meeting back out and put the carried items back.'),
          5000,
        );
      }
      return done;
    });

    reg('cadence.toggleActionItem', async (arg?: vscode.Uri | { uri: vscode.Uri; line: number }, lineArg?: number) => {
      // From the editor (no arguments), a tree's context menu (a node) or code (uri, line).
      const uri = arg instanceof vscode.Uri ? arg : arg?.uri;
      const line = arg instanceof vscode.Uri ? lineArg : arg?.line;
      const editor = vscode.window.activeTextEditor;
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      const at = typeof line === 'number' ? line : editor?.selection.active.line;
      if (!doc || at === undefined) return;
      const item = itemAt(ws, doc, at);
      const folder = ws.folderFor(doc.uri);
      if (!item || !folder) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: put the cursor on an action item (a task line like "- [ ] … @owner due:…").'));
        return;
      }
      await applyCoreEdits(doc.uri, toggleItem(item, folder.dataset.today));
    });

    reg('cadence.checkInKeyResult', async (arg?: vscode.Uri | { uri: vscode.Uri; objective: number; keyResult: number }, objArg?: number, krArg?: number, answers?: { current: number; confidence: number; note?: string }) => {
      const uri = arg instanceof vscode.Uri ? arg : arg?.uri;
      const objective = arg instanceof vscode.Uri ? objArg : arg?.objective;
      const keyResult = arg instanceof vscode.Uri ? krArg : arg?.keyResult;
      const editor = vscode.window.activeTextEditor;
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      const synced = doc && ws.sync(doc);
      if (!doc || !synced || synced.model.kind !== 'okr') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: open an OKR file and put the cursor on a key result to check in.'));
        return;
      }
      const model = synced.model;
      const where = typeof objective === 'number' && typeof keyResult === 'number' ? { o: objective, k: keyResult } : editor && keyResultAt(model, editor.selection.active.line);
      const kr: KeyResult | undefined = where ? model.objectives[where.o]?.keyResults[where.k] : undefined;
      if (!kr || !where) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: put the cursor on a key result to check in.'));
        return;
      }
      const title = vscode.l10n.t('Check in {0}/{1}: {2}', model.objectives[where.o].id, kr.id, kr.title ?? '');
      const current = answers ? String(answers.current) : await vscode.window.showInputBox({
        title,
        prompt: kr.unit
          ? vscode.l10n.t('Current value ({0}); start {1}, target {2}', kr.unit, kr.start ?? 0, kr.target ?? '?')
          : vscode.l10n.t('Current value; start {0}, target {1}', kr.start ?? 0, kr.target ?? '?'),
        value: kr.current !== undefined ? String(kr.current) : '',
        validateInput: (s) => numberProblem(s),
      });
      if (current === undefined) return;
      if (numberProblem(current)) return void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: {0}', numberProblem(current)!));
      const confidence = answers ? String(answers.confidence) : await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Confidence, 0.0–1.0'), value: String(kr.confidence ?? 0.5), validateInput: (s) => numberProblem(s, 0, 1) });
      if (confidence === undefined) return;
      if (numberProblem(confidence, 0, 1)) return void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: confidence — {0}', numberProblem(confidence, 0, 1)!));
      const note = answers ? (answers.note ?? '') : await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Note (optional)') });
      if (note === undefined) return;
      const latest = ws.sync(doc);
      const fresh = latest?.model.kind === 'okr' ? latest.model.objectives[where.o]?.keyResults[where.k] : undefined;
      if (!fresh || fresh.id !== kr.id) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: the OKR file changed while you were typing; nothing was edited.'));
        return;
      }
      const edits = checkIn(fresh, doc.getText().replace(/\r\n?/g, '\n').split('\n'), { date: latest!.folder.dataset.today, current: Number(current), confidence: Number(confidence), note: note.trim() || undefined });
      await applyCoreEdits(doc.uri, edits);
      const after = ws.sync(doc);
      const k = after?.model.kind === 'okr' ? after.model.objectives[where.o]?.keyResults[where.k] : undefined;
      if (k) void vscode.window.setStatusBarMessage(vscode.l10n.t('Cadence: {0} score {1}', kr.id, formatScore(krScore(k))), 5000);
    });

    reg('cadence.openLocation', async (arg: vscode.Uri | { uri?: vscode.Uri; line?: number }, lineArg?: number) => {
      const uri = arg instanceof vscode.Uri ? arg : arg?.uri;
      const line = (arg instanceof vscode.Uri ? lineArg : arg?.line) ?? 0;
      if (!uri) return;
      const editor = await vscode.window.showTextDocument(uri, { preview: true });
      const p = new vscode.Position(Math.min(line, editor.document.lineCount - 1), 0);
      editor.selection = new vscode.Selection(p, p);
      editor.revealRange(new vscode.Range(p, p), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    });

    reg('cadence.toggleScreenShare', async () => {
      await state.setScreenShare(!state.screenShare());
      void vscode.window.setStatusBarMessage(state.screenShare() ? vscode.l10n.t('Cadence: screen-share mode on — names and notes hidden') : vscode.l10n.t('Cadence: screen-share mode off'), 4000);
    });

    reg('cadence.copySampleTeam', async () => {
      const folder = needFolder(ws);
      if (!folder) return;
      const source = vscode.Uri.joinPath(extensionUri, 'samples', 'team');
      const copied = await copyTree(source, folder.folder.uri);
      void vscode.window.showInformationMessage(
        copied.skipped
          ? vscode.l10n.t('Cadence: copied {0} sample files; kept {1} of yours that already existed.', copied.written, copied.skipped)
          : vscode.l10n.t('Cadence: copied {0} sample files.', copied.written),
      );
    });

    reg('cadence.preparePreRead', async (setId?: string, meetingDate?: string) => {
      await ws.whenIndexed();
      const folder = needFolder(ws);
      if (!folder) return;
      const sets = folder.dataset.okrSets();
      if (!sets.length) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: there is no OKR set to review yet. Run "Cadence: New OKR Set…" first.'));
        return;
      }
      const items = sets.map((s) => ({ label: s.id, description: s.period, set: s }));
      const picked = typeof setId === 'string' ? items.find((i) => i.set.key === idKey(setId)) : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Pre-read for which OKR set?') });
      if (!picked) return;
      const typed = typeof meetingDate === 'string' ? meetingDate : await askDate(vscode.l10n.t('Date of the OKR review meeting (YYYY-MM-DD)'), folder.dataset.today, addDays(folder.dataset.today, 7));
      if (!typed) return;
      const read = readDueDate(typed, folder.dataset.today);
      if ('problem' in read) return void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: {0}', read.problem));
      const meeting = read.date;
      ws.flushTyping();
      const late = preReadSendDate(meeting, folder.dataset.today) > preReadDue(meeting);
      if (late) void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: the review on {0} is less than 7 days away, so this pre-read goes out late (pre-read: {1}).', meeting, folder.dataset.today));
      return createAndOpen(folder, buildPreRead(folder.dataset, picked.set, meeting));
    });

    reg('cadence.newOkrSet', async (periodArg?: string) => {
      const folder = needFolder(ws);
      if (!folder) return;
      const period = typeof periodArg === 'string' ? periodArg : await vscode.window.showQuickPick(quartersFrom(folder.dataset.today, 4), { title: vscode.l10n.t('New OKR set for which quarter?') });
      if (!period) return;
      return createAndOpen(folder, newOkrSet(period), 8);
    });

    reg('cadence.addPerson', async (answers?: { name: string; id: string; cadence: string; role?: string }) => {
      const folder = needFolder(ws);
      if (!folder) return;
      if (answers && typeof answers === 'object' && 'name' in answers) {
        if (!isPersonId(answers.id)) return void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: "{0}" is not a valid id (letters, digits, "-" and "_").', answers.id));
        return createAndOpen(folder, newPerson(answers.id, answers.name, folder.dataset.today, answers.cadence, answers.role), 3);
      }
      const addPerson = vscode.l10n.t('Add person');
      const name = await vscode.window.showInputBox({ title: addPerson, prompt: vscode.l10n.t('Their name'), validateInput: (s) => (s.trim() ? undefined : vscode.l10n.t('Type a name.')) });
      if (!name) return;
      const id = await vscode.window.showInputBox({
        title: addPerson,
        prompt: vscode.l10n.t('Their id (how notes refer to them: @id)'),
        value: idFromName(name),
        validateInput: (s) =>
          !isPersonId(s.trim()) ? vscode.l10n.t('Letters, digits, "-" and "_" only.') : folder.dataset.query.knows(idKey(s.trim())) ? vscode.l10n.t('@{0} is already taken.', s.trim()) : undefined,
      });
      if (!id) return;
      // Optional: an empty answer is left out of the file, never written as an empty field.
      const role = await vscode.window.showInputBox({ title: addPerson, prompt: vscode.l10n.t('Their role (optional: press Enter to leave it out)'), placeHolder: vscode.l10n.t('e.g. Senior Engineer') });
      if (role === undefined) return;
      // l10n-exempt: the person file's `cadence` values as written (SPEC §3), picked as they are.
      const cadence = await vscode.window.showQuickPick(['weekly', 'biweekly', 'monthly'], { title: vscode.l10n.t('How often do you meet?') });
      if (!cadence) return;
      return createAndOpen(folder, newPerson(id.trim(), name.trim(), folder.dataset.today, cadence, role), 3);
    });
  },
};
