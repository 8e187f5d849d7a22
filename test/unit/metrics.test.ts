// The figures of SPEC §7, on cases worked out by hand.
import assert from 'node:assert/strict';
import {
  completionRate,
  happinessTrend,
  krOnTrack,
  krScore,
  nextOneOnOneDate,
  objectiveScore,
  okrSetEnd,
  personFigures,
  ratingAlignment,
  scoreColour,
  setScore,
  type OkrSetDoc,
  type PersonDoc,
} from '../../src/core/index';
import { lines, makeDataset, note, type Opts } from './helpers';

const TODAY = '2026-11-22';

function figures(files: Record<string, string>, person = 'people/alex.md', opts: Opts = {}) {
  const ds = makeDataset(files, opts);
  const ctx = { today: ds.today, settings: ds.settings, data: ds.query };
  return personFigures(ctx, ds.doc(person) as PersonDoc);
}

const alex = (...fm: string[]) => ({ 'people/alex.md': lines('---', 'type: person', ...fm, '---') });
const met = (date: string, ...items: string[]) => ({ [`1on1s/alex/${date}.md`]: note('alex', date, ...items) });

/** A set with the given key results (each a list of `key: value` lines) in one objective. */
function set(objectives: string[][][], head: string[] = ['period: 2026-Q4']): OkrSetDoc {
  const text = lines(
    'type: okr',
    ...head,
    'objectives:',
    ...objectives.flatMap((krs, i) => [
      `  - id: O${i + 1}`,
      '    title: T',
      ...(krs.length ? ['    key_results:'] : []),
      ...krs.flatMap((kr, j) => [`      - id: KR${j + 1}`, ...kr.map((l) => `        ${l}`)]),
    ]),
  );
  return makeDataset({ 'okrs/s.okr.yaml': text }).doc('okrs/s.okr.yaml') as OkrSetDoc;
}
const kr = (...fields: string[]) => set([[fields]]).objectives[0].keyResults[0];

describe('metrics (SPEC §7)', () => {
  describe('last 1:1, next due, lapsed', () => {
    it('last 1:1 is the latest date among the notes with report = the person', () => {
      const f = figures({ ...alex('cadence: 14'), ...met('2026-11-10'), ...met('2026-11-01'), '1on1s/sam/2026-11-21.md': note('sam', '2026-11-21') });
      assert.equal(f.lastOneOnOne, '2026-11-10');
      assert.equal(f.daysSinceLast, 12);
      assert.equal(f.cadenceDays, 14);
      assert.equal(f.nextDue, '2026-11-24');
      assert.equal(f.status, 'ok');
    });

    it('next due = last + cadence, even when it has passed; due from cadence, lapsed only past 1.5 ×', () => {
      let f = figures({ ...alex('cadence: 14'), ...met('2026-11-05') });
      assert.deepEqual([f.nextDue, f.daysSinceLast, f.status], ['2026-11-19', 17, 'due']);
      f = figures({ ...alex('cadence: 14'), ...met('2026-11-01') });
      assert.deepEqual([f.nextDue, f.daysSinceLast, f.status], ['2026-11-15', 21, 'due'], 'exactly 1.5 × cadence is not lapsed');
      f = figures({ ...alex('cadence: 14'), ...met('2026-10-31') });
      assert.deepEqual([f.nextDue, f.daysSinceLast, f.status], ['2026-11-14', 22, 'lapsed']);
    });

    it('with no 1:1, next due counts from since; with neither, nothing is known', () => {
      let f = figures(alex('cadence: weekly', 'since: 2026-11-15'));
      assert.deepEqual([f.lastOneOnOne, f.daysSinceLast, f.nextDue, f.status], [undefined, undefined, '2026-11-22', 'due']);
      f = figures(alex('cadence: weekly'));
      assert.deepEqual([f.lastOneOnOne, f.nextDue, f.status], [undefined, undefined, 'unknown']);
    });

    it('the me: true person has no cadence status', () => {
      assert.equal(figures({ ...alex('me: true', 'since: 2020-01-01') }).status, 'me');
    });

    it('an invalid or missing cadence is the default from settings', () => {
      assert.equal(figures(alex('cadence: fortnightly')).cadenceDays, 14);
      assert.equal(figures(alex('cadence: fortnightly'), 'people/alex.md', { settings: { defaultCadenceDays: 10 } }).cadenceDays, 10);
      assert.equal(figures(alex(), 'people/alex.md', { settings: { defaultCadenceDays: 10 } }).cadenceDays, 10);
      assert.equal(figures(alex('cadence: monthly')).cadenceDays, 30);
    });

    it('an invalid 1:1 date does not count, and does not fall back to the file name', () => {
      const bad = { '1on1s/alex/2026-11-20.md': lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-31', '---') };
      assert.equal(figures({ ...alex(), ...met('2026-11-01'), ...bad }).lastOneOnOne, '2026-11-01');
    });

    it('nextOneOnOneDate (what the fixes offer): the first date on the cadence that is still ahead of today', () => {
      const at = (files: Record<string, string>) => {
        const ds = makeDataset(files);
        return nextOneOnOneDate({ today: ds.today, settings: ds.settings, data: ds.query }, 'alex');
      };
      assert.equal(at({ ...alex('cadence: 14'), ...met('2026-11-20') }), '2026-12-04');
      // 2026-10-01 + 14k: 10-15, 10-29, 11-12, 11-26 → 11-26.
      assert.equal(at({ ...alex('cadence: 14'), ...met('2026-10-01') }), '2026-11-26');
      // No 1:1 yet: a cadence from today.
      assert.equal(at(alex('cadence: weekly')), '2026-11-29');
      // No person file: the default cadence.
      assert.equal(at(met('2026-11-20')), '2026-12-04');
    });
  });

  describe('completion rate', () => {
    // Window of 30 days, today included: 2026-10-24 … 2026-11-22. The one before: 2026-09-24 … 2026-10-23.
    const items = [
      '- [x] a @alex due:2026-10-23', //   previous window, done
      '- [x] b @alex due:2026-10-24', //   this window (first day), done
      '- [ ] c @alex due:2026-11-22', //   this window (today), open
      '- [-] d @alex due:2026-11-01', //   cancelled: not counted
      '- [>] e @alex due:2026-11-01', //   forwarded: not counted
      '- [ ] f @alex due:2026-11-23', //   after today: not counted
      '- [X] g @me due:2026-11-10', //     this window, done (any owner: it is an item of alex's 1:1s)
      '- [ ] h @alex', //                  no due date: not counted
      '- [ ] i @alex due:2026-09-24', //   previous window (first day), open
      '- [ ] j @alex due:2026-09-23', //   before both windows
      '- [ ] k @alex due:2026-11-31', //   invalid date: not counted
    ];

    it('done ÷ (done + open) over items due in the window, today included', () => {
      const f = figures({ ...alex(), ...met('2026-10-20', ...items.slice(0, 5)), ...met('2026-11-20', ...items.slice(5)) });
      assert.deepEqual(f.completion, { done: 2, open: 1, rate: 2 / 3 });
      assert.deepEqual(f.previousCompletion, { done: 1, open: 1, rate: 0.5 });
      assert.equal(f.tightenCadence, true, 'below 70% in both windows');
    });

    it('only the person’s own 1:1 notes count (not other people’s, not reviews)', () => {
      const f = figures({
        ...alex(),
        ...met('2026-11-20', '- [x] mine @alex due:2026-11-20'),
        '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20', '- [ ] theirs @alex due:2026-11-20'),
        'okr-reviews/r.md': lines('---', 'type: okr-review', '---', '- [ ] review @alex due:2026-11-20'),
      });
      assert.deepEqual(f.completion, { done: 1, open: 0, rate: 1 });
    });

    it('no items in the window: no rate, and no tightening', () => {
      const f = figures({ ...alex(), ...met('2026-11-20', '- [-] x @alex due:2026-11-20', '- [ ] y @alex due:2026-12-20') });
      assert.deepEqual(f.completion, { done: 0, open: 0, rate: undefined });
      assert.equal(f.tightenCadence, false);
    });

    it('tighten only when below 70% in both this window and the one before', () => {
      const n = (s: string, due: string, count: number) => Array.from({ length: count }, (_, i) => `- [${s}] t${i} @alex due:${due}`);
      // This window exactly 70% (7 of 10): not below.
      let f = figures({ ...alex(), ...met('2026-11-20', ...n('x', '2026-11-20', 7), ...n(' ', '2026-11-20', 3), ...n(' ', '2026-10-01', 1)) });
      assert.equal(f.completion.rate, 0.7);
      assert.equal(f.previousCompletion.rate, 0);
      assert.equal(f.tightenCadence, false);
      // This window 0%, previous 100%.
      f = figures({ ...alex(), ...met('2026-11-20', ...n(' ', '2026-11-20', 1), ...n('x', '2026-10-01', 1)) });
      assert.equal(f.tightenCadence, false);
      // This window 0%, previous has no items: no rate there, so no suggestion.
      f = figures({ ...alex(), ...met('2026-11-20', ...n(' ', '2026-11-20', 2)) });
      assert.equal(f.previousCompletion.rate, undefined);
      assert.equal(f.tightenCadence, false);
    });

    it('the window length is cadence.completionWindowDays', () => {
      // 7 days: 2026-11-16 … 2026-11-22; the one before: 2026-11-09 … 2026-11-15.
      const f = figures(
        { ...alex(), ...met('2026-11-20', '- [x] a @alex due:2026-11-16', '- [ ] b @alex due:2026-11-15', '- [ ] c @alex due:2026-11-09', '- [ ] d @alex due:2026-11-08') },
        'people/alex.md',
        { settings: { completionWindowDays: 7 } },
      );
      assert.deepEqual(f.completion, { done: 1, open: 0, rate: 1 });
      assert.deepEqual(f.previousCompletion, { done: 0, open: 2, rate: 0 });
    });

    it('completionRate on its own', () => {
      const ds = makeDataset({ ...met('2026-11-20', '- [x] a @alex due:2026-11-01', '- [ ] b @alex due:2026-11-02', '- [ ] c @alex due:2026-11-03') });
      const notes = ds.query.notesOf('alex');
      assert.deepEqual(completionRate(notes, '2026-11-02', 2, '2026-11-22'), { done: 1, open: 1, rate: 0.5 });
      assert.deepEqual(completionRate(notes, '2026-11-03', 1, '2026-11-22'), { done: 0, open: 1, rate: 0 });
      assert.deepEqual(completionRate(notes, '2026-10-31', 30, '2026-11-22'), { done: 0, open: 0, rate: undefined });
      // The same note dated after today is an agenda prepared ahead: no figure (SPEC §12).
      assert.deepEqual(completionRate(notes, '2026-11-02', 2, '2026-11-19'), { done: 0, open: 0, rate: undefined });
    });

    it('an agenda prepared ahead (a note or a log meeting dated after today) counts for no completion; its items stay open items (SPEC §12, §18; found by a fresh tester)', () => {
      const log = lines('---', 'type: 1on1', 'report: alex', '---', '# Alex', '## 2026-11-28', '- [ ] agenda @alex due:2026-11-10', '## 2026-11-20', '- [x] d @alex due:2026-11-21', '- [/] p @alex due:2026-11-01');
      const note = (date: string, ...items: string[]) => ({ [`1on1s/alex/${date}.md`]: lines('---', 'type: 1on1', 'report: alex', `date: ${date}`, '---', ...items) });
      for (const files of [{ '1on1s/alex/log.md': log }, { ...note('2026-11-20', '- [x] d @alex due:2026-11-21', '- [/] p @alex due:2026-11-01'), ...note('2026-11-28', '- [ ] agenda @alex due:2026-11-10') }]) {
        const f = figures({ 'people/alex.md': lines('---', 'type: person', '---'), ...(files as Record<string, string>) }, 'people/alex.md', { today: '2026-11-22' });
        assert.deepEqual(f.completion, { done: 1, open: 1, rate: 0.5 });
        assert.equal(f.openItems, 2);
        assert.equal(f.overdueItems, 2);
      }
    });
  });

  describe('key result score', () => {
    it('(current − start) / (target − start)', () => {
      assert.equal(krScore(kr('start: 10', 'target: 3', 'current: 6')), 4 / 7);
      assert.equal(krScore(kr('start: 20', 'target: 120', 'current: 45')), 0.25);
    });

    it('start is 0 when absent', () => {
      assert.equal(krScore(kr('target: 100', 'current: 40')), 0.4);
    });

    it('clamped to 0.0–1.0', () => {
      assert.equal(krScore(kr('target: 100', 'current: 150')), 1);
      assert.equal(krScore(kr('target: 100', 'current: -5')), 0);
    });

    it('decreasing targets (10 → 3)', () => {
      assert.equal(krScore(kr('start: 10', 'target: 3', 'current: 3')), 1);
      assert.equal(krScore(kr('start: 10', 'target: 3', 'current: 2')), 1);
      assert.equal(krScore(kr('start: 10', 'target: 3', 'current: 10')), 0);
      assert.equal(krScore(kr('start: 10', 'target: 3', 'current: 11')), 0);
      assert.ok(Math.abs(krScore(kr('start: 10', 'target: 3', 'current: 8.6')) - 0.2) < 1e-12);
    });

    it('target = start: 1.0 if current reached it, else 0.0', () => {
      assert.equal(krScore(kr('start: 5', 'target: 5', 'current: 5')), 1);
      assert.equal(krScore(kr('start: 5', 'target: 5', 'current: 4')), 0);
      assert.equal(krScore(kr('target: 0', 'current: 0')), 1);
    });

    it('no current yet scores 0', () => {
      assert.equal(krScore(kr('start: 10', 'target: 3')), 0);
    });
  });

  describe('objective and set score', () => {
    it('objective: the mean of its key results, cut ones left out', () => {
      const s = set([[['target: 10', 'current: 5'], ['target: 4', 'current: 4'], ['target: 10', 'current: 0', 'status: cut']]]);
      assert.equal(objectiveScore(s.objectives[0]), 0.75);
    });

    it('an objective whose key results are all cut, or that has none, has no score', () => {
      assert.equal(objectiveScore(set([[['target: 10', 'current: 5', 'status: cut']]]).objectives[0]), undefined);
      assert.equal(objectiveScore(set([[]]).objectives[0]), undefined);
    });

    it('set: the mean of its key results’ scores (cut left out), not of its objectives’', () => {
      // O1: 1.0, 0.0, 0.5 (+ a cut one); O2: 1.0 → (1 + 0 + 0.5 + 1) / 4 = 0.625.
      const s = set([
        [['target: 1', 'current: 1'], ['target: 1', 'current: 0'], ['target: 2', 'current: 1'], ['target: 1', 'current: 0', 'status: cut']],
        [['target: 3', 'current: 3']],
      ]);
      assert.equal(setScore(s), 0.625);
    });

    it('a set with no live key results has no score', () => {
      assert.equal(setScore(set([])), undefined);
    });
  });

  describe('score colour', () => {
    it('0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green', () => {
      for (const s of [0, 0.1, 0.2, 0.3]) assert.equal(scoreColour(s), 'red', String(s));
      for (const s of [0.4, 0.5, 0.6]) assert.equal(scoreColour(s), 'yellow', String(s));
      for (const s of [0.7, 0.8, 0.9, 1]) assert.equal(scoreColour(s), 'green', String(s));
    });

    // SPEC §18 amends §7: the bands are "below 0.4" and "below 0.7", on the
    // score itself (0.35 was yellow when scores were read to one decimal).
    it('between the bands: below 0.4 red, below 0.7 yellow, else green (SPEC §18)', () => {
      assert.equal(scoreColour(0.31), 'red');
      assert.equal(scoreColour(0.35), 'red');
      assert.equal(scoreColour(0.399), 'red');
      assert.equal(scoreColour(0.59), 'yellow');
      assert.equal(scoreColour(0.65), 'yellow');
      assert.equal(scoreColour(0.699), 'yellow');
      assert.equal(scoreColour(4 / 7), 'yellow');
      assert.equal(scoreColour(0.71), 'green');
      // Floating-point noise is not a band: 2.1 / 3 is 0.7.
      assert.equal(scoreColour(2.1 / 3), 'green');
      assert.equal(scoreColour(0.7 - 0.3), 'yellow'); // 0.39999999999999997
    });

    it('a committed key result is on track only at 1.0; an aspirational one from 0.7', () => {
      const s = set([
        [['target: 10', 'current: 10'], ['target: 100', 'current: 99']],
        [['target: 10', 'current: 7'], ['target: 100', 'current: 69']],
      ]);
      const [o1, o2] = s.objectives;
      assert.equal(o1.kind, 'committed');
      assert.equal(krOnTrack(o1.keyResults[0], o1), true);
      assert.equal(krOnTrack(o1.keyResults[1], o1), false);
      const asp = { ...o2, kind: 'aspirational' as const };
      assert.equal(krOnTrack(o2.keyResults[0], asp), true);
      assert.equal(krOnTrack(o2.keyResults[1], asp), false);
      assert.equal(krOnTrack(o2.keyResults[0], o2), false, 'committed: 0.7 is not on track');
    });
  });

  describe('happiness trend and rating alignment', () => {
    const n = (date: string, ...fm: string[]) => ({ [`1on1s/alex/${date}.md`]: lines('---', 'type: 1on1', 'report: alex', ...fm, '---') });
    const files = {
      ...n('2026-11-13', 'happiness: 4', 'performance: { manager: 3, report: 4 }'),
      ...n('2026-10-30', 'happiness: 2', 'performance: { manager: 2 }'),
      ...n('2026-11-06', 'performance: { manager: 3, report: 5 }'),
      ...n('2026-11-20', 'happiness: 9', 'performance: { manager: 6, report: 4 }'), // out of range: left out
      ...n('notes', 'happiness: 5', 'performance: { manager: 5, report: 5 }'), // no date: left out
      '1on1s/sam/2026-11-01.md': note('sam', '2026-11-01'),
    };

    it('happiness trend: (date, happiness) of each note that has one, oldest first', () => {
      const ds = makeDataset(files);
      assert.deepEqual(
        happinessTrend(ds.query.notesOf('alex'), '2026-11-30').map(({ date, happiness }) => [date, happiness]),
        [
          ['2026-10-30', 2],
          ['2026-11-13', 4],
        ],
      );
    });

    it('rating alignment: (date, manager, report) of each note that has both', () => {
      const ds = makeDataset(files);
      assert.deepEqual(
        ratingAlignment(ds.query.notesOf('alex'), '2026-11-30').map(({ date, manager, report }) => [date, manager, report]),
        [
          ['2026-11-06', 3, 5],
          ['2026-11-13', 3, 4],
        ],
      );
    });
  });

  describe('okrSetEnd', () => {
    const end = (...head: string[]) => okrSetEnd(set([], head));
    it('quarters, halves and years', () => {
      assert.equal(end('period: 2026-Q1'), '2026-03-31');
      assert.equal(end('period: 2026-Q2'), '2026-06-30');
      assert.equal(end('period: 2026-Q3'), '2026-09-30');
      assert.equal(end('period: 2026-Q4'), '2026-12-31');
      assert.equal(end('period: 2026-H1'), '2026-06-30');
      assert.equal(end('period: 2026-H2'), '2026-12-31');
      assert.equal(end('period: 2027'), '2027-12-31');
    });

    it('start/end: the end; an unreadable period: none', () => {
      assert.equal(end('start: 2026-10-15', 'end: 2027-01-15'), '2027-01-15');
      assert.equal(end('period: Q4'), undefined);
      assert.equal(end('period: 2026-Q5'), undefined);
    });
  });

  it('uses the fixed today of these tests', () => {
    assert.equal(makeDataset({}).today, TODAY);
  });
});

describe('figures for the manager’s own person file', () => {
  it('has no next 1:1 due (nobody holds 1:1s with themselves)', async () => {
    const { Dataset } = await import('../../src/core/dataset');
    const { personFigures } = await import('../../src/core/metrics');
    const ds = new Dataset({ today: '2026-11-22' });
    ds.setFile('people/dana.md', '---\ntype: person\nme: true\nsince: 2024-05-06\n---\n');
    const f = personFigures({ today: ds.today, settings: ds.settings, data: ds.query }, ds.people()[0]);
    if (f.nextDue !== undefined || f.status !== 'me') throw new Error(`got nextDue ${f.nextDue}, status ${f.status}`);
  });
});
