import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationInput } from '../../shared/contract/annotations.ts';
import { openAnnotationStore, type SqliteAnnotationRepository } from './annotationStore.ts';
import { latestSchemaVersion, migrate, migrations, schemaVersion } from './storeMigrations.ts';

let folder: string;
let file: string;
const open: SqliteAnnotationRepository[] = [];

function openStore(clock?: () => Date): SqliteAnnotationRepository {
  const store = openAnnotationStore(file, clock ? { now: clock } : {});
  open.push(store);
  return store;
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'review-store-'));
  file = join(folder, 'nested', 'review.sqlite');
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(folder, { recursive: true, force: true });
});

const input: AnnotationInput = {
  recordId: '10.3233/NRE-230270',
  enSentences: [0],
  zhSentences: [0, 1],
  span: { side: 'zh', start: 4, end: 9 },
  category: 'accuracy/mistranslation',
  severity: 'major',
  comment: '“治疗联盟” should be “治疗同盟”',
  correction: '军队中的神经康复因创伤后应激障碍发生率较高而更加复杂。',
};

function tableNames(db: DatabaseSync): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('create every table on an empty file, in WAL mode, and record the version', () => {
    const store = openStore();
    expect(existsSync(file)).toBe(true);
    expect(schemaVersion(store.db)).toBe(latestSchemaVersion);
    expect(tableNames(store.db)).toEqual(['alignment_corrections', 'annotations', 'flag_decisions', 'glossary', 'review_state', 'settings']);
    expect(store.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(store.db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
  });

  it('upgrade a version 1 file and keep its data', () => {
    const v1 = new DatabaseSync(file.replace('nested/', ''));
    migrate(v1, 1);
    expect(schemaVersion(v1)).toBe(1);
    expect(tableNames(v1)).toEqual(['annotations', 'review_state', 'settings']);
    v1.prepare("INSERT INTO settings (key, value) VALUES ('uiLanguage', 'zh-CN')").run();
    v1.prepare("INSERT INTO review_state (record_id, status, reviewer, updated) VALUES ('r1', 'reviewed', 'Li', '2026-01-01T00:00:00.000Z')").run();
    v1.close();

    file = file.replace('nested/', '');
    const store = openStore();
    expect(schemaVersion(store.db)).toBe(2);
    expect(store.getSetting('uiLanguage')).toBe('zh-CN');
    expect(store.getReviewState('r1')).toEqual({ recordId: 'r1', status: 'reviewed', reviewer: 'Li', updated: '2026-01-01T00:00:00.000Z' });
    expect(store.listGlossary()).toEqual([]);
  });

  it('running again is a no-op', () => {
    openStore().close();
    const db = new DatabaseSync(file);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('refuse a file from a newer build and leave it untouched', () => {
    const db = new DatabaseSync(file.replace('nested/', ''));
    db.exec('PRAGMA user_version = 99');
    db.close();
    file = file.replace('nested/', '');
    expect(() => openStore()).toThrow(/schema version 99/);
  });

  it('roll back a failing migration and keep the previous version', () => {
    const db = new DatabaseSync(':memory:');
    const broken = [...migrations, { version: 3, description: 'broken', up: (d: DatabaseSync) => d.exec('CREATE TABLE x (a); CREATE TABLE x (a);') }];
    expect(() => migrate(db, 3, broken)).toThrow(/Migration 3 \(broken\) failed/);
    expect(schemaVersion(db)).toBe(2);
    expect(tableNames(db)).not.toContain('x');
    db.close();
  });
});

describe('annotations', () => {
  it('create, read back after reopening, update, soft delete and restore', () => {
    let tick = Date.parse('2026-03-01T10:00:00.000Z');
    const clock = () => new Date((tick += 1000));
    const store = openStore(clock);
    const created = store.createAnnotation(input);
    expect(created).toMatchObject({ ...input, deleted: false, created: '2026-03-01T10:00:01.000Z' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    store.close();

    const again = openStore(clock);
    expect(again.getAnnotation(created.id)).toEqual(created);

    const updated = again.updateAnnotation(created.id, { severity: 'critical', comment: 'changed', span: null });
    expect(updated).toMatchObject({ severity: 'critical', comment: 'changed', span: null, category: input.category, created: created.created });
    expect(updated?.updated).not.toBe(created.updated);
    expect(again.getAnnotation(created.id)).toEqual(updated);

    expect(again.deleteAnnotation(created.id)).toBe(true);
    expect(again.deleteAnnotation(created.id)).toBe(false);
    expect(again.listAnnotations(input.recordId)).toEqual([]);
    expect(again.listAnnotations(input.recordId, { includeDeleted: true })).toHaveLength(1);
    expect(again.restoreAnnotation(created.id)).toBe(true);
    expect(again.listAnnotations(input.recordId).map((a) => a.id)).toEqual([created.id]);
  });

  it('lists per record in creation order and ignores other records', () => {
    const store = openStore();
    const a = store.createAnnotation(input);
    const b = store.createAnnotation({ ...input, comment: 'second' });
    store.createAnnotation({ ...input, recordId: 'other' });
    expect(store.listAnnotations(input.recordId).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('returns null or false for unknown ids', () => {
    const store = openStore();
    expect(store.getAnnotation('nope')).toBeNull();
    expect(store.updateAnnotation('nope', { comment: 'x' })).toBeNull();
    expect(store.deleteAnnotation('nope')).toBe(false);
  });

  it('rejects a severity the schema does not allow', () => {
    const store = openStore();
    expect(() => store.createAnnotation({ ...input, severity: 'fatal' as never })).toThrow(/CHECK constraint/);
  });
});

describe('settings, review state, flags, glossary, alignment corrections', () => {
  it('settings: set, overwrite, read, delete', () => {
    const store = openStore();
    expect(store.getSetting('reviewerName')).toBeNull();
    store.setSetting('reviewerName', '王芳');
    store.setSetting('reviewerName', '李雷');
    expect(store.getSetting('reviewerName')).toBe('李雷');
    expect(store.deleteSetting('reviewerName')).toBe(true);
    expect(store.getSetting('reviewerName')).toBeNull();
  });

  it('review state: upsert and list', () => {
    const store = openStore();
    store.setReviewState('r2', 'in-progress', 'A');
    store.setReviewState('r1', 'reviewed', 'B');
    store.setReviewState('r2', 'reviewed', 'A');
    expect(store.listReviewStates().map((s) => [s.recordId, s.status])).toEqual([['r1', 'reviewed'], ['r2', 'reviewed']]);
  });

  it('flag decisions: upsert per (record, flag) and clear', () => {
    const store = openStore();
    store.setFlagDecision({ recordId: 'r', flagKey: 'number:3', decision: 'confirmed', reviewer: 'A', note: '' });
    store.setFlagDecision({ recordId: 'r', flagKey: 'number:3', decision: 'dismissed', reviewer: 'A', note: 'rounding' });
    expect(store.listFlagDecisions('r')).toMatchObject([{ flagKey: 'number:3', decision: 'dismissed', note: 'rounding' }]);
    expect(store.clearFlagDecision('r', 'number:3')).toBe(true);
    expect(store.listFlagDecisions('r')).toEqual([]);
  });

  it('glossary: terms are case-insensitive keys', () => {
    const store = openStore();
    store.upsertGlossaryEntry({ term: 'PTSD', preferred: '创伤后应激障碍', forbidden: ['创伤后压力症'], note: '' });
    store.upsertGlossaryEntry({ term: 'ptsd', preferred: '创伤后应激障碍', forbidden: [], note: 'updated' });
    expect(store.listGlossary()).toMatchObject([{ term: 'PTSD', forbidden: [], note: 'updated' }]);
    expect(store.deleteGlossaryEntry('PTSD')).toBe(true);
  });

  it('alignment corrections: append-only history per record', () => {
    const store = openStore();
    const first = store.addAlignmentCorrection({ recordId: 'r', enSentences: [1], zhSentences: [1, 2], action: 'link', reviewer: 'A' });
    store.addAlignmentCorrection({ recordId: 'r', enSentences: [1], zhSentences: [1, 2], action: 'unlink', reviewer: 'A' });
    const list = store.listAlignmentCorrections('r');
    expect(list.map((c) => c.action)).toEqual(['link', 'unlink']);
    expect(list[0]).toEqual(first);
  });
});
