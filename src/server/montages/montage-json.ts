import { createHash } from 'node:crypto';
import type { Montage, MontageRequest } from '@/shared/montage-contract';
import { videoResultJson } from '@/server/media/video-result-json';
import type { MontageRecord } from '@/server/store/montages-store';

export function toMontageJson(montage: MontageRecord, origin: string): Montage {
  const result = montage.result && videoResultJson(montage.result, origin);
  return {
    montage_id: montage.id,
    status: montage.status,
    progress: Math.round(montage.progress),
    format: montage.spec.format,
    clip_count: montage.spec.clips.length,
    result,
    error: montage.error,
    created_at: new Date(montage.createdAt).toISOString(),
  };
}

/** What makes a retry "the same montage" for its Idempotency-Key: the validated body, defaults filled in. */
export function montageBodyHash(body: MontageRequest): string {
  return createHash('sha256')
    .update(`montage:${JSON.stringify(body)}`)
    .digest('hex');
}
