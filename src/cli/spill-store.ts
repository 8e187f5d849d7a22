// Where `cadence check` keeps the texts the private-leak index has not read
// yet (issue 22, memory): in a temporary file rather than in memory. A first
// load keeps every private file's text until the index's first judgement
// (and the texts of possible sources after it): at 50k notes ~83 MB, which
// the in-memory TextStore holds outside the heap but inside the process.
// Here they are written as UTF-8, 1 MB at a time, to a file that is
// unlinked as soon as it is open (POSIX: it goes when the process ends,
// however it ends), and read back with a positional read. The operating
// system's page cache holds what is read soon after it was written, outside
// the process.
//
// Written here, not taken from a library: a few dozen lines over Node's
// synchronous file calls (the core reads texts synchronously), and no
// maintained package spills strings to an anonymous temporary file.
//
// Nothing is lost when the file cannot be made or written (a read-only or
// full temporary folder): the texts then stay in memory, as the core's
// TextStore keeps them.

import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packable, type TextKeeper, type TextRef } from '../core/rooms/text-store';

/** Bytes gathered in memory before each write. */
const BUFFER_BYTES = 1 << 20;

const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF a text starts with is part of it, and comes back.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A TextKeeper over a temporary file. References are byte ranges of the
 * file ({ chunk: 0, start, end }, `start` and `end` in bytes from the
 * file's start), or the text itself for what the file could not take (a
 * lone surrogate, which UTF-8 cannot hold; any text once a write failed).
 * `drop` frees nothing: the file's room goes with the process (or `close`).
 * A read that fails (the file closed, the disk lost meanwhile) throws an
 * Error that says the temporary file of texts could not be read back.
 */
export class SpillTextStore implements TextKeeper {
  /** The file, opened at the first write; undefined before, or when it could not be made. */
  private fd: number | undefined;
  /** Writes go to the file (false once one failed, or the file could not be made: texts then stay in memory). */
  private writable = true;
  /** The file's path while it must be removed by hand (where an open file cannot be unlinked: Windows). */
  private path: string | undefined;
  /** Bytes given a place in the file so far: the file offset of `buffer[0]`. */
  private written = 0;
  private buffer = new Uint8Array(BUFFER_BYTES);
  private used = 0;
  /** Bytes a failed write left, kept in memory at the file offsets they would have had. */
  private readonly kept: { start: number; bytes: Uint8Array }[] = [];

  /** `dir`: where the temporary file goes (default: the system's temporary folder); nothing is made before the first write. */
  constructor(private readonly dir: string = tmpdir()) {}

  /** Bytes held in memory (the gathering buffer and what a failed write left). */
  get bytes(): number {
    let n = this.buffer.byteLength;
    for (const k of this.kept) n += k.bytes.byteLength;
    return n;
  }

  put(text: string): TextRef {
    if (!this.writable || !packable(text)) return { text };
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (this.used + most > this.buffer.byteLength) {
      this.flush();
      if (!this.writable) return { text };
      if (most > this.buffer.byteLength) {
        // A long text is written on its own.
        const bytes = encoder.encode(text);
        const start = this.written;
        if (!this.write(bytes)) this.kept.push({ start, bytes });
        this.written += bytes.byteLength;
        return { chunk: 0, start, end: start + bytes.byteLength };
      }
    }
    const { written } = encoder.encodeInto(text, this.buffer.subarray(this.used));
    const start = this.written + this.used;
    this.used += written;
    return { chunk: 0, start, end: start + written };
  }

  get(ref: TextRef): string {
    if ('text' in ref) return ref.text;
    const { start, end } = ref;
    if (start >= this.written) return decoder.decode(this.buffer.subarray(start - this.written, end - this.written));
    for (const k of this.kept) {
      if (start >= k.start && end <= k.start + k.bytes.byteLength) return decoder.decode(k.bytes.subarray(start - k.start, end - k.start));
    }
    const bytes = new Uint8Array(end - start);
    let got = 0;
    try {
      if (this.fd === undefined) throw new Error('closed');
      while (got < bytes.byteLength) {
        const n = readSync(this.fd, bytes, got, bytes.byteLength - got, start + got);
        if (n === 0) throw new Error('end of file');
        got += n;
      }
    } catch (e) {
      throw new Error(`cannot read back the temporary file of texts (${(e as Error).message})`);
    }
    return decoder.decode(bytes);
  }

  drop(_ref: TextRef): void {
    // The file's room is given back when it is closed.
  }

  /** Closes the file (it is gone then): what it held can no longer be read. */
  close(): void {
    this.writable = false;
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Closed already.
      }
      this.fd = undefined;
    }
    if (this.path) {
      rmSync(dirname(this.path), { recursive: true, force: true });
      this.path = undefined;
    }
  }

  /** Writes the gathered bytes; when that fails they stay in memory, and so does every later text. */
  private flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    if (!this.write(bytes)) {
      this.kept.push({ start: this.written, bytes });
      this.buffer = new Uint8Array(BUFFER_BYTES);
    }
    this.written += this.used;
    this.used = 0;
  }

  /** Writes `bytes` at offset `written`; false (and no more writes) when it cannot. */
  private write(bytes: Uint8Array): boolean {
    if (!this.writable || !this.open()) return false;
    try {
      let done = 0;
      while (done < bytes.byteLength) done += writeSync(this.fd!, bytes, done, bytes.byteLength - done, this.written + done);
      return true;
    } catch {
      // What was written stays readable; nothing more is written.
      this.writable = false;
      return false;
    }
  }

  /** Makes the file at the first write: true when it is open. */
  private open(): boolean {
    if (this.fd !== undefined) return true;
    let folder: string | undefined;
    try {
      folder = mkdtempSync(join(this.dir, 'cadence-texts-'));
      const path = join(folder, 'texts');
      this.fd = openSync(path, 'wx+', 0o600);
      try {
        unlinkSync(path);
        rmdirSync(folder);
      } catch {
        // Windows: an open file cannot be unlinked; it goes at close, or when the process exits.
        this.path = path;
        process.once('exit', () => this.close());
      }
      return true;
    } catch {
      this.writable = false;
      if (folder && this.fd === undefined) rmSync(folder, { recursive: true, force: true });
      return false;
    }
  }
}
