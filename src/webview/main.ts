// The dashboard's browser side. It takes its words from the page's string
// table (shell.ts) before it draws anything, says `ready`, then renders
// whatever `data` the extension posts (every change re-posts it), keeps the
// tab and the set in the webview state so a reload restores the view, and
// posts back only through the typed protocol.

import type { DashboardData, SetView } from '../core/dashboard-data';
import type { KrStatus } from '../core/model';
import { renderBoard } from './board';
import { announcement, describeChanges } from './changes';
import { krKey, type KrRef, type ViewContext } from './context';
import { clear, h } from './dom';
import { longDate } from './format';
import { DrawHold, holdDuringGestures } from './hold';
import { PendingMoves } from './pending';
import { renderOkrs } from './okrs';
import { renderOverview } from './overview';
import type { FromWebview, ToWebview, WebviewState } from './protocol';
import * as l10n from '../core/l10n';
import { useBundle } from '../core/l10n';
import { STRINGS_ID } from './shell';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: FromWebview) => vscode.postMessage(m);

// Errors go to the extension's log: a webview has no console a user sees.
window.addEventListener('error', (ev) => post({ type: 'error', message: `${ev.message}${ev.filename ? ` (${ev.filename}:${ev.lineno}:${ev.colno})` : ''}` }));
// l10n-exempt: for the extension's log, not for the page
window.addEventListener('unhandledrejection', (ev) => post({ type: 'error', message: `Unhandled rejection: ${String((ev.reason as Error)?.stack ?? ev.reason)}` }));

const TABS: readonly { id: WebviewState['tab']; label: () => string }[] = [
  { id: 'overview', label: () => l10n.t('Overview') },
  { id: 'okrs', label: () => l10n.t('OKRs') },
  { id: 'board', label: () => l10n.t('Board') },
];

function restoredState(): WebviewState {
  const s = vscode.getState() as Partial<WebviewState> | undefined;
  const tab = TABS.some((t) => t.id === s?.tab) ? s!.tab! : 'overview';
  return { tab, set: typeof s?.set === 'string' ? s.set : undefined };
}

let state: WebviewState = restoredState();
let data: DashboardData | undefined;
let screenShare = false;
/** Board moves shown before the extension has made them, until a `data` that holds them arrives (pending.ts). */
const pending = new PendingMoves();
/** The extension's re-draws wait while a board card is pressed or dragged (hold.ts). */
const drawHold = new DrawHold();
holdDuringGestures(document, drawHold, '.kr-card');

// Created in start(): the shell may load this script before <body> is parsed.
let app: HTMLElement | undefined;
const live = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });

function setState(next: Partial<WebviewState>): void {
  state = { ...state, ...next };
  vscode.setState(state);
}

function withPending(d: DashboardData): DashboardData {
  if (!pending.size) return d;
  const sets: SetView[] = d.sets.map((set) => ({
    ...set,
    objectives: set.objectives.map((o) => ({
      ...o,
      keyResults: o.keyResults.map((kr) => {
        const st = pending.get(krKey(kr));
        return st ? { ...kr, status: st } : kr;
      }),
    })),
  }));
  return { ...d, sets };
}

function announce(text: string): void {
  live.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical text.
  setTimeout(() => (live.textContent = text), 30);
}

const ctxFor = (d: DashboardData): ViewContext => ({
  data: d,
  state,
  screenShare,
  open: (at) => post({ type: 'open', at: { path: at.path, line: at.line } }),
  prepareReview: (person) => post({ type: 'prepareReviewPacket', person }),
  move: (kr: KrRef, status: KrStatus, label: string) => {
    const move = pending.add(krKey(kr), status);
    post({ type: 'setStatus', set: kr.set, objectiveIndex: kr.objectiveIndex, index: kr.index, status, move });
    announce(l10n.t('Moved {0} to {1}', label, status));
    render();
  },
  selectSet: (id) => {
    setState({ set: id });
    render();
  },
  announce,
});

function header(d: DashboardData | undefined): HTMLElement {
  const toggle = h(
    'button',
    {
      class: ['toggle', screenShare && 'on'],
      attrs: { type: 'button', 'aria-pressed': screenShare ? 'true' : 'false', 'data-focus': 'screen-share', title: l10n.t('Blur names, ratings and note text for a shared screen') },
      on: { click: () => post({ type: 'toggleScreenShare' }) },
    },
    h('span', { class: 'toggle-icon', attrs: { 'aria-hidden': 'true' } }, screenShare ? '◉' : '○'),
    l10n.t('Screen-share mode'),
    h('span', { class: 'toggle-state' }, screenShare ? l10n.t('On') : l10n.t('Off')),
  );
  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('h1', null, 'Cadence'), d ? h('span', { class: 'date muted' }, longDate(d.today)) : ''),
    toggle,
  );
}

function tabs(): HTMLElement {
  const buttons = TABS.map((t, i) =>
    h(
      'button',
      {
        class: ['tab', state.tab === t.id && 'active'],
        attrs: {
          type: 'button',
          role: 'tab',
          id: `tab-${t.id}`,
          'aria-selected': state.tab === t.id ? 'true' : 'false',
          'aria-controls': 'panel',
          tabindex: state.tab === t.id ? 0 : -1,
          'data-focus': `tab:${t.id}`,
        },
        on: {
          click: () => selectTab(t.id),
          keydown: (ev) => {
            const n = TABS.length;
            const j = ev.key === 'ArrowRight' ? (i + 1) % n : ev.key === 'ArrowLeft' ? (i + n - 1) % n : ev.key === 'Home' ? 0 : ev.key === 'End' ? n - 1 : -1;
            if (j < 0) return;
            ev.preventDefault();
            selectTab(TABS[j].id);
          },
        },
      },
      t.label(),
    ),
  );
  return h('nav', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': l10n.t('Dashboard views') } }, buttons);
}

function selectTab(id: WebviewState['tab']): void {
  if (id === state.tab) return;
  setState({ tab: id });
  render(`tab:${id}`);
  window.scrollTo(0, 0);
}

function panel(d: DashboardData | undefined): HTMLElement {
  const el = h('main', { class: ['panel', `panel-${state.tab}`], attrs: { id: 'panel', role: 'tabpanel', 'aria-labelledby': `tab-${state.tab}` } });
  if (!d) {
    el.setAttribute('aria-busy', 'true');
    el.appendChild(h('div', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('span', null, l10n.t('Reading your notes…'))));
    return el;
  }
  const ctx = ctxFor(withPending(d));
  el.appendChild(state.tab === 'overview' ? renderOverview(ctx) : state.tab === 'okrs' ? renderOkrs(ctx) : renderBoard(ctx));
  return el;
}

/** Rebuilds the view, keeping focus (by `data-focus` key) and scroll where they were. */
function render(focus?: string): void {
  if (!app) return;
  drawHold.drawn();
  const active = document.activeElement;
  const key = focus ?? (active instanceof Element && app.contains(active) ? active.closest('[data-focus]')?.getAttribute('data-focus') ?? undefined : undefined);
  const x = window.scrollX;
  const y = window.scrollY;
  document.body.classList.toggle('screen-share', screenShare);
  clear(app);
  app.appendChild(header(data));
  app.appendChild(tabs());
  app.appendChild(panel(data));
  window.scrollTo(x, y);
  if (key) {
    const all = app.querySelectorAll<HTMLElement>('[data-focus]');
    for (let i = 0; i < all.length; i++) {
      if (all[i].getAttribute('data-focus') === key) {
        all[i].focus({ preventScroll: true });
        break;
      }
    }
  }
}

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const m = ev.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'data' && m.data && typeof m.data === 'object') {
    // Only what changed is announced (the page is not a live region): moves
    // made here were announced when they were made.
    const changes = data ? describeChanges(data, m.data, { skip: new Set(pending.keys()), screenShare }) : [];
    data = m.data;
    pending.settle(typeof m.moves === 'number' ? m.moves : undefined);
    drawHold.request(() => render());
    if (changes.length) announce(announcement(changes));
  } else if (m.type === 'screenShare') {
    screenShare = m.on === true;
    // The blur itself is the body's class: at once, even while a draw waits.
    document.body.classList.toggle('screen-share', screenShare);
    drawHold.request(() => render());
  }
});

/**
 * The page's string table (shell.ts): its string entries, or undefined
 * (English) when it is missing or not a JSON object — said in the log.
 */
function stringTable(): Readonly<Record<string, string>> | undefined {
  const text = document.getElementById(STRINGS_ID)?.textContent;
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    // said below
  }
  // l10n-exempt: for the extension's log, not for the page
  post({ type: 'error', message: 'The dashboard\'s string table is not a JSON object; it shows English.' });
  return undefined;
}

function start(): void {
  // The words first: the first render, the loading text included, is in them.
  useBundle(stringTable());
  app = document.getElementById('app') ?? document.body.appendChild(h('div', { attrs: { id: 'app' } }));
  document.body.appendChild(live);
  render();
  post({ type: 'ready' });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
