import { z } from 'zod';
import { fail, isResult, type Result } from './result.ts';
import { requestSchemas, type Channel, type RequestOf, type ResponseOf } from './channels.ts';

/**
 * One handler per channel. Handlers return result values; one that throws anyway is caught by
 * `handleRequest`, so a bug in a service reaches the renderer as an error value, not a crash.
 */
export type Handlers = {
  [C in Channel]: (request: RequestOf<C>) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>;
};

/** True when `name` is one of the contract's request channels (own keys only, so `__proto__` is not). */
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(requestSchemas, name);
}

/**
 * Validates `payload` against the channel's request schema and runs its handler.
 *
 * Both transports (Electron IPC and the browser host's HTTP) call this, so validation and error
 * shaping live in one place. Never throws: an unknown channel, a payload that fails the schema
 * and a handler that throws or rejects all come back as `{ ok: false, error }`.
 */
export async function handleRequest(channel: string, payload: unknown, handlers: Handlers): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail(`Unknown channel "${truncate(channel, 80)}"`);
  const parsed = requestSchemas[channel].safeParse(payload);
  if (!parsed.success) return fail(`Invalid request for ${channel}: ${describeIssues(parsed.error)}`);
  // The cast is sound: `parsed.data` was produced by this channel's own schema, and the handler
  // table is keyed by the same channel; TypeScript cannot correlate the two through the union.
  const handler = handlers[channel] as (request: unknown) => Result<unknown> | Promise<Result<unknown>>;
  try {
    const result = await handler(parsed.data);
    if (!isResult(result)) return fail(`Handler for ${channel} returned no result value`);
    return result;
  } catch (error) {
    return fail(`${channel} failed: ${errorMessage(error)}`);
  }
}

/** One line per issue, "path: message", capped so a huge bad payload cannot produce a huge error. */
function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)';
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > 5) lines.push(`… and ${error.issues.length - 5} more`);
  return lines.join('; ');
}

/** The message of anything thrown, without the stack (stacks name main-side files the user cannot act on). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return truncate(String(error), 500);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
