import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { SNIFF_BYTES, sniffEncoding, type TextEncodingName } from './textDecoding.ts';

/** Called after each chunk with the bytes read so far. */
export type BytesListener = (bytesRead: number) => void;

export class NotTextError extends Error {}

/**
 * Reads a file as decoded text chunks, streaming: memory stays at one chunk plus the decoder's
 * carry-over, whatever the file size. The encoding is decided from the first chunk (which
 * `highWaterMark` makes at least `SNIFF_BYTES` long for any file that big); a binary file throws
 * `NotTextError` before any text is yielded. Later invalid bytes become U+FFFD rather than
 * failing a 2 GB load at 99 %; the record they sit in will then usually fail to parse and show
 * up as an error entry.
 */
export async function* readTextChunks(path: string, onBytes: BytesListener = () => {}, chunkBytes = 1024 * 1024): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: Math.max(chunkBytes, SNIFF_BYTES) });
  let decoder: TextDecoder | null = null;
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let bytes: Uint8Array = chunk;
      if (!decoder) {
        const guess = sniffEncoding(chunk);
        if (guess.kind === 'binary') throw new NotTextError(`File ${guess.reason}`);
        decoder = new TextDecoder(guess.encoding satisfies TextEncodingName, { ignoreBOM: true });
        bytes = chunk.subarray(guess.bomLength);
      }
      const text = decoder.decode(bytes, { stream: true });
      onBytes(bytesRead);
      if (text) yield text;
    }
    const rest = decoder?.decode() ?? '';
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

export interface Line {
  text: string;
  /** 1-based. */
  number: number;
  /** Character offset of the line's start in the decoded text. */
  offset: number;
}

/**
 * Splits streamed text into lines (LF or CRLF; the CR is dropped). A line longer than `maxChars`
 * is not accumulated: `onOverlong` is told its number and the rest of it is skipped, so one
 * runaway line cannot exhaust memory.
 */
export async function* splitLines(chunks: AsyncIterable<string>, maxChars: number, onOverlong: (line: number, offset: number) => void): AsyncGenerator<Line> {
  let pending = '';
  let lineNumber = 1;
  let lineOffset = 0;
  let skipping = false;
  let consumed = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      if (newline === -1) {
        if (!skipping) {
          pending += chunk.slice(start);
          if (pending.length > maxChars) {
            onOverlong(lineNumber, lineOffset);
            pending = '';
            skipping = true;
          }
        }
        break;
      }
      if (!skipping) {
        const text = pending + chunk.slice(start, newline);
        if (text.length > maxChars) onOverlong(lineNumber, lineOffset);
        else yield { text: stripCarriageReturn(text), number: lineNumber, offset: lineOffset };
      }
      pending = '';
      skipping = false;
      lineNumber += 1;
      start = newline + 1;
      lineOffset = consumed + start;
    }
    consumed += chunk.length;
  }
  if (!skipping && pending.length > 0) yield { text: stripCarriageReturn(pending), number: lineNumber, offset: lineOffset };
}

function stripCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
