// The Node build's reads of a local folder's files (src/extension/host.ts,
// Host.readLocalFile and statLocalFile): every byte, the size and the mtime as
// vscode.workspace.fs.stat gives them (whole ms, which a warm start compares
// with the saved stamp), and the fs error as it is when the file cannot be read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { host } from '../../src/extension/host';

const at = (fsPath: string) => ({ fsPath, scheme: 'file' }) as vscode.Uri;

describe('Host.readLocalFile and statLocalFile (the Node build)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadence-host-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const read = (name: string) => host.readLocalFile!(at(join(dir, name)));

  it('reads every byte of files of every size, with fstat’s size', () => {
    // Empty, one byte, non-ASCII, and larger than one read's usual 64 KiB.
    const cases: [string, Uint8Array][] = [
      ['empty.md', new Uint8Array()],
      ['one.md', Uint8Array.of(0x41)],
      ['utf8.md', new TextEncoder().encode('# Inês — “1:1” 🙂\n- [ ] x @me due:2026-12-01\n')],
      ['large.md', Uint8Array.from({ length: 300_000 }, (_, i) => 32 + (i % 90))],
    ];
    for (const [name, bytes] of cases) {
      writeFileSync(join(dir, name), bytes);
      const got = read(name);
      assert.deepEqual(Buffer.from(got.bytes), Buffer.from(bytes), name);
      assert.equal(got.size, bytes.length, name);
    }
  });

  it('gives the mtime in whole milliseconds, as the disk provider’s stat does', () => {
    writeFileSync(join(dir, 'when.md'), 'x');
    // A time with a fraction of a millisecond: the stamp must equal Date's whole ms.
    const when = new Date(Date.UTC(2026, 10, 20, 9, 30, 15, 123) + 0.75);
    utimesSync(join(dir, 'when.md'), when, when);
    const got = read('when.md');
    assert.equal(got.mtime, statSync(join(dir, 'when.md')).mtime.getTime());
    assert.ok(Number.isInteger(got.mtime));
  });

  it('statLocalFile gives the same size and mtime as readLocalFile, and throws for a missing file', () => {
    writeFileSync(join(dir, 'stat.md'), 'some text');
    const when = new Date(Date.UTC(2026, 10, 21, 8, 0, 0, 456) + 0.25);
    utimesSync(join(dir, 'stat.md'), when, when);
    const st = host.statLocalFile!(at(join(dir, 'stat.md')));
    const got = read('stat.md');
    assert.deepEqual(st, { size: got.size, mtime: got.mtime });
    assert.throws(() => host.statLocalFile!(at(join(dir, 'missing.md'))), { code: 'ENOENT' });
  });

  it('follows a symbolic link, and throws the fs error for a missing file, a dangling link and a folder', () => {
    writeFileSync(join(dir, 'target.md'), 'linked');
    symlinkSync(join(dir, 'target.md'), join(dir, 'link.md'));
    assert.equal(new TextDecoder().decode(read('link.md').bytes), 'linked');
    assert.throws(() => read('missing.md'), { code: 'ENOENT' });
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
    assert.throws(() => read('dangling.md'), { code: 'ENOENT' });
    mkdirSync(join(dir, 'folder.md'));
    assert.throws(() => read('folder.md'), { code: 'EISDIR' });
  });
});
