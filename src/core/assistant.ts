// What the editor's chat assistant may read (issue 21, SPEC §15): the three
// read-only language-model tools' answers, as Markdown text for a chat model.
// Every figure comes from the functions the views use (personFigures,
// pendingTalkingPoints, happinessTrend, ratingAlignment, openActionItems,
// slippingKeyResults, the score formats), so the assistant counts and words
// the data as the trees, the status bar and the dashboard do.
//
// The wall of SPEC §15 holds here too: unless `privateText` is on, no private
// text leaves — an action item or talking point is quoted only from a shared
// 1:1 (`visibility: shared`) or an OKR review, and never from inside a
// private block; key-result and objective titles and check-in notes (an OKR
// set is shared text) are quoted; the rest is counts, dates, ids, names and
// ratings. Each answer says how many texts it left out.

import type { Dataset } from './dataset';
import { daysAgo, formatConfidence, formatScore, formatShare, krScoreText, NO_STATUS } from './format';
import { idKey } from './ids';
import { inPrivateBlock } from './markdown/body';
import { cadenceStatus, happinessTrend, objectiveScore, okrSetEnd, okrSetStart, pendingTalkingPoints, periodElapsed, personFigures, ratingAlignment, setScore } from './metrics';
import type { ActionItem, Doc, KeyResult, Objective, OkrSetDoc, PersonDoc } from './model';
import { openActionItems, openItemCounts } from './open-items';
import { itemOwner } from './owners';
import { displayName, orderPeople, personLabel } from './people';
import { isLiveSet, slippingKeyResults, slipReasons, slipText, type SlippingKr } from './slipping';

export interface AssistantOptions {
  /** `cadence.assistant.privateText`: quote private notes too. Off by default. */
  readonly privateText: boolean;
}

/** A tool's answer: Markdown for the chat model, and how many private texts it left out (0 when `privateText` is on). */
export interface AssistantAnswer {
  readonly text: string;
  readonly withheld: number;
}

/** What stands in for a text left out. */
export const WITHHELD = '(private: text not shared with the assistant)';

/** How many happiness values "recent" means. */
export const RECENT_HAPPINESS = 5;

/**
 * Whether a line of `doc` is shared text (SPEC §15): the body of a 1:1 note
 * or log marked `visibility: shared`, or of an OKR review (unless it says
 * `visibility: private`), outside its private blocks. A person file's body
 * (the inbox) is private.
 */
export function isSharedLine(doc: Doc, line: number): boolean {
  if (doc.kind === '1on1' || doc.kind === 'okr-review') return doc.visibility === 'shared' && !inPrivateBlock(doc, line);
  return false;
}

/** Collects quoted texts, leaving private ones out unless allowed. */
class Quoter {
  withheld = 0;
  constructor(private readonly options: AssistantOptions) {}
  /** An item's words when they may be sent, else the WITHHELD marker. */
  item(doc: Doc, item: ActionItem): string {
    if (this.options.privateText || isSharedLine(doc, item.line)) return item.text ? `"${item.text}"` : '(no text)';
    this.withheld++;
    return WITHHELD;
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `path:line` (1-based line), as an editor's link reads it. */
const at = (path: string, line: number): string => `${path}:${line + 1}`;


function footer(q: Quoter, options: AssistantOptions): string[] {
  if (options.privateText) return ['', 'Private notes were included (cadence.assistant.privateText is on).'];
  if (!q.withheld) return ['', 'Nothing private was left out: every text above is from shared notes or OKR sets.'];
  return [
    '',
    `${plural(q.withheld, 'text')} left out: ${q.withheld === 1 ? 'it stands' : 'they stand'} in private 1:1 notes, person files or private blocks, which Cadence does not share with the assistant unless the user turns on cadence.assistant.privateText. Counts, dates and ratings above include them.`,
  ];
}

/** A key result in the Objectives tree's words: score · conf · owner · due · status. */
function krDescription(ds: Dataset, kr: KeyResult): string {
  return [
    krScoreText(kr),
    kr.confidence !== undefined ? `conf ${formatConfidence(kr.confidence)}` : undefined,
    kr.owner ? `owner ${personLabel(ds.query, kr.owner)}` : 'no owner',
    kr.due?.value ? `due ${kr.due.value}` : undefined,
    kr.status ?? NO_STATUS,
  ]
    .filter(Boolean)
    .join(' · ');
}

function slippingLine(ds: Dataset, s: SlippingKr): string {
  return `- ${s.set.id} ${s.objective.id}/${s.kr.id} "${s.kr.title ?? ''}" — ${krDescription(ds, s.kr)} — slipping: ${slipText(s.reasons)} (${at(s.set.path, s.kr.firstLine.start.line)})`;
}

/**
 * The person a chat names: by id (case-insensitively, SPEC §3), else by
 * name, else by a name's first word when only one person has it. Undefined
 * when none matches or the first word is ambiguous.
 */
export function findPerson(ds: Dataset, who: string): PersonDoc | undefined {
  const key = idKey(who.trim().replace(/^@/, ''));
  if (!key) return undefined;
  const people = ds.people();
  const byId = people.find((p) => p.key === key);
  if (byId) return byId;
  const name = (p: PersonDoc) => idKey(displayName(p));
  const byName = people.filter((p) => name(p) === key);
  if (byName.length === 1) return byName[0];
  const byFirst = people.filter((p) => name(p).split(/\s+/)[0] === key);
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

/** The people the tools know, as `Name (id)`, in the Reports tree's order. */
export function peopleList(ds: Dataset): string {
  const { others, me } = orderPeople(ds.people(), ds.context(), 'urgency');
  return [...others, ...me].map((p) => `${displayName(p)} (${p.id})`).join(', ');
}

/**
 * Everything to prepare a 1:1 with `person` (issue 21): their cadence and
 * figures (as the Reports tree and the dashboard card count them), their open
 * action items (the tree's "Open action items": every open item of their
 * 1:1s, newest note first), pending talking points (SPEC §13), the slipping
 * key results they own (SPEC §18, with reasons), their recent happiness and
 * last performance rating (SPEC §7).
 */
export function prepareOneOnOne(ds: Dataset, person: PersonDoc, options: AssistantOptions): AssistantAnswer {
  const q = new Quoter(options);
  const ctx = ds.context();
  const f = personFigures(ctx, person);
  const name = displayName(person);
  const out: string[] = [`# Preparing a 1:1 with ${name} (${person.id}), today ${ds.today}`, ''];
  out.push(`- Who: ${[person.role, person.me ? 'you (the manager)' : person.relationship].filter(Boolean).join(', ')}`);
  if (!person.me) {
    const last = f.lastOneOnOne ? `last 1:1 ${f.lastOneOnOne} (${daysAgo(f.daysSinceLast ?? 0)})` : 'no 1:1 yet';
    out.push(`- Cadence: every ${plural(f.cadenceDays, 'day')}; ${last}${f.nextDue ? `; next due ${f.nextDue}` : ''}; status ${f.status}`);
  }
  const rate = f.completion.rate;
  out.push(
    `- Action items: ${f.openItems} open, ${f.overdueItems} overdue; completion ${rate === undefined ? 'none due' : formatShare(rate)} over the last ${plural(ds.settings.completionWindowDays, 'day')} (target 80%)${f.tightenCadence ? '; under 70% two windows running: meet more often' : ''}`,
  );

  const notes = [...ds.query.notesOf(person.key)].reverse();
  const open = notes.flatMap((n) => n.items.filter((i) => i.status === 'open').map((i) => ({ n, i })));
  out.push('', `## Open action items (${open.length})`);
  for (const { n, i } of open) {
    const overdue = !!i.due?.value && i.due.value < ds.today;
    const when = i.due?.value ? `due ${i.due.value}${overdue ? ' (overdue)' : ''}` : 'no due date';
    out.push(`- ${q.item(n, i)} — ${personLabel(ds.query, itemOwner(i, ds.query)) ?? 'no owner'} · ${when} (${at(n.path, i.line)})`);
  }

  const pending = pendingTalkingPoints(ctx, person);
  out.push('', `## Pending talking points (${pending.length})`);
  for (const { path, item } of pending) {
    const doc = ds.doc(path);
    const by = item.owner ? `raised by ${personLabel(ds.query, item.owner)}` : 'not attributed';
    out.push(`- ${doc ? q.item(doc, item) : WITHHELD} — ${by} (${at(path, item.line)})`);
  }

  const slipping = slippingKeyResults(ds.okrSets(), ds.today, person.key);
  out.push('', `## Slipping key results ${name} owns (${slipping.length})`);
  for (const s of slipping) out.push(slippingLine(ds, s));

  const happiness = happinessTrend(ds.query.notesOf(person.key), ds.today).slice(-RECENT_HAPPINESS);
  out.push('', `## Recent happiness (1–5, last ${RECENT_HAPPINESS} 1:1s that have one)`);
  out.push(happiness.length ? happiness.map((h) => `${h.date}: ${h.happiness}`).join(', ') : 'None recorded.');

  const ratings = ratingAlignment(ds.query.notesOf(person.key), ds.today, person.relationship);
  const r = ratings[ratings.length - 1];
  out.push('', '## Last performance rating (1–5)');
  out.push(r ? `${r.date}: you rated ${r.manager}, they rated ${r.report}${Math.abs(r.manager - r.report) >= 2 ? ' — a gap of 2 or more: talk about it' : ''}.` : 'None recorded.');
  out.push(...footer(q, options));
  return { text: out.join('\n'), withheld: q.withheld };
}

/**
 * What needs the manager's attention (issue 21): the overdue action items
 * (SPEC §18's one set: every open item of every 1:1 file and OKR review,
 * due before today — the status bar's count), the lapsed 1:1s (the
 * `cadence-lapsed` rule's people), and the slipping key results of the live
 * OKR sets (SPEC §18), each with where it stands.
 */
export function needsAttention(ds: Dataset, options: AssistantOptions): AssistantAnswer {
  const q = new Quoter(options);
  const ctx = ds.context();
  const counts = openItemCounts(ds);
  const overdue = openActionItems(ds).filter((o) => o.overdue);
  const { others } = orderPeople(ds.people(), ctx, 'urgency');
  const lapsed = others.filter((p) => cadenceStatus(ctx, p).status === 'lapsed');
  const slipping = slippingKeyResults(ds.okrSets(), ds.today);
  const out: string[] = [
    `# Needs attention, today ${ds.today}`,
    '',
    `${plural(counts.overdue, 'overdue action item')} (of ${counts.open} open), ${plural(lapsed.length, 'lapsed 1:1')}, ${plural(slipping.length, 'slipping key result')}.`,
    '',
    `## Overdue action items (${overdue.length})`,
  ];
  for (const { doc, item } of overdue) {
    const whose = doc.kind === '1on1' && doc.report ? `1:1 with ${personLabel(ds.query, doc.report)}` : doc.kind === 'okr-review' ? 'OKR review' : '1:1';
    out.push(`- ${q.item(doc, item)} — ${personLabel(ds.query, itemOwner(item, ds.query)) ?? 'no owner'} · due ${item.due!.value} · ${whose} (${at(doc.path, item.line)})`);
  }
  out.push('', `## Lapsed 1:1s (${lapsed.length})`);
  for (const p of lapsed) {
    const f = personFigures(ctx, p);
    out.push(`- ${displayName(p)} (${p.id}): ${f.lastOneOnOne ? `last 1:1 ${f.lastOneOnOne} (${daysAgo(f.daysSinceLast ?? 0)})` : 'no 1:1 yet'}; cadence every ${plural(f.cadenceDays, 'day')}${f.nextDue ? `; was due ${f.nextDue}` : ''}`);
  }
  out.push('', `## Slipping key results (${slipping.length})`);
  for (const s of slipping) out.push(slippingLine(ds, s));
  out.push(...footer(q, options));
  return { text: out.join('\n'), withheld: q.withheld };
}

/**
 * The OKR sets a summary is about: the set with id `id` (case-insensitively),
 * else, with no id, the live sets (a set without a readable period counts),
 * else the one that ended last. Empty when `id` names no set.
 */
export function setsFor(ds: Dataset, id: string | undefined): OkrSetDoc[] {
  const sets = ds.okrSets();
  if (id?.trim()) return sets.filter((s) => s.key === idKey(id.trim()));
  const live = sets.filter((s) => isLiveSet(s, ds.today));
  if (live.length) return live;
  const ended = [...sets].sort((a, b) => ((okrSetEnd(a) ?? '') < (okrSetEnd(b) ?? '') ? -1 : 1));
  return ended.slice(-1);
}

function objectiveLines(ds: Dataset, set: OkrSetDoc, o: Objective, live: boolean): string[] {
  const head = [formatScore(objectiveScore(o)), o.kind, o.owner ? `owner ${personLabel(ds.query, o.owner)}` : 'no owner', o.parent ? `aligns to ${o.parent}` : undefined].filter(Boolean).join(' · ');
  const out = [`## ${o.id} ${o.title ?? ''} — ${head}`];
  for (const kr of o.keyResults) {
    const reasons = live ? slipReasons(kr, set, ds.today) : [];
    out.push(`- ${kr.id} "${kr.title ?? ''}" — ${krDescription(ds, kr)}${reasons.length ? ` — slipping: ${slipText(reasons)}` : ''}`);
    const dated = kr.checkins.filter((c) => c.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    const last = dated[dated.length - 1];
    if (last) {
      const value = last.current !== undefined ? `${last.current}${kr.unit ? ` ${kr.unit}` : ''}` : undefined;
      const conf = last.confidence !== undefined ? `conf ${formatConfidence(last.confidence)}` : undefined;
      out.push(`  - last check-in ${last.date}${[value, conf].some(Boolean) ? `: ${[value, conf].filter(Boolean).join(' · ')}` : ''}${last.note ? ` — "${last.note}"` : ''}`);
    }
  }
  return out;
}

/**
 * A summary of OKR sets (issue 21): per set its period, how much of it has
 * gone, its score and counts; per objective its score, kind and owner; per
 * key result its score, confidence, owner, due date and status in the
 * Objectives tree's words, the slipping ones with their reasons (SPEC §18),
 * and its last check-in. An OKR set is shared text (SPEC §15): titles and
 * check-in notes are quoted whatever the setting.
 */
export function okrSummary(ds: Dataset, sets: readonly OkrSetDoc[]): AssistantAnswer {
  const out: string[] = [];
  for (const set of sets) {
    const live = isLiveSet(set, ds.today);
    const first = okrSetStart(set);
    const last = okrSetEnd(set);
    const elapsed = periodElapsed(set, ds.today);
    const krs = set.objectives.flatMap((o) => o.keyResults);
    const cut = krs.filter((k) => k.status === 'cut').length;
    const slipping = live ? slippingKeyResults([set], ds.today).length : 0;
    if (out.length) out.push('');
    out.push(`# OKR set ${set.id} (${set.path}), today ${ds.today}`, '');
    out.push(
      `- Period: ${set.period ?? 'none'}${first && last ? ` (${first} → ${last})` : ''}${elapsed !== undefined ? `; ${formatShare(elapsed)} of it gone` : ''}${live ? '' : '; ended: its key results are graded, not slipping'}`,
    );
    out.push(`- Score ${formatScore(setScore(set))}; ${plural(set.objectives.length, 'objective')}, ${plural(krs.length, 'key result')}${cut ? ` (${cut} cut)` : ''}; ${plural(slipping, 'slipping key result')}`);
    if (set.owner) out.push(`- Owner: ${personLabel(ds.query, set.owner)}`);
    for (const o of set.objectives) out.push('', ...objectiveLines(ds, set, o, live));
  }
  return { text: out.join('\n'), withheld: 0 };
}

/** The ids of the OKR sets, for a message naming what exists. */
export function setList(ds: Dataset): string {
  return ds
    .okrSets()
    .map((s) => s.id)
    .join(', ');
}

