// Objectives: OKR sets → objectives → key results → check-ins, with scores.

import * as vscode from 'vscode';
import { confidenceWords, formatScore, krScoreWords, noStatusWords, undatedWords } from '../../core/format';
import { krOnTrack, krScore, objectiveScore, scoreColour, setScore } from '../../core/metrics';
import type { KeyResult, Objective, OkrSetDoc } from '../../core/model';
import { personLabel } from '../../core/people';
import { isLiveSet, slipReasons, slipWords } from '../../core/slipping';
import type { FolderIndex } from '../folder-index';
import { colour, group, leaf, type Node } from './nodes';

const fmt = formatScore;

export function krIcon(kr: KeyResult, o: Objective): vscode.ThemeIcon {
  if (kr.status === 'cut') return new vscode.ThemeIcon('circle-slash', colour('grey'));
  if (kr.status === 'done' || krOnTrack(kr, o)) return new vscode.ThemeIcon('pass-filled', colour('green'));
  // No numeric target: there is no score to colour.
  if (kr.target === undefined) return new vscode.ThemeIcon('question', colour('grey'));
  return new vscode.ThemeIcon(kr.status === 'off-track' ? 'error' : kr.status === 'at-risk' ? 'warning' : 'circle-filled', colour(scoreColour(krScore(kr))));
}

function krNode(folder: FolderIndex, set: OkrSetDoc, o: Objective, kr: KeyResult, hidden: boolean): Node {
  const uri = folder.uriOf(set.path);
  const ds = folder.dataset;
  const id = `kr:${folder.folder.uri}:${set.path}:${o.index}:${kr.index}`;
  const description = [
    krScoreWords(kr),
    kr.confidence !== undefined ? vscode.l10n.t('conf {0}', confidenceWords(kr.confidence)) : undefined,
    kr.owner && !hidden ? personLabel(ds.query, kr.owner) : undefined,
    kr.due?.value ? vscode.l10n.t('due {0}', kr.due.value) : undefined,
    kr.status ?? noStatusWords(),
  ]
    .filter(Boolean)
    .join(' · ');
  const slipping = isLiveSet(set, ds.today) ? slipReasons(kr, set, ds.today) : [];
  const node = group(
    id,
    `${kr.id} ${kr.title ?? ''}`,
    () =>
      kr.checkins.map((c, k) =>
        leaf(`${id}:checkin:${k}`, c.date ?? undatedWords(), {
          description: [c.current !== undefined ? `${c.current}${kr.unit ? ` ${kr.unit}` : ''}` : undefined, c.confidence !== undefined ? vscode.l10n.t('conf {0}', confidenceWords(c.confidence)) : undefined, hidden ? undefined : c.note].filter(Boolean).join(' · '),
          icon: new vscode.ThemeIcon('history'),
          uri,
          line: c.range.start.line,
        }),
      ),
    {
      description,
      icon: krIcon(kr, o),
      tooltip: `${o.id}/${kr.id} ${kr.title ?? ''}\n${description}${slipping.length ? `\n${vscode.l10n.t('Slipping: {0}', slipWords(slipping))}` : ''}\n${kr.checkins.length === 0 ? vscode.l10n.t('No check-ins') : kr.checkins.length === 1 ? vscode.l10n.t('1 check-in') : vscode.l10n.t('{0} check-ins', kr.checkins.length)}`,
      contextValue: 'cadence.keyResult',
      uri,
      line: kr.firstLine.start.line,
    },
  );
  return Object.assign(node, { objective: o.index, keyResult: kr.index });
}

function objectiveNode(folder: FolderIndex, set: OkrSetDoc, o: Objective, hidden: boolean): Node {
  const uri = folder.uriOf(set.path);
  const score = objectiveScore(o);
  const description = [fmt(score), o.kind, o.owner && !hidden ? personLabel(folder.dataset.query, o.owner) : undefined, o.parent ? `↑ ${o.parent}` : undefined].filter(Boolean).join(' · ');
  return group(`obj:${folder.folder.uri}:${set.path}:${o.index}`, `${o.id} ${o.title ?? ''}`, () => o.keyResults.map((kr) => krNode(folder, set, o, kr, hidden)), {
    description,
    icon: new vscode.ThemeIcon('target', score === undefined ? undefined : colour(scoreColour(score))),
    tooltip: `${o.id} ${o.title ?? ''}\n${description}\n${o.kind === 'aspirational' ? vscode.l10n.t('Aspirational: 0.7 counts as success.') : vscode.l10n.t('Committed: on track only at 1.0.')}`,
    uri,
    line: o.firstLine.start.line,
  });
}

export function objectivesRoots(folders: Iterable<FolderIndex>, hidden: boolean): Node[] {
  const out: Node[] = [];
  for (const f of folders) {
    for (const set of f.dataset.okrSets()) {
      const parents = [...new Set(set.objectives.map((o) => o.parent?.split('#')[0]).filter(Boolean))];
      const when = set.period ?? [set.start, set.end].filter(Boolean).join(' → ');
      // A set named after its period (2026-Q4) need not say it twice.
      const description = [when === set.id ? undefined : when, vscode.l10n.t('score {0}', fmt(setScore(set))), parents.length ? vscode.l10n.t('aligns to {0}', parents.join(', ')) : undefined].filter(Boolean).join(' · ');
      out.push(
        group(`set:${f.folder.uri}:${set.path}`, set.id, () => set.objectives.map((o) => objectiveNode(f, set, o, hidden)), {
          description,
          icon: new vscode.ThemeIcon('graph'),
          tooltip: `${set.path}\n${description}`,
          uri: f.uriOf(set.path),
          expanded: true,
        }),
      );
    }
  }
  return out;
}
