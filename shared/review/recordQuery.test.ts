import { describe, expect, it } from 'vitest';
import { countFlags, filterRecords, textMatcher, type QueryableRecord } from './recordQuery.ts';

const flagged = (kinds: [string, 'critical' | 'major' | 'minor'][]) => countFlags(kinds.map(([kind, severity]) => ({ kind: kind as 'omission', severity })));

const records: QueryableRecord[] = [
  { texts: ['MDMA-assisted therapy for PTSD', 'MDMA辅助治疗创伤后应激障碍'], flags: flagged([['section-missing', 'major'], ['untranslated', 'minor']]), status: 'unreviewed' },
  { texts: ['Coral reef decline', '珊瑚礁退化'], flags: flagged([['number-mismatch', 'critical']]), status: 'reviewed' },
  { texts: ['Soil carbon', '土壤碳'], flags: flagged([]), status: 'reviewed' },
  { texts: ['Not yet checked', '尚未检查'], flags: null, status: 'in-progress' },
];

describe('countFlags', () => {
  it('counts by kind and severity', () => {
    expect(flagged([['omission', 'major'], ['omission', 'minor'], ['punctuation', 'minor']])).toEqual({
      total: 3,
      bySeverity: { critical: 0, major: 1, minor: 2 },
      byKind: { omission: 2, punctuation: 1 },
    });
  });
});

describe('textMatcher', () => {
  it.each([
    ['mdma', 0, true],
    ['  Reef   DECLINE ', 1, true],
    ['珊瑚', 1, true],
    ['珊瑚', 0, false],
    ['reef.', 1, false],
  ] as const)('%s in record %i → %s', (query, index, expected) => {
    expect(textMatcher(query)?.(records[index]!.texts)).toBe(expected);
  });

  it('is null for a blank query', () => {
    expect(textMatcher('   ')).toBeNull();
    expect(textMatcher(undefined)).toBeNull();
  });
});

describe('filterRecords', () => {
  it('matches everything without filters and counts each value', () => {
    const { matches, counts } = filterRecords(records, {});
    expect(matches).toEqual([0, 1, 2, 3]);
    expect(counts.byStatus).toEqual({ unreviewed: 1, 'in-progress': 1, reviewed: 2, 'needs-second-look': 0 });
    expect(counts.bySeverity).toEqual({ critical: 1, major: 1, minor: 1 });
    expect(counts.byKind['section-missing']).toBe(1);
    expect(counts.byKind.omission).toBe(0);
  });

  it('ORs values within a filter and ANDs filters; unchecked records fail flag filters', () => {
    expect(filterRecords(records, { kinds: ['section-missing', 'number-mismatch'] }).matches).toEqual([0, 1]);
    expect(filterRecords(records, { kinds: ['section-missing', 'number-mismatch'], statuses: ['reviewed'] }).matches).toEqual([1]);
    expect(filterRecords(records, { severities: ['minor'] }).matches).toEqual([0]);
    expect(filterRecords(records, { statuses: ['in-progress'] }).matches).toEqual([3]);
    expect(filterRecords(records, { text: '土壤', statuses: ['reviewed'] }).matches).toEqual([2]);
  });

  it('counts a filter value with the other filters applied but not its own', () => {
    const { counts } = filterRecords(records, { statuses: ['reviewed'], kinds: ['number-mismatch'] });
    // Status counts ignore the status filter: of records with a number mismatch, one is reviewed.
    expect(counts.byStatus).toEqual({ unreviewed: 0, 'in-progress': 0, reviewed: 1, 'needs-second-look': 0 });
    // Kind counts ignore the kind filter: reviewed records with a section-missing flag: none.
    expect(counts.byKind['section-missing']).toBe(0);
    expect(counts.byKind['number-mismatch']).toBe(1);
  });
});
