/**
 * Which servers are alive, as PostgreSQL itself knows it: each server holds an advisory lock
 * named for its id on a connection of its own for as long as it runs. A server that dies — a
 * crash, SIGKILL, a lost machine — loses its connection, and PostgreSQL lets go of the lock, so
 * the others see at once that its leases are orphans (leases.ts) instead of waiting for them to
 * run out. A lease still runs out on its own too: that covers a server that is alive but stuck.
 *
 * Should the connection drop while the server lives on (a database restart, a network blip),
 * its leases look orphaned and may be taken over — safe, since its writes then carry a stale
 * lease and are refused — and the lock is taken again as soon as the database answers.
 */
import pg from 'pg';

/** The namespace of the locks (the first key); the second is the server id's hash. */
export const PRESENCE_NAMESPACE = 'hailuo-studio server';

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 10_000;

export class PgPresence {
  private readonly sessions = new Map<string, pg.Client>();
  private closed = false;

  constructor(private readonly url: string) {}

  /** Holds `owner`'s lock until close(), taking it again after a lost connection. */
  async join(owner: string): Promise<void> {
    if (this.sessions.has(owner)) return;
    await this.connect(owner);
  }

  async close(): Promise<void> {
    this.closed = true;
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(sessions.map((client) => client.end()));
  }

  private async connect(owner: string): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      application_name: 'hailuo-studio presence',
    });
    client.on('error', () => {}); // a lost connection ends the client; 'end' below takes the lock again
    try {
      await client.connect();
      const { rows } = await client.query<{ held: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS held',
        [PRESENCE_NAMESPACE, owner],
      );
      if (!rows[0]?.held) throw new Error(`Another server is running with the id ${owner}.`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) return void (await client.end());
    this.sessions.set(owner, client);
    client.on('end', () => {
      if (this.sessions.get(owner) === client) this.sessions.delete(owner);
      if (!this.closed) void this.rejoin(owner);
    });
  }

  private async rejoin(owner: string): Promise<void> {
    for (
      let wait = RETRY_FIRST_MS;
      !this.closed && !this.sessions.has(owner);
      wait = Math.min(RETRY_MAX_MS, wait * 2)
    ) {
      await new Promise((resolve) => setTimeout(resolve, wait).unref());
      try {
        await this.connect(owner);
      } catch {
        // The database is not answering yet: try again later.
      }
    }
  }
}
