/**
 * The summary as a plain-text table for the terminal: fixed-width columns, no colour codes, so it
 * reads the same in a terminal, a CI log or a redirected file.
 */
import { countTotal, SEVERITIES, type ReportSummary, type SeverityCounts } from './summarize.ts';
import { formatError, formatSource } from './types.ts';

/** Options for `renderSummaryTable`. */
export interface SummaryTableOptions {
  /** How many worst records to list (default 5; 0 for none). */
  worst?: number;
}

/*
 * Column widths count code points, and CJK characters take two cells in a terminal; names here
 * are kinds and section keys (ASCII), so a plain length is right for everything we pad.
 */
function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, col) => Math.max(...cells.map((r) => (r[col] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...cells.slice(1).map(line)].join('\n');
}

function severityRows(rows: Record<string, SeverityCounts>): (string | number)[][] {
  return Object.entries(rows).map(([name, c]) => [name, ...SEVERITIES.map((s) => c[s]), countTotal(c)]);
}

/** The summary for the terminal: totals, flags by kind and by section, and the worst records. */
export function renderSummaryTable(summary: ReportSummary, options: SummaryTableOptions = {}): string {
  const parts: string[] = [];
  parts.push(
    `Records: ${summary.records}   with flags: ${summary.recordsWithFlags}   flags: ${summary.flags} ` +
      `(${SEVERITIES.map((s) => `${summary.bySeverity[s]} ${s}`).join(', ')})   load errors: ${summary.errors}`,
  );
  const header = ['', ...SEVERITIES, 'total'];
  if (summary.flags > 0) {
    parts.push(table(['kind', ...header.slice(1)], severityRows(summary.byKind)));
    parts.push(table(['section', ...header.slice(1)], severityRows(summary.bySection)));
  }
  const worst = summary.worst.slice(0, options.worst ?? 5);
  if (worst.length > 0) {
    parts.push(
      table(
        ['worst records', 'weight', 'flags', 'source'],
        worst.map((w) => [w.id, w.weight, w.record.flags.length, formatSource(w.record.source)]),
      ),
    );
  }
  if (summary.errors > 0) {
    const shown = summary.errorSamples.slice(0, 5).map((e) => `  ${formatError(e)}`);
    parts.push([`Load errors (${summary.errors}):`, ...shown, ...(summary.errors > shown.length ? ['  …'] : [])].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
