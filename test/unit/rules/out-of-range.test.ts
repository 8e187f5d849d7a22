import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, check, checkCode, fixesFor, lines, makeDataset, OKR_BAD_THROUGH_ALIASES, row } from '../helpers';

const CODE = 'out-of-range';
const N = '1on1s/alex/2026-11-20.md';
const P = 'people/alex.md';
const O = 'okrs/q.okr.yaml';
const R = 'okr-reviews/q4.md';
const TASK = '- [ ] x @alex due:2026-12-01';

/** A 1:1 whose front-matter lines start at line 4 (after type, report). */
const oneOnOne = (...fm: string[]) => lines('---', 'type: 1on1', 'report: alex', ...fm, '---', TASK);
/** A person with front-matter lines from line 3. */
const person = (...fm: string[]) => lines('---', 'type: person', ...fm, '---');
/** A set with one objective (line 4); objective extras from line 6; with no objective extras the key result starts on line 7 and its extras on line 11. */
const set = (objectiveExtra: string[], krExtra: string[]) =>
  lines(
    'type: okr', //              1
    'period: 2026-Q4', //        2
    'objectives:', //            3
    '  - id: O1', //             4
    '    title: T', //           5
    ...objectiveExtra.map((l) => `    ${l}`), // 6…
    '    key_results:',
    '      - id: KR1',
    '        title: K',
    '        owner: alex',
    '        target: 3',
    ...krExtra.map((l) => `        ${l}`),
  );

describe(CODE, () => {
  describe('happiness and performance ratings: integers 1–5', () => {
    for (const bad of ['0', '6', '2.5', 'four', '-1', '"five"']) {
      it(`happiness: ${bad} fires on its line, as an error`, () => {
        assert.deepEqual(checkCode(CODE, { [N]: oneOnOne(`happiness: ${bad}`) }), [row(N, 4, 'error', CODE)]);
      });
    }

    it('1 to 5 are fine; an empty value is absent', () => {
      for (const ok of ['1', '3', '5', '']) assert.deepEqual(checkCode(CODE, { [N]: oneOnOne(`happiness: ${ok}`) }), [], `happiness: ${ok}`);
    });

    it('performance manager and report ratings, each on its own line', () => {
      const text = oneOnOne('performance:', '  manager: 0', '  report: 6');
      assert.deepEqual(checkCode(CODE, { [N]: text }), [row(N, 5, 'error', CODE), row(N, 6, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [N]: oneOnOne('performance: { manager: 3.5, report: 4 }') }), [row(N, 4, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [N]: oneOnOne('performance:', '  manager: 1', '  report: 5') }), []);
    });
  });

  describe('confidence: 0–1', () => {
    it('-0.1 and 1.01 fire on the value line; 0, 0.5 and 1 do not', () => {
      assert.deepEqual(checkCode(CODE, { [O]: set([], ['confidence: -0.1']) }), [row(O, 11, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [O]: set([], ['confidence: 1.01']) }), [row(O, 11, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [O]: set([], ['confidence: high']) }), [row(O, 11, 'error', CODE)]);
      for (const ok of ['0', '0.5', '1', '1.0']) assert.deepEqual(checkCode(CODE, { [O]: set([], [`confidence: ${ok}`]) }), [], `confidence: ${ok}`);
    });

    it("a check-in's confidence too, in flow and block style, on its line (found by a fresh tester)", () => {
      const flow = (c: string) => set([], ['confidence: 0.5', 'checkins:', `  - { date: 2026-11-01, current: 1, confidence: ${c} }`, '  - { date: 2026-11-08, current: 2, confidence: 0.5 }']);
      for (const bad of ['7', '-0.1', '1.01', 'high', '"0.5"']) assert.deepEqual(checkCode(CODE, { [O]: flow(bad) }), [row(O, 13, 'error', CODE)], `check-in confidence: ${bad}`);
      for (const ok of ['0', '0.5', '1', '~']) assert.deepEqual(checkCode(CODE, { [O]: flow(ok) }), [], `check-in confidence: ${ok}`);
      const block = set([], ['confidence: 0.5', 'checkins:', '  - date: 2026-11-01', '    current: 1', '    confidence: 60']);
      assert.deepEqual(checkCode(CODE, { [O]: block }), [row(O, 15, 'error', CODE)]);
      assertFix({ [O]: block }, O, CODE, 'Change to 0.6', block.replace('confidence: 60', 'confidence: 0.6'));
    });
  });

  describe('keywords', () => {
    it('an unknown cadence', () => {
      for (const bad of ['fortnightly', '0', '-7', '3.5', 'daily']) {
        assert.deepEqual(checkCode(CODE, { [P]: person('name: A', `cadence: ${bad}`) }), [row(P, 4, 'error', CODE)], `cadence: ${bad}`);
      }
      for (const ok of ['7', '14', 'weekly', 'Biweekly', 'MONTHLY', '"21"']) {
        assert.deepEqual(checkCode(CODE, { [P]: person('name: A', `cadence: ${ok}`) }), [], `cadence: ${ok}`);
      }
    });

    it('an unknown objective kind', () => {
      assert.deepEqual(checkCode(CODE, { [O]: set(['owner: alex', 'kind: stretch'], []) }), [row(O, 7, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [O]: set(['kind: committed'], []) }), []);
      assert.deepEqual(checkCode(CODE, { [O]: set(['kind: aspirational'], []) }), []);
    });

    it('an unknown key result status', () => {
      assert.deepEqual(checkCode(CODE, { [O]: set([], ['status: sliding']) }), [row(O, 11, 'error', CODE)]);
      for (const ok of ['on-track', 'at-risk', 'off-track', 'done', 'cut']) assert.deepEqual(checkCode(CODE, { [O]: set([], [`status: ${ok}`]) }), [], ok);
    });

    it('an unknown visibility, in a 1:1 and in a review', () => {
      assert.deepEqual(checkCode(CODE, { [N]: oneOnOne('visibility: team') }), [row(N, 4, 'error', CODE)]);
      assert.deepEqual(checkCode(CODE, { [N]: oneOnOne('visibility: shared') }), []);
      assert.deepEqual(checkCode(CODE, { [N]: oneOnOne('visibility: private') }), []);
      assert.deepEqual(checkCode(CODE, { [R]: lines('---', 'type: okr-review', 'visibility: public', '---', TASK) }), [row(R, 3, 'error', CODE)]);
    });

    it('an unknown Decision: value in a review, on its line', () => {
      const text = lines(
        '---', //                               1
        'type: okr-review', //                  2
        'date: 2026-11-15', //                  3
        '---', //                               4
        '## O1 Onboarding', //                  5
        'Decision: maybe', //                   6
        '## O2 Pages', //                       7
        'Decision: re-scope (move to Q1)', //   8
        '## O3 Docs', //                        9
        '**Decision:** escalate', //            10
        '## O4 Hiring', //                      11
        'Decision: Continue', //                12
        '```', //                               13
        'Decision: nonsense', //                14 (in a fence: not a decision)
        '```', //                               15
        TASK, //                                16
      );
      assert.deepEqual(checkCode(CODE, { [R]: text }), [row(R, 6, 'error', CODE)]);
    });
  });

  it('is not reported for a 1:1 whose front matter does not parse', () => {
    const codes = check({ [N]: oneOnOne('happiness: 9', 'report: [x') }, { codes: [CODE, 'yaml-syntax'] }).map((r) => r.code);
    assert.ok(codes.length > 0 && codes.every((c) => c === 'yaml-syntax'), codes.join());
  });

  it('an OKR period Cadence cannot read, unless start: and end: give the schedule (SPEC §5; found by a fresh tester)', () => {
    const withPeriod = (...top: string[]) => set([], []).replace('period: 2026-Q4\n', top.map((l) => `${l}\n`).join(''));
    for (const bad of ['2026-H3', '2026-Q5', '2026-Q0', '2026 Q4', 'Q4-2026', '2026-11', '2026-Q4T', 'FY27', '[2026-Q4]', '"2026-Q4 "x', '{q: 4}']) {
      assert.deepEqual(checkCode(CODE, { [O]: withPeriod(`period: ${bad}`) }).filter((r) => r.line === 2), bad.startsWith('"') ? [] : [row(O, 2, 'error', CODE)], bad);
    }
    for (const good of ['2026-Q4', '2026-q1', '2026-H2', '2026-h1', '2026', '"2026-Q4"', "'2026'", '" 2026-Q3 "']) {
      assert.deepEqual(checkCode(CODE, { [O]: withPeriod(`period: ${good}`) }), [], good);
    }
    // With start: and end:, the period is the set's name only.
    assert.deepEqual(checkCode(CODE, { [O]: withPeriod('period: FY27 Q1', 'start: 2026-10-01', 'end: 2026-12-31') }), []);
    // Only one of them: the period must give the schedule.
    assert.deepEqual(checkCode(CODE, { [O]: withPeriod('period: FY27 Q1', 'start: 2026-10-01') }), [row(O, 2, 'error', CODE)]);
    const { diagnostic, fixes } = fixesFor({ [O]: withPeriod('period: 2026-H3') }, O, CODE);
    assert.equal(diagnostic.message, 'period "2026-H3" is not a quarter (2026-Q4), a half (2026-H2) or a year (2026), so the set has no schedule: write one of those, or give start: and end: dates.');
    assert.deepEqual(fixes, []);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'error', { [N]: oneOnOne('happiness: 7') });
  });

  describe('fixes', () => {
    it('a number is clamped into range (and rounded when a whole number is needed), offered, never safe: which value was meant is a choice', () => {
      const { fixes } = fixesFor({ [N]: oneOnOne('happiness: 7') }, N, CODE);
      assert.equal(fixes[0].safe, undefined);
      assert.equal(fixes[0].preferred, true);
      assertFix({ [N]: oneOnOne('happiness: 7') }, N, CODE, 'Change to 5', oneOnOne('happiness: 5'));
      assertFix({ [N]: oneOnOne('happiness: 0') }, N, CODE, 'Change to 1', oneOnOne('happiness: 1'));
      assertFix({ [N]: oneOnOne('happiness: 3.4') }, N, CODE, 'Change to 3', oneOnOne('happiness: 3'));
      assertFix({ [N]: oneOnOne('happiness: "4"') }, N, CODE, 'Change to 4', oneOnOne('happiness: 4'));
      assertFix({ [N]: oneOnOne("happiness: ' 9 '") }, N, CODE, 'Change to 5', oneOnOne('happiness: 5'));
      assertFix({ [O]: set([], ['confidence: 1.01']) }, O, CODE, 'Change to 1', set([], ['confidence: 1']));
      assertFix({ [O]: set([], ['confidence: -0.1']) }, O, CODE, 'Change to 0', set([], ['confidence: 0']));
      assertFix({ [O]: set([], ['confidence: 1.5']) }, O, CODE, 'Change to 1', set([], ['confidence: 1']));
    });

    it('a confidence written as a whole percentage: that share first, then the clamp', () => {
      for (const [pct, share] of [['60', '0.6'], ['7', '0.07'], ['100', '1'], ['2', '0.02']]) {
        const { fixes } = fixesFor({ [O]: set([], [`confidence: ${pct}`]) }, O, CODE);
        assert.deepEqual(fixes.map((f) => f.title), share === '1' ? ['Change to 1'] : [`Change to ${share}`, 'Change to 1'], pct);
        assertFix({ [O]: set([], [`confidence: ${pct}`]) }, O, CODE, `Change to ${share}`, set([], [`confidence: ${share}`]));
      }
      assert.deepEqual(fixesFor({ [O]: set([], ['confidence: 250']) }, O, CODE).fixes.map((f) => f.title), ['Change to 1']);
    });

    it('no number to start from, no fix: a word, empty quotes, true, false', () => {
      for (const v of ['four', '""', "''", 'true', 'false', '"  "']) assert.deepEqual(fixesFor({ [N]: oneOnOne(`happiness: ${v}`) }, N, CODE).fixes, [], v);
      for (const v of ['""', 'yes', 'high']) assert.deepEqual(fixesFor({ [O]: set([], [`confidence: ${v}`]) }, O, CODE).fixes, [], v);
    });

    it('a value reached through an alias or a merge key: no fix (it would overwrite the alias and what else it brings)', () => {
      const path = 'okrs/2026-Q4.okr.yaml';
      const ds = makeDataset({ [path]: OKR_BAD_THROUGH_ALIASES }, { today: '2026-11-22' });
      const found = ds.diagnostics(path).filter((d) => d.code === CODE || d.code === 'invalid-date');
      assert.deepEqual(found.map((d) => [d.code, d.range.start.line + 1]), [['invalid-date', 16], [CODE, 16], ['invalid-date', 20], [CODE, 21]], 'reported at the merge and at the aliases');
      for (const d of found) assert.deepEqual(ds.fixes(path, d, OKR_BAD_THROUGH_ALIASES), [], `${d.code} line ${d.range.start.line + 1}`);
    });

    it('a keyword is offered the allowed values, closest first', () => {
      const { fixes } = fixesFor({ [N]: oneOnOne('visibility: shred') }, N, CODE);
      assert.deepEqual(fixes.map((f) => f.title), ['Change to shared', 'Change to private']);
      assert.equal(fixes[0].preferred, true);
      assertFix({ [N]: oneOnOne('visibility: shred') }, N, CODE, 'Change to shared', oneOnOne('visibility: shared'));
      assertFix({ [O]: set([], ['status: at risk']) }, O, CODE, 'Change to at-risk', set([], ['status: at-risk']));
      assertFix({ [O]: set(['kind: aspirationl'], []) }, O, CODE, 'Change to aspirational', set(['kind: aspirational'], []));
      assertFix({ [P]: person('cadence: weakly') }, P, CODE, 'Change to weekly', person('cadence: weekly'));
      const review = (d: string) => lines('---', 'type: okr-review', '---', '## O1', `Decision: ${d}`, TASK);
      assertFix({ [R]: review('rescope') }, R, CODE, 'Change to re-scope', review('re-scope'));
    });
  });
});
