// What the dashboard shows, computed from the dataset (pure, testable): the
// extension posts exactly this object to the webview.

import { addDays, daysBetween, toDayNumber } from './dates';
import type { Dataset } from './dataset';
import { krScoreWords } from './format';
import { cadenceOf, happinessTrend, krMeasurable, krOnTrack, krScore, objectiveScore, personFigures, ratingAlignment, scoreColour, setScore, type CadenceStatus, type ScoreColour } from './metrics';
import { heldOneOnOnes } from './meetings';
import { feedbackIn, type FeedbackCounts } from './review-packet';
import type { KrStatus, Relationship } from './model';
import { openItemCounts, type ItemCounts } from './open-items';
import { displayName, orderPeople, personLabel, type PeopleOrder } from './people';
import { isLiveSet, slipReasons, slipWords } from './slipping';
import { idKey } from './ids';
import * as l10n from './l10n';

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

/** A key result's check-in as every view lists it: undated ones too (SPEC §18: same data everywhere). */
export interface CheckInView {
  /** Null for a check-in without a valid date (shown as "undated"). */
  readonly date: string | null;
  readonly current: number | null;
  /** Null when absent; an out-of-range value is kept and shown as "invalid". */
  readonly confidence: number | null;
  readonly at: Location;
}

export interface KrCard {
  readonly set: string;
  readonly objective: string;
  readonly objectiveIndex: number;
  readonly index: number;
  readonly id: string;
  readonly title: string;
  /** The owner's id as written (lower-case it to compare). */
  readonly owner: string | undefined;
  /** The owner as shown: their name, else their id as the person file spells it (personLabel). */
  readonly ownerName: string | undefined;
  readonly due: string | undefined;
  /** The score that counts in the means (0 when not measurable). */
  readonly score: number;
  /** The score as shown everywhere: two decimals, `cut`, or `not measurable` (krScoreText). */
  readonly scoreText: string;
  readonly measurable: boolean;
  readonly colour: ScoreColour;
  readonly onTrack: boolean;
  readonly kind: 'committed' | 'aspirational';
  /** Undefined: the file has no valid `status:` (SPEC §18: not "on track"). */
  readonly status: KrStatus | undefined;
  readonly confidence: number | undefined;
  /** SPEC §18: why the key result is slipping, in words; empty when it is not. */
  readonly slipping: string[];
  readonly checkins: CheckInView[];
  readonly at: Location;
}

export interface ObjectiveView {
  readonly id: string;
  readonly title: string;
  readonly owner: string | undefined;
  readonly ownerName: string | undefined;
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
  /**
   * SPEC §18: the one set of open action items (every 1:1 file and OKR
   * review), the same numbers as the status bar and the Action Items view.
   */
  readonly actionItems: ItemCounts;
  readonly completionTarget: number;
  /** Days in the completion-rate window (cadence.completionWindowDays). */
  readonly completionWindowDays: number;
  /** Days in the feedback window (cadence.feedbackWindowDays), today included. */
  readonly feedbackWindowDays: number;
  /** Reports in the views' order (cadence.reportsOrder), then the manager's own card. */
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

export interface DashboardOptions {
  /** How the reports are ordered (the Reports tree's setting); default urgency. */
  readonly peopleOrder?: PeopleOrder;
}

export function dashboardData(ds: Dataset, options: DashboardOptions = {}): DashboardData {
  const today = ds.today;
  const ctx = ds.context();
  const ordered = orderPeople(ds.people(), ctx, options.peopleOrder ?? 'urgency');
  const people = [...ordered.others, ...ordered.me];
  const feedbackWindow = { from: addDays(today, -(ds.settings.feedbackWindowDays - 1)), to: today };
  const cards: PersonCard[] = people.map((p) => {
    const f = personFigures(ctx, p);
    const notes = ds.query.notesOf(p.key);
    return {
      id: p.id,
      name: displayName(p),
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
  const rows: HeatmapRow[] = ordered.others.map((p) => {
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
    return { id: p.id, name: displayName(p), weeks };
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
        ownerName: personLabel(ds.query, o.owner),
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
          ownerName: personLabel(ds.query, kr.owner),
          due: kr.due?.value,
          score: krScore(kr),
          scoreText: krScoreWords(kr),
          measurable: krMeasurable(kr),
          colour: scoreColour(krScore(kr)),
          onTrack: krOnTrack(kr, o),
          kind: o.kind,
          status: kr.status,
          confidence: kr.confidence,
          slipping: isLiveSet(set, today) ? slipReasons(kr, set, today).map((r) => slipWords([r])) : [],
          checkins: kr.checkins.map((c) => ({ date: c.date ?? null, current: c.current ?? null, confidence: c.confidence ?? null, at: { path: set.path, line: c.range.start.line } })),
          at: { path: set.path, line: kr.firstLine.start.line },
        })),
      };
    }),
  }));

  return {
    today,
    actionItems: openItemCounts(ds),
    completionTarget: 0.8,
    completionWindowDays: ds.settings.completionWindowDays,
    feedbackWindowDays: ds.settings.feedbackWindowDays,
    people: cards,
    heatmap: { weekStarts, rows },
    sets,
    signals: signals(ds, cards, sets),
  };
}

/**
 * What joins the two rooms: a slipping key result (SPEC §18) whose owner has
 * had no 1:1 since it was last checked in (or none at all), a happiness
 * that fell two 1:1s in a row, a rating gap of 2 or more.
 */
function signals(ds: Dataset, cards: PersonCard[], sets: SetView[]): Signal[] {
  const out: Signal[] = [];
  for (const set of sets) {
    for (const o of set.objectives) {
      for (const kr of o.keyResults) {
        if (!kr.slipping.length || !kr.owner) continue;
        const key = idKey(kr.owner);
        if (key === 'me' || key === ds.query.meKey()) continue;
        // As of its last dated check-in: that is when the file last said where it stands.
        const dated = kr.checkins.map((c) => c.date).filter((d): d is string => d !== null).sort();
        const since = dated[dated.length - 1];
        const last = ds.query.lastOneOnOne(key);
        if (!last || (since && last < since)) {
          out.push({
            kind: 'kr-slipping-no-1on1',
            text: (() => {
              const what = `${set.id} ${o.id}/${kr.id} ${kr.title}`;
              const reasons = kr.slipping.join('; ');
              const who = kr.ownerName ?? kr.owner ?? '';
              if (since) return last ? l10n.t('{0} is slipping ({1}) as of its check-in of {2}; no 1:1 with {3} since (last {4}).', what, reasons, since, who, last) : l10n.t('{0} is slipping ({1}) as of its check-in of {2}; no 1:1 with {3} since (none yet).', what, reasons, since, who);
              return last ? l10n.t('{0} is slipping ({1}); no 1:1 with {2} since (last {3}).', what, reasons, who, last) : l10n.t('{0} is slipping ({1}); no 1:1 with {2} since (none yet).', what, reasons, who);
            })(),
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
      out.push({ kind: 'happiness-falling', text: l10n.t('{0}\'s happiness fell two 1:1s in a row ({1}).', c.name, h.slice(-3).map((x) => x.value).join(' → ')), person: c.id, at: h[h.length - 1].at });
    }
    const r = c.ratings[c.ratings.length - 1];
    if (r && Math.abs(r.manager - r.report) >= 2) {
      out.push({ kind: 'rating-gap', text: l10n.t('{0}: you rated {1}, they rated {2} on {3} — talk about the gap.', c.name, r.manager, r.report, r.date), person: c.id, at: r.at });
    }
  }
  return out;
}

