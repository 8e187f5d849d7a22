// The file-kind registry (src/core/kinds.ts): the one list of kinds, and
// everything that follows from it — classification (SPEC §2), parsing,
// summaries, the glob settings and the persistent index's numbers. The last
// block builds a registry with two kinds the product does not have yet (a
// review packet found by `type:` only, SPEC §14; a running 1:1 log, a shape
// of the 1:1 note, SPEC §12) to show each is one entry.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_KINDS, hasActionItems, KindRegistry, type KindEntry, type MarkdownKind } from '../../src/core/kinds';
import type { Doc, FileKind, OneOnOneDoc } from '../../src/core/model';
import { classify, parseDoc } from '../../src/core/parse/index';
import { DEFAULT_SETTINGS, GLOB_SETTINGS, resolveSettings, SETTING_KEYS } from '../../src/core/settings';
import { summarize } from '../../src/core/dataset';
import { normalize } from '../../src/core/text';
import { lines, note, personFile, settingsWith } from './helpers';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};

const md = (type: string, body = 'text') => lines('---', `type: ${type}`, '---', body);

describe('file kinds (kinds.ts)', () => {
  describe('the registry', () => {
    it('lists the four kinds of SPEC §2, §15’s shared documents and §14’s review packets in glob order, each id once', () => {
      assert.deepEqual(
        FILE_KINDS.all.map((k) => k.id),
        ['person', '1on1', 'okr', 'okr-review', 'shared-doc', 'review-packet'],
      );
    });

    it('keeps the persistent index numbers saved indexes name kinds by', () => {
      // Changing one of these makes an index saved by an earlier version name the wrong kinds.
      assert.deepEqual(
        FILE_KINDS.all.map((k) => [k.id, k.indexNumber]),
        [['person', 1], ['1on1', 2], ['okr', 3], ['okr-review', 4], ['shared-doc', 5], ['review-packet', 6]],
      );
      for (const k of FILE_KINDS.all) assert.equal(FILE_KINDS.ofIndexNumber(k.indexNumber), k);
      assert.equal(FILE_KINDS.ofIndexNumber(0), undefined);
      assert.equal(FILE_KINDS.ofIndexNumber(8), undefined);
    });

    it('gives each kind its `type:` values (SPEC §2 table), the first the one written', () => {
      assert.deepEqual(Object.fromEntries(FILE_KINDS.all.map((k) => [k.id, k.types])), {
        person: ['person'],
        '1on1': ['1on1', 'one-on-one', '1:1'],
        okr: ['okr'],
        'okr-review': ['okr-review'],
        'shared-doc': [],
        'review-packet': ['review-packet'],
      });
      assert.equal(FILE_KINDS.ofType('One-On-One')?.id, '1on1');
      assert.equal(FILE_KINDS.ofType('review'), undefined);
    });

    it('gives each kind its format and default globs (SPEC §2 table)', () => {
      assert.deepEqual(
        FILE_KINDS.all.map((k) => [k.id, k.format, k.globs?.setting, k.globs?.defaults]),
        [
          ['person', 'markdown', 'peopleGlobs', ['people/*.md']],
          ['1on1', 'markdown', 'oneOnOneGlobs', ['1on1s/**/*.md']],
          ['okr', 'yaml', 'okrGlobs', ['**/*.okr.yaml', '**/*.okr.yml', 'okrs/**/*.yaml']],
          ['okr-review', 'markdown', 'okrReviewGlobs', ['okr-reviews/**/*.md']],
          ['shared-doc', 'markdown', 'sharedGlobs', []],
          // Found by its `type:` wherever it lives (SPEC §14): no globs.
          ['review-packet', 'markdown', undefined, undefined],
        ],
      );
    });

    it('throws on an unknown kind id', () => {
      assert.throws(() => FILE_KINDS.get('review' as FileKind), /unknown file kind review/);
    });
  });

  describe('settings follow the registry', () => {
    it('each kind’s glob setting has its default, is read, and validated', () => {
      assert.deepEqual(GLOB_SETTINGS, ['peopleGlobs', 'oneOnOneGlobs', 'okrGlobs', 'okrReviewGlobs', 'sharedGlobs']);
      for (const k of FILE_KINDS.all) {
        if (!k.globs) continue;
        const g = k.globs;
        assert.deepEqual(DEFAULT_SETTINGS[g.setting as keyof typeof DEFAULT_SETTINGS], g.defaults, g.setting);
        assert.ok(SETTING_KEYS.includes(g.setting as never), g.setting);
        assert.deepEqual(resolveSettings({ [g.setting]: ['x/*.md'] })[g.setting as 'peopleGlobs'], ['x/*.md']);
        const problems: string[] = [];
        assert.deepEqual(resolveSettings({ [g.setting]: 'x/*.md' }, problems)[g.setting as 'peopleGlobs'], g.defaults);
        assert.deepEqual(problems, [`cadence.${g.setting} must be an array of glob strings; using the default`]);
      }
    });

    it('package.json declares each glob setting with the registry’s default, and activates on each default glob', () => {
      // The manifest is static JSON: this is what tells a new kind’s author to add it there.
      for (const k of FILE_KINDS.all) {
        if (!k.globs) continue;
        const g = k.globs;
        assert.deepEqual(pkg.contributes.configuration.properties[`cadence.${g.setting}`]?.default, g.defaults, g.setting);
        for (const glob of g.defaults) assert.ok(pkg.activationEvents.includes(`workspaceContains:${glob}`), glob);
      }
    });
  });

  describe('classify', () => {
    const s = DEFAULT_SETTINGS;

    it('reads every `type:` value of every kind, in any case, wherever the file lives', () => {
      for (const k of FILE_KINDS.all) {
        for (const t of k.types) {
          for (const written of [t, t.toUpperCase()]) {
            const path = k.format === 'yaml' ? 'notes/x.yaml' : 'notes/x.md';
            const text = k.format === 'yaml' ? `type: ${JSON.stringify(written)}\n` : md(JSON.stringify(written));
            assert.equal(classify(path, text, s), k.id, `${written} in ${path}`);
          }
        }
      }
    });

    it('a `type:` of the other format, or one Cadence does not know, makes the file not Cadence’s', () => {
      assert.equal(classify('okrs/q.okr.yaml', 'type: person\n', s), undefined);
      assert.equal(classify('people/alex.md', md('okr'), s), undefined);
      assert.equal(classify('people/README.md', md('readme'), s), undefined);
    });

    it('without a `type:`, the first kind of the file’s format whose globs match', () => {
      assert.equal(classify('people/alex.md', 'x', s), 'person');
      assert.equal(classify('1on1s/alex/2026-11-20.md', 'x', s), '1on1');
      assert.equal(classify('okr-reviews/q4.md', 'x', s), 'okr-review');
      assert.equal(classify('okrs/q4.yaml', 'x', s), 'okr');
      assert.equal(classify('a/b/q4.okr.yml', 'x', s), 'okr');
      assert.equal(classify('okrs/q4.md', 'x', s), undefined);
      assert.equal(classify('notes/x.md', 'x', s), undefined);
      const both = settingsWith({ peopleGlobs: ['team/*.md'], oneOnOneGlobs: ['team/**/*.md'] });
      assert.equal(classify('team/alex.md', 'x', both), 'person');
      assert.equal(classify('team/alex/1.md', 'x', both), '1on1');
      assert.equal(classify('people/alex.md', 'x', both), undefined);
    });

    it('cadence.sharedGlobs (SPEC §15): any other file there is a shared document, whatever its `type:`, but never a person file, a 1:1 or a review packet', () => {
      const shared = settingsWith({ sharedGlobs: ['docs/**/*.md', 'people/*.md', '1on1s/**/*.md'] });
      assert.equal(classify('docs/update.md', 'x', s), undefined);
      assert.equal(classify('docs/update.md', 'x', shared), 'shared-doc');
      assert.equal(classify('docs/team/update.md', md('team-update'), shared), 'shared-doc');
      assert.equal(classify('docs/update.md', md(''), shared), 'shared-doc');
      // A review packet is its own kind wherever it lives (SPEC §14), never a shared document.
      assert.equal(classify('docs/packet.md', md('review-packet'), shared), 'review-packet');
      assert.equal(classify('docs/packet.md', md('Review-Packet'), shared), 'review-packet');
      assert.equal(classify('people/alex.md', 'x', shared), 'person');
      assert.equal(classify('1on1s/alex/2026-11-20.md', 'x', shared), '1on1');
      assert.equal(classify('docs/alex.md', md('person'), shared), 'person');
      assert.equal(classify('docs/q.yaml', 'x: 1\n', settingsWith({ sharedGlobs: ['docs/**'] })), undefined);
    });
  });

  describe('parse and summarize', () => {
    it('parses each kind with its parser; empty text gives an empty document of the kind (the index’s stand-in)', () => {
      for (const k of FILE_KINDS.all) {
        const doc = parseDoc(`x.${k.format === 'yaml' ? 'yaml' : 'md'}`, '', k.id);
        assert.equal(doc.kind, k.id);
        assert.equal(doc.lineCount, 1);
      }
    });

    const summaryOf = (path: string, text: string) => {
      const t = normalize(text);
      return summarize(parseDoc(path, t, classify(path, t, DEFAULT_SETTINGS)!));
    };

    it('a person file: its key', () => {
      assert.deepEqual(summaryOf('people/Alex.md', personFile()), { kind: 'person', key: 'alex', date: undefined, refs: [], openDue: [], feedback: false });
    });

    it('a 1:1 note: its report, its date, report and owners once each in order, open items’ valid due dates', () => {
      const text = note('Alex', '2026-11-20', lines('- [ ] a @sam due:2026-12-01', '- [x] b @alex due:2026-11-01', '- [ ] c @SAM due:2026-13-01', '- [ ] d @kim 📅 2026-12-05', '- [-] e due:2026-12-09'));
      assert.deepEqual(summaryOf('1on1s/alex/2026-11-20.md', text), {
        kind: '1on1',
        key: 'alex',
        date: '2026-11-20',
        refs: ['alex', 'sam', 'kim'],
        openDue: ['2026-12-01', '2026-12-05'],
        feedback: false,
      });
      assert.equal(summaryOf('1on1s/alex/2026-11-20.md', note('Alex', '2026-11-20', lines('## Feedback', '- praise: clear write-up'))).feedback, true);
    });

    it('an OKR set: its key (SPEC §19: the reviews naming it), the set’s, objectives’ and key results’ owners, each once', () => {
      const text = lines('type: okr', 'owner: me', 'objectives:', '  - id: O1', '    owner: kim', '    key_results:', '      - id: KR1', '        owner: sam', '      - id: KR2', '        owner: Kim');
      assert.deepEqual(summaryOf('okrs/q.okr.yaml', text), { kind: 'okr', key: 'q', date: undefined, refs: ['me', 'kim', 'sam'], openDue: [], feedback: false });
    });

    it('an OKR review: the key of the set it reviews (okrs:, lower-cased), owners and open due dates', () => {
      const text = md('okr-review', lines('- [ ] a [owner:: kim] [due:: 2026-12-03]', '- [x] b @sam due:2026-12-04'));
      assert.deepEqual(summaryOf('okr-reviews/q.md', text), { kind: 'okr-review', key: undefined, date: undefined, refs: ['kim', 'sam'], openDue: ['2026-12-03'], feedback: false });
      const named = lines('---', 'type: okr-review', 'okrs: 2026-Q4', '---', '- [ ] a @kim');
      assert.equal(summaryOf('okr-reviews/q.md', named).key, '2026-q4');
    });

    it('hasActionItems: notes and reviews, not person files or OKR sets', () => {
      const kinds = FILE_KINDS.all.filter((k) => hasActionItems(parseDoc('x', '', k.id))).map((k) => k.id);
      assert.deepEqual(kinds, ['1on1', 'okr-review']);
    });
  });

  describe('a registry is its entries: kinds to come are one entry each', () => {
    const base = FILE_KINDS.get('1on1') as MarkdownKind<OneOnOneDoc>;
    // A running log (SPEC §12): a 1:1 note without a date whose body has a dated heading.
    const log: MarkdownKind = {
      id: 'log' as FileKind,
      types: [],
      format: 'markdown',
      shapeOf: '1on1',
      claims: (path, text) => !/^date:/m.test(text) && !/\d{4}-\d{2}-\d{2}/.test(path) && /^#+ \d{4}-\d{2}-\d{2}/m.test(text),
      indexNumber: 7,
      parse: (path, split) => ({ ...base.parse(path, split), kind: 'log' }) as unknown as Doc,
      summarize: (doc) => base.summarize(doc as OneOnOneDoc),
    };
    // A kind found by its `type:` wherever it lives, with no globs (as SPEC §14's review packet, now a real kind, is).
    const packet: MarkdownKind = {
      id: 'meeting-minutes' as FileKind,
      types: ['meeting-minutes'],
      format: 'markdown',
      indexNumber: 8,
      parse: (path, split) => ({ kind: 'meeting-minutes', path, lineCount: split.lines.length }) as unknown as Doc,
      summarize: () => ({ key: undefined, date: undefined, refs: [], openDue: [] }),
    };
    const reg = new KindRegistry([...FILE_KINDS.all, log, packet]);
    const c = (path: string, text: string) => {
      const t = normalize(text);
      const declared = /^---\n(?:[^]*?\n)?type: *(\S+)/.exec(t)?.[1] ?? null;
      return reg.classify(path, t, 'markdown', declared, DEFAULT_SETTINGS);
    };

    it('a kind without globs is found by its `type:` anywhere, and never by a path', () => {
      assert.equal(c('minutes/2026-11-30.md', md('meeting-minutes')), 'meeting-minutes');
      assert.equal(c('people/alex-minutes.md', md('Meeting-Minutes')), 'meeting-minutes');
      assert.equal(c('1on1s/meeting-minutes.md', 'x'), '1on1');
      // The real one: SPEC §14's review packet.
      assert.equal(c('reviews/alex-2026-11-30.md', md('review-packet')), 'review-packet');
      assert.equal(c('people/alex-packet.md', md('Review-Packet')), 'review-packet');
      assert.equal(c('1on1s/alex/review-packet.md', 'x'), '1on1');
      assert.deepEqual(
        reg.globSettings.map((g) => g.setting),
        GLOB_SETTINGS,
      );
    });

    it('a shape takes its base kind’s `type:` values and globs, and wins where it claims the file', () => {
      const logText = lines('---', 'type: 1on1', 'report: alex', '---', '## 2026-11-20', '- [ ] x');
      assert.equal(c('notes/alex.md', logText), 'log');
      assert.equal(c('1on1s/alex.md', lines('---', 'report: alex', '---', '## 2026-11-20')), 'log');
      assert.equal(c('1on1s/alex/2026-11-20.md', logText), '1on1');
      assert.equal(c('1on1s/alex.md', lines('---', 'report: alex', 'date: 2026-11-20', '---', '## 2026-11-20')), '1on1');
      assert.equal(c('people/alex.md', lines('## 2026-11-20')), 'person');
    });

    it('parses, summarizes and numbers the new kinds through the same calls', () => {
      const doc = reg.parse('1on1s/alex.md', lines('---', 'report: alex', '---', '## 2026-11-20', '- [ ] x @sam'), 'log' as FileKind);
      assert.equal(doc.kind, 'log');
      assert.deepEqual(reg.summarize(doc).refs, ['alex', 'sam']);
      assert.equal(reg.ofIndexNumber(7), log);
      assert.equal(reg.ofIndexNumber(8), packet);
      assert.equal(reg.ofType('MEETING-MINUTES'), packet);
      assert.equal(reg.ofIndexNumber(6), FILE_KINDS.get('review-packet'));
    });

    it('refuses an inconsistent list', () => {
      const bad = (entries: KindEntry[], re: RegExp) => assert.throws(() => new KindRegistry([...FILE_KINDS.all, ...entries]), re);
      bad([{ ...packet, id: 'person' as FileKind }], /file kind person twice/);
      bad([{ ...packet, types: ['1:1'] }], /names two kinds/);
      bad([{ ...packet, types: ['Packet'] }], /not lower-case/);
      bad([{ ...packet, indexNumber: 4 }], /index number 4/);
      bad([{ ...packet, indexNumber: 0 }], /index number 0/);
      bad([{ ...packet, indexNumber: 256 }], /index number 256/);
      bad([{ ...packet, globs: { setting: 'peopleGlobs', defaults: [] } }], /glob setting peopleGlobs twice/);
      bad([{ ...log, types: ['log'] }], /a shape has claims/);
      bad([{ ...log, claims: undefined }], /a shape has claims/);
      bad([{ ...log, shapeOf: 'okr' }], /shapes of okr/);
      bad([{ ...log, shapeOf: 'nothing' as FileKind }], /shapes of nothing/);
    });
  });
});
