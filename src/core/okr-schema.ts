// The JSON schema of an OKR set (SPEC §5), for the YAML extension people
// already use (`contributes.yamlValidation`): completion, hovers and checks
// while they type. It is made from the parser's own lists, and it demands
// exactly what Cadence reports as errors — a missing title or period
// (missing-field), an impossible date (invalid-date), a confidence or keyword
// out of range (out-of-range) — so the two never disagree. Warnings (owners,
// due dates, measurability) stay Cadence's. schemas/okr-set.schema.json is
// written from okrSetSchema() (scripts/gen-schemas.ts; a test keeps it current).

import { KR_STATUSES, OBJECTIVE_KINDS } from './parse/okr';

type Schema = Record<string, unknown>;

/**
 * A real calendar date `YYYY-MM-DD`, leap years included: the strings
 * isValidDate (dates.ts) accepts, as a regular expression a schema can carry.
 */
const REAL_DATE =
  '(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)';
export const REAL_DATE_PATTERN = `^${REAL_DATE}$`;

/**
 * What a date field accepts (SPEC §10): a real date, or a date-time on one
 * (`2026-11-20T10:00`, `2026-11-20 10:00:00`, seconds and their fraction
 * optional, `Z` or an offset), at most 64 characters: exactly the values
 * calendarDate (parse/yaml-fields.ts) reads as a date.
 */
export const DATE_FIELD_PATTERN =
  `^(?:${REAL_DATE}|(?=[\\s\\S]{0,64}$)\\s*${REAL_DATE}(?:[Tt]|[ \\t]+)` +
  '(?:(?:[01]?\\d|2[0-3]):[0-5]\\d(?::(?:[0-5]\\d|60)(?:\\.\\d+)?)?|24:00(?::00(?:\\.\\d+)?)?)' +
  '(?:[ \\t]*(?:Z|z|[+-]\\d{1,2}(?::?\\d{2})?))?\\s*)$';

/** A regular expression source matching `word` in any letter case, with blanks around it (Cadence trims and lower-cases keywords). */
function anyCase(words: readonly string[]): string {
  const one = (w: string) => [...w].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))).join('');
  return `^\\s*(?:${words.map(one).join('|')})\\s*$`;
}

/** A keyword field: the values offered for completion, any letter case accepted; null is an absent field. */
function keyword(values: readonly string[], descriptions: readonly string[], about: string): Schema {
  return {
    markdownDescription: about,
    // null only (an absent value), said without `type: null` so that completion offers no "null".
    anyOf: [{ enum: [...values], enumDescriptions: [...descriptions] }, { type: 'string', pattern: anyCase(values) }, { not: { type: ['string', 'number', 'boolean', 'array', 'object'] } }],
    errorMessage: `One of: ${values.join(', ')}.`,
  };
}

function date(about: string): Schema {
  return {
    markdownDescription: `${about} A real date, \`YYYY-MM-DD\` (a date-time reads as its date).`,
    type: ['string', 'null'],
    pattern: DATE_FIELD_PATTERN,
    errorMessage: 'A real date, written YYYY-MM-DD (e.g. 2026-12-15).',
  };
}

const PERSON = 'A person id (`alex`, `@alex` or `me`), as their person file names them.';

/**
 * A field that must be there and not null; `text` fields must also not be
 * empty, a list or a map (Cadence reads a title that is one of those as
 * absent). Reported on the object, as Cadence reports missing-field on the
 * object's first line.
 */
function needs(field: string, message: string, text = false): Schema[] {
  const absent = text ? { anyOf: [{ type: ['null', 'array', 'object'] }, { const: '' }] } : { type: 'null' };
  return [{ required: [field] }, { not: { required: [field], properties: { [field]: absent } }, errorMessage: message }];
}

const CHECKIN: Schema = {
  type: 'object',
  markdownDescription: 'A dated check-in: the value and confidence at that date.',
  properties: {
    date: date('The day of the check-in.'),
    current: { markdownDescription: 'The value at the check-in.' },
    confidence: { markdownDescription: 'Confidence at the check-in, 0.0–1.0.' },
    note: { markdownDescription: 'What moved it.' },
  },
  defaultSnippets: [{ label: 'check-in', body: { date: '$1', current: '$2', confidence: '${3:0.5}', note: '$4' } }],
};

const KEY_RESULT: Schema = {
  type: 'object',
  markdownDescription: 'A key result: measurable, with one owner and a due date.',
  properties: {
    id: { markdownDescription: 'Its id within the objective (default `KR1`, `KR2`, … in order); ids compare case-insensitively.' },
    title: { markdownDescription: 'What will be true, measurably. **Required.**' },
    owner: { markdownDescription: PERSON },
    due: date('When it is due.'),
    start: { markdownDescription: 'The value at the start (default 0). The score is (current − start) ÷ (target − start), clamped to 0.0–1.0.' },
    target: { markdownDescription: 'The value that scores 1.0: a number, or the key result is not measurable.' },
    current: { markdownDescription: 'The value now.' },
    unit: { markdownDescription: 'The unit of start, target and current (days, percent, …).' },
    confidence: {
      markdownDescription: 'How likely it is to be met, 0.0–1.0.',
      type: ['number', 'null'],
      minimum: 0,
      maximum: 1,
      errorMessage: 'A number from 0 to 1 (e.g. 0.6).',
    },
    status: keyword(
      KR_STATUSES,
      ['On track.', 'At risk: a reason for a 1:1 conversation.', 'Off track.', 'Done.', 'Cut: left out of scores and counts.'],
      'Where it stands.',
    ),
    checkins: { type: 'array', markdownDescription: 'Check-ins, oldest first (*Cadence: Check In Key Result…* appends them).', items: CHECKIN },
  },
  allOf: needs('title', 'A key result needs a title: what will be true, measurably.', true),
  defaultSnippets: [
    { label: 'key result', body: { id: '${1:KR1}', title: '$2', owner: '$3', due: '$4', start: '${5:0}', target: '$6', current: '${7:0}', confidence: '${8:0.5}' } },
  ],
};

const OBJECTIVE: Schema = {
  type: 'object',
  markdownDescription: 'An objective: qualitative, with 2–4 key results.',
  properties: {
    id: { markdownDescription: 'Its id within the set (default `O1`, `O2`, … in order); ids compare case-insensitively.' },
    title: { markdownDescription: 'What you want to achieve. **Required.**' },
    owner: { markdownDescription: PERSON },
    kind: keyword(
      OBJECTIVE_KINDS,
      ['Committed (the default): on track only at a score of 1.0.', 'Aspirational: a success from a score of 0.7.'],
      'Committed or aspirational.',
    ),
    parent: { markdownDescription: 'The objective this one serves, in another set: `SET#OBJ` (e.g. `company-2026-Q4#O2`).' },
    key_results: { type: 'array', markdownDescription: 'Its key results: 2–4 (cut ones not counted).', items: KEY_RESULT },
  },
  allOf: needs('title', 'An objective needs a title: what you want to achieve.', true),
  defaultSnippets: [{ label: 'objective', body: { id: '${1:O1}', title: '$2', owner: '$3', key_results: [{ id: 'KR1', title: '$4', owner: '$5', due: '$6', target: '$7' }] } }],
};

const OKR_SET: Schema = {
  type: 'object',
  properties: {
    type: { markdownDescription: '`okr`: this file is an OKR set, wherever it lives.', examples: ['okr'] },
    id: { markdownDescription: 'How other sets refer to this one (default: the file name without `.okr.yaml`).' },
    period: {
      markdownDescription: 'The period: `2026-Q4`, `2026-H2` or `2026`; or give `start:` and `end:` instead.',
      examples: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026-H2', '2026'],
    },
    start: date('The first day of the period (with `end:`, instead of `period:`).'),
    end: date('The last day of the period (with `start:`, instead of `period:`).'),
    team: { markdownDescription: 'The team these OKRs belong to.' },
    owner: { markdownDescription: PERSON },
    objectives: { type: 'array', markdownDescription: 'The objectives: 3–5 of them.', items: OBJECTIVE },
  },
  anyOf: [
    { allOf: needs('period', 'An OKR set needs a period') },
    { allOf: [...needs('start', 'An OKR set needs start and end dates'), ...needs('end', 'An OKR set needs start and end dates')] },
  ],
  errorMessage: 'An OKR set needs `period:` (2026-Q4, 2026-H2 or 2026) or `start:` and `end:` dates.',
};

/**
 * The schema (JSON Schema draft-07, with the YAML and JSON language servers'
 * `markdownDescription`, `enumDescriptions`, `defaultSnippets` and
 * `errorMessage`). A file whose `type:` is something else than `okr` is not
 * an OKR set (SPEC §2) and is accepted as it is.
 */
export function okrSetSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Cadence OKR set',
    markdownDescription: 'An OKR set read by Cadence (SPEC §5): a period, 3–5 objectives, each with 2–4 measurable key results.',
    if: { type: 'object', required: ['type'], properties: { type: { not: { type: 'string', pattern: anyCase(['okr']) } } } },
    then: {},
    else: OKR_SET,
  };
}
