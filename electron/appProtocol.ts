import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol, session } from 'electron';
import { CSP_HEADER } from '../shared/contract/csp.ts';
import { APP_SCHEME, isAppUrl, rendererFileOf } from './appOrigin.ts';
import { contentTypeOf } from './contentTypes.ts';
import type { RequestActivity } from './services/hostActivity.ts';

/**
 * Must run before `app.ready`: makes `app://` a standard, secure origin with fetch support, so
 * the page's own module scripts and workers load same-origin. `corsEnabled` stays unset on
 * purpose: it would let other origins read app:// responses (it lifts CORS rather than
 * enforcing it).
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer on `app://renderer/…`, every response with the CSP and nosniff. */
export function serveRendererOverAppScheme(rendererDir: string, activity?: RequestActivity): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = rendererFileOf(request.url);
    if (relative === null) return new Response('Not allowed', { status: 403, headers: securityHeaders('text/plain; charset=utf-8') });
    // Counted while the file is read, so the library's load gives way to it (see `HostActivity`).
    const ended = activity?.begin();
    try {
      const body = await readFile(join(rendererDir, relative));
      return new Response(body, { status: 200, headers: securityHeaders(contentTypeOf(relative)) });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
    } finally {
      ended?.();
    }
  });
}

function securityHeaders(contentType: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Content-Security-Policy': CSP_HEADER, 'X-Content-Type-Options': 'nosniff' };
}

/**
 * Session-wide hardening: the CSP header is added to every response the app's pages receive
 * (belt and braces with the protocol handler and the page's meta tag), and every permission
 * request (camera, notifications, geolocation …) is refused: the app needs none.
 */
export function hardenDefaultSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url) && !details.url.startsWith('file:')) return callback({});
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP_HEADER] } });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}
