import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, toCsv } from './csv.ts';
import { highlightSpans, toHtmlReport } from './html.ts';
import { hasFlagsAtOrAbove, sectionOfFlag, summarize, SummaryBuilder } from './summarize.ts';
import { renderSummaryTable } from './table.ts';
import type { CheckRecordResult, CheckResults } from './types.ts';

// The example record's kind of trouble: a number changed and a label lost.
const numberRecord: CheckRecordResult = {
  id: '10.3233/NRE-230270',
  source: { file: 'samples/mdma.page.txt', line: 4 },
  sentences: {
    en: [
      { text: 'Twenty-four veterans received 0.5 mg/kg MDMA.', section: 'methods' },
      { text: 'Symptoms improved in 45% of them.', section: 'results' },
    ],
    zh: [
      { text: '二十四名退伍军人接受了0.5毫克/千克MDMA。', section: 'methods' },
      { text: '其中54%的症状有所改善。', section: 'results' },
    ],
  },
  alignment: [
    { en: [0], zh: [0], confidence: 0.93 },
    { en: [1], zh: [1], confidence: 0.88 },
  ],
  flags: [
    {
      kind: 'number-mismatch',
      severity: 'critical',
      en: [1],
      zh: [1],
      message: { en: '45% became 54%', 'zh-CN': '45% 变成了 54%' },
      evidence: [
        { side: 'en', sentence: 1, start: 21, end: 24, text: '45%' },
        { side: 'zh', sentence: 1, start: 2, end: 5, text: '54%' },
      ],
    },
    {
      kind: 'section-missing',
      severity: 'major',
      en: [0],
      zh: [],
      message: { en: 'Label "Methods" missing', 'zh-CN': '缺少"方法"标签' },
      evidence: [],
    },
  ],
};

// Untrusted text: markup, quotes and commas must survive every serialiser unchanged in meaning.
const hostileRecord: CheckRecordResult = {
  id: 'bad<id>"1"',
  source: 'in,put/"x".jsonl',
  sentences: {
    en: [{ text: 'We gave <script>alert(1)</script> & "drug", then\nwaited.', section: 'methods' }],
    zh: [{ text: '我们给予<script>alert(2)</script>药物。', section: 'methods' }],
  },
  alignment: [{ en: [0], zh: [0], confidence: 0.5 }],
  flags: [
    {
      kind: 'untranslated',
      severity: 'minor',
      en: [0],
      zh: [0],
      message: 'English left: <script>',
      evidence: [{ side: 'zh', sentence: 0, start: 4, end: 12, text: '<script>' }],
    },
  ],
};

const cleanRecord: CheckRecordResult = {
  id: 'clean-1',
  source: 'a.jsonl',
  sentences: { en: [{ text: 'Two groups were compared.', section: 'other' }], zh: [{ text: '比较了两组。', section: 'other' }] },
  alignment: [{ en: [0], zh: [0], confidence: 0.95 }],
  flags: [],
};

const results: CheckResults = {
  records: [cleanRecord, hostileRecord, numberRecord],
  errors: [{ source: { file: 'broken.jsonl', line: 7 }, message: 'Unexpected token } in JSON' }],
};

describe('summarize', () => {
  it('counts records, flags by kind, severity and section, and errors', () => {
    const s = summarize(results);
    expect(s.records).toBe(3);
    expect(s.recordsWithFlags).toBe(2);
    expect(s.flags).toBe(3);
    expect(s.errors).toBe(1);
    expect(s.bySeverity).toEqual({ critical: 1, major: 1, minor: 1 });
    expect(s.byKind['number-mismatch']).toEqual({ critical: 1, major: 0, minor: 0 });
    expect(s.bySection).toEqual({
      methods: { critical: 0, major: 1, minor: 1 },
      results: { critical: 1, major: 0, minor: 0 },
    });
    expect(s.totalWeight).toBe(10 + 5 + 1);
  });

  it('ranks the worst records by MQM-like weight and keeps only as many as asked', () => {
    const s = summarize(results, { worst: 1 });
    expect(s.worst.map((w) => [w.id, w.weight])).toEqual([['10.3233/NRE-230270', 15]]);
    const all = summarize(results);
    expect(all.worst.map((w) => w.id)).toEqual(['10.3233/NRE-230270', 'bad<id>"1"']);
  });

  it('keeps the same worst list whatever order the records stream in', () => {
    const many: CheckRecordResult[] = Array.from({ length: 40 }, (_, i) => ({
      ...numberRecord,
      id: `r${String(i).padStart(2, '0')}`,
      flags: numberRecord.flags.slice(0, 1 + (i % 2)),
    }));
    const forward = new SummaryBuilder({ worst: 5 });
    const backward = new SummaryBuilder({ worst: 5 });
    many.forEach((r) => forward.addRecord(r));
    [...many].reverse().forEach((r) => backward.addRecord(r));
    const ids = forward.finish().worst.map((w) => w.id);
    expect(ids).toEqual(['r01', 'r03', 'r05', 'r07', 'r09']);
    expect(backward.finish().worst.map((w) => w.id)).toEqual(ids);
  });

  it('puts a flag without sentences in the record section, and an addition in its Chinese section', () => {
    const flag = { ...numberRecord.flags[0]!, en: [], zh: [] };
    expect(sectionOfFlag(flag, numberRecord)).toBe('record');
    expect(sectionOfFlag({ ...flag, zh: [1] }, numberRecord)).toBe('results');
  });

  it('gates on a severity threshold for --fail-on', () => {
    const s = summarize({ records: [hostileRecord], errors: [] });
    expect(hasFlagsAtOrAbove(s, 'major')).toBe(false);
    expect(hasFlagsAtOrAbove(s, 'minor')).toBe(true);
    expect(hasFlagsAtOrAbove(summarize(results), 'critical')).toBe(true);
  });
});

/** A small RFC 4180 reader, to check the writer's output round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('toCsv', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(3)).toBe('3');
  });

  it('writes one CRLF row per flag that parses back to the same fields', () => {
    const csv = toCsv(results);
    expect(csv.startsWith(csvHeader())).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(1 + 3);
    const header = rows[0]!;
    const hostile = Object.fromEntries(header.map((name, i) => [name, rows[1]![i]]));
    expect(hostile).toMatchObject({
      record_id: 'bad<id>"1"',
      source: 'in,put/"x".jsonl',
      kind: 'untranslated',
      severity: 'minor',
      section: 'methods',
      zh_text: '我们给予<script>alert(2)</script>药物。',
      message: 'English left: <script>',
      evidence: 'zh[0] 4-12 "<script>"',
    });
    const number = Object.fromEntries(header.map((name, i) => [name, rows[2]![i]]));
    expect(number).toMatchObject({ source: 'samples/mdma.page.txt:4', en_sentences: '1', message_zh: '45% 变成了 54%' });
  });

  it('writes just the header when nothing is flagged', () => {
    expect(toCsv({ records: [cleanRecord] })).toBe(csvHeader());
  });
});

describe('toHtmlReport', () => {
  const html = toHtmlReport(summarize(results), { title: 'Run <1>', inputs: ['corpus/*.jsonl'] });

  it('escapes every piece of record text: no markup from the records survives', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark>&lt;script&gt;</mark>alert(2)&lt;/script&gt;');
    expect(html).toContain('bad&lt;id&gt;&quot;1&quot;');
    expect(html).toContain('Run &lt;1&gt;');
  });

  it('is self-contained: no external resources and scripts forbidden by policy', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain("default-src 'none'");
  });

  it('draws flags by kind and by section as inline SVG bars with exact counts', () => {
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<title>number-mismatch: 1 critical</title>');
    expect(html).toContain('<title>methods: 1 major</title>');
  });

  it('shows the worst records with their evidence marked', () => {
    expect(html.indexOf('10.3233/NRE-230270')).toBeLessThan(html.indexOf('bad&lt;id'));
    expect(html).toContain('Symptoms improved in <mark>45%</mark> of them.');
    expect(html).toContain('其中<mark>54%</mark>的症状有所改善。');
  });

  it('is deterministic for the same input', () => {
    expect(toHtmlReport(summarize(results))).toBe(toHtmlReport(summarize(results)));
  });
});

describe('highlightSpans', () => {
  it.each([
    ['no spans', 'a<b', [], 'a&lt;b'],
    ['one span', 'take 45% now', [{ start: 5, end: 8 }], 'take <mark>45%</mark> now'],
    ['overlapping spans merge', 'abcdef', [{ start: 1, end: 3 }, { start: 2, end: 5 }], 'a<mark>bcde</mark>f'],
    ['out-of-range spans are clamped', 'abc', [{ start: -2, end: 1 }, { start: 2, end: 99 }], '<mark>a</mark>b<mark>c</mark>'],
    ['empty and inverted spans are dropped', 'abc', [{ start: 2, end: 2 }, { start: 2, end: 1 }], 'abc'],
    ['markup inside a span is escaped', 'x<i>y', [{ start: 1, end: 4 }], 'x<mark>&lt;i&gt;</mark>y'],
  ])('%s', (_name, text, spans, expected) => {
    expect(highlightSpans(text, spans)).toBe(expected);
  });
});

describe('renderSummaryTable', () => {
  it('lists totals, kinds, sections, worst records and errors', () => {
    const text = renderSummaryTable(summarize(results));
    expect(text).toContain('Records: 3   with flags: 2   flags: 3 (1 critical, 1 major, 1 minor)   load errors: 1');
    expect(text).toMatch(/number-mismatch\s+1\s+0\s+0\s+1/);
    expect(text).toMatch(/methods\s+0\s+1\s+1\s+2/);
    expect(text).toMatch(/10\.3233\/NRE-230270\s+15\s+2\s+samples\/mdma\.page\.txt:4/);
    expect(text).toContain('broken.jsonl:7: Unexpected token } in JSON');
  });

  it('prints only the totals line for an empty run', () => {
    expect(renderSummaryTable(summarize({ records: [], errors: [] }))).toBe(
      'Records: 0   with flags: 0   flags: 0 (0 critical, 0 major, 0 minor)   load errors: 0\n',
    );
  });
});
