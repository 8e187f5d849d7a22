// The status bar: overdue action items and lapsed 1:1s; a click lists them.

import * as vscode from 'vscode';
import { cadenceStatus, personFigures } from '../core/metrics';
import { displayName, personLabel } from '../core/people';
import type { Feature } from './feature';
import type { CadenceWorkspace } from './workspace-index';
import { hasActionItems } from '../core/kinds';
import { itemOwner, itemWords } from '../core/owners';

interface Problem extends vscode.QuickPickItem {
  uri: vscode.Uri;
  line: number;
}

export function attention(ws: CadenceWorkspace): { overdue: Problem[]; lapsed: Problem[] } {
  const overdue: Problem[] = [];
  const lapsed: Problem[] = [];
  for (const f of ws.folders.values()) {
    const ds = f.dataset;
    for (const d of ds.docs()) {
      if (hasActionItems(d)) {
        for (const i of d.items) {
          if (i.status === 'open' && i.due?.value && i.due.value < ds.today) {
            const owner = itemOwner(i, ds.query);
            overdue.push({ label: `$(warning) ${itemWords(i, ds.query) || vscode.l10n.t('(no text)')}`, description: `${vscode.l10n.t('due {0}', i.due.value)}${owner ? ` · ${personLabel(ds.query, owner)}` : ''}`, detail: d.path, uri: f.uriOf(d.path), line: i.line });
          }
        }
      }
    }
    const ctx = ds.context();
    for (const p of ds.people()) {
      const fig = personFigures(ctx, p);
      if (fig.status === 'lapsed') {
        lapsed.push({ label: `$(history) ${displayName(p)}`, description: fig.lastOneOnOne ? vscode.l10n.t('last 1:1 {0}', fig.lastOneOnOne) : vscode.l10n.t('no 1:1 yet'), detail: p.path, uri: f.uriOf(p.path), line: p.cadenceField?.range.start.line ?? 0 });
      }
    }
  }
  overdue.sort((a, b) => (a.description ?? '').localeCompare(b.description ?? ''));
  return { overdue, lapsed };
}

/**
 * The counts alone, from the files' summaries and the people's documents: no
 * 1:1 note is decoded, so after a warm start the item costs next to nothing.
 * attention() lists the same items (a test holds the two together).
 */
export function counts(ws: CadenceWorkspace): { overdue: number; lapsed: number } {
  let overdue = 0;
  let lapsed = 0;
  for (const f of ws.folders.values()) {
    const ds = f.dataset;
    overdue += ds.overdueCount();
    const ctx = ds.context();
    for (const p of ds.people()) if (cadenceStatus(ctx, p).status === 'lapsed') lapsed++;
  }
  return { overdue, lapsed };
}

/** The status bar's counts as a sentence for screen readers: "2 overdue action items, 1 lapsed 1:1. Press to list them." */
export function accessibleCounts(overdue: number, lapsed: number): string {
  const items = overdue === 1 ? vscode.l10n.t('1 overdue action item') : vscode.l10n.t('{0} overdue action items', overdue);
  const ones = lapsed === 1 ? vscode.l10n.t('1 lapsed 1:1') : vscode.l10n.t('{0} lapsed 1:1s', lapsed);
  return vscode.l10n.t('Cadence: {0}, {1}. Press to list them.', items, ones);
}

/** At most this often the item is redrawn while the index fills or files change. */
const UPDATE_MS = 200;

/** "Cadence: indexing 4,210 of 10,161", in the display language's digits; "Cadence: indexing…" before the files are listed. */
export function indexingText(p: { readonly done: number; readonly total: number | undefined }): string {
  if (p.total === undefined) return vscode.l10n.t('Cadence: indexing…');
  const n = (x: number) => x.toLocaleString(vscode.env.language);
  return vscode.l10n.t('Cadence: indexing {0} of {1}', n(p.done), n(p.total));
}

export const statusBarFeature: Feature = {
  activate(context, { workspace, api }) {
    const item = vscode.window.createStatusBarItem('cadence.attention', vscode.StatusBarAlignment.Left, 50);
    api.statusBarText = () => item.text;
    api.statusBarAccessibility = () => item.accessibilityInformation?.label ?? '';
    item.name = 'Cadence';
    item.command = 'cadence.showAttention';
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const update = () => {
      clearTimeout(timer);
      timer = undefined;
      last = Date.now();
      const progress = workspace.progress();
      if (progress && vscode.workspace.workspaceFolders?.length) {
        // Never a partial count as if it were final: while the index fills, say so.
        const words = indexingText(progress);
        item.text = `$(sync~spin) ${words}`;
        item.tooltip = vscode.l10n.t('Cadence is reading your notes; the overdue and lapsed counts follow when it is done');
        item.accessibilityInformation = { label: words, role: 'button' };
        item.show();
        return;
      }
      const { overdue, lapsed } = counts(workspace);
      item.text = `$(checklist) ${vscode.l10n.t('{0} overdue · {1} lapsed', overdue, lapsed)}`;
      item.tooltip = vscode.l10n.t('Cadence: overdue action items and lapsed 1:1s — click to list them');
      // What a screen reader says: words, not the icon and the middle dot.
      item.accessibilityInformation = { label: accessibleCounts(overdue, lapsed), role: 'button' };
      if (overdue || lapsed || workspace.folders.size) item.show();
      else item.hide();
    };
    // At most one update per UPDATE_MS while changes keep coming, the first
    // at once: a timer that restarted on every change kept an old count up
    // for as long as the changes lasted (issue 22).
    const soon = () => {
      if (timer === undefined) timer = setTimeout(update, Math.max(0, last + UPDATE_MS - Date.now()));
    };
    /** What the item says in kind: the counts, indexing before the total is known, or indexing of a total. */
    let shownKind = 'counts';
    context.subscriptions.push(
      item,
      { dispose: () => clearTimeout(timer) },
      workspace.onDidChangeProgress((p) => {
        // At once when what it says changes in kind: "indexing" the moment an
        // index starts (the counts it showed are being replaced), the total
        // the moment it is known, the counts the moment the index is shown.
        const kind = p ? `indexing of ${p.total}` : 'counts';
        if (kind !== shownKind) {
          shownKind = kind;
          update();
        } else soon();
      }),
      workspace.onDidChange(soon),
      vscode.commands.registerCommand('cadence.showAttention', async () => {
        const { overdue, lapsed } = attention(workspace);
        const items: (Problem | vscode.QuickPickItem)[] = [
          { label: vscode.l10n.t('Lapsed 1:1s'), kind: vscode.QuickPickItemKind.Separator },
          ...lapsed,
          { label: vscode.l10n.t('Overdue action items'), kind: vscode.QuickPickItemKind.Separator },
          ...overdue,
        ];
        if (!overdue.length && !lapsed.length) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Cadence: nothing overdue and no lapsed 1:1s.'));
          return;
        }
        const picked = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Cadence: needs attention'), matchOnDescription: true })) as Problem | undefined;
        if (picked?.uri) {
          const editor = await vscode.window.showTextDocument(picked.uri);
          const p = new vscode.Position(picked.line, 0);
          editor.selection = new vscode.Selection(p, p);
          editor.revealRange(new vscode.Range(p, p), vscode.TextEditorRevealType.InCenter);
        }
      }),
    );
  },
};
