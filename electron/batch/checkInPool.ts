/**
 * `check` over many records in parallel: input files streamed as tasks through a worker pool
 * running `analyzeJob`, results gathered in input order, then the corpus-wide term check (which
 * needs every record at once) in the main thread, as the in-process path does.
 */
import type { AlignedRecord } from '../../shared/checks/types.ts';
import { defaultLexicon } from '../../shared/lexicon/defaultLexicon.ts';
import type { LoadError } from '../../shared/records/model.ts';
import type { CheckRecordJson } from '../cli/commands/check.ts';
import type { GlossaryEntry } from '../../shared/terms/glossary.ts';
import { findCorpusTermInconsistencies } from '../../shared/terms/termInconsistency.ts';
import type { AnalyzeJobOptions, AnalyzeJobResult } from './jobs/analyzeJob.ts';
import { recordTasks, type RecordTask } from './recordTasks.ts';
import { WorkerPool } from './workerPool.ts';

/** Options for `checkInPool`. */
export interface PoolCheckOptions {
  glossary?: GlossaryEntry[];
  /** Worker threads; default cores − 1. */
  workers?: number;
  /** Called as records finish, with how many just did (for the progress bar's `tick`). */
  onRecords?: (done: number) => void;
  /** Run the corpus-wide term check (default true; it holds every record's sentences). */
  corpusTerms?: boolean;
}

const ANALYZE_JOB = new URL('./jobs/analyzeJob.ts', import.meta.url);

/** Checks every record of `files` in worker threads; never throws for a bad file or record. */
export async function checkInPool(files: readonly string[], options: PoolCheckOptions = {}): Promise<{ records: CheckRecordJson[]; errors: LoadError[] }> {
  const corpusTerms = options.corpusTerms ?? true;
  const jobOptions: AnalyzeJobOptions = { glossary: options.glossary ?? [], withAligned: corpusTerms };
  const pool = new WorkerPool<RecordTask, AnalyzeJobResult>({
    jobModule: ANALYZE_JOB,
    jobOptions,
    ...(options.workers !== undefined ? { size: options.workers } : {}),
  });
  const records: CheckRecordJson[] = [];
  const aligned: { id: string; aligned: AlignedRecord; at: number }[] = [];
  const errors: LoadError[] = [];
  try {
    for await (const result of pool.map(recordTasks(files))) {
      if (!result.ok) {
        // The task's worker died or the job failed outright: the whole chunk is one error.
        const { file, firstLine } = result.input;
        errors.push({ source: firstLine !== undefined ? { file, line: firstLine } : { file }, message: `Checking failed: ${result.error}` });
        continue;
      }
      result.value.records.forEach((record, i) => {
        const a = result.value.aligned?.[i];
        if (a) aligned.push({ id: record.id, aligned: a, at: records.length });
        records.push(record);
      });
      errors.push(...result.value.errors);
      options.onRecords?.(result.value.records.length);
    }
  } finally {
    await pool.close();
  }
  if (corpusTerms) {
    // As in the in-process path, a corpus finding goes to every record with that id.
    const byId = new Map<string, number[]>();
    for (const { id, at } of aligned) byId.set(id, [...(byId.get(id) ?? []), at]);
    for (const { recordId, finding } of findCorpusTermInconsistencies(aligned, defaultLexicon())) {
      for (const at of byId.get(recordId) ?? []) {
        records[at]!.flags.push({ kind: finding.kind, severity: finding.severity, en: finding.en, zh: finding.zh, message: finding.message.en, evidence: finding.evidence });
      }
    }
  }
  return { records, errors };
}
