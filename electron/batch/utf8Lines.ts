/**
 * Text lines gathered straight into UTF-8 bytes, in one growing buffer.
 *
 * The analysis job hands each task's records back as JSON Lines. As one string they would be a
 * V8 large object twice over (built in the worker, rebuilt in the main thread by the message), and
 * the main thread would encode it to UTF-8 again for the gzipped temporary file; as bytes the
 * buffer is moved to the main thread without a copy (a transfer) and written as it is.
 */
const encoder = new TextEncoder();

/** Appends lines as UTF-8; `bytes()` is the result. */
export class Utf8Lines {
  #buffer: Uint8Array<ArrayBuffer>;
  #length = 0;

  constructor(initialBytes = 64 * 1024) {
    this.#buffer = new Uint8Array(Math.max(16, initialBytes));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** Appends `text` and a `\n`. */
  push(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for 2).
    this.#reserve(text.length * 3 + 1);
    this.#length += encoder.encodeInto(text, this.#buffer.subarray(this.#length)).written;
    this.#buffer[this.#length++] = 0x0a;
  }

  /** The lines so far, a view of exactly their bytes (its `buffer` may be larger). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.#buffer.subarray(0, this.#length);
  }

  #reserve(bytes: number): void {
    const needed = this.#length + bytes;
    if (needed <= this.#buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, this.#buffer.length * 2));
    grown.set(this.#buffer.subarray(0, this.#length));
    this.#buffer = grown;
  }
}
