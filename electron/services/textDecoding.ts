/**
 * Byte-level decisions for files the user opens: which encoding, and whether it is text at all.
 *
 * Records arrive as UTF-8 (with or without a BOM, the common case) or UTF-16 with a BOM (what
 * Excel's "Unicode text" export and some Windows tools write). Without a BOM we assume UTF-8 and
 * treat NUL bytes or invalid UTF-8 near the start as a sign of a binary file (a PDF, a zip, a
 * database) rather than showing mojibake.
 */
import { TextDecoder } from 'node:util';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type EncodingGuess =
  | { kind: 'text'; encoding: TextEncodingName; bomLength: number }
  | { kind: 'binary'; reason: string };

/** How many leading bytes `sniffEncoding` wants to see (more is ignored). */
export const SNIFF_BYTES = 64 * 1024;

/** Decides the encoding from the first bytes of a file (up to `SNIFF_BYTES`). */
export function sniffEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { kind: 'text', encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', bomLength: 2 };
  const window = head.subarray(0, SNIFF_BYTES);
  if (window.includes(0)) {
    return { kind: 'binary', reason: 'contains NUL bytes: a binary file, or UTF-16 without a byte-order mark' };
  }
  try {
    // stream: true so a multi-byte character cut at the window's end is not counted as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(window, { stream: true });
  } catch {
    return { kind: 'binary', reason: 'is not valid UTF-8 text (save it as UTF-8 or UTF-16 with a byte-order mark)' };
  }
  return { kind: 'text', encoding: 'utf-8', bomLength: 0 };
}

/** Decodes a whole file's bytes, or says why it is not text. */
export function decodeBytes(bytes: Uint8Array): { text: string } | { error: string } {
  const guess = sniffEncoding(bytes);
  if (guess.kind === 'binary') return { error: `File ${guess.reason}` };
  try {
    return { text: new TextDecoder(guess.encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(guess.bomLength)) };
  } catch {
    return { error: `File is not valid ${guess.encoding.toUpperCase()} text` };
  }
}
