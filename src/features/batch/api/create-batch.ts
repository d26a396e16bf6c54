/** `POST /api/v1/batches`: every image × variant as a task, in one request. The Idempotency-Key makes a retry harmless. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { batchCreatedSchema, type BatchCreated, type BatchRequestInput } from '@/shared/batch-contract';

export interface CreateBatchInput {
  request: BatchRequestInput;
  idempotencyKey: string;
}

export function createBatch({ request, idempotencyKey }: CreateBatchInput): Promise<BatchCreated> {
  return apiFetch('/api/v1/batches', {
    method: 'POST',
    schema: batchCreatedSchema,
    body: request,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreateBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createBatch,
    // Only a lost connection is retried: the key makes the server answer the first batch again.
    retry: (failures, error) => error instanceof ApiError && error.isNetwork && failures < 2,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: [...queryKeys.tasks(), 'list'] });
      void client.invalidateQueries({ queryKey: queryKeys.credits() });
    },
  });
}
