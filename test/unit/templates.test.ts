// New 1:1 (carry-over with markers, nesting and sources; slipping key results
// with reasons; the cursor's line), Add Person (no placeholders), and the
// pre-read (decisions, what changed, cut/unmeasurable/invalid values, no
// empty tables, whose private items are not shown). Worked by hand.
import assert from 'node:assert/strict';
import { carryOver, carrySource, relativeLink, sourceMarkOf, withoutSourceMark } from '../../src/core/actions/carry';
import { applyTextEdits, nextOneOnOne, undoEdits } from '../../src/core/actions/next-one-on-one';
import { newPerson } from '../../src/core/actions/templates';
import type { Dataset } from '../../src/core/dataset';
import type { OneOnOneDoc, OkrSetDoc } from '../../src/core/index';
import { oneOnOnesOf } from '../../src/core/meetings';
import { buildPreRead } from '../../src/core/pre-read';
import { lines, makeDataset } from './helpers';

const PREV = '1on1s/alex/2026-11-19.md';

function prevNote(...body: string[]): string {
  return lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-19', '---', ...body);
}

/** The action items of a whole note, as a source to carry from. */
const itemsOf = (ds: Dataset, path: string) => carrySource(oneOnOnesOf(ds.doc(path) as OneOnOneDoc)[0], 'items');

/** Carries from a note with this body; with the note's lines, or items only. */
function carried(body: string[], withLines = true): string[] {
  const text = prevNote(...body);
  const ds = makeDataset({ [PREV]: text });
  const c = carryOver(itemsOf(ds, PREV), '1on1s/alex/2026-11-26.md', withLines ? text.split('\n') : undefined);
  return c ? [...c.lines] : [];
}

/** The next 1:1 as `cadence new` and New 1:1 make it, from these files (a new note expected). */
function next(files: Record<string, string>, key: string, today: string) {
  const ds = makeDataset(files, { today });
  const plan = nextOneOnOne(ds, key, today, { linesOf: (p) => files[p]?.split('\n') });
  assert.ok(plan?.kind === 'create', `a new 1:1 is planned: ${JSON.stringify(plan)}`);
  return plan;
}

const FROM = ' (from [2026-11-19](2026-11-19.md))';

describe('carry-over (New 1:1, SPEC §4, §13)', () => {
  it('keeps each item’s marker and box, and marks each carried group with its source', () => {
    assert.deepEqual(carried(['## Action items', '* [ ] Star @alex due:2026-11-30', '+ [ ] Plus', '- [x] Done', '- [ ] Dash']), [`* [ ] Star @alex due:2026-11-30${FROM}`, `+ [ ] Plus${FROM}`, `- [ ] Dash${FROM}`]);
  });

  it('numbers ordered items afresh among those carried, keeping `.` or `)`', () => {
    assert.deepEqual(carried(['1. [x] One', '2. [ ] Two', '3. [ ] Three', '', '7) [ ] Seven']), [`1. [ ] Two${FROM}`, `2. [ ] Three${FROM}`, `1) [ ] Seven${FROM}`]);
  });

  it('keeps nesting: an open child stays under its open parent; a done parent comes as a plain bullet', () => {
    const body = ['## Action items', '- [ ] Parent @alex', '  - [x] Done child', '  - [ ] Open child @me', '- [x] Done parent @alex done:2026-11-18', '  1. [ ] Ordered child', '     - [ ] Grandchild'];
    const want = [`- [ ] Parent @alex${FROM}`, '  - [ ] Open child @me', `- Done parent${FROM}`, '  1. [ ] Ordered child', '     - [ ] Grandchild'];
    assert.deepEqual(carried(body), want);
    assert.deepEqual(carried(body, false), want, 'without the note’s lines, nesting is read from the items');
  });

  it('a plain bullet the items sit under comes along (with the note’s lines)', () => {
    assert.deepEqual(carried(['## Action items', '- Migration', '    - [ ] Book the window @me', '- Hiring', '  - [x] Closed']), [`- Migration${FROM}`, '  - [ ] Book the window @me']);
  });

  it('re-indents children under a renumbered parent; tabs count to the next multiple of 4', () => {
    assert.deepEqual(carried(['10. [x] Ten', '    - [ ] Under ten', '- [ ] Tabbed', '\t- [ ] Tab child']), [`1. Ten${FROM}`, '   - [ ] Under ten', `- [ ] Tabbed${FROM}`, '  - [ ] Tab child']);
  });

  it('headings and text at column 0 end a list: no parent across them', () => {
    assert.deepEqual(carried(['- [x] Before', '## Next', '  - [ ] Indented after a heading']), [`- [ ] Indented after a heading${FROM}`]);
    assert.deepEqual(carried(['- [x] Before', '  - [ ] Indented after a heading'], true), [`- Before${FROM}`, '  - [ ] Indented after a heading']);
  });

  it('an item carried again points at the note it came from last; marks never pile up', () => {
    const again = carried([`- [ ] Old item @alex (from [2026-11-12](2026-11-12.md)) due:2026-12-01`]);
    assert.deepEqual(again, [`- [ ] Old item @alex due:2026-12-01${FROM}`]);
    assert.equal(sourceMarkOf(again[0]), '2026-11-19');
    assert.equal(withoutSourceMark(again[0]), '- [ ] Old item @alex due:2026-12-01');
  });

  it('marks the carried boxes `[>]` in the previous note, and nothing else', () => {
    const ds = makeDataset({ [PREV]: prevNote('- [ ] A', '  - [x] B', '- [ ] C') });
    const c = carryOver(itemsOf(ds, PREV), '1on1s/alex/2026-11-26.md')!;
    assert.deepEqual(c.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [[5, 3, 4, '>'], [7, 3, 4, '>']]);
  });

  it('relative links between notes', () => {
    assert.equal(relativeLink('1on1s/alex/2026-11-26.md', '1on1s/alex/2026-11-19.md'), '2026-11-19.md');
    assert.equal(relativeLink('1on1s/alex/2026-11-26.md', '1on1s/alex.md'), '../alex.md');
    assert.equal(relativeLink('1on1s/alex/2026-11-26.md', 'notes/Alex Kim/log.md'), '<../../notes/Alex Kim/log.md>');
  });
});

describe('New 1:1 (SPEC §1, §4, §18)', () => {
  const files = {
    'people/alex.md': lines('---', 'type: person', 'name: Alex Kim', 'themes:', '  - title:', '    until: 2026-12-31', '  - title: Writing', '    until: 2026-12-31', 'development:', '  -', '  - Mentoring', '---'),
    'okrs/q4.okr.yaml': lines(
      'type: okr',
      'period: 2026-Q4',
      'objectives:',
      '  - id: O1',
      '    title: Ship',
      '    key_results:',
      '      - { id: KR1, title: Low confidence, owner: alex, confidence: -0.1, target: 10, current: 9 }',
      '      - { id: KR2, title: Behind, owner: ALEX, target: 100, current: 35 }',
      '      - { id: KR3, title: Fine, owner: alex, status: on-track, target: 10, current: 9 }',
      '      - { id: KR4, title: Someone else, owner: sam, status: at-risk, target: 1 }',
    ),
    [PREV]: prevNote('## Action items', '* [ ] Carried @alex due:2026-12-01', '- [x] Done'),
  };

  it('lists every slipping key result of theirs with why — not only `status: at-risk`', () => {
    const okrs = next(files, 'alex', '2026-11-30').text!.split('\n').filter((l) => l.startsWith('- q4 '));
    assert.deepEqual(okrs, [
      '- q4 O1/KR1 Low confidence — score 0.90; slipping: confidence below 0.5 (and not a valid 0–1 value)',
      '- q4 O1/KR2 Behind — score 0.35; slipping: behind schedule: score 0.35 with 66% of the period gone',
    ]);
  });

  it('never prints a placeholder: untitled themes and empty focus areas are left out', () => {
    const text = next(files, 'alex', '2026-11-30').text!;
    assert.ok(!/\(untitled\)|Focus: *$/m.test(text), text);
    assert.ok(text.includes('- Theme: Writing (until 2026-12-31)\n- Focus: Mentoring\n'), text);
    assert.ok(text.includes('# 1:1 with Alex Kim — 2026-11-30'), text);
  });

  it('carries over with markers and source, marks `[>]` there, and puts the cursor on a new empty action line', () => {
    const f = next(files, 'alex', '2026-11-30');
    const ls = f.text!.split('\n');
    const at = ls.indexOf('## Action items');
    assert.deepEqual(ls.slice(at, at + 4), ['## Action items', '* [ ] Carried @alex due:2026-12-01 (from [2026-11-19](2026-11-19.md))', '- [ ] ', '']);
    assert.deepEqual(f.cursor, { line: at + 2, character: 6 });
    assert.equal(ls[f.cursor.line].slice(0, f.cursor.character), '- [ ] ');
    assert.deepEqual([...f.edits.keys()], [PREV]);
    assert.equal(f.carriedItems?.items.length, 1);
    assert.equal(f.carried, 1);
    // The new note reads back with exactly the carried item open (the empty line is a placeholder, SPEC §10).
    const ds = makeDataset({ ...files, [f.path]: f.text! }, { today: '2026-11-30' });
    assert.deepEqual((ds.doc(f.path) as OneOnOneDoc).items.map((i) => i.text), ['Carried (from [2026-11-19](2026-11-19.md))']);
  });

  it('with nothing to carry, the cursor still lands on the empty action line', () => {
    const f = next({ 'people/sam.md': lines('---', 'type: person', '---') }, 'sam', '2026-11-30');
    assert.equal(f.text!.split('\n')[f.cursor.line], '- [ ] ');
    assert.equal(f.carriedItems, undefined);
    assert.ok(f.text!.includes('- They own no key result in a current OKR set.'), f.text);
  });

  it('a log: the new meeting carries nested talking points and items (no source mark: same file), and the cursor is on its empty action line', () => {
    const log = lines(
      '---',
      'type: 1on1',
      'report: alex',
      '---',
      '# Alex',
      '',
      '## 2026-11-26',
      '### Talking points',
      '- Reorg',
      '  - [ ] Ask about the new team',
      '### Action items',
      '1. [ ] First @alex due:2026-12-03',
      '   - [x] Done child',
      '   - [ ] Open child @me',
      '',
      '## 2026-11-19',
      '- [ ] Older, not carried @alex due:2026-11-20',
      '',
    );
    const fs = { ...files, '1on1s/alex/log.md': log };
    delete (fs as Record<string, string>)[PREV];
    const f = next(fs, 'alex', '2026-11-30');
    assert.equal(f.text, undefined);
    const after = applyTextEdits(log, f.edits.get('1on1s/alex/log.md')!).split('\n');
    // Within the log no source mark: the meeting they came from is in the same file.
    const from = '';
    assert.deepEqual(after.slice(6, 18), [
      '## 2026-11-30',
      'happiness:: ',
      'manager-rating:: ',
      'report-rating:: ',
      '### Talking points',
      `- Reorg${from}`,
      '  - [ ] Ask about the new team',
      '### OKRs',
      '- q4 O1/KR1 Low confidence — score 0.90; slipping: confidence below 0.5 (and not a valid 0–1 value)',
      '- q4 O1/KR2 Behind — score 0.35; slipping: behind schedule: score 0.35 with 66% of the period gone',
      '### Action items',
      `1. [ ] First @alex due:2026-12-03${from}`,
    ]);
    assert.deepEqual(after.slice(18, 21), ['   - [ ] Open child @me', '- [ ] ', '']);
    assert.deepEqual(f.cursor, { line: 19, character: 6 });
    assert.equal(f.line, 6);
    assert.deepEqual(after.filter((l) => l.includes('[>]')), ['  - [>] Ask about the new team', '1. [>] First @alex due:2026-12-03', '   - [>] Open child @me']);
    assert.equal(f.carried, 3);
  });
});

describe('undoEdits (New 1:1’s Undo)', () => {
  it('takes every kind of edit back: a replaced box, an inserted block, a removed line', () => {
    const text = lines('a', '- [ ] b', 'c', 'd');
    const edits = [
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: '>' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'new\nblock\n' },
      { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: '' },
    ];
    const { after, undo } = undoEdits(text, edits);
    assert.equal(after, lines('new', 'block', 'a', '- [>] b', 'd'));
    assert.deepEqual(
      undo.map((u) => [u.range.start.line, u.range.start.character, u.range.end.line, u.range.end.character, u.newText, u.expect]),
      [
        [0, 0, 2, 0, '', 'new\nblock\n'],
        [3, 3, 3, 4, ' ', '>'],
        [4, 0, 4, 0, 'c\n', ''],
      ],
    );
    assert.equal(applyTextEdits(after, undo), text);
  });
});

describe('Add Person', () => {
  it('writes what was asked and leaves empty answers out: no empty role, theme or focus area', () => {
    const f = newPerson('mina', 'Mina Cho', '2026-11-30', 'weekly', '  ');
    const ds = makeDataset({ [f.path]: f.text });
    const p = ds.doc(f.path);
    assert.ok(p?.kind === 'person');
    assert.deepEqual([p.name, p.role, p.cadenceDays, p.since?.value, p.themes.length, p.development.length], ['Mina Cho', undefined, 7, '2026-11-30', 0, 0]);
    assert.deepEqual(ds.diagnostics(f.path), []);
    assert.ok(!/^(role|themes|development):/m.test(f.text), f.text);
    const withRole = newPerson('mina', 'Mina: Cho', '2026-11-30', 'weekly', 'Staff Engineer');
    const p2 = makeDataset({ [withRole.path]: withRole.text }).doc(withRole.path);
    assert.ok(p2?.kind === 'person');
    assert.deepEqual([p2.name, p2.role], ['Mina: Cho', 'Staff Engineer']);
  });

  it('a first 1:1 from a new person file prints no placeholder', () => {
    const f = newPerson('mina', 'Mina Cho', '2026-11-30', 'weekly');
    const text = next({ [f.path]: f.text }, 'mina', '2026-11-30').text!;
    assert.ok(!/Theme:|Focus:|\(untitled\)/.test(text), text);
  });
});

describe('OKR review pre-read (SPEC §6, §15, §18, §19)', () => {
  const files = {
    'people/sam.md': lines('---', 'type: person', 'name: Sam Ortiz', '---'),
    'okrs/q4.okr.yaml': lines(
      'type: okr',
      'period: 2026-Q4',
      'objectives:',
      '  - id: O1',
      '    title: On-call',
      '    owner: sam',
      '    key_results:',
      '      - id: KR1',
      '        title: Pages',
      '        owner: SAM',
      '        start: 18',
      '        target: 6',
      '        current: 11',
      '        confidence: 1.5',
      '        status: on-track',
      '        checkins:',
      '          - { date: 2026-11-01, current: 16, confidence: 0.4 }',
      '          - { date: 2026-11-20, current: 11, confidence: 0.6, note: "alerts moved" }',
      '          - { current: 12 }',
      '      - { id: KR2, title: Dropped, owner: sam, status: cut, target: 5, current: 0 }',
      '      - { id: KR3, title: Vague, owner: sam, target: "better", status: on-track }',
      '  - id: O2',
      '    title: Nothing yet',
    ),
    'okr-reviews/early.md': lines('---', 'type: okr-review', 'date: 2026-10-15', 'okrs: q4', '---', '## O1 On-call', 'Decision: escalate', '## O2 Nothing yet', 'Decision: continue'),
    'okr-reviews/mid.md': lines('---', 'type: okr-review', 'date: 2026-11-13', 'okrs: q4', '---', '## O1 On-call', 'Decision: re-scope', '- [ ] Re-scope KR1 @sam due:2026-11-24', '- [x] Share the graphs @sam done:2026-11-16', '## O2 Nothing yet', 'Decision: maybe'),
    '1on1s/sam/2026-11-18.md': lines('---', 'type: 1on1', 'report: sam', 'date: 2026-11-18', '---', '- [ ] Private thing @sam due:2026-12-01', '- [ ] Another private thing due:2026-12-01'),
  };
  const build = () => {
    const ds = makeDataset(files, { today: '2026-11-22' });
    return buildPreRead(ds, ds.okrSets()[0] as OkrSetDoc, '2026-11-29').text;
  };
  const section = (text: string, heading: string) => {
    const ls = text.split('\n');
    const from = ls.indexOf(heading);
    const to = ls.findIndex((l, i) => i > from && l.startsWith('## '));
    return ls.slice(from, to);
  };

  it('each objective shows its last decision and what changed since the last review', () => {
    const o1 = section(build(), '## O1 On-call');
    assert.ok(o1.includes('**Last decision:** re-scope, at the 2026-11-13 review.'), o1.join('\n'));
    assert.ok(o1.includes('- KR1 checked in on 2026-11-20 (“alerts moved”): 11, confidence 0.60'), o1.join('\n'));
    assert.ok(o1.includes('- 1 undated check-in (not placed in time)'), o1.join('\n'));
    assert.ok(o1.includes('- Follow-up from the 2026-11-13 review, open: Re-scope KR1 (Sam Ortiz, due 2026-11-24)'), o1.join('\n'));
    assert.ok(o1.includes('- Follow-up from the 2026-11-13 review, done: Share the graphs (Sam Ortiz, done 2026-11-16)'), o1.join('\n'));
    // O2's last review has an invalid decision: the one before it counts.
    assert.ok(section(build(), '## O2 Nothing yet').includes('**Last decision:** continue, at the 2026-10-15 review.'));
  });

  it('marks cut and unmeasurable key results as such and prints no invalid value', () => {
    const rows = section(build(), '## O1 On-call').filter((l) => l.startsWith('| KR'));
    const cells = rows.map((r) => r.split('|').slice(1, -1).map((c) => c.trim()));
    assert.deepEqual(cells, [
      ['KR1 Pages', 'Sam Ortiz', '0.58', 'invalid', 'on-track', '—'],
      ['KR2 Dropped', 'Sam Ortiz', 'cut', '—', 'cut', '—'],
      ['KR3 Vague', 'Sam Ortiz', 'not measurable', '—', 'on-track', '—'],
    ]);
    assert.ok(!build().includes('1.5'), 'the invalid confidence is not printed');
  });

  it('an objective without key results has no empty table', () => {
    const o2 = section(build(), '## O2 Nothing yet');
    assert.ok(!o2.some((l) => l.startsWith('|')), o2.join('\n'));
    assert.ok(o2.includes('O2 has no key results yet: nothing to score.'));
    assert.ok(o2.some((l) => l.startsWith('**No score** — no key results')), o2.join('\n'));
  });

  it('says whose open items are not shown, and why', () => {
    const text = build();
    assert.ok(!text.includes('Private thing'));
    assert.ok(section(text, '## O1 On-call').includes('**Not shown:** 2 open action items that concern Sam Ortiz (their own, or from their 1:1s) — they stand in private 1:1 notes or private blocks, which a pre-read never quotes.'));
  });

  it('lists slipping key results with why', () => {
    const o1 = section(build(), '## O1 On-call');
    // KR1: 0.58 with 53/92 = 58% gone: not behind; status on-track; confidence invalid but 1.5 is not below 0.5.
    assert.ok(!o1.includes('**Slipping:**'), o1.join('\n'));
  });
});
