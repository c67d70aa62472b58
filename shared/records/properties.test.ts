import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.ts';
import { createJsonlParser, parseJsonRecords, parseJsonlRecords } from './json.ts';
import { createLineSplitter, splitLines } from './lines.ts';
import { fillTemplate, isLoadErrorCode, LOAD_ERROR_MESSAGES } from './loadErrorCodes.ts';
import type { ParseResult } from './model.ts';
import { parsePageDump } from './page.ts';
import { parseRecords } from './parse.ts';
import { findSectionLabels, splitSections } from './sectionLabels.ts';
import { parseTableRecords } from './table.ts';
import { parseWmtFile, parseWmtPair } from './wmt.ts';
import { parseXmlRecords } from './xml.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const FIXTURES = [
  'mdma-ptsd-military.page.txt', 'page-variants.page.txt', 'sample.json', 'sample.jsonl', 'pairs.tsv', 'pairs.csv',
  'sample.tmx', 'sample-1.2.xlf', 'sample-2.0.xlf', 'wmt-doc1-3_en.txt',
].map(fixture);

/*
 * Inputs: arbitrary Unicode strings, and real fixtures mangled by truncation, deletions and
 * insertions of format-significant characters, which reach far deeper into each parser.
 */
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '\n', '\t', ',', '{', '}', '<', '>', '</seg>', '<![CDATA[', '&', '\r\n', '：', '【', '\uFEFF', '\u0000')),
});
const mangled = fc.tuple(fc.constantFrom(...FIXTURES), fc.array(edit, { maxLength: 6 }), fc.option(fc.nat())).map(([text, edits, cut]) => {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return cut === null ? out : out.slice(0, cut % (out.length + 1));
});
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), mangled);

/**
 * The invariants every parser keeps: something to show, and every position inside the input.
 * Broken ones are collected and asserted once: an input of 25,000 bad lines gives 25,000 errors,
 * and an `expect` per field made this check, not the parser, take seconds (a timeout under load).
 */
function checkResult(result: ParseResult, text: string, files: string[]): void {
  expect(result.records.length + result.errors.length).toBeGreaterThan(0);
  const lines = Math.max(splitLines(text).length, 1);
  const broken: string[] = [];
  for (const item of [...result.records, ...result.errors]) {
    const { file, line, offset } = item.source;
    if (!files.includes(file)) broken.push(`file ${file} is not one of ${files.join(', ')}`);
    if (line !== undefined && !(line >= 1 && line <= lines)) broken.push(`${file}: line ${line} outside 1..${lines}`);
    if (offset !== undefined && !(offset >= 0 && offset <= text.length)) broken.push(`${file}: offset ${offset} outside 0..${text.length}`);
  }
  for (const error of result.errors) {
    // Every entry carries a code the UI can translate, with the values its template names.
    if (!isLoadErrorCode(error.code)) broken.push(`unknown error code ${error.code}`);
    else if (/\{\{/.test(fillTemplate(LOAD_ERROR_MESSAGES[error.code], error.params ?? {}))) broken.push(`${error.code}: template value missing`);
    if (!error.message.startsWith(`${error.source.file}:`)) broken.push(`message does not name its file: ${error.message}`);
  }
  for (const record of result.records) {
    for (const side of [record.en, record.zh]) {
      if (side === null) continue;
      for (const s of side.sections) {
        if (side.abstract.slice(s.start, s.start + s.text.length) !== s.text) broken.push(`${record.id}: section at ${s.start} is not the abstract's text there`);
      }
    }
  }
  expect(broken.slice(0, 5)).toEqual([]);
}

const parsers: [string, (text: string) => ParseResult][] = [
  ['parsePageDump', (t) => parsePageDump(t, 'f')],
  ['parseJsonRecords', (t) => parseJsonRecords(t, 'f')],
  ['parseJsonlRecords', (t) => parseJsonlRecords(t, 'f')],
  ['parseTableRecords tsv', (t) => parseTableRecords(t, 'f', 'tsv')],
  ['parseTableRecords csv', (t) => parseTableRecords(t, 'f', 'csv')],
  ['parseXmlRecords', (t) => parseXmlRecords(t, 'f')],
  ['parseWmtFile', (t) => parseWmtFile(t, 'f')],
  ['parseRecords (detected)', (t) => parseRecords(t, { file: 'f' })],
];

describe.each(parsers)('%s on any input', (_name, parse) => {
  it('never throws, always yields records or errors, and points into the input', () => {
    fc.assert(fc.property(anyText, (text) => checkResult(parse(text), text, ['f'])), { numRuns: 300 });
  });
});

describe('parseWmtPair on any input', () => {
  it('never throws and names one of its two files', () => {
    fc.assert(
      fc.property(anyText, anyText, (en, zh) => {
        const result = parseWmtPair(en, zh, { enFile: 'e', zhFile: 'z' });
        for (const item of [...result.records, ...result.errors]) {
          const text = item.source.file === 'e' ? en : zh;
          expect(['e', 'z']).toContain(item.source.file);
          expect(item.source.offset ?? 0).toBeLessThanOrEqual(text.length);
        }
        for (const error of result.errors) expect(isLoadErrorCode(error.code)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('streaming', () => {
  it('JSONL chunks split anywhere equal the whole parse', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parser = createJsonlParser({ file: 'f' });
        const parts: ParseResult[] = [];
        let from = 0;
        for (const p of [...points, text.length]) {
          parts.push(parser.push(text.slice(from, p)));
          from = p;
        }
        parts.push(parser.end());
        const whole = parseJsonlRecords(text, 'f');
        expect(parts.flatMap((p) => p.records)).toEqual(whole.records);
        expect(parts.flatMap((p) => p.errors)).toEqual(whole.errors);
      }),
      { numRuns: 200 },
    );
  });

  it('the line splitter gives the same lines as splitLines, wherever the chunks break', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }).map((s) => s.replace(/x/g, '\r').replace(/y/g, '\n')), fc.nat({ max: 7 }), (text, size) => {
        const splitter = createLineSplitter();
        const out = [];
        for (let i = 0; i < text.length; i += size + 1) out.push(...splitter.push(text.slice(i, i + size + 1)));
        out.push(...splitter.end());
        const expected = text === '' ? [] : splitLines(text);
        expect(out).toEqual(expected);
        for (const l of out) expect(text.slice(l.offset, l.offset + l.text.length)).toBe(l.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('labels and bytes on any input', () => {
  it('findSectionLabels and splitSections keep offsets inside the text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('en' as const, 'zh' as const), (text, lang) => {
        for (const m of findSectionLabels(text, lang)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.start).toBeLessThan(m.end);
        }
        for (const s of splitSections(text, lang)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });

  it('decodeBytes never throws and returns text or an error naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = decodeBytes(bytes, 'b.bin');
        if ('error' in result) {
          expect(result.error.source.file).toBe('b.bin');
          expect(isLoadErrorCode(result.error.code)).toBe(true);
        } else {
          expect(typeof result.text).toBe('string');
          expect(result.warningError?.code ?? 'decode.replacedBytes').toBe('decode.replacedBytes');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('pathological inputs', () => {
  // Long runs of one character once made a lookbehind regex re-scan the run at every position
  // (minutes for 100k spaces). Each case here must finish well inside the test timeout.
  const N = 50000;
  const inputs: [string, string][] = [
    ['spaces', ' '.repeat(N) + '结果：x'], ['letters', 'a'.repeat(N)], ['colons', ':'.repeat(N)], ['caps', 'A '.repeat(N / 2)],
    ['han', '目'.repeat(N)], ['brackets', '【'.repeat(N)], ['quotes', '"'.repeat(N)], ['braces', '{'.repeat(N)],
    ['angles', '<'.repeat(N)], ['labels', 'Background and '.repeat(N / 15)], ['lines', 'a\n'.repeat(N / 2)],
  ];
  it.each(parsers)('%s handles long runs', (_name, parse) => {
    for (const [, text] of inputs) checkResult(parse(text), text, ['f']);
  });

  it('findSectionLabels handles long runs', () => {
    for (const [, text] of inputs) {
      expect(() => findSectionLabels(text, 'zh')).not.toThrow();
      expect(() => findSectionLabels(text, 'en')).not.toThrow();
    }
  });
});
