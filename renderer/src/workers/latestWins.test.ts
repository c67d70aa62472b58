import { describe, expect, it } from 'vitest';
import { StaleAnalysisError } from './analysisTypes.ts';
import { latestWins } from './latestWins.ts';

/** A runner whose calls finish only when the test says so. */
function controlledRunner() {
  const started: { input: string; finish: () => void }[] = [];
  const run = (input: string) =>
    new Promise<string>((resolve) => {
      started.push({ input, finish: () => resolve(`done ${input}`) });
    });
  return { started, run };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('latestWins', () => {
  it('runs one at a time and drops requests overtaken while waiting', async () => {
    const { started, run } = controlledRunner();
    const analyze = latestWins(run);
    const a = analyze('a');
    const b = analyze('b');
    const c = analyze('c');
    await expect(b).rejects.toBeInstanceOf(StaleAnalysisError);
    expect(started.map((s) => s.input)).toEqual(['a']);
    started[0]!.finish();
    await expect(a).resolves.toBe('done a');
    await tick();
    expect(started.map((s) => s.input)).toEqual(['a', 'c']);
    started[1]!.finish();
    await expect(c).resolves.toBe('done c');
  });

  it('passes a failure through and keeps serving', async () => {
    let calls = 0;
    const analyze = latestWins(async (input: string) => {
      calls += 1;
      if (input === 'bad') throw new Error('cannot align');
      return input;
    });
    await expect(analyze('bad')).rejects.toThrow('cannot align');
    await expect(analyze('good')).resolves.toBe('good');
    expect(calls).toBe(2);
  });
});
