// Prepare Review Packet… (SPEC §14): asks for a person and a period, writes
// the Markdown packet to reviews/<person>-<to>.md (opens the file instead
// when it exists: never overwrites) and shows it beside its preview. Every
// evidence line links to its note and line, which the Markdown extension
// opens at that line. A packet is a Cadence file (its own kind), so in
// screen-share mode the preview plugin (preview.ts) masks it like any note.

import * as vscode from 'vscode';
import { cadenceOf } from '../core/metrics';
import { buildReviewPacket, packetPath, packetPerson, periodPresets, reviewPeriod, type ReviewPeriod } from '../core/review-packet';
import { reviewPacketMarkdown } from '../core/review-packet-md';
import { exists } from './commands';
import { displayName } from '../core/people';
import { askDate, pickPerson } from './edits';
import type { Feature } from './feature';
import type { FolderIndex } from './folder-index';

/** What the command may be given (the dashboard, tests): else it asks. */
export interface PrepareArgs {
  readonly personId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** Its result, for tests: the packet's file, and whether it was written now. */
export interface PrepareResult {
  readonly uri: vscode.Uri;
  readonly created: boolean;
}

async function askPeriod(folder: FolderIndex, personId: string): Promise<ReviewPeriod | undefined> {
  const person = packetPerson(folder.dataset, personId)!;
  const today = folder.dataset.today;
  const presets = periodPresets(folder.dataset, person, today);
  const custom = { label: vscode.l10n.t('Other period…'), detail: vscode.l10n.t('Type the first and the last day'), from: '', to: '' };
  const picked = await vscode.window.showQuickPick([...presets, custom], { title: vscode.l10n.t('Review packet for {0}: which period?', displayName(person)), matchOnDetail: true });
  if (!picked) return undefined;
  if (picked !== custom) return { from: picked.from, to: picked.to };
  const from = await askDate(vscode.l10n.t('First day of the period'), reviewPeriod(today)!.from);
  if (!from) return undefined;
  const to = await askDate(vscode.l10n.t('Last day of the period'), today);
  if (!to) return undefined;
  const p = reviewPeriod(today, to, from);
  if (!p) void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: {0} is after {1}; the period must run forwards.', from, to));
  return p;
}

export const reviewPacketFeature: Feature = {
  activate(context, { workspace: ws }) {

    context.subscriptions.push(
      vscode.commands.registerCommand('cadence.prepareReviewPacket', async (arg?: string | PrepareArgs): Promise<PrepareResult | undefined> => {
        const args: PrepareArgs = typeof arg === 'string' ? { personId: arg } : (arg ?? {});
        await ws.whenIndexed();
        const folder = ws.activeFolder();
        if (!folder) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: open a folder of 1:1 notes first (File → Open Folder…).'));
          return undefined;
        }
        if (!folder.dataset.people().length) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: there are no people yet. Run "Cadence: Add Person…" first.'));
          return undefined;
        }
        const id = args.personId ?? (await pickPerson(folder, vscode.l10n.t('Review packet for…')));
        if (!id) return undefined;
        ws.flushTyping();
        const person = packetPerson(folder.dataset, id);
        if (!person) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: no person file for "{0}".', id));
          return undefined;
        }
        const today = folder.dataset.today;
        const period = args.from || args.to ? reviewPeriod(today, args.to, args.from) : await askPeriod(folder, person.id);
        if (!period) return undefined;
        const path = packetPath(person, period.to);
        const uri = folder.uriOf(path);
        let created = false;
        if (await exists(uri)) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: {0} already exists; opened it (nothing was overwritten).', path));
        } else {
          const packet = buildReviewPacket(folder.dataset, person.id, period, today)!;
          const depth = path.split('/').length - 1;
          const text = reviewPacketMarkdown(packet, { name: displayName(person), cadenceDays: cadenceOf(person, folder.dataset.settings), linkBase: '../'.repeat(depth) });
          const we = new vscode.WorkspaceEdit();
          we.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
          if (!(await vscode.workspace.applyEdit(we))) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Cadence: could not create {0}.', path));
            return undefined;
          }
          created = true;
        }
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
        // The preview beside, the packet's text in focus: the preview takes the
        // focus when its webview is up, so wait for its tab (a few seconds at most).
        const previewUp = () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)));
        for (let i = 0; i < 30 && !previewUp(); i++) await new Promise((r) => setTimeout(r, 100));
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
        return { uri, created };
      }),
    );
  },
};
