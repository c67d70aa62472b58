import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../shared/records/model.ts';
import { countFlags, textMatcher } from '../../shared/review/recordQuery.ts';
import { flagBits, flagsFromBits, foldForSearch, RecordStore, searchNeedle, searchTextOf } from './recordStore.ts';

let folder: string;
let store: RecordStore;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'record-store-'));
  store = new RecordStore({ directory: folder, cacheSize: 2 });
});
afterEach(() => {
  store.close();
  rmSync(folder, { recursive: true, force: true });
});

function record(id: string, title: string, zhTitle = `${title}的标题`): ReviewRecord {
  return {
    id,
    source: { file: `/data/${id}.jsonl`, line: 1 },
    format: 'jsonl',
    en: { title, abstract: `Abstract of ${title}.` },
    zh: { title: zhTitle, abstract: '摘要。' },
  } as ReviewRecord;
}

const ids = (start = 0, limit = 100): string[] => store.page(start, limit).map((summary) => summary.id);

describe('RecordStore', () => {
  it('keeps records in list order by source, then insertion, and pages them', () => {
    store.insert(1, [record('a', 'Alpha'), record('b', 'Beta')]);
    store.insert(2, [record('c', 'Gamma')]);
    // Appended to an earlier source: the row goes at the end of that source, not of the list.
    store.insert(1, [record('d', 'Delta')]);
    expect(ids()).toEqual(['a', 'b', 'd', 'c']);
    expect(ids(1, 2)).toEqual(['b', 'd']);
    expect(store.count()).toBe(4);
    expect(store.page(3, 10)).toEqual([{ id: 'c', title: 'Gamma', titleZh: 'Gamma的标题', file: '/data/c.jsonl', format: 'jsonl' }]);
  });

  it('gives colliding ids the first free #n suffix, within a batch and across sources', () => {
    store.insert(1, [record('dup', 'One'), record('dup', 'Two')]);
    store.insert(2, [record('dup', 'Three'), record('dup#2', 'Four')]);
    expect(ids()).toEqual(['dup', 'dup#2', 'dup#3', 'dup#2#2']);
    expect(store.get('dup#3')).toMatchObject({ id: 'dup#3', en: { title: 'Three' } });
  });

  it('gets a record parsed from its row, keeps the last few parsed, and forgets a deleted source', () => {
    store.insert(1, [record('a', 'Alpha'), record('b', 'Beta'), record('c', 'Gamma')]);
    store.insert(2, [record('z', 'Zeta')]);
    const a = store.get('a');
    expect(a).toEqual(record('a', 'Alpha'));
    expect(store.get('a')).toBe(a);
    store.get('b');
    store.get('c');
    // A cache of two: 'a' was pushed out and is parsed again.
    expect(store.get('a')).not.toBe(a);
    expect(store.get('a')).toEqual(a);
    store.deleteSource(1);
    expect(store.get('a')).toBeUndefined();
    expect(ids()).toEqual(['z']);
    store.clear();
    expect(store.count()).toBe(0);
    expect(store.get('nothing')).toBeUndefined();
  });

  it('lives in one file in its folder, deleted on close; files of dead processes are removed', () => {
    expect(readdirSync(folder)).toEqual([store.file.slice(folder.length + 1)]);
    // A process that can no longer exist (pids stop far below this), and one that does: this test's.
    const stale = join(folder, 'abstract-review-records-999999999-x.sqlite');
    const alive = join(folder, `abstract-review-records-${process.ppid}-y.sqlite`);
    writeFileSync(stale, '');
    writeFileSync(alive, '');
    const second = new RecordStore({ directory: folder });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    second.close();
    expect(existsSync(second.file)).toBe(false);
    store.close();
    expect(existsSync(store.file)).toBe(false);
    expect(() => store.insert(1, [record('a', 'A')])).toThrow();
  });
});

describe('RecordChecks', () => {
  const omission = countFlags([{ kind: 'omission', severity: 'major' }, { kind: 'omission', severity: 'minor' }]);

  it('stores checks per table, hands out unchecked rows after a cursor, and loses a check with its record', () => {
    store.insert(1, [record('a', 'Alpha'), record('b', 'Beta'), record('c', 'Gamma')]);
    const checks = store.openChecks();
    const other = store.openChecks();
    const first = checks.unchecked(2, null);
    expect(first.map((row) => row.record.id)).toEqual(['a', 'b']);
    checks.set([{ seq: first[0]!.seq, counts: omission, terms: [{ term: 'trachoma', rendering: '沙眼' }] }]);
    // After the cursor: 'c' only, though 'b' is still unchecked.
    expect(checks.unchecked(5, first[1]!.cursor).map((row) => row.record.id)).toEqual(['c']);
    expect(checks.unchecked(5, null).map((row) => row.record.id)).toEqual(['b', 'c']);
    expect(checks.count()).toBe(1);
    expect(other.count()).toBe(0);
    expect(checks.summary(first[0]!.seq)).toMatchObject({ id: 'a', flags: omission });
    expect(other.summary(first[0]!.seq)).toMatchObject({ id: 'a', flags: null });
    const seqs = store.ids().map(([seq]) => seq);
    expect(checks.flagRows()).toEqual([
      [seqs[0], 0b10, 0b110],
      [seqs[1], null, null],
      [seqs[2], null, null],
    ]);
    expect(store.ids().map(([, id]) => id)).toEqual(['a', 'b', 'c']);
    expect(store.seqOf('b')).toBe(seqs[1]);
    expect([...checks.termSummaries()]).toEqual([{ id: 'a', terms: [{ term: 'trachoma', rendering: '沙眼' }] }]);
    store.deleteSource(1);
    expect(checks.count()).toBe(0);
    // A check for a row gone meanwhile is dropped, not attached to a later row.
    checks.set([{ seq: first[1]!.seq, counts: omission, terms: [] }]);
    expect(checks.count()).toBe(0);
    store.insert(2, [record('a', 'Alpha again')]);
    expect(checks.unchecked(5, null).map((row) => row.record.en.title)).toEqual(['Alpha again']);
    checks.drop();
  });

  it('searches the folded texts as the list search does', () => {
    store.insert(1, [record('a', 'Trachoma grading', '沙眼分级'), record('b', 'ΣΟΦΙΑ', '希腊'), record('c', 'Plain')]);
    const idOf = new Map(store.ids());
    const found = (query: string) => store.textMatches(searchNeedle(query)!).map((seq) => idOf.get(seq));
    expect(found('TRACHOMA')).toEqual(['a']);
    expect(found('沙眼')).toEqual(['a']);
    expect(found('σοφια')).toEqual(['b']);
    expect(found('abstract   of')).toEqual(['a', 'b', 'c']);
    // The texts are joined by line breaks, which a needle never holds: no match across two texts.
    expect(found('grading abstract')).toEqual([]);
  });

  it('searches among given rows only, finding there what the full search finds', () => {
    store.insert(1, [record('a', 'Trachoma grading', '沙眼分级'), record('b', 'Trachoma again', '沙眼'), record('c', 'Plain')]);
    const seqOf = new Map(store.ids().map(([seq, id]) => [id, seq]));
    const [a, b, c] = [seqOf.get('a')!, seqOf.get('b')!, seqOf.get('c')!];
    expect(store.textMatchesAmong('trachoma', [a, c]).sort()).toEqual([a]);
    expect(store.textMatchesAmong('沙眼', [a, b, c]).sort()).toEqual(store.textMatches('沙眼').sort());
    expect(store.textMatchesAmong('trachoma', [])).toEqual([]);
    // A row that no longer exists is no match.
    expect(store.textMatchesAmong('trachoma', [a + 1000])).toEqual([]);
  });
});

describe('flag bits', () => {
  it('round-trip the kinds and severities present', () => {
    const counts = countFlags([{ kind: 'punctuation', severity: 'minor' }, { kind: 'number-mismatch', severity: 'critical' }]);
    const [kinds, severities] = flagBits(counts);
    expect(flagsFromBits(kinds, severities)).toEqual({ total: 0, bySeverity: { critical: 1, major: 0, minor: 1 }, byKind: { punctuation: 1, 'number-mismatch': 1 } });
  });
});

describe('foldForSearch', () => {
  // Letters whose lower case and case folding differ, cased letters of several scripts, and text with no case.
  const alphabet = ['a', 'B', 'é', 'É', 'ß', 'ẞ', 'ς', 'σ', 'Σ', 'ſ', 's', 'S', 'K', 'k', 'K', 'ϑ', 'θ', 'Θ', 'ᾳ', 'ι', 'Ι', '\u1fbe', 'ǅ', 'ǆ', 'Ǆ', 'я', 'Я', '沙', '眼', '1', ' ', '.'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));

  it('finds a needle in a text exactly when the list search (textMatcher) does', () => {
    fc.assert(
      fc.property(text, text, (haystack, query) => {
        const needle = searchNeedle(query);
        const matcher = textMatcher(query);
        if (needle === null || matcher === null) return needle === matcher;
        expect(foldForSearch(haystack).includes(needle)).toBe(matcher([haystack]));
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it('joins a record’s four texts, folded', () => {
    expect(searchTextOf(record('x', 'A Title'))).toBe('a title\nabstract of a title.\na title的标题\n摘要。');
  });
});
