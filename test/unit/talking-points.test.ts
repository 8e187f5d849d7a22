// Add Talking Point… and "move it to the inbox" (SPEC §13), as core edits.
import assert from 'node:assert/strict';
import { addTalkingPoint, moveToInbox } from '../../src/core/actions/talking-points';
import { applyTextEdits } from '../../src/core/actions/next-one-on-one';
import type { OneOnOneDoc } from '../../src/core/model';
import { lines, makeDataset } from './helpers';

const today = '2026-11-30';
const person = lines('---', 'type: person', 'name: Alex', '---', 'Notes.');

describe('talking points: edits (SPEC §13)', () => {
  it('Add Talking Point… with no next 1:1: creates the inbox at the end of the person file', () => {
    const files = { 'people/alex.md': person };
    const ds = makeDataset(files, { today });
    const r = addTalkingPoint(ds, 'Alex', 'Conference budget', today, (p) => files[p as keyof typeof files]?.split('\n'))!;
    assert.equal(r.path, 'people/alex.md');
    const out = applyTextEdits(person, r.edits);
    assert.equal(out, lines('---', 'type: person', 'name: Alex', '---', 'Notes.', '', '## Talking points', '- [ ] Conference budget'));
    const again = makeDataset({ 'people/alex.md': out }, { today });
    assert.deepEqual(again.query.peopleWithKey('alex')[0].inbox.map((i) => i.text), ['Conference budget']);
  });

  it('…into an existing inbox as its last item', () => {
    const text = lines('---', 'type: person', '---', '## Talking points', '- [ ] one', '', '## Notes', 'x');
    const ds = makeDataset({ 'people/alex.md': text }, { today });
    const r = addTalkingPoint(ds, 'alex', 'two', today, () => text.split('\n'))!;
    assert.equal(applyTextEdits(text, r.edits), lines('---', 'type: person', '---', '## Talking points', '- [ ] one', '- [ ] two', '', '## Notes', 'x'));
  });

  it("…into the talking points of the person's next 1:1 (a meeting of a log dated today or later)", () => {
    const log = lines('---', 'type: 1on1', 'report: alex', '---', '## 2026-12-03', '### Talking points', '- [ ] first', '### Action items', '## 2026-11-26', '### Talking points', '- [x] old');
    const files: Record<string, string> = { 'people/alex.md': person, '1on1s/alex/alex.md': log };
    const ds = makeDataset(files, { today });
    const r = addTalkingPoint(ds, 'alex', 'second', today, (p) => files[p]?.split('\n'))!;
    assert.equal(r.path, '1on1s/alex/alex.md');
    assert.match(applyTextEdits(log, r.edits), /- \[ \] first\n- \[ \] second\n### Action items/);
  });

  it('move it to the inbox: the line leaves the note and lands, open, in the inbox', () => {
    const note = lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', '## Talking points', '- [ ] Promotion @alex', '- [x] done');
    const ds = makeDataset({ 'people/alex.md': person, '1on1s/alex/2026-11-20.md': note }, { today });
    const doc = ds.doc('1on1s/alex/2026-11-20.md') as OneOnOneDoc;
    const edits = moveToInbox(ds.query.peopleWithKey('alex')[0], person.split('\n'), doc.path, doc.talkingPoints[0]);
    assert.equal(applyTextEdits(note, edits.get(doc.path)!), lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', '## Talking points', '- [x] done'));
    assert.match(applyTextEdits(person, edits.get('people/alex.md')!), /## Talking points\n- \[ \] Promotion @alex\n$/);
  });
});
