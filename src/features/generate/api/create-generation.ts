/** `POST /api/v1/videos/generations`: starts a task. The Idempotency-Key makes a retried submit harmless. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import {
  generationCreatedSchema,
  type GenerationCreated,
  type GenerationForm,
  type GenerationRequestInput,
} from '@/shared/contract';
import { MODEL_IDS } from '@/shared/pricing';

export interface CreateGenerationInput {
  values: GenerationForm;
  /** One per submit attempt; the same key on a retry of that attempt (see idempotency-attempt.ts). */
  idempotencyKey: string;
}

export function toGenerationRequest(values: GenerationForm): GenerationRequestInput {
  return {
    model: MODEL_IDS[values.mode],
    prompt: values.prompt,
    image: values.image,
    duration: values.duration,
    resolution: values.resolution,
  };
}

export function createGeneration({ values, idempotencyKey }: CreateGenerationInput): Promise<GenerationCreated> {
  return apiFetch('/api/v1/videos/generations', {
    method: 'POST',
    schema: generationCreatedSchema,
    body: toGenerationRequest(values),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/* Only a lost connection is retried: the key guarantees the server makes one task however often it hears it. */
function retryLostConnection(failures: number, error: Error): boolean {
  return error instanceof ApiError && error.isNetwork && failures < 2;
}

export function useCreateGeneration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createGeneration,
    retry: retryLostConnection,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: [...queryKeys.tasks(), 'list'] });
      void client.invalidateQueries({ queryKey: queryKeys.credits() });
    },
  });
}
