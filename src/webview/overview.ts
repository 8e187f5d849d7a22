// Overview tab: what needs attention, one card per report, the cadence heatmap.

import type { HeatmapRow, PersonCard, Signal } from '../core/dashboard-data';
import { completionBar, ratingChart, sparkline } from './charts';
import type { ViewContext } from './context';
import { h, setWidth } from './dom';
import { feedbackWords } from '../core/wording';
import { CADENCE_LABEL, cadenceEvery, dayOfMonth, daysBetween, monthName, percent, relativeDays, shortDate } from './format';

export const TIGHTEN_HINT = 'Completion under 70% two windows running — meet more often';

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
      h('h2', { attrs: { id: 'h-people' } }, 'Reports'),
      reports.length
        ? h('div', { class: 'people-grid' }, reports.map((p) => personCard(ctx, p)))
        : empty(
            'No reports yet.',
            'Add a person file under people/ with the command “Cadence: Add Person…”, or try the sample team with “Cadence: Copy in the Sample Team”.',
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
    { class: 'tiles', attrs: { role: 'list', 'aria-label': 'Summary' } },
    [
      tile(reports.length, reports.length === 1 ? 'report' : 'reports'),
      tile(lapsed, lapsed === 1 ? 'lapsed 1:1' : 'lapsed 1:1s', 'red'),
      tile(open, 'open action items'),
      tile(overdue, overdue === 1 ? 'overdue item' : 'overdue items', 'red'),
      tile(ctx.data.signals.length, ctx.data.signals.length === 1 ? 'signal' : 'signals', 'yellow'),
    ].map((t) => (t.setAttribute('role', 'listitem'), t)),
  );
}

const SIGNAL_ICON: Readonly<Record<Signal['kind'], string>> = {
  'kr-slipping-no-1on1': '⚑',
  'happiness-falling': '↘',
  'rating-gap': '≠',
};
const SIGNAL_KIND: Readonly<Record<Signal['kind'], string>> = {
  'kr-slipping-no-1on1': 'Slipping key result, no 1:1 since',
  'happiness-falling': 'Happiness falling',
  'rating-gap': 'Rating gap',
};

function signalsSection(ctx: ViewContext, signals: readonly Signal[]): HTMLElement {
  return h(
    'section',
    { class: 'section', attrs: { 'aria-labelledby': 'h-signals' } },
    h('h2', { attrs: { id: 'h-signals' } }, 'Needs attention'),
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
                { class: ['signal', `signal-${sig.kind}`], attrs: { type: 'button', 'data-focus': `signal:${i}`, 'aria-label': `${SIGNAL_KIND[sig.kind]}: ${sig.text} — open ${sig.at.path}` }, on: { click: () => ctx.open(sig.at) } },
                h('span', { class: 'signal-icon', attrs: { 'aria-hidden': 'true' } }, SIGNAL_ICON[sig.kind]),
                h('span', { class: 'signal-kind' }, SIGNAL_KIND[sig.kind]),
                h('span', { class: 'signal-text sensitive clip' }, sig.text),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted quiet' }, 'Nothing needs your attention: no slipping key result whose owner has had no 1:1 since, no falling happiness, no rating gaps.'),
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
  const card = h('article', { class: ['card', 'person', `status-${p.status}`], attrs: { 'aria-label': ctx.screenShare ? 'Report' : p.name } });

  card.appendChild(
    h(
      'header',
      { class: 'card-head' },
      h(
        'button',
        { class: 'link name sensitive clip', attrs: { type: 'button', 'data-focus': `person:${p.id}`, 'aria-label': `${p.name} — open ${p.at.path}` }, on: { click: () => ctx.open(p.at) } },
        p.name,
      ),
      h('span', { class: ['badge', `badge-${p.status}`] }, CADENCE_LABEL[p.status]),
    ),
  );
  card.appendChild(h('p', { class: 'role muted clip' }, h('span', { class: 'sensitive' }, p.role ?? ''), p.role ? ' · ' : '', `1:1s ${cadenceEvery(p.cadenceDays)}`));

  card.appendChild(
    h(
      'dl',
      { class: 'facts' },
      fact('Last 1:1', p.lastOneOnOne ? shortDate(p.lastOneOnOne, data.today) : 'none yet', undefined, p.lastOneOnOne ? relativeDays(p.daysSinceLast) : undefined),
      fact('Next due', shortDate(p.nextDue, data.today), p.status === 'lapsed' || p.status === 'due' ? `due-${p.status}` : undefined, overdueBy || (p.nextDue ? relativeDays(daysUntil(data.today, p.nextDue)) : undefined)),
      fact('Open items', String(p.openItems)),
      fact('Talking points', String(p.pendingTalkingPoints)),
      fact('Overdue', String(p.overdueItems), p.overdueItems > 0 ? 'bad' : undefined),
    ),
  );

  // Happiness
  const latest = p.happiness[p.happiness.length - 1];
  card.appendChild(
    h(
      'section',
      { class: 'metric' },
      h('h3', null, 'Happiness', latest ? h('span', { class: 'metric-value sensitive' }, `${latest.value}/5`) : ''),
      p.happiness.length
        ? h(
            'div',
            { class: 'sensitive' },
            sparkline(
              p.happiness.map((x) => ({ value: x.value, label: `Happiness ${x.value} of 5 on ${shortDate(x.date, data.today)} — open the note`, at: x.at })),
              { min: 1, max: 5, label: `Happiness over ${p.happiness.length} 1:1s`, class: 'happiness', gridlines: [1, 3, 5], tooltips, open: ctx.open, focusKey: `happy:${p.id}` },
            ),
            span(p.happiness, data.today),
          )
        : h('p', { class: 'muted small' }, 'No happiness ratings yet (happiness: 1–5 in a 1:1 note).'),
    ),
  );

  // Manager vs report ratings
  const lastR = p.ratings[p.ratings.length - 1];
  card.appendChild(
    h(
      'section',
      { class: 'metric' },
      h(
        'h3',
        null,
        'Performance ratings',
        h('span', { class: 'legend', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'key manager' }, 'You'), h('span', { class: 'key report' }, 'Them')),
      ),
      p.ratings.length
        ? h(
            'div',
            { class: 'sensitive' },
            ratingChart(
              p.ratings.map((r) => ({ ...r, label: `${shortDate(r.date, data.today)}: you rated ${r.manager}, they rated ${r.report} — open the note` })),
              { label: `Manager and self ratings over ${p.ratings.length} 1:1s${lastR ? `; latest you ${lastR.manager}, them ${lastR.report}` : ''}`, tooltips, open: ctx.open, focusKey: `rating:${p.id}` },
            ),
            span(p.ratings, data.today),
          )
        : h('p', { class: 'muted small' }, 'No paired ratings yet.'),
    ),
  );

  // Completion
  const w = data.completionWindowDays;
  const prev = p.previousCompletion === null ? `No items were due in the ${w} days before.` : `The ${w} days before: ${percent(p.previousCompletion)}`;
  card.appendChild(
    h(
      'section',
      { class: 'metric' },
      h('h3', null, `Action items done, last ${data.completionWindowDays} days`, h('span', { class: 'metric-value' }, percent(p.completion))),
      p.completion === null ? h('p', { class: 'muted small' }, `No action items due in the last ${data.completionWindowDays} days.`) : completionBar(p.completion, data.completionTarget),
      h('p', { class: 'muted small' }, p.completion === null ? `Target ${percent(data.completionTarget)}. ${prev}` : prev),
    ),
  );
  if (p.tightenCadence) card.appendChild(h('p', { class: 'hint', attrs: { role: 'note' } }, h('span', { class: 'hint-icon', attrs: { 'aria-hidden': 'true' } }, '⚠'), TIGHTEN_HINT));

  // Feedback given in the window (SPEC §14): praise vs redirect, as the review packet counts them.
  const fb = p.feedback;
  const given = fb.praise + fb.redirect;
  card.appendChild(
    h(
      'section',
      { class: 'metric feedback' },
      h('h3', null, `Feedback given, last ${data.feedbackWindowDays} days`, h('span', { class: 'metric-value sensitive' }, feedbackWords(fb, true))),
      given
        ? h(
            'span',
            { class: 'feedback-bar sensitive', attrs: { role: 'img', 'aria-label': `${feedbackWords(fb, true)} in the last ${data.feedbackWindowDays} days` } },
            ...feedbackSegments(fb.praise, fb.redirect),
          )
        : h('p', { class: 'muted small' }, `No praise: or redirect: entries in their 1:1s of the last ${data.feedbackWindowDays} days.`),
      fb.received ? h('p', { class: 'muted small sensitive' }, `${fb.received} received from them`) : '',
      h(
        'button',
        { class: 'link review-packet', attrs: { type: 'button', 'data-focus': `review:${p.id}`, 'aria-label': `Prepare a review packet for ${ctx.screenShare ? 'this report' : p.name}` }, on: { click: () => ctx.prepareReview(p.id) } },
        'Prepare review packet…',
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
      const seg = h('span', { class: ['segment', `fb-${kind}`] }, `${n} ${kind}`);
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
  return Number.isFinite(n) ? `${n} ${n === 1 ? 'day' : 'days'} late` : undefined;
}

function heatmap(ctx: ViewContext): HTMLElement {
  const { weekStarts, rows } = ctx.data.heatmap;
  const byId = new Map(ctx.data.people.map((p) => [p.id, p] as const));
  const max = Math.max(1, ...rows.flatMap((r) => r.weeks.map((w) => w.count)));
  const head = h(
    'tr',
    null,
    h('th', { class: 'corner', attrs: { scope: 'col' } }, h('span', { class: 'visually-hidden' }, 'Person')),
    weekStarts.map((w, i) => {
      const newMonth = i === 0 || monthName(weekStarts[i - 1]) !== monthName(w);
      return h('th', { class: ['week', newMonth && 'month-start'], attrs: { scope: 'col', 'aria-label': `Week of ${shortDate(w, ctx.data.today)}` } }, newMonth ? h('span', { class: 'month' }, monthName(w)) : '', dayOfMonth(w));
    }),
  );
  const body = rows.map((r: HeatmapRow) => {
    const person = byId.get(r.id);
    const nameCell = h('th', { attrs: { scope: 'row' } });
    const label = h('span', { class: 'sensitive clip' }, r.name);
    if (person) {
      const at = person.at;
      nameCell.appendChild(h('button', { class: 'link row-name', attrs: { type: 'button', 'data-focus': `heat:${r.id}`, 'aria-label': `${r.name} — open ${at.path}` }, on: { click: () => ctx.open(at) } }, label));
    } else nameCell.appendChild(label);
    return h(
      'tr',
      null,
      nameCell,
      r.weeks.map((w, i) => {
        const what = w.count === 0 ? 'no 1:1' : w.count === 1 ? '1 1:1' : `${w.count} 1:1s`;
        const text = `${r.name}, week of ${shortDate(weekStarts[i], ctx.data.today)}: ${what}${w.lapsed ? ', cadence lapsed' : ''}`;
        const cell = h(
          'td',
          {
            class: ['cell', w.count > 0 && `held l${Math.min(3, Math.ceil((w.count / max) * 3))}`, w.lapsed && 'lapsed'],
            attrs: { 'aria-label': text },
          },
          w.lapsed ? h('span', { attrs: { 'aria-hidden': 'true' } }, w.count > 0 ? `${w.count}!` : '!') : w.count > 0 ? h('span', { attrs: { 'aria-hidden': 'true' } }, String(w.count)) : '',
        );
        if (!ctx.screenShare) cell.setAttribute('title', `Week of ${shortDate(weekStarts[i], ctx.data.today)}: ${what}${w.lapsed ? ' — cadence lapsed' : ''}`);
        return cell;
      }),
    );
  });
  return h(
    'section',
    { class: 'section', attrs: { 'aria-labelledby': 'h-heatmap' } },
    h('h2', { attrs: { id: 'h-heatmap' } }, `Cadence, last ${weekStarts.length} weeks`),
    h(
      'div',
      { class: 'heatmap-scroll' },
      h(
        'table',
        { class: 'heatmap', attrs: { 'aria-describedby': 'heatmap-legend' } },
        h('caption', { class: 'visually-hidden' }, '1:1s held per week and person; lapsed weeks are marked with an exclamation mark'),
        h('thead', null, head),
        h('tbody', null, body),
      ),
    ),
    h(
      'p',
      { class: 'legend heatmap-legend muted', attrs: { id: 'heatmap-legend' } },
      h('span', { class: 'swatch held l2', attrs: { 'aria-hidden': 'true' } }, '1'),
      ' 1:1 held ',
      h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }),
      ' none that week ',
      h('span', { class: 'swatch lapsed', attrs: { 'aria-hidden': 'true' } }, '!'),
      ' cadence lapsed (over 1.5 × the cadence since the last 1:1)',
    ),
  );
}
