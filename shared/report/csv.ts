/**
 * One CSV row per flag, RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote,
 * CR or LF, quotes doubled. Spreadsheet users filter and sort flags; one row per flag (not per
 * record) is what makes that work.
 */
import { sectionOfFlag } from './summarize.ts';
import { formatSource, messageText, type CheckFlag, type CheckRecordResult, type CheckResults } from './types.ts';

/** The header row's column names, in order. */
export const CSV_COLUMNS = [
  'record_id',
  'source',
  'kind',
  'severity',
  'section',
  'en_sentences',
  'zh_sentences',
  'en_text',
  'zh_text',
  'message',
  'message_zh',
  'evidence',
] as const;

/** Quotes one field per RFC 4180 when it needs it. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header line (with its CRLF), for writers that stream rows. */
export function csvHeader(): string {
  return csvLine(CSV_COLUMNS);
}

function sentenceTexts(indices: readonly number[], sentences: readonly { text: string }[]): string {
  return indices.map((i) => sentences[i]?.text ?? '').join(' ');
}

// "en[0] 12-14 \"24\"": side, sentence, offsets and the quoted span, joined by "; ".
function evidenceText(flag: CheckFlag): string {
  return flag.evidence.map((e) => `${e.side}[${e.sentence}] ${e.start}-${e.end} ${JSON.stringify(e.text)}`).join('; ');
}

/** The rows (with CRLFs) for one record's flags; none for a clean record. */
export function csvRows(record: CheckRecordResult): string {
  let out = '';
  for (const flag of record.flags) {
    out += csvLine([
      record.id,
      formatSource(record.source),
      flag.kind,
      flag.severity,
      sectionOfFlag(flag, record),
      flag.en.join(' '),
      flag.zh.join(' '),
      sentenceTexts(flag.en, record.sentences.en),
      sentenceTexts(flag.zh, record.sentences.zh),
      messageText(flag.message, 'en'),
      messageText(flag.message, 'zh-CN'),
      evidenceText(flag),
    ]);
  }
  return out;
}

/** The whole CSV document for a `check` result: header, then one row per flag. */
export function toCsv(results: Pick<CheckResults, 'records'>): string {
  let out = csvHeader();
  for (const record of results.records) out += csvRows(record);
  return out;
}
