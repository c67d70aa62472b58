import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanMqmField, exportMqmTsv, MQM_TSV_COLUMNS } from './mqmTsv.ts';
import { mqmRowsToAnnotations, parseMqmTsv } from './mqmTsvImport.ts';
import { fixtureEntry, fixtureExport } from './testFixture.ts';
import type { ReviewExport } from './types.ts';

describe('exportMqmTsv', () => {
  const text = exportMqmTsv(fixtureExport(), { system: 'DeepL' });
  const lines = text.trimEnd().split('\n');
  const rows = lines.slice(1).map((l) => l.split('\t'));

  it('uses the WMT header and nine columns on every line', () => {
    expect(lines[0]).toBe('system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity');
    expect(lines.every((l) => l.split('\t').length === 9)).toBe(true);
  });

  it('writes one row per live annotation with the span marked on its side', () => {
    expect(rows.slice(0, 3)).toEqual([
      ['DeepL', '10.1000/mdma.2026.1', '1', '1', 'Li Wei', 'MDMA is a non-classical psychedelic with pro-social effects.', '<v>摇头丸</v>是一种具有亲社会作用的非经典迷幻药。', 'Terminology/Inappropriate for context', 'Major'],
      ['DeepL', '10.1000/mdma.2026.1', '1', '2', 'Li Wei', 'A review of MDMA-assisted therapy for PTSD is provided.', '本文对摇头丸辅助治疗创伤后应激障碍进行了综述。', 'Fluency/Grammar', 'Minor'],
      ['DeepL', '10.1000/mdma.2026.1', '1', '3', 'Li Wei', 'This is an expert review and <v>synthesis</v> of the literature.', '', 'Accuracy/Omission', 'Critical'],
    ]);
  });

  it('writes No-error rows for every segment of a finished record without annotations, with running seg_ids', () => {
    expect(rows.slice(3).map((r) => [r[1], r[2], r[3], r[7], r[8]])).toEqual([
      ['10.1000/clean.2', '2', '4', 'No-error', 'No-error'],
      ['10.1000/clean.2', '2', '5', 'No-error', 'No-error'],
      ['10.1000/clean.2', '2', '6', 'No-error', 'No-error'],
    ]);
  });

  it('writes nothing for clean segments of an unfinished record', () => {
    const data = fixtureExport();
    data.records[1]!.status = 'in-progress';
    expect(exportMqmTsv(data).trimEnd().split('\n')).toHaveLength(4);
  });

  it('replaces tabs, newlines and literal marks so the layout holds', () => {
    expect(cleanMqmField('a\tb\r\nc <v>x</v>')).toBe('a b  c ‹v›x‹/v›');
    const entry = fixtureEntry({ zh: ['摇头丸\t是一种\n迷幻药。', '含有<v>标记</v>的句子。'] });
    const out = exportMqmTsv({ ...fixtureExport(), records: [entry] });
    for (const line of out.trimEnd().split('\n')) expect(line.split('\t')).toHaveLength(MQM_TSV_COLUMNS.length);
    expect(out).toContain('<v>摇头丸</v> 是一种 迷幻药。');
    expect(out).toContain('含有‹v›标记‹/v›的句子。');
  });
});

describe('parseMqmTsv', () => {
  it('reports bad lines by number and keeps the good ones', () => {
    const text = [
      MQM_TSV_COLUMNS.join('\t'),
      'MT\tdoc\t1\t1\tr1\tsrc\t<v>tgt</v>\tAccuracy/Mistranslation\tMajor',
      'MT\tdoc\t1\t2\tr1\tsrc\ttgt\tAccuracy/Mistranslation',
      'MT\tdoc\t1\tx\tr1\tsrc\ttgt\tStyle/Awkward\tMinor',
      'MT\tdoc\t1\t3\tr1\tsrc\ttgt\tStyle/Awkward\tNeutral',
      'MT\tdoc\t1\t4\tr1\tsrc\t</v>tgt<v>\tStyle/Awkward\tMinor',
      'MT\tdoc\t1\t5\tr1\t<v>s</v>rc\t<v>t</v>gt\tStyle/Awkward\tMinor',
      'MT\tdoc\t1\t6\tr1\tsrc\ttgt\tNo-error\tMajor',
      '',
      'MT\tdoc\t1\t7\tr1\tsrc\ttgt\tNo-error\tno-error\r',
      'MT\tdoc\t1\t8\tr1\tsrc\tthe <v>whole rest\tStyle/Awkward\tminor',
    ].join('\n');
    const { rows, errors } = parseMqmTsv(text);
    expect(rows.map((r) => [r.line, r.severity, r.span?.text ?? null])).toEqual([
      [2, 'major', 'tgt'],
      [10, null, null],
      [11, 'minor', 'whole rest'],
    ]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).toMatch(/9 tab-separated fields, found 8/);
  });

  it('rejects a file without the WMT header', () => {
    expect(parseMqmTsv('a\tb\n').errors).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
  });
});

describe('MQM TSV round trip', () => {
  it('reads its own export back onto the same records, spans and all', () => {
    const data: ReviewExport = fixtureExport();
    const parsed = parseMqmTsv(exportMqmTsv(data));
    expect(parsed.errors).toEqual([]);
    const placed = mqmRowsToAnnotations(parsed.rows, data);
    expect(placed.errors).toEqual([]);
    const live = data.records[0]!.annotations.filter((a) => !a.deleted);
    expect(placed.annotations.map((a) => ({ ...a.input, comment: '', correction: null, enSentences: [], zhSentences: [] }))).toEqual(
      live.map((a) => ({ recordId: a.recordId, span: a.span, category: a.category, severity: a.severity, comment: '', correction: null, enSentences: [], zhSentences: [] })),
    );
    expect(placed.annotations.every((a) => a.rater === 'Li Wei')).toBe(true);
    expect(placed.clean.map((c) => [c.recordId, c.link])).toEqual([
      ['10.1000/clean.2', 0],
      ['10.1000/clean.2', 1],
      ['10.1000/clean.2', 2],
    ]);
  });

  it('reports rows for unknown records and segments', () => {
    const data = fixtureExport();
    const { rows } = parseMqmTsv(exportMqmTsv(data));
    const moved = rows.map((r, i) => (i === 0 ? { ...r, doc: 'nope' } : i === 1 ? { ...r, target: '改过的译文' } : r));
    const placed = mqmRowsToAnnotations(moved, data);
    expect(placed.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(placed.annotations).toHaveLength(1);
  });
});

describe('MQM TSV round trip, any text', () => {
  it('places every annotation back on its span whatever the sentences contain', () => {
    const sentenceArb = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', '药', '\t', '\n', '<', 'v', '>', '/', ' ', '。') });
    fc.assert(
      fc.property(fc.tuple(sentenceArb, sentenceArb), fc.nat(), fc.nat(), (zh, a, b) => {
        const entry = fixtureEntry({ zh: [...zh] });
        const s0 = entry.sentences.zh[0]!;
        const start = a % s0.text.length;
        const end = start + 1 + (b % (s0.text.length - start));
        entry.annotations = [{ ...entry.annotations[0]!, span: { side: 'zh', start: s0.start + start, end: s0.start + end } }];
        const data = { ...fixtureExport(), records: [entry] };
        const parsed = parseMqmTsv(exportMqmTsv(data));
        expect(parsed.errors).toEqual([]);
        const placed = mqmRowsToAnnotations(parsed.rows, data);
        expect(placed.errors).toEqual([]);
        expect(placed.annotations.map((x) => x.input.span)).toEqual([entry.annotations[0]!.span]);
      }),
    );
  });
});
