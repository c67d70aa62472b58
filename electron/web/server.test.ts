import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestSchemas } from '../../shared/contract/channels.ts';
import { fail, ok } from '../../shared/contract/result.ts';
import type { Handlers } from '../../shared/contract/validate.ts';
import { startWebServer, type WebServer } from './httpServer.ts';
import { startBrowserHost } from './browserHost.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, because fetch will not let a test forge the Host header. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/**
 * Opens the event stream and reads it until the first event's data; `onConnected` runs once the
 * server has said the stream is connected (to push something into it).
 */
function readFirstEvent(port: number, token: string, onConnected: () => void = () => {}): Promise<{ contentType: string | undefined; received: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers: { 'x-review-token': token, host: `127.0.0.1:${port}` } }, (res) => {
      let text = '';
      let connected = false;
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (!connected && text.includes(': connected')) {
          connected = true;
          onConnected();
        }
        if (text.includes('data: ')) {
          req.destroy();
          resolve({ contentType: res.headers['content-type'], received: text });
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const library = { records: [], errors: [] };
/** Channels these tests do not call answer with a failure, so a channel added to the contract needs no edit here. */
const unused = Object.fromEntries(Object.keys(requestSchemas).map((channel) => [channel, () => fail('not under test')])) as unknown as Handlers;
const handlers: Handlers = {
  ...unused,
  'library:list': () => ok(library),
  'library:openPaths': () => ok(library),
  'library:importText': ({ name, text }) => ok({ records: [], errors: [{ source: { file: name }, message: `got ${text.length} chars` }] }),
  'library:getRecord': ({ id }) => fail(`No record ${id}`),
  'library:recent': () => ok([]),
  'library:openSample': () => ok(library),
  'library:clear': () => ok(library),
  'settings:get': () => ok({ uiLanguage: 'en', reviewerName: '', maxFileMb: null }),
  'settings:set': () => { throw new Error('store is read-only'); },
};

let folder: string;
let server: WebServer;
let auth: Record<string, string>;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'web-host-'));
  const dist = join(folder, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Review</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(folder, 'secret.txt'), 'do not serve');
  symlinkSync(join(folder, 'secret.txt'), join(dist, 'assets', 'link.txt'));
  server = await startWebServer({ handlers, rendererDir: dist, maxBodyBytes: 1000 });
  auth = { 'x-review-token': server.token };
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('browser host: who may talk to it', () => {
  it('listens on 127.0.0.1 only and prints a URL with a 64-hex-digit token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('cannot be reached on any address but 127.0.0.1', async () => {
    const others = ['::1', ...Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal).map((i) => i?.address ?? '')];
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const req = httpRequest({ host: address, port: server.port, path: '/', timeout: 2000 }, () => resolve('answered'));
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        req.on('timeout', () => { req.destroy(); resolve('timeout'); });
        req.end();
      });
      expect(outcome, address).not.toBe('answered');
    }
  });

  it('uses a different token on each launch', async () => {
    const other = await startWebServer({ handlers, rendererDir: folder });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it.each([
    ['the page', 'GET', '/'],
    ['a static file', 'GET', '/assets/app.js'],
    ['an API call', 'POST', '/api/library:list'],
    ['the event stream', 'GET', '/api/events'],
  ])('refuses %s without the token (403)', async (_what, method, path) => {
    const reply = await send(server.port, path, { method, body: method === 'POST' ? '{}' : undefined });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
  });

  it('refuses a wrong token, and a query token anywhere but the page', async () => {
    expect((await send(server.port, '/', { headers: { 'x-review-token': 'f'.repeat(64) } })).status).toBe(403);
    expect((await send(server.port, `/?token=${'0'.repeat(64)}`)).status).toBe(403);
    expect((await send(server.port, `/assets/app.js?token=${server.token}`)).status).toBe(403);
    expect((await send(server.port, `/api/library:list?token=${server.token}`, { method: 'POST', body: '{}' })).status).toBe(403);
  });

  it.each([
    ['a foreign Host', { host: 'evil.example:80' }],
    ['a rebinding Host on our port', { host: 'attacker.test:PORT' }],
    ['our host on another port', { host: '127.0.0.1:1' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['a lookalike Origin', { origin: 'http://127.0.0.1:PORT.evil.example' }],
    ['an https Origin', { origin: 'https://127.0.0.1:PORT' }],
    ['the null Origin', { origin: 'null' }],
  ])('refuses %s even with the token (403)', async (_what, extra) => {
    const headers = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v.replace('PORT', String(server.port))]));
    const reply = await send(server.port, '/api/library:list', { method: 'POST', headers: { ...auth, ...headers }, body: '{}' });
    expect(reply.status).toBe(403);
  });

  it('accepts the token in the page URL and sets an HttpOnly SameSite=Strict cookie that then works alone', async () => {
    const page = await send(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Review</title>');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toBe(`review_token=${server.token}; HttpOnly; SameSite=Strict; Path=/`);
    const reply = await send(server.port, '/api/library:list', { method: 'POST', headers: { cookie: `other=1; review_token=${server.token}` }, body: '{}' });
    expect(reply.status).toBe(200);
  });

  it('accepts localhost and our own Origin', async () => {
    const reply = await send(server.port, '/api/library:list', {
      method: 'POST',
      headers: { ...auth, host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });
});

describe('browser host: API', () => {
  it('answers a valid request with the handler result', async () => {
    const reply = await send(server.port, '/api/library:importText', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'a.jsonl', text: 'abc' }) });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { records: [], errors: [{ source: { file: 'a.jsonl' }, message: 'got 3 chars' }] } });
  });

  it.each([
    ['bad JSON', '/api/library:list', '{nope', /not valid JSON/],
    ['a bad payload', '/api/library:getRecord', '{"id": 5}', /Invalid request for library:getRecord/],
    ['an unknown channel', '/api/fs:readFile', '{}', /Unknown channel/],
    ['a handler that throws', '/api/settings:set', '{}', /settings:set failed: store is read-only/],
  ])('answers %s with an error value', async (_what, path, body, pattern) => {
    const reply = await send(server.port, path, { method: 'POST', headers: auth, body });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(pattern);
  });

  it('refuses a body over the limit with 413 and an error value', async () => {
    const reply = await send(server.port, '/api/library:importText', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'a', text: 'x'.repeat(2000) }) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
  });

  it('refuses GET on an API channel', async () => {
    expect((await send(server.port, '/api/library:list', { headers: auth })).status).toBe(405);
  });

  it('streams push events as Server-Sent Events', async () => {
    const { contentType, received } = await readFirstEvent(server.port, server.token, () =>
      server.push('library:progress', { file: 'a.jsonl', bytesRead: 5, totalBytes: 10, records: 1, errors: 0, done: false }),
    );
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(received).toContain('event: library:progress\ndata: {"file":"a.jsonl","bytesRead":5,"totalBytes":10,"records":1,"errors":0,"done":false}\n\n');
  });
});

describe('browser host: requests in flight', () => {
  it('reports each request from its arrival until its answer, but not the event stream', async () => {
    const events: string[] = [];
    let inFlight = 0;
    const activity = {
      begin: () => {
        inFlight += 1;
        events.push(`begin ${inFlight}`);
        return () => {
          inFlight -= 1;
          events.push(`end ${inFlight}`);
        };
      },
    };
    const slow: Handlers = { ...handlers, 'library:list': async () => {
      events.push(`handler sees ${inFlight}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return ok(library);
    } };
    const counted = await startWebServer({ handlers: slow, rendererDir: join(folder, 'dist'), activity });
    try {
      const headers = { 'x-review-token': counted.token };
      expect((await send(counted.port, '/api/library:list', { method: 'POST', headers, body: '{}' })).status).toBe(200);
      expect((await send(counted.port, '/assets/app.js', { headers })).status).toBe(200);
      // A request ends when its response has gone out, which may be just after the client has read it.
      await vi.waitFor(() => expect(events).toEqual(['begin 1', 'handler sees 1', 'end 0', 'begin 1', 'end 0']));
      // The event stream stays open: it is never counted as a request waiting for its answer.
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: counted.port, path: '/api/events', headers: { host: `127.0.0.1:${counted.port}`, ...headers } }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', reject);
        req.end();
      });
      expect(inFlight).toBe(0);
      expect(events).toHaveLength(5);
    } finally {
      await counted.close();
    }
  });
});

describe('browser host: static files', () => {
  it('serves the renderer with content types, the CSP and nosniff', async () => {
    const js = await send(server.port, '/assets/app.js', { headers: auth });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'.*frame-ancestors 'none'/);
    expect((await send(server.port, '/assets/style.css', { headers: auth })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send(server.port, '/index.html', { headers: auth })).headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/..%5csecret.txt',
    '/assets/link.txt',
    '/%00',
  ])('refuses the path %s', async (path) => {
    const reply = await send(server.port, path, { headers: auth });
    expect([400, 403, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('do not serve');
  });

  it('answers 404 for a missing file', async () => {
    expect((await send(server.port, '/assets/missing.js', { headers: auth })).status).toBe(404);
  });

  it('serves a file again as it is now after it changed or went (files are kept in memory once read)', async () => {
    const file = join(folder, 'dist', 'assets', 'rebuilt.js');
    writeFileSync(file, 'console.log("first")');
    expect((await send(server.port, '/assets/rebuilt.js', { headers: auth })).body).toBe('console.log("first")');
    expect((await send(server.port, '/assets/rebuilt.js', { headers: auth })).body).toBe('console.log("first")');
    // Same size, other bytes, a later mtime: a rebuild.
    writeFileSync(file, 'console.log("again")');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await send(server.port, '/assets/rebuilt.js', { headers: auth })).body).toBe('console.log("again")');
    // A symlink swapped in for a kept file is checked again, and refused.
    rmSync(file);
    symlinkSync(join(folder, 'secret.txt'), file);
    const swapped = await send(server.port, '/assets/rebuilt.js', { headers: auth });
    expect(swapped.status).toBe(403);
    expect(swapped.body).not.toContain('do not serve');
    rmSync(file);
    expect((await send(server.port, '/assets/rebuilt.js', { headers: auth })).status).toBe(404);
  });
});

describe('startBrowserHost', () => {
  it('tells a page that opens its event stream to fetch the list again: a load may have ended before it listened', async () => {
    const records = join(folder, 'two.tsv');
    writeFileSync(records, 'en\tzh\nTwo groups.\t两组。\n');
    const host = await startBrowserHost({ paths: [records], userDataDir: join(folder, 'user-data-stream'), rendererDir: join(folder, 'dist') });
    try {
      const { received } = await readFirstEvent(host.port, host.token);
      expect(received).toContain('event: menu:command\ndata: {"type":"library-changed"}\n\n');
    } finally {
      await host.close();
    }
  });

  it('opens the given paths with the real services and keeps the database in the user-data folder', async () => {
    const data = join(folder, 'user-data');
    const records = join(folder, 'records.tsv');
    writeFileSync(records, Buffer.from([0, 1, 2, 3]));
    const host = await startBrowserHost({ paths: [records], userDataDir: data, rendererDir: join(folder, 'dist') });
    try {
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
      const list = await send(host.port, '/api/library:list', { method: 'POST', headers: { 'x-review-token': host.token }, body: '{}' });
      const state = JSON.parse(list.body) as { ok: true; value: { errors: { source: { file: string }; message: string }[] } };
      expect(state.value.errors).toEqual([{ source: expect.objectContaining({ file: records }), message: expect.stringMatching(/NUL bytes/), code: 'decode.nulBytes', params: { count: 1, sample: 4 } }]);
      const set = await send(host.port, '/api/settings:set', { method: 'POST', headers: { 'x-review-token': host.token }, body: '{"uiLanguage":"zh-CN"}' });
      expect(JSON.parse(set.body)).toEqual({ ok: true, value: { uiLanguage: 'zh-CN', reviewerName: '', maxFileMb: null } });
    } finally {
      await host.close();
    }
    const again = await startBrowserHost({ paths: [records], userDataDir: data, rendererDir: join(folder, 'dist') });
    try {
      const settings = await send(again.port, '/api/settings:get', { method: 'POST', headers: { 'x-review-token': again.token }, body: '{}' });
      expect(JSON.parse(settings.body)).toEqual({ ok: true, value: { uiLanguage: 'zh-CN', reviewerName: '', maxFileMb: null } });
      const recent = await send(again.port, '/api/library:recent', { method: 'POST', headers: { 'x-review-token': again.token }, body: '{}' });
      expect(JSON.parse(recent.body)).toEqual({ ok: true, value: [records] });
    } finally {
      await again.close();
    }
  });
});
