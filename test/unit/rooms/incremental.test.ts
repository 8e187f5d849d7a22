// The leak index kept up to date one file at a time: each change names
// every shared file whose passages moved (and, for a private edit, only the
// shared files that may repeat it), and the result always equals a
// from-scratch judgement of the same files.
import assert from 'node:assert/strict';
import { createRng as rng } from '../../../bench/generate';
import { findLeaks, LeakIndex, type LeakPassage, type RoomsFile } from '../../../src/core/rooms/index';

const TODAY = '2026-11-30';

function md(path: string, room: RoomsFile['room'], body: string[], date?: string): RoomsFile {
  return { path, text: ['---', 'type: x', '---', ...body, ''].join('\n'), format: 'markdown', room, date };
}

function show(ps: readonly LeakPassage[]): string {
  return JSON.stringify(ps);
}

describe('rooms: the leak index, incrementally', () => {
  const secret = 'Alex is interviewing with another company and may leave soon';

  it('a private edit names only the shared files that repeat it', () => {
    const ix = new LeakIndex();
    const set = (f: RoomsFile) => ix.set(f.path, f, new Set());
    set(md('okr-reviews/a.md', 'shared', [secret], '2026-11-28'));
    set(md('okr-reviews/b.md', 'shared', ['Nothing of the kind is written in this review at all'], '2026-11-28'));
    assert.deepEqual([...set(md('people/alex.md', 'private', ['Unrelated words that nobody shared with anyone at all']))], []);
    assert.deepEqual([...set(md('people/alex.md', 'private', [secret]))], ['okr-reviews/a.md']);
    assert.equal(ix.passages('okr-reviews/a.md', TODAY).length, 1);
    // Moving the text to another line changes the message: the shared file is named again.
    assert.deepEqual([...set(md('people/alex.md', 'private', ['', secret]))], ['okr-reviews/a.md']);
    assert.deepEqual([...set(md('people/alex.md', 'private', ['Unrelated']))], ['okr-reviews/a.md']);
    assert.equal(ix.passages('okr-reviews/a.md', TODAY).length, 0);
  });

  it('a shared edit names only that file', () => {
    const ix = new LeakIndex();
    const set = (f: RoomsFile) => ix.set(f.path, f, new Set());
    set(md('people/alex.md', 'private', [secret]));
    set(md('okr-reviews/b.md', 'shared', [secret], '2026-11-28'));
    assert.deepEqual([...set(md('okr-reviews/a.md', 'shared', [secret], '2026-11-28'))], ['okr-reviews/a.md']);
  });

  it('boilerplate that stays boilerplate names nobody; crossing three files names the holders', () => {
    const ix = new LeakIndex();
    const set = (f: RoomsFile) => ix.set(f.path, f, new Set());
    const q = 'Is there anything the manager needs to do to help?';
    set(md('okr-reviews/a.md', 'shared', [q], '2026-11-28'));
    for (const p of ['people/a.md', 'people/b.md', 'people/c.md']) set(md(p, 'private', [q]));
    assert.deepEqual([...set(md('people/d.md', 'private', [q]))], []);
    assert.deepEqual([...set(md('people/d.md', 'private', ['x']))], []);
    assert.deepEqual([...set(md('people/c.md', 'private', ['x']))], ['okr-reviews/a.md']);
    // The table lost track of which two files hold it (c was one it knew): found again by a scan.
    assert.deepEqual(ix.passages('okr-reviews/a.md', TODAY).map((p) => p.source.path), ['people/a.md']);
  });

  it('a title change names the shared files it may change', () => {
    const ix = new LeakIndex();
    const set = (f: RoomsFile) => ix.set(f.path, f, new Set());
    const line = 'O1 Finish the database migration is at 0.75 with confidence 0.6';
    set(md('1on1s/a/2026-11-01.md', 'private', [line], '2026-11-01'));
    set(md('okr-reviews/a.md', 'shared', [line], '2026-11-28'));
    assert.equal(ix.passages('okr-reviews/a.md', TODAY).length, 1);
    assert.deepEqual([...ix.setTitles('okrs/q4.okr.yaml', ['Finish the database migration'], new Set())], ['okr-reviews/a.md']);
    assert.equal(ix.passages('okr-reviews/a.md', TODAY).length, 0);
    assert.deepEqual([...ix.setTitles('okrs/q4.okr.yaml', ['Finish the database migration'], new Set())], []);
    assert.deepEqual([...ix.setTitles('okrs/q4.okr.yaml', [], new Set())], ['okr-reviews/a.md']);
    assert.equal(ix.passages('okr-reviews/a.md', TODAY).length, 1);
  });

  it('random edits: every shared file left unnamed keeps its passages, and all equal a fresh judgement', () => {
    // A tiny vocabulary, so that windows repeat across files, cross the
    // boilerplate threshold and back, and lose and regain their holders.
    const words = ['a', 'b', 'c', 'd'];
    const paths = [
      ['people/p1.md', 'private'],
      ['people/p2.md', 'private'],
      ['1on1s/x/2026-11-10.md', 'private'],
      ['1on1s/x/2026-11-25.md', 'private'],
      ['1on1s/y/2026-11-12.md', 'shared'],
      ['okr-reviews/r1.md', 'shared'],
      ['okr-reviews/r2.md', 'shared'],
      ['docs/d.md', 'shared'],
    ] as const;
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
      const text = (): string[] => {
        const out: string[] = [];
        for (let l = 0, n = 1 + Math.floor(r() * 4); l < n; l++) {
          const roll = r();
          if (roll < 0.08) out.push('## heading');
          else if (roll < 0.14) out.push('<!-- private -->');
          else if (roll < 0.18) out.push('<!-- /private -->');
          else out.push(Array.from({ length: 4 + Math.floor(r() * 10) }, () => pick(words)).join(' '));
        }
        return out;
      };
      const ix = new LeakIndex();
      const current = new Map<string, RoomsFile>();
      const before = new Map<string, string>();
      for (let step = 0; step < 80; step++) {
        const [path, room] = pick(paths);
        const date = /(\d{4}-\d{2}-\d{2})/.exec(path)?.[1] ?? (path.startsWith('okr-reviews/r1') ? '2026-11-20' : undefined);
        const file = r() < 0.1 ? undefined : md(path, room, text(), date);
        if (file) current.set(path, file);
        else current.delete(path);
        const named = ix.set(path, file, new Set());
        const fresh = findLeaks([...current.values()], TODAY);
        for (const [p, room2] of paths) {
          if (room2 !== 'shared') continue;
          const now = show(ix.passages(p, TODAY));
          assert.equal(now, show(fresh.get(p) ?? []), `seed ${seed} step ${step}: ${p} differs from a fresh judgement`);
          if (!named.has(p)) assert.equal(now, before.get(p) ?? '[]', `seed ${seed} step ${step}: ${p} changed but was not named`);
          before.set(p, now);
        }
      }
    }
  });
});
