import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `write` in one immediate transaction on `db`: a multi-row change (an import, a rename) is
 * stored whole or not at all, and a throw rolls it back before rethrowing. IMMEDIATE takes the
 * write lock at the start, so a second writer waits (busy timeout) rather than failing mid-way.
 */
export function inTransaction<T>(db: DatabaseSync, write: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = write();
    db.exec('COMMIT');
    return value;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
