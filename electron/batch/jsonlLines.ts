/**
 * JSONL read in pieces, each decoded chunk cut synchronously (one await per chunk, not per line),
 * with a cap so one runaway line cannot fill memory: as numbered lines (`readLineBatches`, the
 * record library's `LineSplitter` per chunk), or as runs of lines ready to be parsed in a worker
 * (`LineRunCutter`, what `check` reads its input with).
 */
import { LineSplitter, readTextChunks } from '../services/fileReading.ts';

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
  const splitter = new LineSplitter(maxChars);
  for await (const chunk of readTextChunks(path)) {
    const { lines, skipped } = splitter.push(chunk);
    if (lines.length > 0 || skipped.length > 0) yield { lines, overlong: skipped.map((s) => s.number) };
  }
  const last = splitter.end();
  if (last.length > 0) yield { lines: last, overlong: [] };
}

const CR = 0x0d;

/** Consecutive lines of the file (the CR of a CRLF dropped), with where they start. */
export interface LineRun {
  /**
   * The lines in parts of whole lines, the text being `parts.join('\n')`: one part per chunk read,
   * each a slice of it. One string for the whole run would be a large object for V8 (over 128 KB),
   * allocated outside the young generation at several times the cost per byte.
   */
  parts: string[];
  /** How many lines `text` holds. */
  lines: number;
  /** 1-based number of the first line. */
  firstLine: number;
  /** Character offset of the first line's start in the decoded text. */
  firstOffset: number;
}

/** What `LineRunCutter` hands out, in file order: a run of lines, or a line given up on as overlong. */
export type LineRunPiece = { run: LineRun } | { overlong: number };

/**
 * Cuts streamed text into runs of up to `maxLines` consecutive lines, each run one slice per
 * chunk it lies in instead of one string per line joined again: the main thread of `check`
 * reads 100,000s of lines, and a string and an object per line cost it more than the reading. The lines and the order of what comes out are those of
 * `readLineBatches` grouped by run: an overlong line ends the run before it (numbering must stay
 * contiguous inside a run) and is reported after the chunk it was found in.
 */
export class LineRunCutter {
  readonly #maxChars: number;
  readonly #maxLines: number;
  /** The start of the current line, carried over from earlier chunks. */
  #pending = '';
  #skipping = false;
  /** Number and offset of the current line. */
  #number = 1;
  #offset = 0;
  #consumed = 0;
  /** The open run: its finished pieces (whole lines, joined by `\n` at the end), line count and start. */
  #pieces: string[] = [];
  #lines = 0;
  #firstLine = 0;
  #firstOffset = 0;
  /** This chunk's part of the open run: `#head` (a line's start from earlier chunks) + chunk[#from, #to). */
  #head = '';
  #from = -1;
  #to = 0;
  /** Some line of that part ends in CR (CRLF): the part's CRs are dropped when it is closed. */
  #crlf = false;

  constructor(maxChars: number, maxLines: number) {
    this.#maxChars = maxChars;
    this.#maxLines = Math.max(1, maxLines);
  }

  /** Adds a chunk of decoded text; returns the runs it completed and the overlong lines it found. */
  push(chunk: string): LineRunPiece[] {
    const out: LineRunPiece[] = [];
    const overlong: number[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      if (newline === -1) {
        if (!this.#skipping) {
          this.#pending += chunk.slice(start);
          if (this.#pending.length > this.#maxChars) {
            overlong.push(this.#number);
            this.#pending = '';
            this.#skipping = true;
          }
        }
        break;
      }
      if (!this.#skipping) {
        if (this.#pending.length + newline - start > this.#maxChars) overlong.push(this.#number);
        else this.#addLine(chunk, start, newline, out);
      }
      this.#pending = '';
      this.#skipping = false;
      this.#number += 1;
      start = newline + 1;
      this.#offset = this.#consumed + start;
    }
    this.#closePiece(chunk);
    this.#consumed += chunk.length;
    for (const number of overlong) out.push({ overlong: number });
    return out;
  }

  /**
   * The last run, with the last line when the text does not end with a line break. After a read
   * error (`complete` false) that unfinished line is dropped: only whole lines are handed out.
   */
  end(complete = true): LineRunPiece[] {
    const out: LineRunPiece[] = [];
    if (complete && !this.#skipping && this.#pending.length > 0) {
      const last = this.#pending;
      this.#pending = '';
      this.#addLine(last, 0, last.length, out);
      this.#closePiece(last);
    }
    this.#endRun(out);
    return out;
  }

  // The line chunk[start, end), preceded by #pending when it began in an earlier chunk.
  #addLine(chunk: string, start: number, end: number, out: LineRunPiece[]): void {
    if (this.#lines > 0 && this.#number !== this.#firstLine + this.#lines) {
      this.#closePiece(chunk);
      this.#endRun(out);
    }
    if (this.#lines === 0) {
      this.#firstLine = this.#number;
      this.#firstOffset = this.#offset;
    }
    if (this.#from < 0) {
      this.#head = this.#pending;
      this.#from = start;
    }
    this.#to = end;
    if (end > start ? chunk.charCodeAt(end - 1) === CR : this.#pending.endsWith('\r')) this.#crlf = true;
    if (++this.#lines === this.#maxLines) {
      this.#closePiece(chunk);
      this.#endRun(out);
    }
  }

  #closePiece(chunk: string): void {
    if (this.#from < 0) return;
    let part = this.#head + chunk.slice(this.#from, this.#to);
    // Lines end in LF or CRLF; a run keeps only the LF, as `readLineBatches` drops the CR. The
    // part ends where a line ends, so its last CR, if any, is that line's.
    if (this.#crlf) {
      part = part.replaceAll('\r\n', '\n');
      if (part.endsWith('\r')) part = part.slice(0, -1);
    }
    this.#pieces.push(part);
    this.#head = '';
    this.#from = -1;
    this.#crlf = false;
  }

  #endRun(out: LineRunPiece[]): void {
    if (this.#lines === 0) return;
    out.push({ run: { parts: this.#pieces, lines: this.#lines, firstLine: this.#firstLine, firstOffset: this.#firstOffset } });
    this.#pieces = [];
    this.#lines = 0;
  }
}
