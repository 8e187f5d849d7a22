// What the dashboard shows, computed from the dataset (pure, testable): the
// extension posts exactly this object to the webview.

import { addDays, daysBetween, toDayNumber } from './dates';
import type { Dataset } from './dataset';
import { cadenceOf, happinessTrend, krOnTrack, krScore, objectiveScore, personFigures, ratingAlignment, scoreColour, setScore, type CadenceStatus, type ScoreColour } from './metrics';
import { heldOneOnOnes } from './meetings';
import { feedbackIn, type FeedbackCounts } from './review-packet';
import type { KrStatus, Relationship } from './model';

export interface Location {
  readonly path: string;
  readonly line: number;
}

export interface PersonCard {
  readonly id: string;
  readonly name: string;
  readonly role: string | undefined;
  readonly me: boolean;
  readonly status: CadenceStatus;
  readonly cadenceDays: number;
  readonly lastOneOnOne: string | undefined;
  readonly daysSinceLast: number | undefined;
  readonly nextDue: string | undefined;
  readonly openItems: number;
  readonly overdueItems: number;
  /** 0–1, or null with no items due in the window. */
  readonly completion: number | null;
  readonly previousCompletion: number | null;
  readonly tightenCadence: boolean;
  /** Who they are to the manager (SPEC §11); team figures count reports only. */
  readonly relationship: Relationship;
  /** Open talking points waiting for the next 1:1 (SPEC §13). */
  readonly pendingTalkingPoints: number;
  readonly happiness: { readonly date: string; readonly value: number; readonly at: Location }[];
  readonly ratings: { readonly date: string; readonly manager: number; readonly report: number; readonly at: Location }[];
  /** Feedback entries of their 1:1s in the feedback window (SPEC §14), counted as the review packet counts them. */
  readonly feedback: FeedbackCounts;
  readonly at: Location;
}

export interface HeatmapRow {
  readonly id: string;
  readonly name: string;
  /** One cell per week, oldest first: 1:1s held that week, and whether the cadence had lapsed by its end. */
  readonly weeks: { readonly count: number; readonly lapsed: boolean }[];
}

export interface KrCard {
  readonly set: string;
  readonly objective: string;
  readonly objectiveIndex: number;
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly owner: string | undefined;
  readonly due: string | undefined;
  readonly score: number;
  readonly colour: ScoreColour;
  readonly onTrack: boolean;
  readonly kind: 'committed' | 'aspirational';
  readonly status: KrStatus | undefined;
  readonly confidence: number | undefined;
  readonly confidenceHistory: { readonly date: string; readonly value: number }[];
  readonly at: Location;
}

export interface ObjectiveView {
  readonly id: string;
  readonly title: string;
  readonly owner: string | undefined;
  readonly kind: 'committed' | 'aspirational';
  readonly score: number | null;
  readonly colour: ScoreColour | null;
  readonly parent: string | undefined;
  readonly keyResults: KrCard[];
  readonly at: Location;
}

export interface SetView {
  readonly id: string;
  readonly period: string | undefined;
  readonly score: number | null;
  readonly objectives: ObjectiveView[];
  readonly at: Location;
}

export interface Signal {
  readonly kind: 'kr-slipping-no-1on1' | 'happiness-falling' | 'rating-gap';
  readonly text: string;
  readonly person: string | undefined;
  readonly at: Location;
}

export interface DashboardData {
  readonly today: string;
  readonly completionTarget: number;
  /** Days in the completion-rate window (cadence.completionWindowDays). */
  readonly completionWindowDays: number;
  /** Days in the feedback window (cadence.feedbackWindowDays), today included. */
  readonly feedbackWindowDays: number;
  readonly people: PersonCard[];
  readonly heatmap: { readonly weekStarts: string[]; readonly rows: HeatmapRow[] };
  readonly sets: SetView[];
  readonly signals: Signal[];
}

export const HEATMAP_WEEKS = 16;

/** Monday of the week containing `date`. */
function monday(date: string): string {
  const dow = (new Date(toDayNumber(date) * 86400000).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

export function dashboardData(ds: Dataset): DashboardData {
  const today = ds.today;
  const ctx = ds.context();
  const people = ds.people();
  const feedbackWindow = { from: addDays(today, -(ds.settings.feedbackWindowDays - 1)), to: today };
  const cards: PersonCard[] = people.map((p) => {
    const f = personFigures(ctx, p);
    const notes = ds.query.notesOf(p.key);
    return {
      id: p.id,
      name: p.name ?? p.id,
      role: p.role,
      me: p.me,
      status: f.status,
      cadenceDays: f.cadenceDays,
      lastOneOnOne: f.lastOneOnOne,
      daysSinceLast: f.daysSinceLast,
      nextDue: f.nextDue,
      openItems: f.openItems,
      overdueItems: f.overdueItems,
      completion: f.completion.rate ?? null,
      previousCompletion: f.previousCompletion.rate ?? null,
      tightenCadence: f.tightenCadence,
      relationship: p.relationship,
      pendingTalkingPoints: f.pendingTalkingPoints,
      happiness: happinessTrend(notes, today).map((h) => ({ date: h.date, value: h.happiness, at: { path: h.path, line: h.line } })),
      ratings: ratingAlignment(notes, today, p.relationship).map((r) => ({ date: r.date, manager: r.manager, report: r.report, at: { path: r.path, line: r.line } })),
      feedback: feedbackIn(notes, feedbackWindow),
      at: { path: p.path, line: 0 },
    };
  });

  const first = monday(addDays(today, -7 * (HEATMAP_WEEKS - 1)));
  const weekStarts = Array.from({ length: HEATMAP_WEEKS }, (_, i) => addDays(first, 7 * i));
  const rows: HeatmapRow[] = people
    .filter((p) => !p.me)
    .map((p) => {
      const dates = heldOneOnOnes(ds.query.notesOf(p.key), today).map((o) => o.date!);
      const cadence = cadenceOf(p, ds.settings);
      const weeks = weekStarts.map((start) => {
        const end = addDays(start, 6);
        const count = dates.filter((d) => d >= start && d <= end).length;
        const asOf = end < today ? end : today;
        const before = dates.filter((d) => d <= asOf);
        const ref = before.length ? before[before.length - 1] : p.since?.value && p.since.value <= asOf ? p.since.value : undefined;
        return { count, lapsed: ref !== undefined && daysBetween(ref, asOf) > 1.5 * cadence };
      });
      return { id: p.id, name: p.name ?? p.id, weeks };
    });

  const sets: SetView[] = ds.okrSets().map((set) => ({
    id: set.id,
    period: set.period,
    score: setScore(set) ?? null,
    at: { path: set.path, line: 0 },
    objectives: set.objectives.map((o) => {
      const s = objectiveScore(o);
      return {
        id: o.id,
        title: o.title ?? '',
        owner: o.owner?.id,
        kind: o.kind,
        score: s ?? null,
        colour: s === undefined ? null : scoreColour(s),
        parent: o.parent,
        at: { path: set.path, line: o.firstLine.start.line },
        keyResults: o.keyResults.map((kr) => ({
          set: set.id,
          objective: o.id,
          objectiveIndex: o.index,
          index: kr.index,
          id: kr.id,
          title: kr.title ?? '',
          owner: kr.owner?.id,
          due: kr.due?.value,
          score: krScore(kr),
          colour: scoreColour(krScore(kr)),
          onTrack: krOnTrack(kr, o),
          kind: o.kind,
          status: kr.status,
          confidence: kr.confidence,
          confidenceHistory: kr.checkins.filter((c) => c.date && c.confidence !== undefined).map((c) => ({ date: c.date!, value: c.confidence! })),
          at: { path: set.path, line: kr.firstLine.start.line },
        })),
      };
    }),
  }));

  return { today, completionTarget: 0.8, completionWindowDays: ds.settings.completionWindowDays, feedbackWindowDays: ds.settings.feedbackWindowDays, people: cards, heatmap: { weekStarts, rows }, sets, signals: signals(ds, cards, sets) };
}

function signals(ds: Dataset, cards: PersonCard[], sets: SetView[]): Signal[] {
  const out: Signal[] = [];
  for (const set of sets) {
    for (const o of set.objectives) {
      for (const kr of o.keyResults) {
        if (kr.status !== 'at-risk' && kr.status !== 'off-track') continue;
        if (!kr.owner || kr.owner.toLowerCase() === 'me') continue;
        // It slipped when it was last checked in (the status is as of then).
        const slipped = kr.confidenceHistory.length ? kr.confidenceHistory[kr.confidenceHistory.length - 1].date : undefined;
        const last = ds.query.lastOneOnOne(kr.owner.toLowerCase());
        if (!last || (slipped && last < slipped)) {
          out.push({
            kind: 'kr-slipping-no-1on1',
            text: `${set.id} ${o.id}/${kr.id} is ${kr.status}${slipped ? ` since ${slipped}` : ''}; no 1:1 with ${kr.owner} since${last ? ` (last ${last})` : ' (none yet)'}.`,
            person: kr.owner,
            at: kr.at,
          });
        }
      }
    }
  }
  for (const c of cards) {
    const h = c.happiness;
    if (h.length >= 3 && h[h.length - 3].value > h[h.length - 2].value && h[h.length - 2].value > h[h.length - 1].value) {
      out.push({ kind: 'happiness-falling', text: `${c.name}'s happiness fell two 1:1s in a row (${h.slice(-3).map((x) => x.value).join(' → ')}).`, person: c.id, at: h[h.length - 1].at });
    }
    const r = c.ratings[c.ratings.length - 1];
    if (r && Math.abs(r.manager - r.report) >= 2) {
      out.push({ kind: 'rating-gap', text: `${c.name}: you rated ${r.manager}, they rated ${r.report} on ${r.date} — talk about the gap.`, person: c.id, at: r.at });
    }
  }
  return out;
}

