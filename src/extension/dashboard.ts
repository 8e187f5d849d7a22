// The dashboard panel: a CSP'd webview (no remote content, one nonce'd
// script), a typed protocol with a ready handshake, live data, and the
// board's status edits applied as one undoable WorkspaceEdit each.

import * as vscode from 'vscode';
import { setStatus } from '../core/actions/okr-edits';
import { dashboardData, type DashboardData } from '../core/dashboard-data';
import { isFromWebview, type FromWebview, type ToWebview } from '../webview/protocol';
import { dashboardShell } from '../webview/shell';
import { Disposable, toDisposable } from './dispose';
import { applyCoreEdits } from './edits';
import { peopleOrder } from './config';
import type { Feature, Services } from './feature';
import type { FolderIndex } from './folder-index';

const VIEW_TYPE = 'cadence.dashboard';

function nonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  // btoa, not Buffer: the browser build (vscode.dev) has no Buffer.
  return btoa(String.fromCharCode(...bytes)).replace(/[^A-Za-z0-9]/g, '');
}

export function dashboardHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return dashboardShell({
    loading: vscode.l10n.t('Loading your team…'),
    lang: vscode.env.language,
    strings: vscode.l10n.bundle ?? {},
    cspSource: webview.cspSource,
    nonce: nonce(),
    script: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    styles: [webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dashboard.css')).toString()],
  });
}

/** One open dashboard panel; it owns its listeners and timer (a reopened panel is a new Dashboard). */
export class Dashboard extends Disposable {
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last data posted (the integration tests read it). */
  lastPosted: DashboardData | undefined;
  /** How many `data` messages were posted (the integration tests read it: a board move posts one). */
  dataPosts = 0;
  private readonly readyWaiters: (() => void)[] = [];
  /** The number of the page's last board move handled (said with each `data`: webview/pending.ts); 0 since the page last said `ready`. */
  private settled = 0;
  /** Board moves, one at a time and in the page's order: each edits and saves the OKR file. */
  private moving: Promise<void> = Promise.resolve();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    extensionUri: vscode.Uri,
    private readonly onDispose: () => void,
  ) {
    super();
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
    panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'media', 'cadence-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'cadence-dark.svg') };
    panel.webview.html = dashboardHtml(panel.webview, extensionUri);
    this._register(toDisposable(() => clearTimeout(this.timer)));
    this._register(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(services.workspace.onDidChange(() => this.schedule()));
    this._register(services.state.onDidChange(() => this.post({ type: 'screenShare', on: services.state.screenShare() })));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cadence.reportsOrder')) this.schedule();
      }),
    );
  }

  /** The number of the page's last board move handled, as the last `data` said (0 before any, or since the page last said `ready`). */
  get movesSettled(): number {
    return this.settled;
  }

  /**
   * A message from the page (what the webview's `onDidReceiveMessage`
   * gets): anything outside the protocol (webview/protocol.ts) is ignored,
   * said in the log.
   * Resolves once it is handled: a board move once its edit is made (or
   * refused), saved, and the data that holds it posted; a move that fails
   * is said in the log, not thrown.
   */
  receive(m: unknown): Promise<void> {
    if (isFromWebview(m)) return this.handle(m);
    this.services.log.warn('Dashboard: ignored a malformed message', m);
    return Promise.resolve();
  }

  /** Resolves once the webview has said `ready` and received its first data. */
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((r) => this.readyWaiters.push(r));
  }

  private folder(): FolderIndex | undefined {
    return this.services.workspace.activeFolder();
  }

  private post(m: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.sendData(), 250);
  }

  sendData(): void {
    const f = this.folder();
    if (!f || !this.ready) return;
    this.lastPosted = dashboardData(f.dataset, { peopleOrder: peopleOrder() });
    this.dataPosts++;
    this.post({ type: 'data', data: this.lastPosted, moves: this.settled });
  }

  private async handle(m: FromWebview): Promise<void> {
    const f = this.folder();
    switch (m.type) {
      case 'ready':
        // A new page (first open, or reloaded): it numbers its moves from 1 again.
        this.ready = true;
        this.settled = 0;
        this.post({ type: 'screenShare', on: this.services.state.screenShare() });
        this.sendData();
        this.readyWaiters.splice(0).forEach((r) => r());
        return;
      case 'open':
        if (f) await vscode.commands.executeCommand('cadence.openLocation', f.uriOf(m.at.path), m.at.line);
        return;
      case 'toggleScreenShare':
        await vscode.commands.executeCommand('cadence.toggleScreenShare');
        return;
      case 'prepareReviewPacket':
        // The person card's link: the command asks for the period.
        await vscode.commands.executeCommand('cadence.prepareReviewPacket', { personId: m.person });
        return;
      case 'setStatus': {
        const turn = this.moving.then(async () => {
          try {
            // The folder as it is when the move's turn comes (a re-index may have replaced it).
            const folder = this.folder();
            if (folder) await this.moveKeyResult(folder, m);
          } finally {
            // Made or refused, the data now says so: the page may stop showing its own guess.
            if (m.move !== undefined) this.settled = m.move;
            if (!this.isDisposed) {
              clearTimeout(this.timer);
              this.sendData();
            }
          }
        });
        this.moving = turn.catch((e: unknown) => this.services.log.error(`Dashboard: moving a key result failed: ${e instanceof Error ? e.message : String(e)}`));
        return this.moving;
      }
      case 'error':
        this.services.log.error(`Dashboard: ${m.message}`);
        return;
    }
  }

  /** The board's drag: `status:` of one key result, as one undoable edit. */
  async moveKeyResult(f: FolderIndex, m: Extract<FromWebview, { type: 'setStatus' }>): Promise<boolean> {
    const set = f.dataset.okrSets().find((s) => s.id === m.set);
    const kr = set?.objectives[m.objectiveIndex]?.keyResults[m.index];
    if (!set || !kr) {
      // The move's turn posts the data that puts the card back (handle: setStatus), with the move's number.
      void vscode.window.showWarningMessage(vscode.l10n.t('Cadence: that key result changed since the board was drawn; nothing was edited.'));
      return false;
    }
    const uri = f.uriOf(set.path);
    const doc = await vscode.workspace.openTextDocument(uri);
    const synced = this.services.workspace.sync(doc);
    const fresh = synced?.model.kind === 'okr' ? synced.model.objectives[m.objectiveIndex]?.keyResults[m.index] : undefined;
    if (!fresh || fresh.id !== kr.id) return false;
    const ok = await applyCoreEdits(uri, setStatus(fresh, doc.getText().replace(/\r\n?/g, '\n').split('\n'), m.status));
    // The dataset takes the edit now, not after the typing pause: the next data must hold it.
    if (ok) this.services.workspace.sync(doc);
    if (ok && !doc.isDirty) return ok;
    // Saved like the user would: the OKR file on disk says what the board shows.
    if (ok) await doc.save();
    return ok;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.onDispose();
  }
}

/** The tab of a dashboard VS Code restored after a reload but has not revived yet (it revives a hidden webview only when shown). */
export function restoredDashboardTab(): vscode.Tab | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      // The webview's viewType is reported with a prefix of VS Code's own (`mainThreadWebview-cadence.dashboard`).
      if (tab.input instanceof vscode.TabInputWebview && (tab.input.viewType === VIEW_TYPE || tab.input.viewType.endsWith(`-${VIEW_TYPE}`))) return tab;
    }
  }
  return undefined;
}

const FOCUS_GROUP = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'].map((n) => `workbench.action.focus${n}EditorGroup`);

/** Shows a tab (and so has VS Code revive its webview through the serializer). */
async function showTab(tab: vscode.Tab): Promise<void> {
  const column = tab.group.viewColumn;
  if (column >= 1 && column <= FOCUS_GROUP.length) await vscode.commands.executeCommand(FOCUS_GROUP[column - 1]);
  const index = tab.group.tabs.indexOf(tab);
  if (index >= 0) await vscode.commands.executeCommand('workbench.action.openEditorAtIndex', index);
}

export const dashboardFeature: Feature = {
  activate(context, services) {
    let current: Dashboard | undefined;
    let revived: (() => void) | undefined;
    const open = (panel: vscode.WebviewPanel) => {
      current = new Dashboard(panel, services, context.extensionUri, () => (current = undefined));
      services.api.dashboard = () => current;
      revived?.();
      return current;
    };
    services.api.dashboard = () => current;
    context.subscriptions.push(
      { dispose: () => current?.panel.dispose() },
      vscode.commands.registerCommand('cadence.openDashboard', async () => {
        // After a reload the restored tab may not be revived yet: show it rather than open a second one.
        const tab = current ? undefined : restoredDashboardTab();
        if (tab) {
          const back = new Promise<void>((r) => (revived = r));
          await showTab(tab);
          await Promise.race([back, new Promise((r) => setTimeout(r, 10_000))]);
          revived = undefined;
        }
        if (current) {
          current.panel.reveal();
          return current;
        }
        const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Cadence Dashboard'), vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: false });
        return open(panel);
      }),
      // Restores the panel after a reload; the webview restores its own tab and set.
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
          open(panel);
        },
      }),
    );
  },
};
