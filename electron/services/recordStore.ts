import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { RecordSummary } from '../../shared/contract/channels.ts';
import { FINDING_KINDS, SEVERITIES, type RecordFlagCounts } from '../../shared/contract/recordQuery.ts';
import type { ReviewRecord } from '../../shared/records/model.ts';
import { displayTitle } from '../../shared/records/displayTitle.ts';
import type { TermRenderingSummary } from '../../shared/terms/termInconsistency.ts';
import { RecentMap } from '../../shared/collections/recentMap.ts';

/**
 * The opened records, on disk: a SQLite file per library in the temp folder, so memory holds a
 * few records (the one shown and its neighbours) rather than every record of a 1 GB file.
 *
 * The file is a cache of what the opened files hold, rebuilt whenever they are opened, so nothing
 * in it needs to survive a crash: `synchronous = OFF` (no fsync) and the rollback journal kept in
 * memory (a batch insert can still roll back, and there is no journal file to clean up). It is
 * deleted on close, at process exit, and, for a process that died without either, by the next
 * store opened in the same temp folder.
 *
 * Rows are in list order: `source` is the place of the file that loaded the row (a file opened
 * again gets a new, larger number, so it moves to the end of the list, as it did when the list
 * was an insertion-ordered Map), `seq` the order within it and the row's identity (never reused:
 * AUTOINCREMENT). A row carries what the record list needs without parsing the record (summary
 * columns); the case-folded search text and the record's JSON are rows of their own tables, so
 * paging the list and filtering it read ~100 bytes a record, not the record. Flag checks live in tables of their own, one per
 * `RecordChecks` (one per record index), whose rows go with the record's row when its file is
 * replaced or the library cleared, as a WeakMap entry went with the record object before.
 */
export interface RecordStoreOptions {
  /** Where the file goes; the system temp folder by default. */
  directory?: string;
  /** Records kept parsed (the one shown and its neighbours). Default 16. */
  cacheSize?: number;
}

/** One row's flag check, as the background checking stores it. */
export interface StoredCheck {
  seq: number;
  counts: RecordFlagCounts;
  terms: readonly TermRenderingSummary[];
}

/** Where the background check has got to in list order. */
export interface CheckCursor {
  source: number;
  seq: number;
}

/**
 * What the list filters look at in one row: `[seq, kinds, severities]`, the two bit sets over
 * FINDING_KINDS and SEVERITIES, null until checked.
 */
export type FlagRow = [number, number | null, number | null];

export interface StoredSummaryRow extends RecordSummary {
  flags: RecordFlagCounts | null;
}

const FILE_PREFIX = 'abstract-review-records-';
const openStores = new Set<RecordStore>();
let exitHooked = false;
let checkTables = 0;

export class RecordStore {
  readonly file: string;
  private readonly db: DatabaseSync;
  private readonly cache: RecentMap<string, ReviewRecord>;
  private readonly statements: Record<
    'insert' | 'insertText' | 'insertBody' | 'exists' | 'get' | 'page' | 'count' | 'deleteSource' | 'textMatches' | 'textMatchesAmong' | 'ids' | 'seqOf',
    StatementSync
  >;
  private closed = false;

  constructor(options: RecordStoreOptions = {}) {
    const directory = options.directory ?? tmpdir();
    removeStaleFiles(directory);
    this.file = join(directory, `${FILE_PREFIX}${process.pid}-${randomUUID()}.sqlite`);
    this.cache = new RecentMap(options.cacheSize ?? 16);
    this.db = new DatabaseSync(this.file);
    this.db.exec(`
      PRAGMA journal_mode = MEMORY;
      PRAGMA synchronous = OFF;
      PRAGMA foreign_keys = ON;
      PRAGMA cache_size = -8192;
      CREATE TABLE records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        source INTEGER NOT NULL,
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        title_zh TEXT,
        file TEXT NOT NULL,
        format TEXT NOT NULL
      );
      CREATE TABLE texts (seq INTEGER PRIMARY KEY REFERENCES records(seq) ON DELETE CASCADE, search TEXT NOT NULL);
      CREATE TABLE bodies (seq INTEGER PRIMARY KEY REFERENCES records(seq) ON DELETE CASCADE, json TEXT NOT NULL);
      CREATE UNIQUE INDEX records_id ON records(id);
      CREATE INDEX records_order ON records(source, seq);
    `);
    const prepare = (sql: string): StatementSync => this.db.prepare(sql);
    const summaryColumns = 'id, title, title_zh AS titleZh, file, format';
    this.statements = {
      insert: prepare(
        'INSERT INTO records (source, id, title, title_zh, file, format) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ),
      insertText: prepare('INSERT INTO texts (seq, search) VALUES (?, ?)'),
      insertBody: prepare('INSERT INTO bodies (seq, json) VALUES (?, ?)'),
      exists: prepare('SELECT 1 FROM records WHERE id = ?'),
      get: prepare('SELECT b.json FROM records r JOIN bodies b ON b.seq = r.seq WHERE r.id = ?'),
      page: arrays(prepare(`SELECT ${summaryColumns} FROM records ORDER BY source, seq LIMIT ? OFFSET ?`)),
      textMatches: arrays(prepare('SELECT r.seq FROM records r JOIN texts t ON t.seq = r.seq WHERE instr(t.search, ?) > 0 ORDER BY r.source, r.seq')),
      textMatchesAmong: arrays(prepare('SELECT t.seq FROM json_each(?) j JOIN texts t ON t.seq = j.value WHERE instr(t.search, ?) > 0')),
      ids: arrays(prepare('SELECT seq, id FROM records ORDER BY source, seq')),
      seqOf: prepare('SELECT seq FROM records WHERE id = ?'),
      count: prepare('SELECT count(*) AS n FROM records'),
      deleteSource: prepare('DELETE FROM records WHERE source = ?'),
    };
    openStores.add(this);
    if (!exitHooked) {
      exitHooked = true;
      process.once('exit', () => {
        for (const store of openStores) store.close();
      });
    }
  }

  /**
   * Adds records at the end of `source`, in one transaction; an id already taken (by another
   * file, or earlier in the same one) gets the first free `#2`, `#3` … suffix. Returns how many were added.
   */
  insert(source: number, records: readonly ReviewRecord[]): number {
    if (records.length === 0) return 0;
    this.transaction(() => {
      for (const given of records) {
        const summary = [given.zh?.title ?? null, given.source.file, given.format] as const;
        let record = given;
        let added = this.statements.insert.run(source, record.id, displayTitle(record), ...summary);
        if (added.changes === 0) {
          let n = 2;
          while (this.statements.exists.get(`${given.id}#${n}`)) n += 1;
          record = { ...given, id: `${given.id}#${n}` };
          // The title may be the id itself (a record with no text), so it is worked out again.
          added = this.statements.insert.run(source, record.id, displayTitle(record), ...summary);
        }
        this.statements.insertText.run(added.lastInsertRowid, searchTextOf(record));
        this.statements.insertBody.run(added.lastInsertRowid, JSON.stringify(record));
      }
    });
    return records.length;
  }

  /** Removes every row `source` added. */
  deleteSource(source: number): void {
    this.statements.deleteSource.run(source);
    this.cache.clear();
  }

  clear(): void {
    this.db.exec('DELETE FROM records');
    this.cache.clear();
  }

  count(): number {
    return Number((this.statements.count.get() as { n: number }).n);
  }

  /** Summaries `start` … `start + limit - 1` of the list. */
  page(start: number, limit: number): RecordSummary[] {
    return rowArrays(this.statements.page, Math.min(limit, Number.MAX_SAFE_INTEGER), start).map(([id, title, titleZh, file, format]) => ({ id, title, titleZh, file, format }) as RecordSummary);
  }

  /** The `seq` of every row whose search text holds `needle` (from `searchNeedle`), in list order. */
  textMatches(needle: string): number[] {
    return rowArrays(this.statements.textMatches, needle).map((row) => row[0] as number);
  }

  /**
   * Those of the rows `seqs` whose search text holds `needle`, in no set order: reads only their
   * texts, where `textMatches` reads every row's (half a second at 100,000 records).
   */
  textMatchesAmong(needle: string, seqs: Iterable<number>): number[] {
    return rowArrays(this.statements.textMatchesAmong, JSON.stringify([...seqs]), needle).map((row) => row[0] as number);
  }

  /** `[seq, id]` of every row, in list order. */
  ids(): [number, string][] {
    return rowArrays(this.statements.ids) as [number, string][];
  }

  seqOf(id: string): number | undefined {
    return (this.statements.seqOf.get(id) as { seq: number } | undefined)?.seq;
  }

  /** The record with this id, parsed from its row; the last few asked for are kept parsed. */
  get(id: string): ReviewRecord | undefined {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = this.statements.get.get(id) as { json: string } | undefined;
    if (!row) return undefined;
    const record = JSON.parse(row.json) as ReviewRecord;
    this.cache.set(id, record);
    return record;
  }

  /** A new, empty table of flag checks over these records (see `RecordChecks`). */
  openChecks(): RecordChecks {
    return new RecordChecks(this.db, `checks_${++checkTables}`, (write) => this.transaction(write));
  }

  /** Closes the database and deletes its file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    openStores.delete(this);
    this.cache.clear();
    try {
      this.db.close();
    } finally {
      rmSync(this.file, { force: true });
    }
  }

  private transaction(write: () => void): void {
    if (this.closed) throw new Error('The record store is closed');
    this.db.exec('BEGIN');
    try {
      write();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * One record index's flag checks: counts and term summaries per record row, in a table of their
 * own that loses a row with its record's (a foreign key with ON DELETE CASCADE).
 */
export class RecordChecks {
  private readonly db: DatabaseSync;
  private readonly table: string;
  private readonly transaction: (write: () => void) => void;
  private readonly statements: Record<'unchecked' | 'uncheckedAfter' | 'set' | 'count' | 'summary' | 'terms' | 'flagRows', StatementSync>;

  constructor(db: DatabaseSync, table: string, transaction: (write: () => void) => void) {
    this.db = db;
    this.table = table;
    this.transaction = transaction;
    db.exec(`CREATE TABLE ${table} (
      seq INTEGER PRIMARY KEY REFERENCES records(seq) ON DELETE CASCADE,
      flags TEXT NOT NULL,
      kinds INTEGER NOT NULL,
      severities INTEGER NOT NULL,
      terms TEXT
    )`);
    const unchecked = `SELECT r.source, r.seq, b.json FROM records r JOIN bodies b ON b.seq = r.seq LEFT JOIN ${table} c ON c.seq = r.seq WHERE c.seq IS NULL`;
    this.statements = {
      unchecked: db.prepare(`${unchecked} ORDER BY r.source, r.seq LIMIT ?`),
      uncheckedAfter: db.prepare(`${unchecked} AND (r.source, r.seq) > (?, ?) ORDER BY r.source, r.seq LIMIT ?`),
      set: db.prepare(`INSERT OR REPLACE INTO ${table} (seq, flags, kinds, severities, terms) SELECT seq, ?, ?, ?, ? FROM records WHERE seq = ?`),
      count: db.prepare(`SELECT count(*) AS n FROM ${table}`),
      summary: db.prepare(`SELECT r.id, r.title, r.title_zh AS titleZh, r.file, r.format, c.flags FROM records r LEFT JOIN ${table} c ON c.seq = r.seq WHERE r.seq = ?`),
      terms: db.prepare(`SELECT r.id, c.terms FROM ${table} c JOIN records r ON r.seq = c.seq WHERE c.terms IS NOT NULL ORDER BY r.source, r.seq`),
      flagRows: arrays(db.prepare(`SELECT r.seq, c.kinds, c.severities FROM records r LEFT JOIN ${table} c ON c.seq = r.seq ORDER BY r.source, r.seq`)),
    };
  }

  /**
   * Up to `limit` rows with no check yet, in list order, after `cursor` (where the last batch
   * ended: without it each batch would skip every checked row again) or from the start.
   */
  unchecked(limit: number, cursor: CheckCursor | null): { cursor: CheckCursor; seq: number; record: ReviewRecord }[] {
    const rows = cursor === null ? this.statements.unchecked.all(limit) : this.statements.uncheckedAfter.all(cursor.source, cursor.seq, limit);
    return rows.map((row) => {
      const { source, seq, json } = row as { source: number; seq: number; json: string };
      return { cursor: { source, seq }, seq, record: JSON.parse(json) as ReviewRecord };
    });
  }

  /** Stores checks, in one transaction; a row whose record is gone is skipped. */
  set(checks: readonly StoredCheck[]): void {
    if (checks.length === 0) return;
    this.transaction(() => {
      for (const { seq, counts, terms } of checks) {
        const [kinds, severities] = flagBits(counts);
        this.statements.set.run(JSON.stringify(counts), kinds, severities, terms.length > 0 ? JSON.stringify(terms) : null, seq);
      }
    });
  }

  count(): number {
    return Number((this.statements.count.get() as { n: number }).n);
  }

  /** Every record row's flag bits, in list order. */
  flagRows(): FlagRow[] {
    return rowArrays(this.statements.flagRows) as FlagRow[];
  }

  /** A row's summary and flag counts (null: not checked). */
  summary(seq: number): StoredSummaryRow | undefined {
    const row = this.statements.summary.get(seq) as (RecordSummary & { flags: string | null }) | undefined;
    return row && { id: row.id, title: row.title, titleZh: row.titleZh, file: row.file, format: row.format, flags: row.flags === null ? null : (JSON.parse(row.flags) as RecordFlagCounts) };
  }

  /** The term summaries of every checked row that has some, in list order. */
  *termSummaries(): Generator<{ id: string; terms: readonly TermRenderingSummary[] }> {
    for (const row of this.statements.terms.iterate() as Iterable<{ id: string; terms: string }>) {
      yield { id: row.id, terms: JSON.parse(row.terms) as TermRenderingSummary[] };
    }
  }

  /** Drops the table (the index is disposed of). */
  drop(): void {
    try {
      this.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
    } catch {
      // The store was closed first: its file, and the table, are gone already.
    }
  }
}

/**
 * Rows as arrays: node:sqlite builds an object per row several times slower than an array, and
 * the list's filter pass reads every row.
 */
function arrays(statement: StatementSync): StatementSync {
  // Node 22.16+ and 24; on an older runtime `rowArrays` turns the objects into arrays instead.
  if (typeof statement.setReturnArrays === 'function') statement.setReturnArrays(true);
  return statement;
}

function rowArrays(statement: StatementSync, ...parameters: SQLInputValue[]): SQLOutputValue[][] {
  const rows = statement.all(...parameters);
  // Rows of one statement share one shape: arrays already (see `arrays`) are not copied, which for
  // the list's flag rows is 100,000 arrays per filtering.
  if (rows.length === 0 || Array.isArray(rows[0])) return rows as unknown as SQLOutputValue[][];
  return rows.map((row) => Object.values(row));
}

/** A record's flag counts as two bit sets: the kinds and the severities it has at least one flag of. */
export function flagBits(counts: RecordFlagCounts): [number, number] {
  let kinds = 0;
  FINDING_KINDS.forEach((kind, bit) => {
    if ((counts.byKind[kind] ?? 0) > 0) kinds |= 1 << bit;
  });
  let severities = 0;
  SEVERITIES.forEach((severity, bit) => {
    if (counts.bySeverity[severity] > 0) severities |= 1 << bit;
  });
  return [kinds, severities];
}

/** Flag counts standing for two bit sets: one flag of each kind and severity present, which is all the list filters look at. */
export function flagsFromBits(kinds: number, severities: number): RecordFlagCounts {
  const counts: RecordFlagCounts = { total: 0, bySeverity: { critical: 0, major: 0, minor: 0 }, byKind: {} };
  FINDING_KINDS.forEach((kind, bit) => {
    if (kinds & (1 << bit)) counts.byKind[kind] = 1;
  });
  SEVERITIES.forEach((severity, bit) => {
    if (severities & (1 << bit)) counts.bySeverity[severity] = 1;
  });
  return counts;
}

/**
 * Characters whose lower case is not what a case-insensitive regular expression (`/…/iu`, the
 * list search's semantics) compares them by: Unicode simple case folding maps them elsewhere.
 */
const FOLD_AFTER_LOWER: Record<string, string> = {
  '\u03c2': '\u03c3', // ς final sigma → σ
  '\u017f': 's', // ſ long s
  '\u03d0': '\u03b2', // ϐ → β
  '\u03d1': '\u03b8', // ϑ → θ
  '\u03d5': '\u03c6', // ϕ → φ
  '\u03d6': '\u03c0', // ϖ → π
  '\u03f0': '\u03ba', // ϰ → κ
  '\u03f1': '\u03c1', // ϱ → ρ
  '\u03f5': '\u03b5', // ϵ → ε
  '\u1e9b': '\u1e61', // ẛ → ṡ
  '\u1fbe': '\u03b9', // ι prosgegrammeni → ι
  '\u0345': '\u03b9', // combining ypogegrammeni → ι
};
const FOLD_PATTERN = new RegExp(Object.keys(FOLD_AFTER_LOWER).join('|'), 'gu');

/**
 * Case-folds text for the stored search column, so that a folded needle found in it with
 * SQLite's `instr` is what `textMatcher` (shared/review/recordQuery.ts) finds with `/needle/iu`.
 * Lower case is simple case folding for all but a few Greek and Latin letters, mapped after it.
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase().replace(FOLD_PATTERN, (c) => FOLD_AFTER_LOWER[c] ?? c);
}

/**
 * What `filterRows` looks for, for the list's search text: null for a blank query; whitespace
 * runs become one space, as in `textMatcher`, and the rest is folded (a needle with no cased
 * letters, which `textMatcher` compares as it is, folds to itself).
 */
export function searchNeedle(query: string | undefined): string | null {
  const needle = query?.trim().replace(/\s+/gu, ' ') ?? '';
  if (needle === '') return null;
  return foldForSearch(needle);
}

/**
 * The four searched texts, folded, one per line: the needle never holds a line break (whitespace
 * is collapsed to spaces), so a match never spans two texts.
 */
export function searchTextOf(record: ReviewRecord): string {
  return foldForSearch([record.en.title, record.en.abstract, record.zh?.title ?? '', record.zh?.abstract ?? ''].join('\n'));
}

/** Files of stores whose process is gone (killed before its exit hook ran). */
function removeStaleFiles(directory: string): void {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.startsWith(FILE_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(FILE_PREFIX.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(directory, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
