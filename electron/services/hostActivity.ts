/**
 * The page's requests the host is answering right now, so that the host's own background work can
 * step aside for them.
 *
 * The host loads a large JSONL file on its main thread, in slices with a turn of the event loop
 * between them. One turn is enough for a timer, but a request takes several: the connection, the
 * body, each `stat` and read of a file served in chunks, the answer written out. With a 10 ms slice
 * before each of them, a Chromium trace of the page's start while 100,000 records loaded (on a
 * busy machine) had the 17 KB stylesheet arrive 340 ms after it was asked for and the page script
 * 680 ms, and the page's start, a chain of such requests, waited seconds for them.
 * Here a slice's turn waits while any request is in flight (up to a cap, so that a page that never
 * stops asking cannot stall the load), and a request runs its turns back to back.
 */
export interface RequestActivity {
  /** Marks a request begun; the returned function marks it ended (calling it again does nothing). */
  begin(): () => void;
}

/** How long one turn of background work waits at most for the page (requests in flight, or just answered). */
export const MAX_TURN_WAIT_MS = 50;

/**
 * How long after the page's last request was answered background work still gives way. An answer
 * is followed by the page's own work on it (parsing, drawing, the analysis worker), which on two
 * cores competes with the load for the CPU, and often by the next request. Kept short: while a
 * large file loads the page asks for the list's new rows and counts all the time, and 100 ms here
 * made the load of 100,000 records in bench:app-scale take 89 s instead of 22 s.
 */
export const AFTER_REQUEST_MS = 10;

export class HostActivity implements RequestActivity {
  private inFlight = 0;
  private lastEndedAt = Number.NEGATIVE_INFINITY;
  private waiting: (() => void)[] = [];
  private readonly afterRequestMs: number;

  constructor(options: { afterRequestMs?: number } = {}) {
    this.afterRequestMs = options.afterRequestMs ?? AFTER_REQUEST_MS;
  }

  begin(): () => void {
    this.inFlight += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      this.lastEndedAt = performance.now();
      if (this.inFlight === 0) this.release();
    };
  }

  /** Requests being answered now. */
  requestsInFlight(): number {
    return this.inFlight;
  }

  /**
   * A turn of the event loop for background work between two slices: the next turn when the page
   * is quiet; while a request is in flight, or for `afterRequestMs` after the last one ended,
   * once that is over, or after `maxWaitMs` at most.
   */
  turn(maxWaitMs: number = MAX_TURN_WAIT_MS): Promise<void> {
    if (this.inFlight === 0 && this.quietForMs() >= this.afterRequestMs) return new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let done = false;
      const check = (): void => {
        if (done) return;
        clearTimeout(timer);
        const waited = performance.now() - started;
        if (waited >= maxWaitMs || (this.inFlight === 0 && this.quietForMs() >= this.afterRequestMs)) {
          done = true;
          setImmediate(resolve);
          return;
        }
        // Woken when the last request ends (then the quiet time starts) or when it is time to look again.
        const until = this.inFlight > 0 ? maxWaitMs - waited : Math.min(maxWaitMs - waited, this.afterRequestMs - this.quietForMs());
        timer = setTimeout(check, Math.max(1, until));
        if (this.inFlight > 0) this.waiting.push(check);
      };
      check();
    });
  }

  private quietForMs(): number {
    return performance.now() - this.lastEndedAt;
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const check of waiting) check();
  }
}
