// SPEC §11–§13: running logs and their meetings, per-meeting fields,
// relationships and `with:`, agendas prepared ahead, talking points and the
// inbox — each rule and each figure they change.
import assert from 'node:assert/strict';
import { happinessTrend, pendingTalkingPoints, personFigures, ratingAlignment } from '../../src/core/metrics';
import { oneOnOnesOf } from '../../src/core/meetings';
import type { OneOnOneDoc } from '../../src/core/model';
import { check, checkCode, lines, makeDataset, row } from './helpers';

const today = '2026-11-30';
const fm = (...f: string[]) => ['---', 'type: 1on1', ...f, '---'];
const person = (id: string, ...f: string[]) => ({ [`people/${id}.md`]: lines('---', 'type: person', ...f, '---') });
const L = '1on1s/alex/alex.md';
const doc = (text: string, path = L) => makeDataset({ [path]: text }, { today }).doc(path) as OneOnOneDoc;

describe('logs (SPEC §12)', () => {
  describe('which file is a log', () => {
    it('no date:, no date in the name, a dated heading: a log, with no missing-field for date', () => {
      const t = lines(...fm('report: alex'), '# Alex', '## 2026-11-20 (weekly)', '- [ ] x @alex due:2026-12-10');
      assert.equal(doc(t).log, true);
      assert.deepEqual(checkCode('missing-field', { [L]: t }, { today }), []);
    });

    it('a date: field, or a date in the file name, makes it a note, whatever its headings', () => {
      assert.equal(doc(lines(...fm('report: alex', 'date: 2026-11-20'), '## 2026-11-20')).log, false);
      assert.equal(doc(lines(...fm('report: alex'), '## 2026-11-13'), '1on1s/alex/2026-11-20.md').log, false);
    });

    it('without a dated heading it is a note without a date (missing-field as before)', () => {
      const t = lines(...fm('report: alex'), '## Notes', '## 2026 plans', '## 20261120');
      assert.equal(doc(t).log, false);
      assert.deepEqual(checkCode('missing-field', { [L]: t }, { today }), [row(L, 1, 'error', 'missing-field')]);
    });

    for (const [what, heading] of [
      ['ATX', '## 2026-11-20'],
      ['ATX with text after', '## 2026-11-20 (weekly)'],
      ['ATX, date then a letter', '## 2026-11-20a'],
      ['wikilink', '## [[2026-11-20]]'],
      ['bold', '## **2026-11-20**'],
      ['closing #s', '## 2026-11-20 ##'],
    ] as const) {
      it(`dated heading: ${what} (${heading})`, () => {
        const d = doc(lines(...fm('report: alex'), heading, 'happiness:: 4', '- [ ] x @alex due:2026-12-10'));
        assert.deepEqual(d.meetings.map((m) => [m.date, m.happiness]), [['2026-11-20', 4]]);
      });
    }

    it('setext headings are dated headings too (= is level 1, - is level 2)', () => {
      const d = doc(lines(...fm('report: alex'), '2026-11-20 weekly', '==========', 'happiness:: 3', '', '2026-11-13', '---', 'happiness:: 5'));
      // Level 1 is the first dated heading's: the level-2 one runs inside the first meeting.
      assert.deepEqual(d.meetings.map((m) => [m.date, m.line, m.happiness]), [['2026-11-20', 4, 3]]);
      const e = doc(lines(...fm('report: alex'), '2026-11-20', '----------', 'happiness:: 3', '', '2026-11-13', '---', 'happiness:: 5'));
      assert.deepEqual(e.meetings.map((m) => [m.date, m.happiness]), [['2026-11-20', 3], ['2026-11-13', 5]]);
    });

    it('a date followed by a digit is not a dated heading', () => {
      assert.equal(doc(lines(...fm('report: alex'), '## 2026-11-201')).log, false);
    });
  });

  describe('meetings', () => {
    it('run to the next heading of their level or above; deeper headings stay inside', () => {
      const d = doc(lines(...fm('report: alex'), '# Alex', '## 2026-11-20', '### Action items', '- [ ] a @alex due:2026-12-10', '#### x', '## 2026-11-13', '- [ ] b @alex due:2026-12-10', '# Archive', '- [ ] c @alex due:2026-12-10'));
      assert.deepEqual(d.meetings.map((m) => [m.date, m.line, m.endLine]), [['2026-11-20', 5, 9], ['2026-11-13', 9, 11]]);
      assert.deepEqual(oneOnOnesOf(d).map((o) => o.items.map((i) => i.text)), [['a'], ['b']]);
      assert.equal(d.items.length, 3, 'an item outside every meeting is still an action item of the file');
    });

    it('L is the level of the first dated heading; dated headings at other levels begin no meeting', () => {
      const d = doc(lines(...fm('report: alex'), '### 2026-11-20', '## 2026-11-13', '### 2026-11-06'));
      assert.deepEqual(d.meetings.map((m) => m.date), ['2026-11-20', '2026-11-06']);
    });

    it('an invalid dated heading, at any level, is invalid-date on its line, begins no meeting and ends the one before', () => {
      const t = lines(...fm('report: alex'), '## 2026-11-20', '- [ ] a @alex due:2026-12-10', '## 2026-02-30', '- [ ] lost @alex due:2026-12-10', '#### 2026-13-01', '## 2026-11-13', '- [ ] b @alex due:2026-12-10');
      const d = doc(t);
      assert.deepEqual(d.meetings.map((m) => [m.date, m.endLine]), [['2026-11-20', 6], ['2026-11-13', 12]]);
      assert.deepEqual(checkCode('invalid-date', { [L]: t }, { today }).map((r) => r.line), [7, 9]);
      assert.deepEqual(oneOnOnesOf(d).map((o) => o.items.length), [1, 1]);
    });

    it('a dated heading with an impossible date in a note that is not a log is just a heading', () => {
      assert.deepEqual(checkCode('invalid-date', { [L]: lines(...fm('report: alex', 'date: 2026-11-20'), '## 2026-02-30', '- [ ] a @alex due:2026-12-10') }, { today }), []);
    });
  });

  describe('per-meeting fields', () => {
    it('key:: value lines and list items, Dataview keys, the first of each counting', () => {
      const d = doc(lines(...fm('report: alex'), '## 2026-11-20', '- Happiness:: 4', 'Manager Rating:: 2', '* report_rating :: 5', 'happiness:: 1'));
      const m = d.meetings[0];
      assert.deepEqual([m.happiness, m.managerRating, m.reportRating], [4, 2, 5]);
    });

    it('not inside code; not in a note that is not a log', () => {
      const d = doc(lines(...fm('report: alex'), '## 2026-11-20', '```', 'happiness:: 1', '```'));
      assert.equal(d.meetings[0].happiness, undefined);
      const n = doc(lines(...fm('report: alex', 'date: 2026-11-20'), 'happiness:: 9'));
      assert.equal(n.happiness, undefined);
      assert.deepEqual(checkCode('out-of-range', { [L]: lines(...fm('report: alex', 'date: 2026-11-20'), 'happiness:: 9') }, { today }), []);
    });

    it('out-of-range on the field line (happiness, manager-rating, report-rating); rating-gap on the manager-rating line', () => {
      const t = lines(...fm('report: alex'), '## 2026-11-20', 'happiness:: 0', 'manager-rating:: 1', 'report-rating:: 4', '## 2026-11-13', 'happiness:: great', 'report-rating:: 6', 'manager-rating:: 3');
      assert.deepEqual(check({ [L]: t }, { today, codes: ['out-of-range', 'rating-gap'] }), [
        row(L, 6, 'error', 'out-of-range'),
        row(L, 7, 'info', 'rating-gap'),
        row(L, 10, 'error', 'out-of-range'),
        row(L, 11, 'error', 'out-of-range'),
      ]);
    });

    it("a log's front-matter happiness and performance are neither used nor checked", () => {
      const t = lines(...fm('report: alex', 'happiness: 9', 'performance: { manager: 1, report: 5 }'), '## 2026-11-20', 'happiness:: 4');
      assert.deepEqual(check({ [L]: t }, { today, codes: ['out-of-range', 'rating-gap'] }), []);
      const ds = makeDataset({ [L]: t }, { today });
      assert.deepEqual(happinessTrend(ds.query.notesOf('alex'), today).map((h) => [h.date, h.happiness, h.line]), [['2026-11-20', 4, 6]]);
    });
  });

  describe('no-action-items', () => {
    it('per meeting with no action item, on its heading line; never on line 1 of a log', () => {
      const t = lines(...fm('report: alex'), '# Alex', '## 2026-11-26', '### Talking points', '- [x] only a talking point', '## 2026-11-19', '- [ ] a @alex due:2026-12-10', '## 2026-11-12', 'nothing');
      assert.deepEqual(checkCode('no-action-items', { [L]: t }, { today }), [row(L, 6, 'info', 'no-action-items'), row(L, 11, 'info', 'no-action-items')]);
    });

    it('not for a meeting or a note dated after today (an agenda prepared ahead)', () => {
      assert.deepEqual(checkCode('no-action-items', { [L]: lines(...fm('report: alex'), '## 2026-12-03', 'x') }, { today }), []);
      assert.deepEqual(checkCode('no-action-items', { '1on1s/alex/2026-12-03.md': lines(...fm('report: alex')) }, { today }), []);
      assert.deepEqual(checkCode('no-action-items', { '1on1s/alex/2026-11-30.md': lines(...fm('report: alex')) }, { today }), [row('1on1s/alex/2026-11-30.md', 1, 'info', 'no-action-items')]);
    });

    it('its fix adds the item inside the meeting, under an Action items heading one level down', () => {
      const t = lines(...fm('report: alex'), '## 2026-11-26', 'talked', '', '## 2026-11-19', '- [ ] a @alex due:2026-12-10');
      const ds = makeDataset({ [L]: t }, { today });
      const d = ds.diagnostics(L).find((x) => x.code === 'no-action-items')!;
      const fix = ds.fixes(L, d, t)[0];
      const out = t.split('\n');
      const e = fix.edits[0];
      assert.equal(e.range.start.line, 5);
      assert.match(e.newText.replace('${value}', 'Do it'), /^\n### Action items\n- \[ \] Do it @alex due:\d{4}-\d{2}-\d{2}$/);
      assert.equal(out[e.range.start.line], 'talked');
    });
  });

  describe('figures', () => {
    const files = {
      ...person('alex', 'cadence: weekly', 'since: 2026-06-01'),
      [L]: lines(...fm('report: alex'), '## 2026-12-03', 'happiness:: 1', '## 2026-11-26', 'happiness:: 4', 'manager-rating:: 3', 'report-rating:: 5', '- [ ] a @alex due:2026-11-28', '## 2026-11-19', 'happiness:: 3', '- [x] b @alex due:2026-11-20'),
      '1on1s/alex/2026-11-05.md': lines(...fm('report: alex', 'happiness: 2')),
    };

    it('last 1:1 is the latest meeting or note dated today or earlier; next due and lapse follow', () => {
      const ds = makeDataset(files, { today });
      assert.equal(ds.query.lastOneOnOne('alex'), '2026-11-26');
      const f = personFigures({ today, settings: ds.settings, data: ds.query }, ds.query.peopleWithKey('alex')[0]);
      assert.equal(f.nextDue, '2026-12-03');
      assert.deepEqual(checkCode('cadence-lapsed', files, { today }), []);
      // On 2026-12-15 the 2026-12-03 meeting is held: 12 days > 1.5 × 7.
      assert.deepEqual(checkCode('cadence-lapsed', files, { today: '2026-12-15' }), [row('people/alex.md', 3, 'warning', 'cadence-lapsed')]);
    });

    it('a log that only holds a meeting ahead has no last 1:1 yet', () => {
      const ds = makeDataset({ ...person('alex'), [L]: lines(...fm('report: alex'), '## 2026-12-03') }, { today });
      assert.equal(ds.query.lastOneOnOne('alex'), undefined);
      ds.setToday('2026-12-04');
      assert.equal(ds.query.lastOneOnOne('alex'), '2026-12-03');
    });

    it('happiness trend and rating alignment: one point per held meeting, none for the agenda ahead', () => {
      const ds = makeDataset(files, { today });
      const notes = ds.query.notesOf('alex');
      assert.deepEqual(happinessTrend(notes, today).map((h) => [h.date, h.happiness]), [['2026-11-05', 2], ['2026-11-19', 3], ['2026-11-26', 4]]);
      assert.deepEqual(ratingAlignment(notes, today).map((r) => [r.date, r.manager, r.report, r.line]), [['2026-11-26', 3, 5, 6]]);
    });

    it('completion counts every action item of the log, in a meeting or not', () => {
      const ds = makeDataset({ ...files, [L]: files[L] + lines('# Parking lot', '- [ ] c @alex due:2026-11-29') }, { today });
      const f = personFigures({ today, settings: ds.settings, data: ds.query }, ds.query.peopleWithKey('alex')[0]);
      assert.deepEqual([f.completion.done, f.completion.open, f.openItems, f.overdueItems], [1, 2, 2, 2]);
    });
  });
});

describe('relationships and with: (SPEC §11)', () => {
  it('relationship: any case; another value is out-of-range on its line and reads as report', () => {
    const files = { ...person('dana', 'relationship: Manager'), ...person('kit', 'relationship: contractor') };
    assert.deepEqual(checkCode('out-of-range', files, { today }), [row('people/kit.md', 3, 'error', 'out-of-range')]);
    const ds = makeDataset(files, { today });
    assert.equal(ds.query.peopleWithKey('dana')[0].relationship, 'manager');
    assert.equal(ds.query.peopleWithKey('kit')[0].relationship, 'report');
  });

  it('with: names the person when report: is absent or empty; report: wins when both are given', () => {
    assert.equal(doc(lines(...fm('with: dana', 'date: 2026-11-05'))).report?.key, 'dana');
    assert.equal(doc(lines(...fm('report:', 'with: dana', 'date: 2026-11-05'))).report?.key, 'dana');
    assert.equal(doc(lines(...fm('report: sam', 'with: dana', 'date: 2026-11-05'))).report?.key, 'sam');
    assert.deepEqual(checkCode('missing-field', { [L]: lines(...fm('date: 2026-11-05')) }, { today }), [row(L, 1, 'error', 'missing-field')]);
    assert.deepEqual(checkCode('missing-field', { [L]: lines(...fm('with: dana', 'date: 2026-11-05')) }, { today }), []);
  });

  it('unknown-person applies to the one used, on its line', () => {
    const files = { ...person('dana'), [L]: lines(...fm('with: ghost', 'date: 2026-11-05'), '- [ ] a @dana due:2026-12-10') };
    assert.deepEqual(checkCode('unknown-person', files, { today }), [row(L, 3, 'info', 'unknown-person')]);
    const both = { ...person('dana'), [L]: lines(...fm('report: dana', 'with: ghost', 'date: 2026-11-05'), '- [ ] a @dana due:2026-12-10') };
    assert.deepEqual(checkCode('unknown-person', both, { today }), []);
  });

  it('cadence and lapses work for every relationship', () => {
    const files = { ...person('dana', 'relationship: manager', 'cadence: 14', 'since: 2026-06-01'), '1on1s/dana/2026-11-05.md': lines(...fm('with: dana')) };
    assert.deepEqual(checkCode('cadence-lapsed', files, { today }), [row('people/dana.md', 4, 'warning', 'cadence-lapsed')]);
  });

  for (const rel of ['manager', 'skip-level', 'peer', 'mentor', 'mentee']) {
    it(`performance fields and rating-gap are ignored on a 1:1 with a ${rel}`, () => {
      const files = {
        ...person('dana', `relationship: ${rel}`),
        '1on1s/dana/2026-11-05.md': lines(...fm('with: dana', 'performance: { manager: 5, report: 2 }')),
        '1on1s/dana/2026-11-12.md': lines(...fm('with: dana', 'performance: { manager: 9, report: 0 }')),
        '1on1s/dana/dana.md': lines(...fm('with: dana'), '## 2026-11-19', 'manager-rating:: 9', 'report-rating:: 1', 'happiness:: 8'),
      };
      assert.deepEqual(check(files, { today, codes: ['out-of-range', 'rating-gap'] }), [row('1on1s/dana/dana.md', 8, 'error', 'out-of-range')]);
      const ds = makeDataset(files, { today });
      assert.deepEqual(ratingAlignment(ds.query.notesOf('dana'), today, 'manager'), []);
    });
  }

  it('a report (default, or named without a person file) is rated', () => {
    const files = { '1on1s/sam/2026-11-05.md': lines(...fm('report: sam', 'performance: { manager: 5, report: 2 }')) };
    assert.deepEqual(checkCode('rating-gap', files, { today }), [row('1on1s/sam/2026-11-05.md', 4, 'info', 'rating-gap')]);
  });
});

describe('talking points and the inbox (SPEC §13)', () => {
  it('a talking point is not an action item: no owner or due rule, not in open counts or completion, not preventing no-action-items', () => {
    const files = {
      ...person('alex'),
      '1on1s/alex/2026-11-20.md': lines(...fm('report: alex'), '## Talking points', '- [ ] no owner, no due', '- [ ] overdue @alex due:2026-11-01'),
    };
    assert.deepEqual(
      check(files, { today }).map((r) => r.code),
      ['no-action-items', 'talking-point-open', 'talking-point-open'],
    );
    const ds = makeDataset(files, { today });
    const f = personFigures({ today, settings: ds.settings, data: ds.query }, ds.query.peopleWithKey('alex')[0]);
    assert.deepEqual([f.openItems, f.completion.open], [0, 0]);
  });

  it('an @id in a talking point says who raised it: unknown-person still applies', () => {
    const files = { ...person('alex'), '1on1s/alex/2026-12-03.md': lines(...fm('report: alex'), '## Agenda', '- [ ] raised by @ghost') };
    assert.deepEqual(checkCode('unknown-person', files, { today }), [row('1on1s/alex/2026-12-03.md', 6, 'info', 'unknown-person')]);
  });

  it("the inbox: the person file's first talking-points section only", () => {
    const ds = makeDataset({ 'people/alex.md': lines('---', 'type: person', '---', '## Talking points', '- [ ] a', '- [x] b', '### sub', '- [ ] c', '## Notes', '- [ ] not it', '## Agenda', '- [ ] second section') }, { today });
    assert.deepEqual(ds.query.peopleWithKey('alex')[0].inbox.map((i) => i.text), ['a', 'b', 'c']);
  });

  it('pending talking points: open ones in the inbox, in 1:1s dated today or later, and outside every meeting of a log', () => {
    const files = {
      'people/alex.md': lines('---', 'type: person', '---', '## Talking points', '- [ ] inbox', '- [x] inbox done'),
      '1on1s/alex/2026-11-20.md': lines(...fm('report: alex'), '## Talking points', '- [ ] past: not pending'),
      '1on1s/alex/2026-11-30.md': lines(...fm('report: alex'), '## Talking points', '- [ ] today', '- [>] carried'),
      [L]: lines(...fm('report: alex'), '## Talking points', '- [ ] outside', '## 2026-12-07', '### Agenda', '- [ ] ahead', '## 2026-11-26', '### Agenda', '- [ ] past'),
    };
    const ds = makeDataset(files, { today });
    const p = ds.query.peopleWithKey('alex')[0];
    const got = pendingTalkingPoints({ today, settings: ds.settings, data: ds.query }, p).map((x) => x.item.text).sort();
    assert.deepEqual(got, ['ahead', 'inbox', 'outside', 'today']);
    assert.equal(personFigures({ today, settings: ds.settings, data: ds.query }, p).pendingTalkingPoints, 4);
  });

  it('not in OKR reviews: a task under Agenda there is an action item', () => {
    const r = lines('---', 'type: okr-review', 'date: 2026-11-20', '---', '## Agenda', '- [ ] x');
    assert.deepEqual(check({ 'okr-reviews/r.md': r }, { today }).map((x) => x.code).sort(), ['action-missing-due', 'action-missing-owner']);
  });
});
