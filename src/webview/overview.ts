// Overview tab: what needs attention, one card per report, the cadence heatmap.

import type { HeatmapRow, PersonCard, Signal } from '../core/dashboard-data';
import { completionBar, ratingChart, sparkline } from './charts';
import type { ViewContext } from './context';
import { h, setWidth } from './dom';
import { feedbackCountWords } from '../core/wording';
import { CADENCE_LABEL, cadenceEvery, dayOfMonth, daysBetween, monthName, percent, relativeDays, shortDate } from './format';
import * as l10n from '../core/l10n';
import { ratesPerformance } from '../core/meetings';

export const tightenHint = (): string => l10n.t('Completion under 70% two windows running — meet more often');

export function renderOverview(ctx: ViewContext): HTMLElement {
  const { data } = ctx;
  const reports = data.people.filter((p) => !p.me);
  const root = h('div', { class: 'overview' });
  // An empty workspace gets one clear next step, not a wall of zeros.
  // Team figures count reports only (SPEC §11); every person still has a card.
  const team = reports.filter((p) => p.relationship === 'report');
  if (team.length) root.appendChild(summary(ctx, team));
  if (reports.length || data.signals.length) root.appendChild(signalsSection(ctx, data.signals));
  root.appendChild(
    h(
      'section',
      { class: 'section', attrs: { 'aria-labelledby': 'h-people' } },
      h('h2', { attrs: { id: 'h-people' } }, l10n.t('Reports')),
      reports.length
        ? h('div', { class: 'people-grid' }, reports.map((p) => personCard(ctx, p)))
        : empty(
            l10n.t('No reports yet.'),
            l10n.t('Add a person file under people/ with the command “Cadence: Add Person…”, or try the sample team with “Cadence: Copy in the Sample Team”.'),
          ),
    ),
  );
  if (reports.length) root.appendChild(heatmap(ctx));
  return root;
}

export function empty(title: string, body: string): HTMLElement {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), h('p', { class: 'muted' }, body));
}

function summary(ctx: ViewContext, reports: readonly PersonCard[]): HTMLElement {
  const lapsed = reports.filter((p) => p.status === 'lapsed').length;
  // SPEC §18: the one set the status bar and the Action Items view count too
  // (items in a 1:1 naming nobody, or in an OKR review, are not on any card).
  const { open, overdue } = ctx.data.actionItems;
  const tile = (value: number, label: string, tone?: string) =>
    h('div', { class: ['tile', tone && value > 0 ? `tone-${tone}` : ''] }, h('span', { class: 'tile-value' }, String(value)), h('span', { class: 'tile-label' }, label));
  return h(
    'div',
    { class: 'tiles', attrs: { role: 'list', 'aria-label': l10n.t('Summary') } },
    [
      tile(reports.length, reports.length === 1 ? l10n.t('report') : l10n.t('reports')),
      tile(lapsed, lapsed === 1 ? l10n.t('lapsed 1:1') : l10n.t('lapsed 1:1s'), 'red'),
      tile(open, l10n.t('open action items')),
      tile(overdue, overdue === 1 ? l10n.t('overdue item') : l10n.t('overdue items'), 'red'),
      tile(ctx.data.signals.length, ctx.data.signals.length === 1 ? l10n.t('signal') : l10n.t('signals'), 'yellow'),
    ].map((t) => (t.setAttribute('role', 'listitem'), t)),
  );
}

const SIGNAL_ICON: Readonly<Record<Signal['kind'], string>> = {
  'kr-slipping-no-1on1': '⚑',
  'happiness-falling': '↘',
  'rating-gap': '≠',
};
const SIGNAL_KIND: Readonly<Record<Signal['kind'], () => string>> = {
  'kr-slipping-no-1on1': () => l10n.t('Slipping key result, no 1:1 since'),
  'happiness-falling': () => l10n.t('Happiness falling'),
  'rating-gap': () => l10n.t('Rating gap'),
};

function signalsSection(ctx: ViewContext, signals: readonly Signal[]): HTMLElement {
  return h(
    'section',
    { class: 'section', attrs: { 'aria-labelledby': 'h-signals' } },
    h('h2', { attrs: { id: 'h-signals' } }, l10n.t('Needs attention')),
    signals.length
      ? h(
          'ul',
          { class: 'signals' },
          signals.map((sig, i) =>
            h(
              'li',
              null,
              h(
                'button',
                { class: ['signal', `signal-${sig.kind}`], attrs: { type: 'button', 'data-focus': `signal:${i}`, 'aria-label': l10n.t('{0}: {1} — open {2}', SIGNAL_KIND[sig.kind](), sig.text, sig.at.path) }, on: { click: () => ctx.open(sig.at) } },
                h('span', { class: 'signal-icon', attrs: { 'aria-hidden': 'true' } }, SIGNAL_ICON[sig.kind]),
                h('span', { class: 'signal-kind' }, SIGNAL_KIND[sig.kind]()),
                h('span', { class: 'signal-text sensitive clip' }, sig.text),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted quiet' }, l10n.t('Nothing needs your attention: no slipping key result whose owner has had no 1:1 since, no falling happiness, no rating gaps.')),
  );
}

function fact(label: string, value: string, cls?: string, note?: string): HTMLElement {
  return h('div', { class: ['fact', cls] }, h('dt', null, label), h('dd', null, value, note ? h('span', { class: 'fact-note' }, note) : ''));
}

const daysUntil = (today: string, date: string) => {
  const n = daysBetween(today, date);
  return n === undefined ? undefined : -n;
};

function personCard(ctx: ViewContext, p: PersonCard): HTMLElement {
  const { data } = ctx;
  const tooltips = !ctx.screenShare;
  const overdueBy = p.nextDue ? (relativeDaysOverdue(p.nextDue, data.today) ?? '') : '';
  const card = h('article', { class: ['card', 'person', `status-${p.status}`], attrs: { 'aria-label': ctx.screenShare ? l10n.t('Report') : p.name } });

  card.appendChild(
    h(
      'header',
      { class: 'card-head' },
      h(
        'button',
        { class: 'link name sensitive clip', attrs: { type: 'button', 'data-focus': `person:${p.id}`, 'aria-label': l10n.t('{0} — open {1}', p.name, p.at.path) }, on: { click: () => ctx.open(p.at) } },
        p.name,
      ),
      h('span', { class: ['badge', `badge-${p.status}`] }, CADENCE_LABEL[p.status]),
    ),
  );
  card.appendChild(h('p', { class: 'role muted clip' }, h('span', { class: 'sensitive' }, p.role ?? ''), p.role ? ' · ' : '', l10n.t('1:1s {0}', cadenceEvery(p.cadenceDays))));

  card.appendChild(
    h(
      'dl',
      { class: 'facts' },
      fact(l10n.t('Last 1:1'), p.lastOneOnOne ? shortDate(p.lastOneOnOne, data.today) : l10n.t('none yet'), undefined, p.lastOneOnOne ? relativeDays(p.daysSinceLast) : undefined),
      fact(l10n.t('Next due'), shortDate(p.nextDue, data.today), p.status === 'lapsed' || p.status === 'due' ? `due-${p.status}` : undefined, overdueBy || (p.nextDue ? relativeDays(daysUntil(data.today, p.nextDue)) : undefined)),
      fact(l10n.t('Open items'), String(p.openItems)),
      fact(l10n.t('Talking points'), String(p.pendingTalkingPoints)),
      fact(l10n.t('Overdue'), String(p.overdueItems), p.overdueItems > 0 ? 'bad' : undefined),
    ),
  );

  // Happiness
  const latest = p.happiness[p.happiness.length - 1];
  card.appendChild(
    h(
      'section',
      { class: 'metric' },
      h('h3', null, l10n.t('Happiness'), latest ? h('span', { class: 'metric-value sensitive' }, `${latest.value}/5`) : ''),
      p.happiness.length
        ? h(
            'div',
            { class: 'sensitive' },
            sparkline(
              p.happiness.map((x) => ({ value: x.value, label: l10n.t('Happiness {0} of 5 on {1} — open the note', x.value, shortDate(x.date, data.today)), at: x.at })),
              { min: 1, max: 5, label: l10n.t('Happiness over {0} 1:1s', p.happiness.length), class: 'happiness', gridlines: [1, 3, 5], tooltips, open: ctx.open, focusKey: `happy:${p.id}` },
            ),
            span(p.happiness, data.today),
          )
        : h('p', { class: 'muted small' }, l10n.t('No happiness ratings yet (happiness: 1–5 in a 1:1 note).')),
    ),
  );

  // Manager vs report ratings: for reports only (SPEC §11: the performance fields apply to `report`).
  const lastR = p.ratings[p.ratings.length - 1];
  if (ratesPerformance(p.relationship)) {
    card.appendChild(
      h(
        'section',
        { class: 'metric' },
        h(
          'h3',
          null,
          l10n.t('Performance ratings'),
          h('span', { class: 'legend', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'key manager' }, l10n.t('You')), h('span', { class: 'key report' }, l10n.t('Them'))),
        ),
        p.ratings.length
          ? h(
              'div',
              { class: 'sensitive' },
              ratingChart(
                p.ratings.map((r) => ({ ...r, label: l10n.t('{0}: you rated {1}, they rated {2} — open the note', shortDate(r.date, data.today), r.manager, r.report) })),
                { label: lastR ? l10n.t('Manager and self ratings over {0} 1:1s; latest you {1}, them {2}', p.ratings.length, lastR.manager, lastR.report) : l10n.t('Manager and self ratings over {0} 1:1s', p.ratings.length), tooltips, open: ctx.open, focusKey: `rating:${p.id}` },
              ),
              span(p.ratings, data.today),
            )
          : h('p', { class: 'muted small' }, l10n.t('No paired ratings yet.')),
      ),
    );
  }

  // Completion
  const w = data.completionWindowDays;
  const prev = p.previousCompletion === null ? l10n.t('No items were due in the {0} days before.', w) : l10n.t('The {0} days before: {1}', w, percent(p.previousCompletion));
  card.appendChild(
    h(
      'section',
      { class: 'metric' },
      h('h3', null, l10n.t('Action items done, last {0} days', data.completionWindowDays), h('span', { class: 'metric-value' }, percent(p.completion))),
      p.completion === null ? h('p', { class: 'muted small' }, l10n.t('No action items due in the last {0} days.', data.completionWindowDays)) : completionBar(p.completion, data.completionTarget),
      h('p', { class: 'muted small' }, p.completion === null ? l10n.t('Target {0}. {1}', percent(data.completionTarget), prev) : prev),
    ),
  );
  if (p.tightenCadence) card.appendChild(h('p', { class: 'hint', attrs: { role: 'note' } }, h('span', { class: 'hint-icon', attrs: { 'aria-hidden': 'true' } }, '⚠'), tightenHint()));

  // Feedback given in the window (SPEC §14): praise vs redirect, as the review packet counts them.
  const fb = p.feedback;
  const given = fb.praise + fb.redirect;
  card.appendChild(
    h(
      'section',
      { class: 'metric feedback' },
      h('h3', null, l10n.t('Feedback given, last {0} days', data.feedbackWindowDays), h('span', { class: 'metric-value sensitive' }, feedbackCountWords(fb, true))),
      given
        ? h(
            'span',
            { class: 'feedback-bar sensitive', attrs: { role: 'img', 'aria-label': l10n.t('{0} in the last {1} days', feedbackCountWords(fb, true), data.feedbackWindowDays) } },
            ...feedbackSegments(fb.praise, fb.redirect),
          )
        : h('p', { class: 'muted small' }, l10n.t('No praise: or redirect: entries in their 1:1s of the last {0} days.', data.feedbackWindowDays)),
      fb.received ? h('p', { class: 'muted small sensitive' }, l10n.t('{0} received from them', fb.received)) : '',
      h(
        'button',
        { class: 'link review-packet', attrs: { type: 'button', 'data-focus': `review:${p.id}`, 'aria-label': ctx.screenShare ? l10n.t('Prepare a review packet for this report') : l10n.t('Prepare a review packet for {0}', p.name) }, on: { click: () => ctx.prepareReview(p.id) } },
        l10n.t('Prepare review packet…'),
      ),
    ),
  );
  return card;
}

/** The praise and redirect parts of the feedback bar, each as wide as its share. */
function feedbackSegments(praise: number, redirect: number): HTMLElement[] {
  const total = praise + redirect;
  return [
    ['praise', praise],
    ['redirect', redirect],
  ]
    .filter(([, n]) => (n as number) > 0)
    .map(([kind, n]) => {
      const seg = h('span', { class: ['segment', `fb-${kind}`] }, kind === 'praise' ? l10n.t('{0} praise', n as number) : l10n.t('{0} redirect', n as number));
      setWidth(seg, (n as number) / total);
      return seg;
    });
}

/** First and last date under a chart, so its x axis has a scale. */
function span(points: readonly { date: string }[], today: string): HTMLElement | '' {
  if (points.length < 2) return '';
  return h('div', { class: 'x-span muted', attrs: { 'aria-hidden': 'true' } }, h('span', null, shortDate(points[0].date, today)), h('span', null, shortDate(points[points.length - 1].date, today)));
}

function relativeDaysOverdue(due: string, today: string): string | undefined {
  if (due >= today) return undefined;
  const n = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86400000);
  return Number.isFinite(n) ? (n === 1 ? l10n.t('1 day late') : l10n.t('{0} days late', n)) : undefined;
}

function heatmap(ctx: ViewContext): HTMLElement {
  const { weekStarts, rows } = ctx.data.heatmap;
  const byId = new Map(ctx.data.people.map((p) => [p.id, p] as const));
  const max = Math.max(1, ...rows.flatMap((r) => r.weeks.map((w) => w.count)));
  const head = h(
    'tr',
    null,
    h('th', { class: 'corner', attrs: { scope: 'col' } }, h('span', { class: 'visually-hidden' }, l10n.t('Person'))),
    weekStarts.map((w, i) => {
      const newMonth = i === 0 || monthName(weekStarts[i - 1]) !== monthName(w);
      return h('th', { class: ['week', newMonth && 'month-start'], attrs: { scope: 'col', 'aria-label': l10n.t('Week of {0}', shortDate(w, ctx.data.today)) } }, newMonth ? h('span', { class: 'month' }, monthName(w)) : '', dayOfMonth(w));
    }),
  );
  const body = rows.map((r: HeatmapRow) => {
    const person = byId.get(r.id);
    const nameCell = h('th', { attrs: { scope: 'row' } });
    const label = h('span', { class: 'sensitive clip' }, r.name);
    if (person) {
      const at = person.at;
      nameCell.appendChild(h('button', { class: 'link row-name', attrs: { type: 'button', 'data-focus': `heat:${r.id}`, 'aria-label': l10n.t('{0} — open {1}', r.name, at.path) }, on: { click: () => ctx.open(at) } }, label));
    } else nameCell.appendChild(label);
    return h(
      'tr',
      null,
      nameCell,
      r.weeks.map((w, i) => {
        const what = w.count === 0 ? l10n.t('no 1:1') : w.count === 1 ? l10n.t('1 1:1') : l10n.t('{0} 1:1s', w.count);
        const week = shortDate(weekStarts[i], ctx.data.today);
        const text = w.lapsed ? l10n.t('{0}, week of {1}: {2}, cadence lapsed', r.name, week, what) : l10n.t('{0}, week of {1}: {2}', r.name, week, what);
        const cell = h(
          'td',
          {
            class: ['cell', w.count > 0 && `held l${Math.min(3, Math.ceil((w.count / max) * 3))}`, w.lapsed && 'lapsed'],
            attrs: { 'aria-label': text },
          },
          w.lapsed ? h('span', { attrs: { 'aria-hidden': 'true' } }, w.count > 0 ? `${w.count}!` : '!') : w.count > 0 ? h('span', { attrs: { 'aria-hidden': 'true' } }, String(w.count)) : '',
        );
        if (!ctx.screenShare) cell.setAttribute('title', w.lapsed ? l10n.t('Week of {0}: {1} — cadence lapsed', week, what) : l10n.t('Week of {0}: {1}', week, what));
        return cell;
      }),
    );
  });
  return h(
    'section',
    { class: 'section', attrs: { 'aria-labelledby': 'h-heatmap' } },
    h('h2', { attrs: { id: 'h-heatmap' } }, l10n.t('Cadence, last {0} weeks', weekStarts.length)),
    h(
      'div',
      { class: 'heatmap-scroll' },
      h(
        'table',
        { class: 'heatmap', attrs: { 'aria-describedby': 'heatmap-legend' } },
        h('caption', { class: 'visually-hidden' }, l10n.t('1:1s held per week and person; lapsed weeks are marked with an exclamation mark')),
        h('thead', null, head),
        h('tbody', null, body),
      ),
    ),
    h(
      'p',
      { class: 'legend heatmap-legend muted', attrs: { id: 'heatmap-legend' } },
      h('span', { class: 'swatch held l2', attrs: { 'aria-hidden': 'true' } }, '1'),
      ` ${l10n.t('1:1 held')} `,
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      ` ${l10n.t('none that week')} `,
      h('span', { class: 'swatch lapsed', attrs: { 'aria-hidden': 'true' } }, '!'),
      ` ${l10n.t('cadence lapsed (over 1.5 × the cadence since the last 1:1)')}`,
    ),
  );
}
