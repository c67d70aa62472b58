import { describe, expect, it } from 'vitest';
import { methodOfChannel, type LoadProgress, type ReviewApi } from '../../../shared/contract/channels.ts';
import { createHttpReviewApi } from './httpReviewApi.ts';

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

function fakeHost(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), init });
    return respond(String(input), init);
  };
  return { sent, fetch: fetchStub as typeof fetch };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpReviewApi', () => {
  it('has one method per channel of the contract, each posting to /api/<channel>', async () => {
    const host = fakeHost(() => json({ ok: true, value: 'fine' }));
    const api = createHttpReviewApi({ token: 'tok', fetch: host.fetch });
    for (const [channel, method] of Object.entries(methodOfChannel)) {
      const call = (api as unknown as Record<string, (request: object) => Promise<unknown>>)[method];
      expect(call, method).toBeTypeOf('function');
      await expect(call?.({})).resolves.toEqual({ ok: true, value: 'fine' });
      expect(host.sent.at(-1)?.url).toBe(`/api/${channel}`);
    }
    expect(host.sent).toHaveLength(Object.keys(methodOfChannel).length);
  });

  it('sends the request as JSON with the token header', async () => {
    const host = fakeHost(() => json({ ok: true, value: { records: [], errors: [] } }));
    const api = createHttpReviewApi({ token: 'tok', baseUrl: 'http://127.0.0.1:9', fetch: host.fetch });
    await api.importText({ name: '记录.txt', text: '背景:' });
    const { url, init } = host.sent[0] ?? { url: '', init: undefined };
    expect(url).toBe('http://127.0.0.1:9/api/library:importText');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'X-Review-Token': 'tok', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ name: '记录.txt', text: '背景:' });
  });

  it('passes failed results through as values', async () => {
    const api = createHttpReviewApi({ token: 'tok', fetch: fakeHost(() => json({ ok: false, error: 'bad request: id' }, 400)).fetch });
    await expect(api.getRecord({ id: 'x' })).resolves.toEqual({ ok: false, error: 'bad request: id' });
  });

  it('turns a refusal, a non-result body and a network failure into failed results, never throws', async () => {
    const refused = createHttpReviewApi({ token: null, fetch: fakeHost(() => new Response('Forbidden', { status: 403 })).fetch });
    const refusal = await refused.listRecords({});
    expect(refusal.ok).toBe(false);
    expect(refusal.ok ? '' : refusal.error).toMatch(/403/);

    const garbled = createHttpReviewApi({ token: 't', fetch: fakeHost(() => json({ records: [] })).fetch });
    expect(await garbled.listRecords({})).toEqual({ ok: false, error: 'The review host answered 200  without a result' });

    const offline = createHttpReviewApi({ token: 't', fetch: fakeHost(() => Promise.reject(new TypeError('Failed to fetch'))).fetch });
    expect(await offline.listRecords({})).toEqual({ ok: false, error: 'Cannot reach the review host: Failed to fetch' });
  });

  it('sends no token header when it has no token', async () => {
    const host = fakeHost(() => json({ ok: true, value: [] }));
    await createHttpReviewApi({ token: null, fetch: host.fetch }).recentFiles({});
    expect(host.sent[0]?.init?.headers).not.toHaveProperty('X-Review-Token');
  });

  it('delivers pushes from one shared event stream and closes it after the last unsubscribe', async () => {
    let streams = 0;
    let aborted = 0;
    const host = fakeHost((url, init) => {
      if (url !== '/api/events') return json({ ok: true, value: null });
      streams += 1;
      init?.signal?.addEventListener('abort', () => (aborted += 1));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const text =
            'event: library:progress\ndata: {"file":"a.jsonl","bytesRead":5,"totalBytes":10,"records":1,"errors":0,"done":false}\n\n' +
            'event: menu:command\ndata: {"type":"set-language","language":"zh-CN"}\n\n' +
            'event: menu:command\ndata: not json\n\n';
          controller.enqueue(new TextEncoder().encode(text));
          // left open, as the host keeps it
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    });
    const api: ReviewApi = createHttpReviewApi({ token: 'tok', fetch: host.fetch });
    const progress: LoadProgress[] = [];
    const commands: unknown[] = [];
    const stopProgress = api.onLoadProgress((event) => progress.push(event));
    const stopMenu = api.onMenuCommand((command) => commands.push(command));
    await expect.poll(() => commands.length).toBe(1);
    expect(progress).toEqual([{ file: 'a.jsonl', bytesRead: 5, totalBytes: 10, records: 1, errors: 0, done: false }]);
    expect(commands).toEqual([{ type: 'set-language', language: 'zh-CN' }]);
    expect(streams).toBe(1);
    expect(host.sent.find((request) => request.url === '/api/events')?.init?.headers).toEqual({ 'X-Review-Token': 'tok' });
    stopProgress();
    expect(aborted).toBe(0);
    stopMenu();
    expect(aborted).toBe(1);
  });

  it('says it is the browser host and knows no file paths', () => {
    const api = createHttpReviewApi({ token: 't', fetch: fakeHost(() => json({})).fetch });
    expect(api.host).toBe('browser');
    expect(api.pathForFile({})).toBeNull();
  });
});
