// The review packet (SPEC §14): a period's evidence for a performance review,
// gathered from the whole period so that the review does not rest on the
// last few weeks. One pure function of the dataset and the period builds the
// packet; `cadence review` prints it (JSON, or the Markdown of
// review-packet-md.ts) and the editor's Prepare Review Packet… writes the
// Markdown. The feedback figures the dashboard and `no-recent-feedback` show
// come from `feedbackIn`, the same reading.

import { addDays, daysBetween } from './dates';
import type { Dataset } from './dataset';
import { oneOnOnesOf, ratesPerformance, type OneOnOne } from './meetings';
import { cadenceOf, krMeasurable, krScore, okrSetEnd, okrSetStart } from './metrics';
import type { ActionItem, FeedbackKind, KrStatus, OneOnOneDoc, PersonDoc, ReviewDoc } from './model';
import { itemOwner, withoutOwnerLink, type KnownPeople } from './owners';
import { comparePaths } from './paths';

/** `--from` defaults to `--to` minus this many days (SPEC §14): about six months, both ends included. */
export const DEFAULT_REVIEW_DAYS = 182;

export type EvidenceKind = FeedbackKind | 'keep' | 'fix' | 'clarify' | 'done' | 'rating';

/** The evidence kinds in the order the Markdown packet groups them. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['praise', 'redirect', 'received', 'keep', 'fix', 'clarify', 'done', 'rating'];

/** One piece of evidence (SPEC §14): where it stands, with a 1-based `line`, and `file` relative to the folder in `/` form. */
export interface EvidenceEntry {
  readonly date: string;
  readonly kind: EvidenceKind;
  readonly text: string;
  readonly file: string;
  readonly line: number;
}

export interface PacketSummary {
  /** The person's 1:1s (notes and log meetings) dated in the period. */
  readonly oneOnOnes: number;
  /** ⌊D ÷ cadence days⌋, D the period's length in days. */
  readonly expectedOneOnOnes: number;
  /** Over the 1:1s of the period that have one; absent when none has. */
  readonly happiness?: { readonly mean: number; readonly first: number; readonly last: number };
  /** Over the 1:1s of the period that have both ratings; absent when none has (or the person is not a report). */
  readonly ratings?: { readonly managerMean: number; readonly reportMean: number };
  /** Action items owned by the person, in any note, due in the period. */
  readonly actionItems: { readonly done: number; readonly doneLate: number; readonly openOverdue: number };
  /** Feedback entries among the evidence. */
  readonly feedback: FeedbackCounts;
  /** More than half of the evidence falls in the period's last ⌊D/4⌋ days. */
  readonly recencySkew: boolean;
}

export interface FeedbackCounts {
  readonly praise: number;
  readonly redirect: number;
  readonly received: number;
}

export interface PacketKeyResult {
  readonly set: string;
  readonly objective: string;
  readonly id: string;
  readonly title: string;
  /** 0–1 to two decimals; absent when the key result is not measurable. */
  readonly score?: number;
  readonly status?: KrStatus;
  readonly confidence?: number;
}

export interface PacketTheme {
  readonly title: string;
  readonly since?: string;
  readonly until?: string;
}

/** The packet as `cadence review --format json` prints it (SPEC §14), fields in that order. */
export interface ReviewPacket {
  readonly person: string;
  readonly from: string;
  readonly to: string;
  readonly summary: PacketSummary;
  readonly keyResults: PacketKeyResult[];
  readonly themes: PacketTheme[];
  readonly development: string[];
  readonly evidence: EvidenceEntry[];
}

export interface ReviewPeriod {
  /** First day, 'YYYY-MM-DD', included. */
  readonly from: string;
  /** Last day, included. */
  readonly to: string;
}

/** The period of SPEC §14: `to` defaults to today, `from` to `to` − 182 days. Undefined when `from` is after `to`. */
export function reviewPeriod(today: string, to?: string, from?: string): ReviewPeriod | undefined {
  const t = to ?? today;
  const f = from ?? addDays(t, -DEFAULT_REVIEW_DAYS);
  return f <= t ? { from: f, to: t } : undefined;
}

/** The period's length in days, both ends included (D of SPEC §14). */
export function periodDays(p: ReviewPeriod): number {
  return daysBetween(p.from, p.to) + 1;
}

/** Rounded half away from zero to two decimals (SPEC §14's means and scores). */
export function round2(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-9) / 100;
  return x < 0 ? -r : r;
}

/** A person id as a key: NFC, lower-cased, without a leading `@` (SPEC §3, §10). */
export function personKey(id: string): string {
  return id.replace(/^@/, '').normalize('NFC').toLowerCase();
}

/** The person a packet is for, or undefined when no person file has that id. */
export function packetPerson(ds: Dataset, id: string): PersonDoc | undefined {
  return ds.query.peopleWithKey(personKey(id))[0];
}

const inPeriod = (date: string | undefined, p: ReviewPeriod): date is string => date !== undefined && date >= p.from && date <= p.to;

/** The person's 1:1s (notes and log meetings) dated in [from, to], by date, then file, then line. */
export function oneOnOnesIn(notes: readonly OneOnOneDoc[], p: ReviewPeriod): OneOnOne[] {
  const out: OneOnOne[] = [];
  for (const n of notes) for (const o of oneOnOnesOf(n)) if (inPeriod(o.date, p)) out.push(o);
  return out.sort((a, b) => a.date!.localeCompare(b.date!) || comparePaths(a.path, b.path) || a.line - b.line);
}

/**
 * Feedback entries of a person's 1:1s dated in [from, to] (SPEC §14), by
 * kind: what the dashboard shows per report, what `no-recent-feedback`
 * reads and what the packet counts.
 */
export function feedbackIn(notes: readonly OneOnOneDoc[], p: ReviewPeriod): FeedbackCounts {
  const c = { praise: 0, redirect: 0, received: 0 };
  for (const o of oneOnOnesIn(notes, p)) for (const f of o.feedback) c[f.kind]++;
  return c;
}

/**
 * Does the item belong to the person: its owner (SPEC §10: its owner token,
 * else its first wikilink naming a known person: itemOwner) is their id
 * (`@me` for the manager's own file)?
 */
function ownedBy(item: ActionItem, person: PersonDoc, meKey: string, people: KnownPeople): boolean {
  const k = itemOwner(item, people)?.key.normalize('NFC');
  if (!k) return false;
  return k === person.key.normalize('NFC') || (person.me && (k === 'me' || k === meKey));
}

/** The date of the note or meeting an item stands in. */
function noteDateOf(doc: OneOnOneDoc | ReviewDoc, line: number): string | undefined {
  if (doc.kind === 'okr-review' || !doc.log) return doc.date;
  for (const m of doc.meetings) if (line > m.line && line < m.endLine) return m.date;
  return undefined;
}

/**
 * The review packet of a person over a period (SPEC §14), or undefined when
 * no person file has that id. `id` is as given (the packet's `person` is it
 * lower-cased); `today` decides which open items are overdue. Evidence comes
 * from the person's 1:1s dated in the period (feedback entries,
 * retrospective lines, ratings of a report) and from every 1:1 note and OKR
 * review (done action items the person owns, dated by their done date, else
 * by their note's or meeting's date). Means and scores are rounded to two
 * decimals; lists keep file order; evidence is sorted by date, file
 * (code-point order), line.
 */
export function buildReviewPacket(ds: Dataset, id: string, period: ReviewPeriod, today: string): ReviewPacket | undefined {
  const person = packetPerson(ds, id);
  if (!person) return undefined;
  const meKey = ds.query.meKey();
  const evidence: EvidenceEntry[] = [];
  const add = (date: string, kind: EvidenceKind, text: string, file: string, line0: number) => evidence.push({ date, kind, text, file, line: line0 + 1 });

  const held = oneOnOnesIn(ds.query.notesOf(person.key), period);
  const rates = ratesPerformance(person.relationship);
  const happy: { value: number }[] = [];
  const managers: number[] = [];
  const reports: number[] = [];
  for (const o of held) {
    const date = o.date!;
    for (const f of o.feedback) add(date, f.kind, f.text, o.path, f.line);
    for (const r of o.retro) add(date, r.mood, r.text, o.path, r.line);
    if (o.happiness !== undefined) happy.push({ value: o.happiness });
    if (rates && o.managerRating !== undefined && o.reportRating !== undefined) {
      managers.push(o.managerRating);
      reports.push(o.reportRating);
      add(date, 'rating', `manager ${o.managerRating}, report ${o.reportRating}`, o.path, o.ratingField?.keyRange.start.line ?? o.line);
    }
  }

  let done = 0;
  let doneLate = 0;
  let openOverdue = 0;
  for (const doc of ds.docs()) {
    if (doc.kind !== '1on1' && doc.kind !== 'okr-review') continue;
    for (const item of doc.items) {
      if (!ownedBy(item, person, meKey, ds.query)) continue;
      const due = item.due?.value;
      if (inPeriod(due, period)) {
        if (item.status === 'done') {
          done++;
          if (item.done?.value && item.done.value > due) doneLate++;
        } else if (item.status === 'open' && due < today) openOverdue++;
      }
      if (item.status === 'done') {
        const date = item.done?.value ?? noteDateOf(doc, item.line);
        if (inPeriod(date, period)) add(date, 'done', withoutOwnerLink(item.text, item, ds.query), doc.path, item.line);
      }
    }
  }
  evidence.sort((a, b) => a.date.localeCompare(b.date) || comparePaths(a.file, b.file) || a.line - b.line);

  const d = periodDays(period);
  const { late } = lateEvidence(period, evidence);
  const feedback = { praise: 0, redirect: 0, received: 0 };
  for (const e of evidence) if (e.kind === 'praise' || e.kind === 'redirect' || e.kind === 'received') feedback[e.kind]++;

  const mean = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0) / xs.length);
  const summary: PacketSummary = {
    oneOnOnes: held.length,
    expectedOneOnOnes: Math.floor(d / cadenceOf(person, ds.settings)),
    ...(happy.length ? { happiness: { mean: mean(happy.map((h) => h.value)), first: happy[0].value, last: happy[happy.length - 1].value } } : {}),
    ...(managers.length ? { ratings: { managerMean: mean(managers), reportMean: mean(reports) } } : {}),
    actionItems: { done, doneLate, openOverdue },
    feedback,
    recencySkew: late * 2 > evidence.length,
  };

  const keyResults: PacketKeyResult[] = [];
  for (const set of ds.okrSets()) {
    const start = okrSetStart(set);
    const end = okrSetEnd(set);
    if (!start || !end || start > period.to || end < period.from) continue;
    for (const o of set.objectives) {
      for (const kr of o.keyResults) {
        if (kr.status === 'cut' || !kr.owner) continue;
        const k = kr.owner.key.normalize('NFC');
        if (k !== person.key.normalize('NFC') && !(person.me && (k === 'me' || k === meKey))) continue;
        keyResults.push({
          set: set.id,
          objective: o.id,
          id: kr.id,
          title: kr.title ?? '',
          ...(krMeasurable(kr) ? { score: round2(krScore(kr)) } : {}),
          ...(kr.status !== undefined ? { status: kr.status } : {}),
          ...(kr.confidence !== undefined ? { confidence: kr.confidence } : {}),
        });
      }
    }
  }

  const themes: PacketTheme[] = [];
  for (const t of person.themes) {
    const since = t.since?.value;
    const until = t.until?.value;
    if ((since && since > period.to) || (until && until < period.from)) continue;
    themes.push({ title: t.title ?? '', ...(since ? { since } : {}), ...(until ? { until } : {}) });
  }

  return {
    person: id.replace(/^@/, '').toLowerCase(),
    from: period.from,
    to: period.to,
    summary,
    keyResults,
    themes,
    development: [...person.development],
    evidence,
  };
}

/**
 * The recency check (SPEC §14): how many evidence entries fall in the
 * period's last ⌊D/4⌋ days (`days`); none when that is 0 days.
 */
export function lateEvidence(period: ReviewPeriod, evidence: readonly EvidenceEntry[]): { late: number; days: number } {
  const days = Math.floor(periodDays(period) / 4);
  const lateFrom = addDays(period.to, -(days - 1));
  return { late: days > 0 ? evidence.filter((e) => e.date >= lateFrom).length : 0, days };
}

/** A period the editor offers for a packet (Prepare Review Packet…). */
export interface PeriodPreset extends ReviewPeriod {
  readonly label: string;
  readonly detail: string;
}

/**
 * The periods Prepare Review Packet… offers, each ending today: the last 6
 * months (SPEC §14's default, 183 days), the last 12 months (365 days), and,
 * when the person has an earlier packet (a `review-packet` file whose
 * `person:` is theirs) ending before today, the days since its `to:`.
 */
export function periodPresets(ds: Dataset, person: PersonDoc, today: string): PeriodPreset[] {
  const six = reviewPeriod(today)!;
  const out: PeriodPreset[] = [
    { label: 'Last 6 months', detail: `${six.from} to ${today}`, ...six },
    { label: 'Last 12 months', detail: `${addDays(today, -364)} to ${today}`, from: addDays(today, -364), to: today },
  ];
  let last: string | undefined;
  for (const d of ds.docs()) {
    if (d.kind === 'review-packet' && d.person && personKey(d.person) === person.key.normalize('NFC') && d.to && d.to < today && (!last || d.to > last)) last = d.to;
  }
  if (last) out.push({ label: 'Since the last packet', detail: `${addDays(last, 1)} to ${today} (the last one ended ${last})`, from: addDays(last, 1), to: today });
  return out;
}

/** Where Prepare Review Packet… writes a packet: `reviews/<person>-<to>.md`, the id as the person file spells it. */
export function packetPath(person: PersonDoc, to: string): string {
  return `reviews/${person.id}-${to}.md`;
}
