/** `POST /api/v1/auth/session` (sign in with the dashboard password) and `DELETE` (sign out). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionStateSchema, type SessionState, type SignInRequest } from '@/shared/auth-contract';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export function signIn(body: SignInRequest) {
  return apiFetch('/api/v1/auth/session', { schema: sessionStateSchema, method: 'POST', body });
}

export function signOut() {
  return apiFetch('/api/v1/auth/session', { schema: sessionStateSchema, method: 'DELETE' });
}

/*
 * Whatever was cached belongs to the previous session: drop it, then keep the new state (in
 * the session query itself, which the page on screen is watching).
 */
function useStartFresh() {
  const queryClient = useQueryClient();
  const [scope] = queryKeys.session();
  return (state: SessionState) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== scope });
    queryClient.setQueryData(queryKeys.session(), state);
  };
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn, onSuccess: useStartFresh() });
}

export function useSignOut() {
  return useMutation({ mutationFn: () => signOut(), onSuccess: useStartFresh() });
}
