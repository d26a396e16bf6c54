/** `POST /api/v1/batches/{id}/retry-failed`: the batch's failed videos made again, once each, from the stored images. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/toast/toast-context';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { batchRetrySchema, type BatchRetry } from '@/shared/batch-contract';

export function retryFailed(batchId: string): Promise<BatchRetry> {
  return apiFetch(`/api/v1/batches/${encodeURIComponent(batchId)}/retry-failed`, {
    method: 'POST',
    schema: batchRetrySchema,
  });
}

export function useRetryFailed(batchId: string) {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: () => retryFailed(batchId),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: queryKeys.tasks() });
      const made = answer.created_task_ids.length;
      toast(
        made
          ? {
              kind: 'success',
              title: `Retrying ${made} failed ${made === 1 ? 'video' : 'videos'}`,
              description: 'Same settings and photos; nothing was uploaded again.',
            }
          : {
              kind: 'info',
              title: 'Already retried',
              description: 'Every failed video of this batch is being made again already.',
            },
      );
    },
    onError: (error) => toast({ kind: 'error', title: 'Could not retry', description: error.message }),
  });
}
