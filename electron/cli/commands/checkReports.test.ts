import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvHeader } from '../../../shared/report/csv.ts';
import { checkCommand } from './check.ts';

// The report flags of `check` (issue 7) on the example record, which loses two section labels (major).
const sample = new URL('../../../samples/mdma-ptsd-military.page.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'check-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await checkCommand.run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('check report options', () => {
  it('prints the summary table after the per-record lines', async () => {
    const { code, stdout } = await run(sample);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Records: 1 {3}with flags: 1 {3}flags: \d+/);
    expect(stdout).toMatch(/section-missing\s+0\s+\d+/);
  });

  it('--csv prints one RFC 4180 row per flag', async () => {
    const { stdout } = await run(sample, '--csv');
    expect(stdout.startsWith(csvHeader())).toBe(true);
    expect(stdout).toContain(',section-missing,major,');
  });

  it('--fail-on exits 1 only when a flag reaches the level', async () => {
    expect((await run(sample, '--fail-on', 'major')).code).toBe(1);
    expect((await run(sample, '--fail-on', 'critical')).code).toBe(0);
    expect((await run(sample, '--fail-on', 'bogus')).code).toBe(2);
  });

  it('--html writes a self-contained report', async () => {
    const file = join(dir, 'report.html');
    await run(sample, '--html', file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('10.3233/nre-230270');
  });
});
