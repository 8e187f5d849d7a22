// Applying core edits in VS Code: always one WorkspaceEdit, so one undo step.

import * as vscode from 'vscode';
import { isValidDate } from '../core/dates';
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
    { label: '@me', description: 'you, the manager', id: 'me' },
    ...people.filter((p) => !p.me).map((p) => ({ label: `@${p.id}`, description: p.name, detail: p.role, id: p.id })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: prompt, placeHolder: 'Type a name or id', matchOnDescription: true, matchOnDetail: true });
  return picked?.id;
}

/** Why a typed date is refused, or undefined when it is fine. */
export function dateProblem(value: string): string | undefined {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'Write the date as YYYY-MM-DD, e.g. 2026-12-01.';
  if (!isValidDate(v)) return `${v} is not a real date (check the month and the day).`;
  return undefined;
}

export async function askDate(prompt: string, value?: string): Promise<string | undefined> {
  const v = await vscode.window.showInputBox({ title: prompt, prompt: 'YYYY-MM-DD', value, validateInput: dateProblem });
  return v?.trim();
}

/** Gets the value a fix asks for; undefined when the user cancels. */
export async function askFor(folder: FolderIndex, ask: NonNullable<Fix['ask']>): Promise<string | undefined> {
  if (ask.kind === 'person') return pickPerson(folder, ask.prompt);
  if (ask.kind === 'date') return askDate(ask.prompt);
  const v = await vscode.window.showInputBox({ title: ask.prompt, validateInput: (s) => (s.trim() ? undefined : 'Type some text, or press Escape to cancel.') });
  return v?.trim();
}
