import assert from 'node:assert/strict';
import { Dataset, type Doc } from '../../../src/core/index';
import { applyFix, assertFix, assertSeverityConfigurable, checkCode, fixesFor, fixTitled, lines, makeDataset, okr, row, settingsWith } from '../helpers';

const CODE = 'private-leak';
const TODAY = '2026-11-30';
const SECRET = 'Alex is interviewing with another company and may leave before the spring.';
const P = '1on1s/alex/2026-11-20.md';
const R = 'okr-reviews/2026-Q4-mid.md';
const S = '1on1s/alex/2026-11-27.md';
const privateNote = (...body: string[]) => lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-20', '---', ...body);
const review = (...body: string[]) => lines('---', 'type: okr-review', 'date: 2026-11-28', 'okrs: 2026-Q4', '---', ...body);
const shared = (...body: string[]) => lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-27', 'visibility: shared', '---', ...body);

describe(CODE, () => {
  it('an error on the shared file’s line where the passage starts', () => {
    const files = { [P]: privateNote('## Notes', SECRET), [R]: review('## O1', 'Decision: continue', '- Risk: Alex is interviewing with another company,', '  and may leave before the spring.') };
    assert.deepEqual(checkCode(CODE, files, { today: TODAY }), [row(R, 8, 'error', CODE)]);
  });

  it('the message names the private file and line, and never quotes it', () => {
    const ds = makeDataset({ [P]: privateNote('## Notes', SECRET), [R]: review(SECRET) }, { today: TODAY });
    const [d] = ds.diagnostics(R).filter((x) => x.code === CODE);
    assert.match(d.message, /1on1s\/alex\/2026-11-20\.md, line 7/);
    for (const w of ['interviewing', 'company', 'spring', 'Alex']) assert.ok(!d.message.includes(w), `the message quotes "${w}": ${d.message}`);
    assert.deepEqual(d.related, [{ path: P, line: 6, message: 'the private text this passage repeats' }]);
  });

  it('every kind of shared file: a shared 1:1, an OKR review, an OKR set, a sharedGlobs file', () => {
    const files = {
      'people/alex.md': lines('---', 'type: person', '---', SECRET),
      [S]: shared(SECRET),
      [R]: review(SECRET),
      'okrs/2026-Q4.okr.yaml': okr('  - id: O1', '    title: Keep the team', `    risk: ${SECRET}`),
      'docs/update.md': lines('# Team update', SECRET),
      'docs/private-ish.md': lines('---', 'type: review-packet', '---', SECRET),
    };
    const settings = { sharedGlobs: ['docs/**/*.md'] };
    assert.deepEqual(checkCode(CODE, files, { today: TODAY, settings }).map((r) => r.file), ['1on1s/alex/2026-11-27.md', 'docs/update.md', R, 'okrs/2026-Q4.okr.yaml']);
    // Without the setting, docs/ is not read at all.
    assert.deepEqual(checkCode(CODE, files, { today: TODAY }).map((r) => r.file), ['1on1s/alex/2026-11-27.md', R, 'okrs/2026-Q4.okr.yaml']);
  });

  it('a private 1:1 or a person file never gets it, whatever the globs', () => {
    const files = { 'people/alex.md': lines('---', 'type: person', '---', SECRET), [P]: privateNote(SECRET) };
    assert.deepEqual(checkCode(CODE, files, { today: TODAY, settings: { sharedGlobs: ['**/*.md'] } }), []);
  });

  it('visibility compares case-insensitively; an invalid one is private', () => {
    const base = { 'people/alex.md': lines('---', 'type: person', '---', SECRET) };
    const note = (v: string) => lines('---', 'type: 1on1', 'report: alex', 'date: 2026-11-27', `visibility: ${v}`, '---', SECRET);
    assert.equal(checkCode(CODE, { ...base, [S]: note('SHARED') }, { today: TODAY }).length, 1);
    assert.equal(checkCode(CODE, { ...base, [S]: note('team') }, { today: TODAY }).length, 0);
  });

  it('appears and disappears as the private note is edited, naming the shared file each time', () => {
    const ds = makeDataset({ [P]: privateNote('## Notes', 'Nothing to see.'), [R]: review(SECRET) }, { today: TODAY });
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 0);
    const named: string[][] = [];
    ds.onDidChange((e) => named.push([...e.paths].sort()));
    ds.setFile(P, privateNote('## Notes', SECRET));
    assert.deepEqual(named.pop(), [P, R]);
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 1);
    ds.setFile(P, privateNote('## Notes', 'Alex is interviewing elsewhere.'));
    assert.deepEqual(named.pop(), [P, R]);
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 0);
    // An edit that touches no shared text names only the note.
    ds.setFile(P, privateNote('## Notes', 'Something else entirely, not in any shared file at all.'));
    assert.deepEqual(named.pop(), [P]);
    ds.deleteFile(P);
    assert.deepEqual(named.pop(), [P]);
  });

  it('a file restored without its text is judged once its text is given', () => {
    const full = makeDataset({ [P]: privateNote(SECRET), [R]: review(SECRET) }, { today: TODAY });
    const ds = new Dataset({ today: TODAY, settings: settingsWith() });
    ds.restoreAll(
      full.paths().map((path) => ({ path, summary: full.summary(path)!, doc: { load: (): Doc => full.doc(path)! } })),
      false,
    );
    assert.deepEqual(ds.waitingForText().sort(), [P, R]);
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 0);
    const named: string[][] = [];
    ds.onDidChange((e) => named.push([...e.paths].sort()));
    ds.provideText(R, review(SECRET));
    ds.provideText(P, privateNote(SECRET));
    assert.deepEqual(named, [[R], [R]]);
    assert.deepEqual(ds.waitingForText(), []);
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 1);
  });

  it('turned off, it keeps no index; turned on again, every file waits for its text', () => {
    const files = { [P]: privateNote(SECRET), [R]: review(SECRET) };
    const ds = makeDataset(files, { today: TODAY, settings: { rules: { [CODE]: 'off' } } });
    assert.deepEqual(ds.waitingForText(), []);
    assert.deepEqual(ds.query.leaks(R), []);
    ds.setSettings(settingsWith());
    assert.deepEqual(ds.waitingForText().sort(), [P, R]);
    for (const [p, t] of Object.entries(files)) ds.provideText(p, t);
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 1);
    ds.setSettings(settingsWith({ rules: { [CODE]: 'warning' } }));
    assert.equal(ds.diagnostics(R).filter((d) => d.code === CODE).length, 1, 'another severity keeps the index');
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'error', { [P]: privateNote(SECRET), [R]: review(SECRET) }, { today: TODAY });
  });

  describe('fixes', () => {
    it('opens the private source (no edit)', () => {
      const { fixes } = fixesFor({ [P]: privateNote('## Notes', SECRET), [R]: review(SECRET) }, R, CODE, { today: TODAY });
      const open = fixTitled(fixes, /^Open the private source/);
      assert.deepEqual(open.edits, []);
      assert.deepEqual(open.open, { path: P, line: 6 });
    });

    it('a review: no private block offered; removing the passage leaves the rest of the line', () => {
      const files = { [P]: privateNote(SECRET), [R]: review('- Risk: Alex is interviewing with another company', '  and may leave before the spring. Next: hire.') };
      const { fixes } = fixesFor(files, R, CODE, { today: TODAY });
      assert.ok(!fixes.some((f) => /private block/.test(f.title)));
      assertFix(files, R, CODE, 'Remove the passage', review('- Risk: . Next: hire.'), { today: TODAY });
    });

    it('removing a passage that is all its lines hold removes the lines', () => {
      const files = { [P]: privateNote(SECRET), [R]: review('Before.', `- ${SECRET}`, 'After.') };
      assertFix(files, R, CODE, 'Remove the passage (its lines)', review('Before.', 'After.'), { today: TODAY });
    });

    it('a shared 1:1: keeps the passage’s lines in a private block, one edit', () => {
      const files = { [P]: privateNote(SECRET), [S]: shared('## Notes', `- ${SECRET}`, 'Public.') };
      const { fixes } = fixesFor(files, S, CODE, { today: TODAY });
      const wrap = fixTitled(fixes, 'Keep it in a private block');
      assert.equal(wrap.edits.length, 1);
      assert.equal(wrap.preferred, true);
      assertFix(files, S, CODE, 'Keep it in a private block', shared('## Notes', '<!-- private -->', `- ${SECRET}`, '<!-- /private -->', 'Public.'), { today: TODAY });
    });

    it('the wrapped text no longer leaks but is private text of the shared note now', () => {
      const files = { [P]: privateNote('Unrelated.'), [S]: shared(SECRET), [R]: review(SECRET) };
      const { fixes } = fixesFor({ ...files, [P]: privateNote(SECRET) }, S, CODE, { today: TODAY });
      const out = applyFix(files[S], fixTitled(fixes, 'Keep it in a private block'));
      assert.deepEqual(checkCode(CODE, { ...files, [S]: out }, { today: TODAY }), [row(R, 6, 'error', CODE)]);
    });
  });
});
