import { createHash } from 'node:crypto';
import type { GenerationRequest } from '../../shared/contract';

/**
 * What makes two submits "the same request" for Idempotency-Key: the validated body (defaults
 * filled in), whatever its whitespace or key order.
 */
export function generationBodyHash(body: GenerationRequest): string {
  const canonical = JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b))));
  return createHash('sha256').update(canonical).digest('hex');
}
