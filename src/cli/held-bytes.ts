// The bytes of 1:1 notes that `cadence check`'s first step read, handed to a
// worker with the chunk of notes it judges (parallel.ts): packed into one
// buffer that is transferred with the message rather than copied, so the
// worker neither opens the notes again nor receives each note's bytes as a
// view of a shared pool (which the message would copy whole).

import type { Job } from './parallel';

/**
 * One chunk of notes for a worker, with the bytes step 1 held of them
 * packed into one buffer, handed over with the message rather than copied
 * (the worker then does not open and read them again): the bytes of
 * `jobs[k]` end at `ends[k]` and start where the last held one before it
 * ends (or at 0); -1 when step 1 did not hold them (the worker reads them).
 */
export interface ChunkOfNotes {
  readonly chunk: number;
  readonly jobs: readonly Job[];
  readonly held?: { readonly bytes: Uint8Array; readonly ends: Int32Array };
}

/** Packs the bytes held for `jobs` for a worker (see ChunkOfNotes), letting go of them here; undefined when none is held. */
export function packHeld(jobs: readonly Job[], held: (Uint8Array | undefined)[]): ChunkOfNotes['held'] {
  let total = 0;
  let any = false;
  for (const job of jobs) {
    const b = held[job.index];
    if (b) {
      total += b.byteLength;
      any = true;
    }
  }
  if (!any) return undefined;
  const bytes = new Uint8Array(total);
  const ends = new Int32Array(jobs.length);
  let at = 0;
  for (let k = 0; k < jobs.length; k++) {
    const b = held[jobs[k].index];
    held[jobs[k].index] = undefined;
    if (!b) {
      ends[k] = -1;
      continue;
    }
    bytes.set(b, at);
    at += b.byteLength;
    ends[k] = at;
  }
  return { bytes, ends };
}

/** Each job's held bytes of a packed chunk (undefined where none was held): the inverse of packHeld. */
export function unpackHeld(jobs: number, held: ChunkOfNotes['held']): (Uint8Array | undefined)[] {
  const out: (Uint8Array | undefined)[] = new Array(jobs).fill(undefined);
  if (!held) return out;
  let start = 0;
  for (let k = 0; k < jobs; k++) {
    const end = held.ends[k];
    if (end === -1) continue;
    out[k] = held.bytes.subarray(start, end);
    start = end;
  }
  return out;
}
