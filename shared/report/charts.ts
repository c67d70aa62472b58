/**
 * Horizontal stacked bar charts as inline SVG, so the HTML report needs no script and no
 * external resource: it opens the same from a mail attachment, offline, or years later.
 */
import type { Severity } from '../checks/types.ts';
import { escapeHtml } from './escape.ts';
import { SEVERITIES, type SeverityCounts } from './summarize.ts';

/** Fill colours per severity; the legend repeats them in words, so colour is never the only cue. */
export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  critical: '#8b1a1a',
  major: '#d9822b',
  minor: '#8fa8c8',
};

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 170;
const BAR_WIDTH = 360;
const COUNT_WIDTH = 70;

/**
 * A bar per row, stacked by severity, scaled to the largest total. Each segment carries a
 * `<title>` (the browser's tooltip) with its exact count; the total is printed at the bar's end.
 */
export function severityBarChart(title: string, rows: Record<string, SeverityCounts>): string {
  const entries = Object.entries(rows);
  const max = Math.max(1, ...entries.map(([, c]) => c.critical + c.major + c.minor));
  const height = Math.max(1, entries.length) * ROW_HEIGHT + ROW_HEIGHT;
  const width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH;
  const bars = entries.map(([label, counts], row) => {
    const y = row * ROW_HEIGHT;
    let x = LABEL_WIDTH;
    const segments = SEVERITIES.map((severity) => {
      const w = (counts[severity] / max) * BAR_WIDTH;
      if (counts[severity] === 0) return '';
      const rect = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW_HEIGHT - 6}" fill="${SEVERITY_COLOURS[severity]}"><title>${escapeHtml(`${label}: ${counts[severity]} ${severity}`)}</title></rect>`;
      x += w;
      return rect;
    }).join('');
    const sum = counts.critical + counts.major + counts.minor;
    return (
      `<text x="${LABEL_WIDTH - 6}" y="${y + ROW_HEIGHT - 7}" text-anchor="end">${escapeHtml(label)}</text>` +
      segments +
      `<text x="${(x + 4).toFixed(1)}" y="${y + ROW_HEIGHT - 7}">${sum}</text>`
    );
  });
  const legendY = entries.length * ROW_HEIGHT + 6;
  const legend = SEVERITIES.map((severity, i) => {
    const x = LABEL_WIDTH + i * 110;
    return `<rect x="${x}" y="${legendY}" width="12" height="12" fill="${SEVERITY_COLOURS[severity]}"/><text x="${x + 16}" y="${legendY + 11}">${severity}</text>`;
  }).join('');
  const empty = entries.length === 0 ? `<text x="${LABEL_WIDTH}" y="15">no flags</text>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">` +
    `<title>${escapeHtml(title)}</title>${bars.join('')}${empty}${legend}</svg>`
  );
}
