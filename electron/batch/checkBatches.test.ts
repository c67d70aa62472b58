import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../../bench/corpus/corpusFixture.ts';
import { checkCommand } from '../cli/commands/check.ts';
import { choosePoolSize, POOL_THRESHOLD_BYTES } from './poolChoice.ts';
import { defaultPoolSize } from './workerPool.ts';

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
