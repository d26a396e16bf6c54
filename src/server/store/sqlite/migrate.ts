import type Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrations';

/** Applies the migrations this database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database was written by a newer version of this server (schema ${current}, this one knows ${MIGRATIONS.length}).`,
    );
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
