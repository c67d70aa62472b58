import type { ParseResult, RecordFormat } from './model.ts';
import { parsePageDump } from './page.ts';

/** Options for `parseRecords`: where the text came from, and an optional format override. */
export interface ParseOptions {
  file: string;
  format?: RecordFormat;
}

/**
 * Parses a decoded file's text into records and error entries. Never throws.
 * Page dumps are read now; the other formats follow.
 */
export function parseRecords(text: string, options: ParseOptions): ParseResult {
  const format = options.format ?? 'page';
  if (format === 'page') return parsePageDump(text, options.file);
  return { records: [], errors: [{ source: { file: options.file }, message: `${options.file}: no parser for ${format} yet` }] };
}
