// The OKR review pre-read: a Markdown syntax tree (mdast) serialised by
// remark, so tables, escaping and emphasis are always valid Markdown. It is
// the public room: it takes nothing from private 1:1 notes (every 1:1 is
// private unless marked `visibility: shared`) nor from the private blocks of
// shared ones (SPEC §15), but counts.

import type { Heading, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as yamlStringify } from 'yaml';
import type { NewFile } from './actions/templates';
import { preReadDue } from './reviews';
import type { Dataset } from './dataset';
import { inPrivateBlock } from './markdown/body';
import { krScore } from './metrics';
import type { KeyResult, Objective, OkrSetDoc, OneOnOneDoc } from './model';

const processor = unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkStringify, { bullet: '-', rule: '-' });

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const para = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const fmt = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2));

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

interface OwnerItems {
  readonly shared: { text: string; owner: string | undefined; due: string | undefined }[];
  readonly privateCount: number;
}

/** Open action items of 1:1s with these owners: text from shared notes, a count from private ones. */
function ownerItems(ds: Dataset, owners: Set<string>): OwnerItems {
  const shared: OwnerItems['shared'] = [];
  let privateCount = 0;
  for (const d of ds.docs()) {
    if (d.kind !== '1on1') continue;
    const note = d as OneOnOneDoc;
    for (const i of note.items) {
      if (i.status !== 'open') continue;
      const concerns = (i.owner && owners.has(i.owner.key)) || (note.report && owners.has(note.report.key));
      if (!concerns) continue;
      // A shared note's private blocks are private text: counted, never quoted (SPEC §15).
      if (note.visibility === 'shared' && !inPrivateBlock(note, i.line)) shared.push({ text: i.text, owner: i.owner?.id, due: i.due?.value });
      else privateCount++;
    }
  }
  return { shared, privateCount };
}

/** When a pre-read for `meeting` goes out: 7 days before it (SPEC §19), or today when that day has passed. */
export function preReadSendDate(meeting: string, today: string): string {
  const due = preReadDue(meeting);
  return due > today ? due : today;
}

export function preReadPath(setId: string, meeting: string): string {
  return `okr-reviews/${setId}-${meeting}-pre-read.md`;
}

export function buildPreRead(ds: Dataset, set: OkrSetDoc, meeting: string): NewFile {
  const last = ds
    .reviews()
    .filter((r) => r.okrs?.toLowerCase() === set.key && r.date && r.date < meeting)
    .sort((a, b) => (a.date! < b.date! ? -1 : 1))
    .pop();
  const lastDate = last?.date;
  const dependents = new Map<string, string[]>();
  for (const other of ds.okrSets()) {
    for (const o of other.objectives) {
      const p = o.parent?.toLowerCase();
      if (!p) continue;
      const list = dependents.get(p) ?? [];
      list.push(`${other.id}#${o.id}${o.title ? ` ${o.title}` : ''}`);
      dependents.set(p, list);
    }
  }

  // Sent 7 days ahead (SPEC §19), or today when that day has passed: `pre-read:` says
  // when it goes out, and pre-read-late tells a late one truthfully.
  const send = preReadSendDate(meeting, ds.today);
  const body: RootContent[] = [
    { type: 'yaml', value: yamlStringify({ type: 'okr-review', date: meeting, okrs: set.id, 'pre-read': send, visibility: 'shared' }).trimEnd() },
    heading(1, `Pre-read: ${set.id} OKR review, ${meeting}`),
    para(text(`Read before the meeting on ${meeting} (sent ${send}). Each objective ends with a decision: continue, cut, re-scope or escalate. Private 1:1 notes are not quoted here; where they matter, only counts appear.`)),
  ];

  for (const o of set.objectives) {
    const live = o.keyResults.filter((k) => k.status !== 'cut');
    const now = live.length ? live.map(krScore).reduce((a, b) => a + b, 0) / live.length : undefined;
    body.push(heading(2, `${o.id} ${o.title ?? ''}`.trim()));
    body.push(
      para(
        strong(`Score ${fmt(now)}`),
        text(` — ${movement(o, lastDate)} · ${o.kind}${o.kind === 'aspirational' ? ' (0.7 is success)' : ' (on track at 1.0)'}${o.owner ? ` · owner @${o.owner.id}` : ''}`),
      ),
    );
    const rows: TableRow[] = [
      { type: 'tableRow', children: ['Key result', 'Owner', 'Score', 'Confidence', 'Status', 'Due'].map((h) => ({ type: 'tableCell', children: [text(h)] })) },
      ...o.keyResults.map(
        (k): TableRow => ({
          type: 'tableRow',
          children: [`${k.id} ${k.title ?? ''}`.trim(), k.owner ? `@${k.owner.id}` : '—', fmt(krScore(k)), k.confidence === undefined ? '—' : String(k.confidence), k.status ?? '—', k.due?.value ?? '—'].map((c) => ({
            type: 'tableCell',
            children: [text(c)],
          })),
        }),
      ),
    ];
    body.push({ type: 'table', align: [null, null, 'right', 'right', null, null], children: rows });
    const deps = dependents.get(`${set.key}#${o.key}`) ?? [];
    body.push(para(strong('Depends on:'), text(` ${o.parent ?? 'nothing upstream'}`)));
    body.push(para(strong('Depended on by:'), text(` ${deps.length ? deps.join('; ') : 'no other objective'}`)));
    const owners = new Set(o.keyResults.map((k) => k.owner?.key).filter((k): k is string => !!k && k !== 'me'));
    const items = ownerItems(ds, owners);
    if (items.shared.length) {
      body.push(para(text('Open action items from shared 1:1s with the key-result owners:')));
      body.push({
        type: 'list',
        ordered: false,
        spread: false,
        children: items.shared.map((i) => ({ type: 'listItem', spread: false, children: [para(text(`${i.text}${i.owner ? ` (@${i.owner}` : ' ('}${i.due ? `, due ${i.due})` : ')'}`))] })),
      });
    }
    if (items.privateCount) body.push(para(text(`${items.privateCount} further open action item${items.privateCount === 1 ? '' : 's'} in private 1:1s (not shown).`)));
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
