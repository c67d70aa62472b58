/**
 * MQM TSV export in the column layout of Google's WMT MQM files
 * (`shared/corpora/wmt-mqm-ted-zhen/mqm_ted_zhen.tsv`), so MQM tooling written for those files
 * reads ours unchanged:
 *
 *   system  doc  doc_id  seg_id  rater  source  target  category  severity
 *
 * One row per annotation; a segment is one alignment link (English sentences joined with a space,
 * Chinese joined with nothing). The error span is wrapped in `<v>…</v>` in the column of the side
 * the reviewer marked it on: the target for most errors, the source for an omission (WMT raters
 * do the same: every Accuracy/Omission and Source error row of the TED file marks the source).
 * An annotation without a span gets no marks. Records whose status is done ("reviewed") get a `No-error` row for each segment without
 * annotations: the reviewer looked and found it clean. Segments of unfinished records get no
 * row, as they are not known to be clean.
 *
 * The format has no quoting. Tabs, CR and LF inside any field are written as one space each (so
 * offsets after them do not move), and a literal `<v>` or `</v>` in the text as `‹v›` / `‹/v›`
 * so it cannot be mistaken for a mark. Both are lossy on purpose: escapes like `\t` would be
 * read literally by the existing tools. Comments and corrections have no column; use the CSV,
 * JSON or XLIFF export for those.
 *
 * `doc` is the record id, `doc_id` the record's 1-based position in the export, `seg_id` a 1-based
 * running number over all segments of the export (unique across documents, as in the WMT files).
 */
import { isReviewDone, type Severity } from '../annotations/model.ts';
import { annotationsByLink, linkSegments, spanInSegment, type SegmentSpan } from './segments.ts';
import type { ReviewExport } from './types.ts';

/** The header line's column names. */
export const MQM_TSV_COLUMNS = ['system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'] as const;

/** The category and severity the WMT files use for a checked segment without errors. */
export const NO_ERROR = 'No-error';

export interface MqmTsvOptions {
  /** The `system` column: which MT system produced the translations. Default "MT". */
  system?: string;
}

/** Severity as the WMT files capitalise it ("Major", "Minor"; "Critical" in later years). */
export function mqmSeverityLabel(severity: Severity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

/**
 * Makes text safe for a quote-less TSV field: tab, CR and LF become a space (one for one, so
 * offsets stay valid), and literal span marks are replaced by look-alikes.
 */
export function cleanMqmField(text: string): string {
  return text.replace(/[\t\r\n]/g, ' ').replace(/<v>/g, '‹v›').replace(/<\/v>/g, '‹/v›');
}

/** Serialises the export's annotations as an MQM TSV file (header included, LF line ends). */
export function exportMqmTsv(data: ReviewExport, options: MqmTsvOptions = {}): string {
  const system = cleanMqmField(options.system ?? 'MT');
  const rater = cleanMqmField(data.reviewer);
  const lines = [MQM_TSV_COLUMNS.join('\t')];
  let segId = 0;
  data.records.forEach((entry, recordIndex) => {
    const byLink = annotationsByLink(entry);
    const done = isReviewDone(entry.status);
    // Annotations placed on no link (their sentences are not in the alignment) go on the first;
    // a record without any link has no segment to carry them, and the format no other place.
    const orphans = byLink.get(-1) ?? [];
    for (const segment of linkSegments(entry)) {
      segId += 1;
      const annotations = [...(segment.index === 0 ? orphans : []), ...(byLink.get(segment.index) ?? [])];
      const source = cleanMqmField(segment.source);
      const target = cleanMqmField(segment.target);
      const row = (marked: { source: string; target: string }, category: string, severity: string) =>
        [system, cleanMqmField(entry.record.id), String(recordIndex + 1), String(segId), rater, marked.source, marked.target, cleanMqmField(category), severity].join('\t');
      if (annotations.length === 0) {
        if (done) lines.push(row({ source, target }, NO_ERROR, NO_ERROR));
        continue;
      }
      for (const annotation of annotations) {
        const span = spanInSegment(entry, segment, annotation);
        const marked = {
          source: span?.field === 'source' ? mark(source, span) : source,
          target: span?.field === 'target' ? mark(target, span) : target,
        };
        lines.push(row(marked, annotation.category, mqmSeverityLabel(annotation.severity)));
      }
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Wraps the span in `<v>…</v>`. Cleaning replaced characters one for one, so the span's
 * offsets into the raw text still hold, except where a literal `<v>` grew into `‹v›` (same length:
 * 3 characters each) — also one for one.
 */
function mark(text: string, span: SegmentSpan): string {
  return `${text.slice(0, span.start)}<v>${text.slice(span.start, span.end)}</v>${text.slice(span.end)}`;
}
