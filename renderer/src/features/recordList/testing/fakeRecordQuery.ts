import type { ReviewState } from '../../../../../shared/contract/annotations.ts';
import type { RecordSummary, RequestOf, ReviewApi } from '../../../../../shared/contract/channels.ts';
import type { RecordFlagCounts } from '../../../../../shared/contract/recordQuery.ts';
import { ok } from '../../../../../shared/contract/result.ts';
import type { ReviewRecord } from '../../../../../shared/records/model.ts';
import { countFlags, filterRecords } from '../../../../../shared/review/recordQuery.ts';

/**
 * `library:query` for the fake ReviewApi: the shared filter over the fake's records, its stored
 * statuses, and flag counts the test chooses (none by default).
 */
export function createFakeRecordQuery(
  log: (channel: 'library:query', request: RequestOf<'library:query'>) => void,
  records: () => readonly ReviewRecord[],
  states: () => readonly ReviewState[],
  summarise: (record: ReviewRecord) => RecordSummary,
  flagsOf: (record: ReviewRecord) => RecordFlagCounts | null = () => countFlags([]),
): Pick<ReviewApi, 'queryRecords'> {
  return {
    async queryRecords(request) {
      log('library:query', request);
      const list = records();
      const status = (id: string) => states().find((state) => state.recordId === id)?.status ?? 'unreviewed';
      const queryable = list.map((record) => ({
        texts: [record.en.title, record.en.abstract, record.zh?.title ?? '', record.zh?.abstract ?? ''],
        flags: flagsOf(record),
        status: status(record.id),
      }));
      const { matches, counts } = filterRecords(queryable, request);
      const rows = matches.slice(request.offset, request.offset + request.limit).map((index) => ({
        ...summarise(list[index]!),
        flags: queryable[index]!.flags,
        status: queryable[index]!.status,
      }));
      const analysed = queryable.filter((entry) => entry.flags !== null).length;
      const stamp = JSON.stringify([list.map((record) => record.id), queryable.map((entry) => [entry.status, entry.flags?.total ?? null])]);
      return ok({
        total: matches.length,
        all: list.length,
        analysed,
        counts,
        offset: request.offset,
        rows,
        ...(request.ids ? { ids: matches.map((index) => list[index]!.id) } : {}),
        stamp,
      });
    },
  };
}
