/**
 * MQM TSV import: reads files in the WMT MQM layout (ours, from `exportMqmTsv`, or Google's) back
 * into annotations.
 *
 * Two steps, so each can be tested and reused on its own: `parseMqmTsv` reads the text into rows
 * (span marks located, severities checked) and reports every bad line with its number instead of
 * stopping; `mqmRowsToAnnotations` places rows on loaded records, matching `doc` to the record id
 * and the segment by its text (not by `seg_id`, which depends on the exporting tool's numbering).
 */
import type { AnnotationInput, Severity } from '../annotations/model.ts';
import { spanFromSentence } from '../annotations/model.ts';
import { cleanMqmField, MQM_TSV_COLUMNS, NO_ERROR } from './mqmTsv.ts';
import { linkSegments, type LinkSegment } from './segments.ts';
import type { ReviewExport, ReviewExportRecord } from './types.ts';

/** A span located in a row's unmarked source or target text. */
export interface MqmSpan {
  field: 'source' | 'target';
  start: number;
  end: number;
  text: string;
}

/** One data row of an MQM TSV file, marks removed. */
export interface MqmRow {
  /** 1-based line number in the file. */
  line: number;
  system: string;
  doc: string;
  docId: string;
  segId: number;
  rater: string;
  source: string;
  target: string;
  category: string;
  /** Null for a `No-error` row (the segment was checked and is clean). */
  severity: Severity | null;
  span: MqmSpan | null;
}

/** A line that could not be read or placed, with its 1-based number. */
export interface MqmImportError {
  line: number;
  message: string;
}

/**
 * Parses MQM TSV text. The header must name the nine WMT columns in order. Blank lines are
 * skipped; a UTF-8 byte-order mark and CRLF line ends are accepted. Severities are read
 * case-insensitively (minor, major, critical, No-error); anything else — e.g. the "Neutral"
 * of some WMT years, which carries no error — is reported, not guessed. A field may hold at most
 * one `<v>…</v>` pair (an unclosed `<v>` runs to the end of the field), and source and target
 * not both.
 */
export function parseMqmTsv(text: string): { rows: MqmRow[]; errors: MqmImportError[] } {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const rows: MqmRow[] = [];
  const errors: MqmImportError[] = [];
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header !== MQM_TSV_COLUMNS.join('\t')) {
    return { rows, errors: [{ line: 1, message: `expected the header "${MQM_TSV_COLUMNS.join(' ')}" (tab-separated)` }] };
  }
  lines.forEach((raw, i) => {
    if (i === 0) return;
    const lineText = raw.replace(/\r$/, '');
    if (lineText.trim() === '') return;
    const row = parseRow(lineText, i + 1);
    if ('message' in row) errors.push(row);
    else rows.push(row);
  });
  return { rows, errors };
}

function parseRow(text: string, line: number): MqmRow | MqmImportError {
  const fields = text.split('\t');
  if (fields.length !== MQM_TSV_COLUMNS.length) return { line, message: `expected ${MQM_TSV_COLUMNS.length} tab-separated fields, found ${fields.length}` };
  const [system, doc, docId, segIdText, rater, rawSource, rawTarget, category, severityText] = fields as [string, string, string, string, string, string, string, string, string];
  const segId = Number(segIdText);
  if (!/^\d+$/.test(segIdText) || !Number.isSafeInteger(segId)) return { line, message: `seg_id "${segIdText}" is not a whole number` };
  const severity = parseSeverity(severityText);
  if (severity === undefined) return { line, message: `unknown severity "${severityText}"` };
  if (category === NO_ERROR && severity !== null) return { line, message: `a ${NO_ERROR} row must have severity ${NO_ERROR}, not "${severityText}"` };
  if (category !== NO_ERROR && severity === null) return { line, message: `category "${category}" with severity ${NO_ERROR}` };
  const source = unmark(rawSource);
  if (typeof source === 'string') return { line, message: `source: ${source}` };
  const target = unmark(rawTarget);
  if (typeof target === 'string') return { line, message: `target: ${target}` };
  if (source.span && target.span) return { line, message: 'both source and target carry a <v> span' };
  const span: MqmSpan | null = source.span
    ? { field: 'source', ...source.span }
    : target.span
      ? { field: 'target', ...target.span }
      : null;
  return { line, system, doc, docId, segId, rater, source: source.text, target: target.text, category, severity, span };
}

function parseSeverity(text: string): Severity | null | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'minor' || lower === 'major' || lower === 'critical') return lower;
  if (lower === NO_ERROR.toLowerCase()) return null;
  return undefined;
}

/** Removes one `<v>…</v>` pair and returns where it was, or an error message. */
function unmark(field: string): { text: string; span: { start: number; end: number; text: string } | null } | string {
  const open = field.indexOf('<v>');
  const close = field.indexOf('</v>');
  if (open < 0 && close < 0) return { text: field, span: null };
  // Google's TED file has a row whose <v> is never closed (line 9622: the whole target is the
  // error); read an unclosed mark as running to the end of the field rather than drop the row.
  if (open >= 0 && close < 0 && field.indexOf('<v>', open + 3) < 0) {
    const spanText = field.slice(open + 3);
    return { text: field.slice(0, open) + spanText, span: { start: open, end: open + spanText.length, text: spanText } };
  }
  if (open < 0 || close < open) return 'unbalanced <v> marks';
  if (field.indexOf('<v>', open + 3) >= 0 || field.indexOf('</v>', close + 4) >= 0) return 'more than one <v> span';
  const spanText = field.slice(open + 3, close);
  return { text: field.slice(0, open) + spanText + field.slice(close + 4), span: { start: open, end: open + spanText.length, text: spanText } };
}

/** An annotation read from a row, with the row's rater (the store keeps one reviewer) and line. */
export interface ImportedAnnotation {
  line: number;
  rater: string;
  system: string;
  input: AnnotationInput;
}

/** A row saying a segment was checked and is clean. */
export interface ImportedCleanSegment {
  line: number;
  recordId: string;
  link: number;
}

/**
 * Places parsed rows on the records of `data`. A row's `doc` must be a record id and its source
 * and target (marks removed) must equal one of that record's segments as `exportMqmTsv` writes
 * them. The annotation concerns that segment's sentences; its span, if any, is turned into the
 * abstract offsets the store keeps (clipped to the sentence it starts in). Comments and
 * corrections are empty: the format has no columns for them.
 */
export function mqmRowsToAnnotations(
  rows: readonly MqmRow[],
  data: Pick<ReviewExport, 'records'>,
): { annotations: ImportedAnnotation[]; clean: ImportedCleanSegment[]; errors: MqmImportError[] } {
  const records = new Map(data.records.map((entry) => [entry.record.id, { entry, segments: linkSegments(entry) }]));
  const annotations: ImportedAnnotation[] = [];
  const clean: ImportedCleanSegment[] = [];
  const errors: MqmImportError[] = [];
  for (const row of rows) {
    const found = records.get(row.doc);
    if (!found) {
      errors.push({ line: row.line, message: `no loaded record with id "${row.doc}"` });
      continue;
    }
    const segment = found.segments.find((s) => cleanMqmField(s.source) === row.source && cleanMqmField(s.target) === row.target);
    if (!segment) {
      errors.push({ line: row.line, message: `no segment of record "${row.doc}" has this source and target text` });
      continue;
    }
    if (row.severity === null) {
      clean.push({ line: row.line, recordId: row.doc, link: segment.index });
      continue;
    }
    const span = row.span ? spanToAbstract(found.entry, segment, row.span) : null;
    if (row.span && !span) {
      errors.push({ line: row.line, message: `span "${row.span.text}" does not fall inside a sentence` });
      continue;
    }
    annotations.push({
      line: row.line,
      rater: row.rater,
      system: row.system,
      input: {
        recordId: row.doc,
        enSentences: [...segment.link.en],
        zhSentences: [...segment.link.zh],
        span,
        category: row.category,
        severity: row.severity,
        comment: '',
        correction: null,
      },
    });
  }
  return { annotations, clean, errors };
}

function spanToAbstract(entry: ReviewExportRecord, segment: LinkSegment, span: MqmSpan): AnnotationInput['span'] {
  const side = span.field === 'source' ? 'en' : 'zh';
  const starts = span.field === 'source' ? segment.sourceStarts : segment.targetStarts;
  for (const [sentence, base] of starts) {
    const length = entry.sentences[side][sentence]?.text.length ?? 0;
    if (span.start >= base && span.start < base + length) {
      return spanFromSentence(side, sentence, span.start - base, Math.min(span.end, base + length) - base, entry.sentences[side]);
    }
  }
  return null;
}
