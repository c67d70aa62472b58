import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../shared/contract/channels.ts';
import type { ParseResult, ReviewRecord } from '../../shared/records/model.ts';
import type { ParseOptions } from '../../shared/records/parse.ts';
import { createJsonlParser } from '../../shared/records/json.ts';
import { LineSplitter, type Line } from './fileReading.ts';
import { RecordLibrary } from './recordLibrary.ts';
import { SettingsService } from './settings.ts';

/**
 * A stand-in whole-text parser with the shared parser's contract (text in, records and error
 * entries with 1-based lines out), for the tests that count or break parser calls. Everything
 * else runs the real shared parsers.
 */
function fakeParse(text: string, options: ParseOptions): ParseResult {
  const result: ParseResult = { records: [], errors: [] };
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    const source = { file: options.file, line: index + 1, offset };
    offset += line.length + 1;
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line) as { id: string; title: string; zh?: string };
      result.records.push(makeRecord(value.id, value.title, value.zh ?? null, source));
    } catch (error) {
      result.errors.push({ source, message: `Malformed JSON: ${(error as Error).message}` });
    }
  });
  return result;
}

function makeRecord(id: string, title: string, zh: string | null, source: ReviewRecord['source']): ReviewRecord {
  const side = (text: string) => ({ title: text, abstract: text, sections: [{ kind: 'other' as const, label: null, text, start: 0 }] });
  return { id, source, format: 'jsonl', metadata: {}, en: side(title), zh: zh === null ? null : side(zh), translation: 'machine' };
}

/** One JSONL line in the site-export shape the shared parser reads (id = the DOI, lower-cased). */
const line = (id: string, title: string, zh = '中文标题') =>
  JSON.stringify({ doi: id, title, abstract: `${title}: an abstract.`, TitleCN: zh, AbstractTextCN: `${zh}的摘要。` });

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'record-library-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

describe('RecordLibrary.openPaths on a folder', () => {
  it('loads the good records, turns the bad ones into error entries with file and line, and skips what is not a record file', async () => {
    const good = write('records/good.jsonl', [line('a', 'Alpha'), '{"doi": "b", "title": ', line('c', 'Gamma')].join('\n') + '\n');
    write('records/sub/le.jsonl', utf16(`${line('le', 'Little endian', '小端')}\r\n`, 'le'));
    write('records/sub/be.jsonl', utf16(`${line('be', 'Big endian', '大端')}\n`, 'be'));
    const binary = write('records/image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const garbage = write('records/garbage.txt', Buffer.alloc(64, 0xff));
    write('records/.hidden.jsonl', line('hidden', 'Hidden'));
    write('records/.git/objects.jsonl', line('git', 'Git'));
    write('records/notes.md', '# not a record file');

    const library = new RecordLibrary();
    const state = await library.openPaths([join(folder, 'records')]);

    expect(state.records.map((r) => r.id).sort()).toEqual(['a', 'be', 'c', 'le']);
    expect(state.records.find((r) => r.id === 'le')).toMatchObject({ title: 'Little endian', titleZh: '小端', file: join(folder, 'records/sub/le.jsonl'), format: 'jsonl' });
    expect(library.get('be')?.zh?.title).toBe('大端');
    expect(library.get('c')?.source).toEqual({ file: good, line: 3, offset: line('a', 'Alpha').length + '{"doi": "b", "title": '.length + 2 });

    expect(state.errors).toHaveLength(3);
    expect(state.errors).toContainEqual({ source: { file: good, line: 2, offset: line('a', 'Alpha').length + 1 }, message: expect.stringMatching(/:2: invalid JSON/), code: 'json.invalid', params: { detail: expect.any(String) } });
    expect(state.errors).toContainEqual({ source: expect.objectContaining({ file: binary }), message: expect.stringMatching(/PNG image/), code: 'decode.png', params: {} });
    expect(state.errors).toContainEqual({ source: expect.objectContaining({ file: garbage }), message: expect.stringMatching(/not valid UTF-8, UTF-16 or GB18030/), code: 'decode.unknownEncoding', params: {} });
  });

  it('opens the bundled sample page dump with both languages', async () => {
    const samples = join(fileURLToPath(new URL('../../samples/mdma-ptsd-military.page.txt', import.meta.url)));
    const state = await new RecordLibrary().openPaths([samples]);
    expect(state.errors).toEqual([]);
    expect(state.records).toEqual([expect.objectContaining({ id: '10.3233/nre-230270', format: 'page', titleZh: expect.stringMatching(/创伤后应激障碍/) })]);
  });

  it('reports an empty folder and a missing path as error entries', async () => {
    mkdirSync(join(folder, 'empty'));
    const library = new RecordLibrary();
    const state = await library.openPaths([join(folder, 'empty'), join(folder, 'missing.jsonl')]);
    expect(state.errors.map((e) => e.message)).toEqual([expect.stringMatching(/no record files/), 'No such file or folder']);
  });
});

describe('RecordLibrary reading', () => {
  it('keeps file line numbers and offsets with CRLF, blank lines and a skipped overlong line', async () => {
    const lines = [line('r1', 'One'), '', line('r3', 'Three'), `{"title": "${'x'.repeat(500)}"}`, line('r5', 'Five'), 'not json', line('r7', 'Seven')];
    const text = lines.join('\r\n');
    const file = write('lines.jsonl', text);
    const library = new RecordLibrary({ maxLineChars: 400, chunkBytes: 100 });
    const state = await library.openPaths([file]);
    expect(state.records.map((r) => r.id)).toEqual(['r1', 'r3', 'r5', 'r7']);
    expect(library.get('r5')?.source.line).toBe(5);
    expect(library.get('r7')?.source).toEqual({ file, line: 7, offset: text.indexOf(line('r7', 'Seven')) });
    expect(state.errors.map((e) => [e.source.line, e.message.replace(file, 'F')])).toEqual([
      [4, 'F:4: line is longer than 400 characters; skipped'],
      [6, expect.stringMatching(/^F:6: invalid JSON/)],
    ]);
  });

  it('decodes UTF-8 with a BOM and characters split across read chunks', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => line(`id${i}`, `Title ${i}`, `神经康复与创伤后应激障碍第${i}号`));
    const file = write('big.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\n'))]));
    const library = new RecordLibrary({ chunkBytes: 65_537 });
    const state = await library.openPaths([file]);
    expect(state.errors).toEqual([]);
    expect(state.records).toHaveLength(3000);
    expect(state.records[0]?.id).toBe('id0');
    expect(library.get('id2999')?.zh?.title).toBe('神经康复与创伤后应激障碍第2999号');
  });

  it('opens a whole-file format with a few bad bytes and says so in an error entry', async () => {
    const text = `[${[line('w1', 'Whole BAD'), line('w2', 'File')].join(',\n')}]`;
    const cut = text.indexOf('BAD');
    const [before, after] = [text.slice(0, cut), text.slice(cut + 3)];
    // 0xC3 opens a two-byte UTF-8 sequence that never completes: one invalid sequence, inside a title.
    const damaged = Buffer.concat([Buffer.from(before), Buffer.from([0xc3]), Buffer.from(after)]);
    const file = write('damaged.json', damaged);
    const state = await new RecordLibrary().openPaths([file]);
    expect(state.records.map((r) => r.id)).toEqual(['w1', 'w2']);
    expect(state.errors).toEqual([{ source: { file }, message: expect.stringMatching(/1 invalid UTF-8 byte sequence/), code: 'decode.replacedBytes', params: { count: 1 } }]);
  });

  it('emits progress events: byte counts rising to the total, then one done event', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => line(`p${i}`, `Title ${i}`.padEnd(200, '.')));
    const file = write('progress.jsonl', rows.join('\n'));
    const library = new RecordLibrary({ chunkBytes: 64 * 1024 });
    const events: LoadProgress[] = [];
    const unsubscribe = library.onProgress((p) => events.push(p));
    await library.openPaths([file]);
    unsubscribe();
    const size = Buffer.byteLength(rows.join('\n'));
    expect(events.length).toBeGreaterThan(3);
    expect(events[0]).toMatchObject({ file, bytesRead: 0, totalBytes: size, done: false });
    const reads = events.map((e) => e.bytesRead);
    expect([...reads].sort((a, b) => a - b)).toEqual(reads);
    expect(events.some((e) => !e.done && e.records > 0 && e.records < 5000)).toBe(true);
    expect(events.filter((e) => e.done)).toEqual([{ file, bytesRead: size, totalBytes: size, records: 5000, errors: 0, done: true }]);
    await library.openPaths([file]);
    expect(events.filter((e) => e.done)).toHaveLength(1);
  });

  it('refuses files over the size limits without reading them', async () => {
    const jsonl = write('a.jsonl', line('a', 'A').repeat(10));
    const json = write('b.json', '[' + '1,'.repeat(100) + '1]');
    let parsed = 0;
    const library = new RecordLibrary({ parse: (t, o) => { parsed += 1; return fakeParse(t, o); }, maxStreamBytes: 100, maxWholeFileBytes: 50 });
    const state = await library.openPaths([jsonl, json]);
    expect(parsed).toBe(0);
    expect(state.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^File is 1\.\d KiB, over the 100 bytes limit$/),
      expect.stringMatching(/over the 50 bytes limit \(JSONL files may be larger/),
    ]);
  });

  it('caps error entries per file and says how many more there were', async () => {
    const file = write('junk.jsonl', Array.from({ length: 50 }, (_, i) => `junk ${i}`).join('\n'));
    const library = new RecordLibrary({ maxErrorsPerFile: 10 });
    const state = await library.openPaths([file]);
    expect(state.errors).toHaveLength(11);
    expect(state.errors.at(-1)?.message).toBe('… and 40 more errors in this file');
    expect(state.errors.slice(0, 10).map((e) => e.source.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('survives a parser that throws', async () => {
    const file = write('a.json', '{}');
    const library = new RecordLibrary({ parse: () => { throw new Error('bug'); } });
    const state = await library.openPaths([file]);
    expect(state.errors).toEqual([{ source: { file }, message: 'Parser failed: bug', code: 'parser.crashed', params: { detail: 'bug' } }]);
  });
});

describe('RecordLibrary bookkeeping', () => {
  it('makes colliding ids unique and replaces a file’s records when it is opened again', async () => {
    const first = write('first.jsonl', `${line('dup', 'First')}\n${line('dup', 'First again')}`);
    const second = write('second.jsonl', line('dup', 'Second'));
    const library = new RecordLibrary();
    let state = await library.openPaths([first, second]);
    expect(state.records.map((r) => [r.id, r.title])).toEqual([['dup', 'First'], ['dup#2', 'First again'], ['dup#3', 'Second']]);
    expect(library.get('dup#3')?.id).toBe('dup#3');

    write('first.jsonl', line('other', 'Rewritten'));
    state = await library.openPaths([first]);
    expect(state.records.map((r) => r.id)).toEqual(['dup#3', 'other']);
    expect(library.clear()).toEqual({ records: [], errors: [] });
  });

  it('lists a JSONL file’s records while it is still loading, a few lines at a time', async () => {
    const file = write('big.jsonl', Array.from({ length: 5 }, (_, index) => line(`r${index}`, `Record ${index}`)).join('\n'));
    const listedAtEachPush: number[] = [];
    const library: RecordLibrary = new RecordLibrary({
      linesPerStep: 2,
      createJsonlParser: (options) => {
        const parser = createJsonlParser(options);
        return {
          push: (text) => {
            listedAtEachPush.push(library.list().records.length);
            return parser.push(text);
          },
          end: () => parser.end(),
        };
      },
    });
    await library.openPaths([file]);
    // Three pushes of at most two lines; each sees what the ones before it published.
    expect(listedAtEachPush).toEqual([0, 2, 4]);
    expect(library.list().records.map((record) => record.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('gives the event loop its turns between runs of parsing through the turn it was given', async () => {
    const file = write('turns.jsonl', Array.from({ length: 6 }, (_, index) => line(`t${index}`, `Record ${index}`)).join('\n'));
    const listedAtEachTurn: number[] = [];
    const library: RecordLibrary = new RecordLibrary({
      linesPerStep: 2,
      // Every step is over the time allowed (0 ms), so each one waits for a turn first.
      turnMs: 0,
      yieldTurn: async () => {
        listedAtEachTurn.push(library.list().records.length);
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    await library.openPaths([file]);
    expect(listedAtEachTurn).toEqual([0, 2, 4]);
    expect(library.list().records).toHaveLength(6);
  });

  it('pages the list; the generation holds while records are only appended and changes otherwise', async () => {
    const first = write('first.jsonl', [line('a', 'A'), line('b', 'B'), line('c', 'C')].join('\n'));
    const second = write('second.jsonl', line('d', 'D'));
    const library = new RecordLibrary();
    await library.openPaths([first]);
    const page = library.listPage(0, 2);
    expect(page.records.map((record) => record.id)).toEqual(['a', 'b']);
    expect(page).toMatchObject({ start: 0, total: 3, errors: [] });
    expect(library.listPage(2, 2).records.map((record) => record.id)).toEqual(['c']);

    // A new file lands at the end: earlier pages stay valid, so the generation holds.
    await library.openPaths([second]);
    const grown = library.listPage(3, 10);
    expect(grown.records.map((record) => record.id)).toEqual(['d']);
    expect(grown.generation).toBe(library.listPage(0, 1).generation);
    // The first file opened again moves to the end: every page changes, and so does the generation.
    await library.openPaths([first]);
    const reordered = library.listPage(0, 10);
    expect(reordered.records.map((record) => record.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(reordered.generation).not.toBe(grown.generation);
    library.clear();
    expect(library.listPage(0, 10)).toMatchObject({ records: [], total: 0 });
    expect(library.listPage(0, 10).generation).not.toBe(reordered.generation);
  });

  it('imports text held by the renderer, stripping a BOM', () => {
    const library = new RecordLibrary();
    const state = library.importText('dropped.jsonl', `\ufeff${line('t', 'Typed')}\nbad`);
    expect(state.records.map((r) => r.id)).toEqual(['t']);
    expect(state.errors).toEqual([{ source: { file: 'dropped.jsonl', line: 2, offset: expect.any(Number) }, message: expect.stringMatching(/invalid JSON/), code: 'json.invalid', params: { detail: expect.any(String) } }]);
    expect(new RecordLibrary({ parse: fakeParse }).importText('x.jsonl', 'oops').errors[0]?.source.line).toBe(1);
  });

  it('remembers opened paths in the recent list, most recent first, without duplicates', async () => {
    const values = new Map<string, string>();
    const settings = new SettingsService({ getSetting: (k) => values.get(k) ?? null, setSetting: (k, v) => values.set(k, v) });
    const a = write('a.jsonl', line('a', 'A'));
    const b = write('b.jsonl', line('b', 'B'));
    const library = new RecordLibrary({ recent: settings });
    await library.openPaths([a]);
    await library.openPaths([b]);
    await library.openPaths([a]);
    await library.openPaths([b], undefined, { remember: false });
    expect(settings.recent()).toEqual([a, b]);
    settings.clearRecent();
    expect(settings.recent()).toEqual([]);
  });
});

describe('LineSplitter', () => {
  it('yields the same lines and offsets as splitting the whole text, however it is chunked', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '中', '\n', '\r', ' ', '"') }), fc.array(fc.nat(20), { maxLength: 10 }), (text, cuts) => {
        const chunks: string[] = [];
        let rest = text;
        for (const cut of cuts) {
          chunks.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        chunks.push(rest);
        const splitter = new LineSplitter(1000);
        const got: Line[] = [];
        for (const chunk of chunks) {
          const { lines, skipped } = splitter.push(chunk);
          expect(skipped).toEqual([]);
          got.push(...lines);
        }
        got.push(...splitter.end());
        const expected: Line[] = [];
        let offset = 0;
        const parts = text.split('\n');
        parts.forEach((part, i) => {
          if (i < parts.length - 1 || part.length > 0) expected.push({ text: part.endsWith('\r') ? part.slice(0, -1) : part, number: i + 1, offset });
          offset += part.length + 1;
        });
        expect(got).toEqual(expected);
      }),
    );
  });

  it('skips overlong lines whether they end inside a chunk or run across chunks', () => {
    const splitter = new LineSplitter(5);
    expect(splitter.push('ab\n123456\ncd')).toEqual({ lines: [{ text: 'ab', number: 1, offset: 0 }], skipped: [{ number: 2, offset: 3 }] });
    expect(splitter.push('efgh')).toEqual({ lines: [], skipped: [{ number: 3, offset: 10 }] });
    expect(splitter.push('ij\nok')).toEqual({ lines: [], skipped: [] });
    expect(splitter.end()).toEqual([{ text: 'ok', number: 4, offset: 19 }]);
  });
});
