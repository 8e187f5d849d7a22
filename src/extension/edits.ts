// Applying core edits in VS Code: always one WorkspaceEdit, so one undo step.

import * as vscode from 'vscode';
import { readDueDate } from '../core/plain-dates';
import type { Fix, TextEdit } from '../core/types';
import { toVsEdit } from './adapter';
import type { FolderIndex } from './folder-index';

export async function applyCoreEdits(uri: vscode.Uri, edits: readonly TextEdit[]): Promise<boolean> {
  const we = new vscode.WorkspaceEdit();
  we.set(uri, edits.map((e) => toVsEdit(e)));
  return vscode.workspace.applyEdit(we);
}

/** Asks for a person: everyone in the dataset, `me` first. */
export async function pickPerson(folder: FolderIndex, prompt: string): Promise<string | undefined> {
  const people = folder.dataset.people();
  const items: (vscode.QuickPickItem & { id: string })[] = [
    { label: '@me', description: vscode.l10n.t('you, the manager'), id: 'me' }, // l10n-exempt: @me is the token
    ...people.filter((p) => !p.me).map((p) => ({ label: `@${p.id}`, description: p.name, detail: p.role, id: p.id })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: prompt, placeHolder: vscode.l10n.t('Type a name or id'), matchOnDescription: true, matchOnDetail: true });
  return picked?.id;
}

/** A typed date as read: the day, and the words when it was written in words; or why it is refused. */
export type ReadDate = { date: string; phrase?: string } | { problem: string };

/**
 * Asks for a date; returns it as YYYY-MM-DD (undefined when cancelled).
 * `YYYY-MM-DD`, or plain English read against the folder's `today` ("next
 * friday", "by Dec 5", "in two weeks"; core/plain-dates.ts readDueDate): the
 * box shows the day the words mean as they are typed. `options.read` reads
 * the box instead (a narrower rule, its own refusals); `options.note` is an
 * information shown under an accepted date (what Enter will do with it).
 */
export async function askDate(
  prompt: string,
  today: string,
  value?: string,
  options: { read?: (input: string) => ReadDate; note?: (date: string) => string | undefined } = {},
): Promise<string | undefined> {
  const read = options.read ?? ((s: string) => readDueDate(s, today));
  const v = await vscode.window.showInputBox({
    title: prompt,
    prompt: vscode.l10n.t('YYYY-MM-DD, or in words: tomorrow, Friday, next week, Dec 5, in two weeks, end of month'),
    value,
    validateInput: (s) => {
      const r = read(s);
      if ('problem' in r) return s.trim() ? r.problem : vscode.l10n.t('Type a date, or press Escape to cancel.');
      // Words: say which day they mean (an information, not an error: Enter takes it).
      const said = [r.phrase ? vscode.l10n.t('{0}: {1}', r.phrase, r.date) : '', options.note?.(r.date) ?? ''].filter(Boolean).join(' — ');
      return said ? { message: said, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (v === undefined) return undefined;
  const r = read(v);
  return 'date' in r ? r.date : undefined;
}

/** Gets the value a fix asks for; undefined when the user cancels. */
export async function askFor(folder: FolderIndex, ask: NonNullable<Fix['ask']>): Promise<string | undefined> {
  if (ask.kind === 'person') return pickPerson(folder, ask.prompt);
  if (ask.kind === 'date') return askDate(ask.prompt, folder.dataset.today);
  const v = await vscode.window.showInputBox({ title: ask.prompt, validateInput: (s) => (s.trim() ? undefined : vscode.l10n.t('Type some text, or press Escape to cancel.')) });
  return v?.trim();
}
