/** The montages table's row (the same columns in SQLite and PostgreSQL) and its mapping to a MontageRecord. */
import type { MontageEnding, MontageRecord, MontageStatus, NewMontage } from './montages-store';

export interface MontageRow {
  id: string;
  status: MontageStatus;
  progress: number;
  format: string;
  clip_count: number;
  spec: string;
  idempotency_key: string | null;
  body_hash: string | null;
  result: string | null;
  error_code: string | null;
  error_message: string | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export function newMontageRow(montage: NewMontage): MontageRow {
  return {
    id: montage.id,
    status: 'queued',
    progress: 0,
    format: montage.spec.format,
    clip_count: montage.spec.clips.length,
    spec: JSON.stringify(montage.spec),
    idempotency_key: montage.idempotency?.key ?? null,
    body_hash: montage.idempotency?.bodyHash ?? null,
    result: null,
    error_code: null,
    error_message: null,
    lease_owner: null,
    lease_until: null,
    created_at: montage.createdAt,
    updated_at: montage.createdAt,
    finished_at: null,
  };
}

export function toMontage(row: MontageRow): MontageRecord {
  return {
    id: row.id,
    status: row.status,
    progress: Number(row.progress),
    spec: JSON.parse(row.spec) as MontageRecord['spec'],
    result: row.result ? (JSON.parse(row.result) as MontageRecord['result']) : null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** The columns an ending sets, in order: status, result, error code, error message. */
export function endingValues(ending: MontageEnding): [string, string | null, string | null, string | null] {
  return ending.status === 'succeeded'
    ? ['succeeded', JSON.stringify(ending.result), null, null]
    : ['failed', null, ending.error.code, ending.error.message];
}
