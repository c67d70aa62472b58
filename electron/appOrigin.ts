/**
 * Electron loads the renderer from a privileged custom scheme instead of file://: it gives the
 * page a real origin (`app://renderer`), so the CSP's 'self' means exactly our files, fetch and
 * workers behave as on the web, and IPC senders can be checked by origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page of our own renderer (the sender check of every IPC message). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/**
 * The file under the renderer folder an `app://renderer/…` URL names, as a relative path, or
 * null for anything that tries to leave the folder (`..`, encoded slashes, NUL bytes).
 */
export function rendererFileOf(url: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const segments = path.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}
