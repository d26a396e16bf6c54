import type { SettingsStore } from '../settings-store';
import type { SqliteDatabase } from './sqlite-database';

export class SqliteSettingsStore implements SettingsStore {
  constructor(private readonly db: SqliteDatabase) {}

  getOrCreate(key: string, make: () => string): Promise<string> {
    return this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, make());
      return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value;
    });
  }
}
