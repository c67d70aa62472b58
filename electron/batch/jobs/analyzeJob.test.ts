import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../../../bench/corpus/corpusFixture.ts';
import type { CheckRecordJson } from '../checkRecordJson.ts';
import { recordTasks, type RecordTask } from '../recordTasks.ts';
import { WorkerPool } from '../workerPool.ts';
import { runJob, type AnalyzeJobResult } from './analyzeJob.ts';

// 12 corpus records and one broken line, so both results and errors come back.
const { file, lines } = corpusFixture('analyze-job-', 'sample.jsonl', 12, { 5: '{"title": oops' });

const textOf = (result: AnalyzeJobResult): string => Buffer.from(result.recordLines).toString('utf8');
const recordsOf = (result: AnalyzeJobResult): CheckRecordJson[] => textOf(result).split('\n').slice(0, -1).map((line) => JSON.parse(line) as CheckRecordJson);

describe('analyzeJob', () => {
  it('returns the check --json record shape for each record and errors with file lines', async () => {
    const result = await runJob({ file, format: 'jsonl', text: lines.join('\n'), firstLine: 1 }, {});
    expect(result.records).toBe(12);
    expect(textOf(result).endsWith('\n')).toBe(true);
    const records = recordsOf(result);
    expect(records).toHaveLength(12);
    expect(result.errors).toEqual([{ source: expect.objectContaining({ file, line: 6 }), message: expect.stringContaining('invalid JSON'), code: 'json.invalid', params: { detail: expect.any(String) } }]);
    expect(result.terms).toBeUndefined();
    const first = records[0]!;
    expect(first.id).toBe('10.5555/bench.0000000');
    expect(first.sentences.en.length).toBeGreaterThan(0);
    expect(first.alignment.length).toBeGreaterThan(0);
    expect(result.flags).toBe(records.flatMap((r) => r.flags).length);
    for (const flag of records.flatMap((r) => r.flags)) {
      expect(['critical', 'major', 'minor']).toContain(flag.severity);
      expect(typeof flag.message).toBe('string');
    }
  });

  it('gives the same results through the pool as in-process, in input order', async () => {
    const direct = await runJob({ file, format: 'jsonl', text: lines.join('\n'), firstLine: 1 }, {});
    const pool = new WorkerPool<RecordTask, AnalyzeJobResult>({ jobModule: new URL('./analyzeJob.ts', import.meta.url), size: 2 });
    try {
      const records = [];
      for await (const result of pool.map(recordTasks([file], { linesPerTask: 4 }))) {
        expect(result.ok).toBe(true);
        if (result.ok) records.push(textOf(result.value));
      }
      expect(records.join('')).toBe(textOf(direct));
    } finally {
      await pool.close();
    }
  });
});
