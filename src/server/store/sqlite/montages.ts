import { insertSql, SQLITE } from '../sql-dialect';
import { endingValues, newMontageRow, toMontage, type MontageRow } from '../montage-row';
import type { MontageCreation, MontageEnding, MontageRecord, MontagesStore, NewMontage } from '../montages-store';
import type { SqliteDatabase } from './sqlite-database';

const UNFINISHED = "status IN ('queued', 'running')";

export class SqliteMontagesStore implements MontagesStore {
  constructor(private readonly db: SqliteDatabase) {}

  create(montage: NewMontage): Promise<MontageCreation> {
    const row = newMontageRow(montage);
    const { text, values } = insertSql('montages', [row], SQLITE);
    // One transaction with the write lock: the key's first montage is read, or this one is stored.
    return this.db.transaction((): MontageCreation => {
      if (montage.idempotency) {
        const earlier = this.db
          .prepare('SELECT * FROM montages WHERE idempotency_key = ?')
          .get(montage.idempotency.key) as MontageRow | undefined;
        if (earlier) {
          return earlier.body_hash === montage.idempotency.bodyHash
            ? { state: 'replay', montage: toMontage(earlier) }
            : { state: 'conflict' };
        }
      }
      this.db.prepare(text).run(...values);
      return { state: 'created', montage: toMontage(row) };
    });
  }

  async get(id: string): Promise<MontageRecord | null> {
    const row = await this.db.get<MontageRow>('SELECT * FROM montages WHERE id = ?', id);
    return row ? toMontage(row) : null;
  }

  async list(limit: number): Promise<MontageRecord[]> {
    const rows = await this.db.all<MontageRow>(
      'SELECT * FROM montages ORDER BY created_at DESC, id DESC LIMIT ?',
      limit,
    );
    return rows.map(toMontage);
  }

  async claim(owner: string, now: number, leaseUntil: number, limit: number): Promise<MontageRecord[]> {
    const rows = await this.db.all<MontageRow>(
      `UPDATE montages SET status = 'running', lease_owner = ?, lease_until = ?, updated_at = ?
       WHERE id IN (SELECT id FROM montages WHERE ${UNFINISHED} AND (lease_until IS NULL OR lease_until < ?)
                    ORDER BY id LIMIT ?)
       RETURNING *`,
      owner,
      leaseUntil,
      now,
      now,
      limit,
    );
    return rows.map(toMontage).sort((a, b) => a.id.localeCompare(b.id));
  }

  async progress(id: string, owner: string, progress: number, leaseUntil: number, now: number): Promise<boolean> {
    const changed = await this.db.write(
      `UPDATE montages SET progress = MAX(progress, ?), lease_until = ?, updated_at = ?
       WHERE id = ? AND lease_owner = ? AND ${UNFINISHED}`,
      progress,
      leaseUntil,
      now,
      id,
      owner,
    );
    return changed === 1;
  }

  async finish(id: string, owner: string, ending: MontageEnding, now: number): Promise<boolean> {
    const [status, result, code, message] = endingValues(ending);
    const changed = await this.db.write(
      `UPDATE montages SET status = ?, result = ?, error_code = ?, error_message = ?,
         progress = CASE WHEN ? = 'succeeded' THEN 100 ELSE progress END,
         lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ?
       WHERE id = ? AND lease_owner = ? AND ${UNFINISHED}`,
      status,
      result,
      code,
      message,
      status,
      now,
      now,
      id,
      owner,
    );
    return changed === 1;
  }
}
