// New files the commands create. Never written over an existing file: the
// extension checks and opens the existing one instead.

import { addMonths } from '../dates';
import { yamlScalar } from '../fixes';
import type { TextEdit } from '../types';

export interface NewFile {
  readonly path: string;
  readonly text: string;
  /** Edits to other files (path → edits), e.g. forwarded items marked `[>]`. */
  readonly otherEdits: ReadonlyMap<string, TextEdit[]>;
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
period: ${yamlScalar(period)}
team: 
owner: ${yamlScalar(owner)}
objectives:
  - id: O1
    title: 
    owner: ${yamlScalar(owner)}
    kind: committed
    key_results:
      - id: KR1
        title: 
        owner: ${yamlScalar(owner)}
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

/**
 * A person file (SPEC §3) with what was asked for and nothing else: empty
 * answers are left out, never written as empty fields that later read as
 * content ("Theme: (untitled)"). Growth themes and focus areas are added by
 * hand when they are agreed; a comment in the front matter says how.
 */
export function newPerson(id: string, name: string, today: string, cadence = 'biweekly', role?: string): NewFile {
  const until = addMonths(today, 2);
  const lines = ['---', 'type: person', `name: ${yamlScalar(name)}`];
  if (role?.trim()) lines.push(`role: ${yamlScalar(role.trim())}`);
  lines.push(
    `cadence: ${cadence}`,
    `since: ${today}`,
    '# When you agree them, add growth themes (two months at a time) and 2–3 focus areas:',
    '# themes:',
    `#   - { title: …, since: ${today}, until: ${until} }`,
    '# development:',
    '#   - …',
    '---',
    `Notes about ${name}.`,
    '',
  );
  return { path: `people/${id}.md`, text: lines.join('\n'), otherEdits: new Map() };
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

