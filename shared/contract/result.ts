/**
 * Errors cross the process boundary as values: an exception thrown in an Electron `handle`
 * reaches the renderer as a bare message with the stack of the wrong process, so every
 * handler returns one of these instead.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps a message as a failed result. */
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** True when `value` has the shape of a `Result` (for data that arrived over a transport). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value && typeof value.error === 'string';
}
