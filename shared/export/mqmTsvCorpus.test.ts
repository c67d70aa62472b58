/**
 * The importer and the MQM scorer against the real WMT21 TED zh→en MQM file: it must parse
 * without a single error, and the scores it yields must equal Google's published per-segment
 * averages (`mqm_ted_zhen.avg_seg_scores.tsv`), which checks both the reading of every row and
 * the WMT weighting (major 5, minor 1, minor punctuation 0.1).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mqmScore } from '../annotations/mqmScore.ts';
import { parseMqmTsv } from './mqmTsvImport.ts';

const corpus = new URL('../../../shared/corpora/wmt-mqm-ted-zhen/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, corpus), 'utf8');

describe('the WMT21 TED MQM file', () => {
  const { rows, errors } = parseMqmTsv(read('mqm_ted_zhen.tsv'));

  it('parses every row', () => {
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(9915);
    expect(rows.filter((r) => r.severity === null)).toHaveLength(4297);
    expect(rows.filter((r) => r.severity === 'major')).toHaveLength(3352);
    expect(rows.filter((r) => r.severity === 'minor')).toHaveLength(2266);
  });

  it('finds the span of every error row, on the source side for omissions', () => {
    const withErrors = rows.filter((r) => r.severity !== null);
    expect(withErrors.every((r) => r.span !== null)).toBe(true);
    const omissions = withErrors.filter((r) => r.category === 'Accuracy/Omission');
    expect(omissions).toHaveLength(311);
    expect(omissions.every((r) => r.span?.field === 'source')).toBe(true);
    const first = rows[0]!;
    expect(first.target.slice(first.span!.start, first.span!.end)).toBe('take a moment');
    expect(first.target).not.toContain('<v>');
  });

  it('scores every rated segment as Google did', () => {
    // Group errors by system, segment and rater; a segment's score is the mean over its raters.
    const sums = new Map<string, Map<string, Parameters<typeof mqmScore>[0][number][]>>();
    for (const row of rows) {
      const system = row.system === 'ref' ? 'ref-A' : row.system === 'refB' ? 'ref-B' : row.system;
      const key = `${system} ${row.segId}`;
      const raters = sums.get(key) ?? new Map();
      const list = raters.get(row.rater) ?? [];
      if (row.severity) list.push({ severity: row.severity, category: row.category, deleted: false });
      raters.set(row.rater, list);
      sums.set(key, raters);
    }
    const published = read('mqm_ted_zhen.avg_seg_scores.tsv').trimEnd().split('\n').slice(1);
    let compared = 0;
    for (const line of published) {
      const [system, rest] = line.split('\t') as [string, string];
      const [score, segId] = rest.split(' ') as [string, string];
      if (score === 'None') continue;
      const raters = [...(sums.get(`${system} ${segId}`)?.values() ?? [])];
      expect(raters.length, `${system} ${segId}`).toBeGreaterThan(0);
      const mean = raters.reduce((sum, list) => sum + mqmScore(list, { minorPunctuationWeight: 0.1 }).penalty, 0) / raters.length;
      expect(-mean, `${system} ${segId}`).toBeCloseTo(Number(score), 5);
      compared++;
    }
    expect(compared).toBe(7935);
  });
});
