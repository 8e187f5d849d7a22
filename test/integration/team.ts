// Shared by the sample-team suites (trees, dashboard, pre-read): the full
// CadenceApi, and a reset that puts the workspace back to samples/team
// exactly. Other suites edit, create and delete files in the same workspace
// (the editor suite adds a 1:1 and forwards items; the diagnostics suite
// deletes the Q4 OKR file), and mocha runs the files in name order, so every
// sample-team suite starts from a known state instead of depending on order.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import type { FolderIndex } from '../../src/extension/folder-index';
import { activateCadence, EXTENSION_ID, waitFor, workspaceFolder } from './helpers';

export type { CadenceApi };

export const TODAY = '2026-11-22';

export function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...rel.split('/'));
}

export async function readText(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
}

export async function writeText(rel: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri(rel), new TextEncoder().encode(text));
}

export async function exists(rel: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri(rel));
    return true;
  } catch {
    return false;
  }
}

/** The extension's own copy of the sample team (the pristine source). */
function sampleRoot(): vscode.Uri {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return vscode.Uri.joinPath(ext.extensionUri, 'samples', 'team');
}

/** Every file under root, as '/' paths relative to it; dot folders skipped. */
async function listFiles(root: vscode.Uri, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(root)) {
    if (name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (type & vscode.FileType.Directory) out.push(...(await listFiles(vscode.Uri.joinPath(root, name), rel)));
    else out.push(rel);
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function inWorkspace(u: vscode.Uri): boolean {
  const root = workspaceFolder().uri;
  return u.scheme === root.scheme && u.path.startsWith(`${root.path.replace(/\/$/, '')}/`);
}

/** Activates Cadence on the sample team and returns the full API. */
export async function teamApi(): Promise<CadenceApi> {
  assert.equal(process.env.CADENCE_TODAY, TODAY, 'the sample-team suites are written for today = 2026-11-22');
  return (await activateCadence()) as unknown as CadenceApi;
}

/**
 * Puts the workspace back to samples/team byte for byte (expected.json, which
 * the runner adds, stays), drops unsaved edits, closes the editors, turns
 * screen-share mode off and re-reads everything.
 */
export async function resetTeam(api: CadenceApi): Promise<void> {
  for (const d of vscode.workspace.textDocuments) {
    if (!d.isDirty || !inWorkspace(d.uri)) continue;
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const src = sampleRoot();
  const root = workspaceFolder().uri;
  const want = await listFiles(src);
  const wanted = new Set(want);
  for (const rel of await listFiles(root)) {
    if (rel !== 'expected.json' && !wanted.has(rel)) await vscode.workspace.fs.delete(uri(rel));
  }
  for (const rel of want) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(src, ...rel.split('/')));
    let current: Uint8Array | undefined;
    try {
      current = await vscode.workspace.fs.readFile(uri(rel));
    } catch {
      current = undefined;
    }
    if (!current || !sameBytes(current, bytes)) await vscode.workspace.fs.writeFile(uri(rel), bytes);
  }
  if (api.state.screenShare()) await vscode.commands.executeCommand('cadence.toggleScreenShare');
  await api.workspace.reindexNow();
  // 1:1 notes: alex 10 + jordan 8 + priya 7 + sam 7 + ines 3 = 35, and
  // Morgan's log; people 7; OKR sets 2; reviews 1: 46 Cadence files
  // (README.md and EXPECTED.md are not).
  await waitForIndex(api, 'the sample team (46 files)', (f) => f.dataset.size === 46);
}

/** The one workspace folder's index. */
export function folderOf(api: CadenceApi): FolderIndex {
  const f = api.workspace.folders.get(workspaceFolder().uri.toString());
  assert.ok(f, 'the workspace folder is not indexed');
  return f;
}

/** Polls until `check` holds for the workspace folder's index. */
export async function waitForIndex(api: CadenceApi, what: string, check: (f: FolderIndex) => boolean, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    () => {
      const f = api.workspace.folders.get(workspaceFolder().uri.toString());
      return !!f && check(f);
    },
    timeoutMs,
    () => `the index did not see ${what} within ${timeoutMs / 1000} s`,
  );
}
