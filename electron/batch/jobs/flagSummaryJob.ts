/**
 * The pool job of the app's background check (`RecordIndex`): a batch of records → each one's
 * flag counts and term summary, so the main process's thread stays free for requests while a
 * large library is checked.
 */
import type { ReviewRecord } from '../../../shared/records/model.ts';
import { summarizeRecordFlags, type RecordFlagSummary } from '../../../shared/review/flagSummary.ts';
import { lowerThisThreadsPriority } from '../../services/backgroundPriority.ts';
import type { RunJob } from '../jobTypes.ts';

// Nobody waits on the background check: on a busy machine its thread gives way to the requests,
// the page and the analysis of the record the user opens.
lowerThisThreadsPriority();

export const runJob: RunJob<ReviewRecord[], RecordFlagSummary[]> = (records) => records.map(summarizeRecordFlags);
