import { createHash } from 'node:crypto';
import type { GenerationRequest } from '@/shared/contract';
import type { BatchRequest } from '@/shared/batch-contract';

/**
 * What makes two submits "the same request" for Idempotency-Key: the validated body (defaults
 * filled in), whatever its whitespace or key order. A batch and a single video never hash alike
 * (their fields differ), so one key cannot be replayed across the two routes.
 */
export function generationBodyHash(body: GenerationRequest | BatchRequest): string {
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b))));
  return createHash('sha256').update(canonical).digest('hex');
}
