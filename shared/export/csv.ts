/**
 * CSV export (RFC 4180): one row per annotation and one per automatic flag, for spreadsheets.
 *
 * RFC 4180 details that matter here: lines end in CRLF; a field is quoted when it holds a comma,
 * a double quote, CR or LF, and a quote inside is doubled. Sentence numbers are 1-based, as a
 * person counts them in a spreadsheet (the JSON export keeps the app's 0-based indices).
 * A UTF-8 byte-order mark is not added here: the writer decides (Excel wants one, most tools not).
 */
import { liveAnnotations, spanInSentence } from '../annotations/model.ts';
import { decidedFindings } from './segments.ts';
import type { ReviewExport, ReviewExportRecord } from './types.ts';

/** Column names, in order. */
export const CSV_COLUMNS = [
  'type',
  'record_id',
  'status',
  'en_sentence_numbers',
  'zh_sentence_numbers',
  'en_text',
  'zh_text',
  'span_side',
  'span_text',
  'category',
  'severity',
  'decision',
  'comment',
  'correction',
  'reviewer',
  'updated',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** Quotes one field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Serialises annotations (type `annotation`) and flags (type `flag`: category is the finding
 * kind, comment its English message, decision confirmed/dismissed or empty while undecided) as
 * RFC 4180 CSV with a header row.
 */
export function exportCsv(data: ReviewExport): string {
  const rows: Row[] = [];
  for (const entry of data.records) {
    for (const annotation of liveAnnotations(entry.annotations)) {
      const span = annotation.span ? spanInSentence(annotation.span, entry.sentences[annotation.span.side]) : null;
      rows.push({
        type: 'annotation',
        record_id: entry.record.id,
        status: entry.status,
        en_sentence_numbers: numbers(annotation.enSentences),
        zh_sentence_numbers: numbers(annotation.zhSentences),
        en_text: texts(entry, 'en', annotation.enSentences),
        zh_text: texts(entry, 'zh', annotation.zhSentences),
        span_side: span?.side ?? '',
        span_text: span?.text ?? '',
        category: annotation.category,
        severity: annotation.severity,
        decision: '',
        comment: annotation.comment,
        correction: annotation.correction ?? '',
        reviewer: data.reviewer,
        updated: annotation.updated,
      });
    }
    for (const { finding, decision } of decidedFindings(entry)) {
      rows.push({
        type: 'flag',
        record_id: entry.record.id,
        status: entry.status,
        en_sentence_numbers: numbers(finding.en),
        zh_sentence_numbers: numbers(finding.zh),
        en_text: texts(entry, 'en', finding.en),
        zh_text: texts(entry, 'zh', finding.zh),
        span_side: finding.evidence.map((e) => e.side).join(' '),
        span_text: finding.evidence.map((e) => e.text).join(' | '),
        category: finding.kind,
        severity: finding.severity,
        decision: decision?.decision ?? '',
        comment: [finding.message.en, decision?.note ?? ''].filter(Boolean).join(' — '),
        correction: '',
        reviewer: decision?.reviewer ?? '',
        updated: decision?.updated ?? '',
      });
    }
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function numbers(indices: readonly number[]): string {
  return indices.map((i) => i + 1).join(' ');
}

function texts(entry: ReviewExportRecord, side: 'en' | 'zh', indices: readonly number[]): string {
  return indices.map((i) => entry.sentences[side][i]?.text ?? '').join(side === 'en' ? ' ' : '');
}
