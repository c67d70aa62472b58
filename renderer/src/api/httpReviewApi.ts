import type { Channel, PushChannel, PushTypes, ReviewApi } from '../../../shared/contract/channels.ts';
import { methodOfChannel } from '../../../shared/contract/vocabulary.ts';
import { fail, type Result } from '../../../shared/contract/result.ts';
import { openEventStream, type ServerSentEvent } from './serverSentEvents.ts';

/** The header the browser host checks on every request (see electron/web/server.ts). */
export const tokenHeader = 'X-Review-Token';

/** The request methods of `ReviewApi`: everything but the pushes and the host-specific members. */
type ChannelMethods = Omit<ReviewApi, 'onLoadProgress' | 'onMenuCommand' | 'pathForFile' | 'host'>;

export interface HttpReviewApiOptions {
  /** The per-launch token; null when the page was opened without one (every call is then refused). */
  token: string | null;
  /** Prefix of the API paths; '' for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * `ReviewApi` over the browser host's HTTP protocol: `POST /api/<channel>` with the request as JSON,
 * answered with a `Result`; pushes arrive on `GET /api/events` as Server-Sent Events named after
 * their push channel.
 *
 * The methods are generated from `methodOfChannel`, so a channel added to the contract is callable
 * here without touching this file.
 */
export function createHttpReviewApi(options: HttpReviewApiOptions): ReviewApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers: Record<string, string> = options.token ? { [tokenHeader]: options.token } : {};

  const call = async (channel: Channel, request: unknown): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        credentials: 'same-origin',
      });
    } catch (error) {
      return fail(`Cannot reach the review host: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (isResult(body)) return body;
    if (response.status === 403) return fail('The review host refused the request (403): open the address printed by `npm run web`, token included.');
    return fail(`The review host answered ${response.status} ${response.statusText} without a result`);
  };

  // The one cast: a table built at run time becomes the mapped method type. The test checks that
  // every channel has its method.
  const methods = Object.fromEntries(
    (Object.entries(methodOfChannel) as [Channel, string][]).map(([channel, method]) => [
      method,
      (request: unknown) => call(channel, request),
    ]),
  ) as unknown as ChannelMethods;

  const pushes = createPushHub((onEvent) =>
    openEventStream({ url: `${baseUrl}/api/events`, headers, fetch: doFetch, onEvent }),
  );

  return {
    ...methods,
    onLoadProgress: (callback) => pushes.subscribe('library:progress', callback),
    onMenuCommand: (callback) => pushes.subscribe('menu:command', callback),
    // A page in a browser never sees file-system paths: dropped files are read and sent as text.
    pathForFile: () => null,
    host: 'browser',
  };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value && typeof value.error === 'string';
}

type Listener = (payload: never) => void;

/**
 * One event stream shared by every subscriber, opened with the first and closed with the last, so
 * a component that subscribes and unsubscribes on each render does not reconnect each time.
 */
function createPushHub(open: (onEvent: (event: ServerSentEvent) => void) => () => void) {
  const listeners = new Map<PushChannel, Set<Listener>>();
  let close: (() => void) | null = null;

  const deliver = ({ event, data }: ServerSentEvent) => {
    const forChannel = listeners.get(event as PushChannel);
    if (!forChannel || forChannel.size === 0) return;
    let payload: never;
    try {
      payload = JSON.parse(data) as never;
    } catch {
      return; // a garbled event is dropped; the next progress event supersedes it anyway
    }
    for (const listener of [...forChannel]) listener(payload);
  };

  const subscriberCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  return {
    subscribe<P extends PushChannel>(channel: P, callback: (payload: PushTypes[P]) => void): () => void {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      const listener = callback as Listener;
      set.add(listener);
      close ??= open(deliver);
      return () => {
        set.delete(listener);
        if (subscriberCount() === 0 && close) {
          close();
          close = null;
        }
      };
    },
  };
}
