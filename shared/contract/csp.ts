/**
 * The renderer's Content-Security-Policy, declared once. Electron sets it as a response header on
 * the app protocol, the browser host on every response, and `renderer/index.html` repeats
 * `CSP_META` in a `<meta http-equiv>` tag so the page is covered even if a header is lost.
 * Both apply at once (the browser enforces the intersection).
 *
 * Everything comes from the app's own origin: no inline scripts or styles (React's `style`
 * props are DOM properties, which CSP allows), no eval, no remote hosts; `data:` images only.
 * `connect-src 'self'` is what the browser host's fetch and EventSource need.
 */
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // blob: lets the renderer start a worker from a bundled script without a separate file.
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** For `<meta http-equiv="Content-Security-Policy">` (frame-ancestors is ignored in a meta tag). */
export const CSP_META = directives.join('; ');

/** For the `Content-Security-Policy` response header. */
export const CSP_HEADER = [...directives, "frame-ancestors 'none'"].join('; ');
