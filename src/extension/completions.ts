// Completions: people after `@`, in owner fields (YAML `owner`/`report`/
// `with`, a task line's Dataview owner field) and in a `[[` wikilink being
// typed — as wikilinks in a file that already names people with them (SPEC
// §10) —, dates after every spelling's due token, and the allowed values of
// kind/status/visibility.

import * as vscode from 'vscode';
import { addDays, endOfMonth, endOfQuarter, nextMonday } from '../core/dates';
import { idKey } from '../core/ids';
import { FILE_KINDS } from '../core/kinds';
import { completionAt } from '../core/markdown/tokens';
import { FEEDBACK_KINDS, feedbackMeaning } from '../core/markdown/feedback';
import { inSections } from '../core/markdown/sections';
import { nextOneOnOneDate } from '../core/metrics';
import { KR_STATUSES, OBJECTIVE_KINDS } from '../core/parse/okr';
import { linksPeople } from '../core/wikilinks';
import type { Feature } from './feature';
import type { FolderIndex } from './folder-index';
import type { CadenceWorkspace } from './workspace-index';

const ENUMS: Record<string, readonly string[]> = {
  kind: OBJECTIVE_KINDS,
  status: KR_STATUSES,
  visibility: ['private', 'shared'],
};

/** How a person is written: `@alex`, `alex`, `[[alex]]`, or in YAML `"[[alex]]"`. */
type PersonForm = { readonly before: string; readonly after: string };
const PLAIN: PersonForm = { before: '', after: '' };
const LINK: PersonForm = { before: '[[', after: ']]' };
const YAML_LINK: PersonForm = { before: '"[[', after: ']]"' };

function peopleItems(folder: FolderIndex, range: vscode.Range, form: PersonForm): vscode.CompletionItem[] {
  const items = [{ id: 'me', name: 'you, the manager', role: undefined as string | undefined }, ...folder.dataset.people().filter((p) => !p.me).map((p) => ({ id: p.id, name: p.name, role: p.role }))];
  return items.map((p, i) => {
    const text = `${form.before}${p.id}${form.after}`;
    const item = new vscode.CompletionItem({ label: text, description: [p.name, p.role].filter(Boolean).join(' · ') }, vscode.CompletionItemKind.User);
    item.range = range;
    item.insertText = text;
    item.filterText = `${form.before}${p.id} ${p.name ?? ''}`;
    item.sortText = String(i).padStart(4, '0');
    return item;
  });
}

/** The range a completion replaces: from `start` to the cursor, and a `]]` (or `]]"`) the editor closed the link with. */
function replaced(doc: vscode.TextDocument, pos: vscode.Position, start: number, form: PersonForm): vscode.Range {
  const after = doc.lineAt(pos.line).text.slice(pos.character);
  const closer = form.after && after.startsWith(form.after) ? form.after.length : form.after && after.startsWith(']]') ? 2 : 0;
  return new vscode.Range(pos.line, start, pos.line, pos.character + closer);
}

function dateItems(folder: FolderIndex, report: string | undefined, range: vscode.Range): vscode.CompletionItem[] {
  const t = folder.dataset.today;
  const ctx = folder.dataset.context();
  const options: [string, string][] = [
    [t, 'today'],
    [addDays(t, 1), 'tomorrow'],
    ...(report ? [[nextOneOnOneDate(ctx, idKey(report)), `next 1:1 with @${report}`] as [string, string]] : []),
    [nextMonday(t), 'next Monday'],
    [endOfMonth(t), 'end of month'],
    [endOfQuarter(t), 'end of quarter'],
  ];
  return options.map(([date, what], i) => {
    const item = new vscode.CompletionItem({ label: date, description: what }, vscode.CompletionItemKind.Value);
    item.range = range;
    item.sortText = String(i).padStart(4, '0');
    return item;
  });
}

class Provider implements vscode.CompletionItemProvider {
  constructor(private readonly ws: CadenceWorkspace) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const synced = this.ws.sync(doc);
    if (!synced) return undefined;
    const { folder, model } = synced;
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const report = model.kind === '1on1' ? model.report?.id : undefined;
    const yamlLine = FILE_KINDS.get(model.kind).format === 'yaml' || pos.line < ('frontMatterEnd' in model ? model.frontMatterEnd : 0);

    // A file that names people with wikilinks gets people as wikilinks (SPEC §10).
    const links = () => linksPeople(doc.getText(), (key) => folder.dataset.query.knows(key));
    if (yamlLine) {
      const m = /(?:^\s*|[{,]\s*|-\s+)([A-Za-z_-]+):\s*("?\[\[[^\[\]|#"]*|[\w@.-]*)$/.exec(before);
      if (!m) return undefined;
      const typed = m[2];
      if (m[1] === 'owner' || m[1] === 'report' || m[1] === 'with') {
        const form = typed.startsWith('[[') ? LINK : typed.startsWith('"[[') || (typed === '' && links()) ? YAML_LINK : PLAIN;
        return peopleItems(folder, replaced(doc, pos, pos.character - typed.length, form), form);
      }
      const range = new vscode.Range(pos.line, pos.character - typed.length, pos.line, pos.character);
      if (m[1] === 'due' || m[1] === 'until' || m[1] === 'since' || m[1] === 'date') return dateItems(folder, report, range);
      const values = ENUMS[m[1]];
      return values?.map((v) => Object.assign(new vscode.CompletionItem(v, vscode.CompletionItemKind.EnumMember), { range }));
    }
    // A list item's first word in a Feedback section (SPEC §14): the three kinds of entry.
    const fb = /^\s*(?:[-*+]|\d{1,9}[.)])\s+([A-Za-z]*)$/.exec(before);
    if (fb && model.kind === '1on1' && inSections(model.feedbackSections, pos.line)) {
      const range = new vscode.Range(pos.line, pos.character - fb[1].length, pos.line, pos.character);
      return FEEDBACK_KINDS.map((k, i) => {
        const item = new vscode.CompletionItem({ label: `${k.kind}:`, description: feedbackMeaning(k.kind) }, vscode.CompletionItemKind.Keyword);
        item.range = range;
        item.insertText = `${k.kind}: `;
        item.sortText = String(i);
        item.documentation = new vscode.MarkdownString().appendText(vscode.l10n.t('A feedback entry, dated by this 1:1 and counted in the review packet: {0}.', feedbackMeaning(k.kind)));
        return item;
      });
    }
    // In the body: an owner after a mention's symbol, in an owner field or a `[[` link; a date after any spelling's due token (spellings.ts).
    const spot = completionAt(before);
    if (!spot) return undefined;
    if (spot.meaning === 'due') return dateItems(folder, report, new vscode.Range(pos.line, spot.start, pos.line, pos.character));
    const form = spot.prefix === '[[' ? LINK : spot.prefix === '' ? (links() ? LINK : PLAIN) : { before: spot.prefix, after: '' };
    return peopleItems(folder, replaced(doc, pos, spot.start, form), form);
  }
}

export const completionsFeature: Feature = {
  activate(context, { workspace }) {
    context.subscriptions.push(
      vscode.languages.registerCompletionItemProvider([{ language: 'markdown' }, { language: 'yaml' }], new Provider(workspace), '@', ':', ' ', '['),
    );
  },
};
