// Hovers: a person behind `@id`, a wikilink naming a known person (SPEC
// §10), a Dataview owner field or an owner/report id in YAML; and a key
// result's score, progress and check-ins.

import * as vscode from 'vscode';
import { idKey } from '../core/ids';
import { confidenceWords, krScoreWords, noStatusWords, undatedWords } from '../core/format';
import { personFigures } from '../core/metrics';
import { findWikilinks } from '../core/wikilinks';
import type { KeyResult, Objective } from '../core/model';
import { displayName } from '../core/people';
import { addDays } from '../core/dates';
import { feedbackMeaning } from '../core/markdown/feedback';
import type { FeedbackEntry, OneOnOneDoc } from '../core/model';
import { feedbackIn } from '../core/review-packet';
import { feedbackCountWords } from '../core/wording';
import type { Feature } from './feature';
import type { FolderIndex } from './folder-index';
import type { CadenceWorkspace } from './workspace-index';

function personHover(folder: FolderIndex, key: string): vscode.MarkdownString | undefined {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  md.isTrusted = false;
  // l10n-exempt: @me is the token as written
  if (key === 'me' && !folder.dataset.people().some((p) => p.me)) return md.appendMarkdown('**@me** — ').appendText(vscode.l10n.t('you, the manager'));
  const p = folder.dataset.query.peopleWithKey(key === 'me' ? folder.dataset.query.meKey() : key)[0];
  if (!p) return md.appendText(vscode.l10n.t('No person file for "{0}".', key));
  const ctx = folder.dataset.context();
  const f = personFigures(ctx, p);
  md.appendMarkdown('**').appendText(displayName(p)).appendMarkdown('**');
  if (p.role) md.appendMarkdown(' — ').appendText(p.role);
  md.appendMarkdown('\n\n');
  const rows = [
    vscode.l10n.t('Cadence: every {0} days', f.cadenceDays),
    (f.lastOneOnOne ? vscode.l10n.t('Last 1:1: {0} ({1} days ago)', f.lastOneOnOne, String(f.daysSinceLast)) : vscode.l10n.t('Last 1:1: none yet')) + (f.status === 'lapsed' ? vscode.l10n.t(' — lapsed') : ''),
    f.overdueItems ? vscode.l10n.t('Open action items: {0} ({1} overdue)', f.openItems, f.overdueItems) : vscode.l10n.t('Open action items: {0}', f.openItems),
    vscode.l10n.t('Completion ({0} days): {1}', folder.dataset.settings.completionWindowDays, f.completion.rate === undefined ? vscode.l10n.t('no items due') : `${Math.round(f.completion.rate * 100)}%`),
  ];
  for (const r of rows) md.appendText(`• ${r}`).appendMarkdown('  \n');
  return md;
}

export function krHoverText(o: Objective, kr: KeyResult): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(`${o.id}/${kr.id} ${kr.title ?? ''}`).appendMarkdown('**\n\n');
  const progress = vscode.l10n.t('{0} from {1} toward {2}', `${kr.current ?? kr.start ?? 0}${kr.unit ? ` ${kr.unit}` : ''}`, kr.start ?? 0, kr.target ?? '?');
  const bits = [vscode.l10n.t('Score {0}', krScoreWords(kr)), progress, kr.confidence !== undefined ? vscode.l10n.t('confidence {0}', confidenceWords(kr.confidence)) : undefined, kr.status ?? noStatusWords()];
  md.appendText(bits.filter((b) => b !== undefined).join(' · '));
  if (kr.checkins.length) {
    md.appendMarkdown('\n\n');
    for (const c of kr.checkins) md.appendText(`• ${vscode.l10n.t('{0}: {1}, confidence {2}', c.date ?? undatedWords(), c.current ?? '—', confidenceWords(c.confidence))}${c.note ? ` — ${c.note}` : ''}`).appendMarkdown('  \n');
  }
  return md;
}

/** A feedback entry's kind word (SPEC §14): what it means, and the feedback of the window as the dashboard counts it. */
function feedbackHover(folder: FolderIndex, note: OneOnOneDoc, entry: FeedbackEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.appendMarkdown(`**${entry.kind}:** — `).appendText(vscode.l10n.t('{0}. Dated by this 1:1; it goes into the review packet (Cadence: Prepare Review Packet…).', feedbackMeaning(entry.kind)));
  const key = note.report?.key;
  const person = key ? folder.dataset.query.peopleWithKey(key)[0] : undefined;
  if (person) {
    const w = folder.dataset.settings.feedbackWindowDays;
    const today = folder.dataset.today;
    const c = feedbackIn(folder.dataset.query.notesOf(person.key), { from: addDays(today, -(w - 1)), to: today });
    md.appendMarkdown('\n\n').appendText(vscode.l10n.t('{0}, last {1} days: {2}.', displayName(person), w, feedbackCountWords(c)));
  }
  return md;
}

class Provider implements vscode.HoverProvider {
  constructor(private readonly ws: CadenceWorkspace) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const synced = this.ws.sync(doc);
    if (!synced) return undefined;
    const { folder, model } = synced;
    const at = doc.getWordRangeAtPosition(pos, /@[\p{L}\p{M}\p{Nd}_-]+(?:\.[\p{L}\p{M}\p{Nd}_-]+)*/u);
    if (at && model.kind !== 'okr') {
      const before = at.start.character > 0 ? doc.lineAt(pos.line).text[at.start.character - 1] : ' ';
      if (!/[\p{L}\p{M}\p{Nd}._-]/u.test(before)) return new vscode.Hover(personHover(folder, idKey(doc.getText(at).slice(1)))!, at);
    }
    if (model.kind !== 'okr') {
      // A wikilink naming a known person, anywhere in a note (a task line's owner, a report).
      const text = doc.lineAt(pos.line).text;
      for (const l of findWikilinks(text)) {
        if (pos.character < l.start || pos.character > l.end) continue;
        const key = idKey(l.id);
        if (folder.dataset.query.knows(key)) return new vscode.Hover(personHover(folder, key)!, new vscode.Range(pos.line, l.start, pos.line, l.end));
      }
      // A Dataview owner field's value.
      const item = 'items' in model ? model.items.find((i) => i.line === pos.line) : undefined;
      const o = item?.owner;
      if (o && pos.character >= o.range.start.character && pos.character <= o.range.end.character) return new vscode.Hover(personHover(folder, o.key)!);
    }
    if (model.kind === 'okr') {
      for (const o of model.objectives) {
        for (const kr of o.keyResults) {
          if (kr.owner && kr.owner.range.start.line === pos.line && pos.character >= kr.owner.range.start.character && pos.character <= kr.owner.range.end.character) {
            return new vscode.Hover(personHover(folder, kr.owner.key)!);
          }
          if (pos.line === kr.firstLine.start.line || kr.fields.get('title')?.range.start.line === pos.line) return new vscode.Hover(krHoverText(o, kr));
        }
      }
    }
    if (model.kind === '1on1' && model.report && model.report.range.start.line === pos.line) return new vscode.Hover(personHover(folder, model.report.key)!);
    if (model.kind === '1on1') {
      const entry = model.feedback.find((f) => f.line === pos.line && pos.character >= f.wordRange.start.character && pos.character <= f.wordRange.end.character + 1);
      if (entry) {
        const r = entry.wordRange;
        return new vscode.Hover(feedbackHover(folder, model, entry), new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character + 1));
      }
    }
    return undefined;
  }
}

export const hoversFeature: Feature = {
  activate(context, { workspace }) {
    context.subscriptions.push(vscode.languages.registerHoverProvider([{ language: 'markdown' }, { language: 'yaml' }], new Provider(workspace)));
  },
};
