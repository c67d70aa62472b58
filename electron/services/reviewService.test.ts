import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationInput } from '../../shared/contract/annotations.ts';
import { handleRequest, type Handlers } from '../../shared/contract/validate.ts';
import { replayCorrections } from '../../shared/annotations/correctedLinks.ts';
import { createAppServices, createHandlers, type AppServices } from '../appServices.ts';
import { createReviewHandlers } from './reviewService.ts';

let folder: string;
let services: AppServices;
let handlers: Handlers;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'review-service-'));
  services = createAppServices({ userDataDir: folder, samplePaths: [] });
  handlers = createHandlers(services);
  services.settings.set({ reviewerName: 'Li Wei' });
});
afterEach(() => {
  services.close();
  rmSync(folder, { recursive: true, force: true });
});

const recordId = '10.3233/NRE-230270';
const input: AnnotationInput = {
  recordId,
  enSentences: [3],
  zhSentences: [3],
  span: { side: 'zh', start: 120, end: 123 },
  category: 'Terminology/Inconsistent use of terminology',
  severity: 'major',
  comment: '摇头丸 is street slang; the record uses MDMA elsewhere',
  correction: '接受MDMA辅助治疗的退伍军人',
};

/** Calls a channel the way both hosts do (schema validation included) and unwraps the result. */
async function call(channel: string, request: unknown): Promise<unknown> {
  const result = await handleRequest(channel, request, handlers);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function reopen(): void {
  services.close();
  services = createAppServices({ userDataDir: folder, samplePaths: [] });
  handlers = createHandlers(services);
}

describe('review service', () => {
  it('saves, edits, deletes and restores an annotation, and it survives reopening the database', async () => {
    const created = (await call('annotations:save', { annotation: input })) as { id: string };
    await call('annotations:save', { id: created.id, annotation: { ...input, severity: 'critical' } });
    await call('annotations:delete', { id: created.id });
    reopen();
    let listed = (await call('annotations:list', { recordId })) as { annotations: { id: string; severity: string; deleted: boolean }[] };
    expect(listed.annotations).toMatchObject([{ id: created.id, severity: 'critical', deleted: true }]);
    await call('annotations:delete', { id: created.id, restore: true });
    listed = (await call('annotations:list', { recordId })) as typeof listed;
    expect(listed.annotations[0]!.deleted).toBe(false);
  });

  it('refuses an edit that moves an annotation to another record, and unknown ids', async () => {
    const created = (await call('annotations:save', { annotation: input })) as { id: string };
    await expect(call('annotations:save', { id: created.id, annotation: { ...input, recordId: 'other' } })).rejects.toThrow(/another record/);
    await expect(call('annotations:delete', { id: 'missing' })).rejects.toThrow(/No annotation/);
  });

  it('refuses malformed requests through the schema', async () => {
    await expect(call('annotations:save', { annotation: { ...input, severity: 'fatal' } })).rejects.toThrow(/Invalid request/);
    await expect(call('alignment:saveCorrection', { recordId, unlink: [], link: [] })).rejects.toThrow(/at least one link/);
    await expect(call('flags:decide', { recordId, flagKey: 'k', decision: 'maybe' })).rejects.toThrow(/Invalid request/);
  });

  it('keeps flag decisions with the reviewer from the settings, and clears them for undo', async () => {
    const key = 'term-inconsistency:[[1],[1],["en1:MDMA"]]';
    expect(await call('flags:decide', { recordId, flagKey: key, decision: 'dismissed' })).toMatchObject({ decision: 'dismissed', reviewer: 'Li Wei' });
    expect(((await call('annotations:list', { recordId })) as { decisions: unknown[] }).decisions).toHaveLength(1);
    expect(await call('flags:decide', { recordId, flagKey: key, decision: null })).toBeNull();
    expect(((await call('annotations:list', { recordId })) as { decisions: unknown[] }).decisions).toHaveLength(0);
  });

  it('sets the review status', async () => {
    await call('review:setStatus', { recordId, status: 'in-progress' });
    await call('review:setStatus', { recordId, status: 'reviewed' });
    reopen();
    expect(((await call('annotations:list', { recordId })) as { state: unknown }).state).toMatchObject({ status: 'reviewed', reviewer: 'Li Wei' });
  });

  it('logs an alignment correction as one batch that replays over the automatic links', async () => {
    const automatic = [
      { en: [0], zh: [0], confidence: 0.9 },
      { en: [1], zh: [1], confidence: 0.5 },
    ];
    const saved = (await call('alignment:saveCorrection', { recordId, unlink: [{ en: [0], zh: [0] }, { en: [1], zh: [1] }], link: [{ en: [0, 1], zh: [0, 1] }] })) as unknown[];
    expect(saved).toHaveLength(3);
    reopen();
    const { corrections } = (await call('annotations:list', { recordId })) as { corrections: Parameters<typeof replayCorrections>[1] };
    expect(replayCorrections(automatic, corrections, 2, 2)).toEqual({ ok: true, corrected: true, links: [{ en: [0, 1], zh: [0, 1], confidence: 1 }] });
  });
});

describe('review export and MQM import', () => {
  const sample = resolve(import.meta.dirname, '../../samples');

  async function loadSample(): Promise<string> {
    const state = (await call('library:openPaths', { paths: [sample] })) as { records: { id: string }[] };
    return state.records[0]!.id;
  }

  /** The Electron host's handlers: the same table, with export paths allowed. */
  const asElectron = () => {
    handlers = { ...handlers, ...createReviewHandlers({ ...services, allowExportPaths: true }) };
  };

  it('writes an export atomically to the given path, leaving no temporary file', async () => {
    asElectron();
    const id = await loadSample();
    await call('annotations:save', { annotation: { ...input, recordId: id, span: null, enSentences: [0], zhSentences: [0] } });
    const path = join(folder, 'out', '..', 'review.csv');
    const result = (await call('export:write', { format: 'csv', path })) as { path: string; content: null };
    expect(result.content).toBeNull();
    const written = readFileSync(path, 'utf8');
    expect(written).toContain('Terminology/Inconsistent use of terminology');
    expect(written).toContain(id);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write to a path outside Electron (the browser host downloads instead)', async () => {
    await loadSample();
    await expect(call('export:write', { format: 'csv', path: join(folder, 'review.csv') })).rejects.toThrow(/does not write files/);
    expect(existsSync(join(folder, 'review.csv'))).toBe(false);
  });

  it('returns the content when no path is given, and refuses a path of the wrong type', async () => {
    asElectron();
    await loadSample();
    const result = (await call('export:write', { format: 'mqm-tsv' })) as { content: string; fileName: string; path: null };
    expect(result.path).toBeNull();
    expect(result.fileName).toMatch(/^review-\d{12}\.tsv$/);
    expect(result.content.split('\n')[0]).toBe('system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity');
    await expect(call('export:write', { format: 'csv', path: join(folder, 'x.txt') })).rejects.toThrow(/ending in \.csv/);
    await expect(call('export:write', { format: 'csv', path: 'relative.csv' })).rejects.toThrow(/absolute/);
    expect(existsSync(join(folder, 'x.txt'))).toBe(false);
  });

  it('imports an MQM TSV export back, once', async () => {
    const id = await loadSample();
    await call('annotations:save', { annotation: { ...input, recordId: id, span: null, enSentences: [1], zhSentences: [1], severity: 'minor', category: 'Fluency/Grammar' } });
    const { content } = (await call('export:write', { format: 'mqm-tsv' })) as { content: string };
    const created = ((await call('annotations:list', { recordId: id })) as { annotations: { id: string }[] }).annotations;
    await call('annotations:delete', { id: created[0]!.id });
    const first = (await call('annotations:importMqm', { name: 'review.tsv', text: content })) as { imported: number; errors: unknown[] };
    expect(first).toMatchObject({ imported: 1, errors: [] });
    const again = (await call('annotations:importMqm', { name: 'review.tsv', text: content })) as { imported: number; duplicates: number };
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
    const live = ((await call('annotations:list', { recordId: id })) as { annotations: { deleted: boolean; category: string }[] }).annotations.filter((a) => !a.deleted);
    expect(live).toMatchObject([{ category: 'Fluency/Grammar' }]);
  });
});
