/**
 * A temporary JSON Lines file: values written one by one as a run produces them, then read back
 * in the same order once the run is over. `check` parks each record's result here while the
 * corpus-wide term pass waits for the last record, so its memory holds one result at a time
 * rather than 100,000.
 *
 * The file is gzipped (level 1: fast, and JSON of sentences shrinks several times over): results
 * take about 4 KB a record as JSON, 430 MB for 100,000, and where the temp folder is a RAM disk
 * (tmpfs, common for /tmp) that would be memory again.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createGunzip, createGzip, type Gzip } from 'node:zlib';

const NEWLINE = 0x0a;
/** Bytes gathered before each write to the gzip stream. */
const BATCH_BYTES = 1024 * 1024;

/** Values written to a temp file and streamed back; see the file comment. */
export class JsonLinesSpill<T> {
  readonly #dir: string;
  readonly #path: string;
  readonly #file: WriteStream;
  readonly #out: Gzip;
  readonly #written: Promise<void>;
  readonly #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #count = 0;
  #ended = false;

  private constructor(dir: string) {
    this.#dir = dir;
    this.#path = join(dir, 'spill.jsonl.gz');
    this.#file = createWriteStream(this.#path);
    this.#out = createGzip({ level: constants.Z_BEST_SPEED });
    // pipeline passes the file's backpressure on to the gzip stream, whose `drain` we wait for.
    this.#written = pipeline(this.#out, this.#file);
    this.#written.catch(() => undefined);
  }

  /** A new, empty spill in a fresh folder under `parent` (default the OS temp folder). */
  static async create<T>(parent: string = tmpdir()): Promise<JsonLinesSpill<T>> {
    return new JsonLinesSpill<T>(await mkdtemp(join(parent, 'check-spill-')));
  }

  /** Values written so far. */
  get count(): number {
    return this.#count;
  }

  /** Appends one value; waits only when the disk falls behind, so writes stay bounded in memory. */
  async write(value: T): Promise<void> {
    // JSON.stringify escapes every newline inside strings, so one value is always one line.
    await this.writeLines(`${JSON.stringify(value)}\n`, 1);
  }

  /**
   * Appends `count` values already serialised: `JSON.stringify` of each, each line ending in `\n`,
   * as text or UTF-8 bytes (what a worker sends back, written as it came rather than parsed and
   * serialised again). The bytes are the spill's until written: the caller must not change them.
   */
  async writeLines(lines: string | Uint8Array, count: number): Promise<void> {
    if (this.#ended) throw new Error('JsonLinesSpill: write after read');
    this.#count += count;
    const bytes = typeof lines === 'string' ? Buffer.from(lines, 'utf8') : lines;
    if (bytes.length === 0) return;
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    if (this.#pendingBytes >= BATCH_BYTES) await this.#flush();
  }

  // One write per megabyte: gzip works off the thread, and a round trip per record would cost more than the work.
  async #flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const bytes = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    this.#pending.length = 0;
    this.#pendingBytes = 0;
    if (!this.#out.write(bytes)) await once(this.#out, 'drain');
  }

  /** Closes the file and yields every value in the order written. */
  async *read(): AsyncGenerator<T> {
    if (!this.#ended) {
      this.#ended = true;
      await this.#flush();
      this.#out.end();
      await this.#written;
    }
    // Lines are cut from the bytes and each decoded alone: no string for a whole chunk, nor one
    // re-joined with the end of the chunk before it. A line cut by a chunk's end is carried over.
    let carry: Buffer | undefined;
    const bytes = createReadStream(this.#path).pipe(createGunzip({ chunkSize: 64 * 1024 }));
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      let start = 0;
      let end = chunk.indexOf(NEWLINE);
      if (carry !== undefined) {
        if (end < 0) {
          carry = Buffer.concat([carry, chunk]);
          continue;
        }
        yield JSON.parse(Buffer.concat([carry, chunk.subarray(0, end)]).toString('utf8')) as T;
        start = end + 1;
        end = chunk.indexOf(NEWLINE, start);
      }
      for (; end >= 0; end = chunk.indexOf(NEWLINE, start)) {
        yield JSON.parse(chunk.toString('utf8', start, end)) as T;
        start = end + 1;
      }
      carry = start < chunk.length ? chunk.subarray(start) : undefined;
    }
    if (carry !== undefined) yield JSON.parse(carry.toString('utf8')) as T;
  }

  /** Deletes the file (also when the run failed half-way). */
  async dispose(): Promise<void> {
    if (!this.#file.closed) {
      this.#out.destroy();
      await this.#written.catch(() => undefined);
    }
    await rm(this.#dir, { recursive: true, force: true });
  }
}
