// Board tab: the selected set's key results in one column per status. A
// drop, Alt+←/→ on a focused card, or the card's "Move to…" picker all post
// the same `setStatus`; the extension edits the YAML and the next `data`
// message is the truth.

import type { KrCard, SetView } from '../core/dashboard-data';
import type { KrStatus } from '../core/model';
import { krKey, type ViewContext } from './context';
import { h } from './dom';
import { STATUS_LABEL, score, shortDate } from './format';
import { confidence, krScoreBar, noSets, onTrackMark, pickSet, setPicker, slippingNote } from './okrs';
import { KR_COLUMNS } from './protocol';
import * as l10n from '../core/l10n';

const DRAG_TYPE = 'application/x-cadence-kr';

/** A board column: a status, or `unset` for key results without one (SPEC §18: never "On track" for that). */
export type Column = KrStatus | 'unset';

/** Where a card stands: its status, or the "No status" column. */
export const columnOf = (kr: KrCard): Column => kr.status ?? 'unset';

/** The columns shown: "No status" first, only while a card needs it, then one per status. */
export function boardColumns(cards: readonly KrCard[]): Column[] {
  return [...(cards.some((k) => k.status === undefined) ? (['unset'] as const) : []), ...KR_COLUMNS];
}

const COLUMN_LABEL = (c: Column) => (c === 'unset' ? l10n.t('No status') : STATUS_LABEL[c]);

export function focusKey(kr: KrCard): string {
  return `kr:${JSON.stringify([kr.set, kr.objectiveIndex, kr.index])}`;
}

export function renderBoard(ctx: ViewContext): HTMLElement {
  const set = pickSet(ctx.data, ctx.state.set);
  if (!set) return h('div', { class: 'board-tab' }, noSets());
  return h(
    'div',
    { class: 'board-tab' },
    setPicker(ctx, set, 'set-picker-board'),
    h(
      'p',
      { class: 'muted small board-help', attrs: { id: 'board-help' } },
      l10n.t('Drag a card to another column, or focus it and press Alt+← / Alt+→ (or use its “Move to…” menu). The key result’s status: changes in its file as one undoable edit. Enter opens it.'),
    ),
    board(ctx, set),
  );
}

function board(ctx: ViewContext, set: SetView): HTMLElement {
  const cards = set.objectives.flatMap((o) => o.keyResults);
  const byKey = new Map(cards.map((k) => [krKey(k), k] as const));
  let dragging: KrCard | undefined;

  const columns = boardColumns(cards).map((status) => {
    const mine = cards.filter((k) => columnOf(k) === status);
    const body = h('div', { class: 'col-body', attrs: { role: 'list', 'aria-labelledby': `col-${status}` } });
    if (!mine.length) body.appendChild(h('p', { class: 'col-empty muted' }, status === 'unset' ? l10n.t('No card without a status') : l10n.t('Drop a card here')));
    for (const kr of mine) body.appendChild(card(ctx, kr, (k) => (dragging = k)));
    const col = h(
      'section',
      { class: ['column', `col-${status}`], attrs: { 'data-status': status } },
      h(
        'header',
        { class: 'col-head' },
        h('span', { class: ['dot', `st-${status}`], attrs: { 'aria-hidden': 'true' } }),
        h('h3', { attrs: { id: `col-${status}` } }, COLUMN_LABEL(status)),
        h('span', { class: 'count', attrs: { 'aria-label': l10n.t('{0} key results', mine.length) } }, String(mine.length)),
      ),
      body,
    );
    let depth = 0;
    // A status can be given, not taken away: "No status" is not a drop target.
    if (status === 'unset') return col;
    col.addEventListener('dragenter', (ev) => {
      if (!dragging && !ev.dataTransfer?.types.includes(DRAG_TYPE)) return;
      ev.preventDefault();
      depth++;
      col.classList.add('drop-target');
    });
    col.addEventListener('dragover', (ev) => {
      if (!dragging && !ev.dataTransfer?.types.includes(DRAG_TYPE)) return;
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'move';
    });
    col.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) col.classList.remove('drop-target');
    });
    col.addEventListener('drop', (ev) => {
      ev.preventDefault();
      depth = 0;
      col.classList.remove('drop-target');
      const kr = dragging ?? byKey.get(ev.dataTransfer?.getData(DRAG_TYPE) ?? '');
      dragging = undefined;
      if (kr && columnOf(kr) !== status) ctx.move(kr, status as KrStatus, `${kr.objective} ${kr.id}`);
    });
    return col;
  });
  return h('div', { class: 'board', attrs: { 'aria-describedby': 'board-help' } }, columns);
}

function card(ctx: ViewContext, kr: KrCard, onDrag: (k: KrCard | undefined) => void): HTMLElement {
  const col = columnOf(kr);
  const name = `${kr.objective} ${kr.id}`;
  const move = (status: KrStatus) => {
    if (status !== kr.status) ctx.move(kr, status, name);
  };

  const picker = h(
    'select',
    {
      class: 'move-to',
      attrs: { 'aria-label': l10n.t('Move {0} to…', name), 'data-focus': `${focusKey(kr)}:move` },
      on: {
        change: (ev) => {
          const v = (ev.target as HTMLSelectElement).value as KrStatus;
          if ((KR_COLUMNS as readonly string[]).includes(v)) move(v);
        },
        click: (ev) => ev.stopPropagation(),
        keydown: (ev) => ev.stopPropagation(),
      },
    },
    h('option', { attrs: { value: '', disabled: true, selected: true } }, l10n.t('Move to…')),
    KR_COLUMNS.filter((st) => st !== kr.status).map((st) => h('option', { attrs: { value: st } }, STATUS_LABEL[st])),
  );

  const el = h(
    'article',
    {
      class: ['kr-card', kr.status === undefined && 'unset'],
      attrs: {
        tabindex: 0,
        draggable: 'true',
        role: 'listitem',
        'aria-roledescription': l10n.t('key result card'),
        'aria-label': `${l10n.t('{0}: {1}. {2}, score {3}.', name, kr.title, kr.status ? STATUS_LABEL[kr.status] : l10n.t('No status'), kr.status === 'cut' || !kr.measurable ? kr.scoreText : score(kr.score))}${kr.slipping.length ? ` ${l10n.t('Slipping: {0}.', kr.slipping.join('; '))}` : ''} ${l10n.t('Alt+Left or Alt+Right moves it; Enter opens it.')}`,
        'data-focus': focusKey(kr),
      },
    },
    h('div', { class: 'kr-card-head' }, h('span', { class: 'kr-id' }, `${kr.objective} · ${kr.id}`)),
    h('p', { class: 'kr-card-title clamp' }, kr.title || l10n.t('(untitled key result)')),
    h('div', { class: 'kr-card-score' }, krScoreBar(kr), onTrackMark(kr)),
    slippingNote(kr),
    h(
      'div',
      { class: 'kr-card-meta' },
      h('span', { class: ['owner', 'clip', !kr.ownerName && 'muted'] }, kr.ownerName ? h('span', { class: 'sensitive' }, kr.ownerName) : l10n.t('no owner')),
      h('span', { class: 'muted nowrap' }, kr.due ? l10n.t('due {0}', shortDate(kr.due, ctx.data.today)) : l10n.t('no due date')),
    ),
    h('div', { class: 'kr-card-foot' }, h('span', { class: 'conf-label muted' }, l10n.t('Confidence')), confidence(ctx, kr), picker),
  );

  el.addEventListener('click', (ev) => {
    if ((ev.target as Element).closest('select')) return;
    ctx.open(kr.at);
  });
  el.addEventListener('keydown', (ev) => {
    if (ev.target !== el) return;
    // From "No status", Alt+→ gives the first status; nothing moves a card back to none.
    const i = col === 'unset' ? -1 : KR_COLUMNS.indexOf(col);
    if (ev.altKey && (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft')) {
      // VS Code's webview host forwards every keydown reaching `window` to the
      // workbench, where Alt+←/→ is Go Back/Forward on Windows: keep it here.
      ev.preventDefault();
      ev.stopPropagation();
      const j = ev.key === 'ArrowRight' ? i + 1 : i - 1;
      if (j >= 0 && j < KR_COLUMNS.length) move(KR_COLUMNS[j]);
      else ctx.announce(j < 0 ? l10n.t('{0} is already in the first column', name) : l10n.t('{0} is already in the last column', name));
    } else if (!ev.altKey && !ev.ctrlKey && !ev.metaKey && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      ctx.open(kr.at);
    } else if (!ev.altKey && (ev.key === 'ArrowDown' || ev.key === 'ArrowUp')) {
      const sib = ev.key === 'ArrowDown' ? el.nextElementSibling : el.previousElementSibling;
      if (sib instanceof HTMLElement && sib.classList.contains('kr-card')) {
        ev.preventDefault();
        sib.focus();
      }
    }
  });
  el.addEventListener('dragstart', (ev) => {
    onDrag(kr);
    el.classList.add('dragging');
    if (ev.dataTransfer) {
      ev.dataTransfer.effectAllowed = 'move';
      ev.dataTransfer.setData(DRAG_TYPE, krKey(kr));
      ev.dataTransfer.setData('text/plain', name);
    }
  });
  el.addEventListener('dragend', () => {
    onDrag(undefined);
    el.classList.remove('dragging');
  });
  return el;
}
