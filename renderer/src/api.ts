import type { ReviewApi } from '../../shared/contract/channels.ts';
import { takeBrowserToken } from './api/browserToken.ts';
import { createHttpReviewApi } from './api/httpReviewApi.ts';

declare global {
  interface Window {
    /** Set by the Electron preload (electron/preload.ts); absent in the browser host. */
    readonly api?: ReviewApi;
  }
}

/**
 * The only reader of `window.api`. In Electron the preload has exposed the `ReviewApi`; in a
 * browser (the browser host) the same interface is provided over HTTP. Everything else receives
 * the chosen implementation through `ReviewApiProvider`, so tests can hand in a fake.
 */
export function getReviewApi(): ReviewApi {
  if (window.api) return window.api;
  const token = takeBrowserToken({ location: window.location, history: window.history, storage: window.sessionStorage });
  return createHttpReviewApi({ token });
}
