// SPEC §15, clause by clause, on the pure module: texts in, passages out.
import assert from 'node:assert/strict';
import { findLeaks, type RoomsFile } from '../../../src/core/rooms/index';

const TODAY = '2026-11-30';

/** A Markdown file with front matter `fm` (lines) and body `body` (lines). */
function md(path: string, room: RoomsFile['room'], body: string[], opts: { date?: string; fm?: string[]; mayBeLog?: boolean } = {}): RoomsFile {
  const fm = opts.fm ?? ['type: x'];
  return { path, text: ['---', ...fm, '---', ...body, ''].join('\n'), format: 'markdown', room, date: opts.date, mayBeLog: opts.mayBeLog };
}

/** `shared-path:line <- source-path:line`, 1-based, in path then line order. */
function leaks(files: RoomsFile[], today = TODAY): string[] {
  const out: string[] = [];
  for (const [path, ps] of [...findLeaks(files, today)].sort()) {
    for (const p of ps) out.push(`${path}:${p.range.start.line + 1} <- ${p.source.path}:${p.source.line + 1}`);
  }
  return out;
}

const SECRET = 'Alex is interviewing with another company and may leave soon';
const SECRET2 = 'the retention bonus stays between us until the director signs';

describe('rooms: private-leak (SPEC §15)', () => {
  describe('windows of 8 words', () => {
    it('reports 8 consecutive words of private text repeated in a shared file', () => {
      const files = [
        md('1on1s/alex/2026-11-20.md', 'private', ['## Notes', SECRET + '.'], { date: '2026-11-20' }),
        md('okr-reviews/q4.md', 'shared', ['## O1', `Risk: ${SECRET}.`], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(files), ['okr-reviews/q4.md:5 <- 1on1s/alex/2026-11-20.md:5']);
    });

    it('does not report 7 words', () => {
      const files = [
        md('1on1s/alex/2026-11-20.md', 'private', ['one two three four five six seven eight nine'], { date: '2026-11-20' }),
        md('okr-reviews/q4.md', 'shared', ['zero two three four five six seven eight ten'], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(files), []);
    });

    it('reports exactly 8 words, and the range covers them', () => {
      const files = [
        md('people/alex.md', 'private', ['a1 b2 c3 d4 e5 f6 g7 h8']),
        md('docs/update.md', 'shared', ['Before: a1 b2 c3 d4 e5 f6 g7 h8 — after']),
      ];
      const got = findLeaks(files, TODAY).get('docs/update.md')!;
      assert.equal(got.length, 1);
      assert.deepEqual(got[0].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 31 } });
      assert.equal(got[0].words, 8);
    });

    // Columns are kept in 16 bits unless a line reaches 65,536 characters: both sides of that line.
    for (const pad of [0, 65_000, 65_528, 65_536, 200_000]) {
      it(`gives the exact columns after ${pad} characters on the line`, () => {
        const before = 'x'.repeat(Math.max(0, pad - 1)) + (pad ? ' ' : '');
        const files = [
          md('people/alex.md', 'private', ['a1 b2 c3 d4 e5 f6 g7 h8']),
          md('docs/update.md', 'shared', ['First line.', `${before}a1 b2 c3 d4 e5 f6 g7 h8 after`]),
        ];
        const got = findLeaks(files, TODAY).get('docs/update.md')!;
        assert.equal(got.length, 1);
        assert.deepEqual(got[0].range, { start: { line: 4, character: pad }, end: { line: 4, character: pad + 23 } });
      });
    }
  });

  describe('words: NFC, lower case, punctuation and markup only separate', () => {
    it('matches decomposed and upper-case letters to composed lower-case ones', () => {
      const files = [
        md('people/zoe.md', 'private', ['ZOE\u0308 SAID THE ÉQUIPE WILL NOT RENEW HER CONTRACT IN MARCH']),
        md('docs/update.md', 'shared', ['zoë said the équipe will not renew her contract in march']),
      ];
      assert.deepEqual(leaks(files), ['docs/update.md:4 <- people/zoe.md:4']);
    });

    it('reads emphasis, links, punctuation and line breaks as separators', () => {
      const files = [
        md('people/alex.md', 'private', ['She asked to move off the payments team by the end of Q1.']),
        md('docs/update.md', 'shared', ['- Staffing: she asked to *move off* the', '  **payments** team, by the [end](x) of Q1!']),
      ];
      assert.deepEqual(leaks(files), ['docs/update.md:4 <- people/alex.md:4']);
    });

    it('does not read list markers, ordered-list numbers or task boxes as words', () => {
      const files = [
        md('1on1s/a/2026-11-01.md', 'private', ['1. [x] call the lawyer about the severance terms for Sam today'], { date: '2026-11-01' }),
        md('docs/update.md', 'shared', ['- call the lawyer about the severance terms for Sam today']),
      ];
      assert.deepEqual(leaks(files), ['docs/update.md:4 <- 1on1s/a/2026-11-01.md:4']);
    });

    it('keeps digits in words and splits on apostrophes alike on both sides', () => {
      const files = [
        md('people/a.md', 'private', ["Q4's budget cut 30% of the team's 2026 hiring plan quietly"]),
        md('docs/u.md', 'shared', ['q4 s budget cut 30 of the team s 2026 hiring plan']),
      ];
      assert.deepEqual(leaks(files), ['docs/u.md:4 <- people/a.md:4']);
    });
  });

  describe('runs: what ends a run', () => {
    const eight = 'w1 w2 w3 w4 w5 w6 w7 w8';

    it('a heading ends a run in private text', () => {
      const files = [
        md('people/a.md', 'private', ['w1 w2 w3 w4', '## Heading', 'w5 w6 w7 w8']),
        md('docs/u.md', 'shared', [eight]),
      ];
      assert.deepEqual(leaks(files), []);
    });

    it('a heading ends a run in shared text, and is not text itself', () => {
      const files = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['w1 w2 w3 w4', '# w5 w6 w7 w8', 'w5 w6 w7 w8'])];
      assert.deepEqual(leaks(files), []);
      const files2 = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['## w1 w2 w3 w4 w5 w6 w7 w8'])];
      assert.deepEqual(leaks(files2), []);
    });

    it('a setext heading is not text', () => {
      const files = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['', eight, '======='])];
      assert.deepEqual(leaks(files), []);
      const files2 = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['', eight, '-------'])];
      assert.deepEqual(leaks(files2), []);
      // `---` under a list item is a thematic break: the item is text.
      const files3 = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['', `- ${eight}`, '---'])];
      assert.deepEqual(leaks(files3), ['docs/u.md:5 <- people/a.md:4']);
    });

    it('the front matter is not text, and ends a run', () => {
      const files = [
        md('people/a.md', 'private', ['w5 w6 w7 w8'], { fm: ['type: person', 'name: w1 w2 w3 w4'] }),
        md('docs/u.md', 'shared', [eight]),
      ];
      assert.deepEqual(leaks(files), []);
      const files2 = [md('people/a.md', 'private', ['x'], { fm: ['name: w1 w2 w3 w4 w5 w6 w7 w8'] }), md('docs/u.md', 'shared', [eight])];
      assert.deepEqual(leaks(files2), []);
    });

    it('a private block ends a run on both sides', () => {
      const files = [
        md('1on1s/a/2026-11-27.md', 'shared', ['w1 w2 w3 w4', '<!-- private -->', 'secret', '<!-- /private -->', 'w5 w6 w7 w8'], { date: '2026-11-27' }),
        md('people/a.md', 'private', [eight]),
      ];
      assert.deepEqual(leaks(files), []);
    });

    it('a %% text ends a run, inline and over lines', () => {
      const inline = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['w1 w2 w3 w4 %%hidden%% w5 w6 w7 w8'])];
      assert.deepEqual(leaks(inline), []);
      const multi = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['w1 w2 w3 w4 %%', 'hidden', '%% w5 w6 w7 w8'])];
      assert.deepEqual(leaks(multi), []);
      // In private text too.
      const priv = [md('people/a.md', 'private', ['w1 w2 w3 w4 %%x%% w5 w6 w7 w8']), md('docs/u.md', 'shared', [eight])];
      assert.deepEqual(leaks(priv), []);
    });

    it('an HTML comment ends a run, in private and in shared text', () => {
      const shared = [md('people/a.md', 'private', [eight]), md('docs/u.md', 'shared', ['w1 w2 w3 w4 <!-- note --> w5 w6 w7 w8'])];
      assert.deepEqual(leaks(shared), []);
      const priv = [md('people/a.md', 'private', ['w1 w2 w3 w4 <!--', 'x', '--> w5 w6 w7 w8']), md('docs/u.md', 'shared', [eight])];
      assert.deepEqual(leaks(priv), []);
    });

    it('list items, paragraphs and line breaks do not end a run', () => {
      const files = [md('people/a.md', 'private', ['- w1 w2', '- w3 w4', '', 'w5 w6', 'w7 w8']), md('docs/u.md', 'shared', [eight])];
      assert.deepEqual(leaks(files), ['docs/u.md:4 <- people/a.md:4']);
    });
  });

  describe('private text and shared text', () => {
    it('a private block in a shared 1:1 is private text and not shared text', () => {
      const files = [
        md('1on1s/a/2026-11-27.md', 'shared', ['<!-- private -->', SECRET2, '<!-- /private -->'], { date: '2026-11-27' }),
        md('okr-reviews/q4.md', 'shared', [`Budget: ${SECRET2}.`], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(files), ['okr-reviews/q4.md:4 <- 1on1s/a/2026-11-27.md:5']);
    });

    it('an unclosed private block runs to the end of the file', () => {
      const files = [
        md('okr-reviews/a.md', 'shared', ['<!-- private -->', 'text', '', SECRET2], { date: '2026-11-01' }),
        md('okr-reviews/b.md', 'shared', [SECRET2], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(files), ['okr-reviews/b.md:4 <- okr-reviews/a.md:7']);
    });

    it('private block markers inside fenced code are code', () => {
      const files = [
        md('okr-reviews/a.md', 'shared', ['```', '<!-- private -->', SECRET2, '<!-- /private -->', '```'], { date: '2026-11-01' }),
        md('okr-reviews/b.md', 'shared', [SECRET2], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(files), []);
    });

    it('%% text is private text in any file, and an unclosed %% hides to the end', () => {
      const files = [
        md('okrs/notes.md', 'shared', [`Public words here %% ${SECRET2} %%`], { date: '2026-11-01' }),
        md('okr-reviews/b.md', 'shared', [SECRET2], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(files), ['okr-reviews/b.md:4 <- okrs/notes.md:4']);
      const unclosed = [
        md('okr-reviews/a.md', 'shared', ['%% start', '## not a heading here', SECRET2], { date: '2026-11-01' }),
        md('okr-reviews/b.md', 'shared', [SECRET2], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(unclosed), ['okr-reviews/b.md:4 <- okr-reviews/a.md:6']);
    });

    it('an HTML comment is not shared text, but is private text in a private note', () => {
      const hidden = [md('people/a.md', 'private', [SECRET]), md('okr-reviews/b.md', 'shared', [`<!-- ${SECRET} -->`], { date: '2026-11-28' })];
      assert.deepEqual(leaks(hidden), []);
      const priv = [md('people/a.md', 'private', [`<!-- ${SECRET} -->`]), md('okr-reviews/b.md', 'shared', [SECRET], { date: '2026-11-28' })];
      assert.deepEqual(leaks(priv), ['okr-reviews/b.md:4 <- people/a.md:4']);
    });

    it('a file of neither room gives only its private blocks and %% text', () => {
      const files = [
        md('reviews/alex.md', 'none', [SECRET, '%% other words that are hidden from all readers here %%']),
        md('okr-reviews/b.md', 'shared', [SECRET, 'other words that are hidden from all readers here'], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(files), ['okr-reviews/b.md:5 <- reviews/alex.md:5']);
    });

    it('code is text', () => {
      const files = [md('people/a.md', 'private', ['```', '# not a heading: ' + SECRET, '```']), md('docs/u.md', 'shared', [SECRET])];
      assert.deepEqual(leaks(files), ['docs/u.md:4 <- people/a.md:5']);
    });

    it('a file in git conflict has no text', () => {
      const files = [
        md('people/a.md', 'private', ['<<<<<<< HEAD', SECRET, '=======', 'x', '>>>>>>> other']),
        md('docs/u.md', 'shared', [SECRET]),
      ];
      assert.deepEqual(leaks(files), []);
    });

    it('an OKR set: each string value is shared text, its own run; %% in a value is private', () => {
      const yaml = (path: string, text: string): RoomsFile => ({ path, text, format: 'yaml', room: 'shared' });
      const set = yaml('okrs/q4.okr.yaml', ['type: okr', 'objectives:', '  - title: Ship it', `    note: "Risk: ${SECRET}"`, '    other: w1 w2 w3 w4', '    more: w5 w6 w7 w8', ''].join('\n'));
      assert.deepEqual(leaks([md('people/a.md', 'private', [SECRET]), set]), ['okrs/q4.okr.yaml:4 <- people/a.md:4']);
      assert.deepEqual(leaks([md('people/a.md', 'private', ['w1 w2 w3 w4 w5 w6 w7 w8']), set]), []);
      const hidden = yaml('okrs/q4.okr.yaml', `type: okr\nnote: "%% ${SECRET2} %%"\n`);
      assert.deepEqual(leaks([hidden, md('okr-reviews/b.md', 'shared', [SECRET2], { date: '2026-11-28' })]), ['okr-reviews/b.md:4 <- okrs/q4.okr.yaml:2']);
    });
  });

  describe('exceptions', () => {
    it('boilerplate: a window in the private text of 3 or more files is not leaked; in 2 it is', () => {
      const q = 'Is there anything the manager needs to do to help?';
      const two = [
        md('1on1s/a/2026-11-01.md', 'private', [q], { date: '2026-11-01' }),
        md('1on1s/b/2026-11-01.md', 'private', [q], { date: '2026-11-01' }),
        md('okr-reviews/q.md', 'shared', [q], { date: '2026-11-28' }),
      ];
      assert.deepEqual(leaks(two), ['okr-reviews/q.md:4 <- 1on1s/a/2026-11-01.md:4']);
      const three = [...two, md('people/c.md', 'private', [q])];
      assert.deepEqual(leaks(three), []);
    });

    it('boilerplate counts files, not places: twice in one file is one', () => {
      const q = 'Is there anything the manager needs to do to help?';
      const files = [md('people/a.md', 'private', [q, '', q, '', q]), md('okr-reviews/q.md', 'shared', [q], { date: '2026-11-28' })];
      assert.deepEqual(leaks(files), ['okr-reviews/q.md:4 <- people/a.md:4']);
    });

    const titleSet = (titles: string[]): RoomsFile => ({
      path: 'okrs/q4.okr.yaml',
      text: ['type: okr', 'objectives:', ...titles.map((t) => `  - title: ${t}`), ''].join('\n'),
      format: 'yaml',
      room: 'shared',
      titles,
    });

    it('a window inside an objective or key-result title is not leaked', () => {
      const title = 'Cut time to first merged pull request from ten to three days';
      const files = [
        md('1on1s/a/2026-11-01.md', 'private', [`Talked about: ${title}; she is doubtful.`], { date: '2026-11-01' }),
        md('okr-reviews/q.md', 'shared', [`KR1 ${title}.`], { date: '2026-11-28' }),
        titleSet([title]),
      ];
      assert.deepEqual(leaks(files), []);
      // Without the set, the same words are private text that leaked.
      assert.deepEqual(leaks(files.slice(0, 2)), ['okr-reviews/q.md:4 <- 1on1s/a/2026-11-01.md:4']);
    });

    it('a private line holding a full title is not private text', () => {
      const line = '- O1 Finish the database migration: 0.75, confidence 0.6, on track';
      const files = [
        md('1on1s/a/2026-11-01.md', 'private', [line], { date: '2026-11-01' }),
        md('okr-reviews/q.md', 'shared', [line], { date: '2026-11-28' }),
        titleSet(['Finish the database migration']),
      ];
      assert.deepEqual(leaks(files), []);
      // A title that is only part of the line's words does not make it public.
      const other = [...files.slice(0, 2), titleSet(['Finish the database migration to Postgres'])];
      assert.deepEqual(leaks(other), ['okr-reviews/q.md:4 <- 1on1s/a/2026-11-01.md:4']);
    });

    it('text that flowed from the shared file into later private notes is not leaked', () => {
      const item = '- [ ] Draft the on-call rotation proposal for the platform team @alex due:2026-12-04';
      const carried = '- [ ] Draft the on-call rotation proposal for the platform team @alex due:2026-12-04';
      const files = [
        md('okr-reviews/q.md', 'shared', [item], { date: '2026-11-16' }),
        md('1on1s/alex/2026-11-20.md', 'private', [carried], { date: '2026-11-20' }),
      ];
      assert.deepEqual(leaks(files), []);
      // Dated the same day, or before: it came from the private note.
      for (const date of ['2026-11-16', '2026-11-10']) {
        const f = [files[0], md(`1on1s/alex/${date}.md`, 'private', [carried], { date })];
        assert.deepEqual(leaks(f), [`okr-reviews/q.md:4 <- 1on1s/alex/${date}.md:4`]);
      }
    });

    it('a later note counts only when it is the only source: an earlier one still leaks', () => {
      const files = [
        md('okr-reviews/q.md', 'shared', [SECRET], { date: '2026-11-16' }),
        md('1on1s/alex/2026-11-20.md', 'private', [SECRET], { date: '2026-11-20' }),
        md('1on1s/alex/2026-11-01.md', 'private', [SECRET], { date: '2026-11-01' }),
      ];
      assert.deepEqual(leaks(files), ['okr-reviews/q.md:4 <- 1on1s/alex/2026-11-01.md:4']);
    });

    it('person files, private blocks and %% text are always sources, whatever the dates', () => {
      const shared = md('okr-reviews/q.md', 'shared', [SECRET], { date: '2026-11-16' });
      assert.deepEqual(leaks([shared, md('people/alex.md', 'private', [SECRET])]), ['okr-reviews/q.md:4 <- people/alex.md:4']);
      const block = md('1on1s/alex/2026-11-20.md', 'private', ['<!-- private -->', SECRET, '<!-- /private -->'], { date: '2026-11-20' });
      assert.deepEqual(leaks([shared, block]), ['okr-reviews/q.md:4 <- 1on1s/alex/2026-11-20.md:5']);
      const pct = md('1on1s/alex/2026-11-20.md', 'private', [`%% ${SECRET} %%`], { date: '2026-11-20' });
      assert.deepEqual(leaks([shared, pct]), ['okr-reviews/q.md:4 <- 1on1s/alex/2026-11-20.md:4']);
      const sharedLater = md('1on1s/alex/2026-11-20.md', 'shared', ['<!-- private -->', SECRET], { date: '2026-11-20' });
      assert.deepEqual(leaks([shared, sharedLater]), ['okr-reviews/q.md:4 <- 1on1s/alex/2026-11-20.md:5']);
    });

    it('an undated private note is always a source', () => {
      const files = [md('okr-reviews/q.md', 'shared', [SECRET], { date: '2026-11-16' }), md('1on1s/alex/notes.md', 'private', [SECRET])];
      assert.deepEqual(leaks(files), ['okr-reviews/q.md:4 <- 1on1s/alex/notes.md:4']);
    });

    it('a shared file without a date counts as dated today', () => {
      const later = md('1on1s/alex/2026-12-02.md', 'private', [SECRET], { date: '2026-12-02' });
      const earlier = md('1on1s/alex/2026-11-20.md', 'private', [SECRET], { date: '2026-11-20' });
      const set: RoomsFile = { path: 'okrs/q4.okr.yaml', text: `type: okr\nnote: ${SECRET}\n`, format: 'yaml', room: 'shared' };
      const doc = md('docs/update.md', 'shared', [SECRET]);
      const review = md('okr-reviews/undated.md', 'shared', [SECRET]);
      // An agenda prepared ahead (after today) is later than an undated shared file …
      assert.deepEqual(leaks([later, set, doc, review]), []);
      // … a note before today is not.
      assert.deepEqual(leaks([earlier, set, doc, review]), [
        'docs/update.md:4 <- 1on1s/alex/2026-11-20.md:4',
        'okr-reviews/undated.md:4 <- 1on1s/alex/2026-11-20.md:4',
        'okrs/q4.okr.yaml:2 <- 1on1s/alex/2026-11-20.md:4',
      ]);
      // The same agenda, judged on a later day, is no longer later.
      assert.deepEqual(leaks([later, doc], '2026-12-02'), ['docs/update.md:4 <- 1on1s/alex/2026-12-02.md:4']);
    });

    it('a passage of a shared log is dated by its meeting (outside every meeting: today)', () => {
      const note = md('1on1s/sam/2026-11-20.md', 'private', [SECRET], { date: '2026-11-20' });
      const log = (where: 'before' | 'after' | 'outside'): RoomsFile =>
        md(
          '1on1s/alex/log.md',
          'shared',
          ['# Alex — 1:1s', where === 'outside' ? SECRET : 'intro', '## 2026-11-24 (weekly)', where === 'after' ? SECRET : 'x', '### Action items', 'y', '## [[2026-11-10]]', where === 'before' ? SECRET : 'z'],
          { mayBeLog: true },
        );
      assert.deepEqual(leaks([note, log('before')]), []);
      assert.deepEqual(leaks([note, log('after')]), ['1on1s/alex/log.md:7 <- 1on1s/sam/2026-11-20.md:4']);
      assert.deepEqual(leaks([note, log('outside')]), ['1on1s/alex/log.md:5 <- 1on1s/sam/2026-11-20.md:4']);
    });

    it('a private log is dated by its meetings; text outside every meeting is always a source', () => {
      const shared = md('okr-reviews/q.md', 'shared', [SECRET], { date: '2026-11-16' });
      const log = (inMeeting: boolean): RoomsFile =>
        md('1on1s/alex/log.md', 'private', [inMeeting ? 'intro' : SECRET, '## 2026-11-24', inMeeting ? SECRET : 'x', '## 2026-02-30', 'y'], { mayBeLog: true });
      assert.deepEqual(leaks([shared, log(true)]), []);
      assert.deepEqual(leaks([shared, log(false)]), ['okr-reviews/q.md:4 <- 1on1s/alex/log.md:4']);
    });
  });

  describe('passages', () => {
    const a = 'a1 a2 a3 a4 a5 a6 a7 a8';
    const b = 'b1 b2 b3 b4 b5 b6 b7 b8';

    it('overlapping leaked windows make one passage, reported once on its start line', () => {
      const files = [
        md('people/p.md', 'private', ['x1 x2 x3 x4 x5 x6 x7 x8 x9 x10 x11 x12']),
        md('docs/u.md', 'shared', ['intro x1 x2 x3 x4', 'x5 x6 x7 x8 x9', 'x10 x11 x12 outro']),
      ];
      const got = findLeaks(files, TODAY).get('docs/u.md')!;
      assert.equal(got.length, 1);
      assert.equal(got[0].range.start.line, 3);
      assert.equal(got[0].range.end.line, 5);
      assert.equal(got[0].words, 12);
    });

    it('touching leaked windows make one passage; a word between them makes two', () => {
      const sources = [md('people/p.md', 'private', [a]), md('people/q.md', 'private', [b])];
      const touching = findLeaks([...sources, md('docs/u.md', 'shared', [`${a} ${b}`])], TODAY).get('docs/u.md')!;
      assert.equal(touching.length, 1);
      assert.equal(touching[0].words, 16);
      const apart = findLeaks([...sources, md('docs/u.md', 'shared', [a, `gap ${b}`])], TODAY).get('docs/u.md')!;
      assert.deepEqual(apart.map((p) => [p.range.start.line, p.words, p.source.path]), [[3, 8, 'people/p.md'], [4, 8, 'people/q.md']]);
    });

    it('the same passage twice in a shared file is reported twice', () => {
      const files = [md('people/p.md', 'private', [a]), md('docs/u.md', 'shared', [a, '', '## Again', a])];
      assert.deepEqual(leaks(files), ['docs/u.md:4 <- people/p.md:4', 'docs/u.md:7 <- people/p.md:4']);
    });

    it('names the first private file in path order and the line the window starts on', () => {
      const files = [
        md('people/z.md', 'private', ['intro', 'a1 a2 a3', 'a4 a5 a6 a7 a8']),
        md('people/b.md', 'private', ['', '', a]),
        md('docs/u.md', 'shared', [a]),
      ];
      assert.deepEqual(leaks(files), ['docs/u.md:4 <- people/b.md:6']);
    });
  });
});
