import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecords } from '../../shared/records/parse.ts';
import { loadTask } from './jobs/loadTask.ts';
import type { ParseJobResult } from './jobs/parseJob.ts';
import { readLineBatches } from './jsonlLines.ts';
import { expandGlobs, expandInputs, recordTasks, taskText, type RecordTask } from './recordTasks.ts';
import { WorkerPool } from './workerPool.ts';

const dir = mkdtempSync(join(tmpdir(), 'record-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (i: number): string =>
  JSON.stringify({ title: `Trial ${i}.`, abstract: `<p><strong>Results: </strong>Twenty-four of ${i} patients improved.</p>`, TitleCN: `试验${i}`, AbstractTextCN: `结果：${i}名患者中有二十四名改善。`, doi: `10.5555/t.${i}` });

// 450 lines: line 305 is broken JSON, line 10 is blank.
const lines = Array.from({ length: 450 }, (_, i) => (i + 1 === 305 ? '{"title": broken' : i + 1 === 10 ? '' : record(i + 1)));
const jsonl = join(dir, 'corpus.jsonl');
writeFileSync(jsonl, `${lines.join('\n')}\n`);
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'sub', 'b.tsv'), 'en\tzh\nTwo groups.\t两组。\n');
writeFileSync(join(dir, 'sub', 'notes.md'), 'not a record file');
writeFileSync(join(dir, '.hidden.jsonl'), record(1));

const jsonlParsed = parseRecords(`${record(1)}\n`, { file: 'probe.jsonl', format: 'jsonl' }).records.length === 1;

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('expandInputs', () => {
  it('expands folders recursively to record files, skipping hidden ones, in sorted order', async () => {
    const { files, errors } = await expandInputs([dir]);
    expect(files).toEqual([jsonl, join(dir, 'sub', 'b.tsv')]);
    expect(errors).toEqual([]);
  });

  it('expands globs, keeps files as given, drops duplicates and reports what matches nothing', async () => {
    const { files, errors } = await expandInputs([join(dir, '**/*.tsv'), jsonl, jsonl, join(dir, 'missing.jsonl'), join(dir, '*.nothing')]);
    expect(files).toEqual([join(dir, 'sub', 'b.tsv'), jsonl]);
    expect(errors.map((e) => e.message)).toEqual(['No such file or folder', 'No files match this pattern']);
  });
});

describe('expandGlobs', () => {
  it('expands patterns, keeps plain paths (even missing ones) for the caller, reports empty patterns', async () => {
    const { paths, errors } = await expandGlobs([join(dir, 'sub/*.{tsv,md}'), join(dir, 'missing.jsonl'), join(dir, '*.none')]);
    expect(paths).toEqual([join(dir, 'sub', 'b.tsv'), join(dir, 'sub', 'notes.md'), join(dir, 'missing.jsonl')]);
    expect(errors).toEqual([{ source: { file: join(dir, '*.none') }, message: 'No files match this pattern' }]);
  });
});

describe('recordTasks', () => {
  it('cuts JSONL into tasks of consecutive lines with their first line and offset', async () => {
    const tasks = await collect(recordTasks([jsonl], { linesPerTask: 200 }));
    expect(tasks.map((t) => t.firstLine)).toEqual([1, 201, 401]);
    expect(tasks.map((t) => taskText(t)?.split('\n').length)).toEqual([200, 200, 50]);
    const second = tasks[1]!;
    expect(second.firstOffset).toBe(lines.slice(0, 200).join('\n').length + 1);
    expect(taskText(second)?.split('\n')[0]).toBe(lines[200]);
  });

  it('leaves other formats to be read whole by the worker, and reports unreadable files as tasks', async () => {
    const tasks = await collect(recordTasks([join(dir, 'sub', 'b.tsv'), join(dir, 'gone.jsonl')]));
    expect(tasks[0]).toEqual({ file: join(dir, 'sub', 'b.tsv') });
    expect(tasks[1]).toMatchObject({ file: join(dir, 'gone.jsonl'), error: expect.stringMatching(/ENOENT/) });
  });

  it('is pulled lazily: reading stops when the consumer stops', async () => {
    const tasks = recordTasks([jsonl], { linesPerTask: 10 });
    const first = await tasks.next();
    expect(first.value).toMatchObject({ firstLine: 1 });
    await tasks.return(undefined);
  });
});

describe('readLineBatches', () => {
  it('splits LF and CRLF lines across chunks, keeps a last line without newline, drops overlong lines', async () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, `a\r\n${'x'.repeat(50)}\nbb\n\nlast`);
    const batches = await collect(readLineBatches(file, 20));
    expect(batches.flatMap((b) => b.lines)).toEqual([
      { text: 'a', number: 1, offset: 0 },
      { text: 'bb', number: 3, offset: 54 },
      { text: '', number: 4, offset: 57 },
      { text: 'last', number: 5, offset: 58 },
    ]);
    expect(batches.flatMap((b) => b.overlong)).toEqual([2]);
  });

  it('turns an overlong JSONL line into an error task and keeps numbering right around it', async () => {
    const file = join(dir, 'long.jsonl');
    writeFileSync(file, `${record(1)}\n${'y'.repeat(5000)}\n${record(3)}\n`);
    const tasks = await collect(recordTasks([file], { maxLineChars: 1000 }));
    expect(tasks.map((t) => [t.firstLine, t.error ?? taskText(t)?.split('\n').length])).toEqual([
      [1, 1],
      [2, 'Line 2 is longer than 1000 characters; skipped'],
      [3, 1],
    ]);
  });
});

describe('loadTask', () => {
  it('turns a task error into a load error with its location', async () => {
    const task: RecordTask = { file: 'x.jsonl', firstLine: 7, error: 'Line 7 is longer than 10 characters; skipped' };
    expect(await loadTask(task)).toEqual({ records: [], errors: [{ source: { file: 'x.jsonl', line: 7 }, message: task.error }] });
  });

  it.runIf(jsonlParsed)('parses a JSONL task and reports errors at the file\'s own line numbers', async () => {
    const tasks = await collect(recordTasks([jsonl], { linesPerTask: 200 }));
    const results = await Promise.all(tasks.map(loadTask));
    expect(results.reduce((n, r) => n + r.records.length, 0)).toBe(448);
    const errors = results.flatMap((r) => r.errors);
    expect(errors.map((e) => e.source.line)).toEqual([305]);
    // The message names the same place: the file's line, not the line within its task.
    expect(errors[0]!.message.startsWith(`${jsonl}:305: `)).toBe(true);
    expect(results[2]!.records[0]!.source).toMatchObject({ file: jsonl, line: 401 });
  });
});

describe.runIf(jsonlParsed)('parse job through the pool', () => {
  it('loads every record of a streamed JSONL file in worker threads', async () => {
    const pool = new WorkerPool<RecordTask, ParseJobResult>({ jobModule: new URL('./jobs/parseJob.ts', import.meta.url), size: 2 });
    try {
      let records = 0;
      let errors = 0;
      for await (const result of pool.map(recordTasks([jsonl], { linesPerTask: 50 }))) {
        expect(result.ok).toBe(true);
        if (result.ok) {
          records += result.value.records;
          errors += result.value.errors;
        }
      }
      expect({ records, errors }).toEqual({ records: 448, errors: 1 });
    } finally {
      await pool.close();
    }
  });
});
