/**
 * A one-line progress bar for long CLI runs, drawn on stderr only when stderr is a terminal.
 *
 * Piped or redirected output (CI logs, `2> log.txt`) gets nothing: carriage-return animation
 * would fill a log with thousands of half-lines. stdout is never touched, so `--json` and
 * `--csv` output stay clean whatever the terminal.
 */

/** The part of a write stream the bar needs (`process.stderr` fits). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Figures for one frame of the bar. */
export interface ProgressFrame {
  done: number;
  /** Unknown while the input is still being discovered. */
  total: number | undefined;
  elapsedMs: number;
  /** Terminal width; the bar shrinks to fit. */
  columns: number;
  label?: string;
}

/** Options for `createProgress`. */
export interface ProgressOptions {
  stream?: ProgressStream;
  total?: number;
  label?: string;
  /** Minimum time between redraws: drawing every record would cost more than the work. */
  intervalMs?: number;
  now?: () => number;
}

/** Counts work done and redraws the bar now and then. */
export interface Progress {
  /** Adds `n` finished items (records). */
  tick(n?: number): void;
  /** Sets or corrects the total (e.g. once all input files have been counted). */
  setTotal(total: number | undefined): void;
  /** Erases the bar, so what follows starts on a clean line. */
  finish(): void;
  /** True when the bar draws at all (stderr is a terminal). */
  readonly active: boolean;
}

/** "1m05s", "42s", "1h02m". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const count = new Intl.NumberFormat('en-US');

/** The text of one frame, without the leading carriage return: pure, so it can be tested. */
export function formatProgress(frame: ProgressFrame): string {
  const rate = frame.elapsedMs > 0 ? (frame.done * 1000) / frame.elapsedMs : 0;
  const parts = [
    frame.label ?? '',
    frame.total === undefined ? count.format(frame.done) : `${count.format(frame.done)}/${count.format(frame.total)}`,
    `${count.format(Math.round(rate))} rec/s`,
  ];
  if (frame.total !== undefined && frame.total > 0) {
    const remaining = Math.max(0, frame.total - frame.done);
    parts.push(rate > 0 ? `ETA ${formatDuration((remaining / rate) * 1000)}` : 'ETA –');
  }
  const text = parts.filter((p) => p !== '').join('  ');
  if (frame.total === undefined || frame.total <= 0) return text.slice(0, frame.columns - 1);
  const fraction = Math.min(1, frame.done / frame.total);
  const percent = `${(fraction * 100).toFixed(0).padStart(3)}%`;
  const barWidth = Math.min(30, frame.columns - text.length - percent.length - 5);
  if (barWidth < 5) return `${percent} ${text}`.slice(0, frame.columns - 1);
  const filled = Math.round(fraction * barWidth);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${percent} ${text}`;
}

/**
 * A progress bar on `stream` (default `process.stderr`) when it is a TTY; otherwise an object
 * with the same methods that does nothing, so callers never branch on it.
 */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 100;
  let total = options.total;
  let done = 0;
  const active = stream.isTTY === true;
  if (!active) {
    return { tick: () => undefined, setTotal: () => undefined, finish: () => undefined, active };
  }
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  const draw = (force: boolean): void => {
    const at = now();
    if (!force && at - lastDraw < interval) return;
    lastDraw = at;
    drawn = true;
    const frame = formatProgress({ done, total, elapsedMs: at - started, columns: stream.columns ?? 80, ...(options.label !== undefined ? { label: options.label } : {}) });
    // \r back to column 0, then ESC[K clears what a longer previous frame left behind.
    stream.write(`\r${frame}\x1b[K`);
  };
  return {
    active,
    tick(n = 1) {
      done += n;
      draw(false);
    },
    setTotal(value) {
      total = value;
      draw(true);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
