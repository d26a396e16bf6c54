/**
 * How servers sharing a store tell each other that work is due now (a new task, an upstream
 * webhook's hint), so that a task submitted to a busy server is taken by an idle one at once
 * rather than at that one's next scheduled look. Only a hint: each server still finds its work
 * by claiming due tasks from the store, so a lost wake costs a wait, never a task.
 *
 * PostgreSQL: LISTEN/NOTIFY (postgres/wake-channel.ts). SQLite has none: one server per DATA_DIR.
 */
export interface FleetWakes {
  /** Tells the other servers that work is due (coalesced: a burst of calls is a few notifications). */
  notify(): void;
  /** Calls `onWake` whenever another server notified, and after a lost connection is back (a wake may have been missed). */
  listen(onWake: () => void): Promise<void>;
}
