/**
 * A temporary JSON Lines file: values written one by one as a run produces them, then read back
 * in the same order once the run is over. `check` parks each record's result here while the
 * corpus-wide term pass waits for the last record, so its memory holds one result at a time
 * rather than 100,000 (the disk holds them, about 3 KB each).
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Values written to a temp file and streamed back; see the file comment. */
export class JsonLinesSpill<T> {
  readonly #dir: string;
  readonly #path: string;
  readonly #out: WriteStream;
  #count = 0;
  #ended = false;

  private constructor(dir: string) {
    this.#dir = dir;
    this.#path = join(dir, 'spill.jsonl');
    this.#out = createWriteStream(this.#path, { highWaterMark: 1024 * 1024 });
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
    if (this.#ended) throw new Error('JsonLinesSpill: write after read');
    this.#count++;
    // JSON.stringify escapes every newline inside strings, so one value is always one line.
    if (!this.#out.write(`${JSON.stringify(value)}\n`)) await once(this.#out, 'drain');
  }

  /** Closes the file and yields every value in the order written. */
  async *read(): AsyncGenerator<T> {
    if (!this.#ended) {
      this.#ended = true;
      this.#out.end();
      await once(this.#out, 'finish');
    }
    let pending = '';
    for await (const chunk of createReadStream(this.#path, { encoding: 'utf8', highWaterMark: 1024 * 1024 }) as AsyncIterable<string>) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) yield JSON.parse(line) as T;
    }
    if (pending !== '') yield JSON.parse(pending) as T;
  }

  /** Deletes the file (also when the run failed half-way). */
  async dispose(): Promise<void> {
    if (!this.#out.closed) {
      this.#out.destroy();
      await once(this.#out, 'close').catch(() => undefined);
    }
    await rm(this.#dir, { recursive: true, force: true });
  }
}
