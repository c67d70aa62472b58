import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_COLUMNS, csvField, exportCsv } from './csv.ts';
import { fixtureEntry, fixtureExport } from './testFixture.ts';

/** A strict RFC 4180 reader for the tests: fails on anything the RFC does not allow. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quote');
        value += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          value += '"';
          i++;
        } else return value;
      }
    }
    let end = i;
    while (end < text.length && text[end] !== ',' && text[end] !== '\r') {
      if (text[end] === '"' || text[end] === '\n') throw new Error(`bare ${JSON.stringify(text[end])} at ${end}`);
      end++;
    }
    const value = text.slice(i, end);
    i = end;
    return value;
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('last line without CRLF');
  return rows;
}

describe('exportCsv', () => {
  const rows = parseCsv(exportCsv(fixtureExport()));
  const header = rows[0]!;
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));

  it('writes a header and one row per live annotation and per flag', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(records.map((r) => r.type)).toEqual(['annotation', 'annotation', 'annotation', 'flag', 'flag', 'flag']);
  });

  it('keeps commas, quotes and Chinese intact', () => {
    const a1 = records[0]!;
    expect(a1.comment).toBe('Street name "ecstasy"; a clinical text says MDMA, with "quotes", and, commas');
    expect(a1.span_text).toBe('摇头丸');
    expect(a1.correction).toBe('MDMA是一种具有亲社会作用的非经典迷幻药。');
    expect(a1.en_sentence_numbers).toBe('1');
    expect(records[1]!.en_sentence_numbers).toBe('2 3');
  });

  it('writes flags with their decisions', () => {
    expect(records.slice(3).map((r) => [r.category, r.decision])).toEqual([
      ['term-inconsistency', 'confirmed'],
      ['section-missing', 'dismissed'],
      ['omission', ''],
    ]);
    expect(records[4]!.comment).toBe('Section label Objective is missing — label is implicit');
  });

  it('survives newlines inside sentence text', () => {
    const entry = fixtureEntry({ zh: ['第一行\r\n第二行。', '第二句。'] });
    const parsed = parseCsv(exportCsv({ ...fixtureExport(), records: [entry] }));
    expect(parsed[1]![CSV_COLUMNS.indexOf('zh_text')]).toBe('第一行\r\n第二行。');
  });

  it('quotes exactly what needs quoting, and round-trips any text', () => {
    expect(csvField('plain 文本')).toBe('plain 文本');
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (fields) => {
        const line = `${fields.map(csvField).join(',')}\r\n`;
        expect(parseCsv(line)).toEqual([fields]);
      }),
    );
  });
});
