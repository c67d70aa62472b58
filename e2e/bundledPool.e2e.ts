import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { corpusFixture } from '../bench/corpus/corpusFixture.ts';
import { checkCommand } from '../electron/cli/commands/check.ts';

// The worker pool from the build output (`npm run build`, which `test:e2e` runs first): the
// bundled CLI, dist/electron/cli.cjs, must find its worker and job bundles beside it
// (dist/electron/poolWorker.cjs, jobs/analyzeJob.cjs) as main.cjs does in the app, where no
// .ts source is shipped. It must give the same document as checking from source in one thread.

const dist = fileURLToPath(new URL('../dist/electron/', import.meta.url));
const { file } = corpusFixture('bundled-pool-', 'records.jsonl', 12, { 4: '{"broken": ' });

describe('the worker pool in the built output', () => {
  it('ships the worker and job bundles beside main.cjs', () => {
    for (const name of ['main.cjs', 'cli.cjs', 'poolWorker.cjs', 'jobs/analyzeJob.cjs', 'jobs/parseJob.cjs']) {
      expect(existsSync(join(dist, name)), name).toBe(true);
    }
  });

  it('checks in two bundled workers and prints what the source prints in one thread', async () => {
    const bundled = await promisify(execFile)(process.execPath, [join(dist, 'cli.cjs'), 'check', file, '--json', '--jobs', '2'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    let fromSource = '';
    await checkCommand.run([file, '--json', '--jobs', '0'], { stdout: (t) => void (fromSource += t), stderr: () => undefined });
    expect(bundled.stdout).toBe(fromSource);
    const doc = JSON.parse(bundled.stdout) as { records: unknown[]; errors: { source: string; message: string }[] };
    expect(doc.records).toHaveLength(12);
    // The one error is the broken line, not a task whose worker failed ("Checking lines …–… failed").
    expect(doc.errors.map((e) => e.source)).toEqual([`${file}:5`]);
  });
});
