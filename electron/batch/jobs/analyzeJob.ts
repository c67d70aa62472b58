/**
 * The pool job of `check`: one task (a JSONL chunk or a whole file) → its records, each aligned
 * and checked by `analyzeRecord`, as the `check --json` record shape, plus load and check errors.
 *
 * Each worker builds the lexicon once (first task) and keeps it: it is the costly part of start-up.
 *
 * The records come back as JSON Lines, not as objects. The main thread only writes them out
 * (to the temporary results file of `check`), so objects would be cloned into it only to be
 * turned into that same text there. The lines come as UTF-8 bytes, moved to the main thread
 * without a copy (`transferList`) and written to that file as they are: as one string they were
 * a V8 large object on both sides, copied by the message and encoded to UTF-8 by the main
 * thread. In the worker each record's objects die young instead of surviving, and being copied
 * by, the scavenges that run while the rest of the task is checked.
 * Corpus-wide term inconsistency needs every record at once, so it is not done here: with
 * `withTerms` the job hands back each record's compact term summary (a few short strings), which
 * is all the main thread keeps of a record for that pass.
 */
import type { LoadError } from '../../../shared/records/model.ts';
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';
import { defaultLexicon } from '../../../shared/lexicon/defaultLexicon.ts';
import { analyzeRecord } from '../../../shared/review/analyzeRecord.ts';
import type { TermRenderingSummary } from '../../../shared/terms/termInconsistency.ts';
import { recordJson } from '../checkRecordJson.ts';
import type { RunJob, TransferList } from '../jobTypes.ts';
import type { RecordTask } from '../recordTasks.ts';
import { Utf8Lines } from '../utf8Lines.ts';
import { loadTask } from './loadTask.ts';

/** What `check` passes every worker. */
export interface AnalyzeJobOptions {
  glossary?: GlossaryEntry[];
  /** Also return each record's term summary, for the corpus-wide term check in the main thread. */
  withTerms?: boolean;
}

/** One task's results, in input order. */
export interface AnalyzeJobResult {
  /** The records as JSON Lines in UTF-8: `JSON.stringify` of each one's `CheckRecordJson`, each line ending in `\n`. */
  recordLines: Uint8Array<ArrayBuffer>;
  /** How many records (lines) `recordLines` holds, and how many flags they carry in all. */
  records: number;
  flags: number;
  /** Load and check errors, with file and line. */
  errors: LoadError[];
  /** With `withTerms`: `terms[i]` belongs to the i-th record of `recordLines` (empty for an untranslated record). */
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
  const recordLines = new Utf8Lines();
  let records = 0;
  let flags = 0;
  const terms: TermRenderingSummary[][] = [];
  const errors: LoadError[] = [...loaded.errors];
  for (const record of loaded.records) {
    try {
      // The term summary comes from the renderings the term check finds, not a second search.
      const analysis = analyzeRecord(record, { lexicon, glossary, termSummary: withTerms });
      recordLines.push(JSON.stringify(recordJson(record, analysis, analysis.findings)));
      records++;
      flags += analysis.findings.length;
      if (withTerms) terms.push(analysis.terms ?? []);
    } catch (error) {
      // One record the checks choke on is an error entry; the rest of the task still counts.
      errors.push({ source: record.source, message: `Checking ${record.id} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { recordLines: recordLines.bytes(), records, flags, errors, ...(withTerms ? { terms } : {}), heapUsed: process.memoryUsage().heapUsed, busyMs: performance.now() - started };
};

/** The record bytes move to the main thread rather than being copied (see the file comment). */
export const transferList: TransferList<AnalyzeJobResult> = (result) => [result.recordLines.buffer];
