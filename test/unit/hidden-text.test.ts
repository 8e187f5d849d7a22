// SPEC §10, hidden text: `<!-- … -->` and `%% … %%` inside a line hide
// their content; a multi-line `%% … %%` hides every line inside it; an
// unclosed `%%` hides to the end of the file. Markers in fenced code or in
// an inline code span are literal.
import assert from 'node:assert/strict';
import type { OneOnOneDoc, ReviewDoc } from '../../src/core/index';
import { Hidden, scanHiddenLine, visibleLines } from '../../src/core/markdown/hidden';
import { check, lines, makeDataset, note, row } from './helpers';
import { cpuNow } from './cpu-time';

const P = '1on1s/alex/2026-11-20.md';
const doc = (...body: string[]) => makeDataset({ [P]: note('alex', '2026-11-20', ...body) }, { today: '2026-11-30' }).doc(P) as OneOnOneDoc;

describe('hidden text (SPEC §10)', () => {
  it('an HTML comment inside a task line sets nothing and is no text', () => {
    const [item] = doc('- [ ] A comment hides text <!-- @sam due:2026-01-01 --> due:2026-12-22').items;
    assert.equal(item.owner, undefined);
    assert.equal(item.due?.value, '2026-12-22');
    assert.equal(item.text, 'A comment hides text');
  });

  it('an Obsidian comment inside a line likewise, in every spelling', () => {
    for (const hidden of ['@sam 📅 2026-01-01', '[owner:: sam] (due:: 2026-01-01)', '[[sam]] ⏳ 2026-13-45']) {
      const [item] = doc(`- [ ] Book it %% ${hidden} %% @alex`).items;
      assert.equal(item.owner?.id, 'alex', hidden);
      assert.equal(item.due, undefined, hidden);
      assert.deepEqual(item.links, []);
      assert.deepEqual(item.otherDates, []);
      assert.equal(item.text, 'Book it', hidden);
    }
    assert.deepEqual(check({ [P]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01 %% ⏳ 2026-13-45 %%') }, { codes: ['invalid-date'] }), []);
  });

  it('a multi-line %% … %% hides the items, headings, retrospective lines and decisions inside it', () => {
    const d = doc('%%', '- [ ] Hidden item @sam due:2026-01-01', '## Hidden heading', '- :-( hidden retro', '%%', '- [ ] Visible @alex due:2026-12-01', '- :-) visible retro');
    assert.deepEqual(
      d.items.map((i) => i.text),
      ['Visible'],
    );
    assert.deepEqual(
      d.headings.map((h) => h.text),
      ['Action items'],
    );
    assert.deepEqual(
      d.retro.map((r) => r.text),
      ['visible retro'],
    );
    const R = 'okr-reviews/2026-Q4.md';
    const review = makeDataset({ [R]: lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '## O1 x', 'Decision: cut %% was: continue', 'Decision: escalate', '%%', 'Decision: continue') }).doc(R) as ReviewDoc;
    assert.deepEqual(
      review.decisions.map((x) => x.raw),
      ['cut', 'continue'],
    );
  });

  it('a comment opened mid-line hides into the next lines; text after it closes is read', () => {
    const d = doc('- [ ] Visible start %% hidden', '- [ ] hidden too @sam', 'still hidden %% - [ ] after the close is no item', '- [ ] Read again @alex due:2026-12-01');
    assert.deepEqual(
      d.items.map((i) => [i.line + 1, i.text]),
      [
        [7, 'Visible start'],
        [10, 'Read again'],
      ],
    );
  });

  it('an unclosed %% hides to the end of the file', () => {
    const d = doc('- [ ] Before @alex due:2026-12-01', '%% draft', '- [ ] Never read @sam due:2026-01-01', '## Never a heading');
    assert.deepEqual(
      d.items.map((i) => i.text),
      ['Before'],
    );
    assert.deepEqual(check({ [P]: note('alex', '2026-11-20', '%% unclosed', '- [ ] x due:2026-01-01') }, { codes: ['action-overdue', 'action-missing-owner', 'no-action-items'] }), [row(P, 1, 'info', 'no-action-items')]);
  });

  it('multi-line HTML comments hide too; an unclosed one to the end', () => {
    assert.deepEqual(
      doc('<!--', '- [ ] hidden @sam', '-->', '- [ ] seen @alex').items.map((i) => i.text),
      ['seen'],
    );
    assert.deepEqual(
      doc('- [ ] seen @alex <!-- open', '- [ ] hidden').items.map((i) => i.text),
      ['seen'],
    );
  });

  it('markers in fenced code or inline code are literal', () => {
    assert.deepEqual(
      doc('```', 'a %% b', '```', '- [ ] Read @alex due:2026-12-01').items.map((i) => i.text),
      ['Read'],
    );
    const [item] = doc('- [ ] Type `%%` to comment @alex due:2026-12-01').items;
    assert.equal(item.text, 'Type `%%` to comment');
    assert.equal(item.due?.value, '2026-12-01');
    assert.equal(doc('- [ ] Type `<!--` then @alex').items[0].owner?.id, 'alex');
    assert.equal(doc('- [ ] An unmatched ` then %% @sam %% @alex').items[0].owner?.id, 'alex');
  });

  it('in a running log, hidden text holds no meeting field and no dated heading (SPEC §10, §12)', () => {
    const L = '1on1s/alex.md';
    const log = makeDataset({
      [L]: lines(
        '---',
        'type: 1on1',
        'report: alex',
        '---',
        '## 2026-11-20',
        'happiness:: 4 %% was 1 %%',
        '%% manager-rating:: 1 %%',
        '<!--',
        'report-rating:: 5',
        '## 2026-11-13',
        '-->',
        'manager-rating:: 3',
        '- [ ] x @alex due:2026-12-01',
      ),
    }).doc(L) as OneOnOneDoc;
    assert.equal(log.log, true);
    assert.deepEqual(
      log.meetings.map((m) => [m.date, m.happiness, m.managerRating, m.reportRating]),
      [['2026-11-20', 4, 3, undefined]],
    );
  });

  it('scanHiddenLine reads a line in place inside a larger text, offsets the text\'s own', () => {
    const text = 'a %%b%% c\nx `%%` <!-- y --> z\n%%';
    const second = text.indexOf('\n') + 1;
    const end = text.lastIndexOf('\n');
    const pieces: [string, Hidden][] = [];
    const state = scanHiddenLine(text, second, Hidden.None, (s, e, h) => pieces.push([text.slice(s, e), h]), second, end);
    assert.equal(state, Hidden.None);
    // The %% inside the code span is literal; nothing past the line's end is read.
    assert.deepEqual(pieces, [
      ['x `%%` ', Hidden.None],
      [' y ', Hidden.Comment],
      [' z', Hidden.None],
    ]);
  });

  it('front matter is not scanned: %% in YAML is YAML', () => {
    const ds = makeDataset({ [P]: lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', 'note: 50%% done', '---', '- [ ] x @alex due:2026-12-01') });
    assert.equal((ds.doc(P) as OneOnOneDoc).items.length, 1);
  });

  it('visibleLines blanks hidden text with spaces, keeping every column; untouched lines are the same strings', () => {
    const src = ['a %%b%% c', 'plain', 'x <!-- y --> z', '🙂%%🙂%%🙂'];
    const vis = visibleLines(src, 0);
    assert.deepEqual(vis, ['a       c', 'plain', 'x            z', '🙂      🙂']);
    vis.forEach((l, i) => assert.equal(l.length, src[i].length));
    const none = ['a', 'b'];
    assert.equal(visibleLines(none, 0), none);
  });

  it('scanHiddenLine is linear: a megabyte of markers and backticks in well under a second', () => {
    for (const unit of ['%%a', '<!--', '`%%', '`` ` %%', '<!--a-->']) {
      const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const t0 = cpuNow();
      let n = 0;
      scanHiddenLine(line, 0, Hidden.None, () => n++);
      visibleLines([line, line], 0);
      const ms = cpuNow() - t0;
      assert.ok(ms < 1000, `${JSON.stringify(unit)}: ${ms.toFixed(0)} ms`);
    }
  });
});
