import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.ts';
import { fillTemplate, isLoadErrorCode, LOAD_ERROR_CODES, LOAD_ERROR_MESSAGES, loadError } from './loadErrorCodes.ts';
import { parseRecords } from './parse.ts';

describe('loadError', () => {
  it('names the place as file:line, file alone, or not at all', () => {
    expect(loadError('json.invalid', { file: 'a.json', line: 3 }, { detail: 'Unexpected token' }).message).toBe('a.json:3: invalid JSON (Unexpected token)');
    expect(loadError('table.failed', { file: 'a.csv', line: 1 }, { detail: 'bug' }, 'file').message).toBe('a.csv: table could not be read (bug)');
    expect(loadError('jsonl.empty', { file: 'a.jsonl' }, {}).message).toBe('a.jsonl: no JSON lines');
    expect(loadError('file.notFound', { file: '/x/a.txt' }, {}, 'none').message).toBe('No such file or folder');
  });

  it('keeps the code and the values for the UI, and the source as given', () => {
    const error = loadError('table.shortRow', { file: 't.tsv', line: 4, offset: 20 }, { expected: 2, found: 1 });
    expect(error).toEqual({
      source: { file: 't.tsv', line: 4, offset: 20 },
      message: 't.tsv:4: expected at least 2 columns, found 1',
      code: 'table.shortRow',
      params: { expected: 2, found: 1 },
    });
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder and leaves an unknown one visible', () => {
    expect(fillTemplate('{{a}} and {{ b }}', { a: 1, b: 'two' })).toBe('1 and two');
    expect(fillTemplate('{{a}} and {{missing}}', { a: 1 })).toBe('1 and {{missing}}');
  });

  it('does not take values from the prototype', () => {
    expect(fillTemplate('{{toString}}', {})).toBe('{{toString}}');
  });
});

describe('the catalog', () => {
  it('has codes of the form area.reason and non-empty English for each', () => {
    for (const code of LOAD_ERROR_CODES) {
      expect(code).toMatch(/^[a-z]+\.[A-Za-z]+$/);
      expect(LOAD_ERROR_MESSAGES[code].trim()).not.toBe('');
    }
  });

  it('tells its codes from others', () => {
    expect(isLoadErrorCode('json.invalid')).toBe(true);
    expect(isLoadErrorCode('json.nonsense')).toBe(false);
    expect(isLoadErrorCode('constructor')).toBe(false);
    expect(isLoadErrorCode(undefined)).toBe(false);
  });

  it('keeps the English the parsers wrote before codes (the CLI prints it)', () => {
    const bad = decodeBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'scan.pdf');
    expect('error' in bad && bad.error).toMatchObject({ code: 'decode.pdf', message: 'scan.pdf: looks like a PDF document, not a text file' });
    const table = parseRecords('en\tzh\nonly one cell\n', { file: 't.tsv' });
    expect(table.errors).toEqual([
      { source: { file: 't.tsv', line: 2, offset: 6 }, message: 't.tsv:2: expected at least 2 columns, found 1', code: 'table.shortRow', params: { expected: 2, found: 1 } },
    ]);
  });
});
