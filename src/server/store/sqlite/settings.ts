import type Database from 'better-sqlite3';
import type { SettingsStore } from '../settings-store';
import type { StatementCache } from './statement-cache';

export class SqliteSettingsStore implements SettingsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
  ) {}

  async getOrCreate(key: string, make: () => string): Promise<string> {
    return this.db.transaction(() => {
      this.statements.get('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, make());
      return (this.statements.get('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value;
    })();
  }
}
