/**
 * The fleet's wakes on PostgreSQL (fleet-wakes.ts): one connection of its own per server that
 * LISTENs on a channel, and NOTIFYs sent through the pool. The channel is named for the schema,
 * so fleets on different schemas of one database (the tests' schemas among them) stay apart.
 * Each notification carries this server's token, so a server does not wake itself.
 *
 * The listening connection is kept: after a drop (a database restart, a network blip) it is
 * opened again with backoff, and the server wakes once, since a notification may have been
 * missed meanwhile. Until then the servers fall back to their own schedule.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FleetWakes } from '../fleet-wakes';
import type { PgDatabase } from './pg-database';

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 10_000;

export class PgWakeChannel implements FleetWakes {
  private readonly token = randomBytes(9).toString('base64url');
  private channel: string | null = null;
  private client: pg.Client | null = null;
  private onWake: (() => void) | null = null;
  private sending = false;
  private again = false;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly db: PgDatabase,
  ) {}

  notify(): void {
    if (this.closed) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    void this.send();
  }

  async listen(onWake: () => void): Promise<void> {
    this.onWake = onWake;
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async channelName(): Promise<string> {
    if (this.channel) return this.channel;
    const { schema } = (await this.db.row<{ schema: string }>('SELECT current_schema() AS schema'))!;
    const name = `hailuo_wake_${schema}`;
    // A channel name is at most 63 bytes: a long schema name is hashed.
    this.channel =
      Buffer.byteLength(name) <= 63
        ? name
        : `hailuo_wake_${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
    return this.channel;
  }

  /* One NOTIFY at a time; calls meanwhile make one more after it. A failed one is a missed hint only. */
  private async send(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.db.write('SELECT pg_notify($1, $2)', [await this.channelName(), this.token]);
      } while (this.again && !this.closed);
    } catch {
      // The database is not answering: the others find the task at their next scheduled look.
    } finally {
      this.sending = false;
    }
  }

  private async connect(): Promise<void> {
    const channel = await this.channelName();
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      application_name: 'hailuo-studio wakes',
    });
    client.on('error', () => {}); // a lost connection ends the client; 'end' below opens another
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) return void (await client.end());
    this.client = client;
    client.on('notification', (message) => {
      if (message.payload !== this.token) this.onWake?.();
    });
    client.on('end', () => {
      if (this.client === client) this.client = null;
      if (!this.closed) void this.reconnect();
    });
  }

  private async reconnect(): Promise<void> {
    for (let wait = RETRY_FIRST_MS; !this.closed && !this.client; wait = Math.min(RETRY_MAX_MS, wait * 2)) {
      await new Promise((resolve) => setTimeout(resolve, wait).unref());
      try {
        await this.connect();
        this.onWake?.();
      } catch {
        // Not answering yet: try again later.
      }
    }
  }
}
