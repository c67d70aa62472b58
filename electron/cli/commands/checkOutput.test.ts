import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/report/summarize.ts';
import type { CheckError } from '../../../shared/report/types.ts';
import type { CheckRecordJson } from '../../batch/checkRecordJson.ts';
import { jsonOutput, textOutput, type CheckOutput } from './checkOutput.ts';

const record = (id: string): CheckRecordJson => ({
  id,
  source: `in.jsonl:${id}`,
  sentences: { en: [{ text: 'A "quoted"\nline.', section: 'results' }], zh: [{ text: '一句。', section: 'results' }] },
  alignment: [{ en: [0], zh: [0], confidence: 0.9 }],
  flags: [{ kind: 'number-mismatch', severity: 'major', en: [0], zh: [0], message: '24 ≠ 42', evidence: [{ side: 'en', sentence: 0, start: 0, end: 1, text: 'A' }] }],
});
const error: CheckError = { source: 'bad.json:1', message: 'invalid JSON' };

function print(output: CheckOutput, records: CheckRecordJson[], errors: CheckError[]): string {
  const summary = summarize({ records, errors });
  return output.start() + records.map((r) => output.record(r)).join('') + output.end(errors, summary);
}

describe('jsonOutput', () => {
  it.each([
    ['records and errors', [record('1'), record('2')], [error, error]],
    ['no records', [], [error]],
    ['no errors', [record('1')], []],
    ['nothing', [], []],
  ] as const)('writes JSON.stringify(doc, null, 2) byte for byte (%s)', (_name, records, errors) => {
    const doc = { records: [...records], errors: [...errors] };
    expect(print(jsonOutput(), doc.records, doc.errors)).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });
});

describe('textOutput', () => {
  it('lists each record with its flags, then errors, totals and the table', () => {
    const text = print(textOutput(), [record('1')], [error]);
    expect(text).toContain('1  (in.jsonl:1)  1 en / 1 zh sentences — number-mismatch 1\n  [major] number-mismatch  en 1 ↔ zh 1: 24 ≠ 42\n');
    expect(text).toContain('error: bad.json:1: invalid JSON\n1 record(s), 1 flag(s), 1 error(s)\n\nRecords: 1');
  });
});
