/**
 * The pool job of `check`: one task (a JSONL chunk or a whole file) → its records, each aligned
 * and checked by `analyzeRecord`, as the `check --json` record shape, plus load and check errors.
 *
 * Each worker builds the lexicon once (first task) and keeps it: it is the costly part of start-up.
 * Corpus-wide term inconsistency needs every record at once, so it is not done here: with
 * `withTerms` the job hands back each record's compact term summary (a few short strings), which
 * is all the main thread keeps of a record for that pass.
 */
import type { LoadError } from '../../../shared/records/model.ts';
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';
import { defaultLexicon } from '../../../shared/lexicon/defaultLexicon.ts';
import { analyzeRecord } from '../../../shared/review/analyzeRecord.ts';
import type { TermRenderingSummary } from '../../../shared/terms/termInconsistency.ts';
import { recordJson, type CheckRecordJson } from '../checkRecordJson.ts';
import type { RunJob } from '../jobTypes.ts';
import type { RecordTask } from '../recordTasks.ts';
import { loadTask } from './loadTask.ts';

/** What `check` passes every worker. */
export interface AnalyzeJobOptions {
  glossary?: GlossaryEntry[];
  /** Also return each record's term summary, for the corpus-wide term check in the main thread. */
  withTerms?: boolean;
}

/** One task's results, in input order. */
export interface AnalyzeJobResult {
  records: CheckRecordJson[];
  /** Load and check errors, with file and line. */
  errors: LoadError[];
  /** With `withTerms`: `terms[i]` belongs to `records[i]` (empty for an untranslated record). */
  terms?: TermRenderingSummary[][];
  /** This worker's V8 heap after the task, and the time it spent, for the benchmark. */
  heapUsed: number;
  busyMs: number;
}

export const runJob: RunJob<RecordTask, AnalyzeJobResult> = async (task, options) => {
  const started = performance.now();
  const { glossary = [], withTerms = false } = (options ?? {}) as AnalyzeJobOptions;
  const lexicon = defaultLexicon();
  const loaded = await loadTask(task);
  const records: CheckRecordJson[] = [];
  const terms: TermRenderingSummary[][] = [];
  const errors: LoadError[] = [...loaded.errors];
  for (const record of loaded.records) {
    try {
      // The term summary comes from the renderings the term check finds, not a second search.
      const analysis = analyzeRecord(record, { lexicon, glossary, termSummary: withTerms });
      records.push(recordJson(record, analysis, analysis.findings));
      if (withTerms) terms.push(analysis.terms ?? []);
    } catch (error) {
      // One record the checks choke on is an error entry; the rest of the task still counts.
      errors.push({ source: record.source, message: `Checking ${record.id} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { records, errors, ...(withTerms ? { terms } : {}), heapUsed: process.memoryUsage().heapUsed, busyMs: performance.now() - started };
};
