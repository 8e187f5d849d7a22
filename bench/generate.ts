// Deterministic generator of Cadence workspaces, for the benchmark and for
// differential tests.
//
// Everything is driven by a small seeded PRNG: the same (notes, seed, crlf)
// always yields byte-identical files, so benchmark runs on different days
// and machines measure the same input, and a failing differential case can
// be replayed from its seed. Nothing here reads the clock.
//
//   npx tsx bench/generate.ts <dir> <notes> [seed] [--crlf]

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Bump when the output changes, so cached workspaces in bench/.work are
// regenerated instead of silently measuring an older shape of input.
export const GENERATOR_VERSION = 1;

/** The last date any generated 1:1 can have; the benchmark runs with --today 2026-11-22. */
export const END_DATE = '2026-11-20';

// ---------------------------------------------------------------------------
// PRNG and small helpers

/** A function returning a uniformly distributed number in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Integer in [lo, hi], both inclusive. */
export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = rng() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1][0];
}

// Dates are handled as whole UTC day numbers: cheap arithmetic, no time zones.
const DAY_MS = 86_400_000;
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
const END_DAY = dayOf(END_DATE);

// ---------------------------------------------------------------------------
// Vocabulary. Plain engineering-team prose, so that parsers see realistic
// text lengths, punctuation, inline code and links rather than lorem ipsum.

const FIRST = ['Alex', 'Sam', 'Priya', 'Jordan', 'Mei', 'Tomás', 'Lena', 'Omar', 'Aisha', 'Noah', 'Ines', 'Kenji', 'Ruth', 'Diego', 'Hana', 'Felix', 'Zara', 'Lukas', 'Amara', 'Ravi'];
const LAST = ['Kim', 'Ortiz', 'Raman', 'Lee', 'Chen', 'García', 'Novak', 'Haddad', 'Okafor', 'Berg', 'Silva', 'Tanaka', 'Cohen', 'Moreau', 'Ito', 'Schmidt', 'Ali', 'Fischer', 'Mensah', 'Patel'];
const ROLES = ['Engineer', 'Senior Engineer', 'Staff Engineer', 'Engineer II', 'Site Reliability Engineer', 'Data Engineer', 'Frontend Engineer'];
const TEAMS = ['platform', 'search', 'payments'];
const SYSTEMS = ['billing replicas', 'the config service', 'the deploy pipeline', 'the search indexer', 'the payments API', 'the Postgres 16 migration', 'the feature-flag service', 'the CI runners', 'the Kafka cluster', 'the preview environments'];
const VERBS = ['Draft', 'Write', 'Review', 'Share', 'Schedule', 'Book', 'Ask about', 'Follow up on', 'Pair on', 'Document', 'Measure', 'Clean up', 'Propose', 'Estimate'];
const OBJECTS = ['the on-call rotation proposal', 'the runbook for the disk-pressure alert', 'the staffing plan', 'the design doc', 'the incident timeline', 'the cutover plan', 'the interview loop feedback', 'the promotion packet outline', 'the Q-next OKR draft', 'the migration FAQ for support', 'the latency dashboard', 'the postmortem action items', 'the architecture review agenda', 'the onboarding checklist'];
const HAPPY = ['pairing on the migration was fun', 'a full week without a night page', 'the design review went smoothly', 'the new hire is ramping up fast', 'shipped the retry logic without drama', 'good feedback from support on the FAQ', 'the team covered a shift without being asked'];
const UNHAPPY = ['on-call pages at night again', 'too many meetings on Tuesdays', 'the flaky integration tests', 'unclear scope on the billing project', 'interviewing eats two afternoons a week', 'the staging cluster was down for a day', 'waiting three days for a code review'];
const UNSURE = ['who owns the design review?', 'is the January promotion cycle realistic?', 'should we split the alerting work?', 'which Slack channels actually matter?', 'how do we measure "humane" on-call?', 'build on staging or a fresh cluster?'];
const OKR_LINES = ['KR1 is at {n}%, confidence {c}.', 'The migration KR moved from {a} to {b} databases this week.', 'Night pages: {a} this month, target is {b}.', 'Runbooks: {a} of {b} written.', 'Latency KR at {a} ms p99, target under {b} ms.', 'No change since last time; blocked on {sys}.'];
const PROSE = [
  'We spent most of the time on {sys}; the plan is sound but the estimate is optimistic.',
  'Talked about what "done" means for {sys} and agreed to write it down before starting.',
  'Feedback from the last review was kind and specific, which is the standard we want.',
  'Growth: the two-month theme is working; the next step is doing it without a safety net.',
  'We agreed to revisit this in two weeks and to look at the numbers, not the feeling.',
  'Raised a concern about load: too many small interrupts, not enough focus time.',
  'The incident last week was handled well; the write-up is clear enough for support to reuse.',
  'Career: interested in the staff track; we listed three pieces of evidence to collect.',
  'Mentioned that `make test` takes eleven minutes locally, which makes small changes expensive.',
  'Useful link from the discussion: [the on-call guide](https://wiki.corp.io/oncall) section 3.',
  'Contact for the vendor question is bob@corp.io; copy the team alias on anything contractual.',
];
const OBJECTIVE_TITLES = ['Make on-call humane', 'Finish the Postgres 16 migration', 'Make onboarding self-serve', 'Hire and onboard two engineers', 'Self-serve preview environments for every pull request', 'Cut CI time in half', 'Retire the legacy config service', 'Ship the search relevance rework', 'Fewer failed payments at checkout', 'Make deploys boring'];
const CODE_BLOCKS: readonly (readonly string[])[] = [
  ['```sql', 'SELECT service, count(*) AS pages', 'FROM pages', "WHERE fired_at >= now() - interval '30 days'", 'GROUP BY service ORDER BY pages DESC;', '```'],
  ['```text', 'Agenda draft (copied from the doc, not our action items):', '- [ ] not a task: review the alert list', '- [x] not a task either', '```'],
  ['~~~yaml', 'alert: ReplicaLagHigh', 'for: 10m', 'labels: { severity: page }', '~~~'],
  ['```sh', 'kubectl -n platform get pods -l app=config-service', 'kubectl -n platform logs deploy/config-service --since=1h | grep -c retry', '```'],
  ['````markdown', 'Template we discussed for the retro:', '', '- [ ] What went well', '- [ ] What to change', '```', 'nested fence text', '```', '````'],
];

// ---------------------------------------------------------------------------
// Action items

export type TaskState = ' ' | 'x' | 'X' | '-' | '>';
export type Spelling = 'cadence' | 'obsidian' | 'dataview';

export interface TaskSpec {
  state: TaskState;
  text: string;
  owner?: string;
  due?: string;
  done?: string;
  spelling: Spelling;
}

/** The task line without list marker, e.g. `[ ] Draft it @alex due:2026-11-27`. */
export function taskBody(t: TaskSpec): string {
  const parts = [`[${t.state}]`, t.text];
  switch (t.spelling) {
    case 'cadence':
      if (t.owner) parts.push(`@${t.owner}`);
      if (t.due) parts.push(`due:${t.due}`);
      if (t.done) parts.push(`done:${t.done}`);
      break;
    case 'obsidian':
      if (t.owner) parts.push(`@${t.owner}`);
      if (t.due) parts.push(`📅 ${t.due}`);
      if (t.done) parts.push(`✅ ${t.done}`);
      break;
    case 'dataview':
      if (t.owner) parts.push(`[owner:: ${t.owner}]`);
      if (t.due) parts.push(`[due:: ${t.due}]`);
      if (t.done) parts.push(`[completion:: ${t.done}]`);
      break;
  }
  return parts.join(' ');
}

function taskText(rng: Rng): string {
  let text = `${pick(rng, VERBS)} ${pick(rng, OBJECTS)}`;
  // Some lines carry an e-mail address before the owner: `@` inside it must
  // not be taken for an owner.
  if (chance(rng, 0.12)) text += ` and cc ${pick(rng, ['bob@corp.io', 'oncall@corp.io', 'it-help@corp.io'])}`;
  if (chance(rng, 0.15)) text += ` for ${pick(rng, SYSTEMS)}`;
  return text;
}

export interface TaskContext {
  /** Day number of the note the item is written in. */
  noteDay: number;
  /** Candidate owners (person ids, `me`). */
  owners: readonly string[];
  /** Probability that the item is still open; old notes mostly have closed items. */
  openRate: number;
  /** Probability of leaving out the owner / the due date (on any state). */
  missingRate: number;
}

export function generateTask(rng: Rng, ctx: TaskContext): TaskSpec {
  const state: TaskState = chance(rng, ctx.openRate)
    ? ' '
    : weighted<TaskState>(rng, [['x', 60], ['X', 8], ['-', 16], ['>', 16]]);
  const spelling = weighted<Spelling>(rng, [['cadence', 55], ['obsidian', 25], ['dataview', 20]]);
  const dueDay = ctx.noteDay + int(rng, 2, 21);
  const t: TaskSpec = { state, text: taskText(rng), spelling };
  if (!chance(rng, ctx.missingRate)) t.owner = pick(rng, ctx.owners);
  if (!chance(rng, ctx.missingRate)) t.due = isoOf(dueDay);
  if ((state === 'x' || state === 'X') && chance(rng, 0.7)) t.done = isoOf(dueDay - int(rng, 0, 2));
  return t;
}

// ---------------------------------------------------------------------------
// 1:1 notes

export interface NoteOptions {
  /** The report's person id (default `p0002`). */
  report?: string;
  /** The note's date (default: a date derived from the rng in 2024–2026). */
  date?: string;
  /** Owners to draw from besides the report and `me`. */
  people?: readonly string[];
  /** Mix in Markdown edge cases around task items (for differential tests). */
  tricky?: boolean;
  crlf?: boolean;
}

function fill(rng: Rng, template: string): string {
  return template
    .replace('{sys}', pick(rng, SYSTEMS))
    .replace('{n}', String(int(rng, 5, 95)))
    .replace('{c}', (int(rng, 2, 9) / 10).toFixed(1))
    .replace('{a}', String(int(rng, 2, 30)))
    .replace('{b}', String(int(rng, 10, 40)));
}

function frontMatter(rng: Rng, report: string, date: string): string[] {
  const lines = ['---', 'type: 1on1', `report: ${report}`, `date: ${date}`];
  const vis = weighted(rng, [['private', 20], ['shared', 10], ['', 70]]);
  if (vis) lines.push(`visibility: ${vis}`);
  if (chance(rng, 0.85)) lines.push(`happiness: ${int(rng, 2, 5)}`);
  if (chance(rng, 0.6)) {
    const manager = int(rng, 2, 5);
    // Mostly aligned, sometimes one apart, rarely a real gap.
    const delta = weighted(rng, [[0, 60], [1, 18], [-1, 18], [2, 2], [-2, 2]]);
    const self = Math.min(5, Math.max(1, manager + delta));
    lines.push('performance:', `  manager: ${manager}`, `  report: ${self}`);
  }
  lines.push('---');
  return lines;
}

function actionItems(rng: Rng, ctx: TaskContext): string[] {
  const out: string[] = [];
  let count = int(rng, 3, 6);
  // Some notes group follow-ups under a plain parent bullet, which makes the
  // tasks nested items.
  if (chance(rng, 0.3) && count >= 2) {
    const n = int(rng, 1, 2);
    out.push(`- Follow-ups for ${pick(rng, SYSTEMS)}:`);
    for (let i = 0; i < n; i++) out.push(`  - ${taskBody(generateTask(rng, ctx))}`);
    count -= n;
  }
  // Some notes use an ordered list for the remaining items.
  if (chance(rng, 0.2)) {
    for (let i = 0; i < count; i++) out.push(`${i + 1}. ${taskBody(generateTask(rng, ctx))}`);
    return out;
  }
  for (let i = 0; i < count; i++) {
    out.push(`- ${taskBody(generateTask(rng, ctx))}`);
    // A task with its own sub-task: both are items.
    if (i === 0 && chance(rng, 0.15)) out.push(`  - ${taskBody(generateTask(rng, ctx))}`);
  }
  return out;
}

/**
 * One 1:1 note, ~1.5–2.5 KB, in PODS order. Deterministic for a given rng
 * state. With `tricky`, Markdown edge cases around task items are spliced
 * into the body (see trickyBlocks).
 */
export function generateNoteText(rng: Rng, opts: NoteOptions = {}): string {
  const report = opts.report ?? 'p0002';
  const date = opts.date ?? isoOf(END_DAY - int(rng, 0, 1095));
  const noteDay = dayOf(date);
  const age = END_DAY - noteDay;
  const ctx: TaskContext = {
    noteDay,
    owners: [report, report, report, 'me', 'me', ...(opts.people ?? [])],
    // Realistic: recent notes have open items, old ones were closed out.
    openRate: age < 30 ? 0.5 : age < 90 ? 0.2 : 0.03,
    missingRate: 0.07,
  };
  const L: string[] = frontMatter(rng, report, date);

  // A short agenda paragraph, as most real notes start with one.
  L.push(`Agenda: ${pick(rng, HAPPY)}; ${pick(rng, UNHAPPY)}. ${fill(rng, pick(rng, PROSE))}`);
  L.push('');
  L.push('## OKRs');
  for (let i = int(rng, 2, 4); i > 0; i--) L.push(`- ${fill(rng, pick(rng, OKR_LINES))}`);
  L.push('');
  L.push(fill(rng, pick(rng, PROSE)) + ' ' + fill(rng, pick(rng, PROSE)));
  L.push('');

  L.push('## Development plan');
  L.push(fill(rng, pick(rng, PROSE)));
  L.push(`- Focus: ${pick(rng, ['incident command', 'design docs for non-engineers', 'mentoring the new hire', 'Kubernetes operations', 'public speaking', 'estimation'])}.`);
  L.push(`- ${fill(rng, pick(rng, PROSE))}`);
  L.push('');

  L.push('## Happiness retrospective');
  L.push(`- :-) ${pick(rng, HAPPY)}`);
  if (chance(rng, 0.8)) L.push(`- :-( ${pick(rng, UNHAPPY)}`);
  if (chance(rng, 0.6)) L.push(`- :-/ ${pick(rng, UNSURE)}`);
  L.push('');

  L.push('## Performance');
  L.push(fill(rng, pick(rng, PROSE)));
  if (chance(rng, 0.6)) L.push(fill(rng, pick(rng, PROSE)));
  L.push('');
  // One code block per note; some hold task-looking lines that are not items.
  L.push(...pick(rng, CODE_BLOCKS));
  L.push('');
  L.push(fill(rng, pick(rng, PROSE)));
  L.push('');

  L.push('## Action items');
  L.push(...actionItems(rng, ctx));

  if (opts.tricky) {
    const blocks = trickyBlocks(rng, ctx, int(rng, 3, 8));
    // Splice the edge cases at random block boundaries of the body, not only
    // at the end, so they interact with the headings and lists around them.
    for (const block of blocks) {
      const at = int(rng, L.indexOf('---', 1) + 1, L.length);
      L.splice(at, 0, ...block);
    }
  }

  let text = L.join('\n') + '\n';
  if (opts.tricky) text = trickyLineEndings(rng, text);
  if (opts.crlf) text = text.replace(/\r?\n/g, '\r\n');
  return text;
}

// ---------------------------------------------------------------------------
// Tricky Markdown: edge cases around GFM task list items. These are for a
// differential test against remark-gfm, which is the reference for "what is
// a task item"; this generator does not claim to know the answer.

const ODD_BOXES = ['[ ]', '[x]', '[X]', '[-]', '[>]', '[  ]', '[]', '[ x]', '[*]', '[xx]'];

function box(rng: Rng): string {
  return chance(rng, 0.8) ? `[${pick(rng, [' ', 'x', 'X', '-', '>'] as const)}]` : pick(rng, ODD_BOXES);
}

function trickyItemText(rng: Rng, ctx: TaskContext): string {
  const t = generateTask(rng, { ...ctx, openRate: 0.6 });
  return taskBody(t).slice(4); // drop the "[s] " prefix; callers add their own box
}

type BlockMaker = (rng: Rng, ctx: TaskContext) => string[];

const BLOCKS: readonly BlockMaker[] = [
  // Bullet lists with each marker; a change of marker starts a new list.
  (rng, ctx) => {
    const out: string[] = [];
    const marker = pick(rng, ['-', '*', '+']);
    for (let i = int(rng, 1, 4); i > 0; i--) out.push(`${chance(rng, 0.1) ? pick(rng, ['-', '*', '+']) : marker} ${box(rng)} ${trickyItemText(rng, ctx)}`);
    return out;
  },
  // Ordered lists, both delimiters, non-1 starts, a nested bullet under an
  // ordered item (content offset 3 or 4).
  (rng, ctx) => {
    const delim = pick(rng, ['.', ')']);
    let n = pick(rng, [1, 1, 2, 9, 10]);
    const out: string[] = [];
    for (let i = int(rng, 1, 3); i > 0; i--, n++) {
      out.push(`${n}${delim} ${box(rng)} ${trickyItemText(rng, ctx)}`);
      if (chance(rng, 0.4)) out.push(`${' '.repeat(String(n).length + 2 + int(rng, -1, 1))}- ${box(rng)} ${trickyItemText(rng, ctx)}`);
    }
    return out;
  },
  // Deep nesting, with exact, over- and under-indented children.
  (rng, ctx) => {
    const out: string[] = [];
    let indent = 0;
    for (let depth = 0, max = int(rng, 3, 7); depth < max; depth++) {
      const marker = pick(rng, ['-', '*', '1.']);
      out.push(`${' '.repeat(indent)}${marker} ${box(rng)} ${trickyItemText(rng, ctx)}`);
      indent += marker.length + 1 + pick(rng, [0, 0, 0, 1, 2, -1]);
      if (indent < 0) indent = 0;
    }
    return out;
  },
  // Empty and whitespace-only task boxes, trailing spaces.
  (rng) => [pick(rng, ['- [ ]', '- [ ]   ', '- [x]', '- [X] ', '* [ ]\t', '1. [ ]', '- [ ] ', '-   [ ] x'])],
  // Indented code block (needs a blank line before it outside a list).
  (rng, ctx) => ['', `    - [ ] in indented code ${trickyItemText(rng, ctx)}`, `    ${box(rng)} also code`, ''],
  // Fenced code: ``` and ~~~, longer and shorter closing fences, wrong
  // closing character, indented fences, unterminated fences.
  (rng, ctx) => {
    const ch = pick(rng, ['`', '~']);
    const len = int(rng, 3, 5);
    const open = ' '.repeat(pick(rng, [0, 0, 0, 1, 3])) + ch.repeat(len) + pick(rng, ['', 'md', ' text', 'markdown {.x}']);
    const inner = [`- ${box(rng)} fenced ${trickyItemText(rng, ctx)}`, `${box(rng)} plain`];
    const close = weighted(rng, [
      [ch.repeat(len), 40],
      [ch.repeat(len + 2), 15],
      [ch.repeat(Math.max(2, len - 1)), 10], // too short: does not close
      [(ch === '`' ? '~' : '`').repeat(len), 10], // wrong character: does not close
      [`  ${ch.repeat(len)}`, 10],
      ['', 15], // unterminated: runs to the end of the document
    ]);
    return close ? [open, ...inner, close] : [open, ...inner];
  },
  // HTML blocks: type 6 ends at a blank line, type 1 (<pre>) and type 2
  // (comments) end at their closing tag.
  (rng, ctx) =>
    pick(rng, [
      ['<div>', `- [ ] inside div ${trickyItemText(rng, ctx)}`, '</div>'],
      ['<div class="note">', `- ${box(rng)} inside div`, '', `- ${box(rng)} after the blank line ${trickyItemText(rng, ctx)}`, '</div>'],
      ['<!--', `- [ ] commented out ${trickyItemText(rng, ctx)}`, '', '- [x] still in the comment', '-->'],
      ['<pre>', '- [ ] in pre', '', '- [ ] still in pre', '</pre>'],
      ['<details><summary>Old items</summary>', '', `- ${box(rng)} markdown inside details ${trickyItemText(rng, ctx)}`, '', '</details>'],
      [`<span>- [ ] inline html</span> ${trickyItemText(rng, ctx)}`],
    ]),
  // Block quotes, nested quotes, quotes without a space, lazy continuation.
  (rng, ctx) =>
    pick(rng, [
      [`> - ${box(rng)} quoted ${trickyItemText(rng, ctx)}`],
      [`> > * ${box(rng)} double quoted`, '> > continued'],
      [`>- ${box(rng)} no space after >`],
      [`> - ${box(rng)} quoted`, 'lazy continuation of the quoted item'],
      ['> Quote paragraph', `- ${box(rng)} after a quote ${trickyItemText(rng, ctx)}`],
    ]),
  // Lazy continuation lines and continuation paragraphs.
  (rng, ctx) => [`- ${box(rng)} first line of the item`, `lazy line ${trickyItemText(rng, ctx)}`, `  indented continuation`],
  (rng, ctx) => [`- ${box(rng)} loose item ${trickyItemText(rng, ctx)}`, '', '  second paragraph of the same item', '', `- ${box(rng)} next loose item`],
  // Setext headings and thematic breaks next to items.
  (rng, ctx) =>
    pick(rng, [
      ['Setext heading', '==='],
      [`- ${box(rng)} item then break ${trickyItemText(rng, ctx)}`, '---'],
      [`- ${box(rng)} item with setext inside`, '  ---'],
      [`${box(rng)} heading text`, '---'],
      ['- - -'],
      ['* * *'],
      ['***'],
      ['___'],
    ]),
  // A paragraph directly followed by a list item: bullets and `1.` interrupt
  // the paragraph, other ordered starts do not.
  (rng, ctx) => ['A paragraph line right before the list.', `${pick(rng, ['-', '*', '+', '1.', '1)', '2.', '3)'])} ${box(rng)} ${trickyItemText(rng, ctx)}`],
  // Tabs in every position.
  (rng, ctx) => [pick(rng, [`-\t${box(rng)} tab after bullet`, `- ${box(rng)}\ttab after box`, `\t- ${box(rng)} tab-indented`, `  \t- ${box(rng)} mixed indent`, `-\t\t${box(rng)} two tabs`]) + ' ' + trickyItemText(rng, ctx)],
  // Things that look like tasks but are not.
  (rng) => [pick(rng, ['-[ ] no space after bullet', '- [ ]no space after box', '- foo [ ] box mid-line', '- \\[ ] escaped box', '[ ] no bullet', '#  - [ ] in a heading', '## [x] heading box', '-     [ ] five spaces: code inside the item', '- [ ] ` code span ` @me due:2026-01-01', '|- [ ] | table-ish |'])],
  // A list item that starts with a blank line.
  (rng) => ['-', `  ${box(rng)} box on the line after the marker`],
  // A table with boxes in cells.
  (rng) => ['| item | state |', '| --- | --- |', `| - ${box(rng)} x | open |`, `| ${box(rng)} | done |`],
  // Owner and e-mail variants on one line.
  (rng, ctx) => [`- ${box(rng)} ${pick(rng, ['mail bob@corp.io then', 'ping @@double', 'email p0002@example.com about', 'cc me@corp.io and'])} @${pick(rng, ctx.owners)} due:${isoOf(ctx.noteDay + 3)}`],
];

/** `count` edge-case blocks, each a list of lines, some with a blank line around. */
export function trickyBlocks(rng: Rng, ctx: TaskContext, count: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const block = [...pick(rng, BLOCKS)(rng, ctx)];
    // Trailing spaces on some lines (two spaces is a hard line break).
    for (let j = 0; j < block.length; j++) if (chance(rng, 0.1)) block[j] += pick(rng, [' ', '  ', '\t']);
    // Most blocks are separated by blank lines; some touch their neighbours,
    // which is where lazy continuation and interruption rules matter.
    if (chance(rng, 0.7)) block.unshift('');
    if (chance(rng, 0.7)) block.push('');
    out.push(block);
  }
  return out;
}

function trickyLineEndings(rng: Rng, text: string): string {
  if (chance(rng, 0.05)) text = '\uFEFF' + text;
  const mode = weighted(rng, [['lf', 70], ['crlf', 20], ['mixed', 10]]);
  if (mode === 'crlf') return text.replace(/\n/g, '\r\n');
  if (mode === 'mixed') return text.replace(/\n/g, () => (chance(rng, 0.5) ? '\r\n' : '\n'));
  return text;
}

// ---------------------------------------------------------------------------
// People, OKR sets, OKR reviews

export function personId(n: number): string {
  return `p${String(n).padStart(4, '0')}`;
}

export interface PersonSpec {
  id: string;
  cadenceDays: number;
  /** Dates of this person's 1:1s, ascending. */
  dates: string[];
}

export function generatePersonText(rng: Rng, p: { id: string; me?: boolean; cadence?: string; since: string }): string {
  const L = ['---', 'type: person', `name: ${pick(rng, FIRST)} ${pick(rng, LAST)}`, `role: ${p.me ? 'Engineering Manager' : pick(rng, ROLES)}`];
  if (p.me) L.push('me: true');
  if (p.cadence) L.push(`cadence: ${p.cadence}`);
  L.push(`since: ${p.since}`);
  if (!p.me && chance(rng, 0.1)) L.push('manages: true');
  const start = END_DAY - int(rng, 0, 200);
  L.push('themes:');
  for (let i = int(rng, 1, 2); i > 0; i--) {
    const s = start - (i - 1) * 61;
    L.push(`  - title: ${pick(rng, ['Clearer communication with non-technical people', 'Leading an incident end to end', 'Owning one service', 'Writing design docs', 'Mentoring the new hire'])}`, `    since: ${isoOf(s)}`, `    until: ${isoOf(s + 60)}`);
  }
  L.push('development:');
  for (let i = weighted(rng, [[2, 45], [3, 45], [4, 10]]); i > 0; i--) L.push(`  - ${pick(rng, ['Kubernetes operations', 'Incident command', 'Public speaking', 'Functional programming, Friday afternoons', 'Estimation', 'Code review in a new codebase'])}`);
  L.push('---', `${fill(rng, pick(rng, PROSE))}`, '');
  return L.join('\n');
}

export interface OkrSetInfo {
  id: string;
  objectives: number;
}

export function generateOkrSetText(rng: Rng, o: { period: string; team: string; owners: readonly string[]; parent?: string }): { text: string; objectives: number } {
  const L = [`# ${o.team} team, ${o.period}`, 'type: okr', `period: ${o.period}`, `team: ${o.team}`, 'owner: me', 'objectives:'];
  const objectives = weighted(rng, [[3, 35], [4, 35], [5, 25], [6, 5]]);
  const [y, q] = o.period.split('-Q').map(Number);
  const qEnd = dayOf(`${q === 4 ? y + 1 : y}-${String(q === 4 ? 1 : q * 3 + 1).padStart(2, '0')}-01`) - 1;
  for (let i = 1; i <= objectives; i++) {
    L.push(`  - id: O${i}`, `    title: ${pick(rng, OBJECTIVE_TITLES)}`);
    if (chance(rng, 0.95)) L.push(`    owner: ${pick(rng, o.owners)}`);
    if (chance(rng, 0.25)) L.push('    kind: aspirational');
    if (i === 1 && o.parent) L.push(`    parent: ${o.parent}#O${int(rng, 1, 3)}`);
    L.push('    key_results:');
    for (let k = 1, n = weighted(rng, [[2, 35], [3, 40], [4, 20], [5, 5]]); k <= n; k++) {
      const start = int(rng, 0, 50);
      // Both directions (more runbooks, fewer pages); never a target equal
      // to the start by accident, and never a negative count.
      const delta = int(rng, -40, 60) || 10;
      const target = Math.max(0, start + delta);
      const current = Math.round(start + (target - start) * rng());
      L.push(`      - id: KR${k}`, `        title: Move ${pick(rng, ['pages per month', 'p99 latency', 'runbooks written', 'databases migrated', 'time to first PR', 'preview adoption'])} from ${start} to ${target}`);
      if (chance(rng, 0.95)) L.push(`        owner: ${pick(rng, o.owners)}`);
      if (chance(rng, 0.92)) L.push(`        due: ${isoOf(qEnd - int(rng, 0, 20))}`);
      L.push(`        start: ${start}`);
      L.push(chance(rng, 0.05) ? `        target: "${target}%"` : `        target: ${target}`);
      L.push(`        current: ${current}`, `        confidence: ${(int(rng, 1, 10) / 10).toFixed(1)}`, `        status: ${pick(rng, ['on-track', 'on-track', 'at-risk', 'off-track', 'done', 'cut'])}`);
      if (chance(rng, 0.6)) {
        L.push('        checkins:');
        for (let c = int(rng, 1, 3); c > 0; c--) {
          L.push(`          - { date: ${isoOf(qEnd - c * 21)}, current: ${current}, confidence: ${(int(rng, 1, 10) / 10).toFixed(1)}, note: "${pick(rng, HAPPY)}" }`);
        }
      }
    }
  }
  return { text: L.join('\n') + '\n', objectives };
}

export function generateReviewText(rng: Rng, r: { set: string; objectives: number; date: string; owners: readonly string[] }): string {
  const day = dayOf(r.date);
  const L = ['---', 'type: okr-review', `date: ${r.date}`, `okrs: ${r.set}`, `pre-read: ${isoOf(day - 7)}`, '---', `Mid-quarter review of ${r.set}.`, ''];
  const ctx: TaskContext = { noteDay: day, owners: r.owners, openRate: day > END_DAY - 60 ? 0.5 : 0.05, missingRate: 0.05 };
  for (let i = 1; i <= r.objectives; i++) {
    L.push(`## O${i} ${pick(rng, SYSTEMS)}`, fill(rng, pick(rng, PROSE)), `Decision: ${pick(rng, ['continue', 'continue', 'cut', 're-scope', 'escalate'])}`);
    for (let k = int(rng, 0, 2); k > 0; k--) L.push(`- ${taskBody(generateTask(rng, ctx))}`);
    L.push('');
  }
  return L.join('\n');
}

// ---------------------------------------------------------------------------
// Whole workspace

export interface GenerateOptions {
  notes: number;
  seed?: number;
  crlf?: boolean;
}

export interface GenerateResult {
  dir: string;
  notes: number;
  people: number;
  okrSets: number;
  reviews: number;
  files: number;
  bytes: number;
  ms: number;
}

/** Name of the marker file that identifies a generated workspace (outside every Cadence glob). */
export const MARKER = '.generated.json';

/**
 * Writes a workspace of `notes` 1:1 notes into `dir`. `dir` must be empty,
 * absent, or a previous generation (it holds MARKER); anything else is
 * refused so a typo cannot wipe a real folder.
 */
export function generateWorkspace(dir: string, opts: GenerateOptions): GenerateResult {
  const t0 = performance.now();
  const seed = opts.seed ?? 1;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) throw new Error(`${dir} is not empty and was not made by generate.ts; refusing to overwrite it`);
    rmSync(dir, { recursive: true, force: true });
  }
  const rng = createRng(seed);
  let files = 0;
  let bytes = 0;
  const madeDirs = new Set<string>();
  const write = (rel: string, text: string): void => {
    const slash = rel.lastIndexOf('/');
    const folder = join(dir, rel.slice(0, slash));
    if (!madeDirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeDirs.add(folder);
    }
    const out = opts.crlf ? text.replace(/\n/g, '\r\n') : text;
    const buf = Buffer.from(out, 'utf8');
    writeFileSync(join(dir, rel), buf);
    files++;
    bytes += buf.length;
  };

  // People: p0001 is the manager; the reports share the notes evenly.
  const reports = Math.max(1, Math.round(opts.notes / 40));
  const people: PersonSpec[] = [];
  const ids: string[] = [];
  for (let i = 0; i < reports; i++) ids.push(personId(i + 2));
  for (let i = 0; i < reports; i++) {
    const share = Math.floor(opts.notes / reports) + (i < opts.notes % reports ? 1 : 0);
    const cadence = weighted(rng, [['weekly', 35], ['biweekly', 25], ['7', 10], ['14', 20], ['monthly', 10]]);
    const cadenceDays = cadence === 'weekly' || cadence === '7' ? 7 : cadence === 'monthly' ? 30 : 14;
    // Most people met recently; about one in ten has lapsed.
    let day = END_DAY - (chance(rng, 0.1) ? int(rng, 3 * cadenceDays, 90) : int(rng, 0, cadenceDays));
    const dates: string[] = [];
    for (let k = 0; k < share; k++) {
      dates.push(isoOf(day));
      // Strictly decreasing: unique dates per person, with a little jitter.
      day -= Math.max(1, cadenceDays + int(rng, -2, 2));
    }
    dates.reverse();
    people.push({ id: ids[i], cadenceDays, dates });
    write(`people/${ids[i]}.md`, generatePersonText(rng, { id: ids[i], cadence, since: dates[0] ?? END_DATE }));
  }
  write('people/p0001.md', generatePersonText(rng, { id: 'p0001', me: true, since: '2022-01-10' }));

  // 1:1 notes. Owners: the report, `me`, and a few colleagues; one in a
  // hundred notes names someone without a person file.
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    const colleagues = [ids[(i + 1) % ids.length], ids[(i + 7) % ids.length]];
    for (const date of p.dates) {
      const extra = chance(rng, 0.01) ? [...colleagues, 'contractor'] : colleagues;
      write(`1on1s/${p.id}/${date}.md`, generateNoteText(rng, { report: p.id, date, people: extra }));
    }
  }

  // OKR sets: one per team per quarter over three years, a review for each.
  const teams = TEAMS.slice(0, Math.min(TEAMS.length, 1 + Math.floor(opts.notes / 20000)));
  let okrSets = 0;
  let reviews = 0;
  const owners = ['me', ...ids.slice(0, 12)];
  for (const team of teams) {
    let previous: string | undefined;
    for (let y = 2024; y <= 2026; y++) {
      for (let q = 1; q <= 4; q++) {
        const period = `${y}-Q${q}`;
        const set = team === TEAMS[0] ? period : `${team}-${period}`;
        const { text, objectives } = generateOkrSetText(rng, { period, team, owners, parent: previous });
        write(`okrs/${set}.okr.yaml`, text);
        okrSets++;
        const mid = dayOf(`${y}-${String((q - 1) * 3 + 2).padStart(2, '0')}-15`);
        if (mid <= END_DAY) {
          write(`okr-reviews/${set}-mid.md`, generateReviewText(rng, { set, objectives, date: isoOf(mid), owners }));
          reviews++;
        }
        previous = set;
      }
    }
  }

  const result: GenerateResult = { dir, notes: opts.notes, people: reports + 1, okrSets, reviews, files, bytes, ms: 0 };
  result.ms = Math.round(performance.now() - t0);
  writeFileSync(join(dir, MARKER), JSON.stringify({ version: GENERATOR_VERSION, notes: opts.notes, seed, crlf: !!opts.crlf, files, bytes }, null, 2) + '\n');
  return result;
}

/** The marker of a previous generation in `dir`, if it matches these options. */
export function readMarker(dir: string): { version: number; notes: number; seed: number; crlf: boolean; files: number; bytes: number } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// CLI

function main(argv: string[]): void {
  const crlf = argv.includes('--crlf');
  const [dir, notesArg, seedArg] = argv.filter((a) => a !== '--crlf');
  const notes = Number(notesArg);
  if (!dir || !Number.isInteger(notes) || notes < 1 || (seedArg !== undefined && !Number.isInteger(Number(seedArg)))) {
    process.stderr.write('usage: npx tsx bench/generate.ts <dir> <notes> [seed] [--crlf]\n');
    process.exit(2);
  }
  let r: GenerateResult;
  try {
    r = generateWorkspace(dir, { notes, seed: seedArg === undefined ? 1 : Number(seedArg), crlf });
  } catch (e) {
    process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${r.dir}: ${r.notes} notes, ${r.people} people, ${r.okrSets} OKR sets, ${r.reviews} reviews; ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms} ms\n`);
}

if (require.main === module) main(process.argv.slice(2));
