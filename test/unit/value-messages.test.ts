// A value of the wrong shape is named as written in every rule's message
// (SPEC §8: messages say what to do): a list or a map where one value was
// expected, and YAML's .nan and .inf, never "undefined" or "null".
import assert from 'node:assert/strict';
import { diagnosticOf, lines, makeDataset } from './helpers';

const P = 'people/alex.md';
const N = '1on1s/alex/2026-11-20.md';
const O = 'okrs/2026-Q4.okr.yaml';
const R = 'okr-reviews/q4.md';

const person = (...fm: string[]) => lines('---', 'type: person', ...fm, '---');
const note = (...fm: string[]) => lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', ...fm, '---', '- [ ] x @alex due:2026-12-01');
const set = (...kr: string[]) =>
  lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - title: T', '    owner: alex', '    key_results:', '      - title: K', '        owner: alex', ...kr.map((l) => `        ${l}`));

describe('messages name a value of the wrong shape as written', () => {
  const cases: {
    what: string;
    files: Record<string, string>;
    path: string;
    code: string;
    line: number;
    message: RegExp;
  }[] = [
    {
      what: 'a date field holding a flow list',
      files: { [O]: set('target: 3', 'due: [2026-12-01]') },
      path: O,
      code: 'invalid-date',
      line: 10,
      message: /^due: holds a list, not a date/,
    },
    {
      what: 'a date field holding a block map',
      files: {
        [N]: lines('---', 'type: 1on1', 'report: alex', 'date:', '  day: 2026-11-20', '---'),
      },
      path: N,
      code: 'invalid-date',
      line: 5,
      message: /^date: holds a map, not a date/,
    },
    {
      what: 'a target holding a list',
      files: { [O]: set('target: [3]', 'due: 2026-12-01') },
      path: O,
      code: 'kr-not-measurable',
      line: 7,
      message: /`target:` holds a list, not a number/,
    },
    {
      what: 'a target of .nan',
      files: { [O]: set('target: .nan', 'due: 2026-12-01') },
      path: O,
      code: 'kr-not-measurable',
      line: 7,
      message: /`target: NaN` is not a number/,
    },
    {
      what: 'a happiness of .nan',
      files: { [N]: note('happiness: .nan') },
      path: N,
      code: 'out-of-range',
      line: 5,
      message: /not NaN\.$/,
    },
    {
      what: 'a happiness of .inf',
      files: { [N]: note('happiness: .inf') },
      path: N,
      code: 'out-of-range',
      line: 5,
      message: /not Infinity\.$/,
    },
    {
      what: 'a happiness holding a list',
      files: { [N]: note('happiness: [4]') },
      path: N,
      code: 'out-of-range',
      line: 5,
      message: /not a list\.$/,
    },
    {
      what: 'a happiness written as a string',
      files: { [N]: note('happiness: "four"') },
      path: N,
      code: 'out-of-range',
      line: 5,
      message: /not "four"\.$/,
    },
    {
      what: 'a confidence holding a map',
      files: { [O]: set('target: 3', 'due: 2026-12-01', 'confidence: {a: 1}') },
      path: O,
      code: 'out-of-range',
      line: 11,
      message: /not a map\.$/,
    },
    {
      what: 'a status holding a list',
      files: { [O]: set('target: 3', 'due: 2026-12-01', 'status: [done]') },
      path: O,
      code: 'out-of-range',
      line: 11,
      message: /^status holds a list; write one of: on-track/,
    },
    {
      what: 'a cadence holding a list',
      files: { [P]: person('cadence: [weekly]') },
      path: P,
      code: 'out-of-range',
      line: 3,
      message: /^cadence holds a list, not a number of days/,
    },
    {
      what: 'a relationship holding a map',
      files: { [P]: person('relationship: {a: 1}') },
      path: P,
      code: 'out-of-range',
      line: 3,
      message: /^relationship holds a map, not one of/,
    },
    {
      what: 'a visibility holding a list',
      files: {
        [R]: lines('---', 'type: okr-review', 'date: 2026-11-20', 'visibility: [shared]', '---', '- [ ] x @alex due:2026-12-01'),
      },
      path: R,
      code: 'out-of-range',
      line: 4,
      message: /^visibility holds a list; write one of: private, shared/,
    },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const d = diagnosticOf(makeDataset(c.files, { today: '2026-11-22' }), c.path, c.code, c.line);
      assert.match(d.message, c.message);
      assert.doesNotMatch(d.message, /undefined|\bnull\b/);
    });
  }
});
