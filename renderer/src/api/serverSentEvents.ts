/**
 * A reader for the browser host's push stream (`GET /api/events`, Server-Sent Events).
 *
 * Why not `EventSource`: it cannot send headers, and every request to the host must carry the
 * `X-Review-Token` header (the HttpOnly cookie alone would leave the stream as the one call that
 * depends on cookies). So the stream is read with `fetch` and parsed here, following the
 * WHATWG "event stream interpretation" rules for the fields we use (event, data, comments).
 */

export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Returns a push parser: feed it decoded text chunks as they arrive (they may split a line or an
 * event anywhere); it calls `onEvent` once per complete event.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): (chunk: string) => void {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];

  const dispatch = () => {
    if (dataLines.length > 0) onEvent({ event: eventName || 'message', data: dataLines.join('\n') });
    eventName = '';
    dataLines = [];
  };

  const processLine = (line: string) => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return; // comment, used by servers as a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
    // `id` and `retry` are not used by the host; other fields are ignored, as the spec says.
  };

  return (chunk) => {
    buffer += chunk;
    // Lines end in CRLF, LF or CR. A trailing CR may be the first half of a CRLF split across chunks,
    // so it stays in the buffer until the next chunk shows what follows it.
    const pattern = /\r\n|\n|\r(?=[^\n])/g;
    let start = 0;
    for (let match = pattern.exec(buffer); match; match = pattern.exec(buffer)) {
      processLine(buffer.slice(start, match.index));
      start = match.index + match[0].length;
    }
    buffer = buffer.slice(start);
  };
}

export interface EventStreamOptions {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  onEvent: (event: ServerSentEvent) => void;
  /** Waits between reconnection attempts, in milliseconds (grows up to the last value). */
  retryDelays?: number[];
}

/**
 * Keeps one event stream open, reconnecting after a dropped connection (the host restarting, a
 * laptop waking up) with a growing delay. Returns a function that closes it for good.
 */
export function openEventStream(options: EventStreamOptions): () => void {
  const controller = new AbortController();
  const delays = options.retryDelays ?? [500, 1000, 2000, 5000, 10000];
  let failures = 0;

  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await options.fetch(options.url, { headers: options.headers, signal: controller.signal, cache: 'no-store' });
        if (response.ok && response.body) {
          failures = 0;
          const parse = createSseParser(options.onEvent);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (let part = await reader.read(); !part.done; part = await reader.read()) parse(part.value);
        }
      } catch {
        // Aborted, or the connection failed: fall through to the wait below.
      }
      if (controller.signal.aborted) return;
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 10000;
      failures += 1;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
  void run();
  return () => controller.abort();
}
