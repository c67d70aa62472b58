/**
 * JSONL read as batches of lines: each decoded chunk is split synchronously, so 100,000 lines
 * cost 100,000 array pushes and one await per chunk, not one await per line.
 *
 * (The record library has its own splitter for the app's load path; this one only needs whole
 * lines with their numbers and offsets, plus a cap so one runaway line cannot fill memory.)
 */
import { readTextChunks } from '../services/fileReading.ts';

/** One line of the file. */
export interface NumberedLine {
  text: string;
  /** 1-based. */
  number: number;
  /** Character offset of the line's start in the decoded text. */
  offset: number;
}

/** The lines of one chunk, and the overlong lines given up on (by number). */
export interface LineBatch {
  lines: NumberedLine[];
  overlong: number[];
}

/**
 * Streams `path` as batches of complete lines (LF or CRLF, the CR dropped). A line longer than
 * `maxChars` is dropped as it streams and reported in `overlong`.
 */
export async function* readLineBatches(path: string, maxChars: number): AsyncGenerator<LineBatch> {
  let pending = '';
  let skipping = false;
  let number = 1;
  let offset = 0;
  let consumed = 0;
  for await (const chunk of readTextChunks(path)) {
    const batch: LineBatch = { lines: [], overlong: [] };
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      if (newline === -1) {
        if (!skipping) {
          pending += chunk.slice(start);
          if (pending.length > maxChars) {
            batch.overlong.push(number);
            pending = '';
            skipping = true;
          }
        }
        break;
      }
      if (!skipping) {
        const text = pending + chunk.slice(start, newline);
        if (text.length > maxChars) batch.overlong.push(number);
        else batch.lines.push({ text: text.endsWith('\r') ? text.slice(0, -1) : text, number, offset });
      }
      pending = '';
      skipping = false;
      number += 1;
      start = newline + 1;
      offset = consumed + start;
    }
    consumed += chunk.length;
    if (batch.lines.length > 0 || batch.overlong.length > 0) yield batch;
  }
  if (!skipping && pending.length > 0) {
    yield { lines: [{ text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, number, offset }], overlong: [] };
  }
}
