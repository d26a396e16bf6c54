import type { SettingsStore } from '../settings-store';
import type { PgDatabase } from './pg-database';

export class PgSettingsStore implements SettingsStore {
  constructor(private readonly db: PgDatabase) {}

  /* Two statements, not one: the read must see a value another server inserted while ours waited on it. */
  async getOrCreate(key: string, make: () => string): Promise<string> {
    await this.db.write('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      make(),
    ]);
    const row = await this.db.row<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return row!.value;
  }
}
