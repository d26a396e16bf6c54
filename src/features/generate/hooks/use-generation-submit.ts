import { useCallback, useRef, useState } from 'react';
import { useToast } from '@/components/toast/toast-context';
import { ApiError } from '@/lib/api-client';
import { askNotificationPermissionOnce } from '@/lib/background-notice';
import { askToReveal } from '@/lib/reveal-new-work';
import { formatCredits } from '@/lib/format-credits';
import type { GenerationForm } from '@/shared/contract';
import { useCreateGeneration } from '@/features/generate/api/create-generation';
import { fieldOfError, type FieldError } from '@/features/generate/lib/field-of-error';
import { IdempotencyAttempt } from '@/lib/idempotency-attempt';
import { MODE_LABELS } from '@/lib/mode-labels';

/**
 * Sends the form once per attempt: a second click while the first is on its way is ignored,
 * and a retry of the same values carries the same Idempotency-Key, so one task is made.
 */
export function useGenerationSubmit(onFieldError: (error: FieldError) => void, onCreated: () => void) {
  const [attempt] = useState(() => new IdempotencyAttempt());
  const inFlight = useRef(false);
  const mutation = useCreateGeneration();
  const toast = useToast();

  const submit = useCallback(
    async (values: GenerationForm) => {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        const created = await mutation.mutateAsync({ values, idempotencyKey: attempt.keyFor(values) });
        attempt.complete();
        onCreated();
        askToReveal({ taskId: created.task_id });
        askNotificationPermissionOnce();
        toast({
          kind: 'success',
          title: 'Your video is on its way',
          description: `${MODE_LABELS[values.mode]} · ${values.duration} s · ${values.resolution} · ${formatCredits(created.price_credits)} when ready. Follow it in the gallery.`,
        });
      } catch (error) {
        const field = error instanceof ApiError ? fieldOfError(error) : null;
        if (field) onFieldError(field);
        toast({
          kind: 'error',
          title: 'The video was not started',
          description: error instanceof Error ? error.message : 'Something went wrong. Try again.',
        });
      } finally {
        inFlight.current = false;
      }
    },
    [attempt, mutation, onFieldError, onCreated, toast],
  );

  return { submit, isPending: mutation.isPending };
}
