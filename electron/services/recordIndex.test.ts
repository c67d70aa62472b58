import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordQueryResult } from '../../shared/contract/recordQuery.ts';
import { handleRequest, type Handlers } from '../../shared/contract/validate.ts';
import { countFlags, filterRecords } from '../../shared/review/recordQuery.ts';
import { createAppServices, createHandlers, type AppServices } from '../appServices.ts';
import { RecordIndex } from './recordIndex.ts';

const sample = resolve('samples/mdma-ptsd-military.page.txt');
const trachoma = resolve('e2e/fixtures/trachoma-grading.page.txt');

let folder: string;
let services: AppServices;
let handlers: Handlers;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'record-index-'));
  services = createAppServices({ userDataDir: folder, samplePaths: [sample] });
  handlers = createHandlers(services);
});
afterEach(() => {
  services.close();
  rmSync(folder, { recursive: true, force: true });
});

async function query(request: Record<string, unknown>): Promise<RecordQueryResult> {
  const result = await handleRequest('library:query', { offset: 0, limit: 50, ...request }, handlers);
  if (!result.ok) throw new Error(result.error);
  return result.value as RecordQueryResult;
}

/** Polls `ask` every 20 ms until `done` holds of its answer, for up to 30 s (CI machines run many files at once). */
async function askUntil<T>(ask: () => Promise<T>, done: (answer: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await ask();
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asks until the background check has reached every record. */
function queryWhenChecked(request: Record<string, unknown>): Promise<RecordQueryResult> {
  return askUntil(() => query(request), (answer) => answer.analysed === answer.all, 'the background check');
}

describe('library:query over the real pipeline and store', () => {
  it('counts flags per record in the background, filters by kind, and finds Chinese text', async () => {
    await services.library.openPaths([sample, trachoma]);
    const all = await queryWhenChecked({ ids: true });
    expect(all.all).toBe(2);
    expect(all.total).toBe(2);
    expect(all.ids).toEqual(all.rows.map((row) => row.id));
    const mdma = all.rows.find((row) => row.file === sample)!;
    expect(mdma.flags!.byKind['section-missing']).toBeGreaterThan(0);
    expect(mdma.flags!.total).toBe(Object.values(mdma.flags!.bySeverity).reduce((a, b) => a + b, 0));
    expect(all.counts.byStatus.unreviewed).toBe(2);

    const missing = await query({ kinds: ['section-missing'] });
    expect(missing.rows.map((row) => row.file)).toEqual([sample]);
    expect(missing.counts.byKind['section-missing']).toBe(1);

    const chinese = await query({ text: '沙眼' });
    expect(chinese.rows.map((row) => row.file)).toEqual([trachoma]);
    const english = await query({ text: 'TRACHOMA' });
    expect(english.rows.map((row) => row.file)).toEqual([trachoma]);
    expect((await query({ text: 'no such words anywhere' })).total).toBe(0);
  });

  it('shows a status set through review:setStatus, and filters by it', async () => {
    await services.library.openPaths([sample, trachoma]);
    services.settings.set({ reviewerName: 'Li Wei' });
    const before = await query({});
    const target = before.rows.find((row) => row.file === trachoma)!;
    const set = await handleRequest('review:setStatus', { recordId: target.id, status: 'reviewed' }, handlers);
    expect(set.ok).toBe(true);
    const after = await query({ statuses: ['reviewed'] });
    expect(after.rows.map((row) => [row.id, row.status])).toEqual([[target.id, 'reviewed']]);
    expect(after.counts.byStatus).toMatchObject({ reviewed: 1, unreviewed: 1 });
    expect(after.stamp).not.toBe(before.stamp);
  });

  it('reads statuses stored by an earlier session', async () => {
    await services.library.openPaths([sample]);
    const id = (await query({})).rows[0]!.id;
    services.store.setReviewState(id, 'in-progress', 'Li Wei');
    const fresh = createHandlers(services);
    const result = await handleRequest('library:query', { offset: 0, limit: 10, statuses: ['in-progress'] }, fresh);
    expect(result.ok && (result.value as RecordQueryResult).rows.map((row) => row.id)).toEqual([id]);
  });

  it('rejects a malformed query', async () => {
    const result = await handleRequest('library:query', { offset: -1, limit: 10, kinds: ['nonsense'] }, handlers);
    expect(result.ok).toBe(false);
  });
});

describe('RecordIndex background checking', () => {
  it('checks in slices that yield to the event loop, and pages the matches', async () => {
    const lines = Array.from({ length: 40 }, (_, n) =>
      JSON.stringify({ id: `r${n}`, en: { title: `Record ${n}`, abstract: 'Background. Text.' }, zh: { title: `记录${n}`, abstract: '背景。文本。' } }),
    );
    const file = join(folder, 'many.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await services.library.openPaths([file]);
    let checks = 0;
    let turns = 0;
    const index = new RecordIndex(services.library, services.store, {
      sliceMs: 0,
      countFlags: () => {
        checks += 1;
        // Every third record gets a major omission.
        return countFlags(checks % 3 === 0 ? [{ kind: 'omission', severity: 'major' }] : []);
      },
    });
    const first = index.query({ offset: 0, limit: 5 });
    expect(first.analysed).toBe(0);
    expect(first.rows.every((row) => row.flags === null)).toBe(true);
    const ticker = setInterval(() => (turns += 1), 0);
    await index.idle();
    clearInterval(ticker);
    expect(checks).toBe(40);
    // With a zero-length slice every record is its own turn: timers ran in between.
    expect(turns).toBeGreaterThan(0);
    const done = index.query({ offset: 5, limit: 5, severities: ['major'] });
    expect(done.analysed).toBe(40);
    expect(done.total).toBe(13);
    expect(done.offset).toBe(5);
    const ids = index.query({ offset: 0, limit: 40 }).rows.map((row) => row.id);
    expect(done.rows.map((row) => row.id)).toEqual([17, 20, 23, 26, 29].map((at) => ids[at]));
    // A second load of the same file gives new record objects: checked again.
    await services.library.openPaths([file]);
    await index.idle();
    expect(checks).toBe(80);
    index.dispose();
  });

  it('checks in a worker thread with the same counts as in this thread, and answers while it does', async () => {
    await services.library.openPaths([sample, trachoma]);
    const inThread = new RecordIndex(services.library, services.store);
    const inWorker = new RecordIndex(services.library, services.store, { worker: true });
    const during = inWorker.query({ offset: 0, limit: 10 });
    expect(during.all).toBe(2);
    await Promise.all([inThread.idle(), inWorker.idle()]);
    const a = inThread.query({ offset: 0, limit: 10 });
    const b = inWorker.query({ offset: 0, limit: 10 });
    expect(b.analysed).toBe(2);
    expect(b.rows.map((row) => [row.id, row.flags])).toEqual(a.rows.map((row) => [row.id, row.flags]));
    expect(b.rows.some((row) => (row.flags?.total ?? 0) > 0)).toBe(true);
    expect(b.counts).toEqual(a.counts);
    // The thread outlives the check, so a file opened next is checked without a new thread, and
    // goes with the index.
    const threadOf = (index: RecordIndex) => (index as unknown as { pool: object | null }).pool;
    const thread = threadOf(inWorker);
    expect(thread).not.toBeNull();
    const lines = Array.from({ length: 3 }, (_, n) => JSON.stringify({ id: `w${n}`, en: { title: `Record ${n}`, abstract: 'Text.' }, zh: { title: `记录${n}`, abstract: '文本。' } }));
    const next = join(folder, 'next.jsonl');
    writeFileSync(next, `${lines.join('\n')}\n`);
    await services.library.openPaths([next]);
    inWorker.query({ offset: 0, limit: 10 });
    await inWorker.idle();
    expect(inWorker.query({ offset: 0, limit: 10 }).analysed).toBe(5);
    expect(threadOf(inWorker)).toBe(thread);
    inThread.dispose();
    inWorker.dispose();
    expect(threadOf(inWorker)).toBeNull();
  });

  it('narrows a search as the user types on, finding what a fresh search finds, and searches afresh when the list changes', async () => {
    const titles = ['Trachoma grading in children', 'Trachoma grading by nurses', 'Trachoma and water', 'Treatment of otitis', ...Array.from({ length: 12 }, (_, n) => `Sleep study ${n}`)];
    const jsonl = (names: string[], prefix: string) => names.map((title, n) => JSON.stringify({ id: `${prefix}${n}`, en: { title, abstract: 'Text.' }, zh: { title: '标题', abstract: '文本。' } })).join('\n');
    const first = join(folder, 'typed.jsonl');
    writeFileSync(first, `${jsonl(titles, 't')}\n`);
    await services.library.openPaths([first]);
    const fullScans = vi.spyOn(services.library.store, 'textMatches');
    const fresh = (text: string) => new RecordIndex(services.library, services.store).query({ offset: 0, limit: 50, text, ids: true }).ids;
    const typed = async (text: string) => (await query({ text, ids: true })).ids;
    for (const text of ['tr', 'tra', 'trac', 'trachoma', 'trachoma g', 'trachoma grading', 'trachoma grading b']) {
      expect(await typed(text)).toEqual(fresh(text));
    }
    fullScans.mockClear();
    // 'trachoma grading' after 'trachoma' (3 rows of 16): read among those three only.
    await typed('trachoma');
    await typed('trachoma grading');
    expect(fullScans.mock.calls.map(([needle]) => needle)).toEqual(['trachoma']);
    // A file opened since: the list changed, so the search is done afresh and finds its record.
    const second = join(folder, 'more.jsonl');
    writeFileSync(second, `${jsonl(['Trachoma grading at school'], 'm')}\n`);
    await services.library.openPaths([second]);
    expect(await typed('trachoma grading')).toEqual(fresh('trachoma grading'));
    expect(await typed('trachoma grading')).toHaveLength(3);
    fullScans.mockRestore();
  });

  it('holds the background check for a moment after a record is opened, then finishes it', async () => {
    const lines = Array.from({ length: 20 }, (_, n) => JSON.stringify({ id: `u${n}`, en: { title: `Record ${n}`, abstract: 'Text.' }, zh: { title: `记录${n}`, abstract: '文本。' } }));
    const file = join(folder, 'pause.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await services.library.openPaths([file]);
    let checks = 0;
    const index = new RecordIndex(services.library, services.store, { sliceMs: 0, countFlags: () => ((checks += 1), countFlags([])) });
    index.recordOpened();
    const started = performance.now();
    index.query({ offset: 0, limit: 5 });
    for (let turn = 0; turn < 20; turn += 1) await new Promise((done) => setImmediate(done));
    expect(checks).toBe(0);
    await index.idle();
    expect(checks).toBe(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    index.dispose();
  });

  it('while checking runs, answers polls from the last filtering instead of a pass over every row per slice; exact again when done', async () => {
    const lines = Array.from({ length: 60 }, (_, n) => JSON.stringify({ id: `t${n}`, en: { title: `Record ${n}`, abstract: 'Text.' }, zh: { title: `记录${n}`, abstract: '文本。' } }));
    const file = join(folder, 'throttle.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await services.library.openPaths([file]);
    const index = new RecordIndex(services.library, services.store, { sliceMs: 0, countFlags: () => countFlags([{ kind: 'omission', severity: 'major' }]) });
    const first = index.query({ offset: 0, limit: 5 });
    // Let checking run some slices, but not all of them.
    for (let turn = 0; turn < 5; turn += 1) await new Promise((done) => setImmediate(done));
    const polled = index.query({ offset: 0, limit: 0 });
    expect(polled.stamp).toBe(first.stamp);
    expect(polled.counts).toEqual(first.counts);
    // A new filter is never served from the old one.
    const major = index.query({ offset: 0, limit: 5, severities: ['major'] });
    expect(major.stamp).not.toBe(first.stamp);
    await index.idle();
    const done = index.query({ offset: 0, limit: 5, severities: ['major'] });
    expect(done.analysed).toBe(60);
    expect(done.total).toBe(60);
    expect(done.stamp).not.toBe(major.stamp);
    index.dispose();
  });

  it('filters and counts as filterRecords does over the same records, whatever mix of flags and statuses', async () => {
    const lines = Array.from({ length: 48 }, (_, n) => JSON.stringify({ id: `m${n}`, en: { title: `Record ${n}`, abstract: 'Text.' }, zh: { title: `记录${n}`, abstract: '文本。' } }));
    const file = join(folder, 'mix.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await services.library.openPaths([file]);
    const order = services.library.list().records.map((record) => record.id);
    const statusCycle = ['unreviewed', 'in-progress', 'reviewed', 'needs-second-look', 'unreviewed'] as const;
    const statusOf = (at: number) => statusCycle[at % statusCycle.length]!;
    const flagsOf = (at: number) =>
      countFlags([
        ...(at % 2 === 0 ? [{ kind: 'omission', severity: 'major' } as const] : []),
        ...(at % 3 === 0 ? [{ kind: 'number-mismatch', severity: 'critical' } as const] : []),
        ...(at % 7 === 0 ? [{ kind: 'punctuation', severity: 'minor' } as const] : []),
      ]);
    const checkedAt = new Map(order.map((id, at) => [id, at]));
    const index = new RecordIndex(
      services.library,
      { listReviewStates: () => order.map((recordId, at) => ({ recordId, status: statusOf(at) })) as never },
      { countFlags: (record) => flagsOf(checkedAt.get(record.id)!) },
    );
    await index.idle();
    const records = order.map((_, at) => ({ texts: [], flags: flagsOf(at), status: statusOf(at) }));
    const filters = [{}, { kinds: ['omission' as const] }, { severities: ['critical' as const, 'minor' as const] }, { statuses: ['reviewed' as const, 'unreviewed' as const], kinds: ['number-mismatch' as const] }];
    for (const filter of filters) {
      const expected = filterRecords(records, filter);
      const answer = index.query({ offset: 0, limit: 48, ids: true, ...filter });
      expect(answer.counts).toEqual(expected.counts);
      expect(answer.ids).toEqual(expected.matches.map((at) => order[at]));
    }
    index.dispose();
  });

  it('waits for a load to finish before checking, so checking does not slow the load', async () => {
    const lines = Array.from({ length: 3000 }, (_, n) => JSON.stringify({ id: `r${n}`, en: { title: `Record ${n}`, abstract: 'Text.' }, zh: { title: `记录${n}`, abstract: '文本。' } }));
    const file = join(folder, 'load.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const events: string[] = [];
    services.library.onProgress((progress) => {
      if (progress.done) events.push('done');
    });
    const index = new RecordIndex(services.library, services.store, {
      countFlags: () => {
        events.push('check');
        return countFlags([]);
      },
    });
    await services.library.openPaths([file]);
    await index.idle();
    expect(events.filter((event) => event === 'check')).toHaveLength(3000);
    expect(events[0]).toBe('done');
    index.dispose();
  });
});

describe('library:corpusFindings', () => {
  const en = 'SXXBC was given to the model mice. SXXBC improved platelet counts. The effect of SXXBC was dose dependent.';
  const zhOf = (name: string) => `给模型小鼠服用${name}。${name}提高了血小板计数。${name}的效果呈剂量依赖性。`;
  const line = (id: string, name: string) => JSON.stringify({ title: `Record ${id}`, abstract: en, TitleCN: `记录${id}`, AbstractTextCN: zhOf(name) });

  /** The findings about the record titled `Record name` (the library names records by file and line). */
  async function corpusFindings(name: string) {
    const id = (await query({})).rows.find((row) => row.title === `Record ${name}`)!.id;
    const result = await handleRequest('library:corpusFindings', { id }, handlers);
    if (!result.ok) throw new Error(result.error);
    return result.value as { complete: boolean; findings: { kind: string; message: { en: string; 'zh-CN': string } }[] };
  }

  it('flags the record that renders a term otherwise than the rest of the loaded corpus', async () => {
    const first = join(folder, 'first.jsonl');
    writeFileSync(first, `${line('a', '生血小板胶囊')}\n${line('b', '升血消斑胶囊')}\n`);
    await services.library.openPaths([first]);
    await queryWhenChecked({});
    // Two records, one rendering each: a tie, so one of them is the minority.
    const [a, b] = [await corpusFindings('a'), await corpusFindings('b')];
    expect(a.complete && b.complete).toBe(true);
    expect(a.findings.length + b.findings.length).toBe(1);

    // A third record loaded later settles the majority; the check runs again after the load.
    const second = join(folder, 'second.jsonl');
    writeFileSync(second, `${line('c', '生血小板胶囊')}\n`);
    await services.library.openPaths([second]);
    await queryWhenChecked({});
    const answer = await askUntil(() => corpusFindings('b'), (found) => found.complete, 'the corpus-wide pass');
    expect(answer.findings.map((f) => f.kind)).toEqual(['term-inconsistency']);
    expect(answer.findings[0]!.message.en).toContain('生血小板胶囊');
    expect(answer.findings[0]!.message['zh-CN']).toContain('升血消斑胶囊');
    expect((await corpusFindings('a')).findings).toEqual([]);
    expect((await corpusFindings('c')).findings).toEqual([]);
  });

  it('rejects a request without an id', async () => {
    expect((await handleRequest('library:corpusFindings', {}, handlers)).ok).toBe(false);
  });
});
