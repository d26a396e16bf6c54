export interface SettingsStore {
  /** The stored value, or `make()` stored and returned the first time (e.g. the webhook secret). */
  getOrCreate(key: string, make: () => string): Promise<string>;
}
