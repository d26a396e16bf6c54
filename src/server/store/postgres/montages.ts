import { insertSql, POSTGRES } from '../sql-dialect';
import { endingValues, newMontageRow, toMontage, type MontageRow } from '../montage-row';
import type { MontageCreation, MontageEnding, MontageRecord, MontagesStore, NewMontage } from '../montages-store';
import type { PgDatabase } from './pg-database';
import { holderAlive } from './leases';

const UNFINISHED = "status IN ('queued', 'running')";

export class PgMontagesStore implements MontagesStore {
  constructor(private readonly db: PgDatabase) {}

  async create(montage: NewMontage): Promise<MontageCreation> {
    const row = newMontageRow(montage);
    const { text, values } = insertSql('montages', [row], POSTGRES);
    // The unique key decides a race between servers: the loser reads the winner's montage.
    const inserted = await this.db.write(`${text} ON CONFLICT (idempotency_key) DO NOTHING`, values);
    if (inserted === 1) return { state: 'created', montage: toMontage(row) };
    const earlier = await this.db.row<MontageRow>('SELECT * FROM montages WHERE idempotency_key = $1', [
      montage.idempotency?.key,
    ]);
    if (!earlier) throw new Error('A montage with this key was neither stored nor found.');
    return earlier.body_hash === montage.idempotency?.bodyHash
      ? { state: 'replay', montage: toMontage(earlier) }
      : { state: 'conflict' };
  }

  async get(id: string): Promise<MontageRecord | null> {
    const row = await this.db.row<MontageRow>('SELECT * FROM montages WHERE id = $1', [id]);
    return row ? toMontage(row) : null;
  }

  async list(limit: number): Promise<MontageRecord[]> {
    const rows = await this.db.rows<MontageRow>('SELECT * FROM montages ORDER BY created_at DESC, id DESC LIMIT $1', [
      limit,
    ]);
    return rows.map(toMontage);
  }

  async claim(owner: string, now: number, leaseUntil: number, limit: number): Promise<MontageRecord[]> {
    const rows = await this.db.rows<MontageRow>(
      `UPDATE montages SET status = 'running', lease_owner = $1, lease_until = $2, updated_at = $3
       WHERE id IN (SELECT id FROM montages WHERE ${UNFINISHED}
                      AND (lease_until IS NULL OR lease_until < $3 OR (lease_owner <> $1 AND NOT ${holderAlive('montages')}))
                    ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [owner, leaseUntil, now, limit],
    );
    return rows.map(toMontage).sort((a, b) => a.id.localeCompare(b.id));
  }

  async progress(id: string, owner: string, progress: number, leaseUntil: number, now: number): Promise<boolean> {
    const changed = await this.db.write(
      `UPDATE montages SET progress = GREATEST(progress, $1), lease_until = $2, updated_at = $3
       WHERE id = $4 AND lease_owner = $5 AND ${UNFINISHED}`,
      [progress, leaseUntil, now, id, owner],
    );
    return changed === 1;
  }

  async finish(id: string, owner: string, ending: MontageEnding, now: number): Promise<boolean> {
    const [status, result, code, message] = endingValues(ending);
    const changed = await this.db.write(
      `UPDATE montages SET status = $1, result = $2, error_code = $3, error_message = $4,
         progress = CASE WHEN $1 = 'succeeded' THEN 100 ELSE progress END,
         lease_owner = NULL, lease_until = NULL, updated_at = $5, finished_at = $5
       WHERE id = $6 AND lease_owner = $7 AND ${UNFINISHED}`,
      [status, result, code, message, now, id, owner],
    );
    return changed === 1;
  }
}
