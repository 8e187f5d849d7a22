// The OKR review pre-read as an export (SPEC §15, §19): it leaves private
// text out — private 1:1s and the private blocks of shared ones — and the
// review it writes satisfies the OKR meeting's discipline.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadFolder } from '../../src/cli/check';
import { buildPreRead, preReadSendDate } from '../../src/core/pre-read';
import { objectiveSections } from '../../src/core/reviews';
import type { OkrSetDoc, ReviewDoc } from '../../src/core/model';
import { applyFix, checkCode, lines, makeDataset, okr } from './helpers';

const TODAY = '2026-11-30';
const SET = 'okrs/2026-Q4.okr.yaml';
const set = okr(
  '  - id: O1',
  '    title: Finish the migration',
  '    owner: alex',
  '    key_results:',
  '      - { id: KR1, title: All services moved, owner: alex, due: 2026-12-15, target: 12, current: 9 }',
  '      - { id: KR2, title: Old cluster retired, owner: alex, due: 2026-12-20, target: 1, current: 0 }',
  '  - id: O2',
  '    title: Calm on-call',
  '    owner: me',
  '    key_results:',
  '      - { id: KR1, title: Pages under five, owner: alex, due: 2026-12-31, start: 20, target: 5, current: 9 }',
);
const people = { 'people/alex.md': lines('---', 'type: person', '---') };
const sharedNote = lines(
  '---',
  'type: 1on1',
  'report: alex',
  'date: 2026-11-27',
  'visibility: shared',
  '---',
  '## Action items',
  '- [ ] Publish the SharedQuotedMarker cutover calendar @alex due:2026-12-08',
  '<!-- private -->',
  '- [ ] Ask HR about the PrivateBlockMarker retention bonus @alex due:2026-12-08',
  '<!-- /private -->',
);
const privateNote = lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', '## Action items', '- [ ] Talk about PrivateNoteMarker @alex due:2026-12-04');

describe('OKR review pre-read (an export)', () => {
  const files = { [SET]: set, ...people, '1on1s/alex/2026-11-27.md': sharedNote, '1on1s/alex/2026-11-20.md': privateNote };

  it('quotes shared 1:1s but neither private 1:1s nor the private blocks of shared ones (counted instead)', () => {
    const ds = makeDataset(files, { today: TODAY });
    const out = buildPreRead(ds, ds.okrSets()[0], '2026-12-14').text;
    assert.ok(out.includes('SharedQuotedMarker'), out);
    assert.ok(!out.includes('PrivateBlockMarker'), 'a private block of a shared 1:1 reached the pre-read');
    assert.ok(!out.includes('PrivateNoteMarker'), 'a private 1:1 reached the pre-read');
    assert.match(out, /\*\*Not shown:\*\* 2 open action items that concern alex \(their own, or from their 1:1s\) — they stand in private 1:1 notes or private blocks, which a pre-read never quotes\./);
  });

  it('a follow-up in a private block of the last review is left out; the others are quoted (SPEC §15: every export leaves private blocks out; found by a fresh tester)', () => {
    const review = lines(
      '---',
      'type: okr-review',
      'date: 2026-11-15',
      'okrs: 2026-Q4',
      'pre-read: 2026-11-08',
      '---',
      '## O1 Finish the migration',
      'Decision: continue',
      '- [ ] Publish the ReviewPublicMarker plan @alex due:2026-12-01',
      '<!-- private -->',
      '- [ ] Talk to HR about the ReviewPrivateMarker plan @me due:2026-12-01',
      '<!-- /private -->',
      '%% - [ ] ReviewHiddenMarker @me due:2026-12-01 %%',
      '<!-- private -->',
      '- [x] ReviewUnclosedMarker @me due:2026-12-01',
    );
    const ds = makeDataset({ ...files, 'okr-reviews/2026-Q4-mid.md': review }, { today: TODAY });
    const out = buildPreRead(ds, ds.okrSets()[0], '2026-12-14').text;
    assert.ok(out.includes('ReviewPublicMarker'), out);
    for (const marker of ['ReviewPrivateMarker', 'ReviewHiddenMarker', 'ReviewUnclosedMarker']) assert.ok(!out.includes(marker), `${marker} reached the pre-read`);
  });

  it('written for a meeting 7 or more days ahead: no pre-read-late, no private-leak, and every objective a section', () => {
    const ds = makeDataset(files, { today: TODAY });
    const file = buildPreRead(ds, ds.okrSets()[0], '2026-12-14');
    assert.match(file.text, /^pre-read: 2026-12-07$/m);
    const all = { ...files, [file.path]: file.text };
    assert.deepEqual(checkCode('pre-read-late', all, { today: TODAY }), []);
    assert.deepEqual(checkCode('private-leak', all, { today: TODAY }), []);
    assert.deepEqual(checkCode('review-decision-missing', all, { today: TODAY }), []);
    const ds2 = makeDataset(all, { today: TODAY });
    const sections = objectiveSections(ds2.doc(file.path) as ReviewDoc, ds2.doc(SET) as OkrSetDoc);
    assert.deepEqual(sections.map((s) => s.objective.id), ['O1', 'O2']);
  });

  it('once held, each objective asks for its decision, and the quick fix records it', () => {
    const ds = makeDataset(files, { today: TODAY });
    const file = buildPreRead(ds, ds.okrSets()[0], '2026-12-14');
    const held = { ...files, [file.path]: file.text };
    const rows = checkCode('review-decision-missing', held, { today: '2026-12-14' });
    assert.equal(rows.length, 2);
    let text = file.text;
    for (let i = 0; i < 2; i++) {
      const d = makeDataset({ ...held, [file.path]: text }, { today: '2026-12-14' });
      const diag = d.diagnostics(file.path).find((x) => x.code === 'review-decision-missing')!;
      text = applyFix(text, d.fixes(file.path, diag, text).find((f) => f.title === 'Decision: continue')!);
    }
    assert.deepEqual(checkCode('review-decision-missing', { ...held, [file.path]: text }, { today: '2026-12-14' }), []);
    assert.deepEqual(checkCode('out-of-range', { ...held, [file.path]: text }, { today: '2026-12-14' }), []);
  });

  it('prepared late, it says so: pre-read is the day it goes out, and pre-read-late reports it', () => {
    assert.equal(preReadSendDate('2026-12-14', TODAY), '2026-12-07');
    assert.equal(preReadSendDate('2026-12-07', TODAY), '2026-11-30');
    assert.equal(preReadSendDate('2026-12-03', TODAY), TODAY);
    const ds = makeDataset(files, { today: TODAY });
    const file = buildPreRead(ds, ds.okrSets()[0], '2026-12-03');
    assert.match(file.text, /^pre-read: 2026-11-30$/m);
    assert.equal(checkCode('pre-read-late', { ...files, [file.path]: file.text }, { today: TODAY }).length, 1);
  });
});

describe('OKR review pre-read of the sample team (issue 16: ready to send as it is)', () => {
  it('holds no problem of its own: no private-leak from what changed since the last review, no late pre-read, no missing decision', () => {
    const { dataset: ds } = loadFolder({ folder: join(__dirname, '..', '..', 'samples', 'team'), today: '2026-11-22', rules: {} });
    const set = ds.okrSets().find((s) => s.id === '2026-Q4')!;
    const file = buildPreRead(ds, set, '2026-11-29');
    // Not vacuous: the check-in notes are quoted, one of them also in a private note's words.
    assert.ok(file.text.includes('(“billing cluster is the last big one”)'), file.text);
    ds.setFile(file.path, file.text);
    assert.deepEqual(ds.diagnostics(file.path).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`), []);
  });
});
