// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import type { RecordAnalysis, RecordAnalyzer } from '../../workers/analysisTypes.ts';
import { createInlineAnalyzer } from '../../workers/inlineAnalyzer.ts';
import { latestWins } from '../../workers/latestWins.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';
import { RecordAnalyzerProvider, useRecordAnalysis } from './useRecordAnalysis.ts';

const wrapperWith = (analyzer: RecordAnalyzer) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <RecordAnalyzerProvider analyzer={analyzer}>{children}</RecordAnalyzerProvider>;
  };

describe('useRecordAnalysis', () => {
  it('aligns the record with the real aligner and reports it ready', async () => {
    const { result } = renderHook(() => useRecordAnalysis(mdmaRecord), { wrapper: wrapperWith(createInlineAnalyzer()) });
    expect(result.current.status).toBe('running');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    if (result.current.status !== 'ready') throw new Error('not ready');
    const { alignment } = result.current.analysis;
    expect(alignment.en.length).toBe(3);
    expect(alignment.links.length).toBeGreaterThan(0);
  });

  it('never shows an answer for a record the user has moved past', async () => {
    const finishers = new Map<string, (analysis: RecordAnalysis) => void>();
    const analyzer: RecordAnalyzer = {
      analyze: latestWins((record: ReviewRecord) => new Promise<RecordAnalysis>((resolve) => finishers.set(record.id, resolve))),
      dispose() {},
    };
    const fake = (record: ReviewRecord): RecordAnalysis => ({ recordId: record.id, alignment: { en: [], zh: [], links: [], sections: [] }, findings: [], elapsedMs: 0 });
    const { result, rerender } = renderHook(({ record }) => useRecordAnalysis(record), {
      wrapper: wrapperWith(analyzer),
      initialProps: { record: mdmaRecord },
    });
    rerender({ record: secondRecord });
    await act(async () => finishers.get(mdmaRecord.id)!(fake(mdmaRecord)));
    expect(result.current.status).toBe('running');
    await waitFor(() => expect(finishers.has(secondRecord.id)).toBe(true));
    await act(async () => finishers.get(secondRecord.id)!(fake(secondRecord)));
    expect(result.current).toMatchObject({ status: 'ready', analysis: { recordId: secondRecord.id } });
  });
});
