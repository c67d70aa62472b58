import { describe, expect, it } from 'vitest';
import { batchModuleUrl, RUNS_BUNDLED } from './batchModules.ts';

describe('batchModuleUrl', () => {
  it('finds the .ts source beside this folder when running from source', () => {
    expect(RUNS_BUNDLED).toBe(false);
    expect(batchModuleUrl('./poolWorker').href).toBe(new URL('./poolWorker.ts', import.meta.url).href);
    expect(batchModuleUrl('./jobs/analyzeJob').href).toBe(new URL('./jobs/analyzeJob.ts', import.meta.url).href);
  });

  it('finds the .cjs bundle beside the bundle it runs from', () => {
    const main = 'file:///app/dist/electron/main.cjs';
    expect(batchModuleUrl('./poolWorker', main).href).toBe('file:///app/dist/electron/poolWorker.cjs');
    expect(batchModuleUrl('./jobs/analyzeJob', main).href).toBe('file:///app/dist/electron/jobs/analyzeJob.cjs');
  });
});
