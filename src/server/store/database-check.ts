import type { HealthCheck } from '@/server/routes/health';
import type { Store } from './store';

/** The health check's `database`: one trivial query, timed; says which database it is. */
export function databaseCheck(store: Store): HealthCheck {
  return {
    name: 'database',
    run: async () => {
      await store.ping();
      return { kind: store.kind };
    },
  };
}
