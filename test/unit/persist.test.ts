// The persistent index: what it restores is what a fresh parse gives, for
// every document of the sample team, the shared examples and the traps; what
// is damaged, truncated or made for another core or other settings is
// discarded without a throw; a file whose size or mtime moved is read again,
// and only that one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettingsText } from '../../src/cli/settings-file';
import { walk } from '../../src/cli/walk';
import { Dataset, summarize, type DocSummary } from '../../src/core/dataset';
import type { Doc } from '../../src/core/model';
import { diagnosticsKey, entryOf, hash32, indexKey, IndexWriter, readIndex, restoreFile, restoreIndex, type FileStamp, type IndexedFile, type IndexEntry, type LoadedIndex, type PayloadReader, type WrittenIndex } from '../../src/core/persist';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { decodeFile } from '../../src/core/text';
import { CORE_VERSION } from '../../src/core/version';
import { Codec } from '../../src/core/persist/codec';
import { lines, makeDataset, rowsOf, settingsWith, TODAY } from './helpers';

const ROOT = join(__dirname, '..', '..');
const WORKSPACES = [
  join(ROOT, 'samples', 'team'),
  ...['basic', 'broken', 'logs', 'rooms', 'okr-meeting'].map((d) => join(ROOT, 'test', 'fixtures', 'examples', d)),
  ...['empty-files', 'fences', 'line-endings', 'outside-globs', 'owners', 'settings'].map((d) => join(ROOT, 'test', 'fixtures', 'traps', d)),
];

interface Loaded {
  readonly settings: Settings;
  readonly texts: Map<string, string>;
  readonly stamps: Map<string, FileStamp>;
  readonly skips: Map<string, string>;
  readonly dataset: Dataset;
}

/** A workspace as the extension's cold start sees it: every candidate read, with a stamp. */
function load(dir: string): Loaded {
  let settingsText: string | undefined;
  try {
    settingsText = readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8');
  } catch {
    settingsText = undefined;
  }
  const ws = readSettingsText(settingsText);
  const dataset = new Dataset({ today: TODAY, settings: ws.settings });
  const texts = new Map<string, string>();
  const stamps = new Map<string, FileStamp>();
  const skips = new Map<string, string>();
  let mtime = 1_700_000_000_000.25;
  for (const path of walk(dir, ws.filesExclude, [])) {
    const bytes = readFileSync(join(dir, path));
    stamps.set(path, { size: bytes.length, mtime: (mtime += 1000.5) });
    const decoded = decodeFile(bytes, ws.settings.maxFileSizeKB);
    if ('skip' in decoded) skips.set(path, decoded.skip);
    else {
      texts.set(path, decoded.text);
      dataset.setFile(path, decoded.text);
    }
  }
  return { settings: ws.settings, texts, stamps, skips, dataset };
}

function entries(w: Loaded): IndexEntry[] {
  return [...w.stamps].map(([path, stamp]) => entryOf(path, stamp, w.dataset.doc(path), w.skips.get(path)));
}

function written(w: Loaded, writer = new IndexWriter(), today?: string): WrittenIndex {
  return writer.write(
    entries(w).map((e) => (today && e.summary ? { ...e, diagnostics: w.dataset.diagnostics(e.path) } : e)),
    w.settings,
    today,
  );
}

/** Reads both files back, the payload when first needed (as the extension does). */
function reread(x: WrittenIndex, settings: Settings, onCorrupt?: (path: string) => void): LoadedIndex | undefined {
  return readIndex(x.index, settings, () => x.payload, onCorrupt);
}

const freshDoc = (ds: Dataset, path: string): Doc => ds.doc(path)!;

/** What a save writes: the two files and the payload's id. */
const bytesOf = (x: WrittenIndex) => ({ index: x.index, payload: x.payload, payloadId: x.payloadId });

/** A summary's fields as a plain object (a read index's summary is its file's own object). */
const plain = (s: DocSummary): DocSummary => ({ kind: s.kind, key: s.key, date: s.date, refs: [...s.refs], openDue: [...s.openDue], feedback: s.feedback });

describe('persistent index', () => {
  describe('round trip', () => {
    it('a range under any key: one of the range keys packed, any other (a log meeting\'s dateRange) in the long form', () => {
      const r = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
      const value = { range: r(6, 0, 13), dateRange: r(6, 3, 13), other: { start: { line: 1, character: 0 }, end: { line: 2, character: 4 } } };
      const c = new Codec();
      const packed = c.pack(value);
      assert.deepEqual(c.unpack(JSON.parse(JSON.stringify(packed))), value);
      assert.deepEqual((packed as unknown[])[2], [-6, 6, 3, 6, 13], 'dateRange is no range key: the long form');
    });

    for (const dir of WORKSPACES) {
      it(`${dir.slice(ROOT.length + 1)}: every document and summary as a fresh parse gives them`, () => {
        const w = load(dir);
        assert.ok(w.dataset.size > 0);
        const index = reread(written(w), w.settings);
        assert.ok(index, 'the index reads back');
        assert.equal(index.files.size, w.stamps.size, 'Cadence files and the others');
        for (const [path, stamp] of w.stamps) {
          const f: IndexedFile = index.files.get(path)!;
          assert.deepEqual([f.size, f.mtime], [stamp.size, stamp.mtime], path);
          const fresh = w.dataset.doc(path);
          if (!fresh) {
            assert.equal(f.summary, undefined, path);
            assert.equal(f.skip, w.skips.get(path), path);
            continue;
          }
          assert.deepStrictEqual(plain(f.summary!), summarize(fresh), path);
          // A separate parse, so no object is shared with what was written.
          const again = new Dataset({ today: TODAY, settings: w.settings });
          again.setFile(path, w.texts.get(path)!);
          assert.deepStrictEqual(f.doc!.load(), freshDoc(again, path), path);
        }
      });

      it(`${dir.slice(ROOT.length + 1)}: a warm dataset judges exactly as a cold one`, () => {
        const w = load(dir);
        const index = reread(written(w), w.settings)!;
        const warm = new Dataset({ today: TODAY, settings: w.settings });
        warm.batch(() => {
          for (const [path, stamp] of w.stamps) assert.ok(restoreFile(index, warm, path, stamp), path);
        });
        // The private-leak rule reads the files' text, which the index does not keep: the caller hands it over.
        for (const path of warm.waitingForText()) warm.provideText(path, w.texts.get(path)!);
        assert.deepEqual(warm.paths(), w.dataset.paths());
        assert.deepEqual(rowsOf(warm), rowsOf(w.dataset));
        assert.deepEqual(warm.people().map((p) => p.path), w.dataset.people().map((p) => p.path));
      });
    }

    it('values JSON cannot spell (NaN, ±Infinity, -0), YAML nulls and a range over two lines', () => {
      const text = lines(
        'type: okr',
        'period: 2026-Q4',
        'owner: ~',
        'team: .nan',
        'objectives:',
        '  - id: O1',
        '    title: >-',
        '      A title on',
        '      two lines',
        '    owner: me',
        '    key_results:',
        '      - id: KR1',
        '        title: Négatif zéro 🙂',
        '        owner: me',
        '        start: -0',
        '        target: .inf',
        '        current: -.inf',
        '        due: 2026-12-31',
        '        confidence: null',
      );
      const ds = makeDataset({ 'okrs/q.okr.yaml': text });
      const doc = ds.doc('okrs/q.okr.yaml')!;
      assert.equal(doc.kind, 'okr');
      const kr = doc.kind === 'okr' ? doc.objectives[0].keyResults[0] : undefined;
      const values = [...(kr?.fields.values() ?? [])].map((f) => f.value);
      assert.ok(Object.is(kr?.start, -0) && values.includes(Infinity) && values.includes(-Infinity), 'the parse holds the odd numbers');
      assert.ok(doc.kind === 'okr' && Number.isNaN(doc.fields.get('team')?.value));
      assert.ok(doc.kind === 'okr' && doc.objectives[0].fields.get('title')!.range.end.line > doc.objectives[0].fields.get('title')!.range.start.line, 'a range over two lines');
      const path = 'okrs/q.okr.yaml';
      const bytes = new IndexWriter().write([entryOf(path, { size: 1, mtime: 2 }, doc)], DEFAULT_SETTINGS);
      const back = reread(bytes, DEFAULT_SETTINGS)!.files.get(path)!.doc!.load();
      assert.deepStrictEqual(back, doc);
    });

    it('a lone surrogate in a document (text an editor held; UTF-8 cannot carry one) comes back as it was', () => {
      const path = 'people/half.md';
      const doc = makeDataset({ [path]: lines('---', 'type: person', 'name: Half \uD83D pair', '---', '# Half \uDE00 pair') }).doc(path)!;
      assert.match(JSON.stringify(doc), /\\ud83d/, 'the parse holds it (else this proves nothing)');
      const bytes = new IndexWriter().write([entryOf(path, { size: 1, mtime: 2 }, doc)], DEFAULT_SETTINGS);
      assert.deepStrictEqual(reread(bytes, DEFAULT_SETTINGS)!.files.get(path)!.doc!.load(), doc);
    });

    it('a file that is no longer Cadence’s, or was skipped, is remembered as such', () => {
      const bytes = new IndexWriter().write(
        [
          { path: 'README.md', size: 10, mtime: 5 },
          { path: 'people/huge.md', size: 3_000_000, mtime: 6, skip: '2930 KB is over cadence.maxFileSizeKB (2048)' },
        ],
        DEFAULT_SETTINGS,
      );
      const index = reread(bytes, DEFAULT_SETTINGS)!;
      assert.deepEqual(
        [...index.files.values()].map((f) => [f.path, f.size, f.mtime, f.summary, f.doc, f.skip]),
        [
          ['README.md', 10, 5, undefined, undefined, undefined],
          ['people/huge.md', 3_000_000, 6, undefined, undefined, '2930 KB is over cadence.maxFileSizeKB (2048)'],
        ],
      );
      const ds = new Dataset({ today: TODAY });
      assert.ok(restoreFile(index, ds, 'README.md', { size: 10, mtime: 5 }));
      assert.equal(ds.size, 0);
    });
  });

  describe('the binary layout', () => {
    it('reads from bytes at any offset of their buffer (the columns are copied when not 8-aligned)', () => {
      const w = load(WORKSPACES[0]);
      const x = written(w, new IndexWriter(), TODAY);
      for (let shift = 0; shift < 8; shift++) {
        const buffer = new Uint8Array(x.index.length + shift);
        buffer.set(x.index, shift);
        const index = readIndex(buffer.subarray(shift), w.settings, x.payload)!;
        assert.ok(index, `offset ${shift}`);
        const warm = new Dataset({ today: TODAY, settings: w.settings });
        restoreIndex(index, warm);
        assert.deepEqual(rowsOf(warm), rowsOf(w.dataset), `offset ${shift}`);
      }
    });

    it('a path UTF-8 cannot carry, or with a NUL, is left out (read at the next start); the rest reads', () => {
      const w = load(WORKSPACES[0]);
      const odd = ['people/lone-\uD800.md', 'people/nul\0.md', 'notes/\uDC00.md'];
      const x = new IndexWriter().write([...entries(w), ...odd.map((path, i) => ({ path, size: i, mtime: i, skip: `odd \uD800 reason\0 ${i}` }))], w.settings);
      const index = reread(x, w.settings)!;
      assert.ok(index);
      assert.deepEqual([...index.files.keys()].sort(), [...w.stamps.keys()].sort());
      const ok = new IndexWriter().write([{ path: 'big.md', size: 9e15, mtime: 1.5, skip: 'a reason with \uD800 and \0 in it' }], w.settings);
      assert.equal(reread(ok, w.settings)!.files.get('big.md')!.skip, 'a reason with \uFFFD and \uFFFD in it', 'a skip reason is only shown: spelled safely');
      assert.equal(reread(ok, w.settings)!.files.get('big.md')!.size, 9e15);
    });
  });

  describe('saving again', () => {
    it('copies unloaded documents as they are, and the result reads back the same', () => {
      const w = load(WORKSPACES[0]);
      const first = reread(written(w), w.settings)!;
      const warm = new Dataset({ today: TODAY, settings: w.settings });
      warm.batch(() => {
        for (const [path, stamp] of w.stamps) restoreFile(first, warm, path, stamp);
      });
      // A note edited since (parsed afresh), the rest still unloaded.
      const edited = '1on1s/alex/2026-11-19.md';
      warm.setFile(edited, w.texts.get(edited)!.replace('## ', '## Edited '));
      const unloaded = warm.paths().filter((p) => warm.unloaded(p));
      assert.ok(unloaded.length > 10, 'most documents were never loaded');
      const next = first.writer.write(
        [...w.stamps].map(([path, stamp]) => {
          const lazy = warm.unloaded(path);
          const summary = warm.summary(path);
          return summary ? { path, ...stamp, summary, doc: lazy && first.writer.owns(lazy) ? lazy : warm.doc(path)! } : { path, ...stamp, skip: w.skips.get(path) };
        }),
        w.settings,
      );
      for (const p of unloaded) assert.ok(warm.unloaded(p), `${p} was copied without being decoded`);
      const second = reread(next, w.settings)!;
      for (const path of warm.paths()) assert.deepStrictEqual(second.files.get(path)!.doc!.load(), warm.doc(path), path);
      assert.match(JSON.stringify(second.files.get(edited)!.doc!.load()), /Edited /);
    });

    it('a second save with the same writer holds the new diagnostics of what changed, and the old of the rest', () => {
      const w = load(WORKSPACES[0]);
      const writer = new IndexWriter();
      const save = () => writer.write(entries(w).map((e) => (e.summary ? { ...e, summary: w.dataset.summary(e.path), doc: w.dataset.doc(e.path), diagnostics: w.dataset.diagnostics(e.path) } : e)), w.settings, TODAY);
      save();
      const edited = '1on1s/alex/2026-11-19.md';
      const before = w.dataset.diagnostics(edited);
      w.dataset.setFile(edited, w.texts.get(edited)! + '\n- [ ] An item with no owner and no due date\n');
      assert.notDeepEqual(w.dataset.diagnostics(edited), before, 'the edit changes its diagnostics (else this proves nothing)');
      const warm = new Dataset({ today: TODAY, settings: w.settings });
      restoreIndex(reread(save(), w.settings)!, warm);
      for (const p of w.dataset.paths()) assert.deepStrictEqual(warm.diagnostics(p), w.dataset.diagnostics(p), p);
    });

    it('in steps (writeSteps) it pauses every `slice` files and writes exactly what write() does', () => {
      const w = load(WORKSPACES[0]);
      const steps = new IndexWriter().writeSteps(entries(w), w.settings, undefined, 3);
      let pauses = 0;
      let step = steps.next();
      while (!step.done) {
        pauses++;
        step = steps.next();
      }
      const files = w.stamps.size;
      assert.ok(pauses >= Math.floor(files / 3), `${pauses} pauses for ${files} files`);
      assert.deepEqual(bytesOf(step.value), bytesOf(new IndexWriter().write(entries(w), w.settings)));
    });

    it('encodes an unchanged document once across saves', () => {
      const w = load(WORKSPACES[0]);
      const writer = new IndexWriter();
      const a = written(w, writer);
      const b = written(w, writer);
      assert.deepEqual(bytesOf(b), bytesOf(a));
    });
  });

  describe('discarded quietly, never thrown', () => {
    const w = load(WORKSPACES[1]);
    const files = written(w);
    const good = files.index;
    const read = (bytes: Uint8Array, settings: Settings, onCorrupt?: (path: string) => void) => readIndex(bytes, settings, files.payload, onCorrupt);
    const header = (bytes: Uint8Array) => {
      const text = new TextDecoder().decode(bytes);
      const nl = text.indexOf('\n', text.indexOf('\n') + 1);
      return { magic: text.slice(0, text.indexOf('\n') + 1), head: JSON.parse(text.slice(text.indexOf('\n') + 1, nl)) as Record<string, unknown>, rest: bytes.subarray(new TextEncoder().encode(text.slice(0, nl + 1)).length) };
    };
    const withHeader = (change: (h: Record<string, unknown>) => void): Uint8Array => {
      const { magic, head, rest } = header(good);
      change(head);
      const top = new TextEncoder().encode(magic + JSON.stringify(head) + '\n');
      const out = new Uint8Array(top.length + rest.length);
      out.set(top);
      out.set(rest, top.length);
      return out;
    };

    it('the good one reads (the cases below differ from it in one thing)', () => {
      assert.ok(read(good, w.settings));
      assert.ok(read(withHeader(() => {}), w.settings));
    });

    it('another core version', () => {
      assert.equal(read(withHeader((h) => (h.core = CORE_VERSION + '-other')), w.settings), undefined);
    });

    it('other globs or size limit; severities and cadence defaults do not matter', () => {
      assert.equal(read(good, settingsWith({ ...w.settings, peopleGlobs: ['team/*.md'] })), undefined);
      assert.equal(read(good, settingsWith({ ...w.settings, maxFileSizeKB: 64 })), undefined);
      assert.ok(read(good, settingsWith({ ...w.settings, rules: { 'action-overdue': 'off' }, defaultCadenceDays: 30 })));
      assert.notEqual(indexKey(DEFAULT_SETTINGS), indexKey(settingsWith({ okrGlobs: ['okrs/*.yaml'] })));
    });

    it('another format, or not an index at all', () => {
      const other = new TextEncoder().encode(new TextDecoder().decode(good).replace(/^CADENCE-INDEX \d+/, 'CADENCE-INDEX 999'));
      for (const bytes of [other, new Uint8Array(0), new TextEncoder().encode('{}'), new TextEncoder().encode('CADENCE-INDEX 1\n[1,2]\n'), new Uint8Array(4096).fill(0xff)]) {
        assert.equal(read(bytes, w.settings), undefined);
      }
    });

    it('truncated anywhere', () => {
      for (let n = 0; n < good.length; n += n < 400 ? 1 : 37) assert.equal(read(good.subarray(0, n), w.settings), undefined, `${n} bytes`);
      const longer = new Uint8Array(good.length + 1);
      longer.set(good);
      assert.equal(read(longer, w.settings), undefined, 'a byte too many');
    });

    it('a damaged header or index section', () => {
      const { rest } = header(good);
      const indexStart = good.length - rest.length;
      for (const at of [3, 20, indexStart + 1, indexStart + 50, indexStart + 200]) {
        const bad = good.slice();
        bad[at] ^= 0x04;
        assert.equal(read(bad, w.settings), undefined, `byte ${at}`);
      }
      assert.equal(read(withHeader((h) => (h.shapes = [['__proto__']])), w.settings), undefined);
      assert.equal(read(withHeader((h) => (h.count = (h.count as number) + 1)), w.settings), undefined);
    });

    it('numbers that name no string or run past a list, under a checksum that matches', () => {
      const { magic, head, rest } = header(good);
      const n = head.count as number;
      const pad = (rest.length - (head.diagnosticsBytes as number)) - (16 * n + 4 * (5 * n + 2 * (n + 1) + (head.refCount as number) + (head.dueCount as number)) + 2 * n + (head.stringBytes as number));
      assert.ok(pad >= 0 && pad < 8, 'the layout as the test knows it');
      const at = { key: 16 * n + 8 * n, refStart: 16 * n + 20 * n, refs: 16 * n + 20 * n + 8 * (n + 1), flags: 16 * n + 20 * n + 8 * (n + 1) + 4 * ((head.refCount as number) + (head.dueCount as number)) + n };
      const person = [...w.stamps.keys()].indexOf('people/sam.md');
      assert.ok(person >= 0 && (head.refCount as number) > 0);
      const cases: [string, (v: DataView) => void][] = [
        ['a key past the strings', (v) => v.setInt32(at.key + 4 * person, 1 << 30, true)],
        ['a key below -1', (v) => v.setInt32(at.key + 4 * person, -2, true)],
        ['a reference past the strings', (v) => v.setUint32(at.refs, (head.stringCount as number) + 3, true)],
        ['a list that ends before it starts', (v) => v.setUint32(at.refStart + 4 * 1, v.getUint32(at.refStart + 4 * 2, true) + 1, true)],
        ['a list past the end', (v) => v.setUint32(at.refStart + 4 * n, (head.refCount as number) + 1, true)],
        ['a flag no summary has', (v) => v.setUint8(at.flags + person, 2)],
      ];
      for (const [what, damage] of cases) {
        const body = rest.slice();
        damage(new DataView(body.buffer, body.byteOffset, body.length));
        const h = { ...head, bodyHash: hash32(body.subarray(0, body.length - (head.diagnosticsBytes as number))) };
        let top = magic + JSON.stringify(h);
        top += ' '.repeat((8 - ((new TextEncoder().encode(top).length + 1) % 8)) % 8) + '\n';
        const bytes = new Uint8Array([...new TextEncoder().encode(top), ...body]);
        assert.equal(read(bytes, w.settings), undefined, what);
      }
    });

    it('a damaged diagnostics section: the index serves, and the diagnostics are computed', () => {
      const x = written(w, new IndexWriter(), TODAY);
      const bad = x.index.slice();
      bad[bad.length - 20] ^= 0x04;
      const index = readIndex(bad, w.settings, x.payload)!;
      assert.ok(index, 'the files and summaries are intact');
      const warm = new Dataset({ today: TODAY, settings: w.settings });
      restoreIndex(index, warm);
      for (const p of w.dataset.paths()) assert.deepStrictEqual(warm.diagnostics(p), w.dataset.diagnostics(p), p);
    });

    it('a damaged document: only it falls back (empty, reported), the others load', () => {
      const bad = files.payload.slice();
      bad[bad.length - 10] ^= 0x04; // inside the last document
      const corrupt: string[] = [];
      const index = readIndex(good, w.settings, bad, (p) => corrupt.push(p))!;
      assert.ok(index, 'the index itself is intact');
      const docs = [...index.files.values()].filter((f) => f.doc);
      const last = docs[docs.length - 1];
      for (const f of docs) {
        const doc = f.doc!.load();
        assert.equal(doc.path, f.path);
        assert.equal(doc.kind, f.summary!.kind);
        if (f !== last) assert.deepStrictEqual(doc, w.dataset.doc(f.path), f.path);
      }
      assert.deepEqual(corrupt, [last.path]);
    });
  });

  describe('memory: the documents read in pieces, and let go after a save', () => {
    /** A payload file on "disk" read in pieces, every read counted; `gone` makes it unreadable. */
    function disk(bytes: Uint8Array): { source: () => PayloadReader; reads: number[]; gone: boolean } {
      const d = {
        reads: [] as number[],
        gone: false,
        source: () => ({
          read: (position: number, length: number) => {
            if (d.gone) throw new Error('ENOENT');
            d.reads.push(length);
            return bytes.slice(position, position + length);
          },
        }),
      };
      return d;
    }
    const entriesOf = (w: Loaded, ds: Dataset, writer: IndexWriter): IndexEntry[] =>
      [...w.stamps].map(([path, stamp]) => {
        const unloaded = ds.unloaded(path);
        return { path, size: stamp.size, mtime: stamp.mtime, summary: ds.summary(path), doc: unloaded && writer.owns(unloaded) ? unloaded : ds.doc(path), skip: w.skips.get(path) };
      });

    it('a document is read alone (no more than its bytes and the file checks), never the whole file; a save reads the file once, then reads go to the new file only', () => {
      const w = load(WORKSPACES[0]);
      const x = written(w, new IndexWriter(), TODAY);
      const first = disk(x.payload);
      const index = readIndex(x.index, w.settings, first.source)!;
      const warm = new Dataset({ today: TODAY, settings: w.settings });
      restoreIndex(index, warm);
      const paths = warm.paths();
      assert.ok(paths.length > 20);
      const [a, b, c] = [paths[0], paths[5], paths[10]];
      assert.deepStrictEqual(warm.doc(a), w.dataset.doc(a));
      const docBytes = (p: string) => (index.files.get(p) as unknown as { length: number }).length;
      const check = first.reads.slice(0, 2).reduce((n, l) => n + l, 0);
      assert.deepEqual(first.reads.slice(2), [docBytes(a)], 'after the header and the end: the one document');
      assert.ok(check < 100, `the checks read ${check} bytes`);
      // A save copies the unloaded documents from the old file: one read of it, whole.
      const writer = index.writer;
      first.reads.length = 0;
      const y = writer.write(entriesOf(w, warm, writer), w.settings);
      assert.deepEqual(first.reads, [x.payload.length - (x.payload.indexOf(10) + 1)], 'the old documents read once, whole');
      // Until the new file is said to be written, documents still come from the old one.
      assert.deepStrictEqual(warm.doc(b), w.dataset.doc(b));
      const second = disk(y.payload);
      y.saved(second.source);
      first.gone = true;
      first.reads.length = 0;
      assert.deepStrictEqual(warm.doc(c), w.dataset.doc(c));
      assert.deepEqual(second.reads.slice(2), [docBytes(c)], 'read from the new file, alone');
      assert.deepEqual(first.reads, []);
    });

    it('Dataset.release: after a save, lets go of every document but those read since the last release and those kept; each is decoded again from the new file, the same', () => {
      const w = load(WORKSPACES[0]);
      const writer = new IndexWriter();
      const ds = w.dataset;
      for (const p of ds.paths()) ds.diagnostics(p);
      const stored = (p: string, d: Doc) => writer.stored(p, d);
      // Nothing saved yet: nothing to decode a document from, so nothing is let go of.
      assert.equal(ds.release(() => false, stored), 0);
      const x = written(w, writer, TODAY);
      const file = disk(x.payload);
      x.saved(file.source);
      const paths = ds.paths();
      const kept = paths[1];
      const read = paths[2];
      const cold = new Map(paths.map((p) => [p, structuredClone(ds.doc(p))]));
      // Reading them all above counts as a use: the first release after it keeps them…
      assert.equal(ds.release(() => false, stored), 0);
      // …and judging does not count: every file judged again, then released but two.
      ds.setToday('2026-12-01');
      ds.setToday(TODAY);
      for (const p of paths) ds.diagnostics(p);
      ds.doc(read);
      assert.equal(ds.release((p) => p === kept, stored), paths.length - 2);
      for (const p of paths) assert.equal(ds.unloaded(p) === undefined, p === kept || p === read, p);
      assert.deepEqual(rowsOf(ds), rowsOf(makeDataset(Object.fromEntries(w.texts), { today: TODAY, settings: w.settings })));
      file.reads.length = 0;
      for (const p of paths) assert.deepStrictEqual(ds.doc(p), cold.get(p), p);
      assert.ok(file.reads.length >= paths.length - 2, 'each decoded again from the saved file');
      // An edit since the save: that document is not in the file, and is kept.
      const edited = paths.find((p) => p.startsWith('1on1s/'))!;
      ds.setFile(edited, w.texts.get(edited)! + '\nOne more line.\n');
      ds.release(() => false, stored);
      ds.release(() => false, stored);
      assert.equal(ds.unloaded(edited), undefined);
      assert.ok(ds.unloaded(paths.find((p) => p !== edited && p !== kept && p !== read)!));
    });
  });

  describe('a warm start', () => {
    it('re-reads exactly the files whose size or mtime moved, and ends where a cold start does', () => {
      const w = load(WORKSPACES[0]);
      const index = reread(written(w), w.settings)!;
      const moved = new Map<string, FileStamp>([
        ['1on1s/alex/2026-11-19.md', { ...w.stamps.get('1on1s/alex/2026-11-19.md')!, mtime: w.stamps.get('1on1s/alex/2026-11-19.md')!.mtime + 1 }],
        ['people/sam.md', { ...w.stamps.get('people/sam.md')!, size: w.stamps.get('people/sam.md')!.size + 1 }],
      ]);
      const warm = new Dataset({ today: TODAY, settings: w.settings });
      const read: string[] = [];
      warm.batch(() => {
        for (const [path, stamp] of w.stamps) {
          if (restoreFile(index, warm, path, moved.get(path) ?? stamp)) continue;
          read.push(path);
          warm.setFile(path, w.texts.get(path)!);
        }
      });
      assert.deepEqual(read.sort(), [...moved.keys()].sort());
      assert.equal(restoreFile(index, warm, 'people/nobody.md', { size: 1, mtime: 1 }), undefined, 'a file the index never saw is read');
      assert.deepEqual(rowsOf(warm), rowsOf(w.dataset));
      for (const p of w.dataset.paths()) assert.deepStrictEqual(warm.doc(p), w.dataset.doc(p), p);
    });
  });

  describe('a warm start with the saved diagnostics', () => {
    for (const dir of WORKSPACES) {
      it(`${dir.slice(ROOT.length + 1)}: restored at once, every file's diagnostics are the cold ones, without decoding a document`, () => {
        const w = load(dir);
        const index = reread(written(w, new IndexWriter(), TODAY), w.settings)!;
        assert.equal(index.diagnostics, diagnosticsKey(TODAY, w.settings));
        const warm = new Dataset({ today: TODAY, settings: w.settings });
        const events: number[] = [];
        warm.onDidChange((e) => events.push(e.paths.size));
        restoreIndex(index, warm);
        assert.deepEqual(events, [w.dataset.size], 'one event naming every file');
        for (const p of w.dataset.paths()) assert.deepStrictEqual(warm.diagnostics(p), w.dataset.diagnostics(p), p);
        for (const p of warm.paths()) assert.ok(warm.unloaded(p), `${p} was not decoded`);
        assert.deepEqual(rowsOf(warm), rowsOf(w.dataset));
      });
    }

    it('after edits, deletions and new files, every file still judges as a fresh dataset of the same files', () => {
      const w = load(WORKSPACES[0]);
      const index = reread(written(w, new IndexWriter(), TODAY), w.settings)!;
      const warm = new Dataset({ today: TODAY, settings: w.settings });
      restoreIndex(index, warm);
      const current = new Map(w.texts);
      const edits: [string, string | undefined][] = [
        ['people/sam.md', undefined],
        ['1on1s/alex/2026-11-19.md', current.get('1on1s/alex/2026-11-19.md')!.replace(/@\w+/, '@nobody')],
        ['people/zoe.md', lines('---', 'type: person', 'name: Zoe', 'cadence: weekly', '---', '# Zoe')],
      ];
      const people = [...current.keys()].filter((p) => p.startsWith('people/') && p !== 'people/sam.md');
      if (people[0]) edits.push([people[0], current.get(people[0])!.replace(/^cadence: .*$/m, 'cadence: biweekly')]);
      for (const [path, text] of edits) {
        if (text === undefined) {
          warm.deleteFile(path);
          current.delete(path);
        } else {
          warm.setFile(path, text);
          current.set(path, text);
        }
        const fresh = makeDataset(Object.fromEntries(current), { settings: w.settings });
        assert.deepEqual(warm.paths(), fresh.paths());
        for (const p of fresh.paths()) assert.deepStrictEqual(warm.diagnostics(p), fresh.diagnostics(p), `${p} after ${path}`);
      }
    });

    it('saved for another day or other settings: judged again (from the documents, the disk still unread)', () => {
      const w = load(WORKSPACES[0]);
      const x = written(w, new IndexWriter(), TODAY);
      const later = '2027-02-01';
      const other = settingsWith({ ...w.settings, rules: { ...w.settings.rules, 'action-overdue': 'error' } });
      for (const [today, settings] of [[later, w.settings], [TODAY, other]] as const) {
        const warm = new Dataset({ today, settings });
        restoreIndex(reread(x, settings)!, warm);
        const cold = new Dataset({ today, settings });
        for (const [p, t] of w.texts) cold.setFile(p, t);
        for (const p of cold.paths()) assert.deepStrictEqual(warm.diagnostics(p), cold.diagnostics(p), `${p} on ${today}`);
      }
      assert.notDeepEqual(
        w.dataset.paths().map((p) => w.dataset.diagnostics(p)),
        (() => {
          const cold = new Dataset({ today: later, settings: w.settings });
          for (const [p, t] of w.texts) cold.setFile(p, t);
          return cold.paths().map((p) => cold.diagnostics(p));
        })(),
        'the later day differs (else this test proves nothing)',
      );
    });

    it('an index written without a day holds no diagnostics', () => {
      const w = load(WORKSPACES[0]);
      const index = reread(written(w), w.settings)!;
      assert.equal(index.diagnostics, null);
      const warm = new Dataset({ today: TODAY, settings: w.settings });
      restoreIndex(index, warm);
      for (const p of w.dataset.paths()) assert.deepStrictEqual(warm.diagnostics(p), w.dataset.diagnostics(p), p);
    });

    it('documents missing, or of another save: each falls back when loaded and is reported; the index itself serves', () => {
      const w = load(WORKSPACES[0]);
      const x = written(w, new IndexWriter(), TODAY);
      const y = written({ ...w, dataset: makeDataset({ ...Object.fromEntries(w.texts), 'people/sam.md': lines('---', 'type: person', 'name: Samuel', '---') }, { settings: w.settings }) });
      assert.notDeepEqual(y.payload, x.payload);
      for (const payload of [() => undefined, () => y.payload, () => x.payload.subarray(0, x.payload.length - 1), () => { throw new Error('EACCES'); }]) {
        const corrupt: string[] = [];
        const index = readIndex(x.index, w.settings, payload, (p) => corrupt.push(p))!;
        assert.ok(index);
        const warm = new Dataset({ today: TODAY, settings: w.settings });
        restoreIndex(index, warm);
        assert.deepStrictEqual(warm.diagnostics('1on1s/alex/2026-11-19.md'), w.dataset.diagnostics('1on1s/alex/2026-11-19.md'), 'saved diagnostics need no document');
        assert.equal(corrupt.length, 0);
        for (const p of warm.paths()) assert.equal(warm.doc(p)!.path, p);
        assert.deepEqual(corrupt.sort(), warm.paths().sort(), 'every document reported');
      }
    });
  });
});
