/** `GET /api/v1/montages` (polled while one renders) and `POST /api/v1/montages` with an Idempotency-Key per attempt. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { pollInterval } from '@/lib/task-polling/poll-interval';
import { usePageHidden } from '@/lib/task-polling/use-page-hidden';
import {
  montageCreatedSchema,
  montageListSchema,
  type MontageList,
  type MontageRequestInput,
} from '@/shared/montage-contract';

export function montageListQuery(hidden: boolean) {
  return queryOptions({
    queryKey: queryKeys.montages(),
    queryFn: ({ signal }) => apiFetch('/api/v1/montages', { schema: montageListSchema, signal }),
    refetchInterval: (query) => {
      const list: MontageList | undefined = query.state.data;
      const rendering = list?.montages.some((m) => m.status === 'queued' || m.status === 'running') ?? false;
      return pollInterval(!rendering, hidden);
    },
  });
}

export function useMontages() {
  return useQuery(montageListQuery(usePageHidden()));
}

export interface CreateMontageInput {
  request: MontageRequestInput;
  idempotencyKey: string;
}

export function useCreateMontage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: CreateMontageInput) =>
      apiFetch('/api/v1/montages', {
        method: 'POST',
        schema: montageCreatedSchema,
        body: request,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    // Only a lost connection is retried: the key makes the server answer the first montage again.
    retry: (failures, error) => error instanceof ApiError && error.isNetwork && failures < 2,
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.montages() }),
  });
}
