/**
 * What `check` prints on stdout, produced piece by piece as records stream past: text before the
 * first record, text for each record, text after the last. Each format prints exactly what it
 * printed when `check` built it from the whole result at once; only the timing changed.
 */
import { csvHeader, csvRows } from '../../../shared/report/csv.ts';
import type { ReportSummary } from '../../../shared/report/summarize.ts';
import { renderSummaryTable } from '../../../shared/report/table.ts';
import { formatError, type CheckError } from '../../../shared/report/types.ts';
import type { CheckRecordJson } from '../../batch/checkRecordJson.ts';

/** One output format of `check`, as text pieces. */
export interface CheckOutput {
  start(): string;
  record(record: CheckRecordJson): string;
  end(errors: readonly CheckError[], summary: ReportSummary): string;
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it two levels deep: every line indented by
 * four spaces, the first line included. Stringifying it inside two arrays and cutting those off
 * gives exactly that in one pass, where indenting the plain output again (a replace of every
 * newline) cost as much as the stringify itself.
 */
const PREFIX = '[\n  [\n'.length;
const SUFFIX = '\n  ]\n]'.length;
const indentedTwoLevels = (value: unknown): string => {
  const wrapped = JSON.stringify([[value]], null, 2);
  return wrapped.slice(PREFIX, wrapped.length - SUFFIX);
};

/**
 * `--json`: one document, `{"records": [...], "errors": [...]}`, indented by two spaces as
 * `JSON.stringify(doc, null, 2)` writes it (byte for byte), but written record by record.
 */
export function jsonOutput(): CheckOutput {
  let records = 0;
  return {
    start: () => '{\n  "records": [',
    record: (record) => `${records++ === 0 ? '\n' : ',\n'}${indentedTwoLevels(record)}`,
    end(errors) {
      const list = errors.length === 0 ? '[]' : `[\n${errors.map(indentedTwoLevels).join(',\n')}\n  ]`;
      return `${records > 0 ? '\n  ]' : ']'},\n  "errors": ${list}\n}\n`;
    },
  };
}

/** `--csv`: the header, then one RFC 4180 row per flag (errors are not flags: they are left out). */
export function csvOutput(): CheckOutput {
  return { start: csvHeader, record: (record) => csvRows(record), end: () => '' };
}

/** The default: a line per record with its flags, the error lines, the totals, then the summary table. */
export function textOutput(): CheckOutput {
  return {
    start: () => '',
    record(r) {
      const counts = new Map<string, number>();
      for (const f of r.flags) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
      const tally = [...counts.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'no flags';
      let out = `${r.id}  (${r.source})  ${r.sentences.en.length} en / ${r.sentences.zh.length} zh sentences — ${tally}\n`;
      for (const f of r.flags) {
        const where = `en ${f.en.map((i) => i + 1).join(',') || '—'} ↔ zh ${f.zh.map((i) => i + 1).join(',') || '—'}`;
        out += `  [${f.severity}] ${f.kind}  ${where}: ${f.message}\n`;
      }
      return out;
    },
    end(errors, summary) {
      const lines = errors.map((e) => `error: ${formatError(e)}\n`).join('');
      return `${lines}${summary.records} record(s), ${summary.flags} flag(s), ${summary.errors} error(s)\n\n${renderSummaryTable(summary)}`;
    },
  };
}
