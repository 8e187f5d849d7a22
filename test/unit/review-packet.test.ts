// SPEC §14: feedback entries, retrospective lines and the review packet, on
// hand-computed cases (the shared example is held exactly by cli-review.test.ts).
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { buildReviewPacket, reviewPeriod, round2, type ReviewPacket } from '../../src/core/review-packet';
import { mdText, reviewPacketMarkdown } from '../../src/core/review-packet-md';
import type { OneOnOneDoc } from '../../src/core/model';
import { lines, makeDataset } from './helpers';

const today = '2026-11-30';
const person = (id: string, ...extra: string[]) => lines('---', 'type: person', `name: ${id[0].toUpperCase()}${id.slice(1)} Example`, 'cadence: 14', ...extra, '---');
const note = (who: string, date: string, fm: string[], ...body: string[]) => lines('---', 'type: 1on1', `report: ${who}`, `date: ${date}`, ...fm, '---', ...body);
const P = { from: '2026-06-01', to: '2026-11-30' };

function packet(files: Record<string, string>, id = 'alex', period = P, t = today): ReviewPacket {
  const p = buildReviewPacket(makeDataset(files, { today: t }), id, period, t);
  assert.ok(p, 'a packet');
  return p;
}
const doc = (text: string, path = '1on1s/alex/2026-11-20.md') => makeDataset({ [path]: text }, { today }).doc(path) as OneOnOneDoc;

describe('feedback entries (SPEC §14)', () => {
  it('praise:, redirect:, received: in any case, after any list marker, at any depth, in a Feedback section of any level', () => {
    const d = doc(note('alex', '2026-11-20', [], '### FEEDBACK', '- praise: one', '* Redirect: two', '+ RECEIVED:three', '1. praise: four', '2) redirect:   five  spaced', '  - received: nested six', '#### deeper heading, still in the section', '- praise: seven', '## Next', '- praise: not feedback'));
    assert.deepEqual(
      d.feedback.map((f) => [f.line + 1, f.kind, f.text]),
      [[7, 'praise', 'one'], [8, 'redirect', 'two'], [9, 'received', 'three'], [10, 'praise', 'four'], [11, 'redirect', 'five spaced'], [12, 'received', 'nested six'], [14, 'praise', 'seven']],
    );
    assert.deepEqual(d.feedback[1].wordRange, { start: { line: 7, character: 2 }, end: { line: 7, character: 10 } });
  });

  it('not: task items, plain remarks, other words, placeholders without text, code, another section, hidden text', () => {
    const d = doc(note('alex', '2026-11-20', [], '## Feedback', '- [ ] praise: a task', '- [x] redirect: done task', '- A plain remark', '- praised: not the word', '- praise:', '- redirect:   ', 'praise: not a list item', '```', '- praise: in code', '```', '- %%praise: hidden%%', '- <!-- redirect: hidden -->', '%%', '- praise: hidden over lines', '%%', '- praise: shown %% but not this %%', '- redirect: shown <!-- hidden --> too', '## Notes', '- praise: elsewhere'));
    assert.deepEqual(d.feedback.map((f) => [f.kind, f.text]), [['praise', 'shown'], ['redirect', 'shown too']]);
  });

  it('an unclosed %% hides to the end of the file', () => {
    const d = doc(note('alex', '2026-11-20', [], '## Feedback', '- praise: seen', '%% draft', '- praise: unseen'));
    assert.deepEqual(d.feedback.map((f) => f.text), ['seen']);
  });

  it('retrospective lines: after an optional marker, with text after it; none empty, in code or hidden', () => {
    const d = doc(note('alex', '2026-11-20', [], '## Happiness retrospective', '- :-) keep it', ':-( no marker', '3. :-/ ordered?', '- :-) ', '- [ ] :-) a task', '```', ':-) code', '```', '- %%:-) hidden%%', '  * :-(nested'));
    assert.deepEqual(d.retro.map((r) => [r.line + 1, r.mood, r.text]), [[7, 'keep', 'keep it'], [8, 'fix', 'no marker'], [9, 'clarify', 'ordered?'], [16, 'fix', 'nested']]);
  });
});

describe('round2', () => {
  it('rounds half away from zero to two decimals, exactly on decimal halves', () => {
    assert.deepEqual([2.345, 1.005, 3.675, 4, 10 / 3, 11 / 3, -1.005, 0.125].map(round2), [2.35, 1.01, 3.68, 4, 3.33, 3.67, -1.01, 0.13]);
  });
});

describe('the review period', () => {
  it('--to defaults to today, --from to --to − 182 days; a period running backwards is refused', () => {
    assert.deepEqual(reviewPeriod('2026-11-30'), { from: '2026-06-01', to: '2026-11-30' });
    assert.deepEqual(reviewPeriod('2026-11-30', '2026-03-31'), { from: '2025-09-30', to: '2026-03-31' });
    assert.deepEqual(reviewPeriod('2026-11-30', undefined, '2026-11-01'), { from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(reviewPeriod('2026-11-30', '2026-11-01', '2026-11-01'), { from: '2026-11-01', to: '2026-11-01' });
    assert.equal(reviewPeriod('2026-11-30', '2026-10-01', '2026-10-02'), undefined);
  });
});

describe('the review packet (SPEC §14)', () => {
  it('an unknown person gives no packet; ids compare case-insensitively, with or without @', () => {
    const files = { 'people/alex.md': person('alex') };
    assert.equal(buildReviewPacket(makeDataset(files, { today }), 'sam', P, today), undefined);
    assert.equal(packet(files, '@ALEX').person, 'alex');
    assert.equal(packet(files, 'Alex').person, 'alex');
  });

  it('an empty period: counts are 0, means are left out, lists are present and empty', () => {
    const p = packet({ 'people/alex.md': person('alex'), '1on1s/alex/2026-05-01.md': note('alex', '2026-05-01', ['happiness: 4'], '## Feedback', '- praise: before') });
    assert.deepEqual(p.summary, { oneOnOnes: 0, expectedOneOnOnes: 13, actionItems: { done: 0, doneLate: 0, openOverdue: 0 }, feedback: { praise: 0, redirect: 0, received: 0 }, recencySkew: false });
    assert.deepEqual([p.keyResults, p.themes, p.development, p.evidence], [[], [], [], []]);
    assert.deepEqual(Object.keys(p), ['person', 'from', 'to', 'summary', 'keyResults', 'themes', 'development', 'evidence']);
  });

  it('happiness mean, first and last by date; rating means over the 1:1s with both; expected 1:1s from the cadence', () => {
    const files = {
      'people/alex.md': person('alex').replace('cadence: 14', 'cadence: weekly'),
      // File order is not date order: first/last go by date.
      '1on1s/alex/b.md': note('alex', '2026-07-01', ['happiness: 2', 'performance: { manager: 2, report: 3 }']),
      '1on1s/alex/a.md': note('alex', '2026-09-01', ['happiness: 5', 'performance: { manager: 3 }']),
      '1on1s/alex/c.md': note('alex', '2026-06-01', ['happiness: 4', 'performance:', '  manager: 4', '  report: 3']),
      '1on1s/alex/d.md': note('alex', '2026-11-30', ['performance: { manager: 4, report: 5 }']),
    };
    const p = packet(files);
    assert.equal(p.summary.oneOnOnes, 4);
    assert.equal(p.summary.expectedOneOnOnes, 26); // ⌊183 ÷ 7⌋
    assert.deepEqual(p.summary.happiness, { mean: 3.67, first: 4, last: 5 });
    assert.deepEqual(p.summary.ratings, { managerMean: 3.33, reportMean: 3.67 });
    // Each rating's line is the `performance:` line.
    assert.deepEqual(p.evidence.filter((e) => e.kind === 'rating').map((e) => [e.file, e.line, e.text]), [['1on1s/alex/c.md', 6, 'manager 4, report 3'], ['1on1s/alex/b.md', 6, 'manager 2, report 3'], ['1on1s/alex/d.md', 5, 'manager 4, report 5']]);
  });

  it('not a report: no ratings, in the summary or the evidence', () => {
    const p = packet({ 'people/alex.md': person('alex', 'relationship: mentor'), '1on1s/alex/a.md': note('alex', '2026-07-01', ['happiness: 3', 'performance: { manager: 2, report: 3 }']) });
    assert.equal(p.summary.ratings, undefined);
    assert.deepEqual(p.evidence, []);
    assert.deepEqual(p.summary.happiness, { mean: 3, first: 3, last: 3 });
  });

  it('action items: owned by the person in any note, due in the period; late = done after due; open overdue = due before today', () => {
    const files = {
      'people/alex.md': person('alex'),
      'people/sam.md': person('sam'),
      '1on1s/sam/2026-06-03.md': note('sam', '2026-06-03', [], '## Action items',
        '- [x] on time @alex due:2026-06-10 done:2026-06-10', // done, not late
        '- [x] late 📅 2026-06-10 ✅ 2026-06-11 @alex', // done late (Tasks spelling)
        '- [x] late too [owner:: alex] [due:: 2026-11-30] [completion:: 2026-12-02]', // due in, done after the period: counted, not evidence
        '- [x] no done date @alex due:2026-07-01', // done, not late; dated by its note
        '- [x] due before the period @alex due:2026-05-01 done:2026-06-05', // evidence only
        '- [ ] overdue @alex due:2026-11-29',
        '- [ ] due today @alex due:2026-11-30', // not overdue
        '- [ ] open and overdue @alex due:2026-08-01',
        '- [-] cancelled @alex due:2026-08-01',
        '- [>] forwarded @alex due:2026-08-01',
        '- [x] someone else @sam due:2026-08-01 done:2026-08-01',
        '- [x] after the period @alex due:2026-12-05 done:2026-12-01'),
      'okr-reviews/q3.md': lines('---', 'type: okr-review', 'date: 2026-10-02', '---', '- [x] from a review @Alex due:2026-10-05'),
    };
    const p = packet(files);
    assert.deepEqual(p.summary.actionItems, { done: 5, doneLate: 2, openOverdue: 2 });
    assert.deepEqual(
      p.evidence.map((e) => [e.date, e.kind, e.text, e.file, e.line]),
      [
        ['2026-06-03', 'done', 'no done date', '1on1s/sam/2026-06-03.md', 10],
        ['2026-06-05', 'done', 'due before the period', '1on1s/sam/2026-06-03.md', 11],
        ['2026-06-10', 'done', 'on time', '1on1s/sam/2026-06-03.md', 7],
        ['2026-06-11', 'done', 'late', '1on1s/sam/2026-06-03.md', 8],
        ['2026-10-02', 'done', 'from a review', 'okr-reviews/q3.md', 5],
      ],
    );
  });

  it('action items owned through a wikilink (SPEC §10: no owner token, the first link naming a known person), in every link form: counted and evidence, the link out of the text', () => {
    const files = {
      'people/alex.md': person('alex'),
      'people/sam.md': person('sam'),
      'people/Zoe\u0301.md': person('zoé'),
      '1on1s/sam/2026-06-03.md': note('sam', '2026-06-03', [], '## Action items',
        '- [x] Ship the parser [[alex]] due:2026-06-09 done:2026-06-09',
        '- [x] Ship [[people/alex|Alex K]] the lexer due:2026-06-09 done:2026-06-10',
        '- [x] Ship the linker [[people/alex.md#Notes]] due:2026-06-09 done:2026-06-09',
        '- [x] Ask [[nobody]] then [[Alex]] due:2026-06-09 done:2026-06-09', // the first link naming a known person
        '- [ ] Open and overdue [[alex]] due:2026-06-09',
        '- [x] An owner token wins @sam, not [[alex]] due:2026-06-09 done:2026-06-09',
        '- [x] Field owner [owner:: [[alex]]] due:2026-06-09 done:2026-06-09',
        '- [x] For Zoé [[Zoé]] due:2026-06-09 done:2026-06-09'),
    };
    const p = packet(files);
    assert.deepEqual(p.summary.actionItems, { done: 5, doneLate: 1, openOverdue: 1 });
    assert.deepEqual(
      p.evidence.map((e) => [e.date, e.text, e.line]),
      [
        ['2026-06-09', 'Ship the parser', 7],
        ['2026-06-09', 'Ship the linker', 9],
        ['2026-06-09', 'Ask [[nobody]] then', 10],
        ['2026-06-09', 'Field owner', 13],
        ['2026-06-10', 'Ship the lexer', 8],
      ],
    );
    const zoe = packet(files, 'Zoe\u0301');
    assert.deepEqual(zoe.summary.actionItems, { done: 1, doneLate: 0, openOverdue: 0 });
    assert.deepEqual(zoe.evidence.map((e) => [e.text, e.line]), [['For Zoé', 14]]);
  });

  it('a running log: each meeting is a 1:1 dated by its heading; its entries, ratings (manager-rating line) and undated done items take its date', () => {
    const log = lines('---', 'type: 1on1', 'report: alex', '---', '# Alex', '## 2026-11-20', 'happiness:: 4', 'manager-rating:: 3', 'report-rating:: 5', '### Feedback', '- praise: calm cutover', '### Action items', '- [x] rotation proposal @alex', '## 2026-05-02', '### Feedback', '- redirect: before the period', '## Parking lot', '### Feedback', '- praise: undated, no evidence', '- [x] undated done @alex');
    const p = packet({ 'people/alex.md': person('alex'), '1on1s/alex.md': log });
    assert.equal(p.summary.oneOnOnes, 1);
    assert.deepEqual(p.summary.ratings, { managerMean: 3, reportMean: 5 });
    assert.deepEqual(p.evidence.map((e) => [e.date, e.kind, e.text, e.line]), [
      ['2026-11-20', 'rating', 'manager 3, report 5', 8],
      ['2026-11-20', 'praise', 'calm cutover', 11],
      ['2026-11-20', 'done', 'rotation proposal', 13],
    ]);
  });

  it('evidence is sorted by date, then file in code-point order, then line', () => {
    const p = packet({
      'people/alex.md': person('alex'),
      '1on1s/alex/B.md': note('alex', '2026-07-01', [], '## Feedback', '- praise: B2', '- praise: B1'),
      '1on1s/alex/a.md': note('alex', '2026-07-01', [], '- :-) a'),
      '1on1s/alex/z.md': note('alex', '2026-06-30', [], '- :-( z'),
    });
    assert.deepEqual(p.evidence.map((e) => e.text), ['z', 'B2', 'B1', 'a']);
    assert.deepEqual(p.summary.feedback, { praise: 2, redirect: 0, received: 0 });
  });

  it('the recency check: more than half the entries in the last ⌊D/4⌋ days (45 of 183: from 2026-10-17)', () => {
    const at = (...dates: string[]) => {
      const files: Record<string, string> = { 'people/alex.md': person('alex') };
      dates.forEach((d, i) => (files[`1on1s/alex/${i}.md`] = note('alex', d, [], '- :-) x')));
      return packet(files).summary.recencySkew;
    };
    assert.equal(at('2026-10-17', '2026-10-17', '2026-06-01'), true);
    assert.equal(at('2026-10-16', '2026-10-17', '2026-06-01'), false);
    assert.equal(at('2026-10-17', '2026-06-01'), false); // exactly half is not more than half
    assert.equal(at(), false);
    // A period under 4 days has no last quarter.
    const short = packet({ 'people/alex.md': person('alex'), '1on1s/alex/x.md': note('alex', '2026-11-30', [], '- :-) x') }, 'alex', { from: '2026-11-28', to: '2026-11-30' });
    assert.equal(short.summary.recencySkew, false);
  });

  it('key results: owned by the person, not cut, in sets whose period overlaps; score to two decimals, absent when not measurable', () => {
    const okr = (period: string, ...krs: string[]) => lines('type: okr', `period: ${period}`, 'objectives:', '  - id: O1', '    title: T', '    owner: alex', '    key_results:', ...krs.map((k) => `      - ${k}`));
    const p = packet({
      'people/alex.md': person('alex'),
      'okrs/2026-Q2.okr.yaml': okr('2026-Q2', '{ id: KR1, title: Two thirds, owner: alex, start: 0, target: 3, current: 2 }'),
      'okrs/2026-Q1.okr.yaml': okr('2026-Q1', '{ id: KR1, title: Before, owner: alex, target: 1 }'),
      'okrs/2027.okr.yaml': okr('2027', '{ id: KR1, title: After, owner: alex, target: 1 }'),
      'okrs/custom.okr.yaml': lines('type: okr', 'start: 2026-11-30', 'end: 2027-01-31', 'objectives:', '  - id: O9', '    title: T', '    key_results:', '      - { id: K, title: "Not measurable", owner: ALEX, target: "99%", status: on-track }', '      - { id: C, title: Cut, owner: alex, target: 1, status: cut }', '      - { id: S, title: Sam, owner: sam, target: 1 }'),
    });
    assert.deepEqual(p.keyResults, [
      { set: '2026-Q2', objective: 'O1', id: 'KR1', title: 'Two thirds', score: 0.67 },
      { set: 'custom', objective: 'O9', id: 'K', title: 'Not measurable', status: 'on-track' },
    ]);
  });

  it('themes overlapping the period (either bound may be absent), and every development focus, in file order', () => {
    const p = packet({
      'people/alex.md': person('alex', 'themes:', '  - { title: Old, since: 2026-01-01, until: 2026-05-31 }', '  - { title: Edge, since: 2026-11-30, until: 2027-01-31 }', '  - { title: Open-ended, since: 2026-03-01 }', '  - { title: Later, since: 2026-12-01 }', 'development:', '  - Reading group', '  - Mentoring'),
    });
    assert.deepEqual(p.themes, [{ title: 'Edge', since: '2026-11-30', until: '2027-01-31' }, { title: 'Open-ended', since: '2026-03-01' }]);
    assert.deepEqual(p.development, ['Reading group', 'Mentoring']);
  });
});

describe('the Markdown packet (SPEC §14)', () => {
  const files = {
    'people/alex.md': person('alex'),
    '1on1s/alex/2026-11-20.md': note('alex', '2026-11-20', ['happiness: 4'], '## Feedback', '- praise: <script>alert(1)</script> and <img src=x onerror=alert(2)>', '- redirect: see [this](javascript:alert(3)) *now*', '- :-) keep **it**', '## Action items', '- [x] Ship @alex due:2026-11-21 done:2026-11-21'),
    '1on1s/alex/with space/2026-06-10.md': note('alex', '2026-06-10', [], '## Feedback', '- received: early notice'),
  };
  const p = packet(files);
  const md = reviewPacketMarkdown(p, { name: 'Alex <Example>', cadenceDays: 14, linkBase: '../' });

  it('front matter: type review-packet, person, from, to, visibility private', () => {
    assert.match(md, /^---\ntype: review-packet\nperson: alex\nfrom: 2026-06-01\nto: 2026-11-30\nvisibility: private\n---\n/);
    const ds = makeDataset({ ...files, 'reviews/alex-2026-11-30.md': md }, { today });
    assert.equal(ds.doc('reviews/alex-2026-11-30.md')?.kind, 'review-packet');
    assert.deepEqual(ds.diagnostics('reviews/alex-2026-11-30.md'), []);
    // A person id YAML would read as a number stays the id.
    const bond = reviewPacketMarkdown(packet({ 'people/007.md': person('bond') }, '007'), { name: 'Bond', cadenceDays: 14, linkBase: '' });
    assert.match(bond, /^---\ntype: review-packet\nperson: "007"\n/);
  });

  it('every evidence line ends in a link to its file and line, relative to the packet, percent-encoded', () => {
    const ev = md.split('\n').filter((l) => / \[\d{4}-\d{2}-\d{2}\]\(/.test(l));
    assert.equal(ev.length, p.evidence.length);
    for (const l of ev) {
      const m = /^- (.*) \[(\d{4}-\d{2}-\d{2})\]\(\.\.\/([^)#]+)#L(\d+)\)$/.exec(l);
      assert.ok(m, l);
      const file = decodeURIComponent(m[3]);
      const src = files[file as keyof typeof files].split('\n')[+m[4] - 1];
      const quoted = m[1].replace(/\\(.)/g, '$1');
      // Its words stand in the source line, in order.
      let at = 0;
      for (const w of quoted.split(' ')) {
        const i = src.indexOf(w, at);
        assert.ok(i >= 0, `${w} of "${quoted}" in "${src}"`);
        at = i + w.length;
      }
    }
    assert.ok(md.includes('(../1on1s/alex/with%20space/2026-06-10.md#L7)'));
  });

  it('note text is inert: no tag, link or emphasis from a note reaches the rendered packet', () => {
    const html = new MarkdownIt({ html: true }).render(md);
    assert.doesNotMatch(html, /<script|<img|href="javascript|<em>now|<strong>it/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<h1>Review packet: Alex &lt;Example&gt;<\/h1>/);
    assert.equal(mdText('a_b*c[d](e)<f>&g|h`i#j~k!l\\m'), 'a\\_b\\*c\\[d\\]\\(e\\)\\<f\\>\\&g\\|h\\`i\\#j\\~k\\!l\\\\m');
  });

  it('summary worded as the views word it; the recency warning opens it when the evidence is recent', () => {
    assert.match(md, /## Summary\n\n> \*\*Recency check:\*\* 4 of the 5 entries fall in the last quarter of the period \(the last 45 days\)/);
    assert.match(md, /- 1:1s: 2 held, 13 expected \(every 14 days\)\n- Happiness: mean 4\.00 \(first 4, last 4\)\n- Action items due in the period: 1 done \(0 late\), 0 open and overdue\n- Feedback: 1 praise, 1 redirect, 1 received\n/);
    assert.match(md, /### Praise given \(1\)\n\n- /);
    assert.match(md, /### Ratings \(manager, report\) \(0\)\n\n- None in the period\./);
    const early = reviewPacketMarkdown(packet({ 'people/alex.md': person('alex') }), { name: 'Alex', cadenceDays: 14, linkBase: '' });
    assert.doesNotMatch(early, /Recency check/);
    assert.match(early, /No evidence in this period/);
  });
});
