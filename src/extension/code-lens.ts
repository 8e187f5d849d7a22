// CodeLens: each key result's score, confidence and status with "Check in…";
// a 1:1's action-items heading with open and carried-over counts.

import * as vscode from 'vscode';
import { confidenceWords, krScoreWords, noStatusWords } from '../core/format';
import { oneOnOnesOf } from '../core/meetings';
import { Disposable } from './dispose';
import type { Feature } from './feature';
import type { CadenceWorkspace } from './workspace-index';

class Provider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly ws: CadenceWorkspace) {
    super();
    this._register(ws.onDidChange(() => this.changed.fire()));
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const synced = this.ws.sync(doc);
    if (!synced) return [];
    const { model } = synced;
    const out: vscode.CodeLens[] = [];
    if (model.kind === 'okr') {
      for (const o of model.objectives) {
        for (const kr of o.keyResults) {
          const r = new vscode.Range(kr.firstLine.start.line, 0, kr.firstLine.start.line, 0);
          const bits = [vscode.l10n.t('score {0}', krScoreWords(kr)), kr.confidence !== undefined ? vscode.l10n.t('confidence {0}', confidenceWords(kr.confidence)) : undefined, kr.status ?? noStatusWords()].filter(Boolean).join(' · ');
          out.push(new vscode.CodeLens(r, { title: bits, command: '' }));
          out.push(new vscode.CodeLens(r, { title: vscode.l10n.t('Check in…'), command: 'cadence.checkInKeyResult', arguments: [doc.uri, o.index, kr.index] }));
        }
      }
    } else if (model.kind === '1on1' && model.log) {
      // One lens per meeting heading: its open action items and open talking points (SPEC §12, §13).
      for (const m of oneOnOnesOf(model)) {
        const open = m.items.filter((i) => i.status === 'open').length;
        const tps = m.talkingPoints.filter((i) => i.status === 'open').length;
        const title = tps === 1 ? vscode.l10n.t('{0} open · 1 talking point', open) : vscode.l10n.t('{0} open · {1} talking points', open, tps);
        out.push(new vscode.CodeLens(new vscode.Range(m.line, 0, m.line, 0), { title, command: '' }));
      }
    } else if (model.kind === '1on1') {
      const heading = model.headings.find((h) => /^action items$/i.test(h.text));
      if (heading) {
        const open = model.items.filter((i) => i.status === 'open').length;
        const forwarded = model.items.filter((i) => i.status === 'forwarded').length;
        const title = forwarded ? vscode.l10n.t('{0} open · {1} carried over to a later 1:1', open, forwarded) : vscode.l10n.t('{0} open', open);
        out.push(new vscode.CodeLens(new vscode.Range(heading.line, 0, heading.line, 0), { title, command: '' }));
      }
    }
    return out;
  }
}

export const codeLensFeature: Feature = {
  activate(context, { workspace }) {
    const provider = new Provider(workspace);
    context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider([{ language: 'markdown' }, { language: 'yaml' }], provider));
  },
};
