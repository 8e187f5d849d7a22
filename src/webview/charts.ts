// Hand-drawn SVG charts: a few dozen points each, so a chart library (and its
// weight, its inline styles that the CSP would block) buys nothing here.
// Geometry lives in a fixed viewBox; CSS scales the SVG uniformly.

import type { Location } from '../core/dashboard-data';
import { scoreColour, type ScoreColour } from '../core/metrics';
import { activatable, h, s, setLeft, setWidth } from './dom';
import { percent, score } from './format';
import * as l10n from '../core/l10n';

export interface ChartPoint {
  readonly value: number;
  /** Accessible name and (outside screen-share mode) hover tooltip. */
  readonly label: string;
  readonly at?: Location;
}

interface Frame {
  readonly width: number;
  readonly height: number;
  readonly pad: number;
  readonly min: number;
  readonly max: number;
  /** Room on the left for value labels. */
  readonly gutter?: number;
}

const xAt = (f: Frame, i: number, n: number) => {
  const left = (f.gutter ?? 0) + f.pad;
  return n <= 1 ? (left + f.width - f.pad) / 2 : left + (i * (f.width - f.pad - left)) / (n - 1);
};
const yAt = (f: Frame, v: number) => f.pad + ((f.max - Math.max(f.min, Math.min(f.max, v))) / (f.max - f.min)) * (f.height - 2 * f.pad);
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Arrow keys move focus between a chart's points; one tab stop per chart. */
function roving(items: readonly SVGElement[]): void {
  items.forEach((el, i) => {
    el.setAttribute('tabindex', i === items.length - 1 ? '0' : '-1');
    el.addEventListener('keydown', (ev) => {
      const k = ev as KeyboardEvent;
      let j = i;
      if (k.key === 'ArrowLeft' || k.key === 'ArrowUp') j = Math.max(0, i - 1);
      else if (k.key === 'ArrowRight' || k.key === 'ArrowDown') j = Math.min(items.length - 1, i + 1);
      else if (k.key === 'Home') j = 0;
      else if (k.key === 'End') j = items.length - 1;
      else return;
      k.preventDefault();
      items.forEach((x, n) => x.setAttribute('tabindex', n === j ? '0' : '-1'));
      (items[j] as SVGElement & { focus(): void }).focus();
    });
  });
}

function gridline(f: Frame, v: number): SVGGElement {
  const y = r1(yAt(f, v));
  const g = s('g', { attrs: { 'aria-hidden': 'true' } }, s('line', { class: 'grid', attrs: { x1: f.gutter ?? 0, x2: f.width, y1: y, y2: y } }));
  if (f.gutter) g.appendChild(s('text', { class: 'axis', attrs: { x: f.gutter - 4, y: y + 3, 'text-anchor': 'end' } }, String(v)));
  return g;
}

function linkPoint(g: SVGGElement, p: { label: string; at?: Location }, tooltips: boolean, open: (at: Location) => void): SVGGElement {
  if (tooltips) g.appendChild(s('title', null, p.label));
  if (p.at) {
    const at = p.at;
    activatable(g, p.label, () => open(at));
  } else {
    g.setAttribute('role', 'img');
    g.setAttribute('aria-label', p.label);
  }
  return g;
}

export interface SparklineOptions {
  readonly min: number;
  readonly max: number;
  readonly width?: number;
  readonly height?: number;
  readonly label: string;
  readonly class?: string;
  readonly gridlines?: readonly number[];
  readonly tooltips: boolean;
  /** Points are links when they carry `at`. */
  readonly open?: (at: Location) => void;
  /** Prefix of the points' `data-focus` keys, so focus survives a re-render. */
  readonly focusKey?: string;
}

/** One series as a line with dots; the latest dot is emphasised. */
export function sparkline(points: readonly ChartPoint[], o: SparklineOptions): SVGSVGElement {
  const f: Frame = { width: o.width ?? 240, height: o.height ?? 44, pad: 6, min: o.min, max: o.max, gutter: o.gridlines?.length ? 14 : 0 };
  const svg = s('svg', {
    class: ['chart', 'sparkline', o.class],
    attrs: { viewBox: `0 0 ${f.width} ${f.height}`, role: 'group', 'aria-label': o.label, focusable: 'false' },
  });
  for (const g of o.gridlines ?? []) svg.appendChild(gridline(f, g));
  const n = points.length;
  if (n > 1) {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${r1(xAt(f, i, n))} ${r1(yAt(f, p.value))}`).join(' ');
    svg.appendChild(s('path', { class: 'series', attrs: { d } }));
  }
  const dots: SVGGElement[] = [];
  points.forEach((p, i) => {
    const cx = r1(xAt(f, i, n));
    const cy = r1(yAt(f, p.value));
    const g = s('g', { class: ['pt', i === n - 1 && 'last'] });
    g.appendChild(s('circle', { class: 'hit', attrs: { cx, cy, r: 9 } }));
    g.appendChild(s('circle', { class: 'dot', attrs: { cx, cy, r: i === n - 1 ? 4 : 2.5 } }));
    if (o.open) linkPoint(g, p, o.tooltips, o.open);
    else if (o.tooltips) g.appendChild(s('title', null, p.label));
    if (o.focusKey) g.setAttribute('data-focus', `${o.focusKey}:${i}`);
    svg.appendChild(g);
    if (p.at && o.open) dots.push(g);
  });
  roving(dots);
  return svg;
}

export interface RatingPoint {
  readonly date: string;
  readonly manager: number;
  readonly report: number;
  readonly label: string;
  readonly at: Location;
}

/** Manager (filled, solid) against report (ring, dashed) on 1–5; a gap of 2+ is drawn as a red bar. */
export function ratingChart(points: readonly RatingPoint[], o: { label: string; tooltips: boolean; open: (at: Location) => void; focusKey?: string }): SVGSVGElement {
  const f: Frame = { width: 240, height: 60, pad: 7, min: 1, max: 5, gutter: 14 };
  const svg = s('svg', { class: 'chart ratings', attrs: { viewBox: `0 0 ${f.width} ${f.height}`, role: 'group', 'aria-label': o.label, focusable: 'false' } });
  for (const g of [1, 3, 5]) svg.appendChild(gridline(f, g));
  const n = points.length;
  const path = (pick: (p: RatingPoint) => number) => points.map((p, i) => `${i ? 'L' : 'M'}${r1(xAt(f, i, n))} ${r1(yAt(f, pick(p)))}`).join(' ');
  if (n > 1) {
    svg.appendChild(s('path', { class: 'series manager', attrs: { d: path((p) => p.manager) } }));
    svg.appendChild(s('path', { class: 'series report', attrs: { d: path((p) => p.report) } }));
  }
  const cols: SVGGElement[] = [];
  const step = n > 1 ? (f.width - 2 * f.pad - (f.gutter ?? 0)) / (n - 1) : f.width;
  points.forEach((p, i) => {
    const x = r1(xAt(f, i, n));
    const ym = r1(yAt(f, p.manager));
    const yr = r1(yAt(f, p.report));
    const g = s('g', { class: 'pt' });
    g.appendChild(s('rect', { class: 'hit', attrs: { x: r1(x - step / 2), y: 0, width: r1(step), height: f.height } }));
    if (Math.abs(p.manager - p.report) >= 2) g.appendChild(s('line', { class: 'gap', attrs: { x1: x, x2: x, y1: ym, y2: yr } }));
    g.appendChild(s('circle', { class: 'dot report', attrs: { cx: x, cy: yr, r: 4.5 } }));
    g.appendChild(s('circle', { class: 'dot manager', attrs: { cx: x, cy: ym, r: 2.5 } }));
    linkPoint(g, p, o.tooltips, o.open);
    if (o.focusKey) g.setAttribute('data-focus', `${o.focusKey}:${i}`);
    svg.appendChild(g);
    cols.push(g);
  });
  roving(cols);
  return svg;
}

/** Confidence at each check-in as a row of small bars (0–1), coloured like scores. */
export function confidenceBars(points: readonly { value: number; label: string }[], o: { label: string; tooltips: boolean }): SVGSVGElement {
  const shown = points.slice(-8);
  const bw = 6;
  const gap = 3;
  const height = 16;
  const width = Math.max(1, shown.length * (bw + gap) - gap);
  const svg = s('svg', { class: 'chart conf-bars', attrs: { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': o.label, focusable: 'false' } });
  shown.forEach((p, i) => {
    const v = Math.max(0, Math.min(1, p.value));
    const bh = Math.max(1.5, r1(v * height));
    const r = s('rect', { class: `c-${barColour(v)}`, attrs: { x: i * (bw + gap), y: r1(height - bh), width: bw, height: bh, rx: 1 } });
    if (o.tooltips) r.appendChild(s('title', null, p.label));
    svg.appendChild(s('rect', { class: 'bar-bg', attrs: { x: i * (bw + gap), y: 0, width: bw, height, rx: 1 } }));
    svg.appendChild(r);
  });
  return svg;
}

/** Confidence bars take the score colours (SPEC §18: below 0.4 red, below 0.7 yellow, else green). */
function barColour(v: number): ScoreColour {
  return scoreColour(v);
}

/**
 * A 0–1 score as a bar coloured per SPEC §7, with the on-track threshold
 * marked (1.0 for committed, 0.7 for aspirational).
 */
export function scoreBar(value: number | null, colour: ScoreColour | null, threshold: number | undefined, small = false, shown?: string): HTMLElement {
  const fill = h('span', { class: ['fill', colour ? `c-${colour}` : 'c-none'] });
  setWidth(fill, value ?? 0);
  const track = h('span', { class: 'track' }, fill);
  if (threshold !== undefined) {
    const mark = h('span', { class: 'threshold', attrs: { 'aria-hidden': 'true' } });
    setLeft(mark, threshold);
    track.appendChild(mark);
  }
  // `shown` replaces the number when it is not a measurement (`cut`, `not measurable`).
  const colourWords = { red: () => l10n.t('red'), yellow: () => l10n.t('yellow'), green: () => l10n.t('green') } as Record<string, () => string>;
  const text = shown ? l10n.t('score: {0}', shown) : value === null ? l10n.t('no score') : colour ? l10n.t('score {0}, {1}', score(value), colourWords[colour]?.() ?? colour) : l10n.t('score {0}', score(value));
  return h(
    'span',
    { class: ['score-bar', small && 'small'], attrs: { role: 'img', 'aria-label': text } },
    track,
    h('span', { class: ['score-value', shown ? 'score-word' : colour ? `t-${colour}` : ''], attrs: { 'aria-hidden': 'true' } }, shown ?? score(value)),
  );
}

/** Completion rate against its target (80%), with the 70% tighten line implied by colour. */
export function completionBar(rate: number | null, target: number): HTMLElement {
  const colour = rate === null ? 'none' : rate >= target ? 'green' : rate >= 0.7 ? 'yellow' : 'red';
  const fill = h('span', { class: ['fill', `c-${colour}`] });
  setWidth(fill, rate ?? 0);
  const mark = h('span', { class: 'target', attrs: { 'aria-hidden': 'true' } });
  setLeft(mark, target);
  const markLabel = h('span', { class: 'target-label', attrs: { 'aria-hidden': 'true' } }, percent(target));
  setLeft(markLabel, target);
  return h(
    'span',
    {
      class: 'completion-bar',
      attrs: { role: 'img', 'aria-label': rate === null ? l10n.t('no action items due in the window') : l10n.t('completion {0}, target {1}', percent(rate), percent(target)) },
    },
    h('span', { class: 'track' }, fill, mark, markLabel),
  );
}
