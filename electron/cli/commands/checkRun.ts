/**
 * One `check` run over files, in bounded memory whatever their size.
 *
 * Pass 1 streams the records through the checks (`checkBatches`: worker pool or this thread, with
 * backpressure) and keeps, per record, only its compact term summary; the record's result goes
 * to a temporary JSON Lines file. The corpus-wide term check can only decide once every record is
 * in, and its findings belong inside the records' flags, so pass 2 reads the results back in
 * order, adds each record's corpus findings, folds it into the summary (counts, and only the N
 * worst records for the reports) and hands it to the output. Memory then holds the term
 * summaries (a few integers per record), the worst records, the errors, and one batch in flight.
 */
import type { LoadError } from '../../../shared/records/model.ts';
import { SummaryBuilder, type ReportSummary } from '../../../shared/report/summarize.ts';
import type { CheckError } from '../../../shared/report/types.ts';
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';
import { checkBatches } from '../../batch/checkBatches.ts';
import { sourceText, type CheckRecordJson } from '../../batch/checkRecordJson.ts';
import { CorpusTermStore, corpusTermFlags } from '../../batch/corpusTerms.ts';
import { JsonLinesSpill } from '../../batch/jsonLinesSpill.ts';
import { recordTasks, type RecordTask } from '../../batch/recordTasks.ts';
import type { CheckOutput } from './checkOutput.ts';

/** Options for `runCheck`. */
export interface CheckRunOptions {
  /** Input files (already expanded from folders and globs), or the tasks themselves. */
  files: readonly string[] | AsyncIterable<RecordTask>;
  /** Errors found before checking (paths, glossary), listed first. */
  errors?: readonly LoadError[];
  glossary?: GlossaryEntry[];
  /** Worker threads; 0 checks in this thread. */
  workers: number;
  /** Run the corpus-wide term check (default true). */
  corpusTerms?: boolean;
  /** Worst records the summary keeps for the reports (default 20). */
  worst?: number;
  /** The stdout format, and where its text goes (awaited, so a slow consumer slows the run). */
  output?: CheckOutput;
  write?: (text: string) => void | Promise<void>;
  /** Progress: records checked in pass 1, records reported in pass 2 (of `total`). */
  onChecked?: (records: number) => void;
  onReported?: (records: number, total: number) => void;
  /** Folder for the temporary results file (default the OS temp folder). */
  spillDir?: string;
}

/** What a run leaves in memory, for tests and the benchmark to check it stays small. */
export interface CheckRunState {
  summary: ReportSummary;
  /** Term uses and distinct strings the corpus pass held. */
  termUses: number;
  termStrings: number;
}

/**
 * Output text is gathered to about this size (in UTF-16 code units) before each write: one write
 * per record is slow, and a write flattens what was gathered into one string, which must stay
 * under V8's 128 KB large-object size (two bytes a unit for Chinese text, plus the last record's
 * ~10 KB). At 64 K units the --json of 10,000 records cost the main thread 1.3 s more CPU.
 */
const WRITE_CHUNK = 32 * 1024;

/** Runs `check` (see the file comment) and returns the summary the reports are built from. */
export async function runCheck(options: CheckRunOptions): Promise<CheckRunState> {
  const corpusTerms = options.corpusTerms ?? true;
  const errors: CheckError[] = (options.errors ?? []).map(errorJson);
  const terms = new CorpusTermStore();
  const spill = await JsonLinesSpill.create<CheckRecordJson>(options.spillDir);
  const builder = new SummaryBuilder({ worst: options.worst ?? 20 });
  const output = options.output;
  let pending = '';
  const emit = async (text: string, force = false): Promise<void> => {
    pending += text;
    if (options.write && (force || pending.length >= WRITE_CHUNK)) {
      const chunk = pending;
      pending = '';
      if (chunk !== '') await options.write(chunk);
    }
  };
  try {
    const tasks = Symbol.asyncIterator in options.files ? options.files : recordTasks(options.files);
    const batches = checkBatches(tasks, { glossary: options.glossary ?? [], workers: options.workers, withTerms: corpusTerms });
    for await (const batch of batches) {
      for (let i = 0; i < batch.records; i++) terms.add(batch.terms?.[i] ?? []);
      await spill.writeLines(batch.recordLines, batch.records);
      for (const error of batch.errors) errors.push(errorJson(error));
      options.onChecked?.(batch.records);
    }
    const disagreements = corpusTerms ? terms.disagreements() : new Map();
    const total = spill.count;
    if (output) await emit(output.start());
    let position = 0;
    for await (const record of spill.read()) {
      const mine = disagreements.get(position++);
      if (mine) record.flags.push(...corpusTermFlags(record, mine));
      builder.addRecord(record);
      if (output) await emit(output.record(record));
      options.onReported?.(position, total);
    }
    for (const error of errors) builder.addError(error);
    const summary = builder.finish();
    if (output) await emit(output.end(errors, summary), true);
    return { summary, termUses: terms.uses, termStrings: terms.strings };
  } finally {
    await spill.dispose();
  }
}

function errorJson(error: LoadError): CheckError {
  return { source: sourceText(error.source), message: error.message };
}
