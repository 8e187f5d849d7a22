// New files the commands create. Never written over an existing file: the
// extension checks and opens the existing one instead.

import { addMonths } from '../dates';
import type { Dataset } from '../dataset';
import { krScore } from '../metrics';
import type { KeyResult, Objective, OkrSetDoc, OneOnOneDoc } from '../model';
import type { TextEdit } from '../types';
import { carriedLine } from './items';

export interface NewFile {
  readonly path: string;
  readonly text: string;
  /** Edits to other files (path → edits), e.g. forwarded items marked `[>]`. */
  readonly otherEdits: ReadonlyMap<string, TextEdit[]>;
}

export interface SlippingKr {
  readonly set: OkrSetDoc;
  readonly objective: Objective;
  readonly kr: KeyResult;
}

/** Key results a person owns that are at risk or off track, in current sets. */
export function slippingKeyResults(dataset: Dataset, key: string): SlippingKr[] {
  const out: SlippingKr[] = [];
  for (const set of dataset.okrSets()) {
    for (const objective of set.objectives) {
      for (const kr of objective.keyResults) {
        if (kr.owner?.key === key && (kr.status === 'at-risk' || kr.status === 'off-track')) out.push({ set, objective, kr });
      }
    }
  }
  return out;
}

/** The person's latest note dated before `today` (the one items carry from). */
export function previousNote(dataset: Dataset, key: string, today: string): OneOnOneDoc | undefined {
  const notes = dataset.query.notesOf(key).filter((n) => n.date && n.date < today);
  return notes[notes.length - 1];
}

/**
 * A PODS 1:1 for today: OKRs (their slipping key results) → development plan
 * (current growth themes) → happiness retrospective → performance → action
 * items, with the open items of the previous 1:1 carried in (and marked `[>]`
 * there).
 */
export function newOneOnOne(dataset: Dataset, key: string, today: string): NewFile {
  const person = dataset.query.peopleWithKey(key)[0];
  const id = person?.id ?? key;
  const prev = previousNote(dataset, key, today);
  const carried = prev ? prev.items.filter((i) => i.status === 'open') : [];
  const slipping = slippingKeyResults(dataset, key);
  const themes = (person?.themes ?? []).filter((t) => !t.until?.value || t.until.value >= today);
  const lines: string[] = [
    '---',
    'type: 1on1',
    `report: ${id}`,
    `date: ${today}`,
    'visibility: private',
    'happiness:          # 1–5',
    'performance:',
    '  manager:          # 1–5, your rating',
    '  report:           # 1–5, their own rating',
    '---',
    `# 1:1 with ${person?.name ?? id} — ${today}`,
    '',
    '## OKRs',
    ...(slipping.length
      ? slipping.map(({ set, objective, kr }) => `- ${set.id} ${objective.id}/${kr.id} ${kr.title ?? ''} — ${kr.status}, score ${krScore(kr).toFixed(1)}${kr.confidence !== undefined ? `, confidence ${kr.confidence}` : ''}`)
      : ['- No key results of theirs at risk.']),
    '',
    '## Development plan',
    ...themes.map((t) => `- Theme: ${t.title ?? '(untitled)'}${t.until?.value ? ` (until ${t.until.value})` : ''}`),
    ...(person?.development ?? []).map((d) => `- Focus: ${d}`),
    ...(themes.length || person?.development.length ? [] : ['- ']),
    '',
    '## Happiness retrospective',
    '- :-) ',
    '- :-( ',
    '- :-/ ',
    '',
    '## Performance',
    '',
    '## Action items',
    ...carried.map(carriedLine),
    '',
  ];
  const otherEdits = new Map<string, TextEdit[]>();
  if (prev && carried.length) otherEdits.set(prev.path, carried.map((i) => ({ range: i.boxRange, newText: '>' })));
  return { path: `1on1s/${id}/${today}.md`, text: lines.join('\n'), otherEdits };
}

/** The quarter containing `date` and the three after it: `2026-Q4`, … */
export function quartersFrom(date: string, count = 4): string[] {
  const out: string[] = [];
  let y = +date.slice(0, 4);
  let q = Math.floor((+date.slice(5, 7) - 1) / 3) + 1;
  for (let i = 0; i < count; i++) {
    out.push(`${y}-Q${q}`);
    if (++q > 4) {
      q = 1;
      y++;
    }
  }
  return out;
}

export function newOkrSet(period: string, owner = 'me'): NewFile {
  const text = `type: okr
period: ${period}
team: 
owner: ${owner}
objectives:
  - id: O1
    title: 
    owner: ${owner}
    kind: committed
    key_results:
      - id: KR1
        title: 
        owner: ${owner}
        due: 
        start: 0
        target: 1
        current: 0
        confidence: 0.5
        status: on-track
        checkins: []
`;
  return { path: `okrs/${period}.okr.yaml`, text, otherEdits: new Map() };
}

export function newPerson(id: string, name: string, today: string, cadence = 'biweekly'): NewFile {
  const until = addMonths(today, 2);
  const text = `---
type: person
name: ${name}
role: 
cadence: ${cadence}
since: ${today}
themes:
  - title: 
    since: ${today}
    until: ${until}
development:
  - 
---
Notes about ${name}.
`;
  return { path: `people/${id}.md`, text, otherEdits: new Map() };
}

/** A person id from a name: lower-case, letters and digits joined by '-'. */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function isPersonId(id: string): boolean {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u.test(id);
}

