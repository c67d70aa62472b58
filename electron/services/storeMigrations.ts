import type { DatabaseSync } from 'node:sqlite';

/**
 * The schema's history, oldest first. `PRAGMA user_version` records how many have run; opening a
 * database runs the missing ones in order, each in its own transaction together with the version
 * bump, so a crash mid-migration leaves the previous version intact.
 *
 * Never edit a migration that has shipped: add a new one. A database written by a newer build
 * (user_version above the last entry here) is refused rather than guessed at.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: DatabaseSync): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'review state, annotations and settings',
    up(db) {
      db.exec(`
        CREATE TABLE review_state (
          record_id TEXT PRIMARY KEY,
          status TEXT NOT NULL CHECK (status IN ('unreviewed', 'in-progress', 'reviewed', 'needs-second-look')),
          reviewer TEXT NOT NULL DEFAULT '',
          updated TEXT NOT NULL
        ) STRICT;
        CREATE TABLE annotations (
          id TEXT PRIMARY KEY,
          record_id TEXT NOT NULL,
          en_sentences TEXT NOT NULL DEFAULT '[]',
          zh_sentences TEXT NOT NULL DEFAULT '[]',
          span TEXT,
          category TEXT NOT NULL,
          severity TEXT NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
          comment TEXT NOT NULL DEFAULT '',
          correction TEXT,
          created TEXT NOT NULL,
          updated TEXT NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX annotations_by_record ON annotations (record_id, created);
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    description: 'flag decisions, glossary and alignment corrections',
    up(db) {
      db.exec(`
        CREATE TABLE flag_decisions (
          record_id TEXT NOT NULL,
          flag_key TEXT NOT NULL,
          decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
          reviewer TEXT NOT NULL DEFAULT '',
          note TEXT NOT NULL DEFAULT '',
          updated TEXT NOT NULL,
          PRIMARY KEY (record_id, flag_key)
        ) STRICT;
        CREATE TABLE glossary (
          term TEXT PRIMARY KEY COLLATE NOCASE,
          preferred TEXT NOT NULL,
          forbidden TEXT NOT NULL DEFAULT '[]',
          note TEXT NOT NULL DEFAULT '',
          updated TEXT NOT NULL
        ) STRICT;
        CREATE TABLE alignment_corrections (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          record_id TEXT NOT NULL,
          en_sentences TEXT NOT NULL,
          zh_sentences TEXT NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('link', 'unlink')),
          reviewer TEXT NOT NULL DEFAULT '',
          created TEXT NOT NULL
        ) STRICT;
        CREATE INDEX alignment_corrections_by_record ON alignment_corrections (record_id, id);
      `);
    },
  },
];

/** The schema version this build writes. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

/** Reads `PRAGMA user_version`. */
export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Brings `db` up to `target` (default: the latest), running each missing migration in its own
 * transaction. Returns the versions that ran. Throws when the file is newer than this build.
 */
export function migrate(db: DatabaseSync, target = latestSchemaVersion, list: readonly Migration[] = migrations): number[] {
  const current = schemaVersion(db);
  const newest = list.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(`The review database is at schema version ${current}, newer than this app understands (${newest}); update the app.`);
  }
  const ran: number[] = [];
  for (const migration of list) {
    if (migration.version <= current || migration.version > target) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(`Migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`, { cause: error });
    }
    ran.push(migration.version);
  }
  return ran;
}
