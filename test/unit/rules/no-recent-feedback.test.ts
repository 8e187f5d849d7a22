import assert from 'node:assert/strict';
import { assertSeverityConfigurable, checkCode, lines, makeDataset, row, rowsOf } from '../helpers';

const CODE = 'no-recent-feedback';
const today = '2026-11-30';
const person = (id: string, ...extra: string[]) => lines('---', 'type: person', `name: ${id.toUpperCase()}`, ...extra, '---', 'Notes.');
const note = (who: string, date: string, ...body: string[]) => lines('---', 'type: 1on1', `report: ${who}`, `date: ${date}`, '---', ...body, '## Action items', `- [ ] x @${who} due:2026-12-20`);
/** Another report's feedback: the workspace keeps a feedback log. */
const logKept = { 'people/kim.md': person('kim'), '1on1s/kim/2026-11-25.md': note('kim', '2026-11-25', '## Feedback', '- received: kind words') };

describe(CODE, () => {
  it('a report met in the last 30 days with no praise or redirect in any 1:1 of them, on line 1 of the person file, as info', () => {
    const f = { ...logKept, 'people/sam.md': person('sam'), '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20', '## Feedback', '- received: wants more context') };
    assert.deepEqual(checkCode(CODE, f, { today }), [row('people/kim.md', 1, 'info', CODE), row('people/sam.md', 1, 'info', CODE)]);
  });

  it('praise or redirect in a 1:1 of the window is enough; received is not', () => {
    for (const entry of ['- praise: clear write-up', '* REDIRECT: let others finish', '1. Praise: calm cutover']) {
      const f = { ...logKept, 'people/sam.md': person('sam'), '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20', '## Feedback', entry) };
      assert.deepEqual(checkCode(CODE, f, { today }).map((r) => r.file), ['people/kim.md'], entry);
    }
  });

  it('the window edge: the first day of the window is today − 29 (today included); older feedback does not count', () => {
    const at = (d: string) => ({ ...logKept, 'people/sam.md': person('sam'), [`1on1s/sam/${d}.md`]: note('sam', d, '## Feedback', '- praise: good'), '1on1s/sam/2026-11-29.md': note('sam', '2026-11-29') });
    assert.deepEqual(checkCode(CODE, at('2026-11-01'), { today }).map((r) => r.file), ['people/kim.md']);
    assert.deepEqual(checkCode(CODE, at('2026-10-31'), { today }).map((r) => r.file), ['people/kim.md', 'people/sam.md']);
  });

  it('no 1:1 in the window (only older ones, or one prepared ahead): not reported', () => {
    const f = { ...logKept, 'people/sam.md': person('sam'), '1on1s/sam/2026-10-01.md': note('sam', '2026-10-01'), '1on1s/sam/2026-12-03.md': note('sam', '2026-12-03') };
    assert.deepEqual(checkCode(CODE, f, { today }).map((r) => r.file), ['people/kim.md']);
  });

  it('a workspace without any feedback entry is not nagged; the first entry anywhere switches the rule on', () => {
    const f = { 'people/sam.md': person('sam'), '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20') };
    assert.deepEqual(checkCode(CODE, f, { today }), []);
    const ds = makeDataset(f, { today });
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), []);
    const changes: string[][] = [];
    ds.onDidChange((e) => changes.push([...e.paths].sort()));
    ds.setFile('1on1s/kim/2026-11-21.md', note('kim', '2026-11-21', '## Feedback', '- praise: great demo'));
    // The person file is named by the change though no file naming sam changed.
    assert.ok(changes.some((c) => c.includes('people/sam.md')), JSON.stringify(changes));
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), [row('people/sam.md', 1, 'info', CODE)]);
    ds.deleteFile('1on1s/kim/2026-11-21.md');
    assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), []);
  });

  it('placeholders, task items, other sections and hidden text are no feedback', () => {
    const body = ['## Feedback', '- praise: ', '- [ ] praise: a task, not an entry', '- %%praise: hidden%%', '## Notes', '- praise: not in a Feedback section', '```', '- praise: code', '```'];
    const f = { 'people/sam.md': person('sam'), '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20', ...body) };
    // No entry anywhere: the workspace keeps no feedback log.
    assert.deepEqual(checkCode(CODE, f, { today }), []);
    assert.deepEqual(checkCode(CODE, { ...f, ...logKept }, { today }).map((r) => r.file), ['people/kim.md', 'people/sam.md']);
  });

  it('only reports: not a manager, peer or mentor, nor the manager themselves', () => {
    const f = {
      ...logKept,
      'people/boss.md': person('boss', 'relationship: manager'),
      '1on1s/boss/2026-11-20.md': note('boss', '2026-11-20'),
      'people/me.md': person('me', 'me: true'),
      '1on1s/me/2026-11-20.md': note('me', '2026-11-20'),
      'people/pat.md': person('pat', 'relationship: peer'),
      '1on1s/pat/2026-11-20.md': note('pat', '2026-11-20'),
    };
    assert.deepEqual(checkCode(CODE, f, { today }).map((r) => r.file), ['people/kim.md']);
  });

  it('a meeting of a running log counts as a 1:1 of the window, and its Feedback section as its feedback', () => {
    const log = (fb: string) => lines('---', 'type: 1on1', 'report: sam', '---', '## 2026-11-20', '### Feedback', fb, '### Action items', '- [ ] x @sam due:2026-12-20', '## 2026-09-01', '### Feedback', '- praise: long ago');
    const f = (fb: string) => ({ ...logKept, 'people/sam.md': person('sam'), '1on1s/sam.md': log(fb) });
    assert.deepEqual(checkCode(CODE, f('- redirect: slow reviews'), { today }).map((r) => r.file), ['people/kim.md']);
    assert.deepEqual(checkCode(CODE, f('- a remark'), { today }).map((r) => r.file), ['people/kim.md', 'people/sam.md']);
  });

  it('cadence.feedbackWindowDays sets the window', () => {
    const f = { ...logKept, 'people/sam.md': person('sam'), '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20'), '1on1s/sam/2026-11-05.md': note('sam', '2026-11-05', '## Feedback', '- praise: p') };
    assert.deepEqual(checkCode(CODE, f, { today }).map((r) => r.file), ['people/kim.md']);
    assert.deepEqual(checkCode(CODE, f, { today, settings: { feedbackWindowDays: 14 } }).map((r) => r.file), ['people/kim.md', 'people/sam.md']);
  });

  it('its severity follows cadence.rules', () => {
    assertSeverityConfigurable(CODE, 'info', { ...logKept }, { today });
  });
});
