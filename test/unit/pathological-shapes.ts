// The inputs SPEC §10 says no check may crash or stall on: lists, block
// quotes, YAML flow collections, brackets and emphasis nested deep, and
// megabyte lines — each a text of about `bytes` characters, placed where
// Cadence reads it (a 1:1's body, its front matter, an OKR file). Shared by
// the fuzzing (fuzz.test.ts) and the CLI's timing test (pathological.test.ts).

export type Where = 'body' | 'front matter' | 'okr';

export interface Shape {
  readonly name: string;
  readonly where: Where;
  /** The pathological part, about `bytes` long. */
  make(bytes: number): string;
}

const rep = (unit: string, bytes: number): string => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));
const lines = (bytes: number, line: (k: number) => string): string => {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < bytes; k++) {
    const l = line(k);
    out.push(l);
    n += l.length + 1;
  }
  return out.join('\n');
};

export const SHAPES: readonly Shape[] = [
  // Nesting, on one line and over many.
  { name: 'a list nested on one line (- - - …)', where: 'body', make: (b) => `${rep('- ', b)}[ ] deep @alex due:2026-01-01` },
  { name: 'block quotes nested on one line (> > > …)', where: 'body', make: (b) => `${rep('> ', b)}- [ ] deep` },
  { name: 'quotes and lists interleaved (> - > - …)', where: 'body', make: (b) => `${rep('> - ', b)}[ ] deep` },
  { name: 'ordered lists nested (1. 1. 1. …)', where: 'body', make: (b) => `${rep('1. ', b)}[ ] deep` },
  { name: 'lines each nested 100 deep', where: 'body', make: (b) => lines(b, () => `${'> - '.repeat(100)}[ ] x`) },
  { name: 'a staircase of list items', where: 'body', make: (b) => lines(b, (k) => `${' '.repeat(2 * k)}- [ ] level ${k}`) },
  { name: 'a staircase with tabs', where: 'body', make: (b) => lines(b, (k) => `${'\t'.repeat(k)}- [/] level ${k}`) },
  // Inline pathologies on a megabyte line.
  { name: 'opening brackets', where: 'body', make: (b) => `- [ ] ${rep('[', b)}` },
  { name: 'nested brackets', where: 'body', make: (b) => `- [ ] ${'['.repeat(b >> 1)}a${']'.repeat(b >> 1)}` },
  { name: 'emphasis markers', where: 'body', make: (b) => `- [ ] ${rep('*a _b ', b)}` },
  { name: 'nested emphasis', where: 'body', make: (b) => `- [ ] ${rep('*a **b ', b >> 1)}${rep('c** d*', b >> 1)}` },
  { name: 'backtick runs', where: 'body', make: (b) => `- [ ] ${lines(b, (k) => '`'.repeat((k % 50) + 1) + 'x').replace(/\n/g, '')}` },
  { name: 'mentions', where: 'body', make: (b) => `- [ ] ${rep('@a.b ', b)}` },
  { name: 'Dataview fields never closed', where: 'body', make: (b) => `- [ ] ${rep('[owner:: (due:: ', b)}` },
  { name: 'wikilinks never closed', where: 'body', make: (b) => `- [ ] ${rep('[[a', b)}` },
  { name: 'comments', where: 'body', make: (b) => `- [ ] ${rep('%%a <!--b --> ', b)}` },
  { name: 'date emoji', where: 'body', make: (b) => `- [ ] ${rep('📅 2026-11-2 ⏳ ', b)}` },
  { name: 'a tab-indented megabyte paragraph', where: 'body', make: (b) => `\t\n${rep('word ', b)}` },
  // YAML.
  { name: 'a flow sequence nested deep', where: 'front matter', make: (b) => `tags: ${'['.repeat(b >> 1)}${']'.repeat(b >> 1)}` },
  { name: 'a flow map never closed', where: 'front matter', make: (b) => `tags: ${rep('{a: ', b)}` },
  { name: 'a megabyte flow sequence', where: 'okr', make: (b) => `tags: [${rep('a, ', b)}a]` },
  { name: 'a title of brackets', where: 'okr', make: (b) => `objectives:\n  - id: O1\n    title: ${rep('[', b)}` },
  { name: 'compact sequences nested deep', where: 'okr', make: (b) => `x:\n  ${rep('- ', b)}a` },
  { name: 'maps nested deep', where: 'okr', make: (b) => lines(b, (k) => `${' '.repeat(k)}k${k}:`) + ' x' },
  { name: 'an alias bomb', where: 'okr', make: (b) => lines(b, (k) => (k ? `a${k}: &a${k} [${`*a${k - 1}, `.repeat(9)}*a${k - 1}]` : 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]')) },
  { name: 'many keys', where: 'okr', make: (b) => lines(b, (k) => `k${k}: v`) },
];

/** The shape's text at its place: a 1:1 note (today 2026-11-30 makes its first item overdue) or an OKR set. */
export function placed(shape: Shape, bytes: number): { path: string; text: string } {
  const p = shape.make(bytes);
  if (shape.where === 'okr') return { path: 'okrs/x.okr.yaml', text: `type: okr\nperiod: 2026-Q4\n${p}\n` };
  const fm = shape.where === 'front matter' ? `${p}\n` : '';
  const body = shape.where === 'body' ? `${p}\n` : '';
  return { path: '1on1s/alex/2026-11-20.md', text: `---\ntype: 1on1\nreport: alex\ndate: 2026-11-20\n${fm}---\n## Action items\n- [ ] Before @alex due:2026-11-01\n${body}- [ ] After @alex due:2026-11-02\n` };
}
