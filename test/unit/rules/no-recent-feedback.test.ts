import assert from 'node:assert/strict';
import { Dataset } from '../../../src/core/dataset';
import { entryOf, IndexWriter, readIndex, restoreIndex } from '../../../src/core/persist';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
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

  describe('after a warm start (whether any 1:1 holds feedback is in the index: no 1:1 loaded to know it)', () => {
    /** The files saved into a persistent index, then restored into a fresh dataset, as a warm start does. */
    function warm(files: Record<string, string>): { ds: Dataset; loads: () => string[] } {
      const cold = makeDataset(files, { today });
      const saved = new IndexWriter().write(
        cold.paths().map((p, i) => ({ ...entryOf(p, { size: i, mtime: i }, cold.doc(p)), diagnostics: cold.diagnostics(p) })),
        DEFAULT_SETTINGS,
        today,
      );
      const index = readIndex(saved.index, DEFAULT_SETTINGS, saved.payload)!;
      const loaded: string[] = [];
      for (const f of index.restorable) {
        const load = f.doc.load.bind(f.doc);
        Object.defineProperty(f, 'load', { value: () => (loaded.push(f.path), load()) });
      }
      const ds = new Dataset({ today, settings: DEFAULT_SETTINGS });
      restoreIndex(index, ds);
      return { ds, loads: () => loaded.filter((p) => p.startsWith('1on1s/')).sort() };
    }
    const sam = { 'people/sam.md': person('sam'), '1on1s/sam/2026-11-20.md': note('sam', '2026-11-20') };
    const others = Object.fromEntries(['xan', 'xbo', 'xcy'].flatMap((w) => [[`people/${w}.md`, person(w)], [`1on1s/${w}/2026-11-18.md`, note(w, '2026-11-18')]]));

    it('an edit that keeps a 1:1 without feedback re-judges only what it names, loading no other 1:1', () => {
      const files = { ...logKept, ...sam, ...others };
      const { ds, loads } = warm(files);
      const changes: string[][] = [];
      ds.onDidChange((e) => changes.push([...e.paths].sort()));
      // Open in an editor: its document is loaded (a provider asked for it).
      ds.doc('1on1s/sam/2026-11-20.md');
      const edited = note('sam', '2026-11-20', 'We talked about the roadmap.');
      ds.setFile('1on1s/sam/2026-11-20.md', edited);
      assert.deepEqual(changes, [['1on1s/sam/2026-11-20.md', 'people/sam.md']]);
      assert.deepEqual(rowsOf(ds, changes[0]), rowsOf(makeDataset({ ...files, '1on1s/sam/2026-11-20.md': edited }, { today }), changes[0]));
      // 1:1s: the edited note's (the editor's), not kim's (the one holding feedback) nor the others'.
      assert.deepEqual(loads(), ['1on1s/sam/2026-11-20.md']);
    });

    it('the first edit of a 1:1 never loaded, with no 1:1 holding feedback anywhere: nothing else is loaded', () => {
      // The worst case for the question "does any 1:1 hold feedback": none does, so every 1:1 would have to be read to know.
      const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`1on1s/x${i}/2026-11-18.md`, note(`x${i}`, '2026-11-18')]));
      const people = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`people/x${i}.md`, person(`x${i}`)]));
      const files = { ...sam, ...people, ...many };
      const { ds, loads } = warm(files);
      for (const p of ds.paths()) ds.diagnostics(p);
      assert.deepEqual(loads(), [], 'the saved diagnostics: nothing loaded');
      const changes: string[][] = [];
      ds.onDidChange((e) => changes.push([...e.paths].sort()));
      const edited = note('sam', '2026-11-20', 'We talked about the roadmap.');
      ds.setFile('1on1s/sam/2026-11-20.md', edited);
      assert.deepEqual(changes, [['1on1s/sam/2026-11-20.md', 'people/sam.md']]);
      assert.deepEqual(rowsOf(ds, changes[0]), rowsOf(makeDataset({ ...files, '1on1s/sam/2026-11-20.md': edited }, { today }), changes[0]));
      // The edited note is read from its text; judging sam's person file reads sam's 1:1s (that one): no 1:1 is decoded.
      assert.deepEqual(loads(), []);
      // The first feedback anywhere still re-judges every person file (each reads its own 1:1s only).
      const praised = note('x3', '2026-11-18', '## Feedback', '- praise: calm cutover');
      ds.setFile('1on1s/x3/2026-11-18.md', praised);
      assert.equal(changes.length, 2);
      assert.ok(Object.keys(people).every((p) => changes[1].includes(p)));
      assert.deepEqual(rowsOf(ds), rowsOf(makeDataset({ ...files, '1on1s/sam/2026-11-20.md': edited, '1on1s/x3/2026-11-18.md': praised }, { today })));
    });

    it('the only feedback leaving, or the first arriving, re-judges every person file, as cold', () => {
      const files = { ...logKept, ...sam, ...others };
      const { ds } = warm(files);
      const without = note('kim', '2026-11-25', 'Nothing written down.');
      ds.setFile('1on1s/kim/2026-11-25.md', without);
      const now = { ...files, '1on1s/kim/2026-11-25.md': without };
      assert.deepEqual(rowsOf(ds), rowsOf(makeDataset(now, { today })));
      assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), []);
      const back = note('sam', '2026-11-20', '## Feedback', '- received: thanks');
      ds.setFile('1on1s/sam/2026-11-20.md', back);
      assert.deepEqual(rowsOf(ds), rowsOf(makeDataset({ ...now, '1on1s/sam/2026-11-20.md': back }, { today })));
      assert.ok(rowsOf(ds).some((r) => r.code === CODE));
    });

    it('deleting the only 1:1 with feedback, or one without, judges as cold', () => {
      const files = { ...logKept, ...sam, ...others };
      const { ds } = warm(files);
      const less: Record<string, string> = { ...files };
      ds.deleteFile('1on1s/xan/2026-11-18.md');
      delete less['1on1s/xan/2026-11-18.md'];
      assert.deepEqual(rowsOf(ds), rowsOf(makeDataset(less, { today })));
      ds.deleteFile('1on1s/kim/2026-11-25.md');
      const none: Record<string, string> = { ...less };
      delete none['1on1s/kim/2026-11-25.md'];
      assert.deepEqual(rowsOf(ds), rowsOf(makeDataset(none, { today })));
      assert.deepEqual(rowsOf(ds).filter((r) => r.code === CODE), []);
    });
  });

  it('its severity follows cadence.rules', () => {
    assertSeverityConfigurable(CODE, 'info', { ...logKept }, { today });
  });
});
