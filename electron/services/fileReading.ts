import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { decodeBytes } from '../../shared/records/decode.ts';
import type { LoadError } from '../../shared/records/model.ts';

/** Called after each chunk with the bytes read so far. */
export type BytesListener = (bytesRead: number) => void;

/**
 * Thrown when a file is not text (binary, or in no encoding we read); the message says which in
 * English, and `loadError` carries the decoder's entry (its code and values) for the error list.
 */
export class NotTextError extends Error {
  readonly loadError: LoadError;

  constructor(loadError: LoadError) {
    super(loadError.message);
    this.name = 'NotTextError';
    this.loadError = loadError;
  }
}

/** How much of a streamed file decides its encoding. */
const SNIFF_BYTES = 64 * 1024;

/** Reads a whole file into memory, reporting bytes as they arrive (for formats parsed in one piece). */
export async function readFileBytes(path: string, onBytes: BytesListener = () => {}, chunkBytes = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytesRead = 0;
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      bytesRead += chunk.length;
      onBytes(bytesRead);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a file as decoded text chunks, streaming: memory stays at one chunk plus the decoder's
 * carry-over, whatever the file size. The encoding is decided once, from the first chunk, by
 * the shared `decodeBytes` (BOMs, BOM-less UTF-16, binary signatures, UTF-8, GB18030); a file
 * it refuses throws `NotTextError` before any text is yielded. Later invalid bytes become U+FFFD
 * rather than failing a 2 GB load at 99 %; the line they sit in then fails to parse and shows
 * up as an error entry.
 */
export async function* readTextChunks(path: string, onBytes: BytesListener = () => {}, chunkBytes = 1024 * 1024): AsyncGenerator<string> {
  const highWaterMark = Math.max(chunkBytes, SNIFF_BYTES);
  const stream = createReadStream(path, { highWaterMark });
  let decoder: ChunkDecoder | null = null;
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string;
      if (!decoder) {
        decoder = decoderFor(chunk, chunk.length < highWaterMark, path);
        text = decoder.write(chunk);
        // The decoders below keep a BOM as U+FEFF; it is not part of the text.
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      } else text = decoder.write(chunk);
      bytesRead += chunk.length;
      onBytes(bytesRead);
      if (text) yield text;
    }
    const rest = decoder?.end() ?? '';
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

/**
 * Chooses the decoder from the first 64 KiB. Unless that is the whole file, the sample ends
 * at its last LF byte: in UTF-8 and GB18030 that byte never sits inside a character, so a
 * character cut at the chunk's end cannot make valid UTF-8 look invalid (and be misread as
 * GB18030).
 */
interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

function decoderFor(head: Buffer, wholeFile: boolean, path: string): ChunkDecoder {
  const window = head.subarray(0, SNIFF_BYTES);
  const lastNewline = window.lastIndexOf(0x0a);
  const sample = (wholeFile && window.length === head.length) || lastNewline < 0 ? window : window.subarray(0, lastNewline + 1);
  const decoded = decodeBytes(sample, path, { maxBytes: Number.POSITIVE_INFINITY });
  if ('error' in decoded) throw new NotTextError(decoded.error);
  // StringDecoder is several times faster than TextDecoder for UTF-8 in Node (measured 3x on
  // a 10 MB export) and replaces bad bytes the same way; TextDecoder covers the rest.
  if (decoded.encoding === 'utf-8') return new StringDecoder('utf8');
  if (decoded.encoding === 'utf-16le') return new StringDecoder('utf16le');
  const decoder = new TextDecoder(decoded.encoding, { ignoreBOM: true });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

export interface Line {
  text: string;
  /** 1-based. */
  number: number;
  /** Character offset of the line's start in the decoded text. */
  offset: number;
}

/** A line too long to hold, skipped; the caller reports it. */
export interface SkippedLine {
  number: number;
  offset: number;
}

/**
 * Splits streamed text into lines (LF or CRLF; the CR is dropped), synchronously per chunk so a
 * million-line file costs a million array pushes, not a million awaits. A line longer than
 * `maxChars` is not accumulated: it comes back in `skipped` and the rest of it is dropped, so one
 * runaway line (a JSON array on one line, a binary blob) cannot exhaust memory.
 */
export class LineSplitter {
  private readonly maxChars: number;
  private pending = '';
  private lineNumber = 1;
  private lineOffset = 0;
  private skipping = false;
  private consumed = 0;

  constructor(maxChars: number) {
    this.maxChars = maxChars;
  }

  /** Adds a chunk; returns the lines it completed and the overlong lines it gave up on. */
  push(chunk: string): { lines: Line[]; skipped: SkippedLine[] } {
    const lines: Line[] = [];
    const skipped: SkippedLine[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      if (newline === -1) {
        if (!this.skipping) {
          this.pending += chunk.slice(start);
          if (this.pending.length > this.maxChars) {
            skipped.push({ number: this.lineNumber, offset: this.lineOffset });
            this.pending = '';
            this.skipping = true;
          }
        }
        break;
      }
      if (!this.skipping) {
        const text = this.pending + chunk.slice(start, newline);
        if (text.length > this.maxChars) skipped.push({ number: this.lineNumber, offset: this.lineOffset });
        else lines.push({ text: stripCarriageReturn(text), number: this.lineNumber, offset: this.lineOffset });
      }
      this.pending = '';
      this.skipping = false;
      this.lineNumber += 1;
      start = newline + 1;
      this.lineOffset = this.consumed + start;
    }
    this.consumed += chunk.length;
    return { lines, skipped };
  }

  /** The last line, when the text does not end with a line break. */
  end(): Line[] {
    if (this.skipping || this.pending.length === 0) return [];
    const last = { text: stripCarriageReturn(this.pending), number: this.lineNumber, offset: this.lineOffset };
    this.pending = '';
    return [last];
  }
}

function stripCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
