/** A task as a request would make it, for tests that write past activity straight into a store. */
import { MODEL_IDS } from '@/shared/pricing';
import { newId } from '@/server/store/new-id';
import type { NewTask } from '@/server/store/tasks-store';

export function newTask(overrides: Partial<NewTask> = {}): NewTask {
  const createdAt = overrides.createdAt ?? Date.now();
  return {
    id: newId('tsk', createdAt),
    engine: 'local',
    model: 'hailuo-2-3',
    modelId: MODEL_IDS.standard,
    mode: 'standard',
    prompt: 'A slow push in',
    image: 'https://example.com/a.jpg',
    duration: '6',
    resolution: '768P',
    priceCredits: 30,
    callbackUrl: null,
    batchId: null,
    idempotencyKey: null,
    createdAt,
    ...overrides,
  };
}
