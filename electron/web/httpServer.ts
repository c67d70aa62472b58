import { randomBytes, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import type { PushChannel, PushTypes } from '../../shared/contract/channels.ts';
import { CSP_HEADER } from '../../shared/contract/csp.ts';
import { fail } from '../../shared/contract/result.ts';
import { errorMessage, handleRequest, type Handlers } from '../../shared/contract/validate.ts';
import { contentTypeOf } from '../contentTypes.ts';
import type { RequestActivity } from '../services/hostActivity.ts';

/**
 * The browser host: the renderer and the main-side services over HTTP, for machines where the
 * Electron binary cannot be had. Protocol (the renderer's `httpReviewApi.ts` implements the client):
 *
 * - Bound to 127.0.0.1 only. Every request must carry the per-launch token: `?token=` (accepted
 *   only on `GET /` or `/index.html`, which then sets the `review_token` cookie), the cookie, or
 *   the `X-Review-Token` header. The Host header must name 127.0.0.1 or localhost on our port
 *   (defeats DNS rebinding) and an Origin header, when present, must be our own origin (defeats
 *   cross-site requests from other pages the user has open). Anything else: 403.
 * - `POST /api/<channel>`: JSON body = request; answer 200 with the `Result` from `handleRequest`.
 * - `GET /api/events`: Server-Sent Events, `event: <push channel>` / `data: <json>`.
 * - Everything else: static files of the built renderer, with the CSP header and nosniff.
 */

export interface WebServerOptions {
  handlers: Handlers;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; normally 32 random bytes per launch. */
  token?: string;
  /** Largest request body; `library:importText` carries whole files. Default 300 MB. */
  maxBodyBytes?: number;
  /** Told of each request from its arrival until its response is done (see `HostActivity`). */
  activity?: RequestActivity;
  /**
   * Called when a page opens its event stream. A push sent before that is lost to the page (its
   * stream opens only after its first render), so the host pushes what has changed meanwhile.
   */
  onEventStreamOpen?: () => void;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  /** Sends a push event to every open event stream. */
  push<P extends PushChannel>(channel: P, payload: PushTypes[P]): void;
  close(): Promise<void>;
}

const COOKIE_NAME = 'review_token';
const HOST = '127.0.0.1';

/** Starts the server and resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? 300 * 1024 * 1024;
  const rendererRoot = resolve(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const server = createServer((request, response) => {
    // The event stream stays open as long as the page: it is not a request waiting for its answer.
    if (options.activity && !request.url?.startsWith('/api/events')) response.once('close', options.activity.begin());
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, fail(`Internal error: ${errorMessage(error)}`));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) return refuse(response, 'Host not allowed');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) return refuse(response, 'Origin not allowed');

    const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
    const isEntry = request.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html');
    const queryToken = url.searchParams.get('token');
    const authorised =
      tokenMatches(headerValue(request.headers['x-review-token'])) ||
      tokenMatches(readCookie(request.headers.cookie, COOKIE_NAME)) ||
      (isEntry && tokenMatches(queryToken));
    if (!authorised) return refuse(response, 'Missing or wrong token: open the address printed at start-up');
    if (isEntry && tokenMatches(queryToken)) {
      response.setHeader('Set-Cookie', `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }

    if (url.pathname === '/api/events') {
      if (request.method !== 'GET') return sendJson(response, 405, fail('Use GET for /api/events'));
      return openEventStream(response);
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return sendJson(response, 405, fail('Use POST for API calls'));
      return answerApi(request, response, decodeURIComponent(url.pathname.slice('/api/'.length)));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    return serveStatic(request, response, url.pathname);
  }

  async function answerApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(request, maxBody);
    if (body === 'too-large') {
      sendJson(response, 413, fail(`Request body over the ${maxBody} byte limit`));
      request.resume();
      return;
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      return sendJson(response, 200, fail(`Request body is not valid JSON: ${errorMessage(error)}`));
    }
    sendJson(response, 200, await handleRequest(channel, payload, options.handlers));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
    options.onEventStreamOpen?.();
  }

  /**
   * The renderer's files as served, by the path asked for. The page's start is a chain of such
   * requests, each of which read from disk took several turns of the event loop (realpath, stat,
   * open, reads, close), and while a large file loads every turn waits behind a slice of it: a
   * file served from here is one turn. An entry is used only while the file's size and mtime
   * (one `statSync`, microseconds) are unchanged, so a rebuild is served at once.
   */
  const served = new Map<string, { size: number; mtimeMs: number; type: string; body: Buffer }>();

  function sendFile(request: IncomingMessage, response: ServerResponse, file: { size: number; type: string; body: Buffer }): void {
    response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.size, 'Cache-Control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    else response.end(file.body);
  }

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendText(response, 400, 'Bad path');
    }
    if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return sendText(response, 403, 'Path not allowed');
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    let file = resolve(rendererRoot, relative);
    const kept = served.get(file);
    if (kept) {
      const now = statIfAny(file);
      if (now !== null && now.size === kept.size && now.mtimeMs === kept.mtimeMs) return sendFile(request, response, kept);
      served.delete(file);
    }
    const asked = file;
    try {
      // realpath as well: a symlink inside dist must not lead out of it either.
      file = await realpath(file);
      const root = await realpath(rendererRoot);
      if (file !== root && !file.startsWith(root + sep)) return sendText(response, 403, 'Path not allowed');
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const entry = { size: info.size, mtimeMs: info.mtimeMs, type: contentTypeOf(file), body: await readFile(file) };
      // Kept under the path asked for, whose stat follows the same links; a change to the file, or
      // to where a link leads, changes size or mtime and sends the next request through these checks.
      if (entry.body.length === entry.size) served.set(asked, entry);
      sendFile(request, response, { ...entry, size: entry.body.length });
    } catch {
      if (relative === 'index.html') return sendText(response, 503, 'The renderer is not built yet: run `npm run build`.');
      sendText(response, 404, 'Not found');
    }
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  // Comments keep idle event streams alive through proxies and let a dead client be noticed.
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    token,
    port,
    push(channel, payload) {
      const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close() {
      clearInterval(keepAlive);
      for (const stream of streams) stream.end();
      streams.clear();
      return new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CSP_HEADER);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
}

function refuse(response: ServerResponse, reason: string): void {
  sendJson(response, 403, fail(reason));
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

/** The file's size and mtime, or null when it is gone. */
function statIfAny(file: string): { size: number; mtimeMs: number } | null {
  const info = statSync(file, { throwIfNoEntry: false });
  return info && info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null;
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** Collects the body up to `limit` bytes; past it, stops buffering and reports 'too-large'. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, rejectBody) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return resolveBody('too-large');
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(over ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', rejectBody);
  });
}
