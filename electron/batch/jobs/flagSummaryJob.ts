/**
 * The pool job of the app's background check (`RecordIndex`): a batch of records → each one's
 * flag counts and term summary, so the main process's thread stays free for requests while a
 * large library is checked.
 */
import type { ReviewRecord } from '../../../shared/records/model.ts';
import { summarizeRecordFlags, type RecordFlagSummary } from '../../../shared/review/flagSummary.ts';
import type { RunJob } from '../jobTypes.ts';

export const runJob: RunJob<ReviewRecord[], RecordFlagSummary[]> = (records) => records.map(summarizeRecordFlags);
