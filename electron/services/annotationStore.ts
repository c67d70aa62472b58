import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type {
  AlignmentCorrection,
  Annotation,
  AnnotationInput,
  FlagDecision,
  FlagDecisionKind,
  GlossaryEntry,
  ReviewState,
  ReviewStatus,
  TextSpan,
} from '../../shared/contract/annotations.ts';
import { migrate } from './storeMigrations.ts';

/**
 * Everything the app persists about a review, behind an interface so services and tests do not
 * depend on SQLite. Later issues (annotation UI, flags, glossary, alignment) fill these tables;
 * each has a small typed method set now.
 */
export interface AnnotationRepository {
  createAnnotation(input: AnnotationInput): Annotation;
  updateAnnotation(id: string, patch: Partial<Omit<AnnotationInput, 'recordId'>>): Annotation | null;
  /** Soft delete: the row stays (with `deleted: true`) so an export can show what was withdrawn and undo is possible. */
  deleteAnnotation(id: string): boolean;
  restoreAnnotation(id: string): boolean;
  getAnnotation(id: string): Annotation | null;
  listAnnotations(recordId: string, options?: { includeDeleted?: boolean }): Annotation[];

  getReviewState(recordId: string): ReviewState | null;
  setReviewState(recordId: string, status: ReviewStatus, reviewer: string): ReviewState;
  listReviewStates(): ReviewState[];

  setFlagDecision(decision: Omit<FlagDecision, 'updated'>): FlagDecision;
  listFlagDecisions(recordId: string): FlagDecision[];
  clearFlagDecision(recordId: string, flagKey: string): boolean;

  upsertGlossaryEntry(entry: Omit<GlossaryEntry, 'updated'>): GlossaryEntry;
  listGlossary(): GlossaryEntry[];
  deleteGlossaryEntry(term: string): boolean;

  addAlignmentCorrection(correction: Omit<AlignmentCorrection, 'id' | 'created'>): AlignmentCorrection;
  listAlignmentCorrections(recordId: string): AlignmentCorrection[];

  getSetting(key: string): string | null;
  setSetting(key: string, value: string): void;
  deleteSetting(key: string): boolean;

  close(): void;
}

export interface StoreOptions {
  /** Clock for `created`/`updated` stamps; tests pass a fixed one. */
  now?: () => Date;
}

type Row = Record<string, unknown>;

/**
 * Opens (creating if needed) the review database at `file` and migrates it to the latest schema.
 *
 * Journal mode WAL lets the UI read while a write commits. `synchronous = FULL` rather than
 * NORMAL: under WAL, NORMAL can lose the last commits on power loss (the database stays
 * consistent, but the annotations are gone), and an annotation is a reviewer's minutes of work.
 * Writes are human-paced (a few per minute), so one extra fsync per commit costs nothing felt.
 */
export function openAnnotationStore(file: string, options: StoreOptions = {}): SqliteAnnotationRepository {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file, { timeout: 5000 });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteAnnotationRepository(db, options.now ?? (() => new Date()));
}

/** The SQLite implementation of `AnnotationRepository` (through `node:sqlite`, no native addon). */
export class SqliteAnnotationRepository implements AnnotationRepository {
  readonly db: DatabaseSync;
  private readonly now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private one(sql: string, ...params: SQLInputValue[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined;
  }

  private all(sql: string, ...params: SQLInputValue[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[];
  }

  private run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.db.prepare(sql).run(...params).changes);
  }

  createAnnotation(input: AnnotationInput): Annotation {
    const id = randomUUID();
    const time = this.stamp();
    this.run(
      `INSERT INTO annotations (id, record_id, en_sentences, zh_sentences, span, category, severity, comment, correction, created, updated, deleted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      id, input.recordId, JSON.stringify(input.enSentences), JSON.stringify(input.zhSentences),
      input.span === null ? null : JSON.stringify(input.span), input.category, input.severity, input.comment,
      input.correction, time, time,
    );
    return { ...input, id, created: time, updated: time, deleted: false };
  }

  updateAnnotation(id: string, patch: Partial<Omit<AnnotationInput, 'recordId'>>): Annotation | null {
    const current = this.getAnnotation(id);
    if (!current) return null;
    const next: Annotation = { ...current, ...stripUndefined(patch), recordId: current.recordId, updated: this.stamp() };
    this.run(
      `UPDATE annotations SET en_sentences = ?, zh_sentences = ?, span = ?, category = ?, severity = ?, comment = ?, correction = ?, updated = ?
       WHERE id = ?`,
      JSON.stringify(next.enSentences), JSON.stringify(next.zhSentences), next.span === null ? null : JSON.stringify(next.span),
      next.category, next.severity, next.comment, next.correction, next.updated, id,
    );
    return next;
  }

  deleteAnnotation(id: string): boolean {
    return this.run('UPDATE annotations SET deleted = 1, updated = ? WHERE id = ? AND deleted = 0', this.stamp(), id) > 0;
  }

  restoreAnnotation(id: string): boolean {
    return this.run('UPDATE annotations SET deleted = 0, updated = ? WHERE id = ? AND deleted = 1', this.stamp(), id) > 0;
  }

  getAnnotation(id: string): Annotation | null {
    const row = this.one('SELECT * FROM annotations WHERE id = ?', id);
    return row ? annotationFromRow(row) : null;
  }

  listAnnotations(recordId: string, options: { includeDeleted?: boolean } = {}): Annotation[] {
    const sql = options.includeDeleted
      ? 'SELECT * FROM annotations WHERE record_id = ? ORDER BY created, rowid'
      : 'SELECT * FROM annotations WHERE record_id = ? AND deleted = 0 ORDER BY created, rowid';
    return this.all(sql, recordId).map(annotationFromRow);
  }

  getReviewState(recordId: string): ReviewState | null {
    const row = this.one('SELECT * FROM review_state WHERE record_id = ?', recordId);
    return row ? reviewStateFromRow(row) : null;
  }

  setReviewState(recordId: string, status: ReviewStatus, reviewer: string): ReviewState {
    const updated = this.stamp();
    this.run(
      `INSERT INTO review_state (record_id, status, reviewer, updated) VALUES (?, ?, ?, ?)
       ON CONFLICT (record_id) DO UPDATE SET status = excluded.status, reviewer = excluded.reviewer, updated = excluded.updated`,
      recordId, status, reviewer, updated,
    );
    return { recordId, status, reviewer, updated };
  }

  listReviewStates(): ReviewState[] {
    return this.all('SELECT * FROM review_state ORDER BY record_id').map(reviewStateFromRow);
  }

  setFlagDecision(decision: Omit<FlagDecision, 'updated'>): FlagDecision {
    const updated = this.stamp();
    this.run(
      `INSERT INTO flag_decisions (record_id, flag_key, decision, reviewer, note, updated) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (record_id, flag_key) DO UPDATE SET decision = excluded.decision, reviewer = excluded.reviewer,
         note = excluded.note, updated = excluded.updated`,
      decision.recordId, decision.flagKey, decision.decision, decision.reviewer, decision.note, updated,
    );
    return { ...decision, updated };
  }

  listFlagDecisions(recordId: string): FlagDecision[] {
    return this.all('SELECT * FROM flag_decisions WHERE record_id = ? ORDER BY flag_key', recordId).map((row) => ({
      recordId: String(row.record_id),
      flagKey: String(row.flag_key),
      decision: String(row.decision) as FlagDecisionKind,
      reviewer: String(row.reviewer),
      note: String(row.note),
      updated: String(row.updated),
    }));
  }

  clearFlagDecision(recordId: string, flagKey: string): boolean {
    return this.run('DELETE FROM flag_decisions WHERE record_id = ? AND flag_key = ?', recordId, flagKey) > 0;
  }

  upsertGlossaryEntry(entry: Omit<GlossaryEntry, 'updated'>): GlossaryEntry {
    const updated = this.stamp();
    this.run(
      `INSERT INTO glossary (term, preferred, forbidden, note, updated) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (term) DO UPDATE SET preferred = excluded.preferred, forbidden = excluded.forbidden,
         note = excluded.note, updated = excluded.updated`,
      entry.term, entry.preferred, JSON.stringify(entry.forbidden), entry.note, updated,
    );
    return { ...entry, updated };
  }

  listGlossary(): GlossaryEntry[] {
    return this.all('SELECT * FROM glossary ORDER BY term COLLATE NOCASE').map((row) => ({
      term: String(row.term),
      preferred: String(row.preferred),
      forbidden: parseJsonArray(row.forbidden).map(String),
      note: String(row.note),
      updated: String(row.updated),
    }));
  }

  deleteGlossaryEntry(term: string): boolean {
    return this.run('DELETE FROM glossary WHERE term = ?', term) > 0;
  }

  addAlignmentCorrection(correction: Omit<AlignmentCorrection, 'id' | 'created'>): AlignmentCorrection {
    const created = this.stamp();
    const result = this.db
      .prepare('INSERT INTO alignment_corrections (record_id, en_sentences, zh_sentences, action, reviewer, created) VALUES (?, ?, ?, ?, ?, ?)')
      .run(correction.recordId, JSON.stringify(correction.enSentences), JSON.stringify(correction.zhSentences), correction.action, correction.reviewer, created);
    return { ...correction, id: Number(result.lastInsertRowid), created };
  }

  listAlignmentCorrections(recordId: string): AlignmentCorrection[] {
    return this.all('SELECT * FROM alignment_corrections WHERE record_id = ? ORDER BY id', recordId).map((row) => ({
      id: Number(row.id),
      recordId: String(row.record_id),
      enSentences: parseJsonArray(row.en_sentences).map(Number),
      zhSentences: parseJsonArray(row.zh_sentences).map(Number),
      action: String(row.action) as 'link' | 'unlink',
      reviewer: String(row.reviewer),
      created: String(row.created),
    }));
  }

  getSetting(key: string): string | null {
    const row = this.one('SELECT value FROM settings WHERE key = ?', key);
    return row ? String(row.value) : null;
  }

  setSetting(key: string, value: string): void {
    this.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
  }

  deleteSetting(key: string): boolean {
    return this.run('DELETE FROM settings WHERE key = ?', key) > 0;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

function annotationFromRow(row: Row): Annotation {
  return {
    id: String(row.id),
    recordId: String(row.record_id),
    enSentences: parseJsonArray(row.en_sentences).map(Number),
    zhSentences: parseJsonArray(row.zh_sentences).map(Number),
    span: row.span === null ? null : (JSON.parse(String(row.span)) as TextSpan),
    category: String(row.category),
    severity: String(row.severity) as Annotation['severity'],
    comment: String(row.comment),
    correction: row.correction === null ? null : String(row.correction),
    created: String(row.created),
    updated: String(row.updated),
    deleted: Number(row.deleted) === 1,
  };
}

function reviewStateFromRow(row: Row): ReviewState {
  return { recordId: String(row.record_id), status: String(row.status) as ReviewStatus, reviewer: String(row.reviewer), updated: String(row.updated) };
}

function parseJsonArray(value: unknown): unknown[] {
  const parsed: unknown = JSON.parse(String(value ?? '[]'));
  return Array.isArray(parsed) ? parsed : [];
}

function stripUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
