// SPEC §18: slipping key results and why; the shared formats; one count of
// open items; people in urgency order and shown by name. Worked by hand.
import assert from 'node:assert/strict';
import { formatConfidence, formatScore, krScoreText } from '../../src/core/format';
import { okrSetStart, periodElapsed, type OkrSetDoc, type PersonDoc } from '../../src/core/index';
import { openActionItems, openItemCounts } from '../../src/core/open-items';
import { orderPeople, personLabel } from '../../src/core/people';
import { isLiveSet, slipReasons, slippingKeyResults, slipText } from '../../src/core/slipping';
import { lines, makeDataset, note } from './helpers';

/** An OKR set with one objective holding these key results (each a list of `key: value` lines). */
function okrSet(krs: string[][], head: string[] = ['period: 2026-Q4'], today = '2026-11-30'): OkrSetDoc {
  const text = lines('type: okr', ...head, 'objectives:', '  - id: O1', '    title: T', '    key_results:', ...krs.flatMap((kr, j) => [`      - id: KR${j + 1}`, `        title: K${j + 1}`, ...kr.map((l) => `        ${l}`)]));
  return makeDataset({ 'okrs/s.okr.yaml': text }, { today }).doc('okrs/s.okr.yaml') as OkrSetDoc;
}

describe('slipping key results (SPEC §18)', () => {
  // 2026-Q4: 2026-10-01..2026-12-31, 92 days. On 2026-11-30: 61/92 = 0.663 elapsed.
  const today = '2026-11-30';

  it('the period: first day, and the share elapsed, (today − first + 1) ÷ length, clamped to 0–1', () => {
    const s = okrSet([]);
    assert.equal(okrSetStart(s), '2026-10-01');
    assert.equal(periodElapsed(s, today), 61 / 92);
    assert.equal(periodElapsed(s, '2026-10-01'), 1 / 92);
    assert.equal(periodElapsed(s, '2026-09-01'), 0);
    assert.equal(periodElapsed(s, '2027-02-01'), 1);
    assert.equal(okrSetStart(okrSet([], ['period: 2026-H2'])), '2026-07-01');
    assert.equal(okrSetStart(okrSet([], ['period: 2027'])), '2027-01-01');
    assert.equal(periodElapsed(okrSet([], ['start: 2026-11-01', 'end: 2026-11-30']), '2026-11-15'), 0.5);
    assert.equal(periodElapsed(okrSet([], ['period: someday']), today), undefined);
  });

  it('status at-risk or off-track; confidence below 0.5; score more than 0.25 behind the elapsed share', () => {
    const s = okrSet([
      ['status: at-risk', 'target: 10', 'current: 10'], // done-level score, but at risk
      ['status: off-track', 'target: 10', 'current: 10'],
      ['status: on-track', 'confidence: 0.49', 'target: 10', 'current: 10'],
      ['status: on-track', 'confidence: 0.5', 'target: 10', 'current: 10'], // 0.5 is not below 0.5
      ['target: 100', 'current: 41'], // 0.663 − 0.41 = 0.253 > 0.25: behind
      ['target: 100', 'current: 42'], // 0.243: not behind
      ['target: "100%"', 'current: 0'], // not measurable: never behind
      ['status: done', 'confidence: 0.1', 'target: 10', 'current: 0'],
      ['status: cut', 'confidence: 0.1', 'target: 10', 'current: 0'],
      ['confidence: -0.1', 'target: 10', 'current: 10'], // invalid, but below 0.5
    ]);
    const why = s.objectives[0].keyResults.map((k) => slipReasons(k, s, today).map((r) => r.kind));
    assert.deepEqual(why, [['status'], ['status'], ['confidence'], [], ['behind'], [], [], [], [], ['confidence']]);
    const all = slipReasons(okrSet([['status: at-risk', 'confidence: 0.3', 'target: 100', 'current: 10']]).objectives[0].keyResults[0], s, today);
    assert.equal(slipText(all), 'status at-risk; confidence 0.30 (below 0.5); behind schedule: score 0.10 with 66% of the period gone');
    const invalid = s.objectives[0].keyResults[9];
    assert.equal(slipText(slipReasons(invalid, s, today)), 'confidence below 0.5 (and not a valid 0–1 value)', 'an invalid confidence is not printed as a value');
  });

  it('an unset status is no status: not on track, not slipping for that', () => {
    const s = okrSet([['target: 10', 'current: 9', 'confidence: 0.9']]);
    assert.equal(s.objectives[0].keyResults[0].status, undefined);
    assert.deepEqual(slipReasons(s.objectives[0].keyResults[0], s, today), []);
  });

  it('only live sets (not ended before today) and the owner asked for', () => {
    const ds = makeDataset(
      {
        'okrs/q3.okr.yaml': lines('type: okr', 'period: 2026-Q3', 'objectives:', '  - title: Old', '    key_results:', '      - { title: A, owner: sam, status: at-risk, target: 1 }'),
        'okrs/q4.okr.yaml': lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - title: New', '    key_results:', '      - { title: B, owner: sam, status: at-risk, target: 1 }', '      - { title: C, owner: Alex, confidence: 0.2, target: 1 }'),
      },
      { today },
    );
    const sets = ds.okrSets();
    assert.deepEqual(sets.map((x) => isLiveSet(x, today)), [false, true]);
    assert.deepEqual(slippingKeyResults(sets, today).map((x) => `${x.set.id} ${x.kr.title}`), ['q4 B', 'q4 C']);
    assert.deepEqual(slippingKeyResults(sets, today, 'alex').map((x) => x.kr.title), ['C'], 'owners compare case-insensitively');
  });
});

describe('formats shared by every view (SPEC §18)', () => {
  it('scores to two decimals; confidence to two decimals, "invalid" outside 0–1; "—" when absent', () => {
    assert.equal(formatScore(0.35), '0.35');
    assert.equal(formatScore(1), '1.00');
    assert.equal(formatScore(undefined), '—');
    assert.equal(formatScore(null), '—');
    assert.equal(formatConfidence(0.6), '0.60');
    assert.equal(formatConfidence(0.65), '0.65');
    assert.equal(formatConfidence(-0.1), 'invalid');
    assert.equal(formatConfidence(1.5), 'invalid');
    assert.equal(formatConfidence(undefined), '—');
  });

  it('a cut key result reads "cut" and an unmeasurable one "not measurable", never 0.00', () => {
    const s = okrSet([['status: cut', 'target: 10'], ['target: "99.9%"'], ['target: 10', 'current: 3.5']]);
    assert.deepEqual(s.objectives[0].keyResults.map(krScoreText), ['cut', 'not measurable', '0.35']);
  });
});

describe('one set of open action items (SPEC §18)', () => {
  it('every open item of every 1:1 file (with a report or not, any date) and OKR review', () => {
    const ds = makeDataset({
      'people/alex.md': lines('---', 'type: person', '---'),
      '1on1s/alex/2026-11-20.md': note('alex', '2026-11-20', '- [ ] A @alex due:2026-11-21', '- [x] B @alex due:2026-11-01', '- [>] C @alex due:2026-11-01', '- [-] D due:2026-11-01'),
      // No report: still counted (the dashboard once left it out).
      '1on1s/loose.md': lines('---', 'type: 1on1', 'date: 2026-11-20', '---', '- [ ] E due:2026-11-02', '- [ ] F'),
      // A future agenda: its items count too.
      '1on1s/alex/2026-12-04.md': note('alex', '2026-12-04', '- [ ] G @alex due:2026-12-10'),
      'okr-reviews/r.md': lines('---', 'type: okr-review', 'date: 2026-11-13', 'okrs: x', '---', '- [ ] H @me due:2026-11-30'),
    });
    assert.deepEqual(openActionItems(ds).map((o) => `${o.item.text}${o.overdue ? '!' : ''}`), ['E!', 'A!', 'H', 'G', 'F']);
    assert.deepEqual(openItemCounts(ds), { open: 5, overdue: 2 });
    assert.equal(ds.overdueCount(), 2, 'the status bar’s count from the summaries is the same');
  });
});

describe('people: urgency order and names', () => {
  const files = {
    'people/zed.md': lines('---', 'type: person', 'name: Zed Young', 'cadence: weekly', 'since: 2026-01-01', '---'),
    'people/amy.md': lines('---', 'type: person', 'name: Amy Ng', 'cadence: weekly', 'since: 2026-01-01', '---'),
    'people/bo.md': lines('---', 'type: person', 'name: Bo Li', 'cadence: weekly', '---'),
    'people/cy.md': lines('---', 'type: person', 'cadence: weekly', '---'),
    'people/me.md': lines('---', 'type: person', 'name: Dana', 'me: true', '---'),
    'people/Lee.md': lines('---', 'type: person', '---'),
    // zed lapsed (no 1:1, since long ago), amy due (7 days), bo ok (2 days), cy unknown.
    '1on1s/amy/2026-11-15.md': note('amy', '2026-11-15'),
    '1on1s/bo/2026-11-20.md': note('bo', '2026-11-20'),
  };

  it('lapsed, then due, then the rest, each by name; the manager apart; or by name alone', () => {
    const ds = makeDataset(files);
    const ctx = { today: ds.today, settings: ds.settings, data: ds.query };
    const urgent = orderPeople(ds.people(), ctx, 'urgency');
    assert.deepEqual(urgent.others.map((p) => p.id), ['zed', 'amy', 'bo', 'cy', 'Lee']);
    assert.deepEqual(urgent.me.map((p) => p.id), ['me']);
    assert.deepEqual(orderPeople(ds.people(), ctx, 'name').others.map((p) => p.id), ['amy', 'bo', 'cy', 'Lee', 'zed']);
  });

  it('owners by the person’s name, else the id as the person file spells it; @me is the manager', () => {
    const ds = makeDataset(files);
    const ref = (id: string) => ({ id, key: id.toLowerCase() });
    assert.equal(personLabel(ds.query, ref('AMY')), 'Amy Ng');
    assert.equal(personLabel(ds.query, ref('lee')), 'Lee', 'the id as people/Lee.md spells it');
    assert.equal(personLabel(ds.query, ref('me')), 'Dana');
    assert.equal(personLabel(ds.query, ref('Nobody')), 'Nobody', 'no person file: as typed');
    assert.equal(personLabel(makeDataset({}).query, ref('me')), 'me');
    assert.equal(personLabel(ds.query, undefined), undefined);
    assert.ok(ds.people().every((p: PersonDoc) => typeof p.id === 'string'));
  });
});
