// Reports: each person with their cadence status, open items and completion;
// under them their open items, 1:1s (newest first), themes and plan.

import * as vscode from 'vscode';
import { pendingTalkingPoints, personFigures, type CadenceStatus } from '../../core/metrics';
import type { PersonDoc, Relationship } from '../../core/model';
import { displayName, orderPeople, personLabel, type PeopleOrder } from '../../core/people';
import type { FolderIndex } from '../folder-index';
import { daysAgoWords } from '../../core/format';
import { colour, group, itemNode, leaf, pct, type Node } from './nodes';
import { itemOwner } from '../../core/owners';

const STATUS_ICON: Record<CadenceStatus, vscode.ThemeIcon> = {
  ok: new vscode.ThemeIcon('pass-filled', colour('green')),
  due: new vscode.ThemeIcon('clock', colour('yellow')),
  lapsed: new vscode.ThemeIcon('warning', colour('red')),
  unknown: new vscode.ThemeIcon('circle-outline'),
  me: new vscode.ThemeIcon('account'),
};

export function personDescription(folder: FolderIndex, p: PersonDoc): string {
  const ds = folder.dataset;
  const f = personFigures(ds.context(), p);
  if (p.me) return vscode.l10n.t('you');
  const last = f.status === 'lapsed' ? vscode.l10n.t('lapsed') : f.daysSinceLast !== undefined ? vscode.l10n.t('last 1:1 {0}', daysAgoWords(f.daysSinceLast)) : vscode.l10n.t('no 1:1 yet');
  const tps = f.pendingTalkingPoints ? (f.pendingTalkingPoints === 1 ? vscode.l10n.t('1 talking point') : vscode.l10n.t('{0} talking points', f.pendingTalkingPoints)) : undefined;
  return [last, vscode.l10n.t('{0} open', f.openItems), tps, pct(f.completion.rate) ? vscode.l10n.t('{0} done', pct(f.completion.rate)!) : undefined].filter(Boolean).join(' · ');
}

export function personNode(folder: FolderIndex, p: PersonDoc, hidden: boolean, position = folder.dataset.people().indexOf(p)): Node {
  const ds = folder.dataset;
  const ctx = ds.context();
  const f = personFigures(ctx, p);
  const uri = folder.uriOf(p.path);
  const base = `person:${folder.folder.uri}:${p.key}`;
  // Screen-share mode numbers people in the order shown.
  const label = hidden ? vscode.l10n.t('Person {0}', position + 1) : displayName(p);
  const node = group(
    base,
    label,
    () => {
      const notes = [...ds.query.notesOf(p.key)].reverse();
      const open = notes.flatMap((n) => n.items.filter((i) => i.status === 'open').map((i) => ({ n, i })));
      const themes = p.themes;
      const pending = pendingTalkingPoints(ctx, p);
      // Shown only when something is waiting: most people have nothing pending.
      const talking = pending.length
        ? [
            group(`${base}:talking`, vscode.l10n.t('Pending talking points'), () => pending.map(({ path, item }) => itemNode(folder, path, item, ds.today, [item.owner ? vscode.l10n.t('raised by {0}', String(personLabel(ds.query, item.owner))) : ''], hidden)), {
              description: String(pending.length),
              icon: new vscode.ThemeIcon('comment-discussion'),
            }),
          ]
        : [];
      const out: Node[] = [
        ...talking,
        group(`${base}:items`, vscode.l10n.t('Open action items'), () => open.map(({ n, i }) => itemNode(folder, n.path, i, ds.today, [personLabel(ds.query, itemOwner(i, ds.query)) ?? vscode.l10n.t('no owner'), i.due?.value ? vscode.l10n.t('due {0}', i.due.value) : vscode.l10n.t('no due date')], hidden)), {
          description: String(open.length),
          icon: new vscode.ThemeIcon('checklist'),
        }),
        group(
          `${base}:notes`,
          vscode.l10n.t('1:1 notes'),
          () =>
            notes.map((n) =>
              leaf(`${base}:note:${n.path}`, n.date ?? n.path, {
                description: [hidden || n.happiness === undefined ? undefined : vscode.l10n.t('happiness {0}/5', n.happiness), n.items.length === 1 ? vscode.l10n.t('1 item') : vscode.l10n.t('{0} items', n.items.length)].filter(Boolean).join(' · '),
                tooltip: n.path,
                icon: new vscode.ThemeIcon('note'),
                uri: folder.uriOf(n.path),
                contextValue: 'cadence.note',
              }),
            ),
          { description: String(notes.length), icon: new vscode.ThemeIcon('notebook') },
        ),
        group(
          `${base}:themes`,
          vscode.l10n.t('Growth themes'),
          () =>
            themes.map((t, k) => {
              const expired = !!t.until?.value && t.until.value < ds.today;
              return leaf(`${base}:theme:${k}`, hidden ? vscode.l10n.t('Theme') : t.title ?? vscode.l10n.t('(untitled)'), {
                description: [t.since?.value, t.until?.value].filter(Boolean).join(' → ') + (expired ? vscode.l10n.t(' · expired') : ''),
                icon: new vscode.ThemeIcon(expired ? 'history' : 'rocket', expired ? colour('yellow') : undefined),
                uri,
                line: t.firstLine.start.line,
              });
            }),
          { description: String(themes.length), icon: new vscode.ThemeIcon('rocket') },
        ),
        group(
          `${base}:plan`,
          vscode.l10n.t('Development plan'),
          () => p.development.map((d, k) => leaf(`${base}:plan:${k}`, hidden ? vscode.l10n.t('Focus area') : d, { icon: new vscode.ThemeIcon('target'), uri, line: p.developmentField?.keyRange.start.line ?? 0 })),
          { description: String(p.development.length), icon: new vscode.ThemeIcon('target') },
        ),
      ];
      return out;
    },
    {
      description: hidden ? undefined : personDescription(folder, p),
      icon: STATUS_ICON[f.status],
      tooltip: hidden ? vscode.l10n.t('Hidden in screen-share mode') : `${displayName(p)}${p.role ? ` — ${p.role}` : ''}\n${personDescription(folder, p)}${f.tightenCadence ? `\n${vscode.l10n.t('Completion under 70% two windows running: meet more often.')}` : ''}`,
      contextValue: p.me ? 'cadence.me' : 'cadence.person',
      uri,
      line: 0,
    },
  );
  return Object.assign(node, { personId: p.id });
}

const RELATIONSHIP_TITLES: Record<Relationship, () => string> = {
  report: () => vscode.l10n.t('Reports'),
  manager: () => vscode.l10n.t('Manager'),
  'skip-level': () => vscode.l10n.t('Skip-levels'),
  peer: () => vscode.l10n.t('Peers'),
  mentor: () => vscode.l10n.t('Mentors'),
  mentee: () => vscode.l10n.t('Mentees'),
};

/**
 * Everyone, in the order of `cadence.reportsOrder` (`urgency`: lapsed, due,
 * then the rest, each by name; `name`: by name), grouped by relationship
 * (SPEC §11) when there is more than one among them; the manager's own card
 * last, apart. Each folder's people are ordered with that folder's figures.
 */
export function reportsRoots(folders: Iterable<FolderIndex>, hidden: boolean, order: PeopleOrder = 'urgency'): Node[] {
  const others: { f: FolderIndex; p: PersonDoc }[] = [];
  const mine: { f: FolderIndex; p: PersonDoc }[] = [];
  for (const f of folders) {
    const sorted = orderPeople(f.dataset.people(), f.dataset.context(), order);
    for (const p of sorted.others) others.push({ f, p });
    for (const p of sorted.me) mine.push({ f, p });
  }
  const kinds = new Set(others.map(({ p }) => p.relationship));
  const groups = kinds.size <= 1 ? [] : (Object.keys(RELATIONSHIP_TITLES) as Relationship[]).map((r) => ({ r, members: others.filter(({ p }) => p.relationship === r) })).filter((g) => g.members.length);
  // In screen-share mode a person is "Person N", N their place in the order shown.
  const shown = groups.length ? [...groups.flatMap((g) => g.members), ...mine] : [...others, ...mine];
  const position = new Map(shown.map(({ p }, i) => [p, i]));
  const node = ({ f, p }: { f: FolderIndex; p: PersonDoc }) => personNode(f, p, hidden, position.get(p));
  if (!groups.length) return shown.map(node);
  const out: Node[] = groups.map(({ r, members }) =>
    group(`relationship:${r}`, RELATIONSHIP_TITLES[r](), () => members.map(node), { description: String(members.length), icon: new vscode.ThemeIcon('organization'), expanded: true }),
  );
  return [...out, ...mine.map(node)];
}
