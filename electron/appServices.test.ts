import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from '../shared/contract/validate.ts';
import { createAppServices, createHandlers, type AppServices } from './appServices.ts';

let folder: string;
let services: AppServices | undefined;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'app-services-'));
});
afterEach(() => {
  services?.close();
  services = undefined;
  rmSync(folder, { recursive: true, force: true });
});

/** A 1.5 MiB TSV: over a 1 MiB limit, far under the built-in one. */
function writeBigTsv(): string {
  const path = join(folder, 'big.tsv');
  const row = `${'Aspirin lowered the risk. '.repeat(20)}\t${'阿司匹林降低了风险。'.repeat(20)}\n`;
  writeFileSync(path, `en\tzh\n${row.repeat(Math.ceil((1.5 * 1024 * 1024) / Buffer.byteLength(row)))}`);
  return path;
}

describe('the file size limit', () => {
  it('follows the maxFileMb setting as the user changes it', async () => {
    services = createAppServices({ userDataDir: folder, samplePaths: [] });
    const handlers = createHandlers(services);
    const big = writeBigTsv();
    await handlers['settings:set']({ maxFileMb: 1 });
    const refused = await services.library.openPaths([big]);
    expect(refused.errors).toEqual([{ source: { file: big }, message: expect.stringMatching(/over the 1 MiB limit/), code: 'file.tooLarge', params: { size: expect.any(String), limit: '1 MiB' } }]);
    await handlers['settings:set']({ maxFileMb: null });
    const opened = await services.library.openPaths([big]);
    expect(opened.errors).toEqual([]);
    expect(opened.records.length).toBeGreaterThan(0);
  });

  it('takes the command line’s limit over the setting for its launch', async () => {
    const first = createAppServices({ userDataDir: folder, samplePaths: [] });
    first.settings.set({ maxFileMb: 100 });
    first.close();
    services = createAppServices({ userDataDir: folder, samplePaths: [], maxFileMb: 1 });
    const big = writeBigTsv();
    expect((await services.library.openPaths([big])).errors.map((e) => e.message)).toEqual([expect.stringMatching(/over the 1 MiB limit/)]);
  });
});

describe('the record library behind the handlers', () => {
  it('pairs WMT siblings sent together (library:importTexts), and close() deletes the record store’s file', async () => {
    services = createAppServices({ userDataDir: folder, samplePaths: [], library: { storeDirectory: folder } });
    const handlers = createHandlers(services);
    const en = 'doc1\t1\tAspirin lowered the risk.\ndoc2\t1\tSleep improved.\n';
    const zh = 'doc1\t1\t阿司匹林降低了风险。\ndoc2\t1\t睡眠改善。\n';
    const result = await handleRequest('library:importTexts', { files: [{ name: 'set_en.txt', text: en }, { name: 'set_zh.txt', text: zh }] }, handlers);
    expect(result.ok && result.value).toMatchObject({ records: [{ file: 'set_en.txt', format: 'wmt' }, { file: 'set_en.txt', format: 'wmt' }], errors: [] });
    expect((await handleRequest('library:importTexts', { files: [] }, handlers)).ok).toBe(false);
    const storeFile = services.library.store.file;
    expect(existsSync(storeFile)).toBe(true);
    services.close();
    services = undefined;
    expect(existsSync(storeFile)).toBe(false);
  });

  it('answers a record with its stored review and corpus findings in one request (library:recordForReview)', async () => {
    services = createAppServices({ userDataDir: folder, samplePaths: [], library: { storeDirectory: folder } });
    const handlers = createHandlers(services);
    const opened = await handleRequest('library:importText', { name: 'one.tsv', text: 'en\tzh\nAspirin lowered the risk.\t阿司匹林降低了风险。\n' }, handlers);
    const id = opened.ok ? (opened.value as { records: { id: string }[] }).records[0]!.id : '';
    expect((await handleRequest('review:setStatus', { recordId: id, status: 'in-progress' }, handlers)).ok).toBe(true);
    const answer = await handleRequest('library:recordForReview', { id }, handlers);
    const review = await handleRequest('annotations:list', { recordId: id }, handlers);
    expect(answer.ok && answer.value).toMatchObject({ record: { id }, review: { state: { status: 'in-progress' } }, corpus: { findings: expect.any(Array) } });
    expect(answer.ok && (answer.value as { review: unknown }).review).toEqual(review.ok && review.value);
    expect(await handleRequest('library:recordForReview', { id: 'missing' }, handlers)).toEqual({ ok: false, error: 'No record with id "missing" is open' });
    expect((await handleRequest('library:recordForReview', { id: 5 }, handlers)).ok).toBe(false);
  });
});
