import { describe, expect, it } from 'vitest';
import { LineRunCutter, type LineRun, type LineRunPiece } from './jsonlLines.ts';

/** The runs as the line-by-line reading made them: split the whole text, drop CRs, cut at gaps and every `maxLines`. */
type JoinedRun = Omit<LineRun, 'parts'> & { text: string };

function expectedRuns(text: string, maxChars: number, maxLines: number): { runs: JoinedRun[]; overlong: number[] } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const runs: JoinedRun[] = [];
  const overlong: number[] = [];
  let offset = 0;
  let open: { texts: string[]; firstLine: number; firstOffset: number } | undefined;
  const close = (): void => {
    if (open) runs.push({ text: open.texts.join('\n'), lines: open.texts.length, firstLine: open.firstLine, firstOffset: open.firstOffset });
    open = undefined;
  };
  lines.forEach((line, i) => {
    if (line.length > maxChars) {
      overlong.push(i + 1);
    } else {
      if (open && open.firstLine + open.texts.length !== i + 1) close();
      open ??= { texts: [], firstLine: i + 1, firstOffset: offset };
      open.texts.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (open.texts.length === maxLines) close();
    }
    offset += line.length + 1;
  });
  close();
  return { runs, overlong };
}

const joined = (pieces: readonly LineRunPiece[]) =>
  pieces.map((p) => ('run' in p ? { run: { text: p.run.parts.join('\n'), lines: p.run.lines, firstLine: p.run.firstLine, firstOffset: p.run.firstOffset } } : p));

function cut(chunks: readonly string[], maxChars: number, maxLines: number) {
  const cutter = new LineRunCutter(maxChars, maxLines);
  return joined([...chunks.flatMap((chunk) => cutter.push(chunk)), ...cutter.end()]);
}

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('LineRunCutter', () => {
  it('cuts runs of whole lines, however the text is chunked: CRLF, blank, overlong and unterminated lines', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const lineCount = 1 + Math.floor(next() * 30);
      const lines = Array.from({ length: lineCount }, () => {
        const kind = next();
        const body = '{"a":"试验'.concat('x'.repeat(Math.floor(next() * 12)), '"}');
        return kind < 0.1 ? '' : kind < 0.25 ? `${body}\r` : kind < 0.32 ? 'y'.repeat(25) : kind < 0.36 ? '\r' : body;
      });
      const text = lines.join('\n') + (next() < 0.5 ? '\n' : '');
      const chunks: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + Math.floor(next() * 40);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      const maxLines = 1 + Math.floor(next() * 5);
      const pieces = cut(chunks, 20, maxLines);
      const expected = expectedRuns(text, 20, maxLines);
      expect(pieces.flatMap((p) => ('run' in p ? [p.run] : []))).toEqual(expected.runs);
      expect(pieces.flatMap((p) => ('overlong' in p ? [p.overlong] : []))).toEqual(expected.overlong);
    }
  });

  it('ends a run at an overlong line and reports that line after its chunk, before the next run', () => {
    const pieces = cut(['a\nb\n', `${'z'.repeat(30)}\nc\nd`], 20, 10);
    expect(pieces).toEqual([
      { run: { text: 'a\nb', lines: 2, firstLine: 1, firstOffset: 0 } },
      { overlong: 3 },
      { run: { text: 'c\nd', lines: 2, firstLine: 4, firstOffset: 35 } },
    ]);
  });

  it('hands out a run that spans chunks in one part per chunk, each whole lines', () => {
    const cutter = new LineRunCutter(100, 10);
    expect([...cutter.push('a\nb'), ...cutter.push('b\r\nc\n'), ...cutter.push('d\n'), ...cutter.end()]).toEqual([
      { run: { parts: ['a', 'bb\nc', 'd'], lines: 4, firstLine: 1, firstOffset: 0 } },
    ]);
  });

  it('hands out only whole lines when the reading stopped half-way', () => {
    const cutter = new LineRunCutter(100, 10);
    expect(cutter.push('a\r\nb\nhalf a li')).toEqual([]);
    expect(joined(cutter.end(false))).toEqual([{ run: { text: 'a\nb', lines: 2, firstLine: 1, firstOffset: 0 } }]);
  });
});
