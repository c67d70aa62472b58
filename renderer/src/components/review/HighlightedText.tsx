import type { Highlight } from '../../features/review/reviewRows.ts';

/**
 * A sentence's text with its marks: evidence of automatic flags and spans of annotations. The text
 * is cut at every mark boundary and each slice rendered as React text (never HTML), so whatever a
 * record contains is shown, not interpreted. Overlapping marks give a slice both classes.
 */
export function HighlightedText({ text, highlights, activeSource }: { text: string; highlights: readonly Highlight[]; activeSource?: string | null }) {
  const cuts = new Set([0, text.length]);
  for (const h of highlights) {
    cuts.add(clamp(h.start, text.length));
    cuts.add(clamp(h.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const slices = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    if (end <= start) continue;
    const covering = highlights.filter((h) => h.start <= start && h.end >= end);
    const value = text.slice(start, end);
    if (covering.length === 0) {
      slices.push(value);
      continue;
    }
    const classes = ['mark'];
    if (covering.some((h) => h.kind === 'evidence')) classes.push('mark--evidence');
    if (covering.some((h) => h.kind === 'annotation')) classes.push('mark--annotation');
    if (activeSource && covering.some((h) => h.source === activeSource)) classes.push('mark--active');
    slices.push(
      <mark key={start} className={classes.join(' ')}>
        {value}
      </mark>,
    );
  }
  return <>{slices}</>;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
