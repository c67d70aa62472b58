/**
 * The pool job of `check`: one task (a JSONL chunk or a whole file) → its records, each aligned
 * and checked by `analyzeRecord`, as the `check --json` record shape, plus load and check errors.
 *
 * Each worker builds the lexicon once (first task) and keeps it: it is the costly part of start-up.
 * Corpus-wide term inconsistency needs every record at once, so it is not done here; the main
 * thread can run it over the results (see the batch README notes in the report).
 */
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';
import { defaultLexicon } from '../../../shared/lexicon/defaultLexicon.ts';
import { analyzeRecord } from '../../../shared/review/analyzeRecord.ts';
import type { CheckError, CheckRecordResult } from '../../../shared/report/types.ts';
import { recordJson } from '../../cli/commands/check.ts';
import type { RunJob } from '../jobTypes.ts';
import type { RecordTask } from '../recordTasks.ts';
import { loadTask } from './loadTask.ts';

/** What `check` passes every worker. */
export interface AnalyzeJobOptions {
  glossary?: GlossaryEntry[];
}

/** One task's results, in input order. */
export interface AnalyzeJobResult {
  records: CheckRecordResult[];
  errors: CheckError[];
  /** This worker's V8 heap after the task, and the time it spent, for the benchmark. */
  heapUsed: number;
  busyMs: number;
}

const sourceText = (s: { file: string; line?: number }): string => (s.line ? `${s.file}:${s.line}` : s.file);

export const runJob: RunJob<RecordTask, AnalyzeJobResult> = async (task, options) => {
  const started = performance.now();
  const glossary = (options as AnalyzeJobOptions | undefined)?.glossary ?? [];
  const lexicon = defaultLexicon();
  const loaded = await loadTask(task);
  const records: CheckRecordResult[] = [];
  const errors: CheckError[] = loaded.errors.map((e) => ({ source: sourceText(e.source), message: e.message }));
  for (const record of loaded.records) {
    try {
      const analysis = analyzeRecord(record, { lexicon, glossary });
      records.push(recordJson(record, analysis, analysis.findings));
    } catch (error) {
      // One record the checks choke on is an error entry; the rest of the task still counts.
      errors.push({ source: sourceText(record.source), message: `Checking ${record.id} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { records, errors, heapUsed: process.memoryUsage().heapUsed, busyMs: performance.now() - started };
};
