import { refill, retryAfterS, type BucketRule, type RateLimitStore, type TakeResult } from '../rate-limit-store';
import type { PgDatabase } from './pg-database';

/*
 * One statement, so servers taking from one client's bucket at once queue on its row: a new
 * client starts full less one; otherwise the bucket is refilled for the time passed and a token
 * taken only when there is one (the WHERE), so a refused take changes nothing and answers no
 * row. Time never runs backwards for a bucket (GREATEST), should two servers' clocks differ.
 */
const TAKE = `
  INSERT INTO rate_limits AS b (key, tokens, updated_at) VALUES ($1, $2::float8 - 1, $3::bigint)
  ON CONFLICT (key) DO UPDATE SET
    tokens = LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.updated_at) / 1000.0 * $4::float8) - 1,
    updated_at = GREATEST(b.updated_at, $3::bigint)
  WHERE LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.updated_at) / 1000.0 * $4::float8) >= 1
  RETURNING tokens`;

export class PgRateLimitStore implements RateLimitStore {
  constructor(private readonly db: PgDatabase) {}

  async take(key: string, rule: BucketRule, now: number): Promise<TakeResult> {
    if (await this.db.row(TAKE, [key, rule.capacity, now, rule.refillPerSecond])) return { allowed: true };
    const row = await this.db.row<{ tokens: number; updated_at: number }>(
      'SELECT tokens, updated_at FROM rate_limits WHERE key = $1',
      [key],
    );
    return { allowed: false, retryAfterS: retryAfterS(refill(row!.tokens, now - row!.updated_at, rule), rule) };
  }

  purgeIdle(before: number): Promise<number> {
    return this.db.write('DELETE FROM rate_limits WHERE updated_at < $1', [before]);
  }
}
