/** `GET /api/v1/batches/{id}`: counts, progress and spend of a batch, polled until every task has ended. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { isDocumentHidden, pollInterval } from '@/lib/task-polling/poll-interval';
import { usePageHidden } from '@/lib/task-polling/use-page-hidden';
import { batchSchema, type Batch } from '@/shared/batch-contract';

export function getBatch(batchId: string, signal?: AbortSignal): Promise<Batch> {
  return apiFetch(`/api/v1/batches/${encodeURIComponent(batchId)}`, { schema: batchSchema, signal });
}

export function batchQueryOptions(batchId: string, hidden = isDocumentHidden()) {
  return queryOptions({
    queryKey: queryKeys.batch(batchId),
    queryFn: ({ signal }) => getBatch(batchId, signal),
    refetchInterval: (query) => pollInterval(query.state.data?.done === true, hidden),
  });
}

export function useBatch(batchId: string) {
  return useQuery(batchQueryOptions(batchId, usePageHidden()));
}
