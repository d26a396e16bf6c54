/** `GET /api/v1/auth/session`: whether this server needs a sign-in, and whether this browser has one. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { sessionStateSchema, type SessionState } from '@/shared/auth-contract';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function getSession(signal?: AbortSignal): Promise<SessionState> {
  return apiFetch('/api/v1/auth/session', { schema: sessionStateSchema, signal });
}

export function sessionQueryOptions() {
  return queryOptions({ queryKey: queryKeys.session(), queryFn: ({ signal }) => getSession(signal) });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}
