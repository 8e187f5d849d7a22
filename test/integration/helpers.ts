// Helpers for the integration suite: start the extension, read the fixture's
// expected.json, turn VS Code diagnostics into comparable rows, and poll
// (diagnostics are published debounced, so a test waits for a state with a
// deadline instead of sleeping a fixed time).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cadence-team.cadence';

/** What the extension's activate() returns (see src/extension/extension.ts). */
export interface CadenceApi {
  whenIndexed(): Promise<void>;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One diagnostic as expected.json writes it; a null line matches any line. */
export interface Row {
  file: string;
  line: number | null;
  severity: Severity;
  code: string;
}

export interface Expected {
  today?: string;
  diagnostics: Row[];
}

export function readExpected(): Expected {
  // Required here, not imported: the web worker host's suite (test/web) shares these helpers and has no node:fs.
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const file = process.env.CADENCE_TEST_EXPECTED ?? vscode.Uri.joinPath(workspaceFolder().uri, 'expected.json').fsPath;
  return JSON.parse(readFileSync(file, 'utf8')) as Expected;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length !== 1) {
    throw new Error(`the suite needs exactly one workspace folder, got ${folders?.length ?? 0}`);
  }
  return folders[0];
}

/** Activates Cadence and waits until its first index is done and diagnostics are out. */
export async function activateCadence(timeoutMs = 60_000): Promise<CadenceApi> {
  const ext = vscode.extensions.getExtension<CadenceApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  if (!api || typeof api.whenIndexed !== 'function') {
    throw new Error(`${EXTENSION_ID}.activate() did not return { whenIndexed() }`);
  }
  await withTimeout(api.whenIndexed(), timeoutMs, `whenIndexed() did not resolve within ${timeoutMs / 1000} s`);
  return api;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** A diagnostic's code as a string, whatever shape it has. */
export function codeOf(d: vscode.Diagnostic): string {
  if (d.code === undefined) return '(no code)';
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function relativePath(uri: vscode.Uri): string | undefined {
  const root = workspaceFolder().uri;
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
}

/** Every diagnostic on a file inside the workspace folder, from any source. */
export function workspaceDiagnostics(): Array<{ file: string; uri: vscode.Uri; diagnostic: vscode.Diagnostic }> {
  const out: Array<{ file: string; uri: vscode.Uri; diagnostic: vscode.Diagnostic }> = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const file = relativePath(uri);
    if (file === undefined) continue;
    for (const diagnostic of diagnostics) out.push({ file, uri, diagnostic });
  }
  return out;
}

/** The workspace's diagnostics as rows; a foreign source is shown in the code so it stands out in a diff. */
export function actualRows(): Row[] {
  return workspaceDiagnostics().map(({ file, diagnostic }) => ({
    file,
    line: diagnostic.range.start.line + 1,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.source === 'cadence' ? codeOf(diagnostic) : `${codeOf(diagnostic)} [source ${diagnostic.source ?? 'none'}]`,
  }));
}

export function formatRow(r: Row): string {
  return `${r.file}:${r.line ?? '*'} ${r.severity} ${r.code}`;
}

function compareRows(a: Row, b: Row): number {
  const key = (r: Row) => [r.file, String(r.line ?? 0).padStart(6, '0'), r.code, r.severity].join('\u0000');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/**
 * Multiset difference between expected and actual rows. Rows with a line are
 * matched first, then null-line rows take any remaining row with the same
 * file, severity and code.
 */
export function diffRows(expected: Row[], actual: Row[]): { missing: Row[]; unexpected: Row[] } {
  const remaining = [...actual].sort(compareRows);
  const missing: Row[] = [];
  const take = (pred: (r: Row) => boolean) => {
    const i = remaining.findIndex(pred);
    if (i < 0) return false;
    remaining.splice(i, 1);
    return true;
  };
  const exact = expected.filter((e) => e.line !== null);
  const anyLine = expected.filter((e) => e.line === null);
  for (const e of exact) {
    if (!take((a) => a.file === e.file && a.line === e.line && a.severity === e.severity && a.code === e.code)) {
      missing.push(e);
    }
  }
  for (const e of anyLine) {
    if (!take((a) => a.file === e.file && a.severity === e.severity && a.code === e.code)) missing.push(e);
  }
  return { missing: missing.sort(compareRows), unexpected: remaining };
}

export function describeDiff(diff: { missing: Row[]; unexpected: Row[] }): string {
  const parts: string[] = [];
  if (diff.missing.length) parts.push(`missing:\n${diff.missing.map((r) => `  - ${formatRow(r)}`).join('\n')}`);
  if (diff.unexpected.length) parts.push(`unexpected:\n${diff.unexpected.map((r) => `  + ${formatRow(r)}`).join('\n')}`);
  return parts.join('\n');
}

/**
 * Polls until the workspace's diagnostics are exactly `expected`; on timeout
 * fails with what was missing and what was extra at the last look.
 */
export async function waitForDiagnostics(expected: Row[], what: string, timeoutMs = 20_000): Promise<void> {
  let last = '';
  await waitFor(
    () => {
      const diff = diffRows(expected, actualRows());
      last = describeDiff(diff);
      return diff.missing.length === 0 && diff.unexpected.length === 0;
    },
    timeoutMs,
    () => `${what}: diagnostics still differ after ${timeoutMs / 1000} s\n${last}`,
  );
}

/** Polls condition every 100 ms until it holds, or fails with message() after timeoutMs. */
export async function waitFor(condition: () => boolean, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return;
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The quick fixes at `range`, asked for again until one is `wanted` or
 * `timeoutMs` passes (then the last answer): a request carries the
 * diagnostics VS Code's window holds, which reach it a moment after the
 * extension host publishes them (longer from the web worker host).
 */
export async function quickFixesUntil(uri: vscode.Uri, range: vscode.Range, wanted: (a: vscode.CodeAction) => boolean, timeoutMs = 20_000): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    if (actions.some(wanted) || Date.now() > deadline) return actions;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Drops every unsaved edit (each file back as it is on disk) and closes the editors. */
export async function revertAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) {
    if (!d.isDirty) continue;
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Undoes everything since `before` (a few steps at most) in the editor's document and checks the text is as it was. */
export async function undoTo(editor: vscode.TextEditor, before: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  for (let i = 0; i < 6 && editor.document.getText() !== before; i++) await vscode.commands.executeCommand('undo');
  if (editor.document.getText() !== before) throw new Error(`undo did not restore ${editor.document.uri.path}`);
}

/** Hover contents as plain text (MarkdownString.appendText escapes punctuation). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\(.)/g, '$1');
}

/**
 * Answers the input box a running command opens, as a person does: 'accept'
 * presses Enter on what the box shows (its default), 'escape' closes it. The
 * key is pressed again until the command returns (a key pressed before the
 * box is open does nothing), so no wait is a guess at how long the box takes
 * to open. Returns what the command returned.
 */
export async function answerPrompt<T>(running: Thenable<T>, answer: 'accept' | 'escape', timeoutMs = 30_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(running).finally(() => (settled = true));
  const command = answer === 'accept' ? 'workbench.action.acceptSelectedQuickOpenItem' : 'workbench.action.closeQuickOpen';
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`the command did not return within ${timeoutMs / 1000} s of answering its prompt (${answer})`);
    await vscode.commands.executeCommand(command);
    await Promise.race([result.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 200))]);
  }
  return result;
}
