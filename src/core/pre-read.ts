// The OKR review pre-read: a Markdown syntax tree (mdast) serialised by
// remark, so tables, escaping and emphasis are always valid Markdown. It is
// the public room: it takes nothing from private 1:1 notes (every 1:1 is
// private unless marked `visibility: shared`) nor from the private blocks of
// shared ones (SPEC §15), but counts.

import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as yamlStringify } from 'yaml';
import type { NewFile } from './actions/templates';
import { objectiveSections, preReadDue, type ObjectiveSection } from './reviews';
import type { Dataset } from './dataset';
import { formatConfidence, formatScore, krScoreText, NO_STATUS, NONE, UNDATED } from './format';
import { inPrivateBlock } from './markdown/body';
import { krScore } from './metrics';
import type { ActionItem, KeyResult, Objective, OkrSetDoc, OneOnOneDoc, ReviewDoc } from './model';
import { personLabel } from './people';
import { isLiveSet, slipReasons, slipText } from './slipping';
import { itemOwner } from './owners';
import { idKey } from './ids';

const processor = unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkStringify, { bullet: '-', rule: '-' });

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const para = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const list = (items: readonly string[]): List => ({ type: 'list', ordered: false, spread: false, children: items.map((i) => ({ type: 'listItem', spread: false, children: [para(text(i))] })) });
const fmt = formatScore;

/**
 * A key result's score as of a date: its last check-in on or before it, or
 * its `start` when it has check-ins but none yet by then. Undefined for a key
 * result with no check-ins at all: its history is unknown.
 */
export function krScoreAt(kr: KeyResult, date: string): number | undefined {
  const known = kr.checkins.filter((c) => c.date && c.current !== undefined);
  if (!known.length) return undefined;
  const before = known.filter((c) => c.date! <= date).sort((a, b) => (a.date! < b.date! ? -1 : 1));
  const last = before[before.length - 1];
  return krScore({ ...kr, current: last ? last.current : (kr.start ?? 0) });
}

/** Movement of an objective since a date, over the key results with a history. */
export function objectiveMovement(o: Objective, date: string): { before: number; now: number; counted: number; of: number } | undefined {
  const live = o.keyResults.filter((k) => k.status !== 'cut');
  const pairs = live.map((k) => [krScoreAt(k, date), krScore(k)] as const).filter((p): p is readonly [number, number] => p[0] !== undefined);
  if (!pairs.length) return undefined;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { before: mean(pairs.map((p) => p[0])), now: mean(pairs.map((p) => p[1])), counted: pairs.length, of: live.length };
}

function movement(o: Objective, when: string | undefined): string {
  if (!when) return 'first review of this set';
  const m = objectiveMovement(o, when);
  if (!m) return `no check-ins to compare with the ${when} review`;
  const d = m.now - m.before;
  const arrow = d > 0.005 ? '▲' : d < -0.005 ? '▼' : '■';
  const basis = m.counted < m.of ? `, over the ${m.counted} of ${m.of} key results with check-ins` : '';
  return `${arrow} ${d >= 0 ? '+' : ''}${d.toFixed(2)} since the ${when} review (${fmt(m.before)} → ${fmt(m.now)}${basis})`;
}

/**
 * The last valid `Decision:` taken on objective `o` of `set` in the given
 * reviews (newest first; the sections as core/reviews.ts reads them), with
 * its review and section; undefined when none was taken.
 */
function lastDecision(reviewsNewestFirst: readonly ReviewDoc[], set: OkrSetDoc, o: Objective): { value: string; review: ReviewDoc; section: ObjectiveSection } | undefined {
  for (const review of reviewsNewestFirst) {
    for (const section of sectionsOf(review, set, o).reverse()) {
      const d = section.decisions.filter((x) => x.value).pop();
      if (d?.value) return { value: d.value, review, section };
    }
  }
  return undefined;
}

/** The sections of `review` about objective `o` (SPEC §19), in file order. */
function sectionsOf(review: ReviewDoc, set: OkrSetDoc, o: Objective): ObjectiveSection[] {
  return objectiveSections(review, set).filter((s) => s.objective.key === o.key);
}

interface OwnerItems {
  readonly shared: { text: string; owner: string | undefined; due: string | undefined }[];
  /** Open items in private 1:1s, counted per person they concern (their own, else the 1:1's). */
  readonly privateCounts: Map<string, number>;
}

/** Open action items of 1:1s concerning these people: text from shared notes, counts from private ones. */
function ownerItems(ds: Dataset, owners: Set<string>): OwnerItems {
  const shared: OwnerItems['shared'] = [];
  const privateCounts = new Map<string, number>();
  for (const d of ds.docs()) {
    if (d.kind !== '1on1') continue;
    const note = d as OneOnOneDoc;
    for (const i of note.items) {
      if (i.status !== 'open') continue;
      const owner = itemOwner(i, ds.query);
      const whom = owner && owners.has(owner.key) ? owner.key : note.report && owners.has(note.report.key) ? note.report.key : undefined;
      if (!whom) continue;
      // A shared note's private blocks are private text: counted, never quoted (SPEC §15).
      if (note.visibility === 'shared' && !inPrivateBlock(note, i.line)) shared.push({ text: i.text, owner: personLabel(ds.query, owner), due: i.due?.value });
      else privateCounts.set(whom, (privateCounts.get(whom) ?? 0) + 1);
    }
  }
  return { shared, privateCounts };
}

/** When a pre-read for `meeting` goes out: 7 days before it (SPEC §19), or today when that day has passed. */
export function preReadSendDate(meeting: string, today: string): string {
  const due = preReadDue(meeting);
  return due > today ? due : today;
}

function itemWords(ds: Dataset, i: ActionItem): string {
  const who = personLabel(ds.query, itemOwner(i, ds.query));
  const when = i.status === 'done' ? (i.done?.value ? `done ${i.done.value}` : 'done') : i.due?.value ? `due ${i.due.value}` : undefined;
  const tail = [who, when].filter(Boolean).join(', ');
  return `${i.text || '(no text)'}${tail ? ` (${tail})` : ''}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function preReadPath(setId: string, meeting: string): string {
  return `okr-reviews/${setId}-${meeting}-pre-read.md`;
}

/**
 * The pre-read of an OKR review of `set` held on `meeting` (SPEC §1, §6, §15,
 * §18, §19): per objective its score and movement since the last review, the
 * last decision taken on it and what changed since (check-ins, that review's
 * follow-ups), a key-result table that marks cut and unmeasurable key results
 * as such and prints no invalid value, the slipping key results with their
 * reasons, dependencies, open items of shared 1:1s with the owners and a
 * count per person of those in private ones (never their text), and a
 * decision request. Written to `okr-reviews/<set>-<meeting>-pre-read.md`.
 */
export function buildPreRead(ds: Dataset, set: OkrSetDoc, meeting: string): NewFile {
  const earlier = ds
    .reviews()
    .filter((r) => r.okrs !== undefined && idKey(r.okrs) === set.key && r.date && r.date < meeting)
    .sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0));
  const last = earlier[0];
  const lastDate = last?.date;
  const dependents = new Map<string, string[]>();
  for (const other of ds.okrSets()) {
    for (const o of other.objectives) {
      const p = o.parent === undefined ? undefined : idKey(o.parent);
      if (!p) continue;
      const list = dependents.get(p) ?? [];
      list.push(`${other.id}#${o.id}${o.title ? ` ${o.title}` : ''}`);
      dependents.set(p, list);
    }
  }
  const live = isLiveSet(set, ds.today);

  // Sent 7 days ahead (SPEC §19), or today when that day has passed: `pre-read:` says
  // when it goes out, and pre-read-late tells a late one truthfully.
  const send = preReadSendDate(meeting, ds.today);
  const body: RootContent[] = [
    { type: 'yaml', value: yamlStringify({ type: 'okr-review', date: meeting, okrs: set.id, 'pre-read': send, visibility: 'shared' }).trimEnd() },
    heading(1, `Pre-read: ${set.id} OKR review, ${meeting}`),
    para(
      text(
        `Read before the meeting on ${meeting} (sent ${send}). Each objective ends with a decision: continue, cut, re-scope or escalate. Scores run 0.00–1.00; a cut key result counts for nothing, and one without a numeric target cannot be measured and counts as 0.00 in its objective's score. Private 1:1 notes are not quoted here; where they matter, only counts appear.`,
      ),
    ),
  ];

  for (const o of set.objectives) {
    const scored = o.keyResults.filter((k) => k.status !== 'cut');
    const now = scored.length ? scored.map(krScore).reduce((a, b) => a + b, 0) / scored.length : undefined;
    const owner = personLabel(ds.query, o.owner);
    body.push(heading(2, `${o.id} ${o.title ?? ''}`.trim()));
    body.push(
      para(
        strong(now === undefined ? 'No score' : `Score ${fmt(now)}`),
        text(` — ${now === undefined ? (o.keyResults.length ? 'every key result is cut' : 'no key results') : movement(o, lastDate)} · ${o.kind}${o.kind === 'aspirational' ? ' (0.7 is success)' : ' (on track at 1.0)'}${owner ? ` · owner ${owner}` : ''}`),
      ),
    );

    // The last decision on it, and what changed since the last review.
    const decided = lastDecision(earlier, set, o);
    if (!lastDate) body.push(para(strong('Last decision:'), text(' none yet — this is the first review of this set.')));
    else {
      body.push(
        para(
          strong('Last decision:'),
          text(decided ? ` ${decided.value}, at the ${decided.review.date} review.` : ` none recorded for ${o.id} in an earlier review (the last one was on ${lastDate}).`),
        ),
      );
      const changes: string[] = [];
      for (const k of o.keyResults) {
        for (const c of k.checkins) {
          if (!c.date || c.date <= lastDate) continue;
          const value = c.current === undefined ? undefined : `${c.current}${k.unit ? ` ${k.unit}` : ''}`;
          const conf = c.confidence === undefined ? undefined : `confidence ${formatConfidence(c.confidence)}`;
          // The note inside the line, between Cadence's own words: a note ending the line would run
          // on into the next line's words, a window the OKR set never shows (private-leak, SPEC §15).
          changes.push(`${k.id} checked in on ${c.date}${c.note ? ` (“${c.note}”)` : ''}: ${[value, conf].filter(Boolean).join(', ') || 'no figures'}`);
        }
      }
      const undated = o.keyResults.reduce((n, k) => n + k.checkins.filter((c) => !c.date).length, 0);
      if (undated) changes.push(`${plural(undated, `${UNDATED} check-in`)} (not placed in time)`);
      // Follow-ups written under this objective at the review of its last decision (else the last review).
      const at = decided ?? { review: last, section: sectionsOf(last, set, o).pop() };
      const { review, section } = at;
      // A review's private blocks are private text: an export leaves them out (SPEC §15).
      for (const i of section ? review.items.filter((i) => i.line >= section.from && i.line < section.to && !inPrivateBlock(review, i.line)) : []) {
        const state = i.status === 'done' ? 'done' : i.status === 'open' ? 'open' : i.status;
        changes.push(`Follow-up from the ${review.date} review, ${state}: ${itemWords(ds, i)}`);
      }
      body.push(para(strong(`Since the ${lastDate} review:`), text(changes.length ? '' : ' no check-ins and no follow-ups.')));
      if (changes.length) body.push(list(changes));
    }

    if (o.keyResults.length) {
      const rows: TableRow[] = [
        { type: 'tableRow', children: ['Key result', 'Owner', 'Score', 'Confidence', 'Status', 'Due'].map((h) => ({ type: 'tableCell', children: [text(h)] })) },
        ...o.keyResults.map(
          (k): TableRow => ({
            type: 'tableRow',
            children: [`${k.id} ${k.title ?? ''}`.trim(), personLabel(ds.query, k.owner) ?? NONE, krScoreText(k), formatConfidence(k.confidence), k.status ?? NO_STATUS, k.due?.value ?? NONE].map((c) => ({
              type: 'tableCell',
              children: [text(c)],
            })),
          }),
        ),
      ];
      body.push({ type: 'table', align: [null, null, 'right', 'right', null, null], children: rows });
    } else body.push(para(text(`${o.id} has no key results yet: nothing to score.`)));

    const slipping = live ? o.keyResults.map((k) => ({ k, reasons: slipReasons(k, set, ds.today) })).filter((x) => x.reasons.length) : [];
    if (slipping.length) {
      body.push(para(strong('Slipping:')));
      body.push(list(slipping.map(({ k, reasons }) => `${k.id} — ${slipText(reasons)}`)));
    }

    const deps = dependents.get(`${set.key}#${o.key}`) ?? [];
    body.push(para(strong('Depends on:'), text(` ${o.parent ?? 'nothing upstream'}`)));
    body.push(para(strong('Depended on by:'), text(` ${deps.length ? deps.join('; ') : 'no other objective'}`)));
    const owners = new Set(o.keyResults.map((k) => k.owner?.key).filter((k): k is string => !!k && k !== 'me' && k !== ds.query.meKey()));
    const items = ownerItems(ds, owners);
    if (items.shared.length) {
      body.push(para(text('Open action items from shared 1:1s with the key-result owners:')));
      body.push(list(items.shared.map((i) => `${i.text}${i.owner ? ` (${i.owner}` : ' ('}${i.due ? `, due ${i.due})` : ')'}`)));
    }
    if (items.privateCounts.size) {
      const whose = [...items.privateCounts].map(([key, n], j) => `${j === 0 ? plural(n, 'open action item') : n} that concern${n === 1 ? 's' : ''} ${personLabel(ds.query, { id: key, key }) ?? key}`);
      const joined = whose.length > 1 ? `${whose.slice(0, -1).join(', ')} and ${whose[whose.length - 1]}` : whose[0];
      body.push(para(strong('Not shown:'), text(` ${joined} (their own, or from their 1:1s) — they stand in private 1:1 notes or private blocks, which a pre-read never quotes.`)));
    }
    body.push(para(strong('Decision requested:'), text(' continue · cut · re-scope · escalate')));
  }
  body.push(heading(2, 'Action items'));
  body.push({
    type: 'list',
    ordered: false,
    spread: false,
    children: [{ type: 'listItem', spread: false, checked: false, children: [para(text(`Send this pre-read to the review's attendees @me due:${send}`))] }],
  });
  const tree: Root = { type: 'root', children: body };
  return { path: preReadPath(set.id, meeting), text: processor.stringify(tree), otherEdits: new Map() };
}
