// UI state that outlives a reload: screen-share mode (names, ratings and note
// text hidden in the trees and blurred in the dashboard, for OKR meetings on
// a shared screen).

import * as vscode from 'vscode';

const KEY = 'cadence.screenShare';

export class UiState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    void vscode.commands.executeCommand('setContext', KEY, this.screenShare());
  }

  screenShare(): boolean {
    return this.memento.get<boolean>(KEY, false);
  }

  async setScreenShare(on: boolean): Promise<void> {
    await this.memento.update(KEY, on);
    await vscode.commands.executeCommand('setContext', KEY, on);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
