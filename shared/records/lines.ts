/**
 * Lines with their positions, whole or streamed. Every line-based parser reports 1-based line
 * numbers and character offsets into the decoded text; this is the one place that counts them.
 */

/** One line of a text, without its terminator. */
export interface TextLine {
  text: string;
  /** 1-based line number. */
  line: number;
  /** Character offset of the line's first character in the whole text. */
  offset: number;
}

/** Splits text into lines at \n, \r\n or a lone \r, keeping each line's number and offset. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let line = 1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), line: line++, offset: start });
    start = m.index + m[0].length;
  }
  if (start < text.length || lines.length === 0) lines.push({ text: text.slice(start), line, offset: start });
  return lines;
}

/** Incremental line splitter: feed chunks of any size, get complete lines with numbers and offsets. */
export interface LineSplitter {
  /** Adds a chunk; returns the lines it completed. */
  push(chunk: string): TextLine[];
  /** Returns the last, unterminated line (if any). */
  end(): TextLine[];
}

/**
 * Creates a streaming line splitter. Memory is bounded by the longest line, not the input: only
 * the unfinished tail is kept. A \r at the end of a chunk waits for the next chunk, so a \r\n
 * split across chunks still counts as one line break.
 */
export function createLineSplitter(): LineSplitter {
  return new StreamingLines();
}

/**
 * The state of `createLineSplitter`. A class rather than closures over the function's locals: V8
 * drops a closure's optimised code at every major GC once no splitter holding it is alive, and a
 * batch check makes one per task.
 */
class StreamingLines implements LineSplitter {
  private tail = '';
  private line = 1;
  private offset = 0;

  push(chunk: string): TextLine[] {
    this.tail += chunk;
    return this.take(false);
  }

  end(): TextLine[] {
    return this.take(true);
  }

  private take(final: boolean): TextLine[] {
    const out: TextLine[] = [];
    const tail = this.tail;
    const re = /\r\n|\n|\r/g;
    let start = 0;
    for (let m = re.exec(tail); m !== null; m = re.exec(tail)) {
      if (!final && m[0] === '\r' && m.index === tail.length - 1) break;
      out.push({ text: tail.slice(start, m.index), line: this.line++, offset: this.offset + start });
      start = m.index + m[0].length;
    }
    if (final && start < tail.length) {
      out.push({ text: tail.slice(start), line: this.line++, offset: this.offset + start });
      start = tail.length;
    }
    this.offset += start;
    this.tail = tail.slice(start);
    return out;
  }
}

/**
 * Returns a function from a character offset in `text` to its 1-based line number (binary search).
 * The end of a text that ends with a line break counts as its last line, as `splitLines` has no
 * empty line there and an editor shows none.
 */
export function createLineIndex(text: string): (offset: number) => number {
  const starts = [0];
  const re = /\r\n|\n|\r/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push(m.index + m[0].length);
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The number of lines `splitLines` finds, without building them. */
export function countLines(text: string): number {
  const breaks = (text.match(/\r\n|\n|\r/g) ?? []).length;
  return /(?:\r\n|\n|\r)$/.test(text) && breaks > 0 ? breaks : breaks + 1;
}
