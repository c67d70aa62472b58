import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { requestSchemas, type Channel, type PushChannel, type PushTypes } from '../shared/contract/channels.ts';
import { fail } from '../shared/contract/result.ts';
import { handleRequest, type Handlers } from '../shared/contract/validate.ts';
import { isAppUrl } from './appOrigin.ts';
import type { RequestActivity } from './services/hostActivity.ts';

/**
 * Registers every contract channel through one wrapper: the sender must be the top frame of a
 * page of our own renderer (a navigated-away or injected frame gets nothing), then
 * `handleRequest` validates the payload and turns any failure into a result value.
 */
export function registerIpcHandlers(handlers: Handlers, activity?: RequestActivity): () => void {
  const channels = Object.keys(requestSchemas) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const refusal = checkSender(event);
      if (refusal) return fail(refusal);
      // Counted until answered, so the library's load gives way to it (see `HostActivity`).
      const ended = activity?.begin();
      try {
        return await handleRequest(channel, payload, handlers);
      } finally {
        ended?.();
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

function checkSender(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'Refused: the sending frame is gone';
  if (frame.parent !== null) return 'Refused: requests must come from the top frame';
  if (!isAppUrl(frame.url)) return 'Refused: the sender is not the review app';
  return null;
}

/** Sends a push event to a renderer, unless its window has already gone. */
export function pushTo<P extends PushChannel>(contents: WebContents | null | undefined, channel: P, payload: PushTypes[P]): void {
  if (contents && !contents.isDestroyed()) contents.send(channel, payload);
}
