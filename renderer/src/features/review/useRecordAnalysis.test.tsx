// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import type { RecordAnalysis, RecordAnalyzer } from '../../workers/analysisTypes.ts';
import { createInlineAnalyzer } from '../../workers/inlineAnalyzer.ts';
import { latestWins } from '../../workers/latestWins.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';
import { useCheckGlossary } from '../glossary/GlossaryContext.tsx';
import { RecordAnalyzerProvider, useAnalysisCache, useRecordAnalysis } from './useRecordAnalysis.ts';

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

  it('shows an analysis that finished between its render and its effect', async () => {
    // A record analysed ahead finishes after the view drew its placeholder but before the view's
    // effect ran: the effect then finds it done, and must still have the view drawn again.
    let finish: (analysis: RecordAnalysis) => void = () => {};
    const analyzer: RecordAnalyzer = { analyze: () => new Promise<RecordAnalysis>((resolve) => (finish = resolve)), dispose() {} };
    const analysis: RecordAnalysis = { recordId: mdmaRecord.id, alignment: { en: [], zh: [], links: [], sections: [] }, findings: [], elapsedMs: 0 };
    const seen: string[] = [];
    function View() {
      seen.push(useRecordAnalysis(mdmaRecord).status);
      return null;
    }
    // Layout effects run after the commit, in order, and before the passive ones (a later task
    // here): the analysis ahead is started and then finished in between.
    function AnalyseAheadAndFinish() {
      const analyses = useAnalysisCache();
      const glossary = useCheckGlossary();
      useLayoutEffect(() => {
        analyses.prefetch([mdmaRecord], glossary);
        finish(analysis);
      }, [analyses, glossary]);
      return null;
    }
    // Outside act(), so passive effects run as they do in the page: after the commit, in a later task.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const wasActEnvironment = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const root = createRoot(document.createElement('div'));
    try {
      root.render(
        <RecordAnalyzerProvider analyzer={analyzer}>
          <View />
          <AnalyseAheadAndFinish />
        </RecordAnalyzerProvider>,
      );
      await waitFor(() => expect(seen.at(-1)).toBe('ready'));
      expect(seen[0]).toBe('running');
    } finally {
      root.unmount();
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasActEnvironment;
    }
  });
});
