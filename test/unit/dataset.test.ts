// The Dataset's incremental behaviour: what each change event names, and that
// every cross-file figure follows adds, edits and deletes in any order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walk } from '../../src/cli/walk';
import { Dataset, summarize, type DatasetChange } from '../../src/core/index';
import { lines, makeDataset, note, okr, personFile, row, rowsOf, settingsWith, TODAY } from './helpers';

function listen(ds: Dataset): DatasetChange[] {
  const events: DatasetChange[] = [];
  ds.onDidChange((e) => events.push(e));
  return events;
}
const paths = (e: DatasetChange) => [...e.paths].sort();

const ALEX = 'people/alex.md';
const SAM = 'people/sam.md';
const A1 = '1on1s/alex/2026-11-20.md';
const S1 = '1on1s/sam/2026-11-20.md';
const OKR = 'okrs/q.okr.yaml';

describe('Dataset', () => {
  describe('change events', () => {
    it('a new 1:1 names itself and its person’s file (the last 1:1 moved), not other people', () => {
      const ds = makeDataset({ [ALEX]: personFile(), [SAM]: personFile(), [S1]: note('sam', '2026-11-20', '- [ ] x @sam due:2026-12-01') });
      const events = listen(ds);
      ds.setFile(A1, note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01'));
      assert.equal(events.length, 1);
      assert.equal(events[0].all, false);
      assert.ok(events[0].paths.has(A1));
      assert.ok(events[0].paths.has(ALEX), 'the person file (cadence-lapsed, figures) must be re-judged');
      assert.ok(!events[0].paths.has(SAM));
      assert.ok(!events[0].paths.has(S1));
    });

    it('deleting a person file names every file that referred to them', () => {
      const ds = makeDataset({
        [ALEX]: personFile(),
        [SAM]: personFile(),
        [A1]: note('alex', '2026-11-20', '- [ ] x @me due:2026-12-01'), //      report alex
        [S1]: note('sam', '2026-11-20', '- [ ] x @Alex due:2026-12-01'), //     item owner Alex
        '1on1s/sam/2026-11-13.md': note('sam', '2026-11-13', '- [ ] y @sam due:2026-12-01'), // no alex
        [OKR]: lines('type: okr', 'period: 2026-Q4', 'objectives:', '  - id: O1', '    title: T', '    owner: sam', '    key_results:', '      - title: K', '        owner: ALEX'),
      });
      const events = listen(ds);
      ds.deleteFile(ALEX);
      assert.equal(events.length, 1);
      assert.equal(events[0].all, false);
      for (const p of [ALEX, A1, S1, OKR]) assert.ok(events[0].paths.has(p), p);
      assert.ok(!events[0].paths.has('1on1s/sam/2026-11-13.md'));
      assert.ok(!events[0].paths.has(SAM));
      // …and those files now say so.
      assert.deepEqual(
        rowsOf(ds).filter((r) => r.code === 'unknown-person'),
        [row(A1, 3, 'info', 'unknown-person'), row(S1, 7, 'info', 'unknown-person'), row(OKR, 9, 'info', 'unknown-person')],
      );
    });

    it('the first person file and the last one affect every file (unknown-person switches on and off)', () => {
      const ds = makeDataset({ [A1]: note('bob', '2026-11-20', '- [ ] x @carol due:2026-12-01'), [OKR]: lines('type: okr', 'period: 2026', 'objectives: []') });
      const events = listen(ds);
      ds.setFile(ALEX, personFile());
      assert.equal(events.length, 1);
      assert.equal(events[0].all, true);
      assert.deepEqual(paths(events[0]), [A1, OKR, ALEX].sort());
      assert.deepEqual(rowsOf(ds, [A1]).filter((r) => r.code === 'unknown-person').length, 2);

      ds.setFile(SAM, personFile());
      assert.equal(events[1].all, false, 'a second person file is not a switch');

      ds.deleteFile(SAM);
      assert.equal(events[2].all, false);
      ds.deleteFile(ALEX);
      assert.equal(events[3].all, true, 'the last person file');
      assert.deepEqual(paths(events[3]), [A1, ALEX, OKR].sort(), 'everything left, and the file that went (its diagnostics must go)');
      assert.deepEqual(rowsOf(ds, [A1]).filter((r) => r.code === 'unknown-person'), []);
    });

    it('editing a person file in place (same id) is not a switch', () => {
      const ds = makeDataset({ [ALEX]: personFile(), [SAM]: personFile(), [A1]: note('alex', '2026-11-20') });
      const events = listen(ds);
      ds.setFile(ALEX, personFile('cadence: weekly'));
      assert.equal(events.length, 1);
      assert.equal(events[0].all, false);
      assert.ok(events[0].paths.has(ALEX));
      assert.ok(events[0].paths.has(A1));
      assert.equal(events[0].all, false);
    });

    it('editing the only person file names it and the files that refer to it', () => {
      // Editing the only person file neither adds nor removes a person file: not `all`.
      const ds = makeDataset({ [ALEX]: personFile(), [A1]: note('alex', '2026-11-20'), [S1]: note('sam', '2026-11-20') });
      const events = listen(ds);
      ds.setFile(ALEX, personFile('cadence: weekly'));
      assert.equal(events.length, 1);
      assert.ok(events[0].paths.has(ALEX));
      assert.ok(events[0].paths.has(A1));
    });

    it('deleting or ignoring an unknown file sends nothing; settings and a new today send all', () => {
      const ds = makeDataset({ [A1]: note('alex', '2026-11-20') });
      const events = listen(ds);
      ds.deleteFile('1on1s/nobody.md');
      assert.equal(ds.setFile('README.md', '# hello'), undefined);
      assert.equal(events.length, 0);
      ds.setToday(TODAY);
      assert.equal(events.length, 0, 'the same today');
      ds.setToday('2026-11-23');
      ds.setSettings(settingsWith({ rules: { 'no-action-items': 'off' } }));
      assert.deepEqual(
        events.map((e) => [e.all, paths(e)]),
        [
          [true, [A1]],
          [true, [A1]],
        ],
      );
    });
  });

  describe('what an edit re-judges (the editor republishes only the paths an event names)', () => {
    // Four people; alex's notes name sam and carol as owners; carol's note names
    // alex; an OKR set is owned by alex; pat is named nowhere.
    const CAROL = 'people/carol.md';
    const PAT = 'people/pat.md';
    const A2 = '1on1s/alex/2026-11-13.md';
    const C1 = '1on1s/carol/2026-11-19.md';
    const REVIEW = 'okr-reviews/q-mid.md';
    const files = (): Record<string, string> => ({
      [ALEX]: personFile('cadence: weekly'),
      [SAM]: personFile(),
      [CAROL]: personFile(),
      [PAT]: personFile(),
      [A1]: note('alex', '2026-11-20', '- [ ] Draft the plan @sam due:2026-12-01', '- [ ] Review it @carol due:2026-12-02'),
      [A2]: note('alex', '2026-11-13', '- [x] Book the room @alex due:2026-11-14'),
      [S1]: note('sam', '2026-11-20', '- [ ] Pair on the fix @sam due:2026-12-01'),
      [C1]: note('carol', '2026-11-19', '- [ ] Ask @alex about it due:2026-12-03'),
      [OKR]: okr('  - id: O1', '    title: T', '    owner: alex', '    key_results:', '      - title: K', '        owner: alex', '        due: 2026-12-31', '        target: 3'),
      [REVIEW]: lines('---', 'type: okr-review', 'date: 2026-11-15', '---', '- [ ] Follow up @carol due:2026-12-05'),
    });

    it('a keystroke in a note names that note and its report’s person file, nothing else', () => {
      const ds = makeDataset(files());
      const events = listen(ds);
      ds.setFile(A1, files()[A1].replace('Draft the plan', 'Draft the plans'));
      assert.deepEqual(events.map(paths), [[A1, ALEX].sort()]);
      assert.equal(events[0].all, false);
    });

    it('retyping an owner still names only the note and its report’s file (owners’ files judge nothing of it)', () => {
      const ds = makeDataset(files());
      const events = listen(ds);
      ds.setFile(A1, files()[A1].replace('@sam', '@pat'));
      ds.setFile(A1, files()[A1].replace('@sam', '@nobody'));
      assert.deepEqual(events.map(paths), [[A1, ALEX].sort(), [A1, ALEX].sort()]);
    });

    it('a keystroke in a person file names it and exactly the files that name that person', () => {
      const ds = makeDataset(files());
      const events = listen(ds);
      ds.setFile(CAROL, personFile('name: Carol'));
      // Carol is a report (C1), an owner in A1 and in the review.
      assert.deepEqual(events.map(paths), [[CAROL, C1, A1, REVIEW].sort()]);
      ds.setFile(PAT, personFile('name: Pat'));
      assert.deepEqual(paths(events[1]), [PAT], 'nobody names pat');
    });

    it('a person file whose id changes names the files of the old id and of the new one', () => {
      const ds = makeDataset(files());
      const events = listen(ds);
      ds.setFile(PAT, personFile('id: sam'));
      // pat's key is gone (nobody named it); sam now has two files: both, and everything naming sam.
      assert.deepEqual(paths(events[0]), [PAT, SAM, S1, A1].sort());
    });

    it('republishing only the named paths, after any sequence of edits, equals judging everything afresh', () => {
      const current = files();
      const ds = makeDataset(current);
      const published = new Map(ds.paths().map((p) => [p, ds.diagnostics(p)]));
      let republished = 0;
      ds.onDidChange((e) => {
        for (const p of e.paths) {
          republished++;
          if (ds.has(p)) published.set(p, ds.diagnostics(p));
          else published.delete(p);
        }
      });
      const edits: [string, string | undefined][] = [
        [A1, current[A1].replace('Draft the plan', 'Draft the plan, then')],
        [A1, current[A1].replace('@sam', '@pat')],
        [C1, current[C1].replace('report: carol', 'report: pat')],
        [CAROL, undefined],
        [PAT, personFile('id: sam')],
        [S1, current[S1].replace('2026-11-20', '2026-10-01')],
        [OKR, current[OKR].replace(/owner: alex/g, 'owner: carol')],
        [CAROL, personFile('cadence: 7')],
        [ALEX, personFile('id: al')],
        [SAM, undefined],
        [A2, current[A2].replace('@alex', '@al')],
        [REVIEW, current[REVIEW].replace('@carol', '@me')],
      ];
      for (const [path, text] of edits) {
        if (text === undefined) {
          ds.deleteFile(path);
          delete current[path];
        } else {
          ds.setFile(path, text);
          current[path] = text;
        }
        const fresh = makeDataset(current);
        for (const p of fresh.paths()) assert.deepEqual(published.get(p), fresh.diagnostics(p), `${p} after editing ${path}`);
        // Asked again, unnamed files answer from memory: it must still be right.
        for (const p of fresh.paths()) assert.deepEqual(ds.diagnostics(p), fresh.diagnostics(p), `${p} remembered after editing ${path}`);
        assert.deepEqual([...published.keys()].sort(), fresh.paths());
      }
      assert.ok(republished < edits.length * ds.size / 2, `re-judged ${republished} files for ${edits.length} edits of a ${ds.size}-file workspace`);
    });
  });

  describe('restored documents (the persistent index)', () => {
    it('are indexed from their summary and loaded only when read', () => {
      const texts = { [ALEX]: personFile(), [A1]: note('alex', '2026-11-20', '- [ ] x @sam due:2026-12-01'), [OKR]: okr('  - id: O1', '    title: T', '    owner: sam') };
      const cold = makeDataset(texts);
      const loads: string[] = [];
      const warm = new Dataset({ today: TODAY });
      const events = listen(warm);
      warm.batch(() => {
        for (const p of [ALEX, A1, OKR]) {
          const doc = cold.doc(p)!;
          warm.restore(p, summarize(doc), { load: () => (loads.push(p), doc) });
        }
      });
      assert.deepEqual(loads, [], 'nothing until something reads it, person files included');
      assert.deepEqual(events.map(paths), [[ALEX, A1, OKR].sort()]);
      assert.equal(warm.query.lastOneOnOne('alex'), '2026-11-20', 'from the summary');
      assert.deepEqual(warm.summary(A1), summarize(cold.doc(A1)!));
      assert.ok(warm.unloaded(A1) && warm.unloaded(OKR) && warm.unloaded(ALEX));
      assert.deepEqual(loads, []);
      assert.deepEqual(warm.okrSets().map((d) => d.path), [OKR]);
      assert.deepEqual(loads, [OKR], 'okrSets() loads OKR sets only');
      assert.deepEqual(rowsOf(warm), rowsOf(cold));
      assert.deepEqual([...loads].sort(), [ALEX, OKR, A1].sort(), 'each at most once');
      assert.equal(warm.unloaded(A1), undefined);
    });

    it('an edit replaces a restored document without loading it', () => {
      const texts = { [ALEX]: personFile(), [A1]: note('alex', '2026-11-20', '- [ ] x @sam due:2026-12-01') };
      const cold = makeDataset(texts);
      const warm = new Dataset({ today: TODAY });
      let loaded = 0;
      for (const p of [ALEX, A1]) warm.restore(p, summarize(cold.doc(p)!), { load: () => (loaded++, cold.doc(p)!) });
      const events = listen(warm);
      warm.setFile(A1, note('sam', '2026-11-21'));
      assert.equal(loaded, 0, 'nothing loaded');
      assert.deepEqual(paths(events[0]), [A1, ALEX].sort(), 'alex lost a 1:1 (from the old summary), sam has no file');
      assert.equal(warm.query.lastOneOnOne('alex'), undefined);
      assert.equal(warm.query.lastOneOnOne('sam'), '2026-11-21');
    });
  });

  describe('diagnostics(path, false): read once, not kept (the command line\'s report)', () => {
    it('gives what diagnostics(path) gives, keeps nothing, and returns what is kept already', () => {
      const texts = { [ALEX]: personFile(), [A1]: note('alex', '2026-11-20', '- [ ] x @sam', '- [ ] y due:2026-01-01') };
      const ds = makeDataset(texts);
      const once = ds.diagnostics(A1, false);
      assert.ok(once.length >= 2);
      assert.deepEqual(ds.diagnostics(A1, false), once);
      assert.notEqual(ds.diagnostics(A1, false), once, 'judged again: nothing was kept');
      const kept = ds.diagnostics(A1);
      assert.deepEqual(kept, once);
      assert.equal(ds.diagnostics(A1), kept, 'kept');
      assert.equal(ds.diagnostics(A1, false), kept, 'what is kept is given');
      assert.deepEqual(ds.diagnostics('nothing/here.md', false), []);
    });

    it('leaves diagnostics made elsewhere in place (asked again, the same), as diagnostics(path) uses them up', () => {
      const ds = makeDataset({ [ALEX]: personFile(), [A1]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01') });
      const made = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'info' as const, code: 'made-elsewhere', message: 'm' }];
      ds.presetDiagnostics(A1, made);
      assert.equal(ds.diagnostics(A1, false), made);
      assert.equal(ds.diagnostics(A1, false), made, 'still there');
      assert.equal(ds.diagnostics(A1), made);
      ds.setFile(A1, note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01'));
      assert.ok(!ds.diagnostics(A1, false).some((d) => d.code === 'made-elsewhere'), 'a change judges the file here');
    });
  });

  describe('setParsed (a document parsed by another dataset)', () => {
    it('gives every file the same diagnostics, summary and figures as setFile, and the document itself is held, not parsed again', () => {
      for (const root of [join(__dirname, '..', '..', 'samples', 'team'), join(__dirname, '..', 'fixtures', 'examples', 'rooms'), join(__dirname, '..', 'fixtures', 'examples', 'realworld')]) {
        const texts: Record<string, string> = {};
        for (const p of walk(root, [], [])) texts[p] = readFileSync(join(root, p), 'utf8');
        const reference = makeDataset(texts);
        const other = new Dataset({ today: TODAY, settings: settingsWith() });
        const ds = new Dataset({ today: TODAY, settings: settingsWith() });
        const parsedThere = new Map<string, ReturnType<Dataset['setFile']>>();
        ds.batch(() => {
          for (const [p, t] of Object.entries(texts)) {
            const doc = other.setFile(p, t);
            if (doc) {
              ds.setParsed(p, t, doc);
              parsedThere.set(p, doc);
            }
          }
        });
        assert.equal(parsedThere.size, reference.size);
        assert.deepEqual(ds.paths(), reference.paths());
        for (const p of reference.paths()) {
          assert.deepEqual(ds.diagnostics(p), reference.diagnostics(p), p);
          assert.deepEqual(ds.summary(p), reference.summary(p), p);
          assert.equal(ds.doc(p), parsedThere.get(p), p);
        }
        assert.equal(ds.overdueCount(), reference.overdueCount());
      }
    });
  });

  describe('counted from the summaries', () => {
    it('overdueCount() equals counting the documents’ open items due before today, on any day, restored or parsed', () => {
      const root = join(__dirname, '..', '..', 'samples', 'team');
      const texts: Record<string, string> = {};
      for (const p of walk(root, [], [])) texts[p] = readFileSync(join(root, p), 'utf8');
      for (const today of ['2026-01-01', '2026-11-22', '2027-06-01']) {
        const ds = makeDataset(texts, { today });
        let n = 0;
        for (const d of ds.docs()) if (d.kind === '1on1' || d.kind === 'okr-review') for (const i of d.items) if (i.status === 'open' && i.due?.value && i.due.value < today) n++;
        assert.equal(ds.overdueCount(), n, today);
        const warm = new Dataset({ today });
        warm.restoreAll(ds.paths().map((p) => ({ path: p, summary: ds.summary(p)!, doc: { load: () => assert.fail('no document is needed') } })), false);
        assert.equal(warm.overdueCount(), n, `${today}, restored`);
      }
    });
  });

  describe('restoreAll()', () => {
    it('refuses a path given twice, and leaves the dataset empty (no half-restored people)', () => {
      const ds = makeDataset({ [ALEX]: personFile(), [A1]: note('alex', '2026-11-20') });
      const files = ds.paths().map((p) => ({ path: p, summary: ds.summary(p)!, doc: { load: () => ds.doc(p)! } }));
      const warm = new Dataset({ today: TODAY });
      const events = listen(warm);
      assert.throws(() => warm.restoreAll([...files, files[0]], false), /twice/);
      assert.equal(warm.size, 0);
      assert.deepEqual(warm.people(), []);
      assert.equal(events.length, 0, 'nothing was announced');
      warm.restoreAll(files, false);
      assert.deepEqual(warm.paths(), ds.paths());
      assert.deepEqual(warm.people().map((p) => p.path), [ALEX]);
    });
  });

  describe('batch()', () => {
    it('coalesces every change into one event with the union of the paths', () => {
      const ds = makeDataset({ [ALEX]: personFile() });
      const events = listen(ds);
      const result = ds.batch(() => {
        ds.setFile(A1, note('alex', '2026-11-20'));
        ds.setFile(S1, note('sam', '2026-11-20'));
        ds.batch(() => ds.setFile('1on1s/alex/2026-11-13.md', note('alex', '2026-11-13')));
        assert.equal(events.length, 0, 'nothing is sent inside the batch, nested or not');
        return 42;
      });
      assert.equal(result, 42);
      assert.equal(events.length, 1);
      for (const p of [A1, S1, '1on1s/alex/2026-11-13.md', ALEX]) assert.ok(events[0].paths.has(p), p);
    });

    it('carries all when any change inside needed it', () => {
      const ds = makeDataset({ [A1]: note('alex', '2026-11-20'), [S1]: note('sam', '2026-11-20') });
      const events = listen(ds);
      ds.batch(() => {
        ds.setFile('1on1s/x/2026-11-01.md', note('x', '2026-11-01'));
        ds.setFile(ALEX, personFile());
      });
      assert.equal(events.length, 1);
      assert.equal(events[0].all, true);
      assert.deepEqual(paths(events[0]), ['1on1s/alex/2026-11-20.md', '1on1s/sam/2026-11-20.md', '1on1s/x/2026-11-01.md', ALEX].sort());
    });

    it('sends nothing when nothing changed, and still sends after a throw', () => {
      const ds = makeDataset({});
      const events = listen(ds);
      ds.batch(() => ds.deleteFile('nope.md'));
      assert.equal(events.length, 0);
      assert.throws(() =>
        ds.batch(() => {
          ds.setFile(A1, note('alex', '2026-11-20'));
          throw new Error('boom');
        }),
      );
      assert.equal(events.length, 1);
      ds.setFile(S1, note('sam', '2026-11-20'));
      assert.equal(events.length, 2, 'the batch is closed after the throw');
    });
  });

  describe('hold()', () => {
    it('holds change events across awaits and sends one for everything at the release, once', async () => {
      const ds = makeDataset({ [ALEX]: personFile() });
      const events = listen(ds);
      const release = ds.hold();
      ds.setFile(A1, note('alex', '2026-11-20'));
      await new Promise((r) => setTimeout(r, 0));
      ds.batch(() => ds.setFile(S1, note('sam', '2026-11-20')));
      await Promise.resolve();
      ds.deleteFile('nope.md');
      assert.equal(events.length, 0, 'nothing is sent while held, batches inside included');
      release();
      assert.equal(events.length, 1);
      for (const p of [A1, S1, ALEX]) assert.ok(events[0].paths.has(p), p);
      release();
      assert.equal(events.length, 1, 'a second release sends nothing');
      ds.setFile(S1, note('sam', '2026-11-21'));
      assert.equal(events.length, 2, 'changes after the release are sent at once');
    });

    it('sends nothing at the release when nothing changed', () => {
      const ds = makeDataset({ [ALEX]: personFile() });
      const events = listen(ds);
      ds.hold()();
      assert.equal(events.length, 0);
    });

    it('judges every file as if it had been added on its own: the sample team in chunks, any order', () => {
      const root = join(__dirname, '..', '..', 'samples', 'team');
      const texts: Record<string, string> = {};
      for (const p of walk(root, [], [])) texts[p] = readFileSync(join(root, p), 'utf8');
      const one = makeDataset(texts);
      for (const order of [Object.keys(texts), Object.keys(texts).reverse()]) {
        const held = new Dataset({ today: TODAY });
        const events = listen(held);
        rowsOf(held); // judged before: every change must name the files it moves
        const release = held.hold();
        for (let i = 0; i < order.length; i += 7) held.batch(() => order.slice(i, i + 7).forEach((p) => held.setFile(p, texts[p])));
        release();
        assert.equal(events.length, 1);
        assert.deepEqual(paths(events[0]), [...held.paths()].sort(), 'the one event names every Cadence file');
        assert.equal(held.size, one.size);
        assert.deepEqual(rowsOf(held), rowsOf(one));
      }
    });
  });

  describe('last 1:1', () => {
    it('follows notes being added, edited and deleted', () => {
      const ds = makeDataset({ [ALEX]: personFile('cadence: 14', 'since: 2026-01-01') });
      const last = () => ds.query.lastOneOnOne('alex');
      assert.equal(last(), undefined);
      ds.setFile('1on1s/alex/a.md', note('alex', '2026-11-01'));
      assert.equal(last(), '2026-11-01');
      ds.setFile('1on1s/alex/b.md', note('Alex', '2026-11-15'));
      assert.equal(last(), '2026-11-15');
      ds.setFile('1on1s/alex/a.md', note('alex', '2026-11-18'));
      assert.equal(last(), '2026-11-18');
      ds.setFile('1on1s/alex/a.md', note('sam', '2026-11-18'));
      assert.equal(last(), '2026-11-15', 'the note is about someone else now');
      assert.equal(ds.query.lastOneOnOne('sam'), '2026-11-18');
      ds.deleteFile('1on1s/alex/b.md');
      assert.equal(last(), undefined);
      assert.deepEqual(rowsOf(ds, [ALEX]).map((r) => r.code), ['cadence-lapsed']);
    });

    it('notesOf lists a person’s notes oldest first', () => {
      const ds = makeDataset({ '1on1s/alex/z.md': note('alex', '2026-11-01'), '1on1s/alex/a.md': note('alex', '2026-11-15'), '1on1s/alex/2026-10-01.md': lines('---', 'type: 1on1', 'report: alex', '---') });
      assert.deepEqual(
        ds.query.notesOf('alex').map((n) => n.path),
        ['1on1s/alex/2026-10-01.md', '1on1s/alex/z.md', '1on1s/alex/a.md'],
      );
    });
  });

  describe('duplicate-id in path order, whatever the arrival order', () => {
    const files: [string, string][] = [
      ['people/b.md', personFile('id: pat')],
      ['people/a.md', personFile('id: Pat')],
      ['people/c.md', personFile('id: PAT')],
    ];
    const permutations = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x) => permutations(xs.filter((y) => y !== x)).map((p) => [x, ...p])));

    for (const order of permutations([0, 1, 2])) {
      it(`arrival order ${order.map((i) => files[i][0]).join(', ')}`, () => {
        const ds = new Dataset({ today: TODAY });
        for (const i of order) ds.setFile(files[i][0], files[i][1]);
        assert.deepEqual(rowsOf(ds), [row('people/b.md', 3, 'error', 'duplicate-id'), row('people/c.md', 3, 'error', 'duplicate-id')]);
      });
    }

    it('adding an earlier file names the later ones, whose diagnostics change', () => {
      const ds = makeDataset({ 'people/b.md': personFile('id: pat') });
      const events = listen(ds);
      ds.setFile('people/a.md', personFile('id: pat'));
      assert.ok(events[0].paths.has('people/b.md'));
      assert.deepEqual(rowsOf(ds), [row('people/b.md', 3, 'error', 'duplicate-id')]);
      ds.setFile('people/a.md', personFile('id: someone-else'));
      assert.deepEqual(rowsOf(ds), []);
    });
  });

  describe('a file that changes kind is re-indexed', () => {
    it('person → 1:1 → not Cadence’s', () => {
      const X = 'notes/x.md';
      const ds = makeDataset({ [SAM]: personFile(), [A1]: note('sam', '2026-11-20', '- [ ] x @pat due:2026-12-01') });
      ds.setFile(X, personFile('id: pat'));
      assert.equal(ds.doc(X)?.kind, 'person');
      // people() is in path order: notes/x.md < people/sam.md.
      assert.deepEqual(ds.people().map((p) => p.id), ['pat', 'sam']);
      assert.deepEqual(rowsOf(ds, [A1]).filter((r) => r.code === 'unknown-person'), []);

      const events = listen(ds);
      ds.setFile(X, lines('---', 'type: 1on1', 'report: sam', 'date: 2026-11-21', '---', '- [ ] y @sam due:2026-12-01'));
      assert.equal(ds.doc(X)?.kind, '1on1');
      assert.deepEqual(ds.query.peopleWithKey('pat'), []);
      assert.equal(ds.query.lastOneOnOne('sam'), '2026-11-21');
      assert.ok(events[0].paths.has(A1), 'the note that names @pat is named');
      assert.ok(events[0].paths.has(SAM), 'sam has a new last 1:1');
      assert.deepEqual(rowsOf(ds, [A1]).filter((r) => r.code === 'unknown-person'), [row(A1, 7, 'info', 'unknown-person')]);

      ds.setFile(X, lines('---', 'type: note', '---', 'Just notes.'));
      assert.equal(ds.has(X), false);
      assert.equal(ds.query.lastOneOnOne('sam'), '2026-11-20');
      assert.ok(events[1].paths.has(X));
      assert.ok(events[1].paths.has(SAM));
    });

    it('a person file’s id edited: references follow the new id', () => {
      const ds = makeDataset({ [ALEX]: personFile(), [A1]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01') });
      assert.deepEqual(rowsOf(ds).filter((r) => r.code === 'unknown-person'), []);
      ds.setFile(ALEX, personFile('id: alexk'));
      assert.deepEqual(rowsOf(ds).filter((r) => r.code === 'unknown-person'), [row(A1, 3, 'info', 'unknown-person'), row(A1, 7, 'info', 'unknown-person')]);
    });
  });

  describe('settings and today', () => {
    it('a settings change re-judges every file (severity, off, default cadence)', () => {
      const ds = makeDataset({ [ALEX]: personFile('since: 2026-10-20'), [A1]: lines('---', 'type: 1on1', 'report: sam', 'date: 2026-10-01', '---') });
      // alex: no cadence, since 2026-10-20 → 33 days; default 14 → lapsed; default 30 → not (45).
      assert.deepEqual(rowsOf(ds), [row(A1, 1, 'info', 'no-action-items'), row(A1, 3, 'info', 'unknown-person'), row(ALEX, 1, 'warning', 'cadence-lapsed')]);
      ds.setSettings(settingsWith({ defaultCadenceDays: 30, rules: { 'no-action-items': 'off', 'unknown-person': 'error' } }));
      assert.deepEqual(rowsOf(ds), [row(A1, 3, 'error', 'unknown-person')]);
      ds.setSettings(settingsWith());
      assert.deepEqual(rowsOf(ds).length, 3);
    });

    it('a new today re-judges date rules', () => {
      const ds = makeDataset({ [A1]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-11-22') });
      assert.deepEqual(rowsOf(ds), []);
      ds.setToday('2026-11-23');
      assert.deepEqual(rowsOf(ds), [row(A1, 7, 'warning', 'action-overdue')]);
    });

    it('context() is what the rules see: today, the settings and the cross-file queries, as they are now', () => {
      const ds = makeDataset({ [ALEX]: personFile(), [A1]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-11-22') });
      const before = ds.context();
      assert.equal(before.today, TODAY);
      assert.equal(before.settings, ds.settings);
      assert.equal(before.data, ds.query);
      assert.equal(before.data.lastOneOnOne('alex'), '2026-11-20');
      const settings = settingsWith({ defaultCadenceDays: 30 });
      ds.setToday('2026-11-23');
      ds.setSettings(settings);
      const after = ds.context();
      assert.equal(after.today, '2026-11-23');
      assert.equal(after.settings, settings);
      // A context taken earlier keeps what it was given; the queries are live.
      assert.equal(before.today, TODAY);
      ds.setFile(A1, note('alex', '2026-11-21', '- [ ] x @alex due:2026-11-22'));
      assert.equal(before.data.lastOneOnOne('alex'), '2026-11-21');
    });
  });

  describe('dispose()', () => {
    it('drops every listener and every file: later changes reach nobody, and nothing of the old files is held', () => {
      const ds = makeDataset({ [ALEX]: personFile(), [A1]: note('alex', '2026-11-20', '- [ ] x @alex due:2026-12-01') });
      const events = listen(ds);
      ds.dispose();
      assert.equal(ds.size, 0);
      assert.deepEqual(ds.query.people(), []);
      assert.equal(ds.query.lastOneOnOne('alex'), undefined);
      ds.setFile(SAM, personFile());
      ds.batch(() => ds.setFile(S1, note('sam', '2026-11-20', '- [ ] x @sam due:2026-12-01')));
      assert.deepEqual(events, []);
    });
  });

  describe('paths and reading', () => {
    it('paths() are in code-point order', () => {
      const ds = makeDataset({ 'people/a.md': personFile(), 'people/Z.md': personFile(), 'people/a-b.md': personFile(), 'people/ä.md': personFile() });
      assert.deepEqual(ds.paths(), ['people/Z.md', 'people/a-b.md', 'people/a.md', 'people/ä.md']);
    });

    it('CRLF and BOM text is read exactly as LF', () => {
      const text = note('alex', '2026-11-20', '- [ ] x due:2026-11-01');
      const lf = makeDataset({ [A1]: text }).diagnostics(A1);
      const crlf = makeDataset({ [A1]: '\uFEFF' + text.replace(/\n/g, '\r\n') }).diagnostics(A1);
      assert.deepEqual(crlf, lf);
      assert.equal(lf.length, 2);
    });

    it('action items: owner is the first @id that is not in an e-mail address; a nested item is not in its parent’s text', () => {
      const ds = makeDataset({
        [A1]: note('alex', '2026-11-20', '- [ ] Mail bob@corp.io the plan @sam and @alex due:2026-12-01 done:2026-11-21', '  - [x] Child @alex', '1) [-] Ordered [owner:: carol] [due:: 2026-12-02]'),
      });
      const doc = ds.doc(A1);
      assert.ok(doc && doc.kind === '1on1');
      assert.deepEqual(
        doc.items.map((i) => [i.line + 1, i.status, i.owner?.id, i.due?.value, i.done?.value, i.text, i.spelling]),
        [
          [7, 'open', 'sam', '2026-12-01', '2026-11-21', 'Mail bob@corp.io the plan and @alex', 'cadence'],
          [8, 'done', 'alex', undefined, undefined, 'Child', 'cadence'],
          [9, 'cancelled', 'carol', '2026-12-02', undefined, 'Ordered', 'dataview'],
        ],
      );
    });

    it('a file that is not Cadence’s replaces an earlier entry for its path', () => {
      const ds = makeDataset({ [A1]: note('alex', '2026-11-20') });
      assert.equal(ds.setFile(A1, lines('---', 'type: draft', '---')), undefined);
      assert.equal(ds.has(A1), false);
      assert.equal(ds.size, 0);
    });
  });
});
