import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../shared/records/decode.ts';
import { isLoadErrorCode } from '../../shared/records/loadErrorCodes.ts';
import type { LoadError } from '../../shared/records/model.ts';
import { NotTextError, readFileBytes, readTextChunks } from './fileReading.ts';
import {
  decodeWarningError,
  fileSystemError,
  fileTooLargeError,
  formatBytes,
  lineTooLongError,
  moreErrorsEntry,
  noRecordFilesError,
  notTextError,
  parserCrashedError,
  readFailure,
  tooManyFilesError,
} from './loadErrors.ts';

const folder = mkdtempSync(join(tmpdir(), 'load-errors-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('file-system errors', () => {
  it('names the common causes and passes any other through as the system says it', async () => {
    const missing = join(folder, 'missing.txt');
    const plain = join(folder, 'plain.txt');
    writeFileSync(plain, 'text');
    const cases: [string, unknown, string, string][] = [
      ['missing', await thrown(() => stat(missing)), 'file.notFound', 'No such file or folder'],
      ['a folder read as a file', await thrown(() => readFileBytes(folder)), 'file.isFolder', 'Is a folder'],
      ['denied', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'file.permissionDenied', 'Permission denied'],
      ['not permitted', Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' }), 'file.permissionDenied', 'Permission denied'],
    ];
    for (const [, error, code, message] of cases) {
      expect(fileSystemError('/x/f.txt', error)).toEqual({ source: { file: '/x/f.txt' }, message, code, params: {} });
    }
    const notDir = await thrown(() => readdir(plain));
    expect(fileSystemError(plain, notDir)).toEqual({ source: { file: plain }, message: (notDir as Error).message, code: 'file.readFailed', params: { detail: (notDir as Error).message } });
    expect(fileSystemError('f', 'odd').message).toBe('odd');
  });
});

describe('files that are not text', () => {
  it('keeps the decoder’s code and message and names the file as the library knows it', async () => {
    const png = join(folder, 'image.jsonl');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const error = await thrown(async () => {
      for await (const chunk of readTextChunks(png)) void chunk;
    });
    expect(error).toBeInstanceOf(NotTextError);
    expect((error as NotTextError).message).toBe(`${png}: looks like a PNG image, not a text file`);
    expect(readFailure(png, error)).toEqual({ source: { file: png }, message: `${png}: looks like a PNG image, not a text file`, code: 'decode.png', params: {} });
    expect(readFailure(png, await thrown(() => stat(join(folder, 'gone'))))).toMatchObject({ code: 'file.notFound' });
  });

  it('takes a decoder refusal directly, for text the renderer sent', () => {
    const decoded = decodeBytes(new Uint8Array([0x41, 0, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47]), 'dropped.tsv');
    if (!('error' in decoded)) throw new Error('expected a refusal');
    expect(notTextError('dropped.tsv', decoded.error)).toEqual({
      source: { file: 'dropped.tsv' },
      message: 'dropped.tsv: contains NUL bytes (1 in the first 8): a binary file, not text',
      code: 'decode.nulBytes',
      params: { count: 1, sample: 8 },
    });
  });
});

describe('limits', () => {
  it('file over the size limit, with and without the JSONL hint', () => {
    expect(fileTooLargeError('/r/big.tsv', 1536, 1024)).toEqual({
      source: { file: '/r/big.tsv' },
      message: 'File is 1.5 KiB, over the 1 KiB limit',
      code: 'file.tooLarge',
      params: { size: '1.5 KiB', limit: '1 KiB' },
    });
    expect(fileTooLargeError('/r/big.json', 300 * 1024 ** 2, 256 * 1024 ** 2, true)).toMatchObject({
      message: 'File is 300 MiB, over the 256 MiB limit (JSONL files may be larger: they are read line by line)',
      code: 'file.tooLargeNotJsonl',
    });
  });

  it('folder with too many files, and with none', () => {
    expect(tooManyFilesError('/r', 12001, 10000)).toEqual({
      source: { file: '/r' },
      message: 'Folder holds 12001 record files; only the first 10000 were opened',
      code: 'folder.tooManyFiles',
      params: { found: 12001, opened: 10000 },
    });
    expect(noRecordFilesError('/r')).toEqual({
      source: { file: '/r' },
      message: 'Folder holds no record files (.jsonl, .json, .tsv, .csv, .tmx, .xliff, .txt …)',
      code: 'folder.noRecordFiles',
      params: {},
    });
  });

  it('line longer than the limit, with its line and offset', () => {
    expect(lineTooLongError('/r/a.jsonl', { number: 7, offset: 900 }, 64)).toEqual({
      source: { file: '/r/a.jsonl', line: 7, offset: 900 },
      message: '/r/a.jsonl:7: line is longer than 64 characters; skipped',
      code: 'line.tooLong',
      params: { limit: 64 },
    });
  });

  it('the entry counting errors past the cap', () => {
    expect(moreErrorsEntry('/r/a.jsonl', 40)).toEqual({ source: { file: '/r/a.jsonl' }, message: '… and 40 more errors in this file', code: 'errors.more', params: { more: 40 } });
  });
});

describe('parser failures and decode warnings', () => {
  it('a parser that threw', () => {
    expect(parserCrashedError('/r/a.txt', new Error('bug'))).toEqual({ source: { file: '/r/a.txt' }, message: 'Parser failed: bug', code: 'parser.crashed', params: { detail: 'bug' } });
  });

  it('invalid bytes replaced, and nothing when the decoding was clean', () => {
    const damaged = decodeBytes(new Uint8Array([...new TextEncoder().encode('Hello, world. '.repeat(10)), 0xff]), 'in.txt');
    if ('error' in damaged) throw new Error('expected text');
    expect(decodeWarningError('/r/in.txt', damaged)).toEqual({
      source: { file: '/r/in.txt' },
      message: 'in.txt: 1 invalid UTF-8 byte sequence(s) replaced by �',
      code: 'decode.replacedBytes',
      params: { count: 1 },
    });
    const clean = decodeBytes(new TextEncoder().encode('fine'), 'ok.txt');
    if ('error' in clean) throw new Error('expected text');
    expect(decodeWarningError('ok.txt', clean)).toBeNull();
  });
});

describe('every builder', () => {
  it('gives a code the UI knows', () => {
    const all: LoadError[] = [
      fileSystemError('f', new Error('x')), fileTooLargeError('f', 2, 1), fileTooLargeError('f', 2, 1, true), tooManyFilesError('d', 2, 1),
      noRecordFilesError('d'), lineTooLongError('f', { number: 1, offset: 0 }, 1), parserCrashedError('f', 'x'), moreErrorsEntry('f', 1),
    ];
    for (const error of all) expect(isLoadErrorCode(error.code)).toBe(true);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'], [1024, '1 KiB'], [1536, '1.5 KiB'], [256 * 1024 ** 2, '256 MiB'], [2 * 1024 ** 3, '2 GiB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
