// Generated Markdown for the differential test: adversarial lines around task
// items, and realistic 1:1 notes. Deterministic (seeded).

import { createRng } from '../../bench/generate';


const BOXES = ['[ ]', '[x]', '[X]', '[-]', '[>]', '[]', '[ x]', '[y]', '[ ]', '[/]', '[!]', '[?]', '[*]', '[<]', '[🙂]', '[é]', '[e\u0301]', '[✔️]', '[\t]', '[]]', '[[]', '[ ]x'];
const MARKERS = ['-', '*', '+', '1.', '2.', '1)', '10.', '-', '-'];
const INDENTS = ['', '', '', ' ', '  ', '   ', '    ', '     ', '      ', '        '];
const TEXTS = ['Draft the plan @alex due:2026-11-27', 'Ask bob@corp.io', '', ' ', 'x', '📅 2026-12-01 follow up', '**bold** start', '`code` start', '[[alex]] to book it', '(due:: 2026-12-01)'];
const OTHER = [
  '',
  '',
  'A paragraph line.',
  '## Action items',
  '# Heading #',
  '```',
  '```js',
  '~~~',
  '````',
  '    indented code - [ ] not a task',
  '> - [ ] quoted task',
  '<div>',
  '</div>',
  '<!-- - [ ] comment -->',
  '---',
  '***',
  '- - -',
  '===',
  '[x]: https://example.com',
  'lazy continuation line',
  '\t- [ ] tabbed',
  '-',
  '1.',
  '- [ ]',
  '- [x]   ',
  '- [/]',
  '- [🙂] astral',
  '- | a | b |',
  '  | --- | --- |',
  '* * *',
  '#nohash',
  '2) [ ] two',
];

// Constructs the fast path models itself (no HTML, quotes, tabs, setext…).
const HANDLED = ['', '', '', 'A paragraph line.', '## Action items', '# Heading #', '```', '~~~', '````', '***', '- - -', 'lazy continuation line', '#nohash', '2) [ ] two', '1. [ ] one', '  continuation'];

function line(r: () => number, pick: <T>(xs: readonly T[]) => T, other: readonly string[]): string {
  if (r() < 0.45) return pick(other);
  return `${pick(INDENTS)}${pick(MARKERS)}${r() < 0.1 ? '  ' : ' '}${pick(BOXES)} ${pick(TEXTS)}`;
}

/** Lines around task items; `handled` keeps to constructs the fast path models. */
export function trickyNote(seed: number, handled = false): string[] {
  const r = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const n = 3 + Math.floor(r() * 14);
  const other = handled ? HANDLED : OTHER;
  return Array.from({ length: n }, () => line(r, pick, other));
}

export function realisticNote(seed: number): string[] {
  const r = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out = ['## OKRs', '- KR1 onboarding: on track', '', '## Happiness retrospective', '- :-) pairing', '- :-( pages at night', '', '```sh', '- [ ] not a task', '```', '', '## Action items'];
  const n = 3 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    out.push(`${pick(['-', '*', '1.'])} ${pick(['[ ]', '[x]', '[-]', '[>]', '[/]', '[!]'])} ${pick(TEXTS.filter((t) => t.trim()))}`);
    if (r() < 0.3) out.push(`  - ${pick(['[ ]', '[x]'])} nested @sam due:2026-12-01`);
  }
  return out;
}


/** Prefixes that open or continue containers: quotes, bullets, ordered markers, indentation with spaces and tabs. */
const PREFIXES = ['', '> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '  ', '   ', '    ', '\t', ' \t', '-\t', '>\t', '10. ', '-   ', '-     '];
// HTML blocks, link definitions and indented code after containers close are
// left out here: remark's parser (micromark) reads some of their rarest
// combinations its own way (an HTML block on a lazy line stays in the list
// item; an indented code block it sometimes lets a list interrupt), which
// Cadence does not copy; trickyNote has them at the top level.
const CONTENTS = ['[ ] task @alex', '[x] done', '[/] doing', '[?] maybe', '', 'text', '```', '~~~', '# h', '#h', '## h ##', '===', '---', '***', '- - -', '| a | b |', '| - | - |', 'a | b', '*em*', '**strong**', '_x_', '1) x', '2. y', '- ', '-', '>', '\\- not', '&amp;', '`[ ] code`'];

/** Lines made of random container prefixes and contents: quotes, lists, tabs and leaf blocks mixed and nested. */
export function nestedNote(seed: number): string[] {
  const r = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const n = 3 + Math.floor(r() * 12);
  return Array.from({ length: n }, () => {
    let prefix = '';
    const depth = Math.floor(r() * 4);
    for (let d = 0; d < depth; d++) prefix += pick(PREFIXES);
    return r() < 0.1 ? '' : prefix + pick(CONTENTS);
  });
}
