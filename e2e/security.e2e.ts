import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './host.ts';

/** The browser host must answer only the page it printed the address for. */
describe('browser host access control', () => {
  let host: TestHost;
  let origin: string;

  beforeAll(async () => {
    host = await startTestHost();
    origin = new URL(host.host.url).origin;
  });

  afterAll(async () => {
    await host?.close();
  });

  const list = (headers: Record<string, string>) =>
    fetch(`${origin}/api/library:list`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });

  it('answers an API call that carries the token', async () => {
    const response = await list({ 'X-Review-Token': host.host.token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: { records: { title: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.value.records.map((record) => record.title)).toContain('MDMA for treatment of PTSD and neurorehabilitation in military populations.');
  });

  it('refuses an API call without the token (403)', async () => {
    const response = await list({});
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false });
  });

  it('refuses a wrong token (403)', async () => {
    expect((await list({ 'X-Review-Token': 'x'.repeat(host.host.token.length) })).status).toBe(403);
  });

  it('refuses a request from a foreign Origin even with the token (403)', async () => {
    const response = await list({ 'X-Review-Token': host.host.token, Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Host header even with the token (403; DNS rebinding)', async () => {
    // fetch() will not send a Host of our choosing, node:http will.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const call = request(`${origin}/api/library:list`, {
        method: 'POST',
        headers: { Host: `rebound.example:${host.host.port}`, 'X-Review-Token': host.host.token, 'Content-Type': 'application/json' },
      });
      call.on('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      call.on('error', reject);
      call.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses the page itself and the event stream without the token', async () => {
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/api/events`)).status).toBe(403);
  });

  it('serves the page with the token, with the CSP in the header and in the page', async () => {
    const response = await fetch(host.host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await response.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self';/);
    expect(html).not.toMatch(/<script>(?!<\/)/); // no inline script
    expect(html).not.toMatch(/<style/);
  });
});
