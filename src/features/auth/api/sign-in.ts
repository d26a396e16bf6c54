/** `POST /api/v1/auth/session` (sign in with the dashboard password) and `DELETE` (sign out). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionStateSchema, type SessionState, type SignInRequest } from '../../../shared/auth-contract';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function signIn(body: SignInRequest) {
  return apiFetch('/api/v1/auth/session', { schema: sessionStateSchema, method: 'POST', body });
}

export function signOut() {
  return apiFetch('/api/v1/auth/session', { schema: sessionStateSchema, method: 'DELETE' });
}

/* Whatever was cached belongs to the previous session: drop it all, then keep the new state. */
function useStartFresh() {
  const queryClient = useQueryClient();
  return (state: SessionState) => {
    queryClient.clear();
    queryClient.setQueryData(queryKeys.session(), state);
  };
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn, onSuccess: useStartFresh() });
}

export function useSignOut() {
  return useMutation({ mutationFn: () => signOut(), onSuccess: useStartFresh() });
}
