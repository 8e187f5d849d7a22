// New 1:1 in the editor (SPEC §13, §16; issue 16): the plan from the core
// (actions/next-one-on-one.ts, the same as `cadence new`) applied as one
// workspace edit, the notification that says what was carried and moved,
// and its Undo, which deletes the new note (or takes the new meeting out of
// the log) and puts every other file back as it was.

import * as vscode from 'vscode';
import { nextOneOnOne, undoEdits, type NextOneOnOne, type UndoEdit } from '../core/actions/next-one-on-one';
import { oneOnOnesOf } from '../core/meetings';
import { readDueDate } from '../core/plain-dates';
import { toVsEdit } from './adapter';
import type { FolderIndex } from './folder-index';

/** What the last New 1:1 did, so that its notification's Undo can take it back. */
export interface CarryNotice {
  /** The notification's text. */
  readonly message: string;
  /** The new note, and its text as created (none when a log gained a meeting). */
  readonly created: { readonly uri: vscode.Uri; readonly text: string } | undefined;
  /** Each edited file: its text right after the edit (LF), and what puts it back. */
  readonly files: readonly { readonly uri: vscode.Uri; readonly after: string; readonly undo: readonly UndoEdit[] }[];
}

type Created = Extract<NextOneOnOne, { kind: 'create' }>;

/** What New 1:1 carried and moved, in words; undefined when it carried and moved nothing. */
export function carryMessage(plan: Created): string | undefined {
  const items = plan.carriedItems?.items.length ?? 0;
  const points = plan.carriedPoints?.items.length ?? 0;
  if (!items && !points && !plan.moved) return undefined;
  const from = plan.carriedItems?.from ?? plan.carriedPoints?.from;
  const itemWords = items === 1 ? vscode.l10n.t('1 open action item') : vscode.l10n.t('{0} open action items', items);
  const pointWords = points === 1 ? vscode.l10n.t('1 open talking point') : vscode.l10n.t('{0} open talking points', points);
  const what = items && points ? vscode.l10n.t('{0} and {1}', itemWords, pointWords) : items ? itemWords : pointWords;
  const newFile = plan.text !== undefined;
  const one = items + points === 1;
  let carried = '';
  if (from && (items || points)) {
    const date = from.date ?? from.path;
    if (newFile) carried = one ? vscode.l10n.t('carried {0} from the {1} 1:1 into {2}, and marked it [>] (forwarded) there', what, date, plan.path) : vscode.l10n.t('carried {0} from the {1} 1:1 into {2}, and marked them [>] (forwarded) there', what, date, plan.path);
    else carried = one ? vscode.l10n.t('carried {0} from the {1} 1:1 into the new meeting in {2}, and marked it [>] (forwarded) there', what, date, plan.path) : vscode.l10n.t('carried {0} from the {1} 1:1 into the new meeting in {2}, and marked them [>] (forwarded) there', what, date, plan.path);
  }
  let moved = '';
  if (plan.moved) {
    const n = plan.moved === 1 ? vscode.l10n.t('1 talking point') : vscode.l10n.t('{0} talking points', plan.moved);
    if (carried) moved = vscode.l10n.t('moved {0} from the inbox of their person file', n);
    else moved = newFile ? vscode.l10n.t('moved {0} from the inbox of their person file into {1}', n, plan.path) : vscode.l10n.t('moved {0} from the inbox of their person file into the new meeting in {1}', n, plan.path);
  }
  return carried && moved ? vscode.l10n.t('Cadence: {0}; {1}.', carried, moved) : vscode.l10n.t('Cadence: {0}.', carried || moved);
}

const lf = (text: string) => text.replace(/\r\n?/g, '\n');

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

/**
 * The date of a new 1:1 as typed in New 1:1's date box or given to the
 * command (SPEC §13, §16): `YYYY-MM-DD` or words ("Thursday", "next week",
 * core/plain-dates.ts readDueDate), read against the folder's `today`, and
 * never before it: New 1:1 creates the next 1:1, dated today, or later to
 * prepare it ahead. Returns {date} (and the words read) or {problem}, a
 * sentence saying why it is refused.
 */
export function readMeetingDate(input: string, today: string): { date: string; phrase?: string } | { problem: string } {
  const r = readDueDate(input, today, 'new 1:1');
  if ('problem' in r) return r;
  if (r.date < today) return { problem: vscode.l10n.t('{0} is before today ({1}): a new 1:1 is dated today, or later to prepare it ahead.', r.date, today) };
  return r;
}

/**
 * What New 1:1 will do with `date` for the person `key`, when it does not
 * simply create a note: the 1:1 of that date exists (it is opened), or one is
 * prepared for a later date (a second one is created before it). Undefined otherwise.
 */
export function meetingDateNote(folder: FolderIndex, key: string, date: string): string | undefined {
  const ds = folder.dataset;
  const dates = ds.query
    .notesOf(key)
    .flatMap(oneOnOnesOf)
    .map((o) => o.date)
    .filter((d): d is string => !!d && d >= ds.today)
    .sort();
  if (dates.includes(date)) return vscode.l10n.t('the 1:1 of {0} exists: Enter opens it', date);
  const ahead = dates.find((d) => d > date);
  return ahead ? vscode.l10n.t('one is prepared for {0} (type that date to open it)', ahead) : undefined;
}

/** The outcome of New 1:1: the file to show and where, and the notice its notification offers to undo. */
export interface NewOneOnOneResult {
  readonly uri: vscode.Uri;
  /** False: the next 1:1 existed already (or its path was taken) and was opened; nothing was written. */
  readonly created: boolean;
  readonly notice: CarryNotice | undefined;
}

/**
 * Plans the 1:1 with `key` dated `date` (YYYY-MM-DD, today or later: SPEC
 * §16's `--date`) from the folder's dataset and the editors' current text,
 * and applies it: one workspace edit (the new note or the log's
 * new meeting, `[>]` marks, the inbox emptied), the edited files saved, the
 * editor opened at the new empty action line. An existing 1:1 of that date
 * is opened instead; nothing is overwritten.
 */
export async function newOneOnOne(folder: FolderIndex, key: string, date: string, sync: (doc: vscode.TextDocument) => unknown): Promise<NewOneOnOneResult | undefined> {
  const ds = folder.dataset;
  const person = ds.query.peopleWithKey(key)[0];
  if (!person) return undefined;
  // The texts the plan reads and edits (the previous 1:1's file, a log, the person file):
  // an editor's unsaved text, else the disk's, and the dataset brought to exactly that text, so that
  // the plan's line numbers (from the dataset) and its lines (from these texts) agree.
  // Planned again until it asks for no file it was not given (the plan is pure and cheap).
  const texts = new Map<string, string>();
  let plan: NextOneOnOne | undefined;
  for (let round = 0; round < 3; round++) {
    const wanted = new Set<string>();
    plan = nextOneOnOne(ds, key, ds.today, {
      date,
      linesOf: (p) => {
        wanted.add(p);
        return texts.get(p)?.split('\n');
      },
    });
    if (plan?.kind === 'create') for (const p of plan.edits.keys()) wanted.add(p);
    const missing = [...wanted].filter((p) => !texts.has(p));
    if (!missing.length) break;
    for (const path of missing) {
      const uri = folder.uriOf(path);
      // Unsaved edits are the editor's; a saved document's truth is the disk (an
      // open document may not yet show a change written to the disk meanwhile).
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
      if (doc) {
        sync(doc);
        texts.set(path, lf(doc.getText()));
        continue;
      }
      const read = await folder.read(uri);
      if ('skip' in read) {
        // Deleted a moment ago (the watcher has not said so yet), or no longer readable: the
        // dataset is brought to the disk, and the next round plans without that file.
        if ((await folder.stat(uri)) === undefined) folder.deleted(path);
        else folder.apply(path, read);
        continue;
      }
      folder.apply(path, read);
      texts.set(path, lf(read.text));
    }
  }
  if (!plan) return undefined;
  if (plan.kind === 'unsafe-id') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: the id "{0}" cannot name the folder of its 1:1 notes (1on1s/{0}/): give the person file an id without "/", "\\" or ".."; nothing was written.', plan.id));
    return undefined;
  }
  if (plan.kind === 'exists') {
    const uri = folder.uriOf(plan.path);
    await reveal(uri, plan.line ?? 0);
    void vscode.window.showInformationMessage(
      plan.line !== undefined ? vscode.l10n.t('Cadence: the 1:1 of {0} is there already ({1}, line {2}); opened it.', date, plan.path, plan.line + 1) : vscode.l10n.t('Cadence: the 1:1 of {0} is there already ({1}); opened it.', date, plan.path),
    );
    return { uri, created: false, notice: undefined };
  }
  const uri = folder.uriOf(plan.path);
  if (plan.text !== undefined && (await exists(uri))) {
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: {0} already exists; opened it (nothing was overwritten).', plan.path));
    return { uri, created: false, notice: undefined };
  }
  const we = new vscode.WorkspaceEdit();
  if (plan.text !== undefined) we.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(plan.text) });
  const files: { uri: vscode.Uri; after: string; undo: UndoEdit[] }[] = [];
  for (const [path, edits] of plan.edits) {
    const before = texts.get(path);
    if (before === undefined) throw new Error(`could not read ${path}`);
    const u = folder.uriOf(path);
    we.set(u, edits.map((e) => toVsEdit(e)));
    files.push({ uri: u, ...undoEdits(before, edits) });
  }
  if (!(await vscode.workspace.applyEdit(we))) throw new Error(`could not write ${plan.path}`);
  // The edited files are saved, like the new note.
  for (const f of files) await vscode.workspace.textDocuments.find((d) => d.uri.toString() === f.uri.toString())?.save();
  await reveal(uri, plan.cursor.line, plan.cursor.character);
  const message = carryMessage(plan);
  const notice = message ? { message, created: plan.text !== undefined ? { uri, text: plan.text } : undefined, files } : undefined;
  return { uri, created: true, notice };
}

async function reveal(uri: vscode.Uri, line: number, character?: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const at = Math.min(line, editor.document.lineCount - 1);
  const pos = new vscode.Position(at, character ?? editor.document.lineAt(at).text.length);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Takes a New 1:1 back: the new note is deleted, and each edited file gets
 * back what the edit replaced (the boxes' states, the inbox's lines, the log
 * without its new meeting) — asking first when any of them changed since.
 * Where a file changed, only what still reads as New 1:1 wrote it is put
 * back. One workspace edit. 'gone': the new note was deleted already.
 */
export async function undoCarryOver(notice: CarryNotice): Promise<boolean | 'gone'> {
  if (notice.created && !(await exists(notice.created.uri))) return 'gone';
  const createdDoc = notice.created ? await Promise.resolve(vscode.workspace.openTextDocument(notice.created.uri)).then((d) => d, () => undefined) : undefined;
  const docs = await Promise.all(notice.files.map((f) => vscode.workspace.openTextDocument(f.uri)));
  const changed = [
    ...(createdDoc && notice.created && lf(createdDoc.getText()) !== notice.created.text ? [createdDoc] : []),
    ...docs.filter((d, i) => lf(d.getText()) !== notice.files[i].after),
  ];
  if (changed.length) {
    const names = changed.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
    const undoAnyway = vscode.l10n.t('Undo Anyway');
    const ok = await vscode.window.showWarningMessage(
      changed.length === 1
        ? vscode.l10n.t('{0} changed since New 1:1 wrote it. Undo anyway? The new note is deleted; elsewhere only what still reads as New 1:1 wrote it is put back.', names)
        : vscode.l10n.t('{0} changed since New 1:1 wrote them. Undo anyway? The new note is deleted; elsewhere only what still reads as New 1:1 wrote it is put back.', names),
      { modal: true },
      undoAnyway,
    );
    if (ok !== undoAnyway) return false;
  }
  const we = new vscode.WorkspaceEdit();
  notice.files.forEach((f, i) => {
    const doc = docs[i];
    const same = lf(doc.getText()) === f.after;
    for (const u of f.undo) {
      const range = new vscode.Range(u.range.start.line, u.range.start.character, u.range.end.line, u.range.end.character);
      // A changed file: a range is put back only when it still holds what was written (an insertion-only undo cannot be checked).
      if (same || (u.expect !== '' && lf(doc.getText(range)) === u.expect)) we.replace(f.uri, range, u.newText);
    }
  });
  if (notice.created) {
    if (createdDoc?.isDirty) {
      await vscode.window.showTextDocument(createdDoc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === notice.created.uri.toString()) await vscode.window.tabGroups.close(tab);
      }
    }
    we.deleteFile(notice.created.uri, { ignoreIfNotExists: true });
  }
  if (!(await vscode.workspace.applyEdit(we))) return false;
  for (const d of docs) if (d.isDirty) await d.save();
  return true;
}
