// The dashboard announces what changed, not the whole page (issue 16): the
// words its polite live region gets between two `data` messages, computed
// from dashboardData on real datasets before and after an edit.
import assert from 'node:assert/strict';
import { dashboardData } from '../../src/core/dashboard-data';
import { announcement, describeChanges, MAX_ANNOUNCED } from '../../src/webview/changes';
import { lines, makeDataset, note } from './helpers';

const base = {
  'people/alex.md': lines('---', 'type: person', 'name: Alex Kim', 'cadence: weekly', '---'),
  'people/me.md': lines('---', 'type: person', 'name: Dana', 'me: true', '---'),
  '1on1s/alex/2026-11-20.md': note('alex', '2026-11-20', '- [ ] Draft @alex due:2026-11-30'),
  'okrs/q4.okr.yaml': lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: O1', '    title: Ship', '    key_results:', '      - { id: KR1, title: Pages, owner: alex, status: on-track, target: 10, current: 5, confidence: 0.8 }'),
};

const data = (files: Record<string, string>) => dashboardData(makeDataset(files));

describe('dashboard announcements (what changed, in words)', () => {
  it('nothing changed: nothing is said', () => {
    assert.deepEqual(describeChanges(data(base), data(base)), []);
  });

  it('counts, cadence, key-result status and score, people and signals', () => {
    const after = {
      ...base,
      '1on1s/alex/2026-11-20.md': note('alex', '2026-11-20', '- [ ] Draft @alex due:2026-11-30', '- [ ] Late @alex due:2026-11-01'),
      'okrs/q4.okr.yaml': base['okrs/q4.okr.yaml'].replace('status: on-track', 'status: at-risk').replace('current: 5', 'current: 6'),
      'people/sam.md': lines('---', 'type: person', 'name: Sam Ortiz', '---'),
    };
    assert.deepEqual(describeChanges(data(base), data(after)), [
      'Open action items: 1 → 2.',
      'Overdue action items: 0 → 1.',
      'Added Sam Ortiz.',
      'O1 KR1 Pages: On track → At risk.',
      'O1 KR1 Pages: score 0.50 → 0.60.',
    ]);
  });

  it('a move made on the board is not said twice; screen-share mode says no name or title', () => {
    const before = data(base);
    const after = data({ ...base, 'okrs/q4.okr.yaml': base['okrs/q4.okr.yaml'].replace('status: on-track', 'status: done'), 'people/sam.md': lines('---', 'type: person', 'name: Sam Ortiz', '---') });
    const key = `q4\u00000\u00000`;
    assert.deepEqual(describeChanges(before, after, { skip: new Set([key]) }), ['Added Sam Ortiz.']);
    const hidden = describeChanges(before, after, { screenShare: true });
    assert.deepEqual(hidden, ['Added a person.', 'O1 KR1: On track → Done.']);
  });

  it('a new 1:1 ends a lapse, and the signal it raises is said', () => {
    const lapsedFiles = { ...base, '1on1s/alex/2026-11-20.md': note('alex', '2026-10-01', '- [x] Old @alex due:2026-10-02 done:2026-10-02') };
    const met = { ...lapsedFiles, '1on1s/alex/2026-11-21.md': lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-21', 'performance:', '  manager: 4', '  report: 1', '---') };
    const said = describeChanges(data(lapsedFiles), data(met));
    assert.deepEqual(said.slice(0, 1), ['Alex Kim: Lapsed → On cadence.']);
    assert.ok(said.some((s) => s.startsWith('New signal: Alex Kim: you rated 4, they rated 1')), said.join(' | '));
  });

  it(`says at most ${MAX_ANNOUNCED} changes and counts the rest`, () => {
    assert.equal(announcement(['a.', 'b.']), 'a. b.');
    assert.equal(announcement(['a.', 'b.', 'c.', 'd.', 'e.']), 'a. b. c. And 2 more changes.');
  });
});

describe('the board’s columns (SPEC §18: no status is not "on track")', () => {
  it('a key result without a status stands in a "No status" column, shown first and only while one needs it', async () => {
    const { boardColumns, columnOf } = await import('../../src/webview/board');
    const withStatus = data(base).sets[0].objectives[0].keyResults;
    assert.deepEqual(boardColumns(withStatus), ['on-track', 'at-risk', 'off-track', 'done', 'cut']);
    const unset = data({ ...base, 'okrs/q4.okr.yaml': base['okrs/q4.okr.yaml'].replace('status: on-track, ', '') }).sets[0].objectives[0].keyResults;
    assert.equal(unset[0].status, undefined);
    assert.equal(columnOf(unset[0]), 'unset');
    assert.equal(unset[0].onTrack, false);
    assert.deepEqual(boardColumns(unset), ['unset', 'on-track', 'at-risk', 'off-track', 'done', 'cut']);
  });
});
