import type { ParseResult, RecordFormat } from './model.ts';

/** Options for `parseRecords`: where the text came from, and an optional format override. */
export interface ParseOptions {
  file: string;
  format?: RecordFormat;
}

/**
 * Parses a decoded file's text into records and error entries. Never throws.
 * (Placeholder until the format parsers land: reports every file as unsupported.)
 */
export function parseRecords(_text: string, options: ParseOptions): ParseResult {
  return { records: [], errors: [{ source: { file: options.file }, message: 'No parser for this format yet' }] };
}
