// The chat assistant's answers (issue 21, SPEC §15): which lines may be
// quoted, who a chat names, which OKR sets a summary is about, and, on every
// test workspace, that an answer without privateText quotes no item or
// talking point of a private line while one with it quotes them all.
import assert from 'node:assert/strict';
import { loadFolder } from '../../src/cli/check';
import { findPerson, isSharedLine, needsAttention, okrSummary, prepareOneOnOne, setsFor, WITHHELD } from '../../src/core/assistant';
import type { Dataset } from '../../src/core/dataset';
import type { OneOnOneDoc, PersonDoc } from '../../src/core/model';
import { lines, makeDataset, personFile, testWorkspaces } from './helpers';

const today = '2026-11-22';

function sample(): Dataset {
  return makeDataset(
    {
      'people/alex.md': lines(personFile('name: Alex Kim'), '## Talking points', '- [ ] Inbox secret about the reorg'),
      'people/alexis.md': personFile('name: Alexis Moreau'),
      'people/sam.md': personFile('name: Sam Ortiz'),
      '1on1s/alex/2026-11-19.md': lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-19', '---', '## Action items', '- [ ] Private promotion case draft @alex due:2026-11-20'),
      '1on1s/alex/2026-11-12.md': lines(
        '---',
        'type: 1on1',
        'report: alex',
        'date: 2026-11-12',
        'visibility: Shared',
        '---',
        '## Action items',
        '- [ ] Shared agenda item for the team @alex due:2026-11-30',
        '<!-- private -->',
        '- [ ] Hidden salary band question @alex due:2026-11-30',
        '<!-- /private -->',
        '- [ ] Another shared item %%with a hidden aside%% @alex due:2026-12-01',
      ),
      'okr-reviews/2026-Q4-mid.md': lines('---', 'type: okr-review', 'date: 2026-11-10', 'okrs: 2026-Q4', '---', '## O1 Ship', 'Decision: continue', '- [ ] Review follow-up item @sam due:2026-11-15'),
      'okrs/2026-Q3.okr.yaml': lines('type: okr', 'period: 2026-Q3', 'objectives:', '  - id: O1', '    title: Old objective', '    key_results:', '      - id: KR1', '        title: Old key result', '        target: 1'),
      'okrs/2026-Q4.okr.yaml': lines(
        'type: okr',
        'period: 2026-Q4',
        'objectives:',
        '  - id: O1',
        '    title: Ship',
        '    owner: alex',
        '    key_results:',
        '      - id: KR1',
        '        title: Public key result title',
        '        owner: alex',
        '        target: 10',
        '        current: 1',
        '        status: at-risk',
      ),
    },
    { today },
  );
}

describe('assistant answers (issue 21, SPEC §15)', () => {
  it('a line is shared in a shared 1:1 (visibility compared case-insensitively) or an OKR review, outside private blocks; never in a private 1:1 or a person file', () => {
    const ds = sample();
    const shared = ds.doc('1on1s/alex/2026-11-12.md') as OneOnOneDoc;
    assert.equal(isSharedLine(shared, 7), true);
    assert.equal(isSharedLine(shared, 9), false, 'inside the private block');
    assert.equal(isSharedLine(shared, 8), false, 'its marker');
    assert.equal(isSharedLine(shared, 11), true);
    assert.equal(isSharedLine(ds.doc('1on1s/alex/2026-11-19.md')!, 6), false);
    assert.equal(isSharedLine(ds.doc('okr-reviews/2026-Q4-mid.md')!, 7), true);
    assert.equal(isSharedLine(ds.doc('people/alex.md')!, 4), false);
  });

  it('prepares a 1:1: shared items quoted (hidden text left out), private ones and the inbox withheld and counted', () => {
    const ds = sample();
    const a = prepareOneOnOne(ds, findPerson(ds, 'alex')!, { privateText: false });
    assert.match(a.text, /^- "Shared agenda item for the team" — Alex Kim · due 2026-11-30 \(1on1s\/alex\/2026-11-12\.md:8\)$/m);
    assert.match(a.text, /^- "Another shared item" — Alex Kim · due 2026-12-01 /m);
    assert.doesNotMatch(a.text, /promotion|salary|reorg|hidden aside/i);
    assert.equal(a.withheld, 3, 'the private note, the private block, the inbox');
    assert.match(a.text, /^- Action items: 4 open, 1 overdue;/m);
    assert.match(a.text, /^## Slipping key results Alex Kim owns \(1\)\n- 2026-Q4 O1\/KR1 "Public key result title" — 0\.10 · owner Alex Kim · at-risk — slipping: status at-risk; behind schedule/m);
    assert.match(a.text, /3 texts left out/);
    const b = prepareOneOnOne(ds, findPerson(ds, 'alex')!, { privateText: true });
    assert.equal(b.withheld, 0);
    for (const t of ['Private promotion case draft', 'Hidden salary band question', 'Inbox secret about the reorg']) assert.ok(b.text.includes(`"${t}"`), t);
    assert.doesNotMatch(b.text, /hidden aside/, 'hidden text is never an item’s words');
    assert.doesNotMatch(b.text, new RegExp(WITHHELD.replace(/[()]/g, '\\$&')));
  });

  it('needs attention: overdue items of 1:1s and reviews (the review’s quoted), slipping key results of live sets only', () => {
    const ds = sample();
    const a = needsAttention(ds, { privateText: false });
    assert.match(a.text, /^2 overdue action items \(of 5 open\), 0 lapsed 1:1s, 1 slipping key result\.$/m);
    assert.match(a.text, /^- "Review follow-up item" — Sam Ortiz · due 2026-11-15 · OKR review \(okr-reviews\/2026-Q4-mid\.md:8\)$/m);
    assert.match(a.text, /^- \(private: text not shared with the assistant\) — Alex Kim · due 2026-11-20 · 1:1 with Alex Kim /m);
    assert.equal(a.withheld, 1);
  });

  it('finds a person by id (any case, with @), by name, by a first name only one person has', () => {
    const ds = sample();
    const id = (p: PersonDoc | undefined) => p?.id;
    assert.equal(id(findPerson(ds, 'ALEX')), 'alex');
    assert.equal(id(findPerson(ds, '@sam')), 'sam');
    assert.equal(id(findPerson(ds, 'alexis moreau')), 'alexis');
    assert.equal(id(findPerson(ds, 'Sam')), 'sam');
    assert.equal(id(findPerson(ds, 'Alexis')), 'alexis');
    assert.equal(id(findPerson(ds, 'nobody')), undefined);
    assert.equal(id(findPerson(ds, '  ')), undefined);
  });

  it('summarises the live sets without an id, the one named (any case) with one, and nothing for an unknown id', () => {
    const ds = sample();
    assert.deepEqual(setsFor(ds, undefined).map((s) => s.id), ['2026-Q4']);
    assert.deepEqual(setsFor(ds, '2026-q3').map((s) => s.id), ['2026-Q3']);
    assert.deepEqual(setsFor(ds, 'nope'), []);
    const after = makeDataset({ 'okrs/a.okr.yaml': lines('type: okr', 'period: 2026-Q2', 'objectives: []'), 'okrs/b.okr.yaml': lines('type: okr', 'period: 2026-Q3', 'objectives: []') }, { today });
    assert.deepEqual(setsFor(after, undefined).map((s) => s.id), ['b'], 'none live: the one that ended last');
    const q3 = okrSummary(ds, setsFor(ds, '2026-Q3')).text;
    assert.match(q3, /ended: its key results are graded, not slipping/);
    assert.match(q3, /^- KR1 "Old key result" — 0\.00 · no owner · no status$/m);
  });

  it('on every test workspace: without privateText no private item or talking point is quoted; with it none is withheld', function () {
    this.timeout(120_000);
    for (const w of testWorkspaces()) {
      const { dataset: ds } = loadFolder({ folder: w.dir, today: w.today, rules: {} });
      const answers = (privateText: boolean) => [needsAttention(ds, { privateText }), ...ds.people().map((p) => prepareOneOnOne(ds, p, { privateText }))];
      const privateTexts: string[] = [];
      for (const d of ds.docs()) {
        const items = d.kind === '1on1' ? [...d.items, ...d.talkingPoints] : d.kind === 'okr-review' ? d.items : d.kind === 'person' ? d.inbox : [];
        for (const i of items) if (i.text.length > 12 && !isSharedLine(d, i.line)) privateTexts.push(i.text);
      }
      // A text that a shared line also holds is not private (a carried item, a key result's title).
      const sharedTexts = new Set<string>();
      for (const d of ds.docs()) if (d.kind === '1on1' || d.kind === 'okr-review') for (const i of d.items) if (isSharedLine(d, i.line)) sharedTexts.add(i.text);
      const secret = privateTexts.filter((t) => !sharedTexts.has(t));
      for (const a of answers(false)) for (const t of secret) assert.ok(!a.text.includes(`"${t}"`), `${w.name}: "${t}" quoted`);
      for (const a of answers(true)) assert.equal(a.withheld, 0, w.name);
    }
  });
});
