// The texts the leak index keeps until it reads them (issue 22, memory): a
// first load of a whole workspace keeps every private file's text until its
// first judgement, and again afterwards for the files that may be asked for
// as sources. As JavaScript strings they cost two bytes a character as soon
// as one character is outside Latin-1 (a dash, a curly quote: most notes),
// plus a header each, and they sit in the garbage-collected heap, which V8
// lets grow to about twice what it holds. Here they are packed as UTF-8 in
// large shared chunks, outside the heap, and decoded when read (the
// platform's TextEncoder/TextDecoder: the core stays pure and runs in the
// browser too). A chunk is let go once none of its texts is kept.

/** Where one text stands: its chunk and its bytes [start, end) there; or the text itself when it cannot be packed. */
export type TextRef = { readonly chunk: number; readonly start: number; readonly end: number } | { readonly text: string };

/** Chunks are this many bytes (a longer text gets a chunk of its own). */
const CHUNK_BYTES = 1 << 20;

const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF the text starts with is part of it, and comes back.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** A lone surrogate: UTF-8 cannot hold it, so the text would not come back the same. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Can `text` be kept as UTF-8 and come back the same (no lone surrogate)? */
export function packable(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * Where the leak index keeps texts until it reads them: `put` returns a
 * reference that `get` turns back into the same string, byte for byte;
 * `drop` says a reference is no longer needed (each at most once). The
 * core's is TextStore (in memory, outside the heap); a command-line check
 * passes one that spills to a temporary file (cli/spill-store.ts), which
 * then holds only a 1 MB buffer in memory.
 */
export interface TextKeeper {
  put(text: string): TextRef;
  get(ref: TextRef): string;
  drop(ref: TextRef): void;
  /** Bytes it holds in memory. */
  readonly bytes: number;
  /** Gives back what it holds (a file, say): called once its index is let go, and nothing is read after. Optional. */
  close?(): void;
}

/**
 * Texts packed as UTF-8 in shared chunks. `put` returns a reference that
 * `get` turns back into the same string (byte for byte: a text holding a
 * lone surrogate, which UTF-8 cannot hold, is kept as it is); `drop` says a
 * reference is no longer needed, and a chunk none of whose texts is needed
 * is let go. Costs about the text's UTF-8 length, plus up to a text's
 * length of unused room at the end of each chunk.
 */
export class TextStore implements TextKeeper {
  private readonly chunks: (Uint8Array | undefined)[] = [];
  /** Bytes of each chunk still referenced. */
  private readonly live: number[] = [];
  /** The chunk being filled (-1: none yet) and how much of it is used. */
  private current = -1;
  private used = 0;

  /** Bytes of the chunks held (for the tests: a chunk no text needs is let go). */
  get bytes(): number {
    let n = 0;
    for (const c of this.chunks) n += c?.byteLength ?? 0;
    return n;
  }

  /** Keeps a text; its reference for `get` and `drop`. */
  put(text: string): TextRef {
    if (!packable(text)) return { text };
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (this.current === -1 || this.used + most > this.chunks[this.current]!.byteLength) {
      // A text that may not fit a fresh chunk is measured first and gets a chunk of its own.
      if (most > CHUNK_BYTES) {
        const bytes = encoder.encode(text);
        this.chunks.push(bytes);
        this.live.push(bytes.byteLength);
        return { chunk: this.chunks.length - 1, start: 0, end: bytes.byteLength };
      }
      this.retireCurrent();
      this.chunks.push(new Uint8Array(CHUNK_BYTES));
      this.live.push(0);
      this.current = this.chunks.length - 1;
      this.used = 0;
    }
    const chunk = this.current;
    const { written } = encoder.encodeInto(text, this.chunks[chunk]!.subarray(this.used));
    const ref = { chunk, start: this.used, end: this.used + written };
    this.used += written;
    this.live[chunk] += written;
    return ref;
  }

  /** The text kept under `ref` (which must not have been dropped). */
  get(ref: TextRef): string {
    if ('text' in ref) return ref.text;
    const c = this.chunks[ref.chunk];
    if (!c) throw new Error('TextStore.get: a text that was dropped');
    return decoder.decode(c.subarray(ref.start, ref.end));
  }

  /** The text under `ref` is no longer needed (each reference dropped at most once). */
  drop(ref: TextRef): void {
    if ('text' in ref) return;
    this.live[ref.chunk] -= ref.end - ref.start;
    if (this.live[ref.chunk] <= 0 && ref.chunk !== this.current) this.chunks[ref.chunk] = undefined;
  }

  /** The chunk being filled is full: it goes once none of its texts is needed. */
  private retireCurrent(): void {
    if (this.current !== -1 && this.live[this.current] <= 0) this.chunks[this.current] = undefined;
    this.current = -1;
  }
}
