/**
 * The browser host prints a URL with a per-launch token (`/?token=…`). The page takes the token
 * out of the address bar at once, so it does not linger in history, bookmarks or screenshots, and
 * keeps it in session storage, so a reload of the same tab still works.
 */

const storageKey = 'abstract-mt-review.token';

export interface TokenSources {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Reads the token from the address bar (then removes it there) or from session storage. */
export function takeBrowserToken({ location, history, storage }: TokenSources): string | null {
  const params = new URLSearchParams(location.search);
  const fromAddress = params.get('token');
  if (fromAddress) {
    storage.setItem(storageKey, fromAddress);
    params.delete('token');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    return fromAddress;
  }
  return storage.getItem(storageKey);
}
