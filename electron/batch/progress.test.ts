import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatProgress, type ProgressStream } from './progress.ts';

function fakeStream(isTTY: boolean): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 80, written, write: (text: string) => written.push(text) };
}

describe('formatProgress', () => {
  it('shows done/total, rate, percentage and ETA', () => {
    const text = formatProgress({ done: 25_000, total: 100_000, elapsedMs: 10_000, columns: 100 });
    expect(text).toContain('25,000/100,000');
    expect(text).toContain('2,500 rec/s');
    expect(text).toContain(' 25%');
    expect(text).toContain('ETA 30s');
    expect(text).toMatch(/^\[#+-+\]/);
  });

  it('shows a count and rate without a total, and never exceeds the width', () => {
    expect(formatProgress({ done: 1234, total: undefined, elapsedMs: 2000, columns: 80 })).toBe('1,234  617 rec/s');
    const narrow = formatProgress({ done: 5, total: 10, elapsedMs: 1000, columns: 20, label: 'checking' });
    expect(narrow.length).toBeLessThan(20);
  });

  it.each([
    [0, '0s'],
    [59_400, '59s'],
    [65_000, '1m05s'],
    [3_725_000, '1h02m'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('createProgress', () => {
  it('writes nothing at all when the stream is not a terminal', () => {
    const stream = fakeStream(false);
    const progress = createProgress({ stream, total: 10 });
    for (let i = 0; i < 10; i++) progress.tick();
    progress.finish();
    expect(progress.active).toBe(false);
    expect(stream.written).toEqual([]);
  });

  it('redraws at most once per interval on a terminal, then clears the line', () => {
    const stream = fakeStream(true);
    let clock = 0;
    const progress = createProgress({ stream, total: 1000, intervalMs: 100, now: () => clock });
    for (let i = 0; i < 1000; i++) {
      clock += 1;
      progress.tick();
    }
    // 1000 ticks over 1000 ms at one frame per 100 ms.
    expect(stream.written.length).toBeGreaterThanOrEqual(9);
    expect(stream.written.length).toBeLessThanOrEqual(11);
    expect(stream.written[0]?.startsWith('\r')).toBe(true);
    expect(stream.written[0]?.endsWith('\x1b[K')).toBe(true);
    progress.finish();
    expect(stream.written.at(-1)).toBe('\r\x1b[K');
  });
});
