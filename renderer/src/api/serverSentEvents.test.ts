import { describe, expect, it } from 'vitest';
import { createSseParser, openEventStream, type ServerSentEvent } from './serverSentEvents.ts';

function parseAll(chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const push = createSseParser((event) => events.push(event));
  for (const chunk of chunks) push(chunk);
  return events;
}

describe('createSseParser', () => {
  it.each([
    ['one event', ['event: library:progress\ndata: {"done":true}\n\n'], [{ event: 'library:progress', data: '{"done":true}' }]],
    ['no event name means "message"', ['data: x\n\n'], [{ event: 'message', data: 'x' }]],
    ['multi-line data joined with LF', ['data: a\ndata: b\n\n'], [{ event: 'message', data: 'a\nb' }]],
    ['comments (keep-alives) ignored', [': ping\n\nevent: e\ndata: 1\n\n'], [{ event: 'e', data: '1' }]],
    ['no space after the colon', ['event:e\ndata:1\n\n'], [{ event: 'e', data: '1' }]],
    ['CRLF line ends', ['event: e\r\ndata: 1\r\n\r\n'], [{ event: 'e', data: '1' }]],
    ['CRLF split across chunks', ['event: e\r', '\ndata: 1\r', '\n\r', '\n'], [{ event: 'e', data: '1' }]],
    ['bare CR line ends', ['event: e\rdata: 1\r\rx'], [{ event: 'e', data: '1' }]],
    ['an event split mid-word', ['eve', 'nt: menu:com', 'mand\nda', 'ta: {"type":"export"}\n', '\n'], [{ event: 'menu:command', data: '{"type":"export"}' }]],
    ['an incomplete event is held back', ['event: e\ndata: 1\n'], []],
    ['event without data is not dispatched', ['event: e\n\n'], []],
    ['Chinese text in data', ['data: {"file":"记录.txt"}\n\n'], [{ event: 'message', data: '{"file":"记录.txt"}' }]],
    ['event name reset after each event', ['event: a\ndata: 1\n\ndata: 2\n\n'], [{ event: 'a', data: '1' }, { event: 'message', data: '2' }]],
  ])('%s', (_name, chunks, expected) => {
    expect(parseAll(chunks)).toEqual(expected);
  });
});

describe('openEventStream', () => {
  const streamOf = (text: string) =>
    new Response(new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode(text)), controller.close()) }));

  it('sends the headers, delivers events and reconnects after the stream ends', async () => {
    const requests: RequestInit[] = [];
    const events: ServerSentEvent[] = [];
    let close = () => {};
    await new Promise<void>((resolve) => {
      const fetchStub = async (_url: RequestInfo | URL, init?: RequestInit) => {
        requests.push(init ?? {});
        return streamOf(`event: n\ndata: ${requests.length}\n\n`);
      };
      close = openEventStream({
        url: '/api/events',
        headers: { 'X-Review-Token': 't0k' },
        fetch: fetchStub as typeof fetch,
        onEvent: (event) => {
          events.push(event);
          if (events.length === 2) resolve();
        },
        retryDelays: [1],
      });
    });
    close();
    expect(events).toEqual([{ event: 'n', data: '1' }, { event: 'n', data: '2' }]);
    expect(requests[0]?.headers).toEqual({ 'X-Review-Token': 't0k' });
  });

  it('keeps retrying when refused, and stops once closed', async () => {
    let attempts = 0;
    const fetchStub = async () => {
      attempts += 1;
      return new Response('forbidden', { status: 403 });
    };
    const close = openEventStream({ url: '/api/events', headers: {}, fetch: fetchStub as typeof fetch, onEvent: () => {}, retryDelays: [1] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    close();
    const seen = attempts;
    expect(seen).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(attempts).toBeLessThanOrEqual(seen + 1);
  });
});
