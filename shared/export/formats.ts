/**
 * The export formats in one table, so the main side's export service and the renderer's export
 * menu agree on names, file extensions and media types without listing them twice.
 */
import { exportCsv } from './csv.ts';
import { exportHtmlReport } from './htmlReport.ts';
import { exportJson } from './json.ts';
import { exportMqmTsv } from './mqmTsv.ts';
import { exportTmx } from './tmx.ts';
import type { ReviewExport } from './types.ts';
import { exportXliff } from './xliff.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'mqm-tsv', 'xliff', 'tmx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  /** File extension without the dot. */
  extension: string;
  mediaType: string;
  serialise: (data: ReviewExport) => string;
}

/** Extension, media type and serialiser of each format. */
export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  json: { extension: 'json', mediaType: 'application/json', serialise: exportJson },
  csv: { extension: 'csv', mediaType: 'text/csv', serialise: exportCsv },
  'mqm-tsv': { extension: 'tsv', mediaType: 'text/tab-separated-values', serialise: (data) => exportMqmTsv(data) },
  xliff: { extension: 'xlf', mediaType: 'application/xliff+xml', serialise: exportXliff },
  tmx: { extension: 'tmx', mediaType: 'application/x-tmx+xml', serialise: (data) => exportTmx(data) },
  html: { extension: 'html', mediaType: 'text/html', serialise: exportHtmlReport },
};

/** True when `value` names an export format (for validating a request from the renderer). */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Serialises `data` in `format`. */
export function serialiseExport(format: ExportFormat, data: ReviewExport): string {
  return EXPORT_FORMAT_INFO[format].serialise(data);
}
