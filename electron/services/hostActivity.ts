/**
 * The page's requests the host is answering right now, so that the host's own background work can
 * step aside for them.
 *
 * The host loads a large JSONL file on its main thread, in slices with a turn of the event loop
 * between them. One turn is enough for a timer, but a request takes several: the connection, the
 * body, each `stat` and read of a file served in chunks, the answer written out. With a 10 ms slice
 * before each of them, a 316-byte favicon took 130-180 ms and the 517 KB page script 300 ms while
 * 100,000 records loaded, and the page's start, a chain of such requests, waited seconds for them.
 * Here a slice's turn waits while any request is in flight (up to a cap, so that a page that never
 * stops asking cannot stall the load), and a request runs its turns back to back.
 */
export interface RequestActivity {
  /** Marks a request begun; the returned function marks it ended (calling it again does nothing). */
  begin(): () => void;
}

/** How long one turn of background work waits at most for requests in flight. */
export const MAX_TURN_WAIT_MS = 50;

export class HostActivity implements RequestActivity {
  private inFlight = 0;
  private waiting: (() => void)[] = [];

  begin(): () => void {
    this.inFlight += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.release();
    };
  }

  /** Requests being answered now. */
  requestsInFlight(): number {
    return this.inFlight;
  }

  /**
   * A turn of the event loop for background work between two slices: the next turn when no
   * request is in flight; otherwise once the last one ends, or after `maxWaitMs` at most.
   */
  turn(maxWaitMs: number = MAX_TURN_WAIT_MS): Promise<void> {
    if (this.inFlight === 0) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      let done = false;
      const go = (): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        setImmediate(resolve);
      };
      const timer = setTimeout(go, maxWaitMs);
      this.waiting.push(go);
    });
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const go of waiting) go();
  }
}
