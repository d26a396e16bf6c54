import { useCallback, useRef, useState } from 'react';
import { useToast } from '@/components/toast/toast-context';
import { formatCredits } from '@/lib/format-credits';
import { IdempotencyAttempt } from '@/lib/idempotency-attempt';
import { askToReveal } from '@/lib/reveal-new-work';
import type { BatchRequestInput } from '@/shared/batch-contract';
import { useCreateBatch } from '@/features/batch/api/create-batch';

/**
 * Sends a batch once per attempt: a second click while the first is on its way is ignored, and
 * a retry of the same batch carries the same Idempotency-Key, so the server makes it once.
 */
export function useBatchSubmit(onCreated: () => void) {
  const [attempt] = useState(() => new IdempotencyAttempt());
  const inFlight = useRef(false);
  const mutation = useCreateBatch();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);

  const submit = useCallback(
    async (request: BatchRequestInput) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setError(null);
      try {
        const created = await mutation.mutateAsync({ request, idempotencyKey: attempt.keyFor(request) });
        attempt.complete();
        askToReveal({ taskId: created.task_ids[0] ?? '', batchId: created.batch_id });
        toast({
          kind: 'success',
          title: 'Your batch is on its way',
          description: `${created.task_ids.length} videos · ${formatCredits(created.total_price_credits)} when all are ready. Follow them in the gallery.`,
        });
        onCreated();
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : 'Something went wrong. Try again.';
        setError(message);
        toast({ kind: 'error', title: 'The batch was not started', description: message });
      } finally {
        inFlight.current = false;
      }
    },
    [attempt, mutation, onCreated, toast],
  );

  return { submit, isPending: mutation.isPending, error };
}
