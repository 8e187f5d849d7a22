// OKRs tab: a set picker, then each objective with its score against its
// kind's threshold and its key results with score, status and confidence.

import type { DashboardData, KrCard, ObjectiveView, SetView } from '../core/dashboard-data';
import { confidenceWords, formatConfidence, undatedWords } from '../core/format';
import { scoreColour } from '../core/metrics';
import { confidenceBars, scoreBar } from './charts';
import type { ViewContext } from './context';
import { h } from './dom';
import { STATUS_LABEL, score, shortDate } from './format';
import { empty } from './overview';
import * as l10n from '../core/l10n';

/** Committed key results are on track only at 1.0; aspirational ones from 0.7 (SPEC §7). */
export const threshold = (kind: 'committed' | 'aspirational') => (kind === 'aspirational' ? 0.7 : 1);
export const kindText = (kind: 'committed' | 'aspirational') => (kind === 'aspirational' ? l10n.t('Aspirational · on track from 0.7') : l10n.t('Committed · on track at 1.0'));

/** The remembered set if it still exists, else the newest. */
export function pickSet(data: DashboardData, wanted: string | undefined): SetView | undefined {
  const found = data.sets.find((x) => x.id === wanted);
  if (found) return found;
  return [...data.sets].sort((a, b) => ((a.period ?? a.id) < (b.period ?? b.id) ? -1 : (a.period ?? a.id) > (b.period ?? b.id) ? 1 : 0)).pop();
}

export function noSets(): HTMLElement {
  return empty(l10n.t('No OKR sets yet.'), l10n.t('Create one with “Cadence: New OKR Set…” — it writes okrs/<period>.okr.yaml — or put any *.okr.yaml file in the workspace.'));
}

export function setPicker(ctx: ViewContext, current: SetView, id: string): HTMLElement {
  const select = h(
    'select',
    { class: 'set-picker', attrs: { id, 'data-focus': `picker:${id}` }, on: { change: (ev) => ctx.selectSet((ev.target as HTMLSelectElement).value) } },
    ctx.data.sets.map((x) => {
      const o = h('option', { attrs: { value: x.id } }, `${x.id}${x.period && x.period !== x.id ? ` (${x.period})` : ''} — ${score(x.score)}`);
      o.selected = x.id === current.id;
      return o;
    }),
  );
  return h(
    'div',
    { class: 'set-bar' },
    h('label', { attrs: { for: id } }, l10n.t('OKR set')),
    select,
    h('span', { class: 'set-score' }, h('span', { class: 'muted nowrap' }, l10n.t('Set score')), scoreBar(current.score, current.score === null ? null : scoreColour(current.score), undefined)),
    h('button', { class: 'link small', attrs: { type: 'button', 'aria-label': l10n.t('Open {0}', current.at.path) }, on: { click: () => ctx.open(current.at) } }, l10n.t('Open file')),
  );
}

export function renderOkrs(ctx: ViewContext): HTMLElement {
  const set = pickSet(ctx.data, ctx.state.set);
  if (!set) return h('div', { class: 'okrs' }, noSets());
  return h(
    'div',
    { class: 'okrs' },
    setPicker(ctx, set, 'set-picker-okrs'),
    set.objectives.length ? set.objectives.map((o) => objective(ctx, o)) : empty(l10n.t('This set has no objectives yet.'), l10n.t('Add one under objectives: in the set’s YAML file.')),
  );
}

/** An owner by name (KrCard.ownerName: the person's name, or the id as their file spells it). */
export function owner(name: string | undefined): HTMLElement {
  return h('span', { class: ['owner', 'clip', !name && 'muted'] }, name ? h('span', { class: 'sensitive' }, name) : l10n.t('no owner'));
}

function objective(ctx: ViewContext, o: ObjectiveView): HTMLElement {
  const thr = threshold(o.kind);
  return h(
    'article',
    { class: 'objective card' },
    h(
      'header',
      { class: 'objective-head' },
      h('span', { class: 'obj-id' }, o.id),
      h(
        'button',
        { class: 'link obj-title clip', attrs: { type: 'button', 'data-focus': `obj:${o.id}`, 'aria-label': l10n.t('{0} {1} — open', o.id, o.title) }, on: { click: () => ctx.open(o.at) } },
        o.title || l10n.t('(untitled objective)'),
      ),
      h('span', { class: ['kind', `kind-${o.kind}`] }, kindText(o.kind)),
    ),
    h(
      'div',
      { class: 'objective-meta' },
      scoreBar(o.score, o.colour, thr),
      h('span', { class: 'muted' }, `${l10n.t('Owner')} `),
      owner(o.ownerName),
      o.parent ? h('span', { class: 'muted parent clip' }, `↑ ${o.parent}`) : '',
    ),
    o.keyResults.length
      ? h(
          'div',
          { class: 'kr-table', attrs: { role: 'table', 'aria-label': l10n.t('Key results of {0}', o.id) } },
          h(
            'div',
            { class: 'kr-row kr-header', attrs: { role: 'row' } },
            [l10n.t('Key result'), l10n.t('Owner'), l10n.t('Due'), l10n.t('Status'), l10n.t('Score'), l10n.t('Confidence')].map((c) => h('span', { attrs: { role: 'columnheader' } }, c)),
          ),
          o.keyResults.map((kr) => krRow(ctx, kr)),
        )
      : h('p', { class: 'muted small' }, l10n.t('No key results yet.')),
  );
}

export function statusChip(status: KrCard['status']): HTMLElement {
  return status ? h('span', { class: ['chip', `st-${status}`] }, STATUS_LABEL[status]) : h('span', { class: 'chip st-unset', attrs: { title: l10n.t('No status: in the file') } }, l10n.t('No status'));
}

/**
 * The confidence (two decimals, "invalid" outside 0–1) and one bar per
 * check-in that has a confidence — every check-in, dated or not, as the
 * Objectives tree lists them; "no check-ins" only when there are none.
 */
export function confidence(ctx: ViewContext, kr: KrCard): HTMLElement {
  const all = kr.checkins;
  const withConf = all.filter((c): c is typeof c & { confidence: number } => c.confidence !== null);
  const when = (d: string | null) => (d ? shortDate(d, ctx.data.today) : undatedWords());
  const count = all.length === 1 ? l10n.t('1 check-in') : l10n.t('{0} check-ins', all.length);
  return h(
    'span',
    { class: 'confidence' },
    h('span', { class: ['conf-value', kr.confidence !== undefined && formatConfidence(kr.confidence) === 'invalid' && 't-red'] }, confidenceWords(kr.confidence)),
    withConf.length
      ? confidenceBars(
          withConf.map((c) => ({ value: c.confidence, label: l10n.t('{0}: confidence {1}', when(c.date), confidenceWords(c.confidence)) })),
          { label: l10n.t('Confidence over {0}: {1}', count, withConf.map((c) => `${when(c.date)} ${confidenceWords(c.confidence)}`).join(', ')), tooltips: !ctx.screenShare },
        )
      : h('span', { class: 'muted small no-checkins' }, all.length ? l10n.t('{0}, no confidence', count) : l10n.t('no check-ins')),
  );
}

/** Why a key result is slipping (SPEC §18), in the core's words; nothing when it is not. */
export function slippingNote(kr: KrCard): HTMLElement | '' {
  if (!kr.slipping.length) return '';
  return h('p', { class: 'slipping small', attrs: { title: l10n.t('Slipping: {0}', kr.slipping.join('; ')) } }, h('span', { class: 'slip-icon', attrs: { 'aria-hidden': 'true' } }, '⚑ '), l10n.t('Slipping: {0}', kr.slipping.join('; ')));
}

function krRow(ctx: ViewContext, kr: KrCard): HTMLElement {
  return h(
    'div',
    { class: ['kr-row', kr.status === 'cut' && 'is-cut'], attrs: { role: 'row' } },
    h(
      'span',
      { class: 'kr-title-cell', attrs: { role: 'cell' } },
      h(
        'button',
        { class: 'link kr-title', attrs: { type: 'button', 'data-focus': `krrow:${kr.set}/${kr.objectiveIndex}/${kr.index}`, 'aria-label': l10n.t('{0} {1} — open', kr.id, kr.title) }, on: { click: () => ctx.open(kr.at) } },
        h('span', { class: 'kr-id' }, kr.id),
        h('span', { class: 'clip' }, kr.title || l10n.t('(untitled key result)')),
      ),
      slippingNote(kr),
    ),
    h('span', { class: 'cell-owner', attrs: { role: 'cell' } }, owner(kr.ownerName)),
    h('span', { class: 'due', attrs: { role: 'cell' } }, shortDate(kr.due, ctx.data.today)),
    h('span', { class: 'cell-status', attrs: { role: 'cell' } }, statusChip(kr.status)),
    h('span', { class: 'kr-score', attrs: { role: 'cell' } }, krScoreBar(kr), onTrackMark(kr)),
    h('span', { class: 'cell-conf', attrs: { role: 'cell' } }, confidence(ctx, kr)),
  );
}

/** A key result's score bar; a cut or unmeasurable one says so instead of drawing 0.00. */
export function krScoreBar(kr: KrCard): HTMLElement {
  const word = kr.status === 'cut' || !kr.measurable ? kr.scoreText : undefined;
  return scoreBar(word ? null : kr.score, word ? null : kr.colour, threshold(kr.kind), true, word);
}

export function onTrackMark(kr: KrCard): HTMLElement {
  return kr.onTrack
    ? h('span', { class: 'on-track-mark t-green', attrs: { role: 'img', 'aria-label': l10n.t('on track for its kind') } }, '✓')
    : h('span', { class: 'on-track-mark', attrs: { 'aria-hidden': 'true' } });
}
