import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../../bench/corpus/corpusFixture.ts';
import { checkCommand } from '../cli/commands/check.ts';
import { checkBatches, taskFailure, type CheckBatch } from './checkBatches.ts';
import { choosePoolSize, POOL_THRESHOLD_BYTES } from './poolChoice.ts';
import { recordTasks } from './recordTasks.ts';
import { OOM_TASK_LINE } from './testJobs/oomAnalyzeJob.ts';
import { defaultPoolSize } from './workerPool.ts';

const OOM_JOB = new URL('./testJobs/oomAnalyzeJob.ts', import.meta.url);
const { dir, file: small } = corpusFixture('check-pool-', 'small.jsonl', 16, { 3: 'not json' });

async function checkJson(...args: string[]): Promise<string> {
  let stdout = '';
  await checkCommand.run([...args, '--json'], { stdout: (t) => void (stdout += t), stderr: () => undefined });
  return stdout;
}

describe('check in the worker pool', () => {
  it('gives the same document as checking in this thread, load errors included', async () => {
    const pooled = await checkJson(small, '--jobs', '2');
    const inThread = await checkJson(small, '--jobs', '0');
    expect(pooled).toBe(inThread);
    const doc = JSON.parse(pooled) as { records: unknown[]; errors: { source: string }[] };
    expect(doc.records).toHaveLength(16);
    expect(doc.errors.map((e) => e.source)).toEqual([`${small}:4`]);
  });
});

describe('choosePoolSize', () => {
  const big = join(dir, 'big.jsonl');
  writeFileSync(big, 'x'.repeat(POOL_THRESHOLD_BYTES + 1));

  it.each([
    ['0', 0],
    ['3', 3],
    ['-1', null],
    ['two', null],
    [true, null],
  ] as const)('--jobs %s → %s', async (jobs, expected) => {
    expect(await choosePoolSize(jobs, [small])).toBe(expected);
  });

  it('uses the pool by default only for input over the threshold', async () => {
    expect(await choosePoolSize(undefined, [small])).toBe(0);
    expect(await choosePoolSize(undefined, [small, big])).toBe(defaultPoolSize());
    expect(await choosePoolSize(undefined, [join(dir, 'missing')])).toBe(0);
  });
});

describe('a worker that runs out of memory', () => {
  const { file } = corpusFixture('check-oom-', 'oom.jsonl', 12);

  it('fails only its task, as one error naming the file and lines, and the run goes on', async () => {
    const batches: CheckBatch[] = [];
    const tasks = recordTasks([file], { linesPerTask: 4 });
    const options = { workers: 1, jobModule: OOM_JOB, resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 } };
    for await (const batch of checkBatches(tasks, options)) batches.push(batch);
    expect(batches.map((b) => b.records)).toEqual([4, 0, 4]);
    expect(batches.map((b) => Buffer.from(b.recordLines).toString('utf8').split('\n').length - 1)).toEqual([4, 0, 4]);
    expect(batches[1]?.errors).toEqual([
      { source: { file, line: OOM_TASK_LINE }, message: expect.stringMatching(/^Checking lines 5–8 failed: .*out of memory \(ERR_WORKER_OUT_OF_MEMORY\).* 128 MB heap$/) },
    ]);
  });
});

describe('taskFailure', () => {
  it('names the lines of a JSONL task, or only the file of a whole-file task', () => {
    expect(taskFailure({ file: 'a.jsonl', firstLine: 201, text: 'x\ny\nz' }, 'boom')).toEqual({ source: { file: 'a.jsonl', line: 201 }, message: 'Checking lines 201–203 failed: boom' });
    expect(taskFailure({ file: 'a.jsonl', firstLine: 7, text: 'x' }, 'boom').message).toBe('Checking line 7 failed: boom');
    expect(taskFailure({ file: 'dump.txt' }, 'boom')).toEqual({ source: { file: 'dump.txt' }, message: 'Checking failed: boom' });
  });
});
